using System.Net;
using System.Net.Sockets;

namespace SocketCourse.SingleConnection;

/// <summary>Step 1: the server's first three calls — create, bind, listen.</summary>
public static class ListeningSocket
{
    /// <summary>
    /// Creates a TCP socket for <paramref name="endpoint"/>'s address family (IPv4 or IPv6), binds it to
    /// <paramref name="endpoint"/> and starts listening, so clients can connect and wait in the backlog
    /// until they are accepted.
    /// </summary>
    /// <param name="endpoint">Where to listen. Port 0 lets the system choose a free port; read it back from
    /// <see cref="Socket.LocalEndPoint"/>.</param>
    /// <param name="backlog">A hint for the length of the queue of connections that completed the handshake and wait
    /// for Accept. The system may round it or cap it (Linux caps it at <c>net.core.somaxconn</c>). When the queue is
    /// full, Linux and macOS drop new SYNs, so those clients' Connect waits and retries; Windows refuses them.</param>
    /// <returns>A bound, listening socket. The caller owns it and disposes it.</returns>
    /// <exception cref="SocketException">The address is in use or cannot be bound; nothing is left open.</exception>
    public static Socket Open(IPEndPoint endpoint, int backlog = 8)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var socket = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            socket.Bind(new IPEndPoint(IPAddress.Any, endpoint.Port));
            socket.Listen(backlog);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
