using System.Net;
using SocketCourse.ChatRoom;

namespace SocketCourse.Browser;

/// <summary>
/// Step 4: the chat room in a browser. One <see cref="StaticFileServer"/> serves the chat page (<c>GET /</c> is the
/// web root's index.html) and upgrades <c>GET /chat</c> to a WebSocket whose messages are chat lines; one lesson-06
/// <see cref="ChatServer"/> serves TCP members (<c>nc</c>) on another port. Both put their members in the same
/// <see cref="Room"/>, so browser and TCP members see each other's lines and notices.
/// </summary>
/// <remarks>
/// A WebSocket member's conversation: after the handshake (<see cref="WebSocketHandshake"/>), a
/// <see cref="WebSocketConnection"/> (server side, message limit <see cref="ChatLimits.MaxLineBytes"/>) and a
/// <see cref="WebSocketChatMember"/>; the member gets <see cref="ChatLines.Greeting"/>; every text message received is
/// one line for <see cref="ChatCommands.Handle"/>, until <c>/quit</c>, the peer's close, a protocol error (the
/// connection has sent its close code), or the member's <see cref="WebSocketChatMember.Disconnected"/>. Then the member
/// leaves the room and is disconnected, in that order; the server waits (up to two seconds) for its
/// <see cref="WebSocketChatMember.Sending"/> to end, and, unless the peer closed first, for up to a second for the
/// peer's close frame. A request for any other path, or a plain GET /chat, is the static files' business.
/// A broken or hostile client never stops the others.
/// </remarks>
public sealed class ChatWebServer : IDisposable
{
    /// <summary>The path of the WebSocket endpoint.</summary>
    public const string ChatPath = "/chat";

    /// <summary>A server, not started.</summary>
    /// <param name="webRoot">The folder to serve; <see cref="DefaultWebRoot"/> when null.</param>
    /// <param name="httpEndPoint">Where HTTP listens; 127.0.0.1 on a port the system picks when null.</param>
    /// <param name="tcpEndPoint">Where the lesson-06 TCP chat listens; 127.0.0.1 on a port the system picks when null.</param>
    /// <param name="room">The room to use; a new one (closed by <see cref="Stop"/>) when null.</param>
    public ChatWebServer(string? webRoot = null, IPEndPoint? httpEndPoint = null, IPEndPoint? tcpEndPoint = null, Room? room = null)
    {
        throw new NotImplementedException(
            "Step 4: a Room, a StaticFileServer whose upgrade handler serves /chat, and a ChatServer on the same room. See notebooks/08-browser.ipynb, step 4.");
    }

    /// <summary>The folder holding the given chat page: <c>wwwroot</c> beside the program
    /// (<see cref="AppContext.BaseDirectory"/>).</summary>
    public static string DefaultWebRoot =>
        throw new NotImplementedException("Step 4: wwwroot under AppContext.BaseDirectory. See notebooks/08-browser.ipynb, step 4.");

    /// <summary>The room both kinds of members join.</summary>
    public Room Room =>
        throw new NotImplementedException("Step 4: the room. See notebooks/08-browser.ipynb, step 4.");

    /// <summary>Where HTTP (and WebSocket) listens, after <see cref="Start"/>.</summary>
    public IPEndPoint HttpEndPoint =>
        throw new NotImplementedException("Step 4: the HTTP server's endpoint. See notebooks/08-browser.ipynb, step 4.");

    /// <summary>Where the TCP chat listens, after <see cref="Start"/>.</summary>
    public IPEndPoint TcpEndPoint =>
        throw new NotImplementedException("Step 4: the TCP chat server's endpoint. See notebooks/08-browser.ipynb, step 4.");

    /// <summary>Starts the HTTP server, then the TCP chat server; if the second fails, the first is stopped again.</summary>
    public void Start()
    {
        throw new NotImplementedException(
            "Step 4: start both servers. See notebooks/08-browser.ipynb, step 4.");
    }

    /// <summary>Closes the room if it made it (every member gets <see cref="ChatLines.ShuttingDown"/>), then stops the
    /// TCP and the HTTP server with half of <paramref name="timeout"/> each. Calling it again does nothing.</summary>
    public void Stop(TimeSpan timeout)
    {
        throw new NotImplementedException(
            "Step 4: close the room, stop both servers. See notebooks/08-browser.ipynb, step 4.");
    }

    /// <summary><see cref="Stop"/> with four seconds.</summary>
    public void Dispose()
    {
        throw new NotImplementedException("Step 4: Stop with four seconds. See notebooks/08-browser.ipynb, step 4.");
    }
}
