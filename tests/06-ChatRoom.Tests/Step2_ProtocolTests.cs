using SocketCourse.ChatProtocol;

namespace SocketCourse.ChatRoom.Tests;

/// <summary>
/// Step 2: the chat protocol over real connections (the graders are shared with lesson 07). The server is given step 2's
/// members, <see cref="DirectMember"/>s that write at once, so this step is graded before step 3's outbox exists.
/// </summary>
[Trait("Lesson", "06")]
[Trait("Step", "2")]
public sealed class Step2_ProtocolTests : ChatProtocolGraders
{
    protected override async Task<IChatServerUnderTest> StartServerAsync() =>
        await ThreadedServerUnderTest.StartAsync(socket => new DirectMember(socket));

    [Fact(DisplayName = "Sessions counts the connections being served, nickname given or not, until each one ends")]
    public async Task Sessions_counts_the_connections_being_served()
    {
        await using var running = await ThreadedServerUnderTest.StartAsync(socket => new DirectMember(socket));
        var server = running.Server;
        using var alice = await ChatPeer.JoinAsync(running.EndPoint, "alice");
        using var shy = await ChatPeer.ConnectAndGreetAsync(running.EndPoint, "a client that gives no nickname");
        await Eventually.TrueAsync(() => server.Sessions == 2, "Sessions to be 2 while two connections are served",
            () => $"It is {server.Sessions}. Count a connection when its session thread starts, and forget it when the session ends.");
        Assert.True(server.Room.Count == 1, $"Only alice has joined; Room.Count is {server.Room.Count}.");

        shy.Socket.Shutdown(System.Net.Sockets.SocketShutdown.Send);
        await shy.ExpectClosedAsync("a connection that ends before giving a nickname is closed too");
        await alice.SendLineAsync("/quit");
        await alice.ReadUntilClosedAsync("alice quit");
        await Eventually.TrueAsync(() => server.Sessions == 0, "Sessions to drop to 0 once both connections ended",
            () => $"It is {server.Sessions}. When ChatSession.Run returns, the server forgets the session (in a finally).");
    }
}
