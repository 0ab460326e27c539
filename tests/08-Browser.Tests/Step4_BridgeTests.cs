using System.Net.WebSockets;
using System.Text;

namespace SocketCourse.Browser.Tests;

/// <summary>Step 4: the chat room over WebSocket and TCP at once (ClientWebSocket and raw sockets stand in for browsers).</summary>
[Trait("Lesson", "08")]
[Trait("Step", "4")]
public sealed class Step4_BridgeTests
{
    [Fact(DisplayName = "GET / serves the chat page")]
    public async Task GET_root_serves_the_chat_page()
    {
        using var run = ChatRun.Start();
        var response = await HttpWire.OneRequestAsync(run.Server.HttpEndPoint, HttpWire.Request("/"), "GET / from the chat server");
        Assert.True(response.Status == 200 && response.Header("Content-Type") == "text/html; charset=utf-8" && response.BodyText.Contains("new WebSocket("),
            $"GET / got {response}; expected 200 with the chat page (Given/wwwroot/index.html, served from ChatWebServer.DefaultWebRoot) as text/html.");
    }

    [Fact(DisplayName = "A WebSocket member and a TCP member see each other's lines and notices")]
    public async Task WebSocket_and_TCP_members_share_the_room()
    {
        using var run = ChatRun.Start();
        using var alice = await WsMember.JoinAsync(run, "alice");
        using var carol = await TcpMember.JoinAsync(run, "carol");
        await alice.ExpectAsync("* carol joined", "the notice that the TCP member carol joined (one room for both servers)");

        await alice.SendAsync("hello from the browser");
        await carol.ExpectAsync("<alice> hello from the browser", "alice's line, sent over WebSocket");
        await carol.SendAsync("hello from nc, 你好");
        await alice.ExpectAsync("<carol> hello from nc, 你好", "carol's line, sent over TCP");
        await alice.SendAsync("/who");
        await alice.ExpectAsync("* members: alice, carol", "the answer to /who");
    }

    [Fact(DisplayName = "/quit over WebSocket says bye, closes with 1000, and the others hear the member left")]
    public async Task Quit_over_WebSocket_closes_with_1000()
    {
        using var run = ChatRun.Start();
        using var carol = await TcpMember.JoinAsync(run, "carol");
        using var peer = await RawFrames.OpenAsync(run.Server.HttpEndPoint);
        await RawFrames.ReadAsync(peer, "the greeting");
        await peer.SendAsync(RawFrames.Text("alice"));
        await RawFrames.ReadAsync(peer, "the notice that alice joined");
        await carol.ExpectAsync("* alice joined", "the notice that alice joined");
        await peer.SendAsync(RawFrames.Text("/quit"));
        var (_, opcode, payload) = await RawFrames.ReadAsync(peer, "the answer to /quit");
        Assert.True(opcode == 1 && Encoding.UTF8.GetString(payload) == "* bye", $"After /quit the member got opcode {opcode} {Show.Bytes(payload)}; expected the text message \"* bye\" (lines waiting are sent before the close).");
        var code = await RawFrames.ExpectCloseAsync(peer, "the close frame after \"* bye\"");
        Assert.True(code == 1000, $"After /quit the server sent {RawFrames.CloseName(code)}; expected close 1000 (normal closure).");
        await carol.ExpectAsync("* alice left", "the notice that alice left");
    }

    [Fact(DisplayName = "A hostile WebSocket client gets close 1002, and the room goes on")]
    public async Task A_hostile_client_gets_1002_and_the_room_goes_on()
    {
        using var run = ChatRun.Start();
        using var alice = await WsMember.JoinAsync(run, "alice");
        using var carol = await TcpMember.JoinAsync(run, "carol");

        using (var hostile = await RawFrames.OpenAsync(run.Server.HttpEndPoint))
        {
            await RawFrames.ReadAsync(hostile, "the greeting");
            await hostile.SendAsync(RawFrames.Text("mallory", masked: false));
            var code = await RawFrames.ExpectCloseAsync(hostile, "the close frame answering an unmasked frame");
            Assert.True(code == 1002, $"An unmasked frame on /chat got {RawFrames.CloseName(code)}; expected close 1002 (protocol error).");
        }
        var refused = await HttpWire.OneRequestAsync(run.Server.HttpEndPoint, RawFrames.UpgradeRequest(key: ""), "an upgrade to /chat without Sec-WebSocket-Key");
        Assert.True(refused.Status == 400, $"An upgrade to /chat without a key got {refused}; expected 400.");

        await alice.SendAsync("still here?");
        await carol.ExpectAsync("<alice> still here?", "alice's line after a hostile client was thrown out");
        await carol.SendAsync("yes");
        await alice.ExpectAsync("<carol> yes", "carol's answer");
    }

    [Fact(DisplayName = "Stop tells WebSocket members the server is shutting down, then closes")]
    public async Task Stop_tells_WebSocket_members()
    {
        var run = ChatRun.Start();
        try
        {
            using var peer = await RawFrames.OpenAsync(run.Server.HttpEndPoint);
            await RawFrames.ReadAsync(peer, "the greeting");
            await peer.SendAsync(RawFrames.Text("alice"));
            await RawFrames.ReadAsync(peer, "the notice that alice joined");
            var stopping = Task.Run(run.Dispose);
            var (_, opcode, payload) = await RawFrames.ReadAsync(peer, "the shutdown notice");
            Assert.True(opcode == 1 && Encoding.UTF8.GetString(payload) == "* server shutting down",
                $"When the server stopped, the member got opcode {opcode} {Show.Bytes(payload)}; expected \"* server shutting down\".");
            var code = await RawFrames.ExpectCloseAsync(peer, "the close frame after the shutdown notice");
            Assert.True(code == 1000, $"After the shutdown notice the server sent {RawFrames.CloseName(code)}; expected a close frame (1000).");
            await peer.SendAsync(RawFrames.Client(0x8, [0x03, 0xE8]));
            await CodeUnderTest.Finish(stopping, "Stop(4 s) to return", TimeSpan.FromSeconds(6));
        }
        finally
        {
            run.Dispose();
        }
    }
}
