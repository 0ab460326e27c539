namespace SocketCourse.Browser;

/// <summary>
/// Step 3: WebSocket frames to and from bytes (RFC 6455, section 5.2).
/// <code>
/// byte 0: FIN (0x80), RSV1-3 (0x70, must be 0), opcode (0x0F)
/// byte 1: MASK (0x80), payload length (0x7F): 0-125 as is; 126: a 16-bit length follows; 127: a 64-bit length follows
/// then the extended length (big-endian), then the 4-byte masking key if MASK is set, then the payload
/// (XORed with the key, byte i with key[i % 4], when masked)
/// </code>
/// </summary>
public static class WebSocketFrameCodec
{
    /// <summary>
    /// Reads one frame from <paramref name="stream"/>, unmasking its payload. Checked in this order, each as soon
    /// as the bytes that show it have arrived (never allocate or wait for a payload before its checks):
    /// a reserved bit set, a reserved opcode (3-7, 0xB-0xF); the mask bit not as <paramref name="expectMasked"/>
    /// says (a server reads masked frames from clients, a client unmasked ones); a 64-bit length with its most
    /// significant bit set; a control frame that is not FIN or carries more than 125 bytes: all
    /// <see cref="System.Net.WebSockets.WebSocketCloseStatus.ProtocolError"/> (1002). A payload longer than
    /// <paramref name="maxPayloadBytes"/>: <see cref="System.Net.WebSockets.WebSocketCloseStatus.MessageTooBig"/>
    /// (1009). A length may arrive in its long form though a shorter one would do.
    /// </summary>
    /// <returns>The frame, or null when the stream ended before its first byte.</returns>
    /// <exception cref="WebSocketProtocolException">The frame breaks the protocol; its CloseStatus says how.</exception>
    /// <exception cref="EndOfStreamException">The stream ended inside a frame.</exception>
    public static Task<WebSocketFrame?> ReadFrameAsync(Stream stream, bool expectMasked, long maxPayloadBytes,
        CancellationToken cancellationToken = default)
    {
        throw new NotImplementedException(
            "Step 3: read the 2-byte header, the extended length, the mask key and the payload, checking as you go. " +
            "See notebooks/08-browser.ipynb, step 3.");
    }

    /// <summary>
    /// The bytes of <paramref name="frame"/>: the shortest length form (7-bit up to 125, 16-bit up to 65535, else
    /// 64-bit), masked with <paramref name="maskKey"/> when it has 4 bytes (clients mask every frame), unmasked when
    /// it is empty (servers never mask).
    /// </summary>
    /// <exception cref="ArgumentException">The mask key has neither 0 nor 4 bytes; a control frame is not FIN
    /// or carries more than 125 bytes.</exception>
    public static byte[] Encode(WebSocketFrame frame, ReadOnlySpan<byte> maskKey)
    {
        throw new NotImplementedException(
            "Step 3: FIN and opcode, mask bit and length, extended length, key, payload. See notebooks/08-browser.ipynb, step 3.");
    }

    /// <summary>XORs <paramref name="payload"/> in place with the 4-byte <paramref name="maskKey"/>: byte i with
    /// key[i % 4]. Applying it twice gives the payload back.</summary>
    /// <exception cref="ArgumentException">The key does not have 4 bytes.</exception>
    public static void ApplyMask(Span<byte> payload, ReadOnlySpan<byte> maskKey)
    {
        throw new NotImplementedException(
            "Step 3: payload[i] ^= maskKey[i % 4]. See notebooks/08-browser.ipynb, step 3.");
    }
}
