using System.Net;
using System.Net.Sockets;
using System.Text;

namespace SocketCourse.Testing;

/// <summary>
/// The grader's end of a TCP connection on loopback. Every wait has a deadline, and a wait that
/// runs out fails naming what was awaited.
/// </summary>
public sealed class LoopbackPeer : IAsyncDisposable, IDisposable
{
    private readonly Socket _socket;

    /// <summary>Wraps a connected socket.</summary>
    public LoopbackPeer(Socket socket, string name)
    {
        _socket = socket;
        Name = name;
        // Small writes leave at once (no Nagle delay); only TCP has that option, Unix-domain sockets do not.
        if (socket.ProtocolType == ProtocolType.Tcp) _socket.NoDelay = true;
        // Read the peer's address now, while connected: the socket keeps it, so messages and leak checks can name the
        // connection even after the other side reset it.
        try
        {
            _ = socket.RemoteEndPoint;
        }
        catch (SocketException)
        {
            // Already reset: nothing to remember.
        }
    }

    /// <summary>How failure messages call this peer ("the grader's client", "the server's connection").</summary>
    public string Name { get; }

    /// <summary>The underlying socket, for checks the helpers do not cover.</summary>
    public Socket Socket => _socket;

    /// <summary>This end's address.</summary>
    public IPEndPoint LocalEndPoint => (IPEndPoint)_socket.LocalEndPoint!;

    /// <summary>
    /// Connects to <paramref name="server"/> within the deadline. A refusal fails with its meaning (at once on
    /// Linux and macOS, after about 2 s on Windows, which retries the SYN first: see <see cref="Deadlines.Refusal"/>).
    /// </summary>
    public static async Task<LoopbackPeer> ConnectAsync(EndPoint server, string name = "the grader's client", TimeSpan? timeout = null)
    {
        var socket = new Socket(server.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        using var cts = new CancellationTokenSource(timeout ?? Deadlines.Default);
        try
        {
            await socket.ConnectAsync(server, cts.Token);
            return new LoopbackPeer(socket, name);
        }
        catch (OperationCanceledException)
        {
            socket.Dispose();
            throw Deadlines.TimedOut(timeout ?? Deadlines.Default, $"{name} to connect to {server}",
                "Is the server listening? A full listen backlog also delays connections.");
        }
        catch (SocketException e)
        {
            socket.Dispose();
            throw new GradingException($"{name} could not connect to {server}. {Explain.Exception(e)}", e);
        }
    }

    /// <summary>Sends all of <paramref name="data"/> in one call.</summary>
    public Task SendAsync(ReadOnlyMemory<byte> data, TimeSpan? timeout = null) =>
        SendAllAsync(data, timeout);

    /// <summary>Sends <paramref name="text"/> as UTF-8.</summary>
    public Task SendAsync(string text, TimeSpan? timeout = null) =>
        SendAllAsync(Encoding.UTF8.GetBytes(text), timeout);

    /// <summary>
    /// Sends <paramref name="data"/> as separate writes of <paramref name="chunkSize"/> bytes with a pause
    /// between them, so the receiver's reads see the message in pieces.
    /// </summary>
    public async Task SendInChunksAsync(ReadOnlyMemory<byte> data, int chunkSize, TimeSpan? pause = null)
    {
        for (var offset = 0; offset < data.Length; offset += chunkSize)
        {
            var piece = data.Slice(offset, Math.Min(chunkSize, data.Length - offset));
            await SendAllAsync(piece, null);
            await Task.Delay(pause ?? TimeSpan.FromMilliseconds(2));
        }
    }

    /// <summary>Half-closes: tells the peer "no more data from me" (it reads end of stream) while still able to receive.</summary>
    public void ShutdownSend() => _socket.Shutdown(SocketShutdown.Send);

    /// <summary>
    /// Reads until the peer closes its sending side, at most <paramref name="maxBytes"/>; fails past the deadline
    /// naming <paramref name="awaited"/> and showing what had arrived so far.
    /// </summary>
    public async Task<byte[]> ReadToEndAsync(string awaited, int maxBytes = 1 << 20, TimeSpan? timeout = null)
    {
        var limit = timeout ?? Deadlines.Default;
        using var cts = new CancellationTokenSource(limit);
        var received = new MemoryStream();
        var buffer = new byte[8192];
        try
        {
            while (true)
            {
                var n = await _socket.ReceiveAsync(buffer, SocketFlags.None, cts.Token);
                if (n == 0) return received.ToArray();
                received.Write(buffer, 0, n);
                if (received.Length > maxBytes)
                    throw new GradingException($"{Name} received more than {maxBytes} bytes while waiting for {awaited}: " +
                                               Show.Bytes(received.ToArray()));
            }
        }
        catch (OperationCanceledException)
        {
            throw Deadlines.TimedOut(limit, awaited,
                $"So far {Name} received {Show.Bytes(received.ToArray())} but not the end of stream. " +
                "Did the other side close its socket (or Shutdown(Send)) after sending?");
        }
        catch (SocketException e)
        {
            throw new GradingException($"While waiting for {awaited}, {Name} got {Explain.Exception(e)} " +
                                       $"Received before that: {Show.Bytes(received.ToArray())}.", e);
        }
    }

    /// <summary>Reads to end of stream and decodes it as UTF-8 (invalid bytes show as U+FFFD).</summary>
    public async Task<string> ReadTextToEndAsync(string awaited, int maxBytes = 1 << 20, TimeSpan? timeout = null) =>
        Encoding.UTF8.GetString(await ReadToEndAsync(awaited, maxBytes, timeout));

    /// <summary>Reads exactly <paramref name="count"/> bytes, however many receives that takes.</summary>
    public async Task<byte[]> ReadExactlyAsync(int count, string awaited, TimeSpan? timeout = null)
    {
        var limit = timeout ?? Deadlines.Default;
        using var cts = new CancellationTokenSource(limit);
        var buffer = new byte[count];
        var filled = 0;
        try
        {
            while (filled < count)
            {
                var n = await _socket.ReceiveAsync(buffer.AsMemory(filled), SocketFlags.None, cts.Token);
                if (n == 0)
                    throw new GradingException($"{Name} expected {count} bytes ({awaited}) but the stream ended after " +
                                               $"{Show.Bytes(buffer.AsSpan(0, filled))}. {Explain.EndOfStream}");
                filled += n;
            }
            return buffer;
        }
        catch (OperationCanceledException)
        {
            throw Deadlines.TimedOut(limit, awaited,
                $"{Name} had {filled} of {count} bytes: {Show.Bytes(buffer.AsSpan(0, filled))}.");
        }
        catch (SocketException e)
        {
            throw new GradingException($"While waiting for {awaited}, {Name} got {Explain.Exception(e)}", e);
        }
    }

    /// <summary>Reads one line ending in '\n' (the '\n' is not returned), as UTF-8.</summary>
    public async Task<string> ReadLineAsync(string awaited, int maxBytes = 64 * 1024, TimeSpan? timeout = null)
    {
        var limit = timeout ?? Deadlines.Default;
        using var cts = new CancellationTokenSource(limit);
        var line = new List<byte>();
        var one = new byte[1];
        try
        {
            while (true)
            {
                var n = await _socket.ReceiveAsync(one, SocketFlags.None, cts.Token);
                if (n == 0)
                    throw new GradingException($"{Name} was waiting for {awaited} but the stream ended after " +
                                               $"{Show.Bytes(line.ToArray())}. {Explain.EndOfStream}");
                if (one[0] == (byte)'\n') return Encoding.UTF8.GetString(line.ToArray()).TrimEnd('\r');
                line.Add(one[0]);
                if (line.Count > maxBytes)
                    throw new GradingException($"{Name} read {maxBytes} bytes without a line end while waiting for {awaited}.");
            }
        }
        catch (OperationCanceledException)
        {
            throw Deadlines.TimedOut(limit, awaited, $"{Name} had received {Show.Bytes(line.ToArray())} with no '\\n' yet.");
        }
        catch (SocketException e)
        {
            throw new GradingException($"While waiting for {awaited}, {Name} got {Explain.Exception(e)}", e);
        }
    }

    /// <summary>
    /// Checks that the peer has closed: the next read returns 0 bytes (or the connection is reset) within the deadline.
    /// Data that arrives instead is reported.
    /// </summary>
    public async Task ExpectEndOfStreamAsync(string why, TimeSpan? timeout = null)
    {
        // A reset (an abortive close) is still a close here, so what ReadEndAsync returns does not matter.
        _ = await ReadEndAsync(timeout, $"end of stream at {Name} ({why})", $"expected end of stream ({why})",
            "The other side kept the connection open: did it Close() (or Dispose) its socket?");
    }

    /// <summary>
    /// Checks that the peer closed cleanly: the next read returns 0 bytes (FIN) within the deadline. Unlike
    /// <see cref="ExpectEndOfStreamAsync"/>, a reset fails: a socket that was never disposed is reset by its
    /// finalizer when the garbage collector gets to it, so a reset here is often a leak seen late.
    /// </summary>
    public async Task ExpectCleanCloseAsync(string why, TimeSpan? timeout = null)
    {
        var reset = await ReadEndAsync(timeout, $"a clean close at {Name} ({why})", $"expected a clean close ({why})",
            "The other side kept the connection open: is its socket disposed (using, or in a finally) on this path?");
        if (reset is not null)
            throw new GradingException(
                $"{Name} expected a clean close ({why}) but the connection was reset. A socket that is never disposed stays open " +
                "until the garbage collector finalizes it, and the finalizer closes it abortively (a reset); closing with unread " +
                "data also resets. Dispose the socket (using var …) once its work is done.", reset);
    }

    /// <summary>
    /// Reads what comes next, expecting the end of the connection: returns null on a FIN (0 bytes), the exception
    /// on a reset; fails when data arrives instead (<paramref name="expected"/> words it) or nothing comes in time.
    /// </summary>
    private async Task<SocketException?> ReadEndAsync(TimeSpan? timeout, string awaited, string expected, string stillOpenHint)
    {
        var limit = timeout ?? Deadlines.Default;
        using var cts = new CancellationTokenSource(limit);
        var buffer = new byte[4096];
        try
        {
            var n = await _socket.ReceiveAsync(buffer, SocketFlags.None, cts.Token);
            if (n != 0)
                throw new GradingException($"{Name} {expected} but received {Show.Bytes(buffer.AsSpan(0, n))}.");
            return null;
        }
        catch (OperationCanceledException)
        {
            throw Deadlines.TimedOut(limit, awaited, stillOpenHint);
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.ConnectionReset)
        {
            return e;
        }
    }

    /// <summary>Aborts the connection: the peer sees a reset (RST) instead of a clean end of stream.</summary>
    public void Reset()
    {
        _socket.LingerState = new LingerOption(true, 0);
        _socket.Close();
    }

    private async Task SendAllAsync(ReadOnlyMemory<byte> data, TimeSpan? timeout)
    {
        var limit = timeout ?? Deadlines.Default;
        using var cts = new CancellationTokenSource(limit);
        try
        {
            while (!data.IsEmpty)
            {
                var n = await _socket.SendAsync(data, SocketFlags.None, cts.Token);
                data = data[n..];
            }
        }
        catch (OperationCanceledException)
        {
            throw Deadlines.TimedOut(limit, $"{Name} to send {data.Length} more bytes", "The receiver is not reading, and the buffers are full.");
        }
        catch (SocketException e)
        {
            throw new GradingException($"{Name} could not send: {Explain.Exception(e)}", e);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _socket.Dispose();

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        _socket.Dispose();
        return ValueTask.CompletedTask;
    }
}
