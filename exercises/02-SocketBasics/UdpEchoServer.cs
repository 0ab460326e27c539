using System.Net;
using System.Net.Sockets;

namespace SocketCourse.SocketBasics;

/// <summary>
/// Step 2: a UDP echo server. Each datagram that arrives is sent back, unchanged and on its own, to the
/// address it came from. There are no connections: one socket talks to every client.
/// </summary>
public sealed class UdpEchoServer : IAsyncDisposable
{
    // Suggested state: the bound Socket, the size limit, a CancellationTokenSource to stop with,
    // the Task of the receive loop, and a counter of oversized datagrams (use Interlocked).
    private UdpEchoServer()
    {
    }

    /// <summary>
    /// Creates a UDP socket for <paramref name="endpoint"/>'s family, binds it to <paramref name="endpoint"/>
    /// and starts echoing in the background: receive a datagram and its sender's address, send the same bytes
    /// back to that address, repeat until stopped. An empty (0-byte) datagram is echoed like any other: UDP has
    /// no end of stream. A failure to reach one sender does not stop the server.
    /// </summary>
    /// <param name="endpoint">Where to listen, e.g. 127.0.0.1:9997; port 0 lets the system choose (see <see cref="EndPoint"/>).</param>
    /// <param name="maxDatagramBytes">The largest datagram echoed, from 0 to <see cref="UdpLimits.MaxPayload"/>.
    /// A larger one is dropped, not echoed cut short, and counted in <see cref="OversizedDatagrams"/>.</param>
    /// <returns>The running server; dispose it to stop.</returns>
    /// <exception cref="SocketException">The port is in use or the address cannot be bound; nothing is left open.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxDatagramBytes"/> is out of range.</exception>
    public static UdpEchoServer Start(IPEndPoint endpoint, int maxDatagramBytes = UdpLimits.MaxPayload)
    {
        throw new NotImplementedException(
            "Step 2: bind a UDP socket, then loop ReceiveFrom → SendTo in the background. See notebooks/02-socket-basics.ipynb, step 2.");
    }

    /// <summary>The address and real port the server is bound to.</summary>
    public IPEndPoint EndPoint =>
        throw new NotImplementedException("Step 2: the socket's LocalEndPoint after Bind. See notebooks/02-socket-basics.ipynb, step 2.");

    /// <summary>How many datagrams were larger than the limit and therefore dropped instead of echoed.</summary>
    public int OversizedDatagrams =>
        throw new NotImplementedException("Step 2: count the datagrams too large to echo. See notebooks/02-socket-basics.ipynb, step 2.");

    /// <summary>Stops the server: closes its socket, which frees the port, and waits for the receive loop to end.
    /// Calling it again does nothing.</summary>
    public ValueTask DisposeAsync()
    {
        throw new NotImplementedException(
            "Step 2: cancel the loop, close the socket, await the loop. See notebooks/02-socket-basics.ipynb, step 2.");
    }
}
