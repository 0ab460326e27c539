using System.Net;
using System.Net.Sockets;
using System.Text;

namespace SocketCourse.SocketBasics.Tests;

/// <summary>
/// The grader's UDP socket, bound to 127.0.0.1 on a free port. Every receive has a deadline and a wait
/// that runs out fails naming what was awaited.
/// </summary>
internal sealed class UdpPeer : IDisposable
{
    private readonly Socket _socket;

    private UdpPeer(Socket socket, string name)
    {
        _socket = socket;
        Name = name;
    }

    /// <summary>How failure messages call this peer.</summary>
    public string Name { get; }

    /// <summary>This peer's address and real port.</summary>
    public IPEndPoint EndPoint => (IPEndPoint)_socket.LocalEndPoint!;

    /// <summary>Binds a UDP socket to 127.0.0.1:0.</summary>
    public static UdpPeer Open(string name = "the grader's UDP socket")
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(Loopback.AnyPort);
        return new UdpPeer(socket, name);
    }

    /// <summary>Sends one datagram.</summary>
    public async Task SendToAsync(ReadOnlyMemory<byte> data, EndPoint to)
    {
        using var cts = new CancellationTokenSource(Deadlines.Default);
        await _socket.SendToAsync(data, SocketFlags.None, to, cts.Token);
    }

    /// <summary>Sends one datagram holding <paramref name="text"/> as UTF-8.</summary>
    public Task SendToAsync(string text, EndPoint to) => SendToAsync(Encoding.UTF8.GetBytes(text), to);

    /// <summary>Receives one datagram (up to 64 KiB) and its sender within the deadline.</summary>
    public async Task<(byte[] Data, IPEndPoint From)> ReceiveFromAsync(string awaited, TimeSpan? timeout = null, string? hint = null)
    {
        var limit = timeout ?? Deadlines.Default;
        using var cts = new CancellationTokenSource(limit);
        var buffer = new byte[64 * 1024];
        try
        {
            var result = await _socket.ReceiveFromAsync(buffer, SocketFlags.None, new IPEndPoint(IPAddress.Any, 0), cts.Token);
            return (buffer.AsSpan(0, result.ReceivedBytes).ToArray(), (IPEndPoint)result.RemoteEndPoint);
        }
        catch (OperationCanceledException)
        {
            throw Deadlines.TimedOut(limit, awaited,
                $"No datagram arrived at {Name}. UDP has no connection to tell you why: the other side never sent, " +
                "sent to another address, or dropped it." + (hint is null ? "" : " " + hint));
        }
    }

    /// <summary>Receives one datagram within the deadline and returns its bytes.</summary>
    public async Task<byte[]> ReceiveAsync(string awaited, TimeSpan? timeout = null, string? hint = null) =>
        (await ReceiveFromAsync(awaited, timeout, hint)).Data;

    /// <inheritdoc />
    public void Dispose() => _socket.Dispose();
}
