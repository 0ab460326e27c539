using System.Net;
using System.Net.Sockets;
using System.Text;

namespace SocketCourse.ThreadedServer.Tests;

/// <summary>Step 3: the looping client — nickname prefix, one reply per message, <c>exit</c> not sent.</summary>
[Trait("Lesson", "04")]
[Trait("Step", "3")]
public sealed class Step3_LoopingClientTests
{
    // Unless a grader tests the reply timeout itself, the client waits three times as long as the grader does, so a
    // grader's own deadline always runs out first and the learner sees what the grader was waiting for, not a race.
    private static Task<ConversationEnd> Run(EndPoint server, string nickname, string input, StringWriter output, TimeSpan? replyTimeout = null) =>
        OwnThread.Start(() => LoopingClient.Run(server, nickname, new StringReader(input), output, replyTimeout ?? Deadlines.Default * 3),
            "grader: LoopingClient.Run");

    /// <summary>Reads one message of exactly the expected bytes, as the seed's server would with recv(1024).</summary>
    private static async Task ExpectMessageAsync(LoopbackPeer connection, string expected)
    {
        var bytes = Encoding.UTF8.GetBytes(expected);
        var got = await connection.ReadExactlyAsync(bytes.Length, $"the client's message {Show.Text(expected)}");
        if (!got.AsSpan().SequenceEqual(bytes))
            throw new GradingException(
                $"Expected the client to send {Show.Bytes(bytes)} but it sent {Show.Bytes(got)}. The seed sends \"老王:\" + line: " +
                "the nickname, an ASCII colon ':' (not the full-width '：'), no space, the line, and no line end.");
    }

    [Fact(DisplayName = "Each line goes out with the nickname, each reply is written, and \"exit\" is not sent")]
    public async Task Each_line_goes_out_with_the_nickname_each_reply_is_written_and_exit_is_not_sent()
    {
        using var server = LoopbackListener.Start();
        var output = new StringWriter();
        var running = Run(server.EndPoint, "老王", "你好\nhow are you?\n\nexit\nnever sent\n", output);

        using var connection = await CodeUnderTest.WhileRunning(running, async () =>
        {
            var c = await server.AcceptAsync("the client to connect");
            await ExpectMessageAsync(c, "老王:你好");
            await c.SendAsync("你好, 老王");
            await ExpectMessageAsync(c, "老王:how are you?");
            await c.SendAsync("fine");
            await ExpectMessageAsync(c, "老王:"); // an empty line is still a message: the nickname and the colon
            await c.SendAsync("(empty)");
            await c.ExpectCleanCloseAsync("after the user typed exit the client closes without sending it (the seed breaks before sendall)");
            return c;
        });
        var end = await CodeUnderTest.Finish(running, "Run to return after exit");

        Assert.True(end == ConversationEnd.TypedExit, $"The user typed exit; Run returned {end}.");
        var expected = $"你好, 老王{Environment.NewLine}fine{Environment.NewLine}(empty){Environment.NewLine}";
        Assert.True(output.ToString() == expected,
            $"The output should hold each reply on its own line, exactly as received: expected {Show.Text(expected)}, got {Show.Text(output.ToString())}.");
    }

    [Fact(DisplayName = "The nickname given is the one sent")]
    public async Task The_nickname_given_is_the_one_sent()
    {
        using var server = LoopbackListener.Start();
        var output = new StringWriter();
        var running = Run(server.EndPoint, "小李", "hi there\nexit\n", output);

        using var connection = await CodeUnderTest.WhileRunning(running, async () =>
        {
            var c = await server.AcceptAsync("the client to connect");
            await ExpectMessageAsync(c, "小李:hi there");
            await c.SendAsync("hello 小李");
            await c.ExpectCleanCloseAsync("after exit the client closes");
            return c;
        });
        await CodeUnderTest.Finish(running, "Run to return after exit");
    }

    [Fact(DisplayName = "End of input ends the conversation and closes the socket")]
    public async Task End_of_input_ends_the_conversation_and_closes_the_socket()
    {
        using var server = LoopbackListener.Start();
        var output = new StringWriter();
        var running = Run(server.EndPoint, "老王", "the only line", output);

        using var connection = await CodeUnderTest.WhileRunning(running, async () =>
        {
            var c = await server.AcceptAsync("the client to connect");
            await ExpectMessageAsync(c, "老王:the only line");
            await c.SendAsync("ok");
            await c.ExpectCleanCloseAsync("ReadLine returned null (end of input): the client should close, as after exit");
            return c;
        });
        var end = await CodeUnderTest.Finish(running, "Run to return at end of input",
            hint: "input.ReadLine() returns null at end of input; treat it like exit.");

        Assert.True(end == ConversationEnd.EndOfInput, $"The input ran out without exit; Run returned {end}.");
    }

    [Fact(DisplayName = "A server that closes ends the conversation with ServerClosed")]
    public async Task A_server_that_closes_ends_the_conversation_with_ServerClosed()
    {
        using var server = LoopbackListener.Start();
        var output = new StringWriter();
        var running = Run(server.EndPoint, "老王", "anyone?\nstill there?\n", output);

        var connection = await CodeUnderTest.WhileRunning(running, async () =>
        {
            var c = await server.AcceptAsync("the client to connect");
            await ExpectMessageAsync(c, "老王:anyone?");
            return c;
        });
        connection.Dispose(); // and close without replying, outside WhileRunning: the client's reaction is judged below
        var end = await CodeUnderTest.Finish(running, "Run to return after the server closed the connection", hint: Explain.EndOfStream);

        Assert.True(end == ConversationEnd.ServerClosed,
            $"The server closed while the client waited for a reply (Receive returned 0); Run returned {end}. {Explain.EndOfStream}");
        Assert.True(output.ToString() == "", $"No reply came, yet the output holds {Show.Text(output.ToString())}.");
    }

    [Fact(DisplayName = "A server that never replies is a TimeoutException")]
    public async Task A_server_that_never_replies_is_a_TimeoutException()
    {
        using var server = LoopbackListener.Start();
        var running = Run(server.EndPoint, "老王", "hello?\n", new StringWriter(), replyTimeout: TimeSpan.FromMilliseconds(300));

        // Not WhileRunning: the client's own 300 ms timer starts as soon as it has sent, and its TimeoutException is the
        // right answer even if it comes before the grader's Accept returns.
        var accepting = server.AcceptAsync("the client to connect");

        await Expect.Throws<TimeoutException>(running,
            "the server accepted but never replied, and replyTimeout was 300 ms. Set socket.ReceiveTimeout from replyTimeout " +
            "before receiving; a Receive that times out throws SocketException (TimedOut): turn it into a TimeoutException that says no reply came");
        using var connection = await accepting;
    }

    [Fact(DisplayName = "Nothing listening is a refused connection")]
    public async Task Nothing_listening_is_a_refused_connection()
    {
        var nobody = Loopback.UnusedEndPoint();

        // Deadlines.Refusal, not a second: Windows takes about 2 s to refuse a loopback connect.
        var error = await Expect.Throws<SocketException>(Run(nobody, "老王", "hello\n", new StringWriter()),
            "nothing listens on that port, so the connect is refused: at once on Linux and macOS, after about 2 s on Windows",
            Deadlines.Refusal);

        Assert.True(error.SocketErrorCode == SocketError.ConnectionRefused,
            $"Got SocketException {error.SocketErrorCode}; expected ConnectionRefused. {Explain.ConnectionRefused}");
    }

    [Fact(DisplayName = "The finished server, handler and clients talk without crossing replies")]
    public async Task The_finished_server_handler_and_clients_talk_without_crossing_replies()
    {
        await using var running = await ServerUnderTest.StartAsync(client => ReplyHandler.Serve(client, m => m.ToUpperInvariant()));
        var server = running.Server;
        // One extra client goes through a proxy that resets its connection as it starts talking: the others must not notice.
        await using var resetting = ChaosProxy.Start(server.EndPoint, Chaos.ResetAfter(0));

        var outputs = Enumerable.Range(0, 6).Select(_ => new StringWriter()).ToArray();
        var clients = outputs.Select((output, i) => Run(server.EndPoint, $"客户{i}",
            string.Join('\n', Enumerable.Range(1, 4).Select(round => $"message {round} from {i}")) + "\nexit\n", output)).ToArray();
        var doomed = Run(resetting.EndPoint, "老王", "this connection will be reset\n", new StringWriter());

        var ends = await CodeUnderTest.Finish(Task.WhenAll(clients), "six looping clients to finish their conversations");
        await Expect.Throws<SocketException>(doomed, "the proxy reset that client's connection instead of delivering its message");

        Assert.All(ends, end => Assert.Equal(ConversationEnd.TypedExit, end));
        for (var i = 0; i < outputs.Length; i++)
        {
            var expected = string.Concat(Enumerable.Range(1, 4).Select(round => $"客户{i}:MESSAGE {round} FROM {i}{Environment.NewLine}"));
            Assert.True(outputs[i].ToString() == expected,
                $"Client {i} should have received the upper case of its own messages, in order: {Show.Text(expected)}; got {Show.Text(outputs[i].ToString())}.");
        }
        await Eventually.TrueAsync(() => server.ConnectedClients == 0, "ConnectedClients to return to 0 once every client left",
            () => $"It is {server.ConnectedClients}.");
    }
}
