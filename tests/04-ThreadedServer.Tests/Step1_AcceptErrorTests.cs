using System.Net;
using System.Net.Sockets;
using System.Runtime.ExceptionServices;

namespace SocketCourse.ThreadedServer.Tests;

/// <summary>Step 1, an accept loop that outlives an Accept error: run alone, because it changes a limit of the whole process.</summary>
[Trait("Lesson", "04")]
[Trait("Step", "1")]
[Collection(ProcessLimitCollection.Name)]
public sealed class Step1_AcceptErrorTests
{
    // How long the process may stay out of descriptors while the grader waits for the server's Accept to fail.
    private static readonly TimeSpan Moment = TimeSpan.FromMilliseconds(250);
    private const int Attempts = 2;

    [Fact(DisplayName = "An Accept that fails once does not end the accept loop")]
    public async Task An_Accept_that_fails_once_does_not_end_the_accept_loop()
    {
        var log = new HandlerLog();
        using var errors = new ServerErrors(); // before Start: it tags the server's threads
        // One client at a time: client B, which wakes the Accept during the shortage, is turned away without a thread, because
        // the runtime cannot start a thread while the process is out of descriptors.
        await using var running = await ServerUnderTest.StartAsync(log.Around(HandlerLog.EchoUpper), maxClients: 1, log: log);
        if (DescriptorShortage.Unsupported is { } why) Assert.Skip(why);

        using var a = await LoopbackPeer.ConnectAsync(running.EndPoint, "client A, the one client served (maxClients: 1)");
        await log.WaitForHandlersAsync(1, "client A's handler to start");
        using (var over = await LoopbackPeer.ConnectAsync(running.EndPoint, "a client over the cap"))
            await over.ExpectCleanCloseAsync("maxClients is 1 and client A is being served (this grader needs the cap to work, see " +
                                             "Clients_beyond_the_cap_are_closed_and_the_others_served)");

        EscapedExceptions.Install(); // a thread that the server fails to start during the shortage must not end the process
        for (var attempt = 0; attempt < Attempts && !errors.AcceptFailed.IsSet; attempt++)
        {
            using var b = FailOneAccept(errors, running.EndPoint);
            await ExpectTurnedAwayAsync(b, errors);
        }
        if (!errors.AcceptFailed.IsSet)
            Assert.Skip($"The grader could not make the server's Accept fail in {Attempts} attempts: this check has nothing to say this time.");

        a.ShutdownSend();
        await Eventually.TrueAsync(() => running.Server.ConnectedClients == 0, "ConnectedClients to drop to 0 after client A left",
            () => $"It is {running.Server.ConnectedClients}.");
        using var after = await LoopbackPeer.ConnectAsync(running.EndPoint, "a client connecting after the failed Accept");
        try
        {
            await Talk.ExpectReplyAsync(after, "still accepting?", "STILL ACCEPTING?");
        }
        catch (GradingTimeoutException) when (log.Clients.All(c => !after.LocalEndPoint.Equals(c)) && !errors.ThreadRefused)
        {
            throw AcceptLoopEnded();
        }
        catch (GradingException) when (errors.ThreadRefused)
        {
            Assert.Skip(ServerErrors.ThreadRefusedReason);
        }
        if (errors.ThreadRefused) Assert.Skip(ServerErrors.ThreadRefusedReason);
    }

    /// <summary>
    /// Runs the process out of descriptors and connects client B: on Linux an Accept already blocked has reserved its
    /// descriptor and takes B, and the loop's next Accept fails; where no Accept was blocked (elsewhere, or when the
    /// accept thread was not back in Accept yet) the first one fails and B waits in the backlog. The moment ends as soon
    /// as <paramref name="errors"/> saw that error, or after <see cref="Moment"/>. Returns client B, still connected.
    /// </summary>
    private static LoopbackPeer FailOneAccept(ServerErrors errors, IPEndPoint server)
    {
        // Every socket is created before the shortage, when nothing could be created.
        var b = new Socket(server.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            DescriptorShortage.While(b, () =>
            {
                b.Connect(server); // needs no new descriptor on this side; the server's Accept needs one
                errors.AcceptFailed.Wait(Moment);
            });
        }
        catch
        {
            b.Dispose();
            throw;
        }
        return new LoopbackPeer(b, "client B, which connected while the process was out of descriptors");
    }

    /// <summary>
    /// Waits for the server to take client B from the backlog (before its Accept failed, or after) and turn it away:
    /// client A still holds the one place. Client A leaves only after that, because a B still queued when A leaves
    /// would be served, and would take the place meant for the client that checks the loop is alive.
    /// </summary>
    private static async Task ExpectTurnedAwayAsync(LoopbackPeer b, ServerErrors errors)
    {
        try
        {
            await b.ExpectCleanCloseAsync("maxClients is 1 and client A is being served, so client B is turned away once accepted");
        }
        catch (GradingTimeoutException) when (errors.AcceptFailed.IsSet && !errors.ThreadRefused)
        {
            throw AcceptLoopEnded(); // B was still in the backlog when the loop ended
        }
        catch (GradingException) when (errors.ThreadRefused)
        {
            Assert.Skip(ServerErrors.ThreadRefusedReason);
        }
    }

    /// <summary>The teaching message, the same whichever client (B in the backlog, or the one after) was never accepted.</summary>
    private static GradingException AcceptLoopEnded() => new(
        "One Accept failed with \"too many open files\" (EMFILE, SocketError.TooManyOpenSockets: the grader ran the process out " +
        $"of file descriptors for a moment), and after that no client was accepted within {Deadlines.Default.TotalSeconds:0} s: " +
        "the accept loop ended on that error. Such an error is about one attempt, not the listener: the process or the system " +
        "is short of descriptors or memory for a moment, or (on Windows) a client reset its connection while it waited in the " +
        "backlog. Catch the SocketException and keep accepting, unless the server is stopping (check the stopping flag: only " +
        "then is the closed listener the cause). A real server also pauses a moment before trying again, so that an error " +
        "that lasts does not spin.");

    /// <summary>What the server's threads throw, seen first-chance (before any catch of theirs), from creation to Dispose.</summary>
    private sealed class ServerErrors : IDisposable
    {
        public const string ThreadRefusedReason =
            "The server tried to start a thread while the grader had run the process out of descriptors, and the runtime refused " +
            "(OutOfMemoryException: it needs descriptors for a new thread). This check cannot judge the accept loop of a server that " +
            "needs a thread to turn a client away over the cap.";

        private readonly ServerThreadTag _tag = ServerThreadTag.Begin();
        private volatile bool _threadRefused;

        public ServerErrors() => AppDomain.CurrentDomain.FirstChanceException += OnFirstChance;

        /// <summary>Set when a thread of the server threw SocketError.TooManyOpenSockets (EMFILE).</summary>
        public ManualResetEventSlim AcceptFailed { get; } = new();

        /// <summary>Whether a thread of the server was refused a thread or memory (the shortage, not the learner, is to blame).</summary>
        public bool ThreadRefused => _threadRefused;

        private void OnFirstChance(object? sender, FirstChanceExceptionEventArgs e)
        {
            if (!_tag.IsOnCurrentThread) return;
            if (e.Exception is SocketException { SocketErrorCode: SocketError.TooManyOpenSockets }) AcceptFailed.Set();
            else if (e.Exception is OutOfMemoryException) _threadRefused = true;
        }

        // AcceptFailed is left to the garbage collector: a thread of the server may still be inside OnFirstChance.
        public void Dispose() => AppDomain.CurrentDomain.FirstChanceException -= OnFirstChance;
    }
}

/// <summary>Graders that change a limit of the whole process run alone, so no other grader runs into it.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessLimitCollection
{
    public const string Name = "changes a limit of the whole process";
}
