namespace SocketCourse.SocketBasics;

/// <summary>Step 3: the client side of the Unix-domain round trip.</summary>
public static class UnixEchoClient
{
    /// <summary>
    /// Connects to the Unix-domain stream socket at <paramref name="path"/>, sends <paramref name="message"/> as
    /// UTF-8, half-closes (Shutdown(Send): "that is all"), reads the reply to end of stream and returns it decoded
    /// from UTF-8.
    /// </summary>
    /// <param name="path">The server's socket file.</param>
    /// <param name="message">The message; may be empty.</param>
    /// <param name="maxReplyBytes">The largest reply accepted (not negative); a reply of exactly this size is returned.</param>
    /// <param name="cancellationToken">Stops the connect or the wait for the reply.</param>
    /// <returns>The server's reply.</returns>
    /// <exception cref="System.Net.Sockets.SocketException">Nothing is listening at <paramref name="path"/> (no file there, or a file nobody
    /// listens on), or the connection broke.</exception>
    /// <exception cref="InvalidDataException">The reply was too large or not valid UTF-8; the message says which, and names
    /// the limit.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxReplyBytes"/> is negative.</exception>
    public static Task<string> RoundTripAsync(
        string path,
        string message,
        int maxReplyBytes = UnixEchoServer.DefaultMaxMessageBytes,
        CancellationToken cancellationToken = default)
    {
        throw new NotImplementedException(
            "Step 3: connect to new UnixDomainSocketEndPoint(path), StreamLoops.SendAllAsync, Shutdown(Send), StreamLoops.ReadToEndAsync. " +
            "See notebooks/02-socket-basics.ipynb, step 3.");
    }
}
