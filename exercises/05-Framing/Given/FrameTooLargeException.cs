// Given: a type you use but do not write. The solution compiles this very file, so leave it as it is.

namespace SocketCourse.Framing;

/// <summary>
/// A length prefix announced (or a writer was asked to send) a frame larger than the limit. Raised before
/// any buffer for the payload is allocated: a peer that claims 4 GB costs nothing.
/// </summary>
public sealed class FrameTooLargeException : IOException
{
    /// <summary>Creates the exception for a frame of <paramref name="length"/> bytes over <paramref name="maxFrameBytes"/>.</summary>
    /// <param name="length">The payload length the prefix announced, read as an unsigned 32-bit number (0 to 4,294,967,295).</param>
    /// <param name="maxFrameBytes">The limit.</param>
    public FrameTooLargeException(long length, int maxFrameBytes)
        : base($"A frame of {length} bytes is larger than the limit of {maxFrameBytes} bytes; " +
               "nothing was allocated for it.")
    {
        Length = length;
        MaxFrameBytes = maxFrameBytes;
    }

    /// <summary>The payload length announced by the prefix (or given to the writer).</summary>
    public long Length { get; }

    /// <summary>The limit.</summary>
    public int MaxFrameBytes { get; }
}
