using System.Net;
using System.Net.Sockets;

namespace SocketCourse.Overview;

/// <summary>
/// Step 1: your first sockets (套接字). A server asks the system for a port and reads back the one it got; a client
/// knocks on a port and names the answer. Everything here stays on loopback (回环地址): 127.0.0.1 or ::1.
/// </summary>
public static class FirstSockets
{
    /// <summary>
    /// Opens a TCP server socket on <paramref name="address"/> and a port the system chooses: create a stream
    /// socket of the address's family (IPv4 or IPv6), <c>Bind</c> it to port 0 (which means "any free port,
    /// please"), and <c>Listen</c>. From then on clients can connect to the port the system picked.
    /// </summary>
    /// <param name="address">The local address to listen on, e.g. <see cref="IPAddress.Loopback"/> or <see cref="IPAddress.IPv6Loopback"/>.</param>
    /// <returns>The listening socket; the caller disposes it, which frees the port.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="address"/> is null.</exception>
    /// <exception cref="SocketException">The address cannot be bound (it is not one of this machine's addresses).</exception>
    public static Socket ListenOnAnyPort(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            socket.Bind(new IPEndPoint(address, 0));
            socket.Listen();
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The port a bound socket (TCP or UDP) holds: the one the system chose if it was bound to port 0. It is in
    /// the socket's <see cref="Socket.LocalEndPoint"/>.
    /// </summary>
    /// <param name="socket">A socket that has been bound (explicitly, or by connecting).</param>
    /// <returns>The local port, 1–65535.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="socket"/> is null.</exception>
    /// <exception cref="InvalidOperationException">The socket is not bound yet, so it has no port: the message says to
    /// bind (or connect) it first.</exception>
    public static int ChosenPort(Socket socket)
    {
        ArgumentNullException.ThrowIfNull(socket);
        return socket.LocalEndPoint is IPEndPoint local
            ? local.Port
            : throw new InvalidOperationException("The socket is not bound, so it has no port yet: Bind it (port 0 lets the system choose) or Connect it first.");
    }

    /// <summary>
    /// Tries to open a TCP connection to <paramref name="endpoint"/> and names the answer (see <see cref="ConnectOutcome"/>).
    /// A connection that is made is closed again at once: the probe only wants to know.
    /// </summary>
    /// <param name="endpoint">Where to connect, e.g. <c>127.0.0.1</c> and a port.</param>
    /// <param name="timeout">How long to wait for an answer; past it the outcome is <see cref="ConnectOutcome.TimedOut"/>.
    /// Allow a few seconds: Windows takes about 2 s to report a refused connection even on loopback.</param>
    /// <param name="cancellationToken">Stops the attempt early (then <see cref="OperationCanceledException"/>, not TimedOut).</param>
    /// <returns><see cref="ConnectOutcome.Accepted"/>, <see cref="ConnectOutcome.Refused"/> or <see cref="ConnectOutcome.TimedOut"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="endpoint"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timeout"/> is not positive.</exception>
    /// <exception cref="SocketException">Any other failure (e.g. no route to the address): it is rethrown, not named.</exception>
    public static async Task<ConnectOutcome> ProbeAsync(IPEndPoint endpoint, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeout, TimeSpan.Zero);
        using var socket = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await socket.ConnectAsync(endpoint, deadline.Token);
            return ConnectOutcome.Accepted; // disposing the socket closes the connection again
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.ConnectionRefused)
        {
            return ConnectOutcome.Refused;
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.TimedOut)
        {
            return ConnectOutcome.TimedOut; // the system's own connect timeout ran out before ours
        }
        catch (OperationCanceledException)
        {
            return ConnectOutcome.TimedOut;
        }
    }
}
