using System.Net;
using System.Net.WebSockets;
using System.Text;

namespace SocketCourse.Browser.Tests;

/// <summary>Starts the learner's ChatWebServer with the given chat page, and stops it at the end of a grader.</summary>
internal sealed class ChatRun : IDisposable
{
    private ChatRun(ChatWebServer server) => Server = server;

    public ChatWebServer Server { get; }

    public static ChatRun Start()
    {
        var server = new ChatWebServer();
        try
        {
            server.Start();
            return new ChatRun(server);
        }
        catch
        {
            server.Dispose();
            throw;
        }
    }

    public Uri Page => new($"http://{Server.HttpEndPoint}/");
    public Uri Chat => new($"ws://{Server.HttpEndPoint}{ChatWebServer.ChatPath}");

    public void Dispose() => Server.Stop(TimeSpan.FromSeconds(4));
}

/// <summary>A chat member over ClientWebSocket, as the grader's stand-in for a browser.</summary>
internal sealed class WsMember : IDisposable
{
    private readonly ClientWebSocket _socket;
    private readonly string _name;

    private WsMember(ClientWebSocket socket, string name)
    {
        _socket = socket;
        _name = name;
    }

    public static async Task<WsMember> JoinAsync(ChatRun run, string nickname)
    {
        var socket = new ClientWebSocket();
        using (var deadline = new CancellationTokenSource(Deadlines.Default))
        {
            try { await socket.ConnectAsync(run.Chat, deadline.Token); }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException)
            {
                socket.Dispose();
                throw new GradingException($"ClientWebSocket could not open {run.Chat}: {e.Message}. GET /chat with Upgrade: websocket must be handed to WebSocketHandshake.", e);
            }
        }
        var member = new WsMember(socket, $"the WebSocket member {nickname}");
        await member.ExpectAsync(ChatLinesOf.Greeting, "the greeting");
        await member.SendAsync(nickname);
        await member.ExpectAsync($"* {nickname} joined", $"the notice that {nickname} joined");
        return member;
    }

    public async Task SendAsync(string line)
    {
        using var deadline = new CancellationTokenSource(Deadlines.Default);
        await _socket.SendAsync(Encoding.UTF8.GetBytes(line), WebSocketMessageType.Text, true, deadline.Token);
    }

    /// <summary>Receives messages until <paramref name="expected"/>; everything before it is kept for the message.</summary>
    public async Task ExpectAsync(string expected, string what)
    {
        var seen = new List<string>();
        using var deadline = new CancellationTokenSource(Deadlines.Default);
        var buffer = new byte[8192];
        try
        {
            while (true)
            {
                var message = new MemoryStream();
                WebSocketReceiveResult result;
                do
                {
                    result = await _socket.ReceiveAsync(buffer, deadline.Token);
                    if (result.MessageType == WebSocketMessageType.Close)
                        throw new GradingException($"{_name} was waiting for {what} ({Show.Text(expected)}) and got a close frame ({result.CloseStatus}) after [{string.Join(", ", seen.Select(s => Show.Text(s)))}].");
                    message.Write(buffer, 0, result.Count);
                } while (!result.EndOfMessage);
                var text = Encoding.UTF8.GetString(message.ToArray());
                if (text == expected) return;
                seen.Add(text);
            }
        }
        catch (OperationCanceledException)
        {
            throw Deadlines.TimedOut(Deadlines.Default, $"{what} ({Show.Text(expected)}) at {_name}",
                $"It had received [{string.Join(", ", seen.Select(s => Show.Text(s)))}]. Each chat line travels as one text message.");
        }
        catch (WebSocketException e)
        {
            throw new GradingException($"{_name} was waiting for {what} and the WebSocket failed: {e.Message}", e);
        }
    }

    public WebSocketState State => _socket.State;

    public void Dispose() => _socket.Dispose();
}

/// <summary>A chat member over plain TCP (what nc does).</summary>
internal sealed class TcpMember : IDisposable
{
    private readonly LoopbackPeer _peer;

    private TcpMember(LoopbackPeer peer) => _peer = peer;

    public static async Task<TcpMember> JoinAsync(ChatRun run, string nickname)
    {
        var peer = await LoopbackPeer.ConnectAsync(run.Server.TcpEndPoint, $"the TCP member {nickname}");
        var member = new TcpMember(peer);
        await member.ExpectAsync(ChatLinesOf.Greeting, "the greeting");
        await peer.SendAsync(nickname + "\n");
        await member.ExpectAsync($"* {nickname} joined", $"the notice that {nickname} joined");
        return member;
    }

    public Task SendAsync(string line) => _peer.SendAsync(line + "\n");

    public async Task ExpectAsync(string expected, string what)
    {
        var seen = new List<string>();
        while (true)
        {
            var line = await _peer.ReadLineAsync($"{what} ({Show.Text(expected)}), after [{string.Join(", ", seen.Select(s => Show.Text(s)))}]");
            if (line == expected) return;
            seen.Add(line);
        }
    }

    public void Dispose() => _peer.Dispose();
}

/// <summary>The lesson-06 lines the graders wait for (spelled by lesson 06's ChatLines).</summary>
internal static class ChatLinesOf
{
    public static string Greeting => SocketCourse.ChatRoom.ChatLines.Greeting;
}
