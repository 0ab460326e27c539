// Given: a type you use but do not write. The solution compiles this very file, so leave it as it is.

namespace SocketCourse.Framing;

/// <summary>
/// The stream ended inside a message: after part of a line, a length prefix or a payload. End of stream
/// <em>between</em> messages is normal (the peer is done); inside one it means the message was cut off.
/// </summary>
public sealed class TruncatedMessageException : EndOfStreamException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="part">What was being read, e.g. "a line", "a length prefix", "a frame's payload".</param>
    /// <param name="bytesReceived">How many bytes of that part had arrived.</param>
    /// <param name="bytesMissing">How many more were needed, or null when the format cannot know (a line
    /// has no announced length).</param>
    public TruncatedMessageException(string part, long bytesReceived, long? bytesMissing)
        : base(bytesMissing is { } missing
            ? $"The stream ended in the middle of {part}: {bytesReceived} bytes received, {missing} missing."
            : $"The stream ended in the middle of {part}: {bytesReceived} bytes received and no line end.")
    {
        Part = part;
        BytesReceived = bytesReceived;
        BytesMissing = bytesMissing;
    }

    /// <summary>What was being read when the stream ended.</summary>
    public string Part { get; }

    /// <summary>How many bytes of <see cref="Part"/> had arrived.</summary>
    public long BytesReceived { get; }

    /// <summary>How many bytes were still missing, or null when unknown (a line).</summary>
    public long? BytesMissing { get; }
}
