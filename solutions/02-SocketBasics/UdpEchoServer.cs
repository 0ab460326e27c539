using System.Net;
using System.Net.Sockets;

namespace SocketCourse.SocketBasics;

/// <summary>
/// Step 2: a UDP echo server. Each datagram that arrives is sent back, unchanged and on its own, to the
/// address it came from. There are no connections: one socket talks to every client.
/// </summary>
public sealed class UdpEchoServer : IAsyncDisposable
{
    private readonly Socket _socket;
    private readonly int _maxDatagramBytes;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _serving;
    private int _oversized;
    private int _disposed;

    private UdpEchoServer(Socket socket, int maxDatagramBytes)
    {
        _socket = socket;
        _maxDatagramBytes = maxDatagramBytes;
        EndPoint = (IPEndPoint)socket.LocalEndPoint!;
        _serving = Task.Run(ServeAsync);
    }

    /// <summary>
    /// Creates a UDP socket for <paramref name="endpoint"/>'s family, binds it to <paramref name="endpoint"/>
    /// and starts echoing in the background.
    /// </summary>
    /// <param name="endpoint">Where to listen, e.g. 127.0.0.1:9997; port 0 lets the system choose (see <see cref="EndPoint"/>).</param>
    /// <param name="maxDatagramBytes">The largest datagram echoed, from 0 to <see cref="UdpLimits.MaxPayload"/>.
    /// A larger one is dropped, not echoed cut short, and counted in <see cref="OversizedDatagrams"/>.</param>
    /// <returns>The running server; dispose it to stop.</returns>
    /// <exception cref="SocketException">The port is in use or the address cannot be bound; nothing is left open.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxDatagramBytes"/> is out of range.</exception>
    public static UdpEchoServer Start(IPEndPoint endpoint, int maxDatagramBytes = UdpLimits.MaxPayload)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentOutOfRangeException.ThrowIfNegative(maxDatagramBytes);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxDatagramBytes, UdpLimits.MaxPayload);
        var socket = new Socket(endpoint.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            socket.Bind(endpoint);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
        return new UdpEchoServer(socket, maxDatagramBytes);
    }

    /// <summary>The address and real port the server is bound to.</summary>
    public IPEndPoint EndPoint { get; }

    /// <summary>How many datagrams were larger than the limit and therefore dropped instead of echoed.</summary>
    public int OversizedDatagrams => Volatile.Read(ref _oversized);

    private async Task ServeAsync()
    {
        // One spare byte: a datagram that fills it was larger than the limit. (On Linux the system silently
        // cuts a datagram to the buffer's size; on Windows the receive fails with MessageSize.)
        var buffer = new byte[_maxDatagramBytes + 1];
        EndPoint anySender = new IPEndPoint(EndPoint.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0);
        while (!_stop.IsCancellationRequested)
        {
            SocketReceiveFromResult datagram;
            try
            {
                datagram = await _socket.ReceiveFromAsync(buffer, SocketFlags.None, anySender, _stop.Token);
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (SocketException e) when (e.SocketErrorCode == SocketError.MessageSize)
            {
                Interlocked.Increment(ref _oversized);
                continue;
            }
            catch (SocketException e) when (e.SocketErrorCode == SocketError.ConnectionReset)
            {
                // Windows reports "port unreachable" for an earlier reply here; it says nothing about the next client.
                continue;
            }

            // 0 bytes is a datagram too (an empty one), not the end of anything: UDP has no end of stream.
            if (datagram.ReceivedBytes > _maxDatagramBytes)
            {
                Interlocked.Increment(ref _oversized);
                continue;
            }
            try
            {
                await _socket.SendToAsync(buffer.AsMemory(0, datagram.ReceivedBytes), SocketFlags.None, datagram.RemoteEndPoint, _stop.Token);
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (SocketException)
            {
                // That sender cannot be reached; the next one may be.
            }
        }
    }

    /// <summary>Stops the server: closes its socket, which frees the port, and waits for the receive loop to end.
    /// Calling it again does nothing.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        _stop.Cancel();
        _socket.Dispose();
        await _serving;
        _stop.Dispose();
    }
}
