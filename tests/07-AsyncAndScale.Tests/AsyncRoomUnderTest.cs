using System.Net;
using SocketCourse.ChatProtocol;
using SocketCourse.ChatRoom;

namespace SocketCourse.AsyncAndScale.Tests;

/// <summary>Step 2's <see cref="AsyncChatServer"/> for the shared protocol graders, started and stopped with deadlines.</summary>
internal sealed class AsyncRoomUnderTest : IChatServerUnderTest
{
    private readonly AsyncChatServer _server;
    private bool _stopped;

    private AsyncRoomUnderTest(AsyncChatServer server) => _server = server;

    public IPEndPoint EndPoint => _server.EndPoint;
    public Room Room => _server.Room;
    public AsyncChatServer Server => _server;

    public static async Task<AsyncRoomUnderTest> StartAsync(Room? room = null, int outboxLines = ChatLimits.DefaultOutboxLines)
    {
        var started = await CodeUnderTest.Finish(CodeUnderTest.Start(() => Task.FromResult(AsyncChatServer.Start(Loopback.AnyPort, room, outboxLines))),
            "AsyncChatServer.Start to return", hint: "Start binds, listens, starts the accept loop as a task and returns at once.");
        return new AsyncRoomUnderTest(started);
    }

    public async Task StopAsync()
    {
        _stopped = true;
        await CodeUnderTest.Finish(CodeUnderTest.Start(() => _server.StopAsync()), "StopAsync to return", timeout: TimeSpan.FromSeconds(5),
            hint: "StopAsync closes the listener, tells and disconnects every member, and awaits every reader task and every outbox's writer task; " +
                  "a task that waits on something nobody completes never ends.");
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
            // The grader has failed already on what it checked.
        }
    }
}
