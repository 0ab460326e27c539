using System.Diagnostics;
using System.Runtime;

namespace SocketCourse.AsyncAndScale.Tests;

// A refused client reads the busy line and end of stream even when the server only shuts its side down; the server's
// socket must still be closed, or every refusal leaks one. Found by mutation testing (.ci/mutation).

/// <summary>Step 3: the server closes the socket of a client it refused, not only its sending side.</summary>
[Trait("Lesson", "07")]
[Trait("Step", "3")]
[Collection(SocketCountingCollection.Name)]
public sealed class Step3_RefusedClientIsClosedTests
{
    [Fact(DisplayName = "A refused client's socket is closed on the server, not only shut down")]
    public async Task A_refused_clients_socket_is_closed_on_the_server()
    {
        await using var server = AsyncEchoServer.Start(Loopback.AnyPort, limits: new ServerLimits(MaxConnections: 1));
        using var first = await LoopbackPeer.ConnectAsync(server.EndPoint, "client 1 (the cap is 1)");
        await first.SendAsync("hello\n");
        await first.ReadLineAsync("client 1's echo");

        // A socket nobody disposed is closed by its finalizer at the next garbage collection, which would hide the leak:
        // no collection from the refused client's connect until the grader has looked.
        var noCollection = TryStartNoGarbageCollection();
        try
        {
            using var refused = await LoopbackPeer.ConnectAsync(server.EndPoint, "client 2, beyond the cap of 1");
            var busy = await refused.ReadLineAsync("the busy line sent to client 2");
            Assert.True(busy == LimitReplies.Busy(1), $"Client 2, beyond the cap of 1, read {Show.Text(busy)}, expected {Show.Text(LimitReplies.Busy(1))}.");
            var serverEnd = SocketLeaks.LearnerEndOf(refused); // noted while the connection is established
            await refused.ExpectEndOfStreamAsync("after the busy line the server ends the refused connection");

            var clock = Stopwatch.StartNew();
            while (true)
            {
                try
                {
                    serverEnd.ExpectClosed("after the server sent the refused client its busy line and shut down its sending side " +
                                           "(close it in a finally, on every path of the refusal)");
                    return;
                }
                catch (GradingException) when (clock.Elapsed < Deadlines.Short)
                {
                    await Task.Delay(50); // the close follows the shutdown at once, but a busy machine may run it a moment later
                }
            }
        }
        finally
        {
            if (noCollection && GCSettings.LatencyMode == GCLatencyMode.NoGCRegion) GC.EndNoGCRegion();
        }
    }

    private static bool TryStartNoGarbageCollection()
    {
        try
        {
            return GC.TryStartNoGCRegion(64 * 1024 * 1024);
        }
        catch (Exception e) when (e is ArgumentOutOfRangeException or InvalidOperationException)
        {
            return false; // the check still runs; a collection during it can only let a leak pass, never fail a correct server
        }
    }
}
