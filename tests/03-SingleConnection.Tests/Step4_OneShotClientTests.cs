using System.Net.Sockets;
using System.Text;

namespace SocketCourse.SingleConnection.Tests;

/// <summary>Step 4: connect, send all, half-close, read the whole reply.</summary>
[Trait("Lesson", "03")]
[Trait("Step", "4")]
public sealed class Step4_OneShotClientTests
{
    [Fact(DisplayName = "The client sends its message, half-closes and returns the reply")]
    public async Task The_client_sends_its_message_half_closes_and_returns_the_reply()
    {
        using var server = LoopbackListener.Start();
        var exchanging = CodeUnderTest.Start(() => OneShotClient.ExchangeAsync(server.EndPoint, "你好, server"));

        var received = await CodeUnderTest.WhileRunning(exchanging, async () =>
        {
            using var connection = await server.AcceptAsync("the client to connect");
            var message = await connection.ReadTextToEndAsync("the client's message followed by its half-close (Shutdown(Send))");
            await connection.SendAsync("你好, client");
            return message;
        });
        var reply = await CodeUnderTest.Finish(exchanging, "ExchangeAsync to return the reply after the server closed",
            hint: "Read the reply until a Receive returns 0. " + Explain.EndOfStream);

        Assert.True(received == "你好, server", $"The server received {Show.Text(received)}; the client was asked to send \"你好, server\" as UTF-8.");
        Assert.True(reply == "你好, client", $"The server replied \"你好, client\"; ExchangeAsync returned {Show.Text(reply)}.");
    }

    [Fact(DisplayName = "A reply arriving one byte at a time is returned whole")]
    public async Task A_reply_arriving_one_byte_at_a_time_is_returned_whole()
    {
        using var server = LoopbackListener.Start();
        await using var proxy = ChaosProxy.Start(server.EndPoint, Chaos.None, fromTarget: Chaos.OneByteAtATime);
        const string answer = "接收服务端的数据: 套接字 works";
        var exchanging = CodeUnderTest.Start(() => OneShotClient.ExchangeAsync(proxy.EndPoint, "hi"));

        await CodeUnderTest.WhileRunning(exchanging, async () =>
        {
            using var connection = await server.AcceptAsync("the client to connect through the proxy");
            await connection.ReadToEndAsync("the client's message and half-close");
            await connection.SendAsync(answer);
            return true;
        });
        var reply = await CodeUnderTest.Finish(exchanging, "ExchangeAsync to return");

        Assert.True(reply == answer,
            $"The reply {Show.Text(answer)} was delivered one byte per write; ExchangeAsync returned {Show.Text(reply)}. {Explain.Difference(answer, reply)}");
    }

    [Fact(DisplayName = "A reply over 1024 bytes is returned whole")]
    public async Task A_reply_over_1024_bytes_is_returned_whole()
    {
        using var server = LoopbackListener.Start();
        var answer = string.Concat(Enumerable.Repeat("回复", 1000)); // 6000 bytes of UTF-8
        var exchanging = CodeUnderTest.Start(() => OneShotClient.ExchangeAsync(server.EndPoint, "big one, please"));

        await CodeUnderTest.WhileRunning(exchanging, async () =>
        {
            using var connection = await server.AcceptAsync("the client to connect");
            await connection.ReadToEndAsync("the client's message and half-close");
            await connection.SendInChunksAsync(Encoding.UTF8.GetBytes(answer), 1000);
            return true;
        });
        var reply = await CodeUnderTest.Finish(exchanging, "ExchangeAsync to return a 6000-byte reply");

        Assert.True(reply == answer, $"The server sent 6000 bytes in writes of 1000; ExchangeAsync returned {Show.Text(reply)}. {Explain.Difference(answer, reply)}");
    }

    [Fact(DisplayName = "Nothing listening is a refused connection")]
    public async Task Nothing_listening_is_a_refused_connection()
    {
        var nobody = Loopback.UnusedEndPoint();

        // Deadlines.Refusal, not a second: Windows takes about 2 s to refuse a loopback connect.
        var error = await Expect.Throws<SocketException>(OneShotClient.ExchangeAsync(nobody, "anyone there?"),
            "nothing listens on that port, so the connect is refused: at once on Linux and macOS, after about 2 s on Windows",
            Deadlines.Refusal);

        Assert.True(error.SocketErrorCode == SocketError.ConnectionRefused,
            $"Got SocketException {error.SocketErrorCode}; expected ConnectionRefused. {Explain.ConnectionRefused}");
    }

    [Fact(DisplayName = "A server that never replies can be given up on")]
    public async Task A_server_that_never_replies_can_be_given_up_on()
    {
        using var server = LoopbackListener.Start();
        using var cancel = new CancellationTokenSource();

        var exchanging = CodeUnderTest.Start(() => OneShotClient.ExchangeAsync(server.EndPoint, "hello?", cancellationToken: cancel.Token));
        using var connection = await CodeUnderTest.WhileRunning(exchanging, async () =>
        {
            var c = await server.AcceptAsync("the client to connect");
            await c.ReadToEndAsync("the client's message and half-close");
            return c;
        });
        // The client has sent everything and half-closed: what is left is reading the reply, so the cancellation (started
        // only now, outside WhileRunning: the OperationCanceledException it causes is the right answer) tests that read.
        cancel.CancelAfter(TimeSpan.FromMilliseconds(100));

        await Expect.Throws<OperationCanceledException>(exchanging,
            "the server read your message and half-close but never replied, and the token was cancelled 100 ms later; " +
            "pass the token to the read of the reply too, not only to Connect and Send");
    }

    [Fact(DisplayName = "A reset in the middle of the reply is an error")]
    public async Task A_reset_in_the_middle_of_the_reply_is_an_error()
    {
        using var server = LoopbackListener.Start();
        var exchanging = CodeUnderTest.Start(() => OneShotClient.ExchangeAsync(server.EndPoint, "tell me everything"));

        using var connection = await CodeUnderTest.WhileRunning(exchanging, async () =>
        {
            var c = await server.AcceptAsync("the client to connect");
            await c.ReadToEndAsync("the client's message and half-close");
            await c.SendAsync("the first half of");
            return c;
        });
        // The reset is provoked outside WhileRunning: the client's SocketException it causes is the right answer,
        // judged by Expect.Throws below, never a failure of the exchange above.
        await Task.Delay(50);
        connection.Reset();

        await Expect.Throws<SocketException>(exchanging,
            "the server reset the connection mid-reply; a cut reply must not be returned as if it were whole. " + Explain.ConnectionReset);
    }

    [Fact(DisplayName = "The finished client and server talk to each other")]
    public async Task The_finished_client_and_server_talk_to_each_other()
    {
        using var listener = ListeningSocket.Open(Loopback.AnyPort);
        await using var proxy = ChaosProxy.Start(listener.LocalEndPoint!, Chaos.Chunks(3), fromTarget: Chaos.Chunks(2));

        var serving = CodeUnderTest.Start(() => OneShotServer.ServeOnceAsync(listener, m => $"服务端收到: {m}"));
        var reply = await CodeUnderTest.WhileRunning(serving, () => OneShotClient.ExchangeAsync(proxy.EndPoint, "客户端: 你好").Within(Deadlines.Default, "the client's exchange"));
        var exchange = await CodeUnderTest.Finish(serving, "the server to finish");

        Assert.Equal("客户端: 你好", exchange.Received);
        Assert.Equal("服务端收到: 客户端: 你好", reply);
    }
}
