namespace SocketCourse.SocketBasics.Tests;

// DisposeAsync may be called more than once (an `await using` and an explicit stop, say), and every call after the
// first does nothing: .NET's rule for Dispose. Found by mutation testing (.ci/mutation): the early return was never run.

/// <summary>Step 2: a UDP echo server disposed twice.</summary>
[Trait("Lesson", "02")]
[Trait("Step", "2")]
public sealed class Step2_DisposeTwiceTests
{
    [Fact(DisplayName = "Disposing the UDP server twice is harmless")]
    public async Task Disposing_the_UDP_server_twice_is_harmless()
    {
        var server = UdpEchoServer.Start(Loopback.AnyPort);

        await DisposeTwice.Expect(() => server.DisposeAsync(), "UdpEchoServer");
    }
}

/// <summary>Step 3: a Unix-domain echo server disposed twice.</summary>
[Trait("Lesson", "02")]
[Trait("Step", "3")]
public sealed class Step3_DisposeTwiceTests : IDisposable
{
    private readonly string _path = TempSocketPath.New();

    /// <inheritdoc />
    public void Dispose() => TempSocketPath.Clean(_path);

    [Fact(DisplayName = "Disposing the Unix-domain server twice is harmless")]
    public async Task Disposing_the_Unix_domain_server_twice_is_harmless()
    {
        var server = UnixEchoServer.Start(_path);

        await DisposeTwice.Expect(() => server.DisposeAsync(), "UnixEchoServer");
    }
}

internal static class DisposeTwice
{
    /// <summary>Calls <paramref name="dispose"/> twice; the second call must return at once, without an exception.</summary>
    public static async Task Expect(Func<ValueTask> dispose, string server)
    {
        await dispose().AsTask().Within(Deadlines.Default, $"the first DisposeAsync of the {server} to stop it");
        try
        {
            await dispose().AsTask().Within(Deadlines.Short, $"a second DisposeAsync of the {server}, which has nothing left to do");
        }
        catch (Exception e) when (e is not (NotImplementedException or GradingException))
        {
            throw new GradingException(
                $"A second DisposeAsync of the {server} threw {Explain.Exception(e)} Dispose may be called more than once (an " +
                "`await using` and an explicit stop), and every call after the first must do nothing: note that the first one " +
                "ran (e.g. Interlocked.Exchange on a flag) and return early.", e);
        }
    }
}
