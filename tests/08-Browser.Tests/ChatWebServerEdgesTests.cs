using System.Net;
using System.Net.Sockets;
using System.Text;

namespace SocketCourse.Browser.Tests;

// ChatWebServer's edges: a failed start, the ports after Stop, which requests the upgrade handler takes, what follows a
// refused handshake or a finished WebSocket, and a member whose browser closes first. Found by mutation testing
// (.ci/mutation): no grader made the TCP server fail to start, looked at the ports after Stop, sent a plain GET /chat,
// read past the end of a WebSocket, or closed a WebSocket from the client's side first.

/// <summary>Step 4: ChatWebServer's start, stop and upgrade edges.</summary>
[Trait("Lesson", "08")]
[Trait("Step", "4")]
[Collection(SocketCountingCollection.Name)]
public sealed class Step4_ChatWebServerEdgesTests
{
    private static async Task<LoopbackPeer> JoinRawAsync(ChatRun run, string nickname)
    {
        var peer = await RawFrames.OpenAsync(run.Server.HttpEndPoint);
        await RawFrames.ReadAsync(peer, "the greeting");
        await peer.SendAsync(RawFrames.Text(nickname));
        await RawFrames.ReadAsync(peer, $"the notice that {nickname} joined");
        return peer;
    }

    [Fact(DisplayName = "A failed start of the TCP server throws and leaves the HTTP server stopped")]
    public void A_failed_TCP_start_stops_the_HTTP_server()
    {
        using var taken = LoopbackListener.Start();
        Expect.Throws<SocketException>(() => new ChatWebServer(tcpEndPoint: taken.EndPoint).Start(),
            $"the TCP end point {taken.EndPoint} is held by the grader: the ChatServer's Bind fails, and Start lets that SocketException out");
        SocketLeaks.ExpectNothingLeftOpen(() => new ChatWebServer(tcpEndPoint: taken.EndPoint).Start(),
            $"ChatWebServer.Start with the TCP port taken ({taken.EndPoint}; the HTTP server had started first and must be stopped again)");
    }

    [Fact(DisplayName = "After Stop both ports are free again")]
    public void After_Stop_both_ports_are_free()
    {
        var server = new ChatWebServer();
        server.Start();
        var (http, tcp) = (server.HttpEndPoint, server.TcpEndPoint);
        server.Stop(TimeSpan.FromSeconds(2));
        foreach (var (endPoint, which) in new[] { (http, "HTTP"), (tcp, "TCP chat") })
        {
            using var probe = new Socket(endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            try { probe.Bind(endPoint); }
            catch (SocketException e) when (e.SocketErrorCode == SocketError.AddressAlreadyInUse)
            {
                throw new GradingException($"After Stop, the {which} port {endPoint} was still in use (the grader could not bind it): Stop stops both servers, " +
                                           "the HTTP one and the lesson-06 ChatServer, and each closes its listener.");
            }
        }
    }

    [Fact(DisplayName = "Only an upgrade to /chat is a WebSocket: a plain GET /chat and an upgrade elsewhere are the static files' business")]
    public async Task Only_an_upgrade_to_chat_is_taken()
    {
        using var run = ChatRun.Start();
        var plain = await HttpWire.OneRequestAsync(run.Server.HttpEndPoint, HttpWire.Request(ChatWebServer.ChatPath), "a plain GET /chat (no Upgrade header)");
        Assert.True(plain.Status == 404,
            $"A plain GET /chat got {plain}; expected 404 from the static files (the web root has no file called chat): only an upgrade request is a WebSocket handshake.");
        var elsewhere = await HttpWire.OneRequestAsync(run.Server.HttpEndPoint, RawFrames.UpgradeRequest().Replace("GET /chat ", "GET /elsewhere ", StringComparison.Ordinal),
            "a WebSocket upgrade to /elsewhere");
        Assert.True(elsewhere.Status == 404, $"A WebSocket upgrade to /elsewhere got {elsewhere}; expected 404: the chat's WebSocket lives at /chat only.");
    }

    [Fact(DisplayName = "A refused handshake on /chat is the connection's last answer")]
    public async Task A_refused_handshake_is_the_last_answer()
    {
        using var run = ChatRun.Start();
        using var peer = await LoopbackPeer.ConnectAsync(run.Server.HttpEndPoint, "the grader's WebSocket client");
        await peer.SendAsync(HttpWire.Ascii(RawFrames.UpgradeRequest(version: "8")));
        var refused = await HttpWire.ReadResponseAsync(peer, "an upgrade to /chat with Sec-WebSocket-Version: 8");
        Assert.True(refused.Status == 426, $"An upgrade to /chat with version 8 got {refused}; expected 426.");
        await peer.ExpectEndOfStreamAsync("after the refusal (Connection: close) nothing more may come: the upgrade handler answered the request, " +
                                          "so it must tell the server it was its business (true), or the server answers it a second time");
    }

    [Fact(DisplayName = "After /quit and the close handshake the connection ends with nothing more")]
    public async Task After_the_close_handshake_nothing_follows()
    {
        using var run = ChatRun.Start();
        using var peer = await JoinRawAsync(run, "alice");
        await peer.SendAsync(RawFrames.Text("/quit"));
        var code = await RawFrames.ExpectCloseAsync(peer, "the close frame after /quit");
        Assert.True(code == 1000, $"After /quit the server sent {RawFrames.CloseName(code)}; expected close 1000.");
        await peer.SendAsync(RawFrames.Client(0x8, [0x03, 0xE8]));
        await peer.ExpectEndOfStreamAsync("after both close frames the WebSocket is over: the upgrade handler returns true, and the server closes " +
                                          "the connection without answering the upgrade request again over HTTP");
    }

    [Fact(DisplayName = "A member whose browser closes first gets the close answered, and the others hear it left")]
    public async Task A_member_that_closes_first_leaves_the_room()
    {
        using var run = ChatRun.Start();
        using var carol = await TcpMember.JoinAsync(run, "carol");
        using var peer = await JoinRawAsync(run, "alice");
        await carol.ExpectAsync("* alice joined", "the notice that alice joined");
        await peer.SendAsync(RawFrames.Client(0x8, [0x03, 0xE9, .. Encoding.ASCII.GetBytes("tab closed")]));
        var code = await RawFrames.ExpectCloseAsync(peer, "the server's answer to alice's close frame (1001, going away)");
        Assert.True(code == 1001, $"Alice's browser closed with 1001; the server answered {RawFrames.CloseName(code)}, expected the same code, 1001.");
        await carol.ExpectAsync("* alice left", "the notice that alice left (her browser closed the WebSocket: the session ends and she leaves the room)");
        await peer.ExpectEndOfStreamAsync("after the close handshake the server closes the connection");
    }
}
