using System.Net;
using System.Net.Sockets;

namespace SocketCourse.ChatRoom;

/// <summary>
/// Step 2: the chat server, a thread per connection (lesson 04's design) around a shared <see cref="Room"/>. An
/// accept thread takes connections; each gets a member (by default a <see cref="MemberOutbox"/>, step 3) and a
/// <see cref="ChatSession"/> on a dedicated thread.
/// </summary>
/// <remarks>
/// As in lesson 04, the accept thread, the session threads and whoever calls <see cref="Stop"/> share the set of
/// sessions: guard it (and a "stopping" flag) with one lock.
/// </remarks>
public sealed class ChatServer : IDisposable
{
    /// <summary>How long <see cref="Stop"/> waits for its threads unless told otherwise.</summary>
    public static TimeSpan DefaultStopTimeout { get; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// A server for <paramref name="endpoint"/> (not yet listening: see <see cref="Start"/>).
    /// </summary>
    /// <param name="endpoint">Where to listen, e.g. 127.0.0.1:9996; port 0 lets the system choose.</param>
    /// <param name="room">The room its clients join; by default a new one of its own. Pass a room to share it with
    /// other servers (lesson 08's browser members join the same room).</param>
    /// <param name="newMember">Makes the member that writes to a new connection; by default a
    /// <see cref="MemberOutbox"/> of <see cref="ChatLimits.DefaultOutboxLines"/> lines.</param>
    public ChatServer(IPEndPoint endpoint, Room? room = null, Func<Socket, IChatMember>? newMember = null)
    {
        throw new NotImplementedException(
            "Step 2: an accept thread and a thread per connection running a ChatSession. See notebooks/06-chat-room.ipynb, step 2.");
    }

    /// <summary>The room this server's clients join.</summary>
    public Room Room =>
        throw new NotImplementedException("Step 2: an accept thread and a thread per connection running a ChatSession. See notebooks/06-chat-room.ipynb, step 2.");

    /// <summary>Where the server listens: after <see cref="Start"/>, the real port (when port 0 was asked for).</summary>
    public IPEndPoint EndPoint =>
        throw new NotImplementedException("Step 2: an accept thread and a thread per connection running a ChatSession. See notebooks/06-chat-room.ipynb, step 2.");

    /// <summary>How many connections are being served (nickname given or not): accepted, and their session not over.</summary>
    public int Sessions =>
        throw new NotImplementedException("Step 2: an accept thread and a thread per connection running a ChatSession. See notebooks/06-chat-room.ipynb, step 2.");

    /// <summary>
    /// Binds, listens and starts the accept thread, then returns at once. Each connection gets a member from the
    /// factory and a <see cref="ChatSession"/> on a new dedicated thread; when the session ends, the server forgets it.
    /// </summary>
    /// <exception cref="SocketException">The address is in use or cannot be bound; nothing is left open.</exception>
    /// <exception cref="InvalidOperationException">Started already.</exception>
    public void Start()
    {
        throw new NotImplementedException(
            "Step 2: an accept thread and a thread per connection running a ChatSession. See notebooks/06-chat-room.ipynb, step 2.");
    }

    /// <summary>
    /// Stops the server: closes the listener (the port is free at once), and tells every connection, nickname given
    /// or not, <see cref="ChatLines.ShuttingDown"/> before disconnecting it. A room the server made itself is closed
    /// (<see cref="Room.Close"/>); a shared room only loses this server's members. Then it waits for every session
    /// thread; a session still running when half the time is gone has its socket closed under it. Calling it again
    /// does nothing more.
    /// </summary>
    /// <param name="timeout">How long to wait in all; default <see cref="DefaultStopTimeout"/>.</param>
    /// <returns>True when every session ended in time.</returns>
    public bool Stop(TimeSpan? timeout = null)
    {
        throw new NotImplementedException(
            "Step 2: close the listener, tell every connection the server is shutting down, disconnect, join the threads. See notebooks/06-chat-room.ipynb, step 2.");
    }

    /// <summary>Stops the server (see <see cref="Stop"/>).</summary>
    public void Dispose() => Stop();
}
