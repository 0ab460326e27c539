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

    /// <summary>Creates the outbox and starts its writer task; the outbox owns <paramref name="socket"/> from now on and
    /// closes it when the writer ends.</summary>
    /// <param name="socket">The member's connected socket.</param>
    /// <param name="capacity">The most lines waiting at once; at least 1.</param>
    public ChannelOutbox(Socket socket, int capacity = ChatLimits.DefaultOutboxLines)
    {
        throw new NotImplementedException(
            "Step 2: Channel.CreateBounded, and start the writer task (Task.Run of a loop on WaitToReadAsync / TryRead). See notebooks/07-async-and-scale.ipynb, step 2.");
    }

    /// <summary>The most lines waiting at once.</summary>
    public int Capacity =>
        throw new NotImplementedException("Step 2: the capacity given to the constructor. See notebooks/07-async-and-scale.ipynb, step 2.");

    /// <summary>True once a line found the outbox full for longer than <see cref="RoomWait"/>.</summary>
    public bool Overflowed =>
        throw new NotImplementedException("Step 2: set once a line found the outbox full for longer than RoomWait. See notebooks/07-async-and-scale.ipynb, step 2.");

    /// <summary>Completes when the writer task has ended and the socket is closed.</summary>
    public Task Completion =>
        throw new NotImplementedException("Step 2: the writer task. See notebooks/07-async-and-scale.ipynb, step 2.");

    /// <summary>
    /// Queues <paramref name="line"/> for sending. Returns false, without queueing, when the member is disconnected or
    /// overflowed; when the outbox is full it waits at most <see cref="RoomWait"/> for room, then marks the member as
    /// overflowed and returns false. True when the line is queued (or when the connection has already failed: its
    /// session will notice and leave, it is not "too slow").
    /// </summary>
    /// <param name="line">The line, without a line end.</param>
    public bool TryDeliver(string line)
    {
        throw new NotImplementedException(
            "Step 2: TryWrite; when full, wait at most RoomWait (WaitToWriteAsync) for room, else mark overflowed and return false. See notebooks/07-async-and-scale.ipynb, step 2.");
    }

    /// <summary>
    /// Ends the member's connection; idempotent, never blocks. The writer sends what is queued (at most for
    /// <see cref="DrainTimeout"/>; at once nothing, for an overflowed member), shuts down its sending side and closes the
    /// socket, which also ends the session's read.
    /// </summary>
    public void Disconnect()
    {
        throw new NotImplementedException(
            "Step 2: complete the channel (TryComplete); cut the writer off at once if overflowed, else after DrainTimeout. See notebooks/07-async-and-scale.ipynb, step 2.");
    }

}
