using SocketCourse.ChatRoom;

namespace SocketCourse.ChatProtocol;

/// <summary>
/// Many clients joining and leaving at once, every way there is, graded by what is left afterwards: no members, no
/// sockets, no threads. It counts the process's sockets and threads, so a derived class must sit in a test collection
/// that runs alone (<c>[Collection]</c> of a collection with <c>DisableParallelization = true</c>).
/// </summary>
public abstract class ChatChurnGraders
{
    /// <summary>Starts the server under test on 127.0.0.1, port 0, with a room of its own.</summary>
    protected abstract Task<IChatServerUnderTest> StartServerAsync();

    /// <summary>How many clients come and go.</summary>
    protected const int Clients = 200;

    /// <summary>How many more threads than before the server started may remain (the thread pool grows and shrinks on its own).</summary>
    protected const int ThreadSlack = 30;

    private enum Exit { Quit, Close, Reset, ResetMidLine, NeverJoin }

    [Fact(DisplayName = "200 clients joining and leaving at random end with no members, no sockets and no threads left")]
    public async Task Two_hundred_clients_joining_and_leaving_at_random_leave_nothing_behind()
    {
        var socketsBefore = SocketLeaks.CountOpenSockets();
        var threadsBefore = ProcessThreads.Count();
        var server = await StartServerAsync();
        try
        {
            var random = new Random(6);
            var plans = Enumerable.Range(0, Clients).Select(i => (Id: i, Exit: (Exit)random.Next(5), Pause: random.Next(0, 30))).ToList();
            var lanes = Enumerable.Range(0, 20).Select(lane => RunLaneAsync(server, plans.Where(p => p.Id % 20 == lane).ToList()));
            await Task.WhenAll(lanes).Within(TimeSpan.FromSeconds(20), "200 clients to join and leave (20 at a time)");

            await Eventually.TrueAsync(() => server.Room.Count == 0, "the room to be empty once all 200 clients had left",
                () => $"Room.Count is {server.Room.Count}: {string.Join(", ", server.Room.Nicknames.Take(10))}. Every way out of a session " +
                      "(/quit, end of stream, reset, reset in the middle of a line) must leave the room (in a finally).");
            await server.StopAsync();
        }
        finally
        {
            await server.DisposeAsync();
        }

        if (socketsBefore is { } before)
            await Eventually.TrueAsync(() => SocketLeaks.CountOpenSockets() <= before,
                "every socket of the server and its 200 connections to be closed after Stop",
                () => $"The process holds {SocketLeaks.CountOpenSockets() - before} more sockets than before the server started. A " +
                      "connection's socket must be closed whichever way its session ends (the member closes it on Disconnect).");
        await Eventually.TrueAsync(() => ProcessThreads.Count() <= threadsBefore + ThreadSlack,
            "the server's threads to end after Stop",
            () => $"The process runs {ProcessThreads.Count() - threadsBefore} more threads than before the server started (allowed: {ThreadSlack}). " +
                  "Each session thread must return when its connection ends, and each member's writer thread must end after Disconnect " +
                  "(wake it: Monitor.Pulse) instead of waiting for lines that will never come.");
    }

    private static async Task RunLaneAsync(IChatServerUnderTest server, List<(int Id, Exit Exit, int Pause)> plans)
    {
        foreach (var (id, exit, pause) in plans)
        {
            var name = $"churn{id}";
            var peer = exit == Exit.NeverJoin
                ? await ChatPeer.ConnectAndGreetAsync(server.EndPoint, name)
                : await ChatPeer.JoinAsync(server.EndPoint, name);
            try
            {
                if (exit != Exit.NeverJoin) await peer.SendLineAsync($"{name} was here");
                await Task.Delay(pause);
                switch (exit)
                {
                    case Exit.Quit:
                        await peer.SendLineAsync("/quit");
                        await peer.ReadUntilAsync(ChatLines.Bye, $"the bye after {name}'s /quit");
                        // Other members' notices copied before it left may still trail the bye; then the connection closes.
                        await peer.ReadUntilClosedAsync($"{name} quit");
                        break;
                    case Exit.Close:
                        break; // Dispose below: the server reads end of stream (or a reset, if lines were unread)
                    case Exit.Reset:
                        peer.Reset();
                        break;
                    case Exit.ResetMidLine:
                        await peer.SendAsync("half a li"u8.ToArray());
                        peer.Reset();
                        break;
                    case Exit.NeverJoin:
                        break;
                }
            }
            finally
            {
                peer.Dispose();
            }
        }
    }

}
