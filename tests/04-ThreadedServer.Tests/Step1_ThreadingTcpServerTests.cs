using System.Net;
using System.Net.Sockets;
using System.Text;

namespace SocketCourse.ThreadedServer.Tests;

/// <summary>Step 1: a thread per client, a count of clients, a cap, and a clean stop.</summary>
[Trait("Lesson", "04")]
[Trait("Step", "1")]
public sealed class Step1_ThreadingTcpServerTests
{
    internal const string SequentialHint =
        "An earlier client's handler is still running (waiting for that client). If handlers run on the accept thread, nobody calls Accept " +
        "again: the other clients' connects succeed (the system queues them in the listen backlog) but nobody reads them. " +
        "Give each accepted client a new Thread.";

    [Fact(DisplayName = "Start returns with the real port, and the handler serves a client")]
    public async Task Start_returns_with_the_real_port_and_the_handler_serves_a_client()
    {
        var log = new HandlerLog();
        await using var running = await ServerUnderTest.StartAsync(log.Around(HandlerLog.EchoUpper), log: log);

        Assert.True(running.EndPoint.Port != 0,
            "EndPoint still says port 0: after Bind, the listener's LocalEndPoint holds the port the system chose.");
        Assert.True(IPAddress.Loopback.Equals(running.EndPoint.Address),
            $"Asked to bind 127.0.0.1, the socket is bound to {running.EndPoint.Address}. 127.0.0.1 (loopback) accepts connections from this " +
            "machine only; 0.0.0.0 (IPAddress.Any) accepts them from every network the machine is on. Bind the endpoint you were given.");

        using var client = await LoopbackPeer.ConnectAsync(running.EndPoint, "the grader's client");
        await Talk.ExpectReplyAsync(client, "hello, 服务器", "HELLO, 服务器");
        Assert.True(log.Clients.TryPeek(out var given) && client.LocalEndPoint.Equals(given),
            $"The handler was given a socket connected to {given}, but the client is {client.LocalEndPoint}: " +
            "hand the handler the socket Accept returned for this client.");
    }

    [Fact(DisplayName = "Ten clients at once are all answered while an earlier one stays silent")]
    public async Task Ten_clients_at_once_are_all_answered_while_an_earlier_one_stays_silent()
    {
        var log = new HandlerLog();
        await using var running = await ServerUnderTest.StartAsync(log.Around(HandlerLog.EchoUpper), log: log);

        // The first client connects and says nothing: its handler blocks in Receive for as long as it stays.
        using var silent = await LoopbackPeer.ConnectAsync(running.EndPoint, "the silent client");
        await log.WaitForHandlersAsync(1, "the handler of the first (silent) client to start");

        // Ten connects at once: the accept loop finds them queued and accepts them back to back.
        var clients = new List<LoopbackPeer>();
        try
        {
            clients.AddRange(await Task.WhenAll(Enumerable.Range(1, 10).Select(i => LoopbackPeer.ConnectAsync(running.EndPoint, $"client {i}"))));
            await Task.WhenAll(clients.Select((client, i) =>
                Talk.ExpectReplyAsync(client, $"client {i + 1} says 你好 #{i + 1}", $"CLIENT {i + 1} SAYS 你好 #{i + 1}", SequentialHint)));
        }
        finally
        {
            foreach (var client in clients) client.Dispose();
        }
    }

    [Fact(DisplayName = "Each client gets a dedicated thread, not a pool thread")]
    public async Task Each_client_gets_a_dedicated_thread_not_a_pool_thread()
    {
        var log = new HandlerLog();
        await using var running = await ServerUnderTest.StartAsync(log.Around(HandlerLog.EchoUpper), log: log);

        using var a = await LoopbackPeer.ConnectAsync(running.EndPoint, "client A");
        using var b = await LoopbackPeer.ConnectAsync(running.EndPoint, "client B");
        using var c = await LoopbackPeer.ConnectAsync(running.EndPoint, "client C");
        await log.WaitForHandlersAsync(3, "a handler to start for each of 3 connected clients", SequentialHint);

        var threads = log.Threads.ToArray();
        Assert.True(threads.Distinct().Count() == 3,
            $"3 clients were being served at once by {threads.Distinct().Count()} distinct thread(s): each client needs a thread of its own.");
        Assert.True(threads.All(t => !t.IsThreadPoolThread),
            "A handler ran on a thread-pool thread (Task.Run or ThreadPool). A handler blocks for as long as its client stays " +
            "connected; dozens of those starve the pool, which adds threads slowly. Give each client a dedicated new Thread.");
    }

    [Fact(DisplayName = "ConnectedClients counts the clients being served")]
    public async Task ConnectedClients_counts_the_clients_being_served()
    {
        var log = new HandlerLog();
        await using var running = await ServerUnderTest.StartAsync(log.Around(HandlerLog.EchoUpper), log: log);
        var server = running.Server;
        Assert.True(server.ConnectedClients == 0, $"No client has connected, yet ConnectedClients is {server.ConnectedClients}.");

        using var a = await LoopbackPeer.ConnectAsync(running.EndPoint, "client A");
        using var b = await LoopbackPeer.ConnectAsync(running.EndPoint, "client B");
        using var c = await LoopbackPeer.ConnectAsync(running.EndPoint, "client C");
        await log.WaitForHandlersAsync(3, "a handler to start for each of 3 connected clients", SequentialHint);
        await Eventually.TrueAsync(() => server.ConnectedClients == 3, "ConnectedClients to be 3 while 3 handlers run",
            () => $"It is {server.ConnectedClients}. Count a client when it is admitted (Interlocked.Increment), before its thread starts.");

        a.ShutdownSend();
        await a.ExpectCleanCloseAsync("the server closes a connection once its handler returns");
        await Eventually.TrueAsync(() => server.ConnectedClients == 2, "ConnectedClients to drop to 2 after client A left",
            () => $"It is {server.ConnectedClients}. When a handler returns, close its socket and Interlocked.Decrement the count (in a finally).");

        b.Reset();
        c.ShutdownSend();
        await Eventually.TrueAsync(() => server.ConnectedClients == 0, "ConnectedClients to drop to 0 after every client left",
            () => $"It is {server.ConnectedClients}; {log.Finished} of 3 handlers have returned.");
    }

    [Fact(DisplayName = "A handler that throws costs only its own client")]
    public Task A_handler_that_throws_costs_only_its_own_client() =>
        HandlerExceptionScenarios.RunAsync(HandlerExceptionScenarios.A_handler_that_throws);

    [Fact(DisplayName = "A client that resets under a naive handler costs only itself")]
    public Task A_client_that_resets_under_a_naive_handler_costs_only_itself() =>
        HandlerExceptionScenarios.RunAsync(HandlerExceptionScenarios.A_reset_under_a_naive_handler);

    [Fact(DisplayName = "Stop ends every thread, closes every client and frees the port")]
    public async Task Stop_ends_every_thread_closes_every_client_and_frees_the_port()
    {
        var log = new HandlerLog();
        using var acceptThread = new AcceptThreadHold(log); // before Start: it tags the threads of this server
        await using var running = await ServerUnderTest.StartAsync(log.Around(HandlerLog.EchoUpper), log: log);
        var port = running.EndPoint;

        using var talking = await LoopbackPeer.ConnectAsync(port, "a client mid-conversation");
        using var silent = await LoopbackPeer.ConnectAsync(port, "a silent client");
        await Talk.ExpectReplyAsync(talking, "before the stop", "BEFORE THE STOP");
        await log.WaitForHandlersAsync(2, "both clients' handlers to start", SequentialHint);

        var stopped = await running.StopAsync(acceptThread);

        if (!stopped)
        {
            var stillRunning = log.Threads.Where(t => t.IsAlive).Select(t => t.Name ?? "(unnamed)").ToArray();
            throw new GradingException(
                "Stop returned false: not every thread ended within its timeout. " +
                (stillRunning.Length == 0
                    ? "Every handler thread the grader saw has ended, so the accept thread is the one still running, or ConnectedClients " +
                      "is not yet 0: close the listener first (its blocked Accept then throws), and count a client out when its handler ends. "
                    : $"Still running: {stillRunning.Length} handler thread(s) ({string.Join(", ", stillRunning)}). ") +
                "What usually keeps a handler there is a Receive that nobody woke: shut down every client socket " +
                "(Shutdown(SocketShutdown.Both)) before joining, so each blocked Receive returns 0.");
        }
        await acceptThread.ExpectNoThreadOutlivedStopAsync();
        var alive = log.Threads.Count(t => t.IsAlive);
        Assert.True(alive == 0,
            $"Stop returned while {alive} handler thread(s) were still running. Shut down and close each client socket so its " +
            "Receive ends, then Join each thread.");
        Assert.True(running.Server.ConnectedClients == 0, $"After Stop, ConnectedClients is {running.Server.ConnectedClients}, not 0.");
        await talking.ExpectCleanCloseAsync("Stop closes every client connection");
        await silent.ExpectCleanCloseAsync("Stop closes every client connection, silent ones too");
        await ExpectRefusedAsync(port);
        ExpectRebindable(port);
    }

    [Fact(DisplayName = "Dispose stops the server, and a second stop is harmless")]
    public async Task Dispose_stops_the_server_and_a_second_stop_is_harmless()
    {
        await using var running = await ServerUnderTest.StartAsync(HandlerLog.EchoUpper);
        var port = running.EndPoint;

        await CodeUnderTest.Finish(OwnThread.Start(() => { running.Server.Dispose(); return true; }, "grader: Dispose"),
            "Dispose() to return", hint: "Dispose should stop the server: close the listener and join the accept thread.");
        await ExpectRefusedAsync(port);
        ExpectRebindable(port);
        await CodeUnderTest.Finish(OwnThread.Start(() => running.Server.Stop(TimeSpan.FromSeconds(1)), "grader: second Stop"),
            "a second Stop() to return", hint: "Stopping a stopped server should do nothing, not throw or wait.");
    }

    [Fact(DisplayName = "Clients beyond the cap are closed, and the others served")]
    public async Task Clients_beyond_the_cap_are_closed_and_the_others_served()
    {
        var log = new HandlerLog();
        await using var running = await ServerUnderTest.StartAsync(log.Around(HandlerLog.EchoUpper), maxClients: 2, log: log);

        using var a = await LoopbackPeer.ConnectAsync(running.EndPoint, "client A");
        using var b = await LoopbackPeer.ConnectAsync(running.EndPoint, "client B");
        await log.WaitForHandlersAsync(2, "the handlers of the first two clients (maxClients: 2)", SequentialHint);

        using var extra = await LoopbackPeer.ConnectAsync(running.EndPoint, "a third client over the cap");
        await extra.ExpectCleanCloseAsync("maxClients is 2 and two are being served: turn the third away by closing its socket at once");
        Assert.True(log.Threads.Count == 2, $"The handler ran {log.Threads.Count} times for 2 admitted clients and 1 turned away.");

        await Talk.ExpectReplyAsync(a, "a is fine", "A IS FINE");
        a.ShutdownSend();
        await Eventually.TrueAsync(() => running.Server.ConnectedClients == 1, "ConnectedClients to drop to 1 after client A left",
            () => $"It is {running.Server.ConnectedClients}.");
        using var later = await LoopbackPeer.ConnectAsync(running.EndPoint, "a client connecting after A left");
        await Talk.ExpectReplyAsync(later, "room now?", "ROOM NOW?", "a place freed when A left: the next client is served");
    }

    [Fact(DisplayName = "A port in use is a SocketException")]
    public async Task A_port_in_use_is_a_SocketException()
    {
        using var taken = LoopbackListener.Start();

        var starting = CodeUnderTest.Start(() => Task.FromResult(ThreadingTcpServer.Start(taken.EndPoint, HandlerLog.EchoUpper)));
        var error = await Expect.Throws<SocketException>(starting, "another socket is bound to that port already");

        Assert.True(error.SocketErrorCode == SocketError.AddressAlreadyInUse,
            $"Expected AddressAlreadyInUse for {taken.EndPoint}; got {error.SocketErrorCode}. {Explain.Error(error.SocketErrorCode)}");
    }

    private static async Task ExpectRefusedAsync(IPEndPoint port)
    {
        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        // A refusal is immediate on Linux and macOS but takes about 2 s on Windows (it retries the SYN): Deadlines.Refusal.
        using var deadline = new CancellationTokenSource(Deadlines.Refusal);
        try
        {
            await probe.ConnectAsync(port, deadline.Token);
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.ConnectionRefused)
        {
            return;
        }
        catch (OperationCanceledException)
        {
            throw new GradingException(
                $"After Stop, a connect to {port} was neither refused nor accepted within {Deadlines.Refusal.TotalSeconds:0} s " +
                "(a refusal takes at most about 2 s, on Windows). Is the listening socket still open, with its backlog full?");
        }
        throw new GradingException($"After Stop, a client could still connect to {port}: close the listening socket so the port is free.");
    }

    private static void ExpectRebindable(IPEndPoint port)
    {
        using var rebind = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            rebind.Bind(port);
            rebind.Listen();
        }
        catch (SocketException e)
        {
            throw new GradingException(
                $"After Stop, binding {port} again failed: {Explain.Exception(e)} The listener must be closed, so the port is free for the next server.", e);
        }
    }
}
