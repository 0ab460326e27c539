using System.Net;
using System.Net.Sockets;

namespace SocketCourse.Testing;

/// <summary>
/// A grader's listening socket on 127.0.0.1, port 0: the system picks a free port, so graders run
/// in parallel without conflicts. Accepts have deadlines.
/// </summary>
public sealed class LoopbackListener : IDisposable
{
    private readonly Socket _socket;

    private LoopbackListener(Socket socket) => _socket = socket;

    /// <summary>Binds 127.0.0.1:0 and listens.</summary>
    public static LoopbackListener Start(int backlog = 16)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(Loopback.AnyPort);
        socket.Listen(backlog);
        return new LoopbackListener(socket);
    }

    /// <summary>Binds [::1]:0 (IPv6 loopback) and listens: a client must create an IPv6 socket to reach it.</summary>
    public static LoopbackListener StartIPv6(int backlog = 16)
    {
        var socket = new Socket(AddressFamily.InterNetworkV6, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.IPv6Loopback, 0));
        socket.Listen(backlog);
        return new LoopbackListener(socket);
    }

    /// <summary>
    /// Binds 127.0.0.1:0 with ReuseAddress set, and listens: the port is held, but by a socket that allows sharing.
    /// A server that sets ReuseAddress itself could then bind the same port (on Linux and macOS .NET sets SO_REUSEPORT
    /// with it; on Windows SO_REUSEADDR alone lets a socket take a port another one holds).
    /// </summary>
    public static LoopbackListener StartShareable(int backlog = 16)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        socket.Bind(Loopback.AnyPort);
        socket.Listen(backlog);
        return new LoopbackListener(socket);
    }

    /// <summary>The address and real port this listener is bound to.</summary>
    public IPEndPoint EndPoint => (IPEndPoint)_socket.LocalEndPoint!;

    /// <summary>Accepts one connection within the deadline, naming what was awaited if none comes.</summary>
    public async Task<LoopbackPeer> AcceptAsync(string awaited = "the client to connect", TimeSpan? timeout = null, string name = "the grader's server")
    {
        var limit = timeout ?? Deadlines.Default;
        using var cts = new CancellationTokenSource(limit);
        try
        {
            return new LoopbackPeer(await _socket.AcceptAsync(cts.Token), name);
        }
        catch (OperationCanceledException)
        {
            throw Deadlines.TimedOut(limit, awaited, $"Nothing connected to {EndPoint}. Did the code under test call Connect with this address and port?");
        }
    }

    /// <inheritdoc />
    public void Dispose() => _socket.Dispose();
}
