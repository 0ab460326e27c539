using System.Net.Sockets;

namespace SocketCourse.SocketBasics;

/// <summary>
/// Step 3: an echo server on a Unix-domain stream socket (AF_UNIX). Its address is a path in the file
/// system instead of an IP address and port; only processes on this machine can reach it. Each client
/// sends a message and half-closes; the server sends the same bytes back and closes.
/// </summary>
public sealed class UnixEchoServer : IAsyncDisposable
{
    /// <summary>The default size limit of one client's message: 64 KiB.</summary>
    public const int DefaultMaxMessageBytes = 64 * 1024;

    // Suggested state: the listening Socket, the path, the size limit, a CancellationTokenSource to stop
    // with, the accept loop's Task and the Tasks of the clients being served.
    private UnixEchoServer()
    {
    }

    /// <summary>
    /// Binds a Unix-domain stream socket to <paramref name="path"/> (which creates a socket file there),
    /// listens, and serves clients in the background, each one independently: read the client's message to
    /// end of stream (within the size limit), send the same bytes back, close.
    /// If a file already exists at <paramref name="path"/>: when a server answers there, the path is taken; when
    /// nobody answers and the file is a socket file (<see cref="SocketFiles.IsSocketFile"/>), it was left behind by
    /// a server that did not clean up, and it is deleted and replaced; any other file (a regular file, even an empty
    /// one) is never touched. To read and send whole messages, <see cref="StreamLoops"/> has the two loops.
    /// </summary>
    /// <param name="path">The socket file's path. Keep it short: Linux allows about 107 bytes.</param>
    /// <param name="maxMessageBytes">The largest message accepted from one client; a client that sends more is
    /// disconnected without a reply, and the server goes on serving the others.</param>
    /// <returns>The running server; dispose it to stop.</returns>
    /// <exception cref="IOException">A server is already listening at <paramref name="path"/>, or the file there is
    /// not a socket file; the file is left untouched. The message names the path.</exception>
    /// <exception cref="SocketException">The path cannot be bound (e.g. its folder does not exist); nothing is left open.</exception>
    public static UnixEchoServer Start(string path, int maxMessageBytes = DefaultMaxMessageBytes)
    {
        throw new NotImplementedException(
            "Step 3: clear a leftover socket file (SocketFiles.IsSocketFile), Bind(new UnixDomainSocketEndPoint(path)), Listen, " +
            "accept in the background; StreamLoops has the read and send loops. " +
            "See notebooks/02-socket-basics.ipynb, step 3.");
    }

    /// <summary>The path of the socket file the server listens on.</summary>
    public string Path =>
        throw new NotImplementedException("Step 3: the path given to Start. See notebooks/02-socket-basics.ipynb, step 3.");

    /// <summary>
    /// Stops the server: stops accepting, closes every connection (a silent client's too) and the listening socket, and
    /// deletes the socket file, so the path is free for the next server. All of it is done when the returned task
    /// completes. Calling it again does nothing.
    /// </summary>
    public ValueTask DisposeAsync()
    {
        throw new NotImplementedException(
            "Step 3: cancel, close the listener, await the loops, delete the socket file. See notebooks/02-socket-basics.ipynb, step 3.");
    }
}
