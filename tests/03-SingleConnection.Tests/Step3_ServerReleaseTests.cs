using System.Net;
using System.Net.Sockets;

namespace SocketCourse.SingleConnection.Tests;

/// <summary>Step 3, the server's promises about its connection: closed cleanly and released on every path,
/// and the wait for the message stoppable too.</summary>
[Trait("Lesson", "03")]
[Trait("Step", "3")]
public sealed class Step3_ServerReleaseTests
{
    private static Socket OpenListener()
    {
        var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(Loopback.AnyPort);
        listener.Listen(8);
        return listener;
    }

    [Fact(DisplayName = "After the reply, the connection is closed cleanly and released")]
    public async Task After_the_reply_the_connection_is_closed_cleanly_and_released()
    {
        using var listener = OpenListener();
        var serving = CodeUnderTest.Start(() => OneShotServer.ServeOnceAsync(listener, m => "ok: " + m));

        using var client = await LoopbackPeer.ConnectAsync(listener.LocalEndPoint!);
        await CodeUnderTest.WhileRunning(serving, async () =>
        {
            await client.SendAsync("hi");
            client.ShutdownSend();
            return await client.ReadExactlyAsync(6, "the reply \"ok: hi\"");
        });
        await CodeUnderTest.Finish(serving, "ServeOnceAsync to return after replying");

        SocketLeaks.ExpectLearnerClosed(client, "after ServeOnceAsync returned");
        await client.ExpectCleanCloseAsync("ServeOnceAsync returned: the connection it accepted is closed");
    }

    [Fact(DisplayName = "A refused message still releases the connection")]
    public async Task A_refused_message_still_releases_the_connection()
    {
        using var listener = OpenListener();
        var serving = CodeUnderTest.Start(() => OneShotServer.ServeOnceAsync(listener, m => m, maxMessageBytes: 10));

        using var client = await LoopbackPeer.ConnectAsync(listener.LocalEndPoint!);
        await client.SendAsync("eleven byte"); // one over the limit: the server has read all of it when it knows
        client.ShutdownSend();

        await Expect.Throws<InvalidDataException>(serving, "11 bytes were sent with maxMessageBytes: 10");
        SocketLeaks.ExpectLearnerClosed(client, "after ServeOnceAsync threw InvalidDataException (close on the failing path too: using)");
        await client.ExpectCleanCloseAsync("ServeOnceAsync refused the message: the connection it accepted is closed on that path too");
    }

    [Fact(DisplayName = "Cancelling while the message is read stops the server")]
    public async Task Cancelling_while_the_message_is_read_stops_the_server()
    {
        using var listener = OpenListener();
        using var cancel = new CancellationTokenSource();
        var serving = CodeUnderTest.Start(() => OneShotServer.ServeOnceAsync(listener, m => m, cancellationToken: cancel.Token));

        // The client connects and sends nothing: a server cancelled before it has read what was sent would close with
        // bytes unread, which resets the connection (right, but no clean close to check).
        using var client = await LoopbackPeer.ConnectAsync(listener.LocalEndPoint!);
        // Cancel only once the server has taken the client off the listener's queue. Until then a cancelled server is
        // still, rightly, waiting for a client (it may poll, or be slow on a busy machine): the client it never accepted
        // would wait in the backlog and never see the close this grader demands. A listener is readable while a
        // connection waits to be accepted, so the grader watches its own listener until that is no longer so; on Linux it
        // also sees the accepted socket itself among the process's handles.
        var learnerEnd = (IPEndPoint)client.Socket.RemoteEndPoint!;
        var graderEnd = (IPEndPoint)client.Socket.LocalEndPoint!;
        await CodeUnderTest.WhileRunning(serving, () => Eventually.TrueAsync(
            () => !listener.Poll(0, SelectMode.SelectRead) && SocketLeaks.IsConnectionOpen(learnerEnd, graderEnd) != false,
            "ServeOnceAsync to accept the client that connected",
            () => "The client is still waiting in the listener's backlog: call AcceptAsync on the listener you were given."));
        cancel.Cancel();

        await Expect.Throws<OperationCanceledException>(serving,
            "a client connected and never sent its message; then the token was cancelled. The token must stop the " +
            "wait for the message as well as the wait for a client: pass it to every ReceiveAsync, not only to AcceptAsync");
        SocketLeaks.ExpectLearnerClosed(client, "after ServeOnceAsync was cancelled");
        await client.ExpectCleanCloseAsync("ServeOnceAsync was cancelled: the connection it accepted is closed on that path too");
    }
}
