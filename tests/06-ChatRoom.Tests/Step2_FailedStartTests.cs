using System.Net.Sockets;

namespace SocketCourse.ChatRoom.Tests;

/// <summary>
/// Step 2: a server that cannot bind says so and leaves nothing open. Runs with the graders that count the process's
/// sockets. Found by mutation testing (.ci/mutation): no grader made Start fail before.
/// </summary>
[Trait("Lesson", "06")]
[Trait("Step", "2")]
[Collection(Step3_ChurnTests.Name)]
public sealed class Step2_FailedStartTests
{
    [Fact(DisplayName = "Start on a port that is taken is a SocketException, AddressAlreadyInUse")]
    public void Start_on_a_port_that_is_taken_is_a_SocketException_AddressAlreadyInUse()
    {
        using var taken = LoopbackListener.Start();
        using var server = new ChatServer(taken.EndPoint);

        var e = Expect.Throws<SocketException>(server.Start,
            $"another socket listens on {taken.EndPoint} already; Start promises a SocketException when the address is in use. " +
            "Dispose the listener when Bind throws, then let the exception go on (catch { listener.Dispose(); throw; })");
        Assert.True(e.SocketErrorCode == SocketError.AddressAlreadyInUse,
            $"Expected AddressAlreadyInUse; got {e.SocketErrorCode}. {Explain.Error(e.SocketErrorCode)}");
    }

    [Fact(DisplayName = "A failed Start leaves no socket open")]
    public void A_failed_Start_leaves_no_socket_open()
    {
        using var taken = LoopbackListener.Start();

        SocketLeaks.ExpectNothingLeftOpen(() =>
        {
            using var server = new ChatServer(taken.EndPoint);
            server.Start();
        }, $"new ChatServer({taken.EndPoint}).Start(), a port that is taken,");
    }
}
