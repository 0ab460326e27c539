using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace SocketCourse.ThreadedServer;

/// <summary>
/// Step 1: a thread-per-client TCP server in the shape of Python's <c>socketserver.ThreadingTCPServer</c>.
/// One accept thread waits for clients; every accepted client gets a dedicated thread of its own that
/// runs the handler, so a slow or silent client never holds up the others.
/// </summary>
public sealed class ThreadingTcpServer : IDisposable
{
    /// <summary>How many clients may be served at once unless <see cref="Start"/> is told otherwise.</summary>
    public const int DefaultMaxClients = 64;

    /// <summary>How long <see cref="Stop"/> waits for the threads to end unless told otherwise.</summary>
    public static TimeSpan DefaultStopTimeout { get; } = TimeSpan.FromSeconds(5);

    private readonly Socket _listener;
    private readonly Action<Socket> _handler;
    private readonly int _maxClients;
    private readonly Action<EndPoint?, Exception>? _onHandlerError;
    private readonly Thread _acceptThread;

    // Shared between the accept thread, every handler thread and whoever calls Stop: the set of live
    // connections and the stopping flag change together, under one lock, so Stop cannot miss a client
    // that is being admitted at the same moment.
    private readonly Lock _gate = new();
    private readonly Dictionary<Socket, Thread> _clients = [];
    private bool _stopping;

    // Read from any thread without the lock, so it changes only through Interlocked.
    private int _connected;

    private ThreadingTcpServer(Socket listener, Action<Socket> handler, int maxClients, Action<EndPoint?, Exception>? onHandlerError)
    {
        _listener = listener;
        _handler = handler;
        _maxClients = maxClients;
        _onHandlerError = onHandlerError;
        EndPoint = (IPEndPoint)listener.LocalEndPoint!;
        _acceptThread = new Thread(AcceptLoop) { IsBackground = true, Name = $"accept {EndPoint}" };
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
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(handler);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxClients, 1);
        var listener = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            listener.Bind(endpoint);
            listener.Listen(backlog: 64);
        }
        catch
        {
            listener.Dispose();
            throw;
        }
        var server = new ThreadingTcpServer(listener, handler, maxClients, onHandlerError);
        server._acceptThread.Start();
        return server;
    }

    /// <summary>The address and port the server is bound to (the real port when port 0 was asked for).
    /// Still readable after the server stopped.</summary>
    public IPEndPoint EndPoint { get; }

    /// <summary>How many clients are being served right now: accepted, and their handler not yet finished.</summary>
    public int ConnectedClients => Volatile.Read(ref _connected);

    private bool IsStopping
    {
        get
        {
            lock (_gate) return _stopping;
        }
    }

    private void AcceptLoop()
    {
        while (true)
        {
            Socket client;
            try
            {
                client = _listener.Accept(); // 阻塞 (blocks) until a client connects or Stop closes the listener
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                if (IsStopping) return;
                continue; // e.g. a client that gave up while queued in the backlog: keep accepting the others
            }
            Admit(client);
        }
    }

    private void Admit(Socket client)
    {
        lock (_gate)
        {
            if (_stopping || _clients.Count >= _maxClients)
            {
                client.Dispose(); // a clean close: the turned-away client reads end of stream
                return;
            }
            // The lambda captures this call's own `client` parameter, never a field or a loop variable
            // that the next Accept would overwrite before the new thread gets to read it.
            var thread = new Thread(() => Serve(client))
            {
                IsBackground = true, // a handler stuck on something other than its socket cannot keep the process alive
                Name = $"client {client.RemoteEndPoint}",
            };
            _clients.Add(client, thread);
            Interlocked.Increment(ref _connected);
            thread.Start();
        }
    }

    private void Serve(Socket client)
    {
        var who = client.RemoteEndPoint;
        try
        {
            _handler(client);
        }
        catch (Exception e)
        {
            // An exception escaping a thread ends the whole process, so the server catches it here: one
            // failing client must not take the others down.
            if (!IsStopping) Report(who, e);
        }
        finally
        {
            lock (_gate) _clients.Remove(client);
            client.Dispose();
            Interlocked.Decrement(ref _connected);
        }
    }

    private void Report(EndPoint? who, Exception e)
    {
        try
        {
            _onHandlerError?.Invoke(who, e);
        }
        catch (Exception)
        {
            // The error callback failed too; there is nobody left to tell.
        }
    }

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
        var limit = timeout ?? DefaultStopTimeout;
        var clock = Stopwatch.StartNew();
        TimeSpan Remaining() => limit - clock.Elapsed > TimeSpan.Zero ? limit - clock.Elapsed : TimeSpan.Zero;

        KeyValuePair<Socket, Thread>[] clients;
        lock (_gate)
        {
            _stopping = true; // from now on Admit turns every client away
            clients = [.. _clients];
        }

        _listener.Dispose(); // 1. stop accepting: the blocked Accept fails and the port is released
        var allEnded = JoinUnlessCurrent(_acceptThread, Remaining());

        foreach (var (socket, _) in clients)
            ShutdownQuietly(socket); // 2. the client reads end of stream (FIN); on Linux this also wakes its handler (Receive returns 0)

        // Handlers that were woken leave at once. Any still running after a moment sits in a Receive the shutdown did
        // not wake (Windows promises no such wake-up): closing its socket ends that wait on every system (it throws,
        // and Serve does not report errors while stopping).
        var grace = Stopwatch.StartNew();
        foreach (var (socket, thread) in clients)
        {
            var moment = ShutdownGrace - grace.Elapsed;
            if (!JoinUnlessCurrent(thread, moment > TimeSpan.Zero ? moment : TimeSpan.Zero))
                socket.Dispose();
        }

        foreach (var (_, thread) in clients)
            allEnded &= JoinUnlessCurrent(thread, Remaining()); // 3. wait for the handlers to return

        return allEnded && ConnectedClients == 0;
    }

    // How long Stop lets handlers leave after the shutdown before it closes their sockets under them.
    private static readonly TimeSpan ShutdownGrace = TimeSpan.FromMilliseconds(100);

    private static bool JoinUnlessCurrent(Thread thread, TimeSpan timeout) =>
        thread == Thread.CurrentThread || !thread.IsAlive || thread.Join(timeout);

    private static void ShutdownQuietly(Socket socket)
    {
        try
        {
            socket.Shutdown(SocketShutdown.Both);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // Already closed by its handler thread, or the client is gone: nothing to wake.
        }
    }

    /// <summary>Stops the server (see <see cref="Stop"/>).</summary>
    public void Dispose() => Stop();
}
