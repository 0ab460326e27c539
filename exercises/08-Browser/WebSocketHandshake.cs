namespace SocketCourse.Browser;

/// <summary>
/// Step 3: the WebSocket opening handshake, server side (RFC 6455, section 4.2). This is the only part of a
/// WebSocket that is HTTP: one request, one <c>101 Switching Protocols</c> answer, and from then on the same TCP
/// connection carries WebSocket frames.
/// </summary>
public static class WebSocketHandshake
{
    /// <summary>The GUID every WebSocket server appends to the client's key (RFC 6455).</summary>
    public const string Guid = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    /// <summary>
    /// The Sec-WebSocket-Accept value for <paramref name="key"/>: the base64 of the SHA-1 hash of the ASCII bytes
    /// of the key followed by <see cref="Guid"/>. It proves the server read this very request as WebSocket.
    /// </summary>
    public static string ComputeAccept(string key)
    {
        throw new NotImplementedException(
            "Step 3: key + GUID, SHA1.HashData, Convert.ToBase64String. See notebooks/08-browser.ipynb, step 3.");
    }

    /// <summary>Whether <paramref name="request"/> asks for a WebSocket: its <c>Upgrade</c> header holds the token
    /// <c>websocket</c> (case aside). Whether the request is a correct handshake is <see cref="TryAcceptAsync"/>'s
    /// business.</summary>
    public static bool IsUpgradeRequest(HttpRequest request)
    {
        throw new NotImplementedException(
            "Step 3: look for the websocket token in the Upgrade header. See notebooks/08-browser.ipynb, step 3.");
    }

    /// <summary>
    /// Answers an upgrade request on <paramref name="stream"/>. Checked in this order: the method is GET, the
    /// version HTTP/1.1, <c>Upgrade</c> holds <c>websocket</c>, <c>Connection</c> holds <c>Upgrade</c> (else 400);
    /// <c>Sec-WebSocket-Version</c> is exactly <c>13</c> (else 426 Upgrade Required with a
    /// <c>Sec-WebSocket-Version: 13</c> header); <c>Sec-WebSocket-Key</c> is there and is the base64 of 16 bytes
    /// (else 400). A refusal is a text response with <c>Connection: close</c> (through
    /// <see cref="HttpResponseWriter.WriteTextAsync"/>). Accepted: writes <c>HTTP/1.1 101 Switching Protocols</c>
    /// with <c>Upgrade: websocket</c>, <c>Connection: Upgrade</c> and <c>Sec-WebSocket-Accept</c>, and no
    /// Content-Length: what follows the empty line is frames.
    /// </summary>
    /// <returns>True when the connection is now a WebSocket; false when a refusal was written.</returns>
    public static Task<bool> TryAcceptAsync(HttpRequest request, Stream stream, CancellationToken cancellationToken = default)
    {
        throw new NotImplementedException(
            "Step 3: check the headers, then write the 101 answer with Sec-WebSocket-Accept. See notebooks/08-browser.ipynb, step 3.");
    }
}
