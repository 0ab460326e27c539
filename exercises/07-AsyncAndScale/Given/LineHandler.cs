// Given: a type you use but do not write. The solution compiles this very file, so leave it as it is.

namespace SocketCourse.AsyncAndScale;

/// <summary>
/// Computes the answer to one line (without its line end); the server adds the <c>\n</c>. It may await (a
/// database, another server) without holding a thread, and it must give up when the token is cancelled,
/// which happens when the server stops.
/// </summary>
/// <param name="line">The line the client sent, without its line end.</param>
/// <param name="cancellationToken">Cancelled when the server stops.</param>
/// <returns>The answer, which must not contain a line end.</returns>
public delegate ValueTask<string> LineHandler(string line, CancellationToken cancellationToken);

/// <summary>The handlers the course uses.</summary>
public static class LineHandlers
{
    /// <summary>The echo: every line comes back as it was sent.</summary>
    public static LineHandler Echo { get; } = static (line, _) => ValueTask.FromResult(line);
}
