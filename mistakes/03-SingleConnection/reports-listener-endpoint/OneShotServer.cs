using System.Net;
using System.Net.Sockets;
using System.Text;

namespace SocketCourse.SingleConnection;

/// <summary>Step 3: the seed's case one server, made robust — accept one client, read, reply, close.</summary>
public static class OneShotServer
{
    /// <summary>
    /// Accepts one client on <paramref name="listener"/>, reads its whole message (the client half-closes
    /// when done, so read to end of stream), decodes it as UTF-8, sends back <paramref name="reply"/>'s answer
    /// encoded as UTF-8, and closes the connection. The listener stays open.
    /// </summary>
    /// <param name="listener">A listening socket, e.g. from <see cref="ListeningSocket.Open"/>.</param>
    /// <param name="reply">Computes the reply from the received message.</param>
    /// <param name="maxMessageBytes">The largest message accepted.</param>
    /// <param name="cancellationToken">Stops waiting for a client or for its message.</param>
    /// <returns>Who connected, what they sent, and what they were sent back.</returns>
    /// <exception cref="InvalidDataException">The message was too large or not valid UTF-8; the connection is closed.</exception>
    public static async Task<Exchange> ServeOnceAsync(
        Socket listener,
        Func<string, string> reply,
        int maxMessageBytes = ByteStream.DefaultMaxBytes,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(listener);
        ArgumentNullException.ThrowIfNull(reply);
        using var connection = await listener.AcceptAsync(cancellationToken);
        var client = (IPEndPoint)listener.LocalEndPoint!;
        var message = await ByteStream.ReadTextToEndAsync(connection, maxMessageBytes, cancellationToken);
        var answer = reply(message);
        await ByteStream.SendAllAsync(connection, Encoding.UTF8.GetBytes(answer), cancellationToken);
        return new Exchange(client, message, answer);
    }
}
