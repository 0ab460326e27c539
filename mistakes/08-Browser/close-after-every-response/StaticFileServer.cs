using System.Net;
using System.Net.Sockets;

namespace SocketCourse.Browser;

/// <summary>Step 2: an HTTP/1.1 static file server.</summary>
public sealed class StaticFileServer : IDisposable
{
    private static readonly TimeSpan IdleTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan LingerTime = TimeSpan.FromSeconds(2);
    private readonly WebRoot _root;
    private readonly IPEndPoint _requested;
    private readonly HttpLimits _limits;
    private readonly HttpUpgradeHandler? _upgrade;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Dictionary<Task, Socket> _connections = [];
    private readonly Lock _lock = new();
    private Socket? _listener;
    private Task? _acceptLoop;

    /// <summary>A server for the files under <paramref name="webRoot"/>.</summary>
    public StaticFileServer(string webRoot, IPEndPoint? endPoint = null, HttpLimits? limits = null, HttpUpgradeHandler? upgrade = null)
    {
        _root = new WebRoot(webRoot);
        _requested = endPoint ?? new IPEndPoint(IPAddress.Loopback, 0);
        _limits = limits ?? HttpLimits.Default;
        _upgrade = upgrade;
    }

    /// <summary>Where the server listens.</summary>
    public IPEndPoint EndPoint => (IPEndPoint)(_listener?.LocalEndPoint ?? throw new InvalidOperationException("Start the server first"));

    /// <summary>Binds, listens and starts accepting.</summary>
    public void Start()
    {
        if (_listener is not null) throw new InvalidOperationException("the server is already started");
        var listener = new Socket(_requested.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            listener.Bind(_requested);
            listener.Listen(128);
        }
        catch
        {
            listener.Dispose();
            throw;
        }
        _listener = listener;
        _acceptLoop = AcceptLoopAsync(listener);
    }

    /// <summary>Stops.</summary>
    public void Stop(TimeSpan timeout)
    {
        if (_stopping.IsCancellationRequested) return;
        _stopping.Cancel();
        _listener?.Dispose();
        Task[] running;
        lock (_lock) running = [.. _connections.Keys];
        if (_acceptLoop is not null) running = [.. running, _acceptLoop];
        try { Task.WaitAll(running, timeout); } catch (AggregateException) { }
        lock (_lock)
        {
            foreach (var socket in _connections.Values) socket.Dispose();
        }
    }

    /// <summary>Stops with a timeout of 2 seconds.</summary>
    public void Dispose() => Stop(TimeSpan.FromSeconds(2));

    private async Task AcceptLoopAsync(Socket listener)
    {
        while (!_stopping.IsCancellationRequested)
        {
            Socket client;
            try { client = await listener.AcceptAsync(_stopping.Token); }
            catch (OperationCanceledException) { return; }
            catch (ObjectDisposedException) { return; }
            catch (SocketException) when (_stopping.IsCancellationRequested) { return; }
            catch (SocketException) { continue; } // one client's failed handshake must not end the server
            lock (_lock)
            {
                var task = Task.Run(() => ServeConnectionAsync(client));
                _connections[task] = client;
                _ = task.ContinueWith(t => { lock (_lock) _connections.Remove(t); }, TaskScheduler.Default);
            }
        }
    }

    private async Task ServeConnectionAsync(Socket client)
    {
        using var socket = client;
        await using var stream = new NetworkStream(socket, ownsSocket: false);
        var reader = new HttpRequestReader(stream, _limits);
        try
        {
            while (!_stopping.IsCancellationRequested)
            {
                HttpRequest? request;
                using (var idle = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token))
                {
                    idle.CancelAfter(IdleTimeout);
                    try { request = await reader.ReadRequestAsync(idle.Token); }
                    catch (HttpError error)
                    {
                        await HttpResponseWriter.WriteTextAsync(stream, error.StatusCode, $"{error.StatusCode} {HttpStatus.Reason(error.StatusCode)}: {error.Message}",
                            keepAlive: false, cancellationToken: _stopping.Token);
                        await LingerAsync(socket);
                        return;
                    }
                }
                if (request is null) return;
                if (_upgrade is not null && await _upgrade(request, stream, _stopping.Token))
                {
                    await LingerAsync(socket);
                    return;
                }

                var keepAlive = false; // one request per connection, as in HTTP/1.0
                await RespondAsync(request, stream, keepAlive);
                if (!keepAlive)
                {
                    await LingerAsync(socket);
                    return;
                }
            }
        }
        catch (OperationCanceledException) { }
        catch (IOException) { }
        catch (SocketException) { }
        catch (ObjectDisposedException) { }
    }

    private async Task RespondAsync(HttpRequest request, Stream stream, bool keepAlive)
    {
        var headOnly = request.Method == "HEAD";
        if (request.Method is not ("GET" or "HEAD"))
        {
            await HttpResponseWriter.WriteTextAsync(stream, 405, $"405 Method Not Allowed: {request.Method} is not served here; use GET or HEAD",
                keepAlive, [new("Allow", "GET, HEAD")], cancellationToken: _stopping.Token);
            return;
        }
        var file = _root.Resolve(request.Path);
        if (file is null)
        {
            await HttpResponseWriter.WriteTextAsync(stream, 404, $"404 Not Found: {request.Path}", keepAlive, headOnly: headOnly, cancellationToken: _stopping.Token);
            return;
        }
        await using var content = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1, useAsync: true);
        var head = HttpResponseWriter.Head(200,
        [
            new("Content-Type", ContentTypes.For(file)),
            new("Content-Length", content.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("Connection", keepAlive ? "keep-alive" : "close"),
        ]);
        await stream.WriteAsync(head, _stopping.Token);
        if (!headOnly) await content.CopyToAsync(stream, _stopping.Token);
        await stream.FlushAsync(_stopping.Token);
    }

    // Closes politely: FIN first, then read (and drop) what the client still sends for a moment, so that closing
    // with unread bytes does not reset the connection and destroy the answer before the client has read it.
    private static async Task LingerAsync(Socket socket)
    {
        try
        {
            socket.Shutdown(SocketShutdown.Send);
            using var linger = new CancellationTokenSource(LingerTime);
            var drain = new byte[16 * 1024];
            while (await socket.ReceiveAsync(drain, SocketFlags.None, linger.Token) > 0) { }
        }
        catch (OperationCanceledException) { }
        catch (SocketException) { }
        catch (ObjectDisposedException) { }
    }
}
