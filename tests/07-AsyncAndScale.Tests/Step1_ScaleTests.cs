using System.Net;
using System.Net.Sockets;
using System.Diagnostics;

namespace SocketCourse.AsyncAndScale.Tests;

/// <summary>
/// Step 1 at scale: thousands of clients on a handful of threads, a burst of connects, a stop that leaves nothing
/// behind. These graders count the process's threads, so they run alone (no other grader's threads in the count).
/// </summary>
[Trait("Lesson", "07")]
[Trait("Step", "1")]
[Collection(ThreadCountingCollection.Name)]
public sealed class Step1_ScaleTests
{
    private static readonly IPEndPoint AnyPort = Loopback.AnyPort;
    private static readonly TimeSpan CrowdDeadline = TimeSpan.FromSeconds(6);

    private static void NeedFileDescriptors(int connections)
    {
        var problem = FileDescriptorLimit.EnsureAtLeast(2 * connections + 500);
        if (problem is not null)
            throw new GradingException($"This grader holds {connections} connections in one process and cannot: {problem} " +
                                       "That is a limit of the machine, not a mistake in your server.");
    }

    private static async Task WarmUpAsync(AsyncEchoServer server)
    {
        using var client = await LoopbackPeer.ConnectAsync(server.EndPoint, "the warm-up client");
        await client.SendAsync("warm-up\n");
        await client.ReadLineAsync("the echo of the warm-up line");
    }

    [Fact(DisplayName = "2,000 idle clients are held and all answered, on a few threads")]
    public async Task Two_thousand_idle_clients_are_held_and_all_answered_on_a_few_threads()
    {
        const int clients = 2000;
        NeedFileDescriptors(clients);
        var server = AsyncEchoServer.Start(AnyPort);
        try
        {
            await WarmUpAsync(server);
            // The grader's side runs on a thread of its own with blocking calls: if the server blocks every pool
            // thread, this verdict still comes on time.
            var verdict = BlockingCrowd.OnOwnThread(() => HoldAndAnswer(server, clients), TimeSpan.FromSeconds(30),
                $"{clients} clients to connect and be answered");
            if (verdict is not null) throw new GradingException(verdict);
        }
        finally
        {
            await StopWithinAsync(server);
        }
    }

    /// <summary>Connects the crowd, samples the thread count while it is held and answered; returns the failure, or null.</summary>
    private static string? HoldAndAnswer(AsyncEchoServer server, int clients)
    {
        var before = ThreadCount.Now();
        using var crowd = new BlockingCrowd();
        var connected = crowd.Connect(server.EndPoint, clients, CrowdDeadline);
        var whileIdle = ThreadCount.Now();
        if (connected != clients)
            return $"Only {connected} of {clients} clients could connect within {CrowdDeadline.TotalSeconds:0} s. Threads: {before} before, {whileIdle} after.";
        var held = WaitForCount(server, clients);
        var (answered, wrong) = crowd.RoundTripAll(CrowdDeadline);
        var peak = Math.Max(whileIdle, ThreadCount.Now());
        var grew = peak - before;
        var threadsSay = grew >= clients / 2
            ? "That is about one thread per client: the design spends a thread on every connection (new Thread, or a blocking call on the pool). "
            : grew > ThreadCount.AllowedGrowth
                ? "Something blocks pool threads, so the pool keeps adding more (a blocking Receive, .Result, .Wait(), Thread.Sleep). "
                : "";
        if (answered != clients)
            return $"{clients} clients connected and each sent one line; {answered} echoes came back within {CrowdDeadline.TotalSeconds:0} s" +
                   (wrong is null ? "" : $" (one answer was {Show.Text(wrong)})") + $". Threads: {before} before, {peak} at most while the clients were held. " +
                   (threadsSay != "" ? threadsSay + "await every read and write, so a waiting client holds no thread."
                                     : "Every connection needs its own task, started by the accept loop and never awaited there.");
        if (grew > ThreadCount.AllowedGrowth)
            return $"The process had {before} threads before {clients} clients connected and {peak} while they were held and answered: " +
                   $"{grew} more, over the allowance of {ThreadCount.AllowedGrowth}. " + threadsSay +
                   "An async server awaits ReceiveAsync: while a client is silent, no thread waits for it.";
        if (held != clients)
            return $"ConnectionCount was {held} with {clients} clients connected; count a client when its task starts, uncount it when it ends.";
        return null;
    }

    private static int WaitForCount(AsyncEchoServer server, int expected)
    {
        var clock = Stopwatch.StartNew();
        while (server.ConnectionCount != expected && clock.Elapsed < Deadlines.Default) Thread.Sleep(20);
        return server.ConnectionCount;
    }

    /// <summary>Stops the server after a grader, without letting a server that cannot stop hold the grader up.</summary>
    private static async Task StopWithinAsync(AsyncEchoServer server)
    {
        try
        {
            await server.StopAsync().WaitAsync(Deadlines.Default);
        }
        catch (Exception)
        {
            // The grader's verdict stands; a stop that fails or hangs is judged by the stop grader.
        }
    }

    [Fact(DisplayName = "A burst of 1,000 connects is fully served")]
    public async Task A_burst_of_1000_connects_is_fully_served()
    {
        const int clients = 1000;
        NeedFileDescriptors(clients);
        await using var server = AsyncEchoServer.Start(AnyPort);
        using var crowd = new Crowd();

        var clock = Stopwatch.StartNew();
        var connected = await crowd.ConnectAsync(server.EndPoint, clients, atOnce: clients, CrowdDeadline);
        var (answered, wrong) = await crowd.RoundTripAllAsync(CrowdDeadline);
        var took = clock.Elapsed;

        Assert.True(connected == clients && answered == clients,
            $"{clients} clients connected at the same moment: {connected} connected and {answered} were answered (in {took.TotalSeconds:0.0} s)" +
            (wrong is null ? "" : $"; one answer was {Show.Text(wrong)}") + ". " +
            "The accept loop must go straight back to AcceptAsync after starting a client's task, and Listen() without an argument " +
            "gives the largest backlog the system allows (the seed's listen(5) queues only 5 connects; the rest wait for a SYN retry).");
    }

    [Fact(DisplayName = "Stop closes every connection, awaits every task and frees the port")]
    public async Task Stop_closes_every_connection_awaits_every_task_and_frees_the_port()
    {
        const int idleClients = 500;
        NeedFileDescriptors(idleClients);
        var handlerStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var handlerFinished = 0;
        LineHandler handler = async (line, cancellationToken) =>
        {
            if (line != "work") return line;
            handlerStarted.TrySetResult();
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
                return "never";
            }
            finally
            {
                await Task.Delay(300, CancellationToken.None); // tidying up after the cancellation takes a moment
                Interlocked.Exchange(ref handlerFinished, 1);
            }
        };
        var server = AsyncEchoServer.Start(AnyPort, handler);
        var endpoint = server.EndPoint;
        var before = ThreadCount.Now();
        using var crowd = new Crowd();
        using var worker = await LoopbackPeer.ConnectAsync(endpoint, "the client whose line is being worked on");
        var connected = await crowd.ConnectAsync(endpoint, idleClients, atOnce: 100, CrowdDeadline);
        Assert.True(connected == idleClients, $"Only {connected} of {idleClients} clients could connect.");
        await worker.SendAsync("work\n");
        await handlerStarted.Task.Within(Deadlines.Default, "the handler to be called with the line \"work\"");
        await WaitForCountAsync(server, idleClients + 1);

        var stopping = Stopwatch.StartNew();
        await CodeUnderTest.Finish(server.StopAsync(), $"StopAsync to return with {idleClients + 1} clients connected (one handler busy)",
            hint: "Cancel the token every session reads with, close the listener, then await the accept loop and every connection's task.");
        stopping.Stop();
        Assert.True(stopping.Elapsed <= StopBudget.Limit,
            $"StopAsync took {stopping.Elapsed.TotalSeconds:0.0} s with {idleClients + 1} clients connected; the lesson asks for a stop that frees " +
            $"everything within {StopBudget.Limit.TotalSeconds:0} s (the busy handler needs 0.3 s of it). " + StopBudget.Advice);
        Assert.True(Volatile.Read(ref handlerFinished) == 1,
            "StopAsync returned while a handler was still finishing (it needed 300 ms after its token was cancelled). " +
            "Remember every connection's task and await them all (Task.WhenAll) before StopAsync returns: a stop that does not wait " +
            "leaves work running after the server says it is gone.");
        Assert.True(server.ConnectionCount == 0, $"After StopAsync, ConnectionCount was {server.ConnectionCount}, expected 0.");
        var closed = await crowd.CountClosedAsync(Deadlines.Short);
        Assert.True(closed == idleClients,
            $"After StopAsync, {closed} of {idleClients} idle clients read end of stream within {Deadlines.Short.TotalSeconds:0} s. " +
            "Every session must end when the stop token is cancelled (pass it to ReadLineAsync), and its socket must be closed.");
        using var again = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            again.Bind(endpoint);
        }
        catch (SocketException e)
        {
            throw new GradingException($"After StopAsync the port {endpoint.Port} could not be bound again: {Explain.Exception(e)} Dispose the listening socket.", e);
        }
        var after = ThreadCount.Now();
        Assert.True(after - before <= ThreadCount.AllowedGrowth,
            $"After StopAsync the process had {after} threads, {after - before} more than before the server had clients: threads the server started are still alive.");
    }

    /// <summary>Waits (bounded) until the server counts <paramref name="expected"/> connections; returns the last count seen.</summary>
    private static async Task<int> WaitForCountAsync(AsyncEchoServer server, int expected)
    {
        var clock = Stopwatch.StartNew();
        while (server.ConnectionCount != expected && clock.Elapsed < Deadlines.Default)
            await Task.Delay(20);
        return server.ConnectionCount;
    }
}

/// <summary>Graders that count the process's threads run alone, so other graders' threads do not blur the count.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ThreadCountingCollection
{
    public const string Name = "counts the process's threads";
}
