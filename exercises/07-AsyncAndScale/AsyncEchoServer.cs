using System.Net;
using System.Net.Sockets;

namespace SocketCourse.AsyncAndScale;

/// <summary>
/// Step 1: an async line server (echo by default) that holds thousands of clients on a handful of threads.
/// One accept loop and one task per connection; while a connection waits for bytes, no thread waits with it:
/// the operating system's readiness or completion queue (epoll, kqueue, IOCP) remembers the wait, and a
/// thread-pool thread runs the rest of the task when bytes arrive.
/// </summary>
/// <remarks>
/// Each connection is served by <see cref="EchoSession.RunAsync"/>. With <see cref="ServerLimits.MaxConnections"/>
/// set, a <see cref="ConnectionGate"/> decides who is admitted (step 3); a client beyond the cap gets
/// <see cref="LimitReplies.Busy"/> (sent with <see cref="EchoSession.SendLineAsync"/>), its sending side is shut
/// down and it is closed, and the clients already served notice nothing. An admitted client leaves the gate
/// before its socket is closed, so a client that sees the close can come straight back. Without a cap, step 1's
/// server never touches the gate (nor, without an idle timeout, <see cref="IdleReader"/>).
/// </remarks>
public sealed class AsyncEchoServer : IAsyncDisposable
{
    private AsyncEchoServer()
    {
    }

    /// <summary>
    /// Binds <paramref name="endpoint"/>, listens with the system's largest backlog (so a burst of connects
    /// waits in the queue instead of being dropped), and serves every client in the background until stopped.
    /// Returns at once.
    /// </summary>
    /// <remarks>
    /// The accept loop never awaits a client: it starts the client's task (<see cref="EchoSession.RunAsync"/>,
    /// with the server's stop token), remembers it, and goes back to accepting. A client whose task fails (a
    /// reset, a handler that threw) is closed alone; the server goes on.
    /// </remarks>
    /// <param name="endpoint">Where to listen, e.g. 127.0.0.1:9996; port 0 picks a free port (see <see cref="EndPoint"/>).</param>
    /// <param name="handler">Answers each line; <see cref="LineHandlers.Echo"/> when null.</param>
    /// <param name="limits">The cap, the idle timeout and the line limit; <see cref="ServerLimits.None"/> when null.</param>
    /// <returns>The running server; stop it with <see cref="StopAsync"/> or DisposeAsync.</returns>
    /// <exception cref="SocketException">The address is in use or cannot be bound; nothing is left open.</exception>
    public static AsyncEchoServer Start(IPEndPoint endpoint, LineHandler? handler = null, ServerLimits? limits = null)
    {
        throw new NotImplementedException(
            "Step 1: bind, Listen() with no argument, start an accept loop that starts a task per client with EchoSession.RunAsync. " +
            "See notebooks/07-async-and-scale.ipynb, step 1.");
    }

    /// <summary>The address and port the server is bound to (the real port when port 0 was asked for).</summary>
    public IPEndPoint EndPoint =>
        throw new NotImplementedException("Step 1: keep the listener's LocalEndPoint. See notebooks/07-async-and-scale.ipynb, step 1.");

    /// <summary>The limits the server was started with.</summary>
    public ServerLimits Limits =>
        throw new NotImplementedException("Step 1: keep the limits Start was given. See notebooks/07-async-and-scale.ipynb, step 1.");

    /// <summary>How many clients are being served right now (admitted and not yet closed; refused ones never count).</summary>
    public int ConnectionCount =>
        throw new NotImplementedException("Step 1: count connections with Interlocked. See notebooks/07-async-and-scale.ipynb, step 1.");

    /// <summary>
    /// Stops the server: cancels the token every connection reads and every handler runs with, closes the
    /// listener (the port is free again), closes every connection (its client reads end of stream), and
    /// completes when the accept loop and every connection's task have finished, so nothing the server started
    /// is left running. It cancels rather than waits: nothing in it waits for a timeout or a grace period, so
    /// once the handlers have seen the token it is done (the graders allow 1 s in all). Calling it again returns
    /// the same task.
    /// </summary>
    public Task StopAsync()
    {
        throw new NotImplementedException(
            "Step 1: cancel the stop token, close the listener, await the accept loop and every connection's task. " +
            "See notebooks/07-async-and-scale.ipynb, step 1.");
    }

    /// <summary>Stops the server (see <see cref="StopAsync"/>).</summary>
    public async ValueTask DisposeAsync() => await StopAsync();
}
