using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace SocketCourse.ThreadedServer.Tests;

/// <summary>Step 1, what Stop promises: it waits for every handler, its timeout is for all threads together, a handler
/// may call it, and the server forgets clients that left.</summary>
[Trait("Lesson", "04")]
[Trait("Step", "1")]
public sealed class Step1_StopPromisesTests
{
    /// <summary>Receives until the client closes or the server shuts the socket down, then returns.</summary>
    private static void UntilClosed(Socket client)
    {
        client.ReceiveTimeout = 8000;
        var buffer = new byte[256];
        try
        {
            while (client.Receive(buffer) > 0)
            {
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
        }
    }

    [Fact(DisplayName = "Stop returns only after every handler has finished")]
    public async Task Stop_returns_only_after_every_handler_has_finished()
    {
        var log = new HandlerLog();
        // Each handler takes a moment to tidy up after its socket is shut down, as real handlers do.
        await using var running = await ServerUnderTest.StartAsync(log.Around(client =>
        {
            UntilClosed(client);
            Thread.Sleep(300);
        }), log: log);

        using var a = await LoopbackPeer.ConnectAsync(running.EndPoint, "client A");
        using var b = await LoopbackPeer.ConnectAsync(running.EndPoint, "client B");
        await log.WaitForHandlersAsync(2, "both clients' handlers to start");

        var stopped = await running.StopAsync();

        Assert.True(log.Finished == 2,
            $"Stop returned (with {stopped}) while {2 - log.Finished} of 2 handlers were still running: they needed 300 ms after their " +
            "sockets were shut down. Stop must Join every handler thread (with what is left of the timeout) before it returns; " +
            "\"they usually finish anyway\" is a race that a slow handler loses.");
    }

    [Fact(DisplayName = "Stop's timeout is for all threads together")]
    public async Task The_Stop_timeout_is_for_all_threads_together()
    {
        using var release = new ManualResetEventSlim();
        var log = new HandlerLog();
        // Handlers stuck on something other than their socket: shutting the socket down does not wake them.
        await using var running = await ServerUnderTest.StartAsync(log.Around(_ => release.Wait(TimeSpan.FromSeconds(10))), log: log);
        const int stuck = 10;
        var clients = new List<LoopbackPeer>();
        try
        {
            for (var i = 0; i < stuck; i++) clients.Add(await LoopbackPeer.ConnectAsync(running.EndPoint, $"client {i + 1}"));
            await log.WaitForHandlersAsync(stuck, $"the {stuck} handlers to start");

            var timeout = TimeSpan.FromMilliseconds(300);
            var clock = Stopwatch.StartNew();
            var stopped = await CodeUnderTest.Finish(OwnThread.Start(() => running.Server.Stop(timeout), "grader: Stop(300 ms)"),
                $"Stop(300 ms) to return with {stuck} stuck handlers", TimeSpan.FromSeconds(5));
            var took = clock.Elapsed;

            Assert.False(stopped, $"Stop returned true while {stuck} handlers were still running: return false when a thread did not end in time.");
            // A margin of 1.2 s or more either way: the right answer takes 0.3 s, the mistake 10 × 0.3 s = 3 s.
            Assert.True(took < TimeSpan.FromMilliseconds(1800),
                $"Stop(300 ms) took {took.TotalMilliseconds:0} ms with {stuck} stuck handlers. The timeout is for all the threads " +
                "together: measure the time once (Stopwatch) and give each Join only what is left, not the whole timeout each " +
                $"({stuck} × 300 ms = {stuck * 300} ms).");
        }
        finally
        {
            release.Set();
            foreach (var c in clients) c.Dispose();
        }
    }

    [Fact(DisplayName = "A handler may call Stop")]
    public async Task A_handler_may_call_Stop()
    {
        var server = new TaskCompletionSource<ThreadingTcpServer>(TaskCreationOptions.RunContinuationsAsynchronously);
        var stopReturned = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        var log = new HandlerLog();
        await using var running = await ServerUnderTest.StartAsync(log.Around(client =>
        {
            var buffer = new byte[64];
            client.ReceiveTimeout = 8000;
            int received;
            try
            {
                received = client.Receive(buffer);
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                return; // the listening client's handler, woken by the Stop
            }
            if (received == 0) return;
            try
            {
                stopReturned.TrySetResult(server.Task.Result.Stop()); // the default timeout: 5 s
            }
            catch (Exception e)
            {
                stopReturned.TrySetException(e);
            }
        }), log: log);
        server.SetResult(running.Server);

        using var other = await LoopbackPeer.ConnectAsync(running.EndPoint, "a client that just listens");
        using var boss = await LoopbackPeer.ConnectAsync(running.EndPoint, "the client whose handler calls Stop");
        await log.WaitForHandlersAsync(2, "both clients' handlers to start");
        await boss.SendAsync("stop, please");

        await stopReturned.Task.Within(Deadlines.Default, "Stop(), called from a handler, to return",
            "Stop joins the server's threads, and one of them is the thread calling it: joining yourself waits for the whole " +
            "timeout (or forever). Skip the current thread (thread == Thread.CurrentThread).");
        await other.ExpectEndOfStreamAsync("Stop, even called from a handler, closes every other client");
    }

    [Fact(DisplayName = "EndPoint is still readable after Stop")]
    public async Task EndPoint_is_still_readable_after_Stop()
    {
        await using var running = await ServerUnderTest.StartAsync(HandlerLog.EchoUpper);
        var before = running.Server.EndPoint;

        await running.StopAsync();

        IPEndPoint after;
        try
        {
            after = running.Server.EndPoint;
        }
        catch (Exception e) when (e is not NotImplementedException)
        {
            throw new GradingException(
                $"Reading EndPoint after Stop threw {Explain.Exception(e)} The doc promises it stays readable: keep the endpoint in a " +
                "field when the server starts, instead of asking the listener, which Stop has closed.", e);
        }
        Assert.True(before.Equals(after), $"EndPoint was {before} while running and {after} after Stop: it should not change.");
    }

    [Fact(DisplayName = "Clients that left are forgotten")]
    public async Task Clients_that_left_are_forgotten()
    {
        var given = new ConcurrentQueue<WeakReference<Socket>>();
        var log = new HandlerLog();
        await using var running = await ServerUnderTest.StartAsync(log.Around(client =>
        {
            given.Enqueue(new WeakReference<Socket>(client));
            HandlerLog.EchoUpper(client);
        }), log: log);

        for (var i = 1; i <= 3; i++)
        {
            using var client = await LoopbackPeer.ConnectAsync(running.EndPoint, $"client {i}");
            await Talk.ExpectReplyAsync(client, $"hi {i}", $"HI {i}");
            client.ShutdownSend();
            await client.ExpectCleanCloseAsync("the server closes a client's socket once its handler returned");
        }
        await Eventually.TrueAsync(() => running.Server.ConnectedClients == 0, "ConnectedClients to return to 0 after 3 clients left",
            () => $"It is {running.Server.ConnectedClients}.");
        // One more client, so the accept loop's variable no longer holds the last of the three.
        using var last = await LoopbackPeer.ConnectAsync(running.EndPoint, "a fourth client");
        await Talk.ExpectReplyAsync(last, "still here", "STILL HERE");

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var held = given.Take(3).Count(w => w.TryGetTarget(out _));
        Assert.True(held == 0,
            $"3 clients left and their handlers returned, yet the server still holds {held} of their sockets. Remove a client from " +
            "the set of connections when its handler ends (in the finally, under the same lock as the add): otherwise the set " +
            "grows with every client ever served, and Stop walks through sockets long closed.");
    }

    [Fact(DisplayName = "A port held by a socket that allows sharing is still refused")]
    public void A_port_held_by_a_socket_that_allows_sharing_is_still_refused()
    {
        using var taken = LoopbackListener.StartShareable();

        ThreadingTcpServer? second = null;
        var error = Expect.Throws<SocketException>(() => second = ThreadingTcpServer.Start(taken.EndPoint, HandlerLog.EchoUpper),
            $"another server listens on {taken.EndPoint} already");
        second?.Stop(TimeSpan.FromSeconds(1));

        Assert.True(error.SocketErrorCode == SocketError.AddressAlreadyInUse,
            $"Expected AddressAlreadyInUse; got {error.SocketErrorCode}. Do not set ReuseAddress on a listening socket: with it, two " +
            "servers can end up sharing one port and the system deals the clients out between them.");
    }
}

/// <summary>Step 1, a Start that fails: run alone, because it counts the process's sockets.</summary>
[Trait("Lesson", "04")]
[Trait("Step", "1")]
[Collection(SocketCountingCollection.Name)]
public sealed class Step1_FailedStartTests
{
    [Fact(DisplayName = "A failed Start leaves no socket open")]
    public void A_failed_Start_leaves_no_socket_open()
    {
        using var taken = LoopbackListener.Start();

        SocketLeaks.ExpectNothingLeftOpen(() => ThreadingTcpServer.Start(taken.EndPoint, HandlerLog.EchoUpper).Stop(TimeSpan.FromSeconds(1)),
            $"ThreadingTcpServer.Start({taken.EndPoint}), a port that is taken,");
    }
}

/// <summary>Graders that count the process's sockets run alone, so other graders' sockets do not blur the count.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SocketCountingCollection
{
    public const string Name = "counts the process's sockets";
}
