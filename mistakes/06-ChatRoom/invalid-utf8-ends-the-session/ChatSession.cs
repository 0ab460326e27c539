using System.Net.Sockets;
using SocketCourse.Framing;

namespace SocketCourse.ChatRoom;

/// <summary>
/// Step 2: one connection's conversation, run on that connection's own thread. It reads lines with lesson 05's
/// <see cref="LineReader"/> (limit <see cref="ChatLimits.MaxLineBytes"/>) and hands each to
/// <see cref="ChatCommands.Handle"/>; everything it sends goes through the connection's <see cref="IChatMember"/>,
/// never straight to the socket, so its lines and the lines other threads deliver to it never interleave.
/// </summary>
public sealed class ChatSession
{
    private readonly Room _room;
    private readonly Socket _socket;
    private readonly IChatMember _member;

    /// <summary>A session for the client at the other end of <paramref name="socket"/>.</summary>
    /// <param name="room">The room the client joins.</param>
    /// <param name="socket">The connected socket, read by this session only.</param>
    /// <param name="member">The member that writes to the same connection (and closes it on Disconnect).</param>
    public ChatSession(Room room, Socket socket, IChatMember member)
    {
        _room = room ?? throw new ArgumentNullException(nameof(room));
        _socket = socket ?? throw new ArgumentNullException(nameof(socket));
        _member = member ?? throw new ArgumentNullException(nameof(member));
    }

    /// <summary>
    /// Runs the conversation and returns when it is over. It delivers <see cref="ChatLines.Greeting"/>, then reads line
    /// after line until <c>/quit</c>, end of stream, or a connection error (a reset, or the socket closed under it);
    /// none of those is an error of the session's, so Run does not throw for them. A line that is not valid UTF-8 gets
    /// <see cref="ChatLines.NotUtf8"/> and reading goes on; a line over the limit gets <see cref="ChatLines.LineTooLong"/>
    /// and ends the conversation (the rest of that line is never read, so the next one cannot be found). Whichever way
    /// it ends, the member leaves the room (the others get <see cref="ChatLines.Left"/> if it had joined) and is
    /// disconnected, in that order.
    /// </summary>
    public void Run()
    {
        var reader = new LineReader(_socket, ChatLimits.MaxLineBytes);
        try
        {
            _member.TryDeliver(ChatLines.Greeting);
            while (true)
            {
                string? line;
                try
                {
                    // LineReader is asynchronous; this thread belongs to this one connection, so it simply waits.
                    line = reader.ReadLineAsync().AsTask().GetAwaiter().GetResult();
                }
                catch (InvalidDataException)
                {
                    _member.TryDeliver(ChatLines.NotUtf8);
                    return;
                }
                catch (LineTooLongException)
                {
                    _member.TryDeliver(ChatLines.LineTooLong);
                    return;
                }
                if (line is null) return; // end of stream: the client closed
                if (ChatCommands.Handle(_room, _member, line) == LineOutcome.Quit) return;
            }
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
        {
            // A reset, a line cut off by the end of the stream, or the socket closed by Disconnect or Stop: the
            // conversation is over either way.
        }
        finally
        {
            _room.Leave(_member);  // first leave (the others are told), then disconnect: a member still in the room
            _member.Disconnect(); // that refuses lines would be announced as "too slow"
        }
    }
}
