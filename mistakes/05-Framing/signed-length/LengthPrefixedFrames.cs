using System.Buffers.Binary;

namespace SocketCourse.Framing;

/// <summary>
/// Step 2: length-prefixed frames. Each frame is a 4-byte unsigned length in big-endian order (network byte
/// order, 网络字节序: Python's <c>struct.pack('!I', n)</c>) followed by exactly that many payload bytes.
/// The reader knows how much to read before reading it, so it can refuse a frame that is too large before
/// allocating anything.
/// </summary>
public static class LengthPrefixedFrames
{
    /// <summary>
    /// Writes <paramref name="payload"/> as one frame: its length as 4 bytes, big-endian, then the payload.
    /// An empty payload is a valid frame (4 zero bytes).
    /// </summary>
    /// <param name="stream">The stream to write to.</param>
    /// <param name="payload">The frame's payload.</param>
    /// <param name="maxFrameBytes">The largest payload this side sends (the reader has a limit too).</param>
    /// <param name="cancellationToken">Stops a write that cannot proceed.</param>
    /// <exception cref="FrameTooLargeException">The payload is larger than <paramref name="maxFrameBytes"/>; nothing is sent.</exception>
    public static async Task WriteFrameAsync(Stream stream, ReadOnlyMemory<byte> payload,
        int maxFrameBytes = FramingLimits.DefaultMaxFrameBytes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (payload.Length > maxFrameBytes)
            throw new FrameTooLargeException(payload.Length, maxFrameBytes);
        var prefix = new byte[FramingLimits.LengthPrefixBytes];
        BinaryPrimitives.WriteUInt32BigEndian(prefix, (uint)payload.Length);
        await stream.WriteAsync(prefix, cancellationToken);
        await stream.WriteAsync(payload, cancellationToken);
    }

    /// <summary>
    /// Reads one frame: exactly 4 bytes of length prefix, then exactly that many bytes of payload, however
    /// many reads either takes. The length is checked against <paramref name="maxFrameBytes"/> before the
    /// payload's buffer is allocated.
    /// </summary>
    /// <param name="stream">The stream to read.</param>
    /// <param name="maxFrameBytes">The largest payload accepted.</param>
    /// <param name="cancellationToken">Stops the wait for more bytes.</param>
    /// <returns>The payload (maybe empty), or null when the stream ended cleanly before a new frame.</returns>
    /// <exception cref="FrameTooLargeException">The prefix announced more than <paramref name="maxFrameBytes"/>.</exception>
    /// <exception cref="TruncatedMessageException">The stream ended inside the prefix or the payload; it says
    /// how many bytes were missing.</exception>
    public static async Task<byte[]?> ReadFrameAsync(Stream stream,
        int maxFrameBytes = FramingLimits.DefaultMaxFrameBytes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var prefix = new byte[FramingLimits.LengthPrefixBytes];
        var got = await ReadUpToAsync(stream, prefix, cancellationToken);
        if (got == 0) return null;
        if (got < prefix.Length)
            throw new TruncatedMessageException("a length prefix", got, prefix.Length - got);

        var length = BinaryPrimitives.ReadInt32BigEndian(prefix);
        if (length > maxFrameBytes)
            throw new FrameTooLargeException(length, maxFrameBytes);

        var payload = new byte[Math.Max(length, 0)];
        got = await ReadUpToAsync(stream, payload, cancellationToken);
        if (got < payload.Length)
            throw new TruncatedMessageException("a frame's payload", got, payload.Length - got);
        return payload;
    }

    // Fills buffer unless the stream ends first (ReadAtLeastAsync loops on ReadAsync); returns how many bytes it got.
    private static async Task<int> ReadUpToAsync(Stream stream, byte[] buffer, CancellationToken cancellationToken) =>
        await stream.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken);
}
