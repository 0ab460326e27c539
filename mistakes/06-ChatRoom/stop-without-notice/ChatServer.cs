using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace SocketCourse.ChatRoom;

/// <summary>
/// Step 2: the chat server, a thread per connection (lesson 04's design) around a shared <see cref="Room"/>. An
/// accept thread takes connections; each gets a member (by default a <see cref="MemberOutbox"/>, step 3) and a
/// <see cref="ChatSession"/> on a dedicated thread.
/// </summary>
public sealed class ChatServer : IDisposable
{
    /// <summary>How long <see cref="Stop"/> waits for its threads unless told otherwise.</summary>
    public static TimeSpan DefaultStopTimeout { get; } = TimeSpan.FromSeconds(5);

    private readonly IPEndPoint _requested;
    private readonly Func<Socket, IChatMember> _newMember;
    private readonly bool _ownsRoom;
    private readonly Lock _gate = new();
    private readonly Dictionary<Socket, (Thread Thread, IChatMember Member)> _sessions = [];
    private Socket? _listener;
    private Thread? _acceptThread;
    private bool _stopping;

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
        _requested = endpoint ?? throw new ArgumentNullException(nameof(endpoint));
        _ownsRoom = room is null;
        Room = room ?? new Room();
        _newMember = newMember ?? (socket => new MemberOutbox(socket));
        EndPoint = endpoint;
    }

    /// <summary>The room this server's clients join.</summary>
    public Room Room { get; }

    /// <summary>Where the server listens: after <see cref="Start"/>, the real port (when port 0 was asked for).</summary>
    public IPEndPoint EndPoint { get; private set; }

    /// <summary>How many connections are being served (nickname given or not): accepted, and their session not over.</summary>
    public int Sessions
    {
        get
        {
            lock (_gate) return _sessions.Count;
        }
    }

    /// <summary>
    /// Binds, listens and starts the accept thread, then returns at once. Each connection gets a member from the
    /// factory and a <see cref="ChatSession"/> on a new dedicated thread; when the session ends, the server forgets it.
    /// </summary>
    /// <exception cref="SocketException">The address is in use or cannot be bound; nothing is left open.</exception>
    /// <exception cref="InvalidOperationException">Started already.</exception>
    public void Start()
    {
        lock (_gate)
        {
            if (_listener is not null || _stopping) throw new InvalidOperationException("The server has been started already.");
            var listener = new Socket(_requested.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                listener.Bind(_requested);
                listener.Listen(backlog: 256);
            }
            catch
            {
                listener.Dispose();
                throw;
            }
            _listener = listener;
            EndPoint = (IPEndPoint)listener.LocalEndPoint!;
            _acceptThread = new Thread(() => AcceptLoop(listener)) { IsBackground = true, Name = "chat accept" };
            _acceptThread.Start();
        }
    }

    private void AcceptLoop(Socket listener)
    {
        while (true)
        {
            Socket client;
            try
            {
                client = listener.Accept();
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                lock (_gate)
                    if (_stopping) return;
                continue; // a client that gave up in the backlog: accept the next
            }
            Admit(client);
        }
    }

    private void Admit(Socket client)
    {
        client.NoDelay = true; // chat lines are small and should leave at once
        lock (_gate)
        {
            if (_stopping)
            {
                client.Dispose();
                return;
            }
            IChatMember member;
            try
            {
                member = _newMember(client);
            }
            catch (Exception)
            {
                client.Dispose(); // the factory failed for this client: turn it away, keep serving the others
                return;
            }
            var session = new ChatSession(Room, client, member);
            var thread = new Thread(() => Serve(client, session)) { IsBackground = true, Name = "chat session" };
            _sessions.Add(client, (thread, member));
            thread.Start();
        }
    }

    private void Serve(Socket client, ChatSession session)
    {
        try
        {
            session.Run();
        }
        catch (Exception)
        {
            // Run ends quietly on connection errors; anything else is a bug in one session, and must not end the process
            // (an exception escaping a thread would) nor the other sessions.
        }
        finally
        {
            lock (_gate) _sessions.Remove(client);
        }
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
        var limit = timeout ?? DefaultStopTimeout;
        var clock = Stopwatch.StartNew();
        KeyValuePair<Socket, (Thread Thread, IChatMember Member)>[] sessions;
        Thread? acceptThread;
        lock (_gate)
        {
            _stopping = true;
            sessions = [.. _sessions];
            acceptThread = _acceptThread;
        }
        _listener?.Dispose();
        if (acceptThread is not null && acceptThread != Thread.CurrentThread) acceptThread.Join(limit);

        foreach (var (_, (_, member)) in sessions)
        {
            Room.Leave(member); // a shared room: the others hear that this server's members left
            member.Disconnect();
        }

        var allEnded = true;
        foreach (var (socket, (thread, _)) in sessions)
        {
            var half = limit / 2 - clock.Elapsed;
            if (thread.Join(half > TimeSpan.Zero ? half : TimeSpan.Zero)) continue;
            socket.Dispose(); // a member that cannot drain its lines in time: cut the connection
            var rest = limit - clock.Elapsed;
            allEnded &= thread.Join(rest > TimeSpan.Zero ? rest : TimeSpan.Zero);
        }
        return allEnded;
    }

    /// <summary>Stops the server (see <see cref="Stop"/>).</summary>
    public void Dispose() => Stop();
}
