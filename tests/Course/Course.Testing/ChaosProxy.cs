using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace SocketCourse.Testing;

/// <summary>
/// A loopback TCP relay placed between a grader and the code under test. Each connection made to
/// <see cref="EndPoint"/> is relayed to the target, with <see cref="Chaos"/> applied per direction:
/// bytes split into chunks, merged, delayed, or the connection reset. End of stream (half-close) is
/// passed on, so a peer's Shutdown(Send) arrives on the other side as a 0-byte read.
/// </summary>
public sealed class ChaosProxy : IAsyncDisposable
{
    private readonly Socket _listener;
    private readonly EndPoint _target;
    private readonly Chaos _toTarget;
    private readonly Chaos _fromTarget;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentBag<Socket> _open = [];
    private readonly Task _acceptLoop;
    private int _relayed;

    private ChaosProxy(EndPoint target, Chaos toTarget, Chaos fromTarget)
    {
        _target = target;
        _toTarget = toTarget;
        _fromTarget = fromTarget;
        _listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        _listener.Bind(Loopback.AnyPort);
        _listener.Listen(64);
        _acceptLoop = AcceptLoopAsync();
    }

    /// <summary>
    /// Starts a proxy on 127.0.0.1 (port 0) that relays to <paramref name="target"/>, applying
    /// <paramref name="toTarget"/> to bytes going there and <paramref name="fromTarget"/> to bytes coming back.
    /// </summary>
    public static ChaosProxy Start(EndPoint target, Chaos toTarget, Chaos? fromTarget = null) =>
        new(target, toTarget, fromTarget ?? Chaos.None);

    /// <summary>Where to connect instead of the target.</summary>
    public IPEndPoint EndPoint => (IPEndPoint)_listener.LocalEndPoint!;

    /// <summary>How many connections have been relayed so far.</summary>
    public int ConnectionsRelayed => Volatile.Read(ref _relayed);

    private async Task AcceptLoopAsync()
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var client = await _listener.AcceptAsync(_stop.Token);
                _open.Add(client);
                _ = RelayAsync(client);
            }
        }
        catch (Exception) when (_stop.IsCancellationRequested)
        {
        }
        catch (ObjectDisposedException)
        {
        }
    }

    private async Task RelayAsync(Socket client)
    {
        var server = new Socket(_target.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        client.NoDelay = true;
        _open.Add(server);
        try
        {
            using var connectDeadline = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
            connectDeadline.CancelAfter(Deadlines.Default);
            await server.ConnectAsync(_target, connectDeadline.Token);
        }
        catch (Exception)
        {
            // The target is not there: the client sees its connection reset, as it would without a proxy.
            Abort(client);
            server.Dispose();
            return;
        }
        Interlocked.Increment(ref _relayed);
        var pair = new[] { client, server };
        await Task.WhenAll(PumpAsync(client, server, _toTarget, pair), PumpAsync(server, client, _fromTarget, pair));
        client.Dispose();
        server.Dispose();
    }

    private async Task PumpAsync(Socket from, Socket to, Chaos chaos, Socket[] pair)
    {
        var buffer = new byte[64 * 1024];
        long relayed = 0;
        try
        {
            while (true)
            {
                var n = await from.ReceiveAsync(buffer, SocketFlags.None, _stop.Token);
                if (n == 0)
                {
                    to.Shutdown(SocketShutdown.Send);
                    return;
                }
                if (chaos.MergeWindow is { } window)
                {
                    await Task.Delay(window, _stop.Token);
                    while (from.Available > 0 && n < buffer.Length)
                        n += from.Receive(buffer, n, Math.Min(from.Available, buffer.Length - n), SocketFlags.None);
                }
                var data = buffer.AsMemory(0, n);
                if (chaos.ResetAfterBytes is { } limit && relayed + n >= limit)
                {
                    await WriteAsync(to, data[..(int)(limit - relayed)], chaos);
                    await Task.Delay(20, _stop.Token); // let the last bytes leave before the reset
                    foreach (var s in pair) Abort(s);
                    return;
                }
                await WriteAsync(to, data, chaos);
                relayed += n;
            }
        }
        catch (Exception)
        {
            // One side failed or the proxy stopped: the other side sees a reset, never a silent hang.
            foreach (var s in pair) Abort(s);
        }
    }

    private async Task WriteAsync(Socket to, ReadOnlyMemory<byte> data, Chaos chaos)
    {
        var chunk = chaos.ChunkSize ?? data.Length;
        for (var offset = 0; offset < data.Length; offset += chunk)
        {
            if (chaos.Delay > TimeSpan.Zero) await Task.Delay(chaos.Delay, _stop.Token);
            var piece = data.Slice(offset, Math.Min(chunk, data.Length - offset));
            while (!piece.IsEmpty)
                piece = piece[await to.SendAsync(piece, SocketFlags.None, _stop.Token)..];
        }
    }

    private static void Abort(Socket socket)
    {
        try
        {
            socket.LingerState = new LingerOption(true, 0);
            socket.Close();
        }
        catch (Exception)
        {
            // Already closed.
        }
    }

    /// <summary>Stops accepting and resets every relayed connection still open.</summary>
    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Dispose();
        await _acceptLoop;
        foreach (var s in _open) Abort(s);
        _stop.Dispose();
    }
}
