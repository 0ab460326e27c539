// Given: a type you use but do not write. The solution compiles this very file, so leave it as it is.

namespace SocketCourse.Framing;

/// <summary>The error replies of step 3's line server, one line each (the server adds the "\n").</summary>
public static class LineReplies
{
    /// <summary>What every error reply starts with.</summary>
    public const string ErrorPrefix = "ERROR ";

    /// <summary>The reply to a line over the limit; the server closes the connection after it.</summary>
    public static string TooLong(int maxLineBytes) => $"{ErrorPrefix}line longer than {maxLineBytes} bytes; closing";

    /// <summary>The reply to a line that is not valid UTF-8; the line's end is known, so the server goes on.</summary>
    public const string NotUtf8 = ErrorPrefix + "line is not valid UTF-8";
}
