using System.Net.Sockets;
using SocketCourse.ChatProtocol;

namespace SocketCourse.ChatRoom.Tests;

/// <summary>
/// Step 2: what the server's constructor and Start promise — a room and a member factory passed in are the ones used (a
/// shared room only loses this server's members on Stop), a factory that throws costs only its own client, and a second
/// Start is refused. Found by mutation testing (.ci/mutation): a server that ignored the room or factory it was given,
/// or started twice, went unnoticed before.
/// </summary>
[Trait("Lesson", "06")]
[Trait("Step", "2")]
public sealed class Step2_ServerSetupTests
{
    [Fact(DisplayName = "A server given a room and a member factory uses them; Stop leaves a shared room open")]
    public async Task A_server_given_a_room_and_a_member_factory_uses_them()
    {
        var room = new Room();
        var outsider = new RecordingMember("outsider");
        Assert.True(room.TryJoin(outsider, "outsider", out _), "The grader's member could not join an empty room.");
        var made = 0;
        var running = await ThreadedServerUnderTest.StartAsync(socket =>
        {
            Interlocked.Increment(ref made);
            return new DirectMember(socket);
        }, room);
        await using var stopAtEnd = running;

        Assert.True(ReferenceEquals(running.Room, room),
            "new ChatServer(endpoint, room) must use the room it was given (Room returns it): lesson 08's browser members join the same room.");
        using var alice = await ChatPeer.JoinAsync(running.EndPoint, "alice");
        Assert.True(Volatile.Read(ref made) == 1,
            $"The member factory passed to the constructor was called {Volatile.Read(ref made)} time(s) for one connection; it makes each connection's member.");
        Assert.True(outsider.Lines.Contains(ChatLines.Joined("alice")),
            $"A member of the shared room who is not on this server should hear alice join; it was handed {outsider.Shown()}.");

        await running.StopAsync();
        await alice.ReadUntilAsync(ChatLines.ShuttingDown, "the shutdown notice at alice");
        Assert.True(!room.IsClosed && room.Nicknames.SequenceEqual(["outsider"]),
            $"After Stop, a shared room stays open and keeps its other members; it is {(room.IsClosed ? "closed" : "open")} and holds " +
            $"[{string.Join(", ", room.Nicknames)}]. Stop closes only a room the server made itself; from a shared room its members leave.");
        Assert.True(outsider.Lines.Contains(ChatLines.Left("alice")),
            $"The shared room's other members hear this server's members leave; the outsider was handed {outsider.Shown()}.");
    }

    [Fact(DisplayName = "A member factory that throws turns that client away, and the server keeps serving")]
    public async Task A_member_factory_that_throws_turns_that_client_away_and_the_server_keeps_serving()
    {
        var calls = 0;
        var running = await ThreadedServerUnderTest.StartAsync(socket =>
            Interlocked.Increment(ref calls) == 1 ? throw new InvalidOperationException("the grader's factory fails once") : new DirectMember(socket));
        await using var stopAtEnd = running;

        using var unlucky = await ChatPeer.ConnectAsync(running.EndPoint, "the client whose member could not be made");
        await unlucky.ExpectClosedAsync("the factory threw for this client: close its connection (and only it), rather than leave it open with nobody serving it");
        using var bob = await ChatPeer.JoinAsync(running.EndPoint, "bob");
    }

    [Fact(DisplayName = "A second Start is an InvalidOperationException, and the server keeps serving")]
    public async Task A_second_Start_is_an_InvalidOperationException()
    {
        var running = await ThreadedServerUnderTest.StartAsync();
        await using var stopAtEnd = running;

        var e = await Expect.Throws<InvalidOperationException>(OwnThread.Start(() => running.Server.Start(), "grader: the second Start"),
            "Start on a server that has started already: it would open a second listener and a second accept thread that Stop knows nothing of",
            Deadlines.Short);
        Assert.True(!string.IsNullOrWhiteSpace(e.Message), "The InvalidOperationException has an empty message; say that the server has started already.");
        using var alice = await ChatPeer.JoinAsync(running.EndPoint, "alice");
    }
}
