using System.Net.Sockets;
using SocketCourse.ChatProtocol;
using SocketCourse.Framing;

namespace SocketCourse.ChatRoom.Tests;

/// <summary>
/// Step 2: Stop's promises when a session does not end by itself — "a session still running when half the time is gone
/// has its socket closed under it", the timeout is for Stop "in all", and Stop returns false when a session thread did
/// not end. Found by mutation testing (.ci/mutation): every member in the other graders closes its connection on
/// Disconnect, so Stop's own cut, its timeout and its verdict were never exercised.
/// </summary>
[Trait("Lesson", "06")]
[Trait("Step", "2")]
public sealed class Step2_StopWithStuckSessionsTests
{
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(1);

    // Stop(1 s) gets this long to return: its own timeout and a generous allowance for a busy machine.
    private static readonly TimeSpan StopDeadline = StopTimeout + TimeSpan.FromSeconds(2.5);

    /// <summary>A member that writes each line at once, takes no more after Disconnect, but leaves the connection open.</summary>
    private sealed class MemberThatNeverCloses(Socket socket) : IChatMember
    {
        private readonly LineWriter _writer = new(socket, ChatLimits.MaxOutgoingLineBytes);
        private readonly Lock _gate = new();
        private bool _disconnected;

        public bool TryDeliver(string line)
        {
            lock (_gate)
            {
                if (_disconnected) return false;
                try
                {
                    _writer.WriteLineAsync(line).GetAwaiter().GetResult();
                }
                catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException)
                {
                    // The connection is gone; the session notices.
                }
                return true;
            }
        }

        public void Disconnect()
        {
            lock (_gate) _disconnected = true; // and the socket stays open: the server must close it itself
        }
    }

    /// <summary>A member whose first delivery (the session's greeting) waits until released, at most 10 s; the others return at once.</summary>
    private sealed class MemberStuckInItsFirstDelivery : IChatMember
    {
        private int _deliveries;

        public ManualResetEventSlim Holding { get; } = new(false);
        public ManualResetEventSlim Released { get; } = new(false);

        public bool TryDeliver(string line)
        {
            if (Interlocked.Increment(ref _deliveries) == 1)
            {
                Holding.Set();
                Released.Wait(TimeSpan.FromSeconds(10));
            }
            return true;
        }

        public void Disconnect() { }
    }

    private static ChatServer StartServer(Func<Socket, IChatMember> newMember)
    {
        var server = new ChatServer(Loopback.AnyPort, newMember: newMember);
        server.Start();
        return server;
    }

    [Fact(DisplayName = "Stop closes a connection its member leaves open, and still returns true")]
    public async Task Stop_closes_a_connection_its_member_leaves_open_and_still_returns_true()
    {
        var server = await CodeUnderTest.Finish(CodeUnderTest.Start(() => Task.FromResult(StartServer(s => new MemberThatNeverCloses(s)))),
            "new ChatServer(...).Start() to return");
        try
        {
            using var alice = await ChatPeer.JoinAsync(server.EndPoint, "alice");

            var ended = await CodeUnderTest.Finish(OwnThread.Start(() => server.Stop(StopTimeout), "grader: Stop(1 s)"),
                "Stop(1 s) to return while a session's member does not close its connection", StopDeadline,
                hint: "Stop waits for each session thread for half the time, then closes that session's socket itself and waits the rest.");

            Assert.True(ended,
                "Stop(1 s) returned false, but the only session would have ended had its socket been closed: its member's Disconnect " +
                "left the connection open, so the session thread was still reading. When half the time is gone, close the socket of " +
                "every session still running (its blocked read then fails and the thread returns), then wait for it the rest of the time.");
            await alice.ReadUntilAsync(ChatLines.ShuttingDown, "the shutdown notice at alice");
            await alice.ExpectClosedAsync("Stop closes a connection its member left open (the socket is closed under a blocked read, so a reset is fine)",
                resetIsFine: true);
        }
        finally
        {
            server.Stop(TimeSpan.FromSeconds(1));
        }
    }

    [Fact(DisplayName = "Stop returns false, within its timeout, when a session thread cannot end")]
    public async Task Stop_returns_false_within_its_timeout_when_a_session_thread_cannot_end()
    {
        var stuck = new MemberStuckInItsFirstDelivery(); // the session's first act, the greeting, waits there
        var server = await CodeUnderTest.Finish(CodeUnderTest.Start(() => Task.FromResult(StartServer(_ => stuck))),
            "new ChatServer(...).Start() to return");
        try
        {
            using var client = await ChatPeer.ConnectAsync(server.EndPoint, "a client whose session is stuck delivering the greeting");
            await Task.Run(() => stuck.Holding.Wait(Deadlines.Default)).Within(Deadlines.Default.Add(Deadlines.Short), "the session to deliver the greeting");
            Assert.True(stuck.Holding.IsSet, "The session never delivered the greeting to its member.");

            var ended = await CodeUnderTest.Finish(OwnThread.Start(() => server.Stop(StopTimeout), "grader: Stop(1 s)"),
                "Stop(1 s) to return while a session thread is stuck in a delivery that closing its socket cannot end", StopDeadline,
                hint: "The timeout is for Stop in all: measure it once (a Stopwatch) and give each Join only what is left.");

            Assert.False(ended,
                "Stop(1 s) returned true while a session thread was still running (stuck in its member's TryDeliver, which closing the " +
                "socket cannot end). Stop returns true only when every session thread has ended: combine each Join's result (&=).");
        }
        finally
        {
            stuck.Released.Set();
            server.Stop(TimeSpan.FromSeconds(1));
        }
    }
}
