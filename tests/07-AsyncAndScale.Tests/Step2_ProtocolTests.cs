using SocketCourse.ChatProtocol;
using SocketCourse.ChatRoom;

namespace SocketCourse.AsyncAndScale.Tests;

/// <summary>Step 2: lesson 06's protocol graders, against the async room; lesson 06's clients cannot tell the difference.</summary>
[Trait("Lesson", "07")]
[Trait("Step", "2")]
public sealed class Step2_ProtocolTests : ChatProtocolGraders
{
    protected override async Task<IChatServerUnderTest> StartServerAsync() => await AsyncRoomUnderTest.StartAsync();

    [Fact(DisplayName = "A room shared with another server: members of both chat together")]
    public async Task A_room_shared_with_another_server_lets_members_of_both_chat_together()
    {
        var room = new Room();
        await using var first = await AsyncRoomUnderTest.StartAsync(room);
        await using var second = await AsyncRoomUnderTest.StartAsync(room);
        using var alice = await ChatPeer.JoinAsync(first.EndPoint, "alice");
        using var bob = await ChatPeer.JoinAsync(second.EndPoint, "bob");
        await alice.ExpectLineAsync(ChatLines.Joined("bob"), "alice, on the first server, is told bob joined on the second (one room)");

        await bob.SendLineAsync("hello across");
        await alice.ExpectLineAsync(ChatLines.Chat("bob", "hello across"),
            "a chat line from the second server reaches the first: the server works on the Room it was given, not a room of its own");

        await second.StopAsync();
        await alice.ExpectLineAsync(ChatLines.Left("bob"),
            "when the second server stops, its members leave the shared room and the others hear it; the room itself stays open");
        Assert.False(room.IsClosed, "Stopping one of two servers that share a room closed the room: only a server that made its room closes it.");
    }
}
