using System.Net.Sockets;
using System.Threading.Channels;
using SocketCourse.ChatRoom;
using SocketCourse.Framing;

namespace SocketCourse.AsyncAndScale;

/// <summary>
/// Step 2: a chat member's outbox, the async way: a bounded <see cref="Channel{T}"/> of lines and one writer task that
/// sends them. The room puts lines in with <see cref="TryDeliver"/>; the writer takes them out as fast as the client
/// reads. Lesson 06's <c>MemberOutbox</c> spends a thread per member on this; here a member whose client is slow costs
/// a few queued strings and no thread at all, because the writer task awaits the channel and the socket.
/// </summary>
/// <remarks>
/// Backpressure (背压): the channel holds at most <see cref="Capacity"/> lines. When it is full, <see cref="TryDeliver"/>
/// gives the writer up to <see cref="RoomWait"/> to make room (a member that is only a little behind catches up, and a
/// flooding sender is paced to the readers); if none comes, the member is marked as overflowed, every later call
/// returns false at once, and the room drops it as too slow. Nobody ever waits for a member that does not read.
/// </remarks>
public sealed class ChannelOutbox : IChatMember
{
    /// <summary>How long <see cref="TryDeliver"/> may wait for room in a full outbox before giving the member up.</summary>
    public static TimeSpan RoomWait { get; } = TimeSpan.FromMilliseconds(250);

    /// <summary>How long the writer may take, after <see cref="Disconnect"/>, to send the lines still queued.</summary>
    public static TimeSpan DrainTimeout { get; } = TimeSpan.FromSeconds(2);

    private readonly Socket _socket;
    private readonly Channel<string> _lines;
    private readonly CancellationTokenSource _cut = new();
    private int _overflowed;
    private int _disconnected;

    /// <summary>Creates the outbox and starts its writer task; the outbox owns <paramref name="socket"/> from now on and
    /// closes it when the writer ends.</summary>
    /// <param name="socket">The member's connected socket.</param>
    /// <param name="capacity">The most lines waiting at once; at least 1.</param>
    public ChannelOutbox(Socket socket, int capacity = ChatLimits.DefaultOutboxLines)
    {
        ArgumentNullException.ThrowIfNull(socket);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _socket = socket;
        Capacity = capacity;
        _lines = Channel.CreateBounded<string>(new BoundedChannelOptions(capacity)
        {
            SingleReader = true,       // only the writer task reads
            FullMode = BoundedChannelFullMode.Wait, // TryWrite says false when full; nothing is dropped silently
        });
        // A writer of its own for each member: a thread that waits for lines and sends them.
        var done = new TaskCompletionSource();
        new Thread(() =>
        {
            WriteLoopAsync().GetAwaiter().GetResult();
            done.SetResult();
        }) { IsBackground = true, Name = "chat writer" }.Start();
        Completion = done.Task;
    }

    /// <summary>The most lines waiting at once.</summary>
    public int Capacity { get; }

    /// <summary>True once a line found the outbox full for longer than <see cref="RoomWait"/>.</summary>
    public bool Overflowed => Volatile.Read(ref _overflowed) == 1;

    /// <summary>Completes when the writer task has ended and the socket is closed.</summary>
    public Task Completion { get; }

    /// <summary>
    /// Queues <paramref name="line"/> for sending. Returns false, without queueing, when the member is disconnected or
    /// overflowed; when the outbox is full it waits at most <see cref="RoomWait"/> for room, then marks the member as
    /// overflowed and returns false. True when the line is queued (or when the connection has already failed: its
    /// session will notice and leave, it is not "too slow").
    /// </summary>
    /// <param name="line">The line, without a line end.</param>
    public bool TryDeliver(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (Volatile.Read(ref _disconnected) == 1 || Overflowed) return false;
        if (_lines.Writer.TryWrite(line)) return true;
        if (Completion.IsCompleted) return true; // the writer stopped on a broken connection
        // Full. Give the writer a moment to take lines out (a short, bounded wait: the room's callers expect an answer now).
        var deadline = Environment.TickCount64 + (long)RoomWait.TotalMilliseconds;
        while (Environment.TickCount64 < deadline)
        {
            var left = deadline - Environment.TickCount64;
            var room = _lines.Writer.WaitToWriteAsync().AsTask();
            if (!room.Wait(TimeSpan.FromMilliseconds(Math.Max(1, left))) || !room.Result) break;
            if (_lines.Writer.TryWrite(line)) return true;
        }
        Interlocked.Exchange(ref _overflowed, 1);
        return false;
    }

    /// <summary>
    /// Ends the member's connection; idempotent, never blocks. The writer sends what is queued (at most for
    /// <see cref="DrainTimeout"/>; at once nothing, for an overflowed member), shuts down its sending side and closes the
    /// socket, which also ends the session's read.
    /// </summary>
    public void Disconnect()
    {
        if (Interlocked.Exchange(ref _disconnected, 1) == 1) return;
        _lines.Writer.TryComplete();
        if (Overflowed) _cut.Cancel();
        else _cut.CancelAfter(DrainTimeout);
    }

    private async Task WriteLoopAsync()
    {
        try
        {
            // Not disposed on purpose: disposing a BufferedStream flushes it without a token, and a flush to a client that
            // does not read never ends. The socket, closed in the finally, is the only thing that needs closing.
            var buffered = new BufferedStream(new NetworkStream(_socket, ownsSocket: false), 16 * 1024);
            var writer = new LineWriter(buffered, ChatLimits.MaxOutgoingLineBytes);
            // Await lines; take every line already waiting, then send them together.
            while (_lines.Reader.WaitToReadAsync(_cut.Token).AsTask().GetAwaiter().GetResult())
            {
                while (_lines.Reader.TryRead(out var line))
                    writer.WriteLineAsync(line, _cut.Token).GetAwaiter().GetResult();
                buffered.Flush();
            }
            _socket.Shutdown(SocketShutdown.Send); // every line is out: the client reads them, then end of stream
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
        {
            // The client is gone, or the writer was cut off: this connection is over.
        }
        finally
        {
            _lines.Writer.TryComplete();
            _socket.Dispose(); // also ends the session's pending read
            // _cut is not disposed: Disconnect may still be called (and cancel it) after the writer has ended.
        }
    }
}
