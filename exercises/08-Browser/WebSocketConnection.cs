using System.Net.WebSockets;

namespace SocketCourse.Browser;

/// <summary>
/// Step 3: text messages over WebSocket frames, one end of a connection whose handshake is done. One task
/// receives; any task may send (sends are serialised, so frames never interleave on the wire).
/// </summary>
public sealed class WebSocketConnection
{
    /// <summary>One end of a WebSocket connection.</summary>
    /// <param name="stream">The connection, after the handshake; not disposed by this class.</param>
    /// <param name="isServer">True on the server's end: it expects masked frames and sends unmasked ones. False on a
    /// client's end: the opposite, with a fresh random key for every frame it sends.</param>
    /// <param name="maxMessageBytes">The longest message accepted, all its fragments together.</param>
    public WebSocketConnection(Stream stream, bool isServer, long maxMessageBytes = DefaultMaxMessageBytes)
    {
        throw new NotImplementedException(
            "Step 3: keep the stream, the side and the limit, and a lock for sending. See notebooks/08-browser.ipynb, step 3.");
    }

    /// <summary>The default message limit: 64 KiB.</summary>
    public const long DefaultMaxMessageBytes = 64 * 1024;

    /// <summary>The status code of the peer's close frame, once one came (null before, or when it had none).</summary>
    public WebSocketCloseStatus? CloseStatus =>
        throw new NotImplementedException("Step 3: the code of the close frame received. See notebooks/08-browser.ipynb, step 3.");

    /// <summary>Whether both close frames have passed: ours was sent and the peer's received.</summary>
    public bool IsClosed =>
        throw new NotImplementedException("Step 3: both close frames. See notebooks/08-browser.ipynb, step 3.");

    /// <summary>
    /// Receives the next text message, all its fragments put together and decoded as strict UTF-8. On the way:
    /// a ping is answered at once with a pong carrying the same payload; a pong is ignored; a close frame is answered
    /// with a close frame carrying the same status code (1000 when it had none), unless ours was sent already, and
    /// then null is returned. Protocol errors (the codec's, a continuation with no message, a new message before the
    /// last one's final fragment, a close frame with a 1-byte payload or a code that may not be sent such as 1005,
    /// 1006 or 999: 1002; a binary message: 1003; invalid UTF-8 in a message or a close reason: 1007; a message over
    /// the limit: 1009) are answered with a close frame carrying that code, and then thrown.
    /// </summary>
    /// <returns>The message, or null when the close handshake ended the conversation or the stream ended between
    /// messages.</returns>
    /// <exception cref="WebSocketProtocolException">The peer broke the protocol; the close frame was sent.</exception>
    /// <exception cref="EndOfStreamException">The stream ended inside a message or a frame.</exception>
    public Task<string?> ReceiveTextAsync(CancellationToken cancellationToken = default)
    {
        throw new NotImplementedException(
            "Step 3: read frames until a FIN data frame, answering control frames on the way. See notebooks/08-browser.ipynb, step 3.");
    }

    /// <summary>Sends <paramref name="text"/> as one text frame (UTF-8), masked on a client's end.</summary>
    /// <exception cref="InvalidOperationException">Our close frame was sent already.</exception>
    public Task SendTextAsync(string text, CancellationToken cancellationToken = default)
    {
        throw new NotImplementedException(
            "Step 3: one FIN text frame, written under the send lock. See notebooks/08-browser.ipynb, step 3.");
    }

    /// <summary>
    /// Starts the close handshake: sends a close frame with <paramref name="status"/> (2 bytes, big-endian) and
    /// <paramref name="reason"/> (UTF-8, cut to 123 bytes), once; a second call does nothing. The peer's close frame
    /// then ends <see cref="ReceiveTextAsync"/> with null.
    /// </summary>
    public Task CloseAsync(WebSocketCloseStatus status, string reason, CancellationToken cancellationToken = default)
    {
        throw new NotImplementedException(
            "Step 3: a close frame with the status and reason, sent once. See notebooks/08-browser.ipynb, step 3.");
    }
}
