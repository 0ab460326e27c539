namespace SocketCourse.Browser;

/// <summary>
/// The limits a server puts on what a client may send, and the answers they give. Without them one client could
/// make the server hold gigabytes in memory, or wait forever for a line that never ends.
/// </summary>
/// <param name="MaxRequestLineBytes">The longest request line (method, target, version), without its line end.
/// Longer: 414 URI Too Long.</param>
/// <param name="MaxHeaderBytes">The most bytes of header lines, line ends included, after the request line.
/// More: 431 Request Header Fields Too Large.</param>
/// <param name="MaxHeaderCount">The most header lines. More: 431.</param>
/// <param name="MaxBodyBytes">The longest body a Content-Length may announce. Longer: 413 Content Too Large.</param>
public sealed record HttpLimits(
    int MaxRequestLineBytes = HttpLimits.DefaultMaxRequestLineBytes,
    int MaxHeaderBytes = HttpLimits.DefaultMaxHeaderBytes,
    int MaxHeaderCount = HttpLimits.DefaultMaxHeaderCount,
    long MaxBodyBytes = HttpLimits.DefaultMaxBodyBytes)
{
    /// <summary>8 KB, as many servers use.</summary>
    public const int DefaultMaxRequestLineBytes = 8 * 1024;

    /// <summary>32 KB of header lines.</summary>
    public const int DefaultMaxHeaderBytes = 32 * 1024;

    /// <summary>100 header lines.</summary>
    public const int DefaultMaxHeaderCount = 100;

    /// <summary>1 MiB of body.</summary>
    public const long DefaultMaxBodyBytes = 1024 * 1024;

    /// <summary>The default limits.</summary>
    public static HttpLimits Default { get; } = new();
}
