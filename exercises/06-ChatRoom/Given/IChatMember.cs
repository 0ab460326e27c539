// Given: a type you use but do not write. The solution compiles this very file, so leave it as it is.

namespace SocketCourse.ChatRoom;

/// <summary>
/// One member of a <see cref="Room"/>, as the room sees it: something that lines can be handed to. The room
/// does not know whether a member is a TCP connection, a WebSocket, or a test's list: it only delivers lines and,
/// when it must, disconnects. Lessons 07 and 08 write members of their own against this same interface.
/// </summary>
/// <remarks>
/// Many threads call a member at once (every other member's session broadcasts to it), so both methods are
/// thread-safe, and neither may wait on the network: a room that waits for one member's peer makes every sender wait.
/// </remarks>
public interface IChatMember
{
    /// <summary>
    /// Hands one line (without its line end) to the member for sending, and returns without waiting for the network.
    /// A member may make the caller wait a short, bounded moment when its outbox is full (so that a member flooding the
    /// room is paced by the members who read), but never for as long as a peer chooses not to read. Lines handed over
    /// by one thread are sent in that order.
    /// </summary>
    /// <param name="line">The line, without a line end.</param>
    /// <returns>True when the line was taken; false when the member cannot take it: its outbox is full (it reads too
    /// slowly) or it has been disconnected. The room drops a member that returns false.</returns>
    bool TryDeliver(string line);

    /// <summary>
    /// Ends the member's connection without waiting for it: after this, <see cref="TryDeliver"/> returns false. Lines
    /// already taken are still sent if the peer reads them (a member whose outbox overflowed is cut off at once instead).
    /// Calling it again does nothing.
    /// </summary>
    void Disconnect();
}
