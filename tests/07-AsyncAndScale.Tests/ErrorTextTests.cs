namespace SocketCourse.AsyncAndScale.Tests;

// The errors the docs promise say what went wrong and name the limit involved. Found by mutation testing
// (.ci/mutation): emptying these texts went unnoticed before.

/// <summary>Step 1: a refused limit names itself.</summary>
[Trait("Lesson", "07")]
[Trait("Step", "1")]
public sealed class Step1_LimitErrorTextTests
{
    [Fact(DisplayName = "The ArgumentOutOfRangeException for a bad limit names that limit")]
    public void The_error_for_a_bad_limit_names_that_limit()
    {
        var cases = new (ServerLimits Limits, string Name)[]
        {
            (new ServerLimits(MaxConnections: 0), nameof(ServerLimits.MaxConnections)),
            (new ServerLimits(IdleTimeout: TimeSpan.Zero), nameof(ServerLimits.IdleTimeout)),
            (new ServerLimits(MaxLineBytes: 0), nameof(ServerLimits.MaxLineBytes)),
        };
        foreach (var (limits, name) in cases)
        {
            var error = Expect.Throws<ArgumentOutOfRangeException>(() => AsyncEchoServer.Start(Loopback.AnyPort, limits: limits).StopAsync().Wait(),
                $"{name} is out of range in {limits}");
            Assert.True(error.ParamName?.Contains(name, StringComparison.Ordinal) == true,
                $"Start refused {limits} with ParamName {Show.Text(error.ParamName)}; name the limit that is wrong (e.g. \"limits.{name}\", " +
                "the third argument of ArgumentOutOfRangeException.ThrowIfLessThan), so the caller knows which one to change.");
        }
    }
}

/// <summary>Step 3: the idle timeout and the gate's misuse explain themselves.</summary>
[Trait("Lesson", "07")]
[Trait("Step", "3")]
public sealed class Step3_ErrorTextTests
{
    [Fact(DisplayName = "The idle TimeoutException says how long the reader waited")]
    public async Task The_idle_TimeoutException_says_how_long_the_reader_waited()
    {
        using var pair = await ConnectedPair.OpenAsync();
        await using var stream = new System.Net.Sockets.NetworkStream(pair.Learner, ownsSocket: false);
        var reader = new Framing.LineReader(stream);

        var error = await Expect.Throws<TimeoutException>(
            CodeUnderTest.Start(() => IdleReader.ReadLineAsync(reader, TimeSpan.FromMilliseconds(200), CancellationToken.None).AsTask()),
            "nothing came within the idle timeout of 0.2 s");
        // 0.2 s or 200 ms, with the decimal point of any culture.
        Assert.True(new[] { "0.2", "0,2", "200" }.Any(figure => error.Message.Contains(figure, StringComparison.Ordinal)),
            $"The TimeoutException's message was {Show.Text(error.Message)}. Say what was awaited and for how long (0.2 s here), " +
            "so whoever reads the log can tell an idle client from a slow network.");
    }

    [Fact(DisplayName = "A Leave without an entry says what was misused")]
    public void A_Leave_without_an_entry_says_what_was_misused()
    {
        var gate = new ConnectionGate(1);
        var error = Expect.Throws<InvalidOperationException>(gate.Leave, "Leave without an admitted client");
        Assert.True(error.Message.Contains("leave", StringComparison.OrdinalIgnoreCase),
            $"The InvalidOperationException's message was {Show.Text(error.Message)}. Say that Leave was called without a matching admission, " +
            "so the bug in the caller is found from the log alone.");
    }
}
