using System.Net.Sockets;
using SocketCourse.Framing;

namespace SocketCourse.AsyncAndScale;

/// <summary>
/// Step 1: one connection's conversation: read a line, answer it, until the client is done. Everything is
/// awaited, never waited on: a session that waits for its client's next line holds no thread.
/// </summary>
public static class EchoSession
{
    /// <summary>
    /// Serves one connected client: reads lines with lesson 05's <see cref="LineReader"/> (LF or CRLF, strict
    /// UTF-8, <see cref="ServerLimits.MaxLineBytes"/>), answers each with <paramref name="handler"/>'s reply
    /// through a <see cref="LineWriter"/>, in order, and returns when the conversation is over. It does not
    /// close the socket (the server does), but it ends its sending side (<c>Shutdown(Send)</c>) after its last
    /// line, so the client reads every answer and then end of stream.
    /// </summary>
    /// <remarks>
    /// How a conversation ends:
    /// <list type="bullet">
    /// <item>The client ends its side between lines: shut down sending, return.</item>
    /// <item>A line is not valid UTF-8: answer <see cref="LineReplies.NotUtf8"/> and go on.</item>
    /// <item>A line is longer than the limit: answer <see cref="LineReplies.TooLong"/>, shut down sending, return.</item>
    /// <item>With <see cref="ServerLimits.IdleTimeout"/> set, no whole line within it (read through
    /// <see cref="IdleReader.ReadLineAsync"/>, step 3): answer <see cref="LimitReplies.Idle"/>, shut down
    /// sending, return. Without it, lines are read with the reader alone.</item>
    /// <item>The token is cancelled (the server stops), the client resets, or the stream ends mid-line: the
    /// exception propagates; the server closes the socket.</item>
    /// </list>
    /// </remarks>
    /// <param name="client">The connected client.</param>
    /// <param name="handler">Computes each answer; it gets <paramref name="cancellationToken"/>.</param>
    /// <param name="limits">The line limit and the idle timeout (the cap is the server's business).</param>
    /// <param name="cancellationToken">Cancelled when the server stops; every read, write and handler call uses it.</param>
    public static Task RunAsync(Socket client, LineHandler handler, ServerLimits limits, CancellationToken cancellationToken)
    {
        throw new NotImplementedException(
            "Step 1: a NetworkStream, lesson 05's LineReader and LineWriter, a loop of read line, await the handler, write the answer. " +
            "See notebooks/07-async-and-scale.ipynb, step 1.");
    }

    /// <summary>Sends one line (UTF-8 and <c>\n</c>) on <paramref name="client"/>, for a server's one-off messages.</summary>
    /// <param name="client">The connected client.</param>
    /// <param name="line">The line, without a line end.</param>
    /// <param name="cancellationToken">Stops a send that cannot proceed.</param>
    public static Task SendLineAsync(Socket client, string line, CancellationToken cancellationToken)
    {
        throw new NotImplementedException(
            "Step 1: a NetworkStream that does not own the socket, and one LineWriter.WriteLineAsync. See notebooks/07-async-and-scale.ipynb, step 1.");
    }
}
