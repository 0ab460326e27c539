using System.Net.Sockets;

namespace SocketCourse.SocketBasics.Tests;

/// <summary>Step 2, a UDP echo server that cannot bind: it says so, and leaves nothing open. Runs alone, because it
/// counts the process's sockets.</summary>
[Trait("Lesson", "02")]
[Trait("Step", "2")]
[Collection(SocketCountingCollection.Name)]
public sealed class Step2_FailedStartTests
{
    [Fact(DisplayName = "A failed Start leaves no socket open")]
    public void A_failed_Start_leaves_no_socket_open()
    {
        using var taken = UdpPeer.Open("the grader's UDP socket holding the port");

        SocketLeaks.ExpectNothingLeftOpen(() => UdpEchoServer.Start(taken.EndPoint).DisposeAsync().AsTask().Wait(),
            $"UdpEchoServer.Start({taken.EndPoint}), a port that is taken,");
    }
}

/// <summary>Graders that count the process's sockets run alone, so other graders' sockets do not blur the count.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SocketCountingCollection
{
    public const string Name = "counts the process's sockets";
}
