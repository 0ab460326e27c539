using System.Net.Sockets;
using System.Text;

namespace SocketCourse.SocketBasics.Tests;

/// <summary>Step 2, the client: one datagram out, the server's datagram back, or a clean timeout.</summary>
[Trait("Lesson", "02")]
[Trait("Step", "2")]
public sealed class Step2_UdpRequestTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromMilliseconds(300);

    [Fact(DisplayName = "The request arrives as one datagram, and the reply is returned")]
    public async Task The_request_arrives_as_one_datagram_and_the_reply_is_returned()
    {
        using var server = UdpPeer.Open("the grader's server");
        var request = Encoding.UTF8.GetBytes("你好, UDP");

        var asking = CodeUnderTest.Start(() => UdpRequest.SendAsync(server.EndPoint, request, TimeSpan.FromSeconds(2)));
        var received = await CodeUnderTest.WhileRunning(asking, async () =>
        {
            var (data, from) = await server.ReceiveFromAsync("the request datagram");
            await server.SendToAsync("pong", from);
            return data;
        });
        var reply = await CodeUnderTest.Finish(asking, "SendAsync to return the server's reply");

        Assert.True(received.AsSpan().SequenceEqual(request),
            $"The server received {Show.Bytes(received)}; SendAsync was asked to send {Show.Bytes(request)} in one datagram.");
        Assert.True(Encoding.UTF8.GetString(reply) == "pong", $"The server replied \"pong\"; SendAsync returned {Show.Bytes(reply)}.");
    }

    [Fact(DisplayName = "A silent server is a TimeoutException, not a hang")]
    public async Task A_silent_server_is_a_TimeoutException_not_a_hang()
    {
        using var silent = UdpPeer.Open("a bound UDP socket that never replies");

        var asking = CodeUnderTest.Start(() => UdpRequest.SendAsync(silent.EndPoint, "anyone?"u8.ToArray(), Patience));

        await Expect.Throws<TimeoutException>(asking,
            "the port exists but never answers, and the timeout was 300 ms. Datagrams can be lost: a timeout is an answer, not a hang. " +
            "Cancel the ReceiveFrom when the time is up and turn that into a TimeoutException");
        var request = await silent.ReceiveAsync("the request the silent server ignored");
        Assert.Equal("anyone?"u8.ToArray(), request);
    }

    [Fact(DisplayName = "A port nobody listens on is a TimeoutException too")]
    public async Task A_port_nobody_listens_on_is_a_TimeoutException_too()
    {
        using var probe = UdpPeer.Open("a probe, closed at once");
        var nobody = probe.EndPoint;
        probe.Dispose();

        var asking = CodeUnderTest.Start(() => UdpRequest.SendAsync(nobody, "hello?"u8.ToArray(), Patience));

        var error = await Expect.Throws<TimeoutException>(asking,
            "nothing is bound to that port. An unconnected UDP socket hears nothing back and times out; a connected one may learn of " +
            "the ICMP \"port unreachable\" as a SocketException (ConnectionRefused on Linux, ConnectionReset on Windows) on its next " +
            "receive. Either way no reply will come: report it as a TimeoutException");
        Assert.True(error.InnerException is null or SocketException,
            $"The TimeoutException's InnerException is {error.InnerException?.GetType().Name}; expected none, or the SocketException that said nothing listens.");
    }

    [Fact(DisplayName = "A datagram from another sender is ignored")]
    public async Task A_datagram_from_another_sender_is_ignored()
    {
        using var server = UdpPeer.Open("the grader's server");
        using var stranger = UdpPeer.Open("a stranger on another port");

        var asking = CodeUnderTest.Start(() => UdpRequest.SendAsync(server.EndPoint, "what time is it?"u8.ToArray(), TimeSpan.FromSeconds(2)));
        await CodeUnderTest.WhileRunning(asking, async () =>
        {
            var (_, client) = await server.ReceiveFromAsync("the request datagram");
            await stranger.SendToAsync("a forged answer", client);
            await Task.Delay(50); // the stranger's datagram arrives first
            await server.SendToAsync("noon", client);
            return true;
        });
        var reply = await CodeUnderTest.Finish(asking, "SendAsync to return the server's reply after ignoring the stranger's datagram");

        Assert.True(Encoding.UTF8.GetString(reply) == "noon",
            $"A stranger ({stranger.EndPoint}) sent \"a forged answer\" to the client's port before the server ({server.EndPoint}) replied \"noon\"; " +
            $"SendAsync returned {Show.Bytes(reply)}. Anyone can send a datagram to any port: check the sender ReceiveFrom reports " +
            "against the server's endpoint and keep waiting for the right one (or Connect the UDP socket, and the system filters for you).");
    }

    [Fact(DisplayName = "An oversized reply is an InvalidDataException, not a cut one")]
    public async Task An_oversized_reply_is_an_InvalidDataException_not_a_cut_one()
    {
        using var server = UdpPeer.Open("the grader's server");

        var asking = CodeUnderTest.Start(() => UdpRequest.SendAsync(server.EndPoint, "big?"u8.ToArray(), TimeSpan.FromSeconds(2), maxReplyBytes: 10));
        var (_, client) = await CodeUnderTest.WhileRunning(asking, () => server.ReceiveFromAsync("the request datagram"));
        await server.SendToAsync("eleven byte", client);

        await Expect.Throws<InvalidDataException>(asking,
            "the reply was 11 bytes with maxReplyBytes: 10. A too-small buffer silently cuts a datagram short: receive into one byte more " +
            "than the limit and refuse a datagram that fills it");
    }

    [Fact(DisplayName = "The finished request and echo server talk in Chinese")]
    public async Task The_finished_request_and_echo_server_talk_in_Chinese()
    {
        await using var server = UdpEchoServer.Start(Loopback.AnyPort);
        const string text = "老王: 你好，UDP 服务器！";

        var reply = await CodeUnderTest.Finish(CodeUnderTest.Start(() => UdpRequest.SendTextAsync(server.EndPoint, text, TimeSpan.FromSeconds(2))),
            "SendTextAsync to return the echo");

        Assert.True(reply == text, $"Sent {Show.Text(text)} to the echo server; SendTextAsync returned {Show.Text(reply)}.");
    }

    [Fact(DisplayName = "A reply that is not UTF-8 is an InvalidDataException")]
    public async Task A_reply_that_is_not_UTF8_is_an_InvalidDataException()
    {
        using var server = UdpPeer.Open("the grader's server");

        var asking = CodeUnderTest.Start(() => UdpRequest.SendTextAsync(server.EndPoint, "text please", TimeSpan.FromSeconds(2)));
        var (_, client) = await CodeUnderTest.WhileRunning(asking, () => server.ReceiveFromAsync("the request datagram"));
        await server.SendToAsync(new byte[] { (byte)'o', (byte)'k', 0xC3, 0x28 }, client);

        await Expect.Throws<InvalidDataException>(asking, "the reply 6f 6b c3 28 is not valid UTF-8; replacing bad bytes silently would corrupt it");
    }
}
