using System.Net.Sockets;
using System.Text;

namespace SocketCourse.SocketBasics;

/// <summary>Step 3: the client side of the Unix-domain round trip.</summary>
public static class UnixEchoClient
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

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
    /// <exception cref="SocketException">Nothing is listening at <paramref name="path"/> (no file there, or a file nobody
    /// listens on), or the connection broke.</exception>
    /// <exception cref="InvalidDataException">The reply was too large or not valid UTF-8; the message says which, and names
    /// the limit.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxReplyBytes"/> is negative.</exception>
    public static async Task<string> RoundTripAsync(
        string path,
        string message,
        int maxReplyBytes = UnixEchoServer.DefaultMaxMessageBytes,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(message);
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        await socket.ConnectAsync(new UnixDomainSocketEndPoint(path), cancellationToken);
        await StreamLoops.SendAllAsync(socket, Encoding.UTF8.GetBytes(message), cancellationToken);
        socket.Shutdown(SocketShutdown.Send);
        var reply = await StreamLoops.ReadToEndAsync(socket, UnixEchoServer.DefaultMaxMessageBytes, cancellationToken);
        try
        {
            return StrictUtf8.GetString(reply);
        }
        catch (DecoderFallbackException e)
        {
            throw new InvalidDataException("The reply is not valid UTF-8.", e);
        }
    }
}
