using System.Net;

namespace SocketCourse.AsyncAndScale.Tests;

// A refused client reads the busy line and end of stream even when the server only shuts its side down; the server's
// socket must still be closed, or every refusal leaks one. Found by mutation testing (.ci/mutation).

/// <summary>Step 3: the server closes the socket of a client it refused, not only its sending side.</summary>
[Trait("Lesson", "07")]
[Trait("Step", "3")]
public sealed class Step3_RefusedClientIsClosedTests
{
    [Fact(DisplayName = "A refused client's socket is closed on the server, not only shut down")]
    public async Task A_refused_clients_socket_is_closed_on_the_server()
    {
        await using var server = AsyncEchoServer.Start(Loopback.AnyPort, limits: new ServerLimits(MaxConnections: 1));
        using var first = await LoopbackPeer.ConnectAsync(server.EndPoint, "client 1 (the cap is 1)");
        await first.SendAsync("hello\n");
        await first.ReadLineAsync("client 1's echo");

        using var refused = await LoopbackPeer.ConnectAsync(server.EndPoint, "client 2, beyond the cap of 1");
        var busy = await refused.ReadLineAsync("the busy line sent to client 2");
        Assert.True(busy == LimitReplies.Busy(1), $"Client 2, beyond the cap of 1, read {Show.Text(busy)}, expected {Show.Text(LimitReplies.Busy(1))}.");
        await refused.ExpectEndOfStreamAsync("after the busy line the server ends the refused connection");

        // The refused client keeps its own side open, so the server's end stays listed by the kernel until it is closed.
        var serverEnd = (IPEndPoint)refused.Socket.RemoteEndPoint!;
        var clientEnd = refused.LocalEndPoint;
        await Eventually.TrueAsync(() => SocketLeaks.IsConnectionOpen(serverEnd, clientEnd) != true,
            "the server to close its socket for the refused client",
            () => "the server's socket for the refused client is still open: it sent the busy line and shut down its sending side, " +
                  "but never disposed the socket. Close it in a finally (using var, or client.Dispose()), on every path of the refusal.");
    }
}
