// Given: a type you use but do not write. The solution compiles this very file, so leave it as it is.

namespace SocketCourse.Framing;

/// <summary>
/// A line grew past its limit before its line end arrived. The reader stops at the limit instead of
/// buffering on, so the rest of that line is never read: the stream cannot be resynchronised, close it.
/// </summary>
public sealed class LineTooLongException : IOException
{
    /// <summary>Creates the exception for a line longer than <paramref name="maxLineBytes"/>.</summary>
    /// <param name="maxLineBytes">The limit that was passed, in bytes without the line end.</param>
    public LineTooLongException(int maxLineBytes)
        : base($"A line is longer than the limit of {maxLineBytes} bytes (line end not counted); " +
               "reading stopped at the limit, so the rest of it was not buffered.")
    {
        MaxLineBytes = maxLineBytes;
    }

    /// <summary>The limit that was passed, in bytes without the line end.</summary>
    public int MaxLineBytes { get; }
}
