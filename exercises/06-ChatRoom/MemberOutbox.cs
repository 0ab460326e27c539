using System.Net.Sockets;

namespace SocketCourse.ChatRoom;

/// <summary>
/// Step 3: a member with an outbox (发件队列): a bounded queue of lines and a writer thread of its own that sends them.
/// <see cref="TryDeliver"/> only adds to the queue, so a broadcasting thread never waits for this member's network.
/// When the peer reads too slowly the queue fills up; then the member is too slow, and the policy is to drop it:
/// TryDeliver returns false (the room removes it, disconnects it and tells the others).
/// </summary>
/// <remarks>
/// The queue is shared by every thread that delivers and by the writer thread: guard it with a lock, and let the writer
/// wait for work with <see cref="Monitor.Wait(object)"/> (woken by <see cref="Monitor.PulseAll"/>; a sender waiting for room in a full queue waits the same way). Write with lesson 05's
/// LineWriter (limit <see cref="ChatLimits.MaxOutgoingLineBytes"/>), passing a token that <see cref="Disconnect"/> can
/// cancel, so a write to a peer that never reads cannot hold the writer forever.
/// </remarks>
public sealed class MemberOutbox : IChatMember
{
    /// <summary>How long <see cref="TryDeliver"/> waits for room in a full queue before it calls the member too slow.
    /// A member who reads keeps freeing room, so a sender who floods the room is paced by the readers; a member who does
    /// not read costs the sender this long, once.</summary>
    public static TimeSpan RoomWait { get; } = TimeSpan.FromMilliseconds(250);

    /// <summary>How long the writer may take, after <see cref="Disconnect"/>, to send the lines still queued.</summary>
    public static TimeSpan DrainTimeout { get; } = TimeSpan.FromSeconds(2);

    /// <summary>Starts the writer thread for <paramref name="socket"/>, a connected TCP socket this member will close.</summary>
    /// <param name="socket">The connection to write to.</param>
    /// <param name="capacity">How many lines may wait in the queue.</param>
    public MemberOutbox(Socket socket, int capacity = ChatLimits.DefaultOutboxLines)
    {
        throw new NotImplementedException(
            "Step 3: a bounded queue under a lock and a writer thread that empties it. See notebooks/06-chat-room.ipynb, step 3.");
    }

    /// <summary>How many lines the queue holds at most.</summary>
    public int Capacity =>
        throw new NotImplementedException("Step 3: a bounded queue under a lock and a writer thread that empties it. See notebooks/06-chat-room.ipynb, step 3.");

    /// <summary>Whether a line was ever refused because the queue stayed full.</summary>
    public bool Overflowed =>
        throw new NotImplementedException("Step 3: a bounded queue under a lock and a writer thread that empties it. See notebooks/06-chat-room.ipynb, step 3.");

    /// <summary>
    /// Queues <paramref name="line"/> for the writer thread; never touches the socket. When the queue holds
    /// <see cref="Capacity"/> lines it waits up to <see cref="RoomWait"/> for the writer to make room.
    /// </summary>
    /// <returns>False when the queue stayed full (the member is too slow; nothing is queued) or after
    /// <see cref="Disconnect"/>. True otherwise, also when the connection has failed (the line is thrown away: the
    /// member's session finds the connection ended and leaves, which is not being too slow).</returns>
    public bool TryDeliver(string line)
    {
        throw new NotImplementedException(
            "Step 3: a bounded queue under a lock and a writer thread that empties it. See notebooks/06-chat-room.ipynb, step 3.");
    }

    /// <summary>
    /// Takes no more lines. The writer sends what is queued (for at most <see cref="DrainTimeout"/>), then shuts the
    /// connection down and closes the socket. After an overflow there is no point in waiting for a peer that does not
    /// read: the queued lines are thrown away and the connection is closed at once. Returns without waiting.
    /// </summary>
    public void Disconnect()
    {
        throw new NotImplementedException(
            "Step 3: a bounded queue under a lock and a writer thread that empties it. See notebooks/06-chat-room.ipynb, step 3.");
    }

    /// <summary>Waits until the writer thread has closed the connection, at most <paramref name="timeout"/>.</summary>
    /// <returns>True when it had.</returns>
    public bool WaitClosed(TimeSpan timeout)
    {
        throw new NotImplementedException(
            "Step 3: a bounded queue under a lock and a writer thread that empties it. See notebooks/06-chat-room.ipynb, step 3.");
    }
}
