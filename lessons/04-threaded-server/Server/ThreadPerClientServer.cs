using System.Net;
using System.Net.Sockets;

namespace SocketCourse.Lessons.ThreadedServer.Server;

/// <summary>
/// socketserver.ThreadingTCPServer in C#: an accept thread, and a new thread for every client.
/// </summary>
internal sealed class ThreadPerClientServer
{
    private readonly Socket _listener;
    private readonly Action<Socket, string, CancellationToken> _handler;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Thread _acceptThread;

    // Touched by the accept thread, every handler thread and the thread that calls Stop: guarded by one lock.
    private readonly Lock _gate = new();
    private readonly Dictionary<Socket, Thread> _clients = [];

    private ThreadPerClientServer(Socket listener, Action<Socket, string, CancellationToken> handler)
    {
        _listener = listener;
        _handler = handler;
        _acceptThread = new Thread(AcceptLoop) { Name = "accept" };
    }

    public IPEndPoint EndPoint => (IPEndPoint)_listener.LocalEndPoint!;

    public int ConnectedClients
    {
        get
        {
            lock (_gate) return _clients.Count;
        }
    }

    /// <summary>Binds and listens (throws SocketException if the port is taken), then accepts on a thread of its own.</summary>
    public static ThreadPerClientServer Start(IPEndPoint endpoint, Action<Socket, string, CancellationToken> handler)
    {
        var listener = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            listener.Bind(endpoint);
            listener.Listen();
        }
        catch
        {
            listener.Dispose();
            throw;
        }
        var server = new ThreadPerClientServer(listener, handler);
        server._acceptThread.Start();
        return server;
    }

    private void AcceptLoop()
    {
        while (!_stopping.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = _listener.Accept();
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                continue; // closed by Stop (the loop condition ends it), or a client that gave up in the backlog
            }
            var who = client.RemoteEndPoint?.ToString() ?? "?";
            lock (_gate)
            {
                if (_stopping.IsCancellationRequested)
                {
                    client.Dispose();
                    return;
                }
                var thread = new Thread(() => Serve(client, who)) { Name = $"client {who}", IsBackground = true };
                _clients.Add(client, thread);
                thread.Start();
            }
        }
    }

    private void Serve(Socket client, string who)
    {
        Console.WriteLine($"[{who}] 聊天服务器上线了 — a client connected; thread #{Environment.CurrentManagedThreadId} serves it " +
                          $"({ConnectedClients} connected)");
        try
        {
            _handler(client, who, _stopping.Token);
        }
        catch (Exception e)
        {
            // An exception escaping a thread would end the whole process: this client's trouble stays here.
            Console.WriteLine($"[{who}] the handler failed: {e.GetType().Name}: {e.Message}");
        }
        finally
        {
            lock (_gate) _clients.Remove(client);
            client.Dispose();
        }
    }

    /// <summary>
    /// Stops accepting (closing the listener frees the port), wakes every handler (its socket is shut down, so the
    /// client reads end of stream, and closed, which ends a blocked Receive on every system: a shutdown alone does
    /// on Linux only; the token ends a wait for the operator), and joins every thread.
    /// </summary>
    /// <returns>True if every thread ended within <paramref name="timeout"/>.</returns>
    public bool Stop(TimeSpan timeout)
    {
        KeyValuePair<Socket, Thread>[] clients;
        lock (_gate)
        {
            _stopping.Cancel();
            clients = [.. _clients];
        }
        _listener.Dispose();
        var deadline = DateTime.UtcNow + timeout;
        var ended = _acceptThread.Join(timeout);
        foreach (var (socket, _) in clients)
        {
            try
            {
                socket.Shutdown(SocketShutdown.Both);
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                // Its handler closed it already.
            }
            socket.Dispose();
        }
        foreach (var (_, thread) in clients)
        {
            var left = deadline - DateTime.UtcNow;
            ended &= thread.Join(left > TimeSpan.Zero ? left : TimeSpan.Zero);
        }
        return ended;
    }
}
