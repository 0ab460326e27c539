using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;

namespace SocketCourse.Framing;

/// <summary>
/// Step 3: a line server built on <see cref="PipeReader"/>. Each client sends lines; the server answers each
/// line with one line, in order. Clients may pipeline: send many lines without waiting for the answers, so one
/// read can hold a thousand lines, or one line can take a thousand reads; the server answers them all the same.
/// </summary>
/// <remarks>
/// Error replies (see <see cref="LineReplies"/>): a line that is not valid UTF-8 is answered with
/// <see cref="LineReplies.NotUtf8"/> and the server goes on (the line's end is known); a line over the limit is
/// answered with <see cref="LineReplies.TooLong"/> and the connection is closed, because reading on to find its
/// end would mean buffering what the limit is there to refuse.
/// </remarks>
public sealed class PipelinedLineServer : IAsyncDisposable
{
    private PipelinedLineServer()
    {
    }

    /// <summary>
    /// Binds <paramref name="endpoint"/>, listens, and serves every client that connects in the background, until
    /// stopped. Returns at once.
    /// </summary>
    /// <param name="endpoint">Where to listen, e.g. 127.0.0.1:9995; port 0 picks a free port (see <see cref="EndPoint"/>).</param>
    /// <param name="reply">Computes the answer to one line (without its line end); the server adds the <c>\n</c>.
    /// It must not return text containing a line end.</param>
    /// <param name="maxLineBytes">The longest line accepted, in bytes of UTF-8 without the line end.</param>
    /// <returns>The running server; stop it with <see cref="StopAsync"/> or DisposeAsync.</returns>
    /// <exception cref="SocketException">The address is in use or cannot be bound.</exception>
    public static PipelinedLineServer Start(IPEndPoint endpoint, Func<string, string> reply,
        int maxLineBytes = FramingLimits.DefaultMaxLineBytes)
    {
        throw new NotImplementedException(
            "Step 3: bind, listen, accept in a loop; serve each client with PipeReader.Create and LineFramer. " +
            "See notebooks/05-framing.ipynb, step 3.");
    }

    /// <summary>The address and port the server is bound to (the real port when port 0 was asked for).</summary>
    public IPEndPoint EndPoint =>
        throw new NotImplementedException("Step 3: keep the listener's LocalEndPoint. See notebooks/05-framing.ipynb, step 3.");

    /// <summary>
    /// Stops the server: no more clients are accepted (the port is free again), every connection is closed (its
    /// client reads end of stream), and every task the server started has finished when the returned task completes.
    /// Calling it again does nothing more.
    /// </summary>
    public Task StopAsync()
    {
        throw new NotImplementedException(
            "Step 3: cancel, close the listener, await the accept loop and every connection's task. See notebooks/05-framing.ipynb, step 3.");
    }

    /// <summary>Stops the server (see <see cref="StopAsync"/>).</summary>
    public async ValueTask DisposeAsync() => await StopAsync();
}
