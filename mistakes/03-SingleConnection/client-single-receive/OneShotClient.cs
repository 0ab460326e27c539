using System.Net;
using System.Net.Sockets;
using System.Text;

namespace SocketCourse.SingleConnection;

/// <summary>Step 4: the seed's case one client, made robust — connect, send all, half-close, read the whole reply.</summary>
public static class OneShotClient
{
    /// <summary>
    /// Connects to <paramref name="server"/>, sends <paramref name="message"/> as UTF-8, half-closes the
    /// connection (Shutdown(Send): "that is all I will send"), reads the reply to end of stream, closes,
    /// and returns the reply decoded from UTF-8.
    /// </summary>
    /// <param name="server">The server's address and port.</param>
    /// <param name="message">The message to send; may be empty.</param>
    /// <param name="maxReplyBytes">The largest reply accepted.</param>
    /// <param name="cancellationToken">Stops the connect or the wait for the reply.</param>
    /// <exception cref="SocketException">The connection was refused (nothing listening) or reset.</exception>
    /// <exception cref="InvalidDataException">The reply was too large or not valid UTF-8.</exception>
    public static async Task<string> ExchangeAsync(
        EndPoint server,
        string message,
        int maxReplyBytes = ByteStream.DefaultMaxBytes,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(server);
        ArgumentNullException.ThrowIfNull(message);
        using var socket = new Socket(server.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(server, cancellationToken);
        await ByteStream.SendAllAsync(socket, Encoding.UTF8.GetBytes(message), cancellationToken);
        socket.Shutdown(SocketShutdown.Send);
        var buffer = new byte[1024];
        var count = await socket.ReceiveAsync(buffer, SocketFlags.None, cancellationToken);
        return Encoding.UTF8.GetString(buffer, 0, count);
    }
}
