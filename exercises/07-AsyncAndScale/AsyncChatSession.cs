using System.Net.Sockets;
using SocketCourse.ChatRoom;
using SocketCourse.Framing;

namespace SocketCourse.AsyncAndScale;

/// <summary>
/// Step 2: one member's reader task. It greets the client, reads its lines with lesson 05's <see cref="LineReader"/>,
/// and hands each to lesson 06's <see cref="ChatCommands.Handle"/>; replies and broadcasts go out through the members'
/// outboxes, never from here.
/// </summary>
public static class AsyncChatSession
{
    /// <summary>
    /// Runs one connection's conversation and returns when it is over. First <see cref="ChatLines.Greeting"/> goes to
    /// <paramref name="member"/>; then every line is read (awaited, holding no thread) with the limit
    /// <see cref="ChatLimits.MaxLineBytes"/> and handled with <see cref="ChatCommands.Handle"/>. A line that is not UTF-8
    /// gets <see cref="ChatLines.NotUtf8"/> and reading goes on; a line over the limit gets <see cref="ChatLines.LineTooLong"/>
    /// and ends the conversation, as do <c>/quit</c>, the end of the stream, a reset, a closed socket and
    /// <paramref name="cancellationToken"/>. However it ends, the member leaves the room first (so the others are told)
    /// and is then disconnected. It never throws for any of those endings.
    /// </summary>
    /// <param name="room">The room the member joins.</param>
    /// <param name="socket">The member's connection, read here; the member's outbox writes to it and closes it.</param>
    /// <param name="member">The member (its outbox).</param>
    /// <param name="cancellationToken">Cancelled when the server stops.</param>
    public static Task RunAsync(Room room, Socket socket, IChatMember member, CancellationToken cancellationToken)
    {
        throw new NotImplementedException(
            "Step 2: greet, then await LineReader.ReadLineAsync in a loop and hand each line to ChatCommands.Handle; in a finally, Leave then Disconnect. See notebooks/07-async-and-scale.ipynb, step 2.");
    }
}
