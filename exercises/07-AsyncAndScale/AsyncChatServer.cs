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
    private AsyncChatServer()
    {
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
        throw new NotImplementedException(
            "Step 2: bind, Listen(), and an accept loop that gives each client a ChannelOutbox and an AsyncChatSession task. See notebooks/07-async-and-scale.ipynb, step 2.");
    }

    /// <summary>The address and port the server is bound to.</summary>
    public IPEndPoint EndPoint =>
        throw new NotImplementedException("Step 2: the listener's LocalEndPoint. See notebooks/07-async-and-scale.ipynb, step 2.");

    /// <summary>The room its members join.</summary>
    public Room Room =>
        throw new NotImplementedException("Step 2: the room given to Start, or one of the server's own. See notebooks/07-async-and-scale.ipynb, step 2.");

    /// <summary>How many connections the server is serving now (nickname given or not).</summary>
    public int ConnectionCount =>
        throw new NotImplementedException("Step 2: how many members' tasks are running. See notebooks/07-async-and-scale.ipynb, step 2.");

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
        throw new NotImplementedException(
            "Step 2: close the listener, tell and disconnect every member (Room.Close for an own room), await every reader and writer task. See notebooks/07-async-and-scale.ipynb, step 2.");
    }

    /// <summary>Stops the server (see <see cref="StopAsync"/>).</summary>
    public async ValueTask DisposeAsync() => await StopAsync();
}
