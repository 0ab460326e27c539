using System.Net;
using System.Net.Sockets;
using System.Text;

namespace SocketCourse.SingleConnection.Tests;

/// <summary>Step 3: accept one client, read its whole message, reply, close.</summary>
[Trait("Lesson", "03")]
[Trait("Step", "3")]
public sealed class Step3_OneShotServerTests
{
    private static Socket OpenListener()
    {
        var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(Loopback.AnyPort);
        listener.Listen(8);
        return listener;
    }

    private static Task<Exchange> Serve(Socket listener, Func<string, string>? reply = null, int maxMessageBytes = 64 * 1024,
        CancellationToken cancellationToken = default) =>
        CodeUnderTest.Start(() => OneShotServer.ServeOnceAsync(listener, reply ?? (m => "echo: " + m), maxMessageBytes, cancellationToken));

    [Fact(DisplayName = "The client gets the reply, and the server reports who sent what")]
    public async Task The_client_gets_the_reply_and_the_server_reports_who_sent_what()
    {
        using var listener = OpenListener();
        var serving = Serve(listener, m => $"收到 {m.Length} chars: {m.ToUpperInvariant()}");

        using var client = await LoopbackPeer.ConnectAsync(listener.LocalEndPoint!);
        var reply = await CodeUnderTest.WhileRunning(serving, async () =>
        {
            await client.SendAsync("hello");
            client.ShutdownSend();
            return await client.ReadTextToEndAsync("the server's reply and then end of stream");
        });
        var exchange = await CodeUnderTest.Finish(serving, "ServeOnceAsync to return after replying");

        Assert.True(reply == "收到 5 chars: HELLO", $"The client received {Show.Text(reply)}; expected the reply function's answer, \"收到 5 chars: HELLO\", as UTF-8.");
        Assert.Equal("hello", exchange.Received);
        Assert.Equal("收到 5 chars: HELLO", exchange.Replied);
        Assert.True(client.LocalEndPoint.Equals(exchange.Client),
            $"Exchange.Client is {exchange.Client}, but the client connected from {client.LocalEndPoint}: use the RemoteEndPoint of the socket Accept returned.");
    }

    [Fact(DisplayName = "Chinese text delivered one byte at a time arrives whole")]
    public async Task Chinese_text_delivered_one_byte_at_a_time_arrives_whole()
    {
        using var listener = OpenListener();
        await using var proxy = ChaosProxy.Start(listener.LocalEndPoint!, Chaos.OneByteAtATime);
        const string message = "老王: 你好，服务器！";
        var serving = Serve(listener);

        using var client = await LoopbackPeer.ConnectAsync(proxy.EndPoint);
        await CodeUnderTest.WhileRunning(serving, async () =>
        {
            await client.SendAsync(message);
            client.ShutdownSend();
            return await client.ReadTextToEndAsync("the server's reply");
        });
        var exchange = await CodeUnderTest.Finish(serving, "ServeOnceAsync to return");

        Assert.True(exchange.Received == message,
            $"The client sent {Show.Text(message)}, delivered one byte per write; the server read {Show.Text(exchange.Received)}. {Explain.Difference(message, exchange.Received)}");
    }

    [Fact(DisplayName = "A message over 1024 bytes is read whole")]
    public async Task A_message_over_1024_bytes_is_read_whole()
    {
        using var listener = OpenListener();
        var message = string.Concat(Enumerable.Repeat("0123456789", 300));
        var serving = Serve(listener, m => m.Length.ToString());

        using var client = await LoopbackPeer.ConnectAsync(listener.LocalEndPoint!);
        var reply = await CodeUnderTest.WhileRunning(serving, async () =>
        {
            await client.SendInChunksAsync(Encoding.UTF8.GetBytes(message), 1000);
            client.ShutdownSend();
            return await client.ReadTextToEndAsync("the server's reply");
        });

        Assert.True(reply == "3000",
            $"A 3000-byte message was sent in writes of 1000 bytes; the reply function saw {Show.Text(reply)} characters. " +
            (int.TryParse(reply, out var seen) && seen < 3000 ? $"Only part of the message was read before it was handed on. {Explain.ByteStream}" : ""));
    }

    [Fact(DisplayName = "An empty message still gets a reply")]
    public async Task An_empty_message_still_gets_a_reply()
    {
        using var listener = OpenListener();
        var serving = Serve(listener, m => m.Length == 0 ? "(empty)" : "not empty: " + m);

        using var client = await LoopbackPeer.ConnectAsync(listener.LocalEndPoint!);
        var reply = await CodeUnderTest.WhileRunning(serving, async () =>
        {
            client.ShutdownSend();
            return await client.ReadTextToEndAsync("the reply to an empty message");
        });

        Assert.True(reply == "(empty)", $"The client sent nothing and half-closed; it received {Show.Text(reply)}, expected \"(empty)\".");
    }

    [Fact(DisplayName = "The server closes the connection after replying")]
    public async Task The_server_closes_the_connection_after_replying()
    {
        using var listener = OpenListener();
        var serving = Serve(listener, _ => "bye");

        using var client = await LoopbackPeer.ConnectAsync(listener.LocalEndPoint!);
        await CodeUnderTest.WhileRunning(serving, async () =>
        {
            await client.SendAsync("hi");
            client.ShutdownSend();
            var reply = await client.ReadExactlyAsync(3, "the 3-byte reply \"bye\"");
            await client.ExpectCleanCloseAsync("the server should close the connection after its reply");
            return reply;
        });
    }

    [Fact(DisplayName = "The listener stays open for the next client")]
    public async Task The_listener_stays_open_for_the_next_client()
    {
        using var listener = OpenListener();
        var serving = Serve(listener);

        using var client = await LoopbackPeer.ConnectAsync(listener.LocalEndPoint!);
        await CodeUnderTest.WhileRunning(serving, async () =>
        {
            client.ShutdownSend();
            return await client.ReadTextToEndAsync("the reply");
        });
        await CodeUnderTest.Finish(serving, "ServeOnceAsync to return");

        Assert.True(listener.IsBound, "The listening socket was closed: ServeOnceAsync closes the client's connection, not the listener, which belongs to the caller.");
        using var next = await LoopbackPeer.ConnectAsync(listener.LocalEndPoint!, "a second client connecting to the same listener");
    }

    [Fact(DisplayName = "An oversized message is refused, and the connection closed")]
    public async Task An_oversized_message_is_refused_and_the_connection_closed()
    {
        using var listener = OpenListener();
        var serving = Serve(listener, maxMessageBytes: 64);

        using var client = await LoopbackPeer.ConnectAsync(listener.LocalEndPoint!);
        await client.SendAsync(new string('x', 100));
        client.ShutdownSend();

        await Expect.Throws<InvalidDataException>(serving, "100 bytes were sent with maxMessageBytes: 64");
        await client.ExpectEndOfStreamAsync("a refused client must not be left hanging: close its connection");
    }

    [Fact(DisplayName = "Invalid UTF-8 is refused, and the connection closed")]
    public async Task Invalid_UTF8_is_refused_and_the_connection_closed()
    {
        using var listener = OpenListener();
        var serving = Serve(listener);

        using var client = await LoopbackPeer.ConnectAsync(listener.LocalEndPoint!);
        await client.SendAsync(new byte[] { 0xE4, 0xBD }); // the first two of the three bytes of 你
        client.ShutdownSend();

        await Expect.Throws<InvalidDataException>(serving, "the message ended in the middle of a UTF-8 character");
        await client.ExpectCleanCloseAsync("a refused client must not be left hanging: close its connection");
    }

    [Fact(DisplayName = "Waiting for a client that never comes can be cancelled")]
    public async Task Waiting_for_a_client_that_never_comes_can_be_cancelled()
    {
        using var listener = OpenListener();
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        var serving = Serve(listener, cancellationToken: cancel.Token);

        await Expect.Throws<OperationCanceledException>(serving,
            "no client connected and the token was cancelled after 200 ms; Accept blocks (阻塞) until a client comes, so pass the token to AcceptAsync");
    }
}
