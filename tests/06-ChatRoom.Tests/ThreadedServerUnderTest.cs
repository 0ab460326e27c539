using System.Net;
using System.Net.Sockets;
using SocketCourse.ChatProtocol;

namespace SocketCourse.ChatRoom.Tests;

/// <summary>
/// Lesson 06's <see cref="ChatServer"/> for the shared protocol graders: started and stopped with deadlines, so a Start
/// that runs the accept loop itself, or a Stop that never returns, fails with a message instead of hanging the run.
/// </summary>
internal sealed class ThreadedServerUnderTest : IChatServerUnderTest
{
    private readonly ChatServer _server;
    private bool _stopped;

    private ThreadedServerUnderTest(ChatServer server) => _server = server;

    public IPEndPoint EndPoint => _server.EndPoint;
    public Room Room => _server.Room;
    public ChatServer Server => _server;

    /// <summary>Starts a server on 127.0.0.1:0 whose members come from <paramref name="newMember"/> (null: the server's default).</summary>
    public static async Task<ThreadedServerUnderTest> StartAsync(Func<Socket, IChatMember>? newMember = null, Room? room = null)
    {
        var starting = CodeUnderTest.Start(() =>
        {
            var server = new ChatServer(Loopback.AnyPort, room, newMember);
            server.Start();
            return Task.FromResult(server);
        });
        var started = await CodeUnderTest.Finish(starting, "new ChatServer(...).Start() to return",
            hint: "Start binds, listens, starts the accept loop on a thread of its own and returns at once.");
        return new ThreadedServerUnderTest(started);
    }

    public async Task StopAsync()
    {
        _stopped = true;
        var ended = await CodeUnderTest.Finish(OwnThread.Start(() => _server.Stop(TimeSpan.FromSeconds(3)), "grader: Stop"), "Stop() to return",
            timeout: TimeSpan.FromSeconds(5),
            hint: "Stop closes the listener, tells and disconnects every connection, and joins the session threads; if it waits for a " +
                  "thread it never woke, it waits forever.");
        if (!ended)
            throw new GradingException("Stop returned false: some session thread did not end in time. Each session must return once its " +
                                       "connection is closed (the read fails or returns end of stream).");
    }

    public async ValueTask DisposeAsync()
    {
        if (_stopped) return;
        try
        {
            await StopAsync();
        }
        catch (Exception)
        {
            // The test has failed already, or is about to, on what it checked; don't hide that with a second failure.
        }
    }
}
