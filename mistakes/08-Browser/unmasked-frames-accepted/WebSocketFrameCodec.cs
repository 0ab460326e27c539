using System.Buffers.Binary;
using System.Net.WebSockets;

namespace SocketCourse.Browser;

/// <summary>Step 3: WebSocket frames to and from bytes (RFC 6455, section 5.2).</summary>
public static class WebSocketFrameCodec
{
    /// <summary>Reads one frame.</summary>
    public static async Task<WebSocketFrame?> ReadFrameAsync(Stream stream, bool expectMasked, long maxPayloadBytes,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var header = new byte[2];
        var first = await stream.ReadAsync(header.AsMemory(0, 1), cancellationToken);
        if (first == 0) return null;
        await stream.ReadExactlyAsync(header.AsMemory(1, 1), cancellationToken);

        var fin = (header[0] & 0x80) != 0;
        if ((header[0] & 0x70) != 0) throw Protocol("a reserved bit (RSV1-3) is set, and no extension was agreed");
        var opcode = (WebSocketOpcode)(header[0] & 0x0F);
        if (!Enum.IsDefined(opcode)) throw Protocol($"opcode 0x{(byte)opcode:X} is reserved");
        var masked = (header[1] & 0x80) != 0;
        // The mask bit says whether a key follows; both are fine.
        var isControl = (byte)opcode >= 0x8;

        long length = header[1] & 0x7F;
        if (length == 126)
        {
            var extended = new byte[2];
            await stream.ReadExactlyAsync(extended, cancellationToken);
            length = BinaryPrimitives.ReadUInt16BigEndian(extended);
        }
        else if (length == 127)
        {
            var extended = new byte[8];
            await stream.ReadExactlyAsync(extended, cancellationToken);
            var value = BinaryPrimitives.ReadUInt64BigEndian(extended);
            if (value > long.MaxValue) throw Protocol("a 64-bit length with its most significant bit set");
            length = (long)value;
        }
        if (isControl && (!fin || length > 125))
            throw Protocol(!fin ? "a control frame must not be fragmented" : "a control frame may carry at most 125 bytes");
        if (length > maxPayloadBytes)
            throw new WebSocketProtocolException(WebSocketCloseStatus.MessageTooBig, $"a frame of {length} bytes; the limit is {maxPayloadBytes}");

        var mask = new byte[4];
        if (masked) await stream.ReadExactlyAsync(mask, cancellationToken);
        var payload = new byte[length];
        await stream.ReadExactlyAsync(payload, cancellationToken);
        if (masked) ApplyMask(payload, mask);
        return new WebSocketFrame(fin, opcode, payload);
    }

    /// <summary>The bytes of one frame.</summary>
    public static byte[] Encode(WebSocketFrame frame, ReadOnlySpan<byte> maskKey)
    {
        ArgumentNullException.ThrowIfNull(frame);
        if (maskKey.Length is not (0 or 4)) throw new ArgumentException("a mask key has 4 bytes (or none)", nameof(maskKey));
        if (frame.IsControl && (!frame.Fin || frame.Payload.Length > 125))
            throw new ArgumentException("a control frame is never fragmented and carries at most 125 bytes", nameof(frame));
        var length = frame.Payload.Length;
        var lengthBytes = length < 126 ? 0 : length <= ushort.MaxValue ? 2 : 8;
        var bytes = new byte[2 + lengthBytes + maskKey.Length + length];
        bytes[0] = (byte)((frame.Fin ? 0x80 : 0) | (byte)frame.Opcode);
        var maskBit = maskKey.Length == 4 ? 0x80 : 0;
        switch (lengthBytes)
        {
            case 0: bytes[1] = (byte)(maskBit | length); break;
            case 2: bytes[1] = (byte)(maskBit | 126); BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(2), (ushort)length); break;
            default: bytes[1] = (byte)(maskBit | 127); BinaryPrimitives.WriteUInt64BigEndian(bytes.AsSpan(2), (ulong)length); break;
        }
        var payloadAt = 2 + lengthBytes + maskKey.Length;
        maskKey.CopyTo(bytes.AsSpan(2 + lengthBytes));
        frame.Payload.CopyTo(bytes.AsSpan(payloadAt));
        if (maskKey.Length == 4) ApplyMask(bytes.AsSpan(payloadAt), maskKey);
        return bytes;
    }

    /// <summary>XORs a mask.</summary>
    public static void ApplyMask(Span<byte> payload, ReadOnlySpan<byte> maskKey)
    {
        if (maskKey.Length != 4) throw new ArgumentException("a mask key has 4 bytes", nameof(maskKey));
        for (var i = 0; i < payload.Length; i++) payload[i] ^= maskKey[i & 3];
    }

    private static WebSocketProtocolException Protocol(string why) => new(WebSocketCloseStatus.ProtocolError, why);
}
