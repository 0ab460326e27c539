using System.Collections.Concurrent;
using System.Net.Sockets;

namespace SocketCourse.SocketBasics;

/// <summary>
/// Step 3: an echo server on a Unix-domain stream socket (AF_UNIX). Its address is a path in the file
/// system instead of an IP address and port; only processes on this machine can reach it. Each client
/// sends a message and half-closes; the server sends the same bytes back and closes.
/// </summary>
public sealed class UnixEchoServer : IAsyncDisposable
{
    /// <summary>The default size limit of one client's message: 64 KiB.</summary>
    public const int DefaultMaxMessageBytes = 64 * 1024;

    private readonly Socket _listener;
    private readonly int _maxMessageBytes;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<Task, bool> _clients = new();
    private readonly Task _accepting;
    private int _disposed;

    private UnixEchoServer(Socket listener, string path, int maxMessageBytes)
    {
        _listener = listener;
        Path = path;
        _maxMessageBytes = maxMessageBytes;
        _accepting = Task.Run(AcceptLoopAsync);
    }

    /// <summary>
    /// Binds a Unix-domain stream socket to <paramref name="path"/> (which creates a socket file there),
    /// listens, and serves clients in the background, each one independently.
    /// If a file already exists at <paramref name="path"/>: when a server answers there, the path is taken; when
    /// nobody answers and the file is a socket file (<see cref="SocketFiles.IsSocketFile"/>), it was left behind by
    /// a server that did not clean up, and it is deleted and replaced; any other file (a regular file, even an empty
    /// one) is never touched. To read and send whole messages, <see cref="StreamLoops"/> has the two loops.
    /// </summary>
    /// <param name="path">The socket file's path. Keep it short: Linux allows about 107 bytes.</param>
    /// <param name="maxMessageBytes">The largest message accepted from one client; a client that sends more is
    /// disconnected without a reply, and the server goes on serving the others.</param>
    /// <returns>The running server; dispose it to stop.</returns>
    /// <exception cref="IOException">A server is already listening at <paramref name="path"/>, or the file there is
    /// not a socket file; the file is left untouched. The message names the path.</exception>
    /// <exception cref="SocketException">The path cannot be bound (e.g. its folder does not exist); nothing is left open.</exception>
    public static UnixEchoServer Start(string path, int maxMessageBytes = DefaultMaxMessageBytes)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentOutOfRangeException.ThrowIfNegative(maxMessageBytes);
        if (File.Exists(path))
            RemoveLeftoverSocketFile(path);
        var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            listener.Bind(new UnixDomainSocketEndPoint(path));
            listener.Listen(16);
        }
        catch
        {
            listener.Dispose();
            throw;
        }
        return new UnixEchoServer(listener, path, maxMessageBytes);
    }

    /// <summary>The path of the socket file the server listens on.</summary>
    public string Path { get; }

    private static void RemoveLeftoverSocketFile(string path)
    {
        using (var probe = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified))
        {
            try
            {
                probe.Connect(new UnixDomainSocketEndPoint(path));
            }
            catch (SocketException e) when (e.SocketErrorCode is SocketError.ConnectionRefused or SocketError.NotSocket)
            {
                // Nobody answers. Only a socket file is a leftover; an ordinary file, even an empty one, is not ours to delete.
                if (!SocketFiles.IsSocketFile(path))
                    throw new IOException($"{path} exists and is not a socket file: refusing to replace it. Choose another path.");
                File.Delete(path);
                return;
            }
        }
        throw new IOException($"Another server is already listening at {path}. Stop it, or choose another path.");
    }

    private async Task AcceptLoopAsync()
    {
        while (true)
        {
            Socket client;
            try
            {
                client = await _listener.AcceptAsync(_stop.Token);
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }
            var serving = ServeClientAsync(client);
            _clients.TryAdd(serving, true);
            _ = serving.ContinueWith(t => _clients.TryRemove(t, out _), TaskScheduler.Default);
        }
    }

    private async Task ServeClientAsync(Socket client)
    {
        using (client)
        {
            try
            {
                var message = await StreamLoops.ReadToEndAsync(client, _maxMessageBytes, _stop.Token);
                await StreamLoops.SendAllAsync(client, message, _stop.Token);
            }
            catch (Exception e) when (e is SocketException or InvalidDataException or OperationCanceledException or ObjectDisposedException)
            {
                // This client is dropped (too much data, vanished, or the server is stopping); the others carry on.
            }
        }
    }

    /// <summary>
    /// Stops the server: stops accepting, closes every connection (a silent client's too) and the listening socket, and
    /// deletes the socket file, so the path is free for the next server. All of it is done when the returned task
    /// completes. Calling it again does nothing.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        _stop.Cancel();
        _listener.Dispose();
        await _accepting;
        await Task.WhenAll(_clients.Keys);
        // .NET removes the file it bound when the socket is disposed; C and Python programs do not, so the server
        // says it explicitly rather than rely on the runtime (File.Delete does nothing if the file is already gone).
        File.Delete(Path);
        _stop.Dispose();
    }
}
