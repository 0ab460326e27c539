using System.Net;
using System.Net.Sockets;
using System.Text;

namespace SocketCourse.SocketBasics.Tests;

/// <summary>Step 2, the server: every datagram echoed, whole and on its own, to whoever sent it.</summary>
[Trait("Lesson", "02")]
[Trait("Step", "2")]
public sealed class Step2_UdpEchoServerTests
{
    [Fact(DisplayName = "Three datagrams come back as three, each one whole")]
    public async Task Three_datagrams_come_back_as_three_each_one_whole()
    {
        await using var server = UdpEchoServer.Start(Loopback.AnyPort);
        using var client = UdpPeer.Open("the grader's client");
        string[] sent = ["one", "two", "three"];

        foreach (var message in sent)
            await client.SendToAsync(message, server.EndPoint);
        var received = new List<string>();
        foreach (var message in sent)
        {
            var (data, from) = await client.ReceiveFromAsync($"the echo of datagram {received.Count + 1} of 3 ({Show.Text(message)})");
            Assert.True(from.Equals(server.EndPoint),
                $"An echo came from {from}, not from the server's own address {server.EndPoint}: reply with the socket the server bound.");
            received.Add(Encoding.UTF8.GetString(data));
        }

        Assert.True(received.SequenceEqual(sent),
            $"Sent the datagrams {string.Join(", ", sent.Select(s => Show.Text(s)))} back to back; the echoes were " +
            $"{string.Join(", ", received.Select(s => Show.Text(s)))}. UDP keeps message boundaries (面向报文): one SendTo is one " +
            "datagram, and one ReceiveFrom returns exactly one, so each echo is exactly one message.");
    }

    [Fact(DisplayName = "Each client gets its own echo")]
    public async Task Each_client_gets_its_own_echo()
    {
        await using var server = UdpEchoServer.Start(Loopback.AnyPort);
        using var alice = UdpPeer.Open("Alice's socket");
        using var bob = UdpPeer.Open("Bob's socket");

        await alice.SendToAsync("from Alice", server.EndPoint);
        var toAlice = await alice.ReceiveAsync("Alice's echo");
        await bob.SendToAsync("from Bob", server.EndPoint);
        var toBob = await bob.ReceiveAsync("Bob's echo",
            hint: "Did the echo go to Alice, the first client? Reply to the sender of each datagram.");

        Assert.Equal("from Alice", Encoding.UTF8.GetString(toAlice));
        Assert.True(Encoding.UTF8.GetString(toBob) == "from Bob",
            $"Bob received {Show.Bytes(toBob)}. There is no connection in UDP: send each echo to the address ReceiveFrom reported for that datagram.");
    }

    [Fact(DisplayName = "A 5000-byte datagram is echoed whole")]
    public async Task A_5000_byte_datagram_is_echoed_whole()
    {
        await using var server = UdpEchoServer.Start(Loopback.AnyPort);
        using var client = UdpPeer.Open();
        var big = Pattern(5000);

        await client.SendToAsync(big, server.EndPoint);
        var echo = await client.ReceiveAsync("the echo of a 5000-byte datagram");

        Assert.True(echo.AsSpan().SequenceEqual(big),
            $"Sent 5000 bytes in one datagram; the echo was {echo.Length} bytes. A receive buffer smaller than the datagram " +
            "(the seed's recv(1024)) silently cuts it short on Linux: the rest is lost, not kept for the next read as TCP would. " +
            "Size the buffer for the largest datagram you accept.");
    }

    [Fact(DisplayName = "The largest possible datagram is echoed whole")]
    public async Task The_largest_possible_datagram_is_echoed_whole()
    {
        await using var server = UdpEchoServer.Start(Loopback.AnyPort);
        using var client = UdpPeer.Open();
        var biggest = Pattern(UdpLimits.MaxPayload);

        await client.SendToAsync(biggest, server.EndPoint);
        var echo = await client.ReceiveAsync($"the echo of a {UdpLimits.MaxPayload}-byte datagram");

        Assert.True(echo.AsSpan().SequenceEqual(biggest),
            $"Sent a {UdpLimits.MaxPayload}-byte datagram (the UDP maximum over IPv4) with the default limit; the echo was {echo.Length} bytes.");
    }

    [Fact(DisplayName = "Bytes come back exactly as sent, not as text")]
    public async Task Bytes_come_back_exactly_as_sent_not_as_text()
    {
        await using var server = UdpEchoServer.Start(Loopback.AnyPort);
        using var client = UdpPeer.Open();
        byte[] binary = [0x00, 0xFF, 0xC3, 0x28, (byte)'\n', 0xE4, 0xBD];

        await client.SendToAsync(binary, server.EndPoint);
        var echo = await client.ReceiveAsync("the echo of 7 binary bytes");

        Assert.True(echo.AsSpan().SequenceEqual(binary),
            $"Sent {Show.Bytes(binary)}; the echo was {Show.Bytes(echo)}. An echo server sends back the bytes it received, " +
            "untouched: decoding them as text and encoding again changes what is not valid UTF-8.");
    }

    [Fact(DisplayName = "An empty datagram is echoed, and the server keeps serving")]
    public async Task An_empty_datagram_is_echoed_and_the_server_keeps_serving()
    {
        await using var server = UdpEchoServer.Start(Loopback.AnyPort);
        using var client = UdpPeer.Open();

        await client.SendToAsync(ReadOnlyMemory<byte>.Empty, server.EndPoint);
        var echo = await client.ReceiveAsync("the echo of an empty (0-byte) datagram",
            hint: "Did the server stop when ReceiveFrom returned 0? That is TCP's end of stream; in UDP, 0 bytes is an empty datagram, and there is no end.");
        Assert.True(echo.Length == 0, $"Sent an empty datagram; the echo was {Show.Bytes(echo)}.");

        await client.SendToAsync("still there?", server.EndPoint);
        var next = await client.ReceiveAsync("the echo of a datagram sent after the empty one",
            hint: "The server stopped after the empty datagram. In UDP, 0 bytes from ReceiveFrom is an empty datagram, not the end of anything.");
        Assert.Equal("still there?", Encoding.UTF8.GetString(next));
    }

    [Fact(DisplayName = "An oversized datagram is dropped and counted, and the server keeps serving")]
    public async Task An_oversized_datagram_is_dropped_counted_and_the_server_keeps_serving()
    {
        await using var server = UdpEchoServer.Start(Loopback.AnyPort, maxDatagramBytes: 100);
        using var client = UdpPeer.Open();

        await client.SendToAsync(Pattern(101), server.EndPoint);
        await client.SendToAsync(Pattern(1000), server.EndPoint);
        await client.SendToAsync("small one", server.EndPoint);
        var first = await client.ReceiveAsync("the echo of \"small one\", sent after two datagrams over the 100-byte limit",
            hint: "The server should drop the two oversized datagrams and go on to echo the next one.");

        Assert.True(Encoding.UTF8.GetString(first) == "small one",
            $"With maxDatagramBytes: 100, datagrams of 101 and 1000 bytes were sent, then \"small one\". The first echo was {Show.Bytes(first)}. " +
            "A datagram over the limit must be dropped, not echoed cut short: a truncated echo passes off part of a message as the whole. " +
            "Receive into a buffer one byte larger than the limit: a datagram that fills it was too big.");
        Assert.True(server.OversizedDatagrams == 2,
            $"Two datagrams over the limit were sent; OversizedDatagrams is {server.OversizedDatagrams}.");
    }

    [Fact(DisplayName = "A datagram of exactly the limit is echoed")]
    public async Task A_datagram_of_exactly_the_limit_is_echoed()
    {
        await using var server = UdpEchoServer.Start(Loopback.AnyPort, maxDatagramBytes: 100);
        using var client = UdpPeer.Open();

        await client.SendToAsync(Pattern(100), server.EndPoint);
        var echo = await client.ReceiveAsync("the echo of a datagram of exactly maxDatagramBytes (100)");

        Assert.Equal(100, echo.Length);
        Assert.Equal(0, server.OversizedDatagrams);
    }

    [Fact(DisplayName = "A client that vanished does not stop the server")]
    public async Task A_client_that_vanished_does_not_stop_the_server()
    {
        await using var server = UdpEchoServer.Start(Loopback.AnyPort);
        using (var gone = UdpPeer.Open("a client that closes at once"))
            await gone.SendToAsync("reply to nobody", server.EndPoint);
        using var client = UdpPeer.Open();

        await Task.Delay(50); // let the server's echo to the closed port fail first
        await client.SendToAsync("hello", server.EndPoint);
        var echo = await client.ReceiveAsync("the echo to the next client",
            hint: "The echo to a closed port fails (on Windows, as ConnectionReset on the next receive); the server must carry on.");
        Assert.Equal("hello", Encoding.UTF8.GetString(echo));
    }

    [Fact(DisplayName = "Port 0 is replaced by the real port, on loopback")]
    public async Task Port_zero_is_replaced_by_the_real_port_on_loopback()
    {
        await using var server = UdpEchoServer.Start(Loopback.AnyPort);

        Assert.True(server.EndPoint.Port != 0, "EndPoint still says port 0: after Bind, read the real port back from LocalEndPoint.");
        Assert.True(IPAddress.Loopback.Equals(server.EndPoint.Address),
            $"Asked to bind 127.0.0.1, the socket is bound to {server.EndPoint.Address}. 127.0.0.1 (loopback) is reachable from this " +
            "machine only; 0.0.0.0 (IPAddress.Any) from every network the machine is on. Bind the endpoint you were given.");
    }

    [Fact(DisplayName = "A port already in use is a clear error")]
    public void A_port_already_in_use_is_a_clear_error()
    {
        using var taken = UdpPeer.Open("a UDP socket holding the port");

        var error = Expect.Throws<SocketException>(() => UdpEchoServer.Start(taken.EndPoint).DisposeAsync().AsTask().Wait(),
            "another UDP socket is bound to that port already");
        Assert.True(error.SocketErrorCode == SocketError.AddressAlreadyInUse,
            $"Expected AddressAlreadyInUse for {taken.EndPoint}; got {error.SocketErrorCode}.");
    }

    [Fact(DisplayName = "Stopping frees the port")]
    public async Task Stopping_frees_the_port()
    {
        var server = UdpEchoServer.Start(Loopback.AnyPort);
        var endpoint = server.EndPoint;
        using (var client = UdpPeer.Open())
        {
            await client.SendToAsync("before stop", endpoint);
            await client.ReceiveAsync("the echo before the server stops");
        }

        await server.DisposeAsync().AsTask().Within(Deadlines.Default, "DisposeAsync to stop the server",
            "Cancel the receive loop (pass the token to ReceiveFromAsync), close the socket, and await the loop.");

        using var again = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            again.Bind(endpoint);
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.AddressAlreadyInUse)
        {
            throw new GradingException($"After DisposeAsync, binding {endpoint} again fails: the port is still held. Dispose the server's socket when it stops.", e);
        }
    }

    private static byte[] Pattern(int length)
    {
        var bytes = new byte[length];
        for (var i = 0; i < length; i++) bytes[i] = (byte)('a' + i % 26);
        return bytes;
    }
}
