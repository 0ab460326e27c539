using System.Net.WebSockets;

namespace SocketCourse.Browser;

/// <summary>The peer broke the WebSocket protocol; <see cref="CloseStatus"/> is the close code to answer with
/// (1002 protocol error, 1007 invalid payload data, 1009 message too big, 1003 a message type not accepted).</summary>
public sealed class WebSocketProtocolException : Exception
{
    /// <summary>A violation answered with <paramref name="closeStatus"/>.</summary>
    public WebSocketProtocolException(WebSocketCloseStatus closeStatus, string message) : base(message) => CloseStatus = closeStatus;

    /// <summary>The close code to send before closing the connection.</summary>
    public WebSocketCloseStatus CloseStatus { get; }
}
