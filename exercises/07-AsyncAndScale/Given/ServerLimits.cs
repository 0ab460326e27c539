// Given: a type you use but do not write. The solution compiles this very file, so leave it as it is.

using SocketCourse.Framing;

namespace SocketCourse.AsyncAndScale;

/// <summary>
/// The limits of <see cref="AsyncEchoServer"/>. Every server that accepts strangers needs them: without a cap,
/// a burst of clients takes every file descriptor the process has; without an idle timeout, clients that
/// connect and say nothing hold their places for ever.
/// </summary>
/// <param name="MaxConnections">The most clients served at once (step 3), or null for no cap. A client beyond
/// it gets <see cref="LimitReplies.Busy"/> and its connection is closed.</param>
/// <param name="IdleTimeout">How long a client may go without sending a whole line before the server says
/// <see cref="LimitReplies.Idle"/> and closes the connection (step 3), or null for no timeout.</param>
/// <param name="MaxLineBytes">The longest line accepted, in bytes of UTF-8 without the line end (lesson 05).</param>
public sealed record ServerLimits(
    int? MaxConnections = null,
    TimeSpan? IdleTimeout = null,
    int MaxLineBytes = FramingLimits.DefaultMaxLineBytes)
{
    /// <summary>No cap and no idle timeout: step 1's server.</summary>
    public static ServerLimits None { get; } = new();
}
