// Given: a type you use but do not write. The solution compiles this very file, so leave it as it is.

using SocketCourse.Framing;

namespace SocketCourse.AsyncAndScale;

/// <summary>
/// The lines the server sends when a limit is reached (step 3), one line each (the server adds the <c>\n</c>).
/// Errors about a line itself (too long, not UTF-8) are lesson 05's <see cref="LineReplies"/>.
/// </summary>
public static class LimitReplies
{
    /// <summary>The polite refusal sent to a client beyond the cap, just before its connection is closed.</summary>
    /// <param name="maxConnections">The cap.</param>
    public static string Busy(int maxConnections) =>
        $"{LineReplies.ErrorPrefix}server busy: {maxConnections} clients already connected; try again later";

    /// <summary>What a client that stayed silent too long is told, just before its connection is closed.</summary>
    /// <param name="idleTimeout">The idle timeout.</param>
    public static string Idle(TimeSpan idleTimeout) =>
        $"{LineReplies.ErrorPrefix}idle for {idleTimeout.TotalSeconds:0.###} s; closing";
}
