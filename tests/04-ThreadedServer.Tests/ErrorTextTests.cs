using System.Text;

namespace SocketCourse.ThreadedServer.Tests;

// The errors the docs promise say what went wrong, so whoever reads the log knows where to look. Found by mutation
// testing (.ci/mutation): emptying any of these messages went unnoticed before. Only the gist is checked (the word
// UTF-8, the time waited); the wording is the learner's.

/// <summary>Step 2: ReplyHandler's UTF-8 error explains itself.</summary>
[Trait("Lesson", "04")]
[Trait("Step", "2")]
public sealed class Step2_ReplyHandlerErrorTextTests
{
    [Fact(DisplayName = "The handler's UTF-8 error says the message was not UTF-8")]
    public async Task The_handlers_UTF8_error_says_the_message_was_not_UTF8()
    {
        using var pair = await ConnectedPair.OpenAsync();
        var serving = OwnThread.Start(() => ReplyHandler.Serve(pair.Learner, m => m), "grader: ReplyHandler.Serve");
        await pair.Grader.SendAsync(new byte[] { (byte)'o', (byte)'k', 0xC3, 0x28 });

        var error = await Expect.Throws<InvalidDataException>(serving, "the bytes 6f 6b c3 28 are not valid UTF-8");
        Assert.True(error.Message.Contains("UTF", StringComparison.OrdinalIgnoreCase),
            $"The InvalidDataException's message was {Show.Text(error.Message)}. Say that the message was not valid UTF-8, so the " +
            "server's log tells a garbled client from a broken connection.");
    }
}

/// <summary>Step 3: LoopingClient's timeout and UTF-8 errors explain themselves.</summary>
[Trait("Lesson", "04")]
[Trait("Step", "3")]
public sealed class Step3_LoopingClientErrorTextTests
{
    [Fact(DisplayName = "The client's timeout error says how long it waited")]
    public async Task The_clients_timeout_error_says_how_long_it_waited()
    {
        using var server = LoopbackListener.Start();
        var running = OwnThread.Start(
            () => LoopingClient.Run(server.EndPoint, "老王", new StringReader("hello?\n"), new StringWriter(), TimeSpan.FromMilliseconds(300)),
            "grader: LoopingClient.Run");
        var accepting = server.AcceptAsync("the client to connect"); // not WhileRunning: the client's timer may beat the Accept

        var error = await Expect.Throws<TimeoutException>(running, "the server never replied and replyTimeout was 300 ms");
        using var connection = await accepting;
        // 300 ms however it is written: "300 ms", "0.3 s" (or "0,3 s" where the decimal mark is a comma), "00:00:00.3000000".
        string[] ways = ["300", "0.3", "0,3", "00:00:00.3"];
        Assert.True(ways.Any(w => error.Message.Contains(w, StringComparison.Ordinal)),
            $"The TimeoutException's message was {Show.Text(error.Message)}. Say that no reply came and how long the client waited " +
            "(replyTimeout, 300 ms here), so whoever reads it knows whether the server is slow or the wait too short.");
    }

    [Fact(DisplayName = "The client's UTF-8 error says the reply was not UTF-8")]
    public async Task The_clients_UTF8_error_says_the_reply_was_not_UTF8()
    {
        using var server = LoopbackListener.Start();
        var running = OwnThread.Start(
            () => LoopingClient.Run(server.EndPoint, "老王", new StringReader("hello\n"), new StringWriter(), Deadlines.Default),
            "grader: LoopingClient.Run");

        using var connection = await CodeUnderTest.WhileRunning(running, async () =>
        {
            var c = await server.AcceptAsync("the client to connect");
            await c.ReadExactlyAsync(Encoding.UTF8.GetByteCount("老王:hello"), "the first message");
            return c;
        });
        await connection.SendAsync(new byte[] { (byte)'o', (byte)'k', 0xC3, 0x28 });

        var error = await Expect.Throws<InvalidDataException>(running, "the reply 6f 6b c3 28 is not valid UTF-8");
        Assert.True(error.Message.Contains("UTF", StringComparison.OrdinalIgnoreCase),
            $"The InvalidDataException's message was {Show.Text(error.Message)}. Say that the reply was not valid UTF-8, so it is " +
            "not mistaken for a connection or size error.");
    }
}
