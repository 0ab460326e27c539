using System.Net;
using System.Net.Sockets;

namespace SocketCourse.SingleConnection.Tests;

/// <summary>Step 1: create, bind, listen.</summary>
[Trait("Lesson", "03")]
[Trait("Step", "1")]
public sealed class Step1_ListeningSocketTests
{
    [Fact(DisplayName = "Port 0 is replaced by the real port the system chose")]
    public async Task Port_zero_is_replaced_by_the_real_port_the_system_chose()
    {
        using var listener = ListeningSocket.Open(new IPEndPoint(IPAddress.Loopback, 0));

        var bound = listener.LocalEndPoint as IPEndPoint
            ?? throw new GradingException("LocalEndPoint is null: the socket was never bound. Call Bind(endpoint) before Listen().");
        Assert.True(bound.Port != 0,
            "LocalEndPoint still says port 0. Binding to port 0 asks the system for a free port; after Bind, LocalEndPoint holds the real one.");
        Assert.True(IPAddress.Loopback.Equals(bound.Address),
            $"Asked to bind 127.0.0.1, the socket is bound to {bound.Address}. 127.0.0.1 (loopback) accepts connections from this " +
            "machine only; 0.0.0.0 (IPAddress.Any) accepts them from every network the machine is on. Bind the endpoint you were given.");

        using var client = await LoopbackPeer.ConnectAsync(bound);
        using var accepted = await listener.AcceptAsync().Within(Deadlines.Default, "Accept on the opened socket after a client connected");
    }

    [Fact(DisplayName = "The socket is a listening TCP stream socket")]
    public async Task The_socket_is_a_listening_TCP_stream_socket()
    {
        using var listener = ListeningSocket.Open(new IPEndPoint(IPAddress.Loopback, 0));

        Assert.Equal(SocketType.Stream, listener.SocketType);
        Assert.Equal(ProtocolType.Tcp, listener.ProtocolType);
        Assert.True(listener.IsBound, "The socket is not bound: Bind(endpoint) must come before Listen().");
        // Connecting succeeds only if Listen() ran: without it the system refuses the connection.
        using var client = await LoopbackPeer.ConnectAsync(listener.LocalEndPoint!, "a client connecting to the opened socket");
    }

    [Fact(DisplayName = "An IPv6 endpoint gets an IPv6 socket")]
    public async Task An_IPv6_endpoint_gets_an_IPv6_socket()
    {
        using var listener = ListeningSocket.Open(new IPEndPoint(IPAddress.IPv6Loopback, 0));

        Assert.True(listener.AddressFamily == AddressFamily.InterNetworkV6,
            $"The socket's family is {listener.AddressFamily}. Create the socket with endpoint.AddressFamily so [::1] gets an IPv6 socket (AF_INET6).");
        using var client = await LoopbackPeer.ConnectAsync(listener.LocalEndPoint!, "a client connecting over IPv6 loopback");
    }

    [Fact(DisplayName = "A port already in use is a clear error")]
    public void A_port_already_in_use_is_a_clear_error()
    {
        using var taken = LoopbackListener.Start();

        var error = Expect.Throws<SocketException>(() => ListeningSocket.Open(taken.EndPoint).Dispose(),
            "another socket is bound to that port already");
        Assert.True(error.SocketErrorCode == SocketError.AddressAlreadyInUse,
            $"Expected AddressAlreadyInUse when binding {taken.EndPoint}, which another socket holds; got {error.SocketErrorCode}.");
    }

    [Fact(DisplayName = "Clients wait in the backlog until accepted")]
    public async Task Clients_wait_in_the_backlog_until_accepted()
    {
        using var listener = ListeningSocket.Open(new IPEndPoint(IPAddress.Loopback, 0), backlog: 4);

        // Two clients connect before anyone calls Accept: Listen() queues them.
        using var first = await LoopbackPeer.ConnectAsync(listener.LocalEndPoint!, "the first client");
        using var second = await LoopbackPeer.ConnectAsync(listener.LocalEndPoint!, "the second client");
        using var a = await listener.AcceptAsync().Within(Deadlines.Default, "Accept of the first queued client");
        using var b = await listener.AcceptAsync().Within(Deadlines.Default, "Accept of the second queued client");
        Assert.Equal(first.LocalEndPoint, a.RemoteEndPoint);
        Assert.Equal(second.LocalEndPoint, b.RemoteEndPoint);
    }
}
