using System.Net;
using SocketCourse.Framing;

namespace SocketCourse.AsyncAndScale.Tests;

/// <summary>Step 1: the async echo server talks the lesson-05 line protocol, and one client never waits for another.</summary>
[Trait("Lesson", "07")]
[Trait("Step", "1")]
public sealed class Step1_EchoServerTests
{
    private static readonly IPEndPoint AnyPort = Loopback.AnyPort;

    [Fact(DisplayName = "Every line comes back, in order, whether it ends in LF or CRLF")]
    public async Task Every_line_comes_back_in_order_whether_it_ends_in_LF_or_CRLF()
    {
        await using var server = AsyncEchoServer.Start(AnyPort);
        using var client = await LoopbackPeer.ConnectAsync(server.EndPoint);

        await client.SendAsync("first\nsecond\r\n世界\n");
        var replies = new List<string>();
        for (var i = 0; i < 3; i++) replies.Add(await client.ReadLineAsync($"the echo of line {i + 1} of 3"));

        Assert.True(replies.SequenceEqual(["first", "second", "世界"]),
            $"Sent \"first\\nsecond\\r\\n世界\\n\" in one write; the echoes were [{string.Join(", ", replies.Select(r => Show.Text(r)))}]. " +
            "Read with lesson 05's LineReader (it strips LF or CRLF) and answer each line with LineWriter, in order.");
    }

    [Fact(DisplayName = "A client that ends its side gets every answer, then end of stream")]
    public async Task A_client_that_ends_its_side_gets_every_answer_then_end_of_stream()
    {
        await using var server = AsyncEchoServer.Start(AnyPort);
        using var client = await LoopbackPeer.ConnectAsync(server.EndPoint);

        await client.SendAsync("one\ntwo\n");
        client.ShutdownSend();
        var rest = await client.ReadTextToEndAsync("both echoes and then end of stream, after the client shut down its sending side");

        Assert.True(rest == "one\ntwo\n",
            $"After \"one\\ntwo\\n\" and a half-close the client read {Show.Text(rest)} before end of stream, expected \"one\\ntwo\\n\". " +
            "ReadLineAsync returns null at end of stream: answer what came before it, then Shutdown(Send) and let the server close.");
        await client.ExpectCleanCloseAsync("after its last answer the server closes the connection with a FIN");
    }

    [Fact(DisplayName = "A line over the limit gets an error, and the connection is closed")]
    public async Task A_line_over_the_limit_gets_an_error_and_the_connection_is_closed()
    {
        await using var server = AsyncEchoServer.Start(AnyPort, limits: new ServerLimits(MaxLineBytes: 32));
        using var client = await LoopbackPeer.ConnectAsync(server.EndPoint);

        await client.SendAsync(new string('a', 32) + "\n");
        var atLimit = await client.ReadLineAsync("the echo of a line of exactly 32 bytes (MaxLineBytes: 32)");
        Assert.True(atLimit == new string('a', 32), $"A line of exactly MaxLineBytes must be echoed; got {Show.Text(atLimit)}.");

        await client.SendAsync(new string('b', 33)); // no line end: the server must not wait for one
        var error = await client.ReadLineAsync("the error reply to 33 bytes without a line end (MaxLineBytes: 32)");
        Assert.True(error == LineReplies.TooLong(32),
            $"After 33 bytes with no line end the reply was {Show.Text(error)}, expected {Show.Text(LineReplies.TooLong(32))}. " +
            "Give LineReader the limit; on LineTooLongException answer LineReplies.TooLong and end the conversation.");
        await client.ExpectCleanCloseAsync("after a line over the limit the server answers and closes: the rest of the line cannot be skipped");
    }

    [Fact(DisplayName = "An invalid UTF-8 line gets an error, and the next line is served")]
    public async Task An_invalid_UTF8_line_gets_an_error_and_the_next_line_is_served()
    {
        await using var server = AsyncEchoServer.Start(AnyPort);
        using var client = await LoopbackPeer.ConnectAsync(server.EndPoint);

        await client.SendAsync(new byte[] { 0xC3, 0x28, (byte)'\n', (byte)'o', (byte)'k', (byte)'\n' });
        var first = await client.ReadLineAsync("the reply to an invalid UTF-8 line");
        var second = await client.ReadLineAsync("the echo of \"ok\", sent after the invalid line");

        Assert.True(first == LineReplies.NotUtf8 && second == "ok",
            $"Sent c3 28 0a (not UTF-8) then \"ok\\n\"; the replies were {Show.Text(first)} and {Show.Text(second)}, expected " +
            $"{Show.Text(LineReplies.NotUtf8)} and \"ok\". LineReader throws InvalidDataException for that line only: answer it and read on.");
    }

    [Fact(DisplayName = "A slow answer to one client does not hold up another")]
    public async Task A_slow_answer_to_one_client_does_not_hold_up_another()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var slowStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        LineHandler handler = async (line, cancellationToken) =>
        {
            if (line != "slow") return line;
            slowStarted.TrySetResult();
            await release.Task.WaitAsync(cancellationToken); // a database that takes its time: awaited, no thread held
            return "slow done";
        };
        await using var server = AsyncEchoServer.Start(AnyPort, handler);
        using var slow = await LoopbackPeer.ConnectAsync(server.EndPoint, "the client whose answer is slow");
        using var quick = await LoopbackPeer.ConnectAsync(server.EndPoint, "the quick client");

        await slow.SendAsync("slow\n");
        await slowStarted.Task.Within(Deadlines.Default, "the handler to be called with the slow client's line");
        await quick.SendAsync("quick\n");
        var quickEcho = await quick.ReadLineAsync("the quick client's echo while the slow client's answer is still being computed",
            timeout: Deadlines.Default);
        release.TrySetResult();
        var slowAnswer = await slow.ReadLineAsync("the slow client's answer once the handler was released");

        Assert.Equal("quick", quickEcho);
        Assert.Equal("slow done", slowAnswer);
    }
}
