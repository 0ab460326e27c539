using System.Net.Sockets;
using SocketCourse.Framing;

namespace SocketCourse.ChatRoom;

/// <summary>
/// Step 3: a member with an outbox (发件队列): a bounded queue of lines and a writer thread of its own that sends them.
/// <see cref="TryDeliver"/> only adds to the queue, so a broadcasting thread never waits for this member's network.
/// When the peer reads too slowly the queue fills up; then the member is too slow, and the policy is to drop it:
/// TryDeliver returns false (the room removes it, disconnects it and tells the others).
/// </summary>
public sealed class MemberOutbox : IChatMember
{
    /// <summary>How long <see cref="TryDeliver"/> waits for room in a full queue before it calls the member too slow.
    /// A member who reads keeps freeing room, so a sender who floods the room is paced by the readers; a member who does
    /// not read costs the sender this long, once.</summary>
    public static TimeSpan RoomWait { get; } = TimeSpan.FromMilliseconds(250);

    /// <summary>How long the writer may take, after <see cref="Disconnect"/>, to send the lines still queued.</summary>
    public static TimeSpan DrainTimeout { get; } = TimeSpan.FromSeconds(2);

    private readonly Socket _socket;
    private readonly object _gate = new(); // a plain object: Monitor.Wait and PulseAll need one
    private readonly Queue<string> _queue = new();
    private readonly CancellationTokenSource _cut = new(); // cancels a write that waits for a peer that is not reading
    private readonly Thread _thread;
    private bool _disconnected;
    private bool _overflowed;
    private bool _broken; // the writer has stopped: the connection failed or was closed

    /// <summary>Starts the writer thread for <paramref name="socket"/>, a connected TCP socket this member will close.</summary>
    /// <param name="socket">The connection to write to.</param>
    /// <param name="capacity">How many lines may wait in the queue.</param>
    public MemberOutbox(Socket socket, int capacity = ChatLimits.DefaultOutboxLines)
    {
        ArgumentNullException.ThrowIfNull(socket);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _socket = socket;
        Capacity = capacity;
        _thread = new Thread(WriteLoop) { IsBackground = true, Name = "chat writer" };
        _thread.Start();
    }

    /// <summary>How many lines the queue holds at most.</summary>
    public int Capacity { get; }

    /// <summary>Whether a line was ever refused because the queue stayed full.</summary>
    public bool Overflowed
    {
        get
        {
            lock (_gate) return _overflowed;
        }
    }

    /// <summary>
    /// Queues <paramref name="line"/> for the writer thread; never touches the socket. When the queue holds
    /// <see cref="Capacity"/> lines it waits up to <see cref="RoomWait"/> for the writer to make room.
    /// </summary>
    /// <returns>False when the queue stayed full (the member is too slow; nothing is queued) or after
    /// <see cref="Disconnect"/>. True otherwise, also when the connection has failed (the line is thrown away: the
    /// member's session finds the connection ended and leaves, which is not being too slow).</returns>
    public bool TryDeliver(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        lock (_gate)
        {
            var deadline = Environment.TickCount64 + (long)RoomWait.TotalMilliseconds;
            while (!_disconnected && !_broken && _queue.Count >= Capacity)
            {
                var left = deadline - Environment.TickCount64;
                if (_overflowed || left <= 0)
                {
                    _overflowed = true;
                    return false;
                }
                Monitor.Wait(_gate, TimeSpan.FromMilliseconds(left)); // the writer pulses when it takes lines out
            }
            if (_disconnected) return false;
            if (_broken) return true; // the peer is gone; its session will notice and leave (it is not "too slow")
            _queue.Enqueue(line);
            Monitor.PulseAll(_gate); // wake the writer if it waits for work
            return true;
        }
    }

    /// <summary>
    /// Takes no more lines. The writer sends what is queued (for at most <see cref="DrainTimeout"/>), then shuts the
    /// connection down and closes the socket. After an overflow there is no point in waiting for a peer that does not
    /// read: the queued lines are thrown away and the connection is closed at once. Returns without waiting.
    /// </summary>
    public void Disconnect()
    {
        bool cutNow;
        lock (_gate)
        {
            if (_disconnected) return;
            _disconnected = true;
            cutNow = _overflowed;
            if (cutNow) _queue.Clear();
            Monitor.PulseAll(_gate);
        }
        if (cutNow) _cut.Cancel();
        else _cut.CancelAfter(DrainTimeout);
    }

    /// <summary>Waits until the writer thread has closed the connection, at most <paramref name="timeout"/>.</summary>
    /// <returns>True when it had.</returns>
    public bool WaitClosed(TimeSpan timeout) => _thread.Join(timeout);

    private void WriteLoop()
    {
        try
        {
            // Lines are written into a buffer and sent together: a writer that has fallen behind catches up with one
            // send for many lines instead of one send each. Not disposed: disposing it would flush what is left, with no
            // way to cancel, to a peer that may not be reading; closing the socket is enough.
            var buffered = new BufferedStream(new NetworkStream(_socket, ownsSocket: false), 64 * 1024);
            var writer = new LineWriter(buffered, ChatLimits.MaxOutgoingLineBytes);
            var batch = new List<string>();
            while (TakeBatch(batch))
            {
                foreach (var line in batch)
                    writer.WriteLineAsync(line, _cut.Token).GetAwaiter().GetResult();
                buffered.FlushAsync(_cut.Token).GetAwaiter().GetResult();
            }
            _socket.Shutdown(SocketShutdown.Send); // every queued line is out: the peer reads them, then end of stream
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
        {
            // The peer is gone, or the writer was cut off: either way this connection is over.
        }
        finally
        {
            lock (_gate)
            {
                _broken = true;
                _queue.Clear();
                Monitor.PulseAll(_gate);
            }
            _socket.Dispose(); // also ends the session's read, if it still waits
        }
    }

    // Moves every queued line into batch, waiting for at least one; false once disconnected and nothing is left.
    private bool TakeBatch(List<string> batch)
    {
        batch.Clear();
        lock (_gate)
        {
            while (_queue.Count == 0)
            {
                if (_disconnected) return false;
                Monitor.Wait(_gate);
            }
            while (_queue.TryDequeue(out var line)) batch.Add(line);
            Monitor.PulseAll(_gate); // room again: wake senders waiting in TryDeliver
            return true;
        }
    }
}
