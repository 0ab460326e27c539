using System.Net;
using System.Net.WebSockets;
using SocketCourse.ChatRoom;

namespace SocketCourse.Browser;

/// <summary>Step 4: the chat room in a browser.</summary>
public sealed class ChatWebServer : IDisposable
{
    /// <summary>The path of the WebSocket endpoint.</summary>
    public const string ChatPath = "/chat";

    private static readonly TimeSpan SendingDrain = TimeSpan.FromSeconds(2);
    private readonly StaticFileServer _http;
    private readonly ChatServer _tcp;
    private readonly bool _ownsRoom;
    private int _stopped;

    /// <summary>A server (not started).</summary>
    public ChatWebServer(string? webRoot = null, IPEndPoint? httpEndPoint = null, IPEndPoint? tcpEndPoint = null, Room? room = null)
    {
        _ownsRoom = room is null;
        Room = room ?? new Room();
        _http = new StaticFileServer(webRoot ?? DefaultWebRoot, httpEndPoint ?? new IPEndPoint(IPAddress.Loopback, 0), upgrade: UpgradeAsync);
        _tcp = new ChatServer(tcpEndPoint ?? new IPEndPoint(IPAddress.Loopback, 0));
    }

    /// <summary>The folder holding the chat page.</summary>
    public static string DefaultWebRoot => Path.Combine(AppContext.BaseDirectory, "wwwroot");

    /// <summary>The room.</summary>
    public Room Room { get; }

    /// <summary>The HTTP endpoint.</summary>
    public IPEndPoint HttpEndPoint => _http.EndPoint;

    /// <summary>The TCP endpoint.</summary>
    public IPEndPoint TcpEndPoint => _tcp.EndPoint;

    /// <summary>Starts both.</summary>
    public void Start()
    {
        _http.Start();
        try { _tcp.Start(); }
        catch
        {
            _http.Stop(TimeSpan.FromSeconds(1));
            throw;
        }
    }

    /// <summary>Stops.</summary>
    public void Stop(TimeSpan timeout)
    {
        if (Interlocked.Exchange(ref _stopped, 1) != 0) return;
        if (_ownsRoom) Room.Close();
        _tcp.Stop(timeout / 2);
        _http.Stop(timeout / 2);
    }

    /// <summary>Stops with 4 seconds.</summary>
    public void Dispose() => Stop(TimeSpan.FromSeconds(4));

    private async Task<bool> UpgradeAsync(HttpRequest request, Stream stream, CancellationToken stopping)
    {
        if (request.Path != ChatPath || !WebSocketHandshake.IsUpgradeRequest(request)) return false;
        if (!await WebSocketHandshake.TryAcceptAsync(request, stream, stopping)) return true;

        var connection = new WebSocketConnection(stream, isServer: true, maxMessageBytes: ChatLimits.MaxLineBytes);
        var member = new WebSocketChatMember(connection);
        using var ending = CancellationTokenSource.CreateLinkedTokenSource(stopping, member.Disconnected);
        member.TryDeliver(ChatLines.Greeting);
        var peerClosed = false;
        try
        {
            while (true)
            {
                var line = await connection.ReceiveTextAsync(ending.Token);
                if (line is null) { peerClosed = true; break; }
                if (ChatCommands.Handle(Room, member, line) == LineOutcome.Quit) break;
            }
        }
        catch (Exception e) when (e is WebSocketProtocolException or IOException or ObjectDisposedException)
        {
            peerClosed = true; // a broken or hostile client (the close frame was sent already): nothing more to read
        }
        catch (OperationCanceledException)
        {
            // The member was disconnected (by /quit, the room, or the server stopping).
        }
        finally
        {
            Room.Leave(member);
            member.Disconnect();
        }
        // Let the member send what it holds and its close frame before the connection closes.
        try { await member.Sending.WaitAsync(SendingDrain, CancellationToken.None); }
        catch (TimeoutException) { }
        if (!peerClosed) await AwaitPeerCloseAsync(connection);
        return true;
    }

    // The close handshake's second half: the peer answers our close frame with its own. Read (and drop) what comes
    // until then, for a moment, so the connection ends cleanly rather than with unread bytes.
    private static async Task AwaitPeerCloseAsync(WebSocketConnection connection)
    {
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(1));
        try
        {
            while (await connection.ReceiveTextAsync(wait.Token) is not null) { }
        }
        catch (Exception e) when (e is WebSocketProtocolException or IOException or OperationCanceledException or ObjectDisposedException) { }
    }
}
