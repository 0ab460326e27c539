using System.Net;
using System.Net.Sockets;

namespace SocketCourse.ThreadedServer;

/// <summary>
/// Step 1: a thread-per-client TCP server in the shape of Python's <c>socketserver.ThreadingTCPServer</c>.
/// One accept thread waits for clients; every accepted client gets a dedicated thread of its own that
/// runs the handler, so a slow or silent client never holds up the others.
/// </summary>
/// <remarks>
/// Several threads share this object's state: the accept thread adds clients, handler threads remove
/// themselves, and <see cref="Stop"/> reads the set from yet another thread. Guard the set of connections
/// with a lock (the same lock as the "stopping" flag), and change the count with <see cref="Interlocked"/>.
/// </remarks>
public sealed class ThreadingTcpServer : IDisposable
{
    /// <summary>How many clients may be served at once unless <see cref="Start"/> is told otherwise.</summary>
    public const int DefaultMaxClients = 64;

    /// <summary>How long <see cref="Stop"/> waits for the threads to end unless told otherwise.</summary>
    public static TimeSpan DefaultStopTimeout { get; } = TimeSpan.FromSeconds(5);

    private ThreadingTcpServer()
    {
    }

    /// <summary>
    /// Creates a TCP socket, binds it to <paramref name="endpoint"/>, listens, and starts the accept loop on a
    /// thread of its own, then returns at once (the server runs in the background, as <c>serve_forever</c>
    /// would in a thread). For each client that connects, <paramref name="handler"/> runs on a new dedicated
    /// thread with the client's socket; when the handler returns (or throws) the server closes that socket.
    /// </summary>
    /// <param name="endpoint">Where to listen, e.g. 127.0.0.1:9998. Port 0 lets the system pick a free port
    /// (see <see cref="EndPoint"/>).</param>
    /// <param name="handler">Serves one client on its own thread; the socket is connected to that client
    /// (its RemoteEndPoint says who). It must not dispose the socket it is given: the server does.</param>
    /// <param name="maxClients">The most clients served at once; a client beyond that is accepted and
    /// closed at once, and the others are unaffected. A turned-away client that has sent nothing yet reads end of
    /// stream; one whose bytes arrived unread gets a reset instead, as from any socket closed with unread data.</param>
    /// <param name="onHandlerError">Told about an exception that escaped a handler (the client, the
    /// exception). The server catches it, closes that client and keeps serving the others.</param>
    /// <returns>The running server. Stop it with <see cref="Stop"/> or Dispose.</returns>
    /// <exception cref="SocketException">The address is in use or cannot be bound; nothing is left open.</exception>
    public static ThreadingTcpServer Start(
        IPEndPoint endpoint,
        Action<Socket> handler,
        int maxClients = DefaultMaxClients,
        Action<EndPoint?, Exception>? onHandlerError = null)
    {
        throw new NotImplementedException(
            "Step 1: bind, listen, start an accept thread that gives each client a new Thread. See notebooks/04-threaded-server.ipynb, step 1.");
    }

    /// <summary>The address and port the server is bound to (the real port when port 0 was asked for).
    /// Still readable after the server stopped.</summary>
    public IPEndPoint EndPoint =>
        throw new NotImplementedException("Step 1: keep the listener's LocalEndPoint. See notebooks/04-threaded-server.ipynb, step 1.");

    /// <summary>How many clients are being served right now: accepted, and their handler not yet finished.</summary>
    public int ConnectedClients =>
        throw new NotImplementedException("Step 1: count clients with Interlocked. See notebooks/04-threaded-server.ipynb, step 1.");

    /// <summary>
    /// Stops the server and waits for every thread it started: closes the listener (the accept loop ends and
    /// the port is free again), shuts down every client connection (each client reads end of stream), closes the
    /// connections whose handlers are still running a moment later (which ends a blocked Receive on every
    /// platform), and joins the accept thread and every handler thread. Calling it again does nothing more.
    /// </summary>
    /// <remarks>
    /// A shutdown alone is not enough to wake a handler everywhere: on Linux a Receive blocked at the moment of
    /// <c>Shutdown(SocketShutdown.Both)</c> returns 0, but Windows documents no such effect, and there it may
    /// keep waiting. Closing the socket ends the wait on every platform (the Receive throws); give the handlers a
    /// moment after the shutdown first, so that where the shutdown does wake them they leave with 0 bytes.
    /// </remarks>
    /// <param name="timeout">How long to wait for the threads in all; default <see cref="DefaultStopTimeout"/>.</param>
    /// <returns>True when every thread ended in time; false when some handler ignored its closed connection
    /// (blocked on something else) and is still running.</returns>
    public bool Stop(TimeSpan? timeout = null)
    {
        throw new NotImplementedException(
            "Step 1: close the listener, shut down and close every client socket, join the threads. See notebooks/04-threaded-server.ipynb, step 1.");
    }

    /// <summary>Stops the server (see <see cref="Stop"/>).</summary>
    public void Dispose() => Stop();
}
