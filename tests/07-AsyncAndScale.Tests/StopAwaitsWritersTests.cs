using SocketCourse.ChatProtocol;
using SocketCourse.ChatRoom;

namespace SocketCourse.AsyncAndScale.Tests;

// "Completes when every reader task and every writer task has ended": a stop that awaits only the readers returns
// while a writer is still sending to a member that does not read. Found by mutation testing (.ci/mutation).

/// <summary>Step 2: AsyncChatServer.StopAsync returns only once every member's writer has ended and closed its socket.</summary>
[Trait("Lesson", "07")]
[Trait("Step", "2")]
public sealed class Step2_StopAwaitsWritersTests
{
    /// <summary>A member of the grader's own, in the room without a connection: it takes every line and says many.</summary>
    private sealed class Flood : IChatMember
    {
        public bool TryDeliver(string line) => true;
        public void Disconnect() { }
    }

    [Fact(DisplayName = "StopAsync waits for the writer of a member that does not read, then its socket is closed")]
    public async Task StopAsync_waits_for_the_writer_of_a_member_that_does_not_read()
    {
        const int lines = 6000;
        // A big outbox: alice's lines pile up in it instead of overflowing, so her writer is still sending when the stop comes.
        var running = await AsyncRoomUnderTest.StartAsync(outboxLines: lines + 100);
        try
        {
            using var alice = await ChatPeer.JoinAsync(running.EndPoint, "alice", receiveBufferBytes: 4096);
            var flood = new Flood();
            Assert.True(running.Room.TryJoin(flood, "flood", out var error), $"The grader's own member could not join the room: {error}");
            // 6,000 lines of about 1 KB: more than the socket buffers hold, so alice's writer waits for her to read. She never does.
            var text = new string('z', 1000);
            for (var i = 0; i < lines; i++) running.Room.Broadcast(flood, text);

            await running.StopAsync(); // fails by itself if StopAsync does not return within its deadline
            var open = SocketLeaks.IsConnectionOpen(alice.RemoteEndPoint, alice.LocalEndPoint);
            Assert.True(open != true,
                "StopAsync returned while the server's socket for alice (who reads nothing, with lines still queued for her) was still open: " +
                "her writer task was still sending. StopAsync completes when every reader task AND every writer task has ended: await each " +
                "member's outbox Completion too (the writer gives up after DrainTimeout, then closes the socket).");
            Assert.True(running.Server.ConnectionCount == 0, $"After StopAsync the server still counted {running.Server.ConnectionCount} connections.");
        }
        finally
        {
            await running.DisposeAsync();
        }
    }
}
