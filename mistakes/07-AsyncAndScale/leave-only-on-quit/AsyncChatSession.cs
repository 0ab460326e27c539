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
    public static async Task RunAsync(Room room, Socket socket, IChatMember member, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(room);
        ArgumentNullException.ThrowIfNull(socket);
        ArgumentNullException.ThrowIfNull(member);
        try
        {
            await using var stream = new NetworkStream(socket, ownsSocket: false);
            var reader = new LineReader(stream, ChatLimits.MaxLineBytes);
            member.TryDeliver(ChatLines.Greeting);
            while (true)
            {
                string? line;
                try
                {
                    line = await reader.ReadLineAsync(cancellationToken);
                }
                catch (InvalidDataException)
                {
                    member.TryDeliver(ChatLines.NotUtf8); // the bad line was consumed: read the next one
                    continue;
                }
                catch (LineTooLongException)
                {
                    member.TryDeliver(ChatLines.LineTooLong);
                    return;
                }
                if (line is null) return;
                if (ChatCommands.Handle(room, member, line) == LineOutcome.Quit)
                {
                    room.Leave(member);
                    member.Disconnect();
                    return;
                }
            }
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
        {
            // A reset, a line cut off by the end of the stream, a socket closed by the outbox, or the stop.
        }
        finally
        {
            member.Disconnect(); // close the connection; /quit has left the room already
        }
    }
}
