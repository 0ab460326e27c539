using System.Net;
using System.Net.Sockets;

namespace SocketCourse.Overview.Tests;

/// <summary>Step 1: a server gets a port from the system; a client knocks and names the answer. Real sockets, loopback only.</summary>
[Trait("Lesson", "01")]
[Trait("Step", "1")]
public sealed class Step1_FirstSocketsTests
{
    // Windows reports a refused loopback connect only after about 2 s; Linux and macOS at once (Deadlines.Refusal).
    private static readonly TimeSpan ProbeTimeout = Deadlines.Refusal;
    private static readonly TimeSpan ProbeDeadline = ProbeTimeout + TimeSpan.FromSeconds(2);

    [Theory(DisplayName = "ListenOnAnyPort gets a real port, one that clients can reach")]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    public async Task ListenOnAnyPort_gets_a_real_port_that_clients_can_reach(string address)
    {
        var ip = IPAddress.Parse(address);
        using var listener = FirstSockets.ListenOnAnyPort(ip);

        Assert.True(listener is not null, $"ListenOnAnyPort({address}) returned null.");
        Assert.True(listener.SocketType == SocketType.Stream && listener.ProtocolType == ProtocolType.Tcp,
            $"ListenOnAnyPort({address}) gave a {listener.SocketType}/{listener.ProtocolType} socket; a TCP server socket is SocketType.Stream with ProtocolType.Tcp.");
        Assert.True(listener.LocalEndPoint is IPEndPoint, $"ListenOnAnyPort({address}): the socket is not bound (LocalEndPoint is null). Bind(new IPEndPoint(address, 0)) first.");
        var local = (IPEndPoint)listener.LocalEndPoint!;
        Assert.True(local.Address.Equals(ip),
            $"ListenOnAnyPort({address}) bound {local.Address}; bind the address you were given, so only that interface is reached.");
        Assert.True(local.Port != 0,
            "LocalEndPoint still says port 0. Binding port 0 means 'any free port': after Bind, LocalEndPoint holds the port the system chose.");

        using var client = new Socket(ip.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            await client.ConnectAsync(local).Within(Deadlines.Default, $"the grader's client to connect to {local}");
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.ConnectionRefused)
        {
            throw new GradingException($"Connecting to {local} was refused: the socket is bound but not listening. Call Listen() after Bind().", e);
        }
        using var accepted = await listener.AcceptAsync().Within(Deadlines.Default, "Accept on the socket ListenOnAnyPort returned");
        Assert.True(accepted.RemoteEndPoint!.Equals(client.LocalEndPoint),
            $"The server saw the client as {accepted.RemoteEndPoint}, but the client is {client.LocalEndPoint}.");
    }

    [Fact(DisplayName = "Two servers get two different ports")]
    public void Two_servers_get_two_different_ports()
    {
        using var first = FirstSockets.ListenOnAnyPort(IPAddress.Loopback);
        using var second = FirstSockets.ListenOnAnyPort(IPAddress.Loopback);

        var ports = (Loopback.PortOf(first), Loopback.PortOf(second));
        Assert.True(ports.Item1 != ports.Item2,
            $"Both servers hold port {ports.Item1}. Each Bind to port 0 must get its own free port: only one listener per address and port.");
    }

    [Theory(DisplayName = "ChosenPort reads the port the system chose")]
    [InlineData(SocketType.Stream, ProtocolType.Tcp)]
    [InlineData(SocketType.Dgram, ProtocolType.Udp)]
    public void ChosenPort_reads_the_port_the_system_chose(SocketType type, ProtocolType protocol)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, type, protocol);
        socket.Bind(Loopback.AnyPort);
        var expected = ((IPEndPoint)socket.LocalEndPoint!).Port;

        var port = FirstSockets.ChosenPort(socket);

        Assert.True(port == expected,
            $"ChosenPort gave {port} for a {protocol} socket bound to port 0; its LocalEndPoint says {expected}. " +
            "Port 0 is only the request; LocalEndPoint holds the answer.");
    }

    [Fact(DisplayName = "ChosenPort of an unbound socket says: bind first")]
    public void ChosenPort_of_an_unbound_socket_says_to_bind_first()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);

        var error = Expect.Throws<InvalidOperationException>(() => FirstSockets.ChosenPort(socket),
            "a socket that is neither bound nor connected has no port yet (LocalEndPoint is null)");
        Assert.True(error.Message.Contains("bind", StringComparison.OrdinalIgnoreCase),
            $"The error says {Show.Text(error.Message)}. Tell the reader what to do: bind the socket (or connect it) first.");
    }

    [Theory(DisplayName = "A port where a server listens is Accepted, and the probe hangs up")]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    public async Task A_port_where_a_server_listens_is_Accepted_and_the_probe_hangs_up(string address)
    {
        using var server = new Socket(IPAddress.Parse(address).AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        server.Bind(new IPEndPoint(IPAddress.Parse(address), 0));
        server.Listen();
        var endpoint = (IPEndPoint)server.LocalEndPoint!;

        var outcome = await FirstSockets.ProbeAsync(endpoint, ProbeTimeout).Within(ProbeDeadline, $"ProbeAsync({endpoint}) to answer");

        Assert.True(outcome == ConnectOutcome.Accepted,
            $"ProbeAsync({endpoint}) said {outcome}, but the grader's server is listening there: the handshake completes, so it is Accepted.");
        using var accepted = await server.AcceptAsync().Within(Deadlines.Default, "the probe's connection in the grader's server");
        var peer = new LoopbackPeer(accepted, "the grader's server");
        await peer.ExpectEndOfStreamAsync("the probe only wants to know: once connected it closes its socket, so the server reads end of stream");
    }

    [Theory(DisplayName = "A port where nothing listens is Refused")]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    public async Task A_port_where_nothing_listens_is_Refused(string address)
    {
        // The grader holds the port (bound, not listening), so no other program can take it while the probe runs.
        using var holder = new Socket(IPAddress.Parse(address).AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        holder.Bind(new IPEndPoint(IPAddress.Parse(address), 0));
        var endpoint = (IPEndPoint)holder.LocalEndPoint!;

        ConnectOutcome outcome;
        try
        {
            outcome = await FirstSockets.ProbeAsync(endpoint, ProbeTimeout).Within(ProbeDeadline, $"ProbeAsync({endpoint}) to answer");
        }
        catch (SocketException e)
        {
            throw new GradingException(
                $"ProbeAsync({endpoint}) threw {Explain.Exception(e)}. A refusal is an answer, not an error: catch the SocketException " +
                "whose SocketErrorCode is ConnectionRefused and return ConnectOutcome.Refused.", e);
        }

        Assert.True(outcome == ConnectOutcome.Refused,
            $"ProbeAsync({endpoint}) said {outcome}. Nothing listens on that port, so the system answers the SYN with a reset: " +
            "the connect fails with ConnectionRefused (at once on Linux and macOS, after about 2 s on Windows).");
    }

    [Fact(DisplayName = "A null endpoint is an ArgumentNullException")]
    public async Task A_null_endpoint_is_an_ArgumentNullException()
    {
        await Expect.Throws<ArgumentNullException>(Task.Run(() => FirstSockets.ProbeAsync(null!, ProbeTimeout)), "there is nowhere to connect to");
    }
}
