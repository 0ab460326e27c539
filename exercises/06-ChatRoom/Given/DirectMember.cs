// Given: a type you use but do not write. The solution compiles this very file, so leave it as it is.

using System.Net.Sockets;
using SocketCourse.Framing;

namespace SocketCourse.ChatRoom;

/// <summary>
/// The simplest member there is: it writes each line to its socket at once, on the thread that delivers it. Step 2's
/// graders give your server this member, so the protocol can be graded before step 3. It has the flaw step 3 is
/// about: a peer that stops reading fills its TCP buffers, and then <see cref="TryDeliver"/> waits, holding up
/// whichever member's thread was broadcasting. <see cref="MemberOutbox"/> is the cure.
/// </summary>
/// <remarks>It owns the socket's end: <see cref="Disconnect"/> shuts it down and closes it.</remarks>
public sealed class DirectMember : IChatMember
{
    private readonly Socket _socket;
    private readonly LineWriter _writer;
    private readonly Lock _sending = new(); // one line at a time on the wire, whoever delivers it
    private int _disconnected;

    /// <summary>Writes to <paramref name="socket"/>, a connected TCP socket; closes it on <see cref="Disconnect"/>.</summary>
    public DirectMember(Socket socket)
    {
        _socket = socket ?? throw new ArgumentNullException(nameof(socket));
        _writer = new LineWriter(socket, ChatLimits.MaxOutgoingLineBytes);
    }

    /// <summary>Writes the line now, on the caller's thread; blocks while the peer's buffers are full.</summary>
    /// <returns>False once disconnected; true otherwise (a line a broken connection cannot take is dropped: the
    /// session's read loop finds out the connection ended and leaves the room).</returns>
    public bool TryDeliver(string line)
    {
        lock (_sending)
        {
            if (Volatile.Read(ref _disconnected) != 0) return false;
            try
            {
                _writer.WriteLineAsync(line).GetAwaiter().GetResult();
            }
            catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException)
            {
                // The connection is gone; the reading side will notice and leave.
            }
            return true;
        }
    }

    /// <summary>Shuts the connection down (the peer reads what was sent, then end of stream) and closes the socket.</summary>
    public void Disconnect()
    {
        if (Interlocked.Exchange(ref _disconnected, 1) != 0) return;
        try
        {
            _socket.Shutdown(SocketShutdown.Both);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // Already reset or closed.
        }
        _socket.Dispose();
    }
}
