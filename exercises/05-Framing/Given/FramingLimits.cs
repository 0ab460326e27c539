// Given: a type you use but do not write. The solution compiles this very file, so leave it as it is.

namespace SocketCourse.Framing;

/// <summary>
/// The default size limits of this lesson's framing. Every reader has a limit, so a peer can never make it
/// buffer without end; pass a different limit where a protocol needs one.
/// </summary>
public static class FramingLimits
{
    /// <summary>The longest line accepted by default, in bytes of UTF-8, without its line end: 8 KiB.</summary>
    public const int DefaultMaxLineBytes = 8 * 1024;

    /// <summary>The largest frame payload accepted by default: 1 MiB.</summary>
    public const int DefaultMaxFrameBytes = 1024 * 1024;

    /// <summary>The size of a length prefix: a 32-bit unsigned integer, big-endian (network byte order, 网络字节序).</summary>
    public const int LengthPrefixBytes = 4;
}
