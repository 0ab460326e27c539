using System.Net.Sockets;

namespace SocketCourse.Framing.Tests;

/// <summary>
/// Step 3: a server that cannot bind says so and leaves nothing open. Runs alone, because it counts the process's
/// sockets. Found by mutation testing (.ci/mutation): no grader made Start fail before, so a Start that swallowed the
/// bind error (and then failed some other way, or not at all) went unnoticed.
/// </summary>
[Trait("Lesson", "05")]
[Trait("Step", "3")]
[Collection(SocketCountingCollection.Name)]
public sealed class Step3_FailedStartTests
{
    [Fact(DisplayName = "A failed Start leaves no socket open")]
    public void A_failed_Start_leaves_no_socket_open()
    {
        using var taken = LoopbackListener.Start();

        SocketLeaks.ExpectNothingLeftOpen(() => PipelinedLineServer.Start(taken.EndPoint, line => line).StopAsync().Wait(Deadlines.Default),
            $"PipelinedLineServer.Start({taken.EndPoint}), a port that is taken,");
    }

    [Fact(DisplayName = "Start on a port that is taken is a SocketException, AddressAlreadyInUse")]
    public async Task Start_on_a_port_that_is_taken_is_a_SocketException_AddressAlreadyInUse()
    {
        using var taken = LoopbackListener.Start();

        PipelinedLineServer? server = null;
        var e = Expect.Throws<SocketException>(() => server = PipelinedLineServer.Start(taken.EndPoint, line => line),
            $"another socket listens on {taken.EndPoint} already; Start promises a SocketException when the address is in use. " +
            "Dispose the listener when Bind throws, then let the exception go on (catch { listener.Dispose(); throw; })");
        if (server is not null) await server.StopAsync().WaitAsync(Deadlines.Default);
        Assert.True(e.SocketErrorCode == SocketError.AddressAlreadyInUse,
            $"Expected AddressAlreadyInUse; got {e.SocketErrorCode}. {Explain.Error(e.SocketErrorCode)}");
    }
}

/// <summary>Graders that count the process's sockets run alone, so other graders' sockets do not blur the count.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SocketCountingCollection
{
    public const string Name = "counts the process's sockets";
}
