using System.Net;
using System.Net.Sockets;

namespace SocketCourse.SingleConnection.Tests;

/// <summary>Step 4, the client's promises: its reply limit, IPv6 as well as IPv4, and its socket closed however the
/// exchange ends.</summary>
[Trait("Lesson", "03")]
[Trait("Step", "4")]
public sealed class Step4_ClientLimitsAndReleaseTests
{
    [Fact(DisplayName = "A reply over maxReplyBytes is an InvalidDataException")]
    public async Task A_reply_over_maxReplyBytes_is_an_InvalidDataException()
    {
        using var server = LoopbackListener.Start();
        var exchanging = CodeUnderTest.Start(() => OneShotClient.ExchangeAsync(server.EndPoint, "hi", maxReplyBytes: 10));

        using var connection = await CodeUnderTest.WhileRunning(exchanging, async () =>
        {
            var c = await server.AcceptAsync("the client to connect");
            await c.ReadToEndAsync("the client's message and half-close");
            return c;
        });
        // One byte over the limit, and no end of stream: the client must refuse it as soon as it has 11 bytes.
        await connection.SendAsync(new string('r', 11));

        await Expect.Throws<InvalidDataException>(exchanging,
            "the server replied 11 bytes to ExchangeAsync(..., maxReplyBytes: 10): pass maxReplyBytes on to the read of the reply");
        SocketLeaks.ExpectLearnerClosed(connection, "after ExchangeAsync refused the reply (close on the failing path too: using)",
            learnerClosesFirst: true);
    }

    [Fact(DisplayName = "The client's socket is released after the exchange")]
    public async Task The_client_socket_is_released_after_the_exchange()
    {
        using var server = LoopbackListener.Start();
        var exchanging = CodeUnderTest.Start(() => OneShotClient.ExchangeAsync(server.EndPoint, "hello"));

        var (connection, learnerEnd) = await CodeUnderTest.WhileRunning(exchanging, async () =>
        {
            var c = await server.AcceptAsync("the client to connect");
            var learner = SocketLeaks.LearnerEndOf(c);
            await c.ReadToEndAsync("the client's message and half-close");
            await c.SendAsync("bye");
            c.Socket.Shutdown(SocketShutdown.Send);
            return (c, learner);
        });
        using var _ = connection;
        await CodeUnderTest.Finish(exchanging, "ExchangeAsync to return the reply");

        learnerEnd.ExpectClosed("after ExchangeAsync returned");
    }

    [Fact(DisplayName = "The client's socket is released when the reply is not UTF-8")]
    public async Task The_client_socket_is_released_when_the_reply_is_not_UTF8()
    {
        using var server = LoopbackListener.Start();
        var exchanging = CodeUnderTest.Start(() => OneShotClient.ExchangeAsync(server.EndPoint, "hello"));

        var (connection, learnerEnd) = await CodeUnderTest.WhileRunning(exchanging, async () =>
        {
            var c = await server.AcceptAsync("the client to connect");
            var learner = SocketLeaks.LearnerEndOf(c);
            await c.ReadToEndAsync("the client's message and half-close");
            return (c, learner);
        });
        using var _ = connection;
        await connection.SendAsync(new byte[] { 0xFF, 0xFE, 0xFD });
        connection.Socket.Shutdown(SocketShutdown.Send);

        await Expect.Throws<InvalidDataException>(exchanging, "the reply ff fe fd is not UTF-8");
        learnerEnd.ExpectClosed("after ExchangeAsync threw InvalidDataException (close on the failing path too: using)");
    }

    [Fact(DisplayName = "An IPv6 server is reached over IPv6")]
    public async Task An_IPv6_server_is_reached_over_IPv6()
    {
        using var server = LoopbackListener.StartIPv6();
        var exchanging = CodeUnderTest.Start(() => OneShotClient.ExchangeAsync(server.EndPoint, "hello over IPv6"));

        try
        {
            var received = await CodeUnderTest.WhileRunning(exchanging, async () =>
            {
                using var c = await server.AcceptAsync("the client to connect to [::1]");
                var message = await c.ReadTextToEndAsync("the client's message and half-close");
                await c.SendAsync("hello, IPv6 client");
                return message;
            });
            var reply = await CodeUnderTest.Finish(exchanging, "ExchangeAsync to return over IPv6");
            Assert.True(received == "hello over IPv6" && reply == "hello, IPv6 client",
                $"Over [::1] the server received {Show.Text(received)} and the client returned {Show.Text(reply)}.");
        }
        catch (Exception e) when (e is SocketException or NotSupportedException or ArgumentException)
        {
            throw new GradingException(
                $"ExchangeAsync({server.EndPoint}, ...) failed with {Explain.Exception(e)} The server is at [::1], the IPv6 loopback. " +
                "A socket has one address family: new Socket(AddressFamily.InterNetwork, ...) speaks IPv4 only. Create it with " +
                "server.AddressFamily so the same code reaches 127.0.0.1 and [::1].", e);
        }
    }
}
