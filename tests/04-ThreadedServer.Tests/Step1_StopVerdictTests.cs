using System.Diagnostics;
using System.Net.Sockets;

namespace SocketCourse.ThreadedServer.Tests;

/// <summary>Step 1, what Stop answers: true only when every thread ended, false while one is still running, whatever
/// the others did; and the connection of a handler that does not return is closed all the same.</summary>
[Trait("Lesson", "04")]
[Trait("Step", "1")]
public sealed class Step1_StopVerdictTests
{
    /// <summary>A handler stuck on something other than its socket: shutting the socket down does not wake it.</summary>
    private static Action<Socket> StuckUntil(ManualResetEventSlim release) => _ => release.Wait(TimeSpan.FromSeconds(10));

    private static Task<bool> StopOnOwnThread(ThreadingTcpServer server, TimeSpan timeout, string awaited) =>
        CodeUnderTest.Finish(OwnThread.Start(() => server.Stop(timeout), $"grader: Stop({timeout.TotalMilliseconds:0} ms)"), awaited,
            TimeSpan.FromSeconds(5));

    [Fact(DisplayName = "Stop says true when every handler ended")]
    public async Task Stop_says_true_when_every_handler_ended()
    {
        var log = new HandlerLog();
        await using var running = await ServerUnderTest.StartAsync(log.Around(HandlerLog.EchoUpper), log: log);

        using var a = await LoopbackPeer.ConnectAsync(running.EndPoint, "client A");
        using var b = await LoopbackPeer.ConnectAsync(running.EndPoint, "client B");
        using var c = await LoopbackPeer.ConnectAsync(running.EndPoint, "client C");
        await log.WaitForHandlersAsync(3, "the handlers of 3 connected clients to start", Step1_ThreadingTcpServerTests.SequentialHint);

        var stopped = await running.StopAsync();

        Assert.True(stopped,
            $"Stop returned false, yet {log.Finished} of 3 handlers had ended (each returns when its socket is shut down) and " +
            $"ConnectedClients is {running.Server.ConnectedClients}. Return true when the accept thread and every handler thread " +
            "ended within the timeout: start from true and `&=` each Join's result, so one false makes the answer false and " +
            "nothing else changes it.");
    }

    [Fact(DisplayName = "Stop says false while one handler is stuck, even when the others ended")]
    public async Task Stop_says_false_while_one_handler_is_stuck_even_when_the_others_ended()
    {
        using var release = new ManualResetEventSlim();
        var log = new HandlerLog();
        var admitted = 0;
        // The first client's handler is stuck; the next ones end when their sockets are shut down. The stuck one is
        // admitted first, so it is not the last thread Stop waits for.
        await using var running = await ServerUnderTest.StartAsync(log.Around(client =>
        {
            if (Interlocked.Increment(ref admitted) == 1) StuckUntil(release)(client);
            else HandlerLog.EchoUpper(client);
        }), log: log);
        try
        {
            using var stuck = await LoopbackPeer.ConnectAsync(running.EndPoint, "the client whose handler is stuck");
            await log.WaitForHandlersAsync(1, "the stuck client's handler to start");
            using var b = await LoopbackPeer.ConnectAsync(running.EndPoint, "client B");
            using var c = await LoopbackPeer.ConnectAsync(running.EndPoint, "client C");
            await log.WaitForHandlersAsync(2, "the handlers of clients B and C to start", Step1_ThreadingTcpServerTests.SequentialHint);

            var stopped = await StopOnOwnThread(running.Server, TimeSpan.FromMilliseconds(300), "Stop(300 ms) to return with one stuck handler");

            Assert.False(stopped,
                "Stop returned true while the first client's handler was still running (it waits on something other than its " +
                "socket). The answer is for every thread: one Join that timed out makes it false, whatever the threads after it " +
                "did. Combine the results (allEnded &= thread.Join(remaining)); assigning each result in turn keeps only the last.");
        }
        finally
        {
            release.Set();
        }
    }

    [Fact(DisplayName = "Stop closes the connection of a handler that does not return")]
    public async Task Stop_closes_the_connection_of_a_handler_that_does_not_return()
    {
        using var release = new ManualResetEventSlim();
        var log = new HandlerLog();
        await using var running = await ServerUnderTest.StartAsync(log.Around(StuckUntil(release)), log: log);
        try
        {
            using var client = await LoopbackPeer.ConnectAsync(running.EndPoint, "the client whose handler is stuck");
            await log.WaitForHandlersAsync(1, "the stuck client's handler to start");
            var serverEnd = SocketLeaks.LearnerEndOf(client);

            await StopOnOwnThread(running.Server, TimeSpan.FromMilliseconds(300), "Stop(300 ms) to return with a stuck handler");

            serverEnd.ExpectClosed(
                "after Stop returned, although that client's handler was still running (stuck on something other than its socket). " +
                "Stop closes the connections of handlers that have not returned a moment after the shutdown: on Windows only the " +
                "close wakes a blocked Receive, and a socket left open holds its port and buffers until the handler returns, maybe never");
        }
        finally
        {
            release.Set();
        }
    }

    [Fact(DisplayName = "Stop copes with a handler that closed its own socket")]
    public async Task Stop_copes_with_a_handler_that_closed_its_own_socket()
    {
        using var release = new ManualResetEventSlim();
        var log = new HandlerLog();
        // A careless handler (`using var s = client;`) closes the socket the server still lists, then stays busy elsewhere:
        // Stop finds a socket that is disposed already. The server is promised to survive what its handlers do.
        await using var running = await ServerUnderTest.StartAsync(log.Around(client =>
        {
            client.Dispose();
            release.Wait(TimeSpan.FromSeconds(10));
        }), log: log);
        try
        {
            using var careless = await LoopbackPeer.ConnectAsync(running.EndPoint, "the client whose handler closed its socket");
            await log.WaitForHandlersAsync(1, "that client's handler to start");
            await careless.ExpectEndOfStreamAsync("the grader's handler closed its socket at once");

            try
            {
                await StopOnOwnThread(running.Server, TimeSpan.FromMilliseconds(300),
                    "Stop(300 ms) to return while a handler that closed its own socket is still running");
            }
            catch (Exception e) when (e is ObjectDisposedException or SocketException)
            {
                throw new GradingException(
                    $"Stop threw {Explain.Exception(e)} A handler had closed its own socket and was still running, so the " +
                    "server's Shutdown of that socket fails (ObjectDisposedException); the same happens when a handler returns just " +
                    "as Stop begins. That must not stop Stop halfway, with other clients open and threads not joined: catch " +
                    "ObjectDisposedException and SocketException around each Shutdown and carry on.", e);
            }
        }
        finally
        {
            release.Set();
        }
    }

    [Fact(DisplayName = "A Stop whose timeout runs out before its work is done still answers")]
    public async Task A_Stop_whose_timeout_runs_out_before_its_work_is_done_still_answers()
    {
        using var release = new ManualResetEventSlim();
        var log = new HandlerLog();
        await using var running = await ServerUnderTest.StartAsync(log.Around(StuckUntil(release)), log: log);
        try
        {
            using var a = await LoopbackPeer.ConnectAsync(running.EndPoint, "client A");
            using var b = await LoopbackPeer.ConnectAsync(running.EndPoint, "client B");
            await log.WaitForHandlersAsync(2, "the stuck handlers of clients A and B to start");

            bool stopped;
            try
            {
                stopped = await StopOnOwnThread(running.Server, TimeSpan.FromMilliseconds(1), "Stop(1 ms) to return with two stuck handlers");
            }
            catch (ArgumentOutOfRangeException e)
            {
                throw new GradingException(
                    $"Stop(1 ms) threw {Explain.Exception(e)} The time left ran below zero before the last Join, and Join refuses a " +
                    "negative timeout (other than Infinite, -1 ms, which waits forever). Never pass less than zero: " +
                    "var left = limit - clock.Elapsed; Join(left > TimeSpan.Zero ? left : TimeSpan.Zero).", e);
            }
            Assert.False(stopped, "Stop(1 ms) returned true while two handlers were stuck: say false when a thread did not end in time.");
        }
        finally
        {
            release.Set();
        }
    }

    [Fact(DisplayName = "Stop's timeout holds when one handler ends late and the next never does")]
    public async Task The_Stop_timeout_holds_when_one_handler_ends_late_and_the_next_never_does()
    {
        using var release = new ManualResetEventSlim();
        var log = new HandlerLog();
        var admitted = 0;
        // The first client's handler needs 800 ms to tidy up after its socket is shut down; the second one's never ends.
        await using var running = await ServerUnderTest.StartAsync(log.Around(client =>
        {
            if (Interlocked.Increment(ref admitted) > 1)
            {
                StuckUntil(release)(client);
                return;
            }
            client.ReceiveTimeout = 8000;
            try
            {
                while (client.Receive(new byte[64]) > 0)
                {
                }
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
            }
            Thread.Sleep(800);
        }), log: log);
        try
        {
            using var late = await LoopbackPeer.ConnectAsync(running.EndPoint, "the client whose handler ends late");
            await log.WaitForHandlersAsync(1, "the first client's handler to start");
            using var stuck = await LoopbackPeer.ConnectAsync(running.EndPoint, "the client whose handler is stuck");
            await log.WaitForHandlersAsync(1, "the second client's handler to start", Step1_ThreadingTcpServerTests.SequentialHint);

            var clock = Stopwatch.StartNew();
            var stopped = await StopOnOwnThread(running.Server, TimeSpan.FromSeconds(1), "Stop(1 s) to return with a late and a stuck handler");
            var took = clock.Elapsed;

            Assert.False(stopped, "Stop returned true while the second client's handler was stuck: say false when a thread did not end in time.");
            // The right answer takes 1 s in all; a Stop that gives the stuck thread a fresh or growing wait after the late one
            // ended (at 0.8 s) takes 1.8 s or more. The bound sits between, 0.8 s from the right answer.
            Assert.True(took < TimeSpan.FromMilliseconds(1800),
                $"Stop(1 s) took {took.TotalMilliseconds:0} ms. The first handler ended after 0.8 s, the second never did: the " +
                "timeout is for all the threads together, so the second Join gets only what is left of the 1 s (about 0.2 s). " +
                "Start one Stopwatch when Stop begins and give each Join limit - clock.Elapsed (never less than zero).");
        }
        finally
        {
            release.Set();
        }
    }
}
