using System.Net;
using System.Net.Sockets;
using System.Text;
using SocketCourse.ChatRoom;

namespace SocketCourse.ChatProtocol;

/// <summary>
/// A grader's chat client: a real TCP connection that sends lines and reads the server's lines (buffered, so a flood
/// of lines is read quickly), with a deadline on every wait. It keeps every line it received, for failure messages.
/// </summary>
public sealed class ChatPeer : IAsyncDisposable, IDisposable
{
    private readonly byte[] _buffer = new byte[64 * 1024];
    private int _start;
    private int _end;
    private readonly List<string> _received = [];

    private ChatPeer(Socket socket, string name)
    {
        Socket = socket;
        Name = name;
        // Read both addresses while connected: the socket keeps them, so they can still be named after a reset.
        LocalEndPoint = (IPEndPoint)socket.LocalEndPoint!;
        RemoteEndPoint = (IPEndPoint)socket.RemoteEndPoint!;
    }

    /// <summary>This end's address.</summary>
    public IPEndPoint LocalEndPoint { get; }

    /// <summary>The server's end of this connection.</summary>
    public IPEndPoint RemoteEndPoint { get; }

    /// <summary>How messages call this client ("alice", "the slow member").</summary>
    public string Name { get; }

    /// <summary>The grader's socket.</summary>
    public Socket Socket { get; }

    /// <summary>Every line received so far, oldest first.</summary>
    public IReadOnlyList<string> Received => _received;

    /// <summary>
    /// Connects to <paramref name="server"/>. <paramref name="receiveBufferBytes"/> sets a small receive buffer before
    /// connecting (so the TCP window stays small: a member that does not read fills it quickly).
    /// </summary>
    public static async Task<ChatPeer> ConnectAsync(IPEndPoint server, string name, int? receiveBufferBytes = null)
    {
        var socket = new Socket(server.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        if (receiveBufferBytes is { } size) socket.ReceiveBufferSize = size;
        using var cts = new CancellationTokenSource(Deadlines.Default);
        try
        {
            await socket.ConnectAsync(server, cts.Token);
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException)
        {
            socket.Dispose();
            throw new GradingException($"{name} could not connect to the chat server at {server}: " +
                                       (e is SocketException se ? Explain.Exception(se) : "no answer within the deadline (is it listening?)."), e);
        }
        return new ChatPeer(socket, name);
    }

    /// <summary>Connects and reads the greeting.</summary>
    public static async Task<ChatPeer> ConnectAndGreetAsync(IPEndPoint server, string name, int? receiveBufferBytes = null)
    {
        var peer = await ConnectAsync(server, name, receiveBufferBytes);
        try
        {
            await peer.ExpectLineAsync(ChatLines.Greeting, "the server greets every new connection first");
            return peer;
        }
        catch
        {
            peer.Dispose();
            throw;
        }
    }

    /// <summary>Connects, reads the greeting, sends <see cref="Name"/> as the nickname, and reads its own join notice.</summary>
    public static async Task<ChatPeer> JoinAsync(IPEndPoint server, string nickname, int? receiveBufferBytes = null)
    {
        var peer = await ConnectAndGreetAsync(server, nickname, receiveBufferBytes);
        try
        {
            await peer.SendLineAsync(nickname);
            // Other members' lines may overtake the member's own join notice (they are delivered outside the room's lock).
            while (await peer.ReadLineAsync(Show.Text(ChatLines.Joined(nickname))) is var line && line != ChatLines.Joined(nickname))
                if (ChatLines.IsError(line))
                    throw new GradingException($"{nickname} sent its nickname and expected {Show.Text(ChatLines.Joined(nickname))}, " +
                                               $"but received {Show.Text(line)}: a valid, free nickname joins, and every member, the new one included, is told.");
            return peer;
        }
        catch
        {
            peer.Dispose();
            throw;
        }
    }

    /// <summary>Sends <paramref name="line"/> and a LF.</summary>
    public Task SendLineAsync(string line) => SendAsync(Encoding.UTF8.GetBytes(line + "\n"));

    /// <summary>Sends raw bytes (all of them), within the deadline.</summary>
    public async Task SendAsync(ReadOnlyMemory<byte> data, TimeSpan? timeout = null)
    {
        var limit = timeout ?? Deadlines.Default;
        using var cts = new CancellationTokenSource(limit);
        try
        {
            while (!data.IsEmpty)
                data = data[await Socket.SendAsync(data, SocketFlags.None, cts.Token)..];
        }
        catch (OperationCanceledException)
        {
            throw Deadlines.TimedOut(limit, $"{Name} to send {data.Length} more bytes to the chat server",
                "The server is not reading this connection: is its session thread stuck (for example delivering to a member who does not read)?");
        }
        catch (SocketException e)
        {
            throw new GradingException($"{Name} could not send: {Explain.Exception(e)}", e);
        }
    }

    /// <summary>Reads the next line (without its LF) within the deadline; fails naming <paramref name="awaited"/>.</summary>
    public async Task<string> ReadLineAsync(string awaited, TimeSpan? timeout = null)
    {
        var limit = timeout ?? Deadlines.Default;
        using var cts = new CancellationTokenSource(limit);
        try
        {
            while (true)
            {
                var newline = Array.IndexOf(_buffer, (byte)'\n', _start, _end - _start);
                if (newline >= 0)
                {
                    var line = Encoding.UTF8.GetString(_buffer, _start, newline - _start);
                    _start = newline + 1;
                    _received.Add(line);
                    return line;
                }
                if (_start > 0)
                {
                    Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
                    _end -= _start;
                    _start = 0;
                }
                if (_end == _buffer.Length)
                    throw new GradingException($"{Name} received {_end} bytes without a line end while waiting for {awaited}.");
                var n = await Socket.ReceiveAsync(_buffer.AsMemory(_end), SocketFlags.None, cts.Token);
                if (n == 0)
                    throw new GradingException($"{Name} was waiting for {awaited}, but the server closed the connection" +
                                               (_end > 0 ? $" after {Show.Bytes(_buffer.AsSpan(0, _end))} without a line end." : ".") +
                                               $" {Name} had received: {Lately()}.");
                _end += n;
            }
        }
        catch (OperationCanceledException)
        {
            throw Deadlines.TimedOut(limit, $"{awaited} (at {Name})", $"{Name} had received: {Lately()}" +
                                           (_end > _start ? $", then {Show.Bytes(_buffer.AsSpan(_start, _end - _start))} with no line end yet." : "."));
        }
        catch (SocketException e)
        {
            throw new GradingException($"While {Name} waited for {awaited}, its connection failed: {Explain.Exception(e)} " +
                                       $"It had received: {Lately()}.", e);
        }
    }

    /// <summary>Reads the next line and fails unless it is <paramref name="expected"/>; <paramref name="why"/> is the rule at stake.</summary>
    public async Task ExpectLineAsync(string expected, string why, TimeSpan? timeout = null)
    {
        var line = await ReadLineAsync(Show.Text(expected), timeout);
        if (line != expected)
            throw new GradingException($"{Name} expected {Show.Text(expected)} but received {Show.Text(line)}: {why}. " +
                                       $"Lines before it: {Lately(skipLast: 1)}.");
    }

    /// <summary>Reads lines until one equals <paramref name="expected"/>, and returns the lines before it.</summary>
    public async Task<List<string>> ReadUntilAsync(string expected, string awaited, int maxLines = 100_000, TimeSpan? timeout = null)
    {
        var before = new List<string>();
        while (true)
        {
            var line = await ReadLineAsync(awaited, timeout);
            if (line == expected) return before;
            before.Add(line);
            if (before.Count > maxLines)
                throw new GradingException($"{Name} read {maxLines} lines without seeing {Show.Text(expected)} ({awaited}).");
        }
    }

    /// <summary>
    /// Fails unless the server ends the connection (FIN, or a reset when <paramref name="resetIsFine"/>) within the
    /// deadline; lines still arriving first are read and reported.
    /// </summary>
    public async Task ExpectClosedAsync(string why, bool resetIsFine = false, TimeSpan? timeout = null)
    {
        var limit = timeout ?? Deadlines.Default;
        using var cts = new CancellationTokenSource(limit);
        if (_end > _start)
            throw new GradingException($"{Name} expected the connection to close ({why}) but received {Show.Bytes(_buffer.AsSpan(_start, _end - _start))}.");
        try
        {
            var n = await Socket.ReceiveAsync(_buffer, SocketFlags.None, cts.Token);
            if (n != 0)
                throw new GradingException($"{Name} expected the connection to close ({why}) but received {Show.Bytes(_buffer.AsSpan(0, n))}.");
        }
        catch (OperationCanceledException)
        {
            throw Deadlines.TimedOut(limit, $"the server to close {Name}'s connection ({why})",
                "The connection stayed open: does the member's Disconnect (or the end of its session) close the socket?");
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.ConnectionReset)
        {
            if (!resetIsFine)
                throw new GradingException($"{Name} expected a clean close ({why}) but the connection was reset. Send what is " +
                                           "queued, shut the connection down, then close the socket: a close with unsent data " +
                                           "or unread input, or a socket left to the garbage collector, is a reset.", e);
        }
    }

    /// <summary>
    /// Reads lines until the server closes the connection cleanly (FIN) within the deadline and returns them: for a
    /// member that other members' threads may still be delivering notices to while it leaves.
    /// </summary>
    public async Task<List<string>> ReadUntilClosedAsync(string why, TimeSpan? timeout = null)
    {
        var limit = timeout ?? Deadlines.Default;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var lines = new List<string>();
        while (true)
        {
            var newline = Array.IndexOf(_buffer, (byte)'\n', _start, _end - _start);
            if (newline >= 0)
            {
                lines.Add(await ReadLineAsync(why));
                continue;
            }
            var left = limit - clock.Elapsed;
            if (left <= TimeSpan.Zero) throw Deadlines.TimedOut(limit, $"the server to close {Name}'s connection ({why})");
            using var cts = new CancellationTokenSource(left);
            int n;
            try
            {
                if (_start > 0)
                {
                    Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
                    _end -= _start;
                    _start = 0;
                }
                n = await Socket.ReceiveAsync(_buffer.AsMemory(_end), SocketFlags.None, cts.Token);
            }
            catch (OperationCanceledException)
            {
                throw Deadlines.TimedOut(limit, $"the server to close {Name}'s connection ({why})",
                    $"{Name} had received: {Lately()}. The connection stayed open: does the member's Disconnect close the socket?");
            }
            catch (SocketException e)
            {
                throw new GradingException($"{Name} expected a clean close ({why}) but got {Explain.Exception(e)}", e);
            }
            if (n == 0)
            {
                if (_end > _start)
                    throw new GradingException($"{Name}'s connection closed ({why}) in the middle of a line: {Show.Bytes(_buffer.AsSpan(_start, _end - _start))}.");
                return lines;
            }
            _end += n;
        }
    }

    /// <summary>Aborts the connection: the server sees a reset (RST).</summary>
    public void Reset()
    {
        Socket.LingerState = new LingerOption(true, 0);
        Socket.Close();
    }

    /// <summary>The last lines received, for messages.</summary>
    public string Lately(int count = 6, int skipLast = 0)
    {
        var lines = _received.Take(_received.Count - skipLast).ToList();
        if (lines.Count == 0) return "nothing";
        var shown = lines.Skip(Math.Max(0, lines.Count - count)).Select(l => Show.Text(l, 80));
        return (lines.Count > count ? $"({lines.Count - count} earlier lines), " : "") + string.Join(", ", shown);
    }

    /// <inheritdoc />
    public void Dispose() => Socket.Dispose();

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        Socket.Dispose();
        return ValueTask.CompletedTask;
    }
}
