using System.Net;
using System.Net.Sockets;
using System.Text;

namespace SocketCourse.Framing.Tests;

/// <summary>Step 3: the pipelined line server — every line answered, in order, however the bytes arrive.</summary>
[Trait("Lesson", "05")]
[Trait("Step", "3")]
public sealed class Step3_PipelinedLineServerTests
{
    private static readonly IPEndPoint AnyPort = Loopback.AnyPort;

    private static string Upper(string line) => "re: " + line.ToUpperInvariant();

    private static string ShowLines(IEnumerable<string> lines) => "[" + string.Join(", ", lines.Take(5).Select(l => Show.Text(l))) + (lines.Count() > 5 ? ", …" : "") + "]";

    [Fact(DisplayName = "A thousand lines in one send get a thousand replies, in order")]
    public async Task A_thousand_lines_in_one_send_get_a_thousand_replies_in_order()
    {
        await using var server = PipelinedLineServer.Start(AnyPort, Upper);
        using var client = await LoopbackPeer.ConnectAsync(server.EndPoint);
        var lines = Enumerable.Range(0, 1000).Select(i => $"line {i}").ToList();

        await client.SendAsync(string.Concat(lines.Select(l => l + "\n")));
        var replies = await Wire.ReadLinesAsync(client, 1000, "1,000 replies to 1,000 lines sent in one write");

        var firstWrong = replies.Select((r, i) => (r, i)).FirstOrDefault(x => x.r != Upper(lines[x.i]));
        Assert.True(firstWrong.r is null,
            $"Reply {firstWrong.i} was {Show.Text(firstWrong.r)}, expected {Show.Text(Upper(lines[Math.Max(firstWrong.i, 0)]))}. " +
            "Pipelined lines must be answered one by one, in the order they came.");
    }

    [Fact(DisplayName = "Lines arriving one byte at a time are answered whole")]
    public async Task Lines_arriving_one_byte_at_a_time_are_answered_whole()
    {
        await using var server = PipelinedLineServer.Start(AnyPort, Upper);
        await using var proxy = ChaosProxy.Start(server.EndPoint, Chaos.OneByteAtATime);
        using var client = await LoopbackPeer.ConnectAsync(proxy.EndPoint);

        await client.SendAsync("hello 世界\r\nsecond\n");
        var replies = await Wire.ReadLinesAsync(client, 2, "the replies to two lines delivered one byte per write");

        Assert.True(replies.SequenceEqual([Upper("hello 世界"), Upper("second")]),
            $"Sent \"hello 世界\\r\\nsecond\\n\" one byte per write; the replies were {ShowLines(replies)}. " +
            "When TryReadLine finds no line end, consume nothing (AdvanceTo(buffer.Start, buffer.End)): the bytes stay in the pipe " +
            "and the next ReadAsync returns them with the new ones. " + Explain.ByteStream);
    }

    [Fact(DisplayName = "Separate writes merged by the network get separate replies")]
    public async Task Separate_writes_merged_by_the_network_get_separate_replies()
    {
        await using var server = PipelinedLineServer.Start(AnyPort, Upper);
        await using var proxy = ChaosProxy.Start(server.EndPoint, Chaos.Merged);
        using var client = await LoopbackPeer.ConnectAsync(proxy.EndPoint);

        await client.SendAsync("a\n");
        await client.SendAsync("b\n");
        await client.SendAsync("c\n");
        var replies = await Wire.ReadLinesAsync(client, 3, "three replies to three lines that arrived in one read");

        Assert.True(replies.SequenceEqual([Upper("a"), Upper("b"), Upper("c")]),
            $"Three lines sent as three writes arrived merged; the replies were {ShowLines(replies)}. Answer every line in the buffer, not one per read.");
    }

    [Fact(DisplayName = "A line at the limit is answered; one byte more gets an error, and the connection is closed")]
    public async Task A_line_at_the_limit_is_answered_and_one_byte_more_gets_an_error_and_the_connection_closed()
    {
        await using var server = PipelinedLineServer.Start(AnyPort, line => $"{line.Length} bytes", maxLineBytes: 32);
        using var client = await LoopbackPeer.ConnectAsync(server.EndPoint);

        await client.SendAsync(new string('a', 32) + "\n");
        var atLimit = await client.ReadLineAsync("the reply to a line of exactly 32 bytes (maxLineBytes: 32)");
        Assert.True(atLimit == "32 bytes", $"A line of exactly maxLineBytes must be served; the reply was {Show.Text(atLimit)}.");

        await client.SendAsync(new string('b', 33)); // no line end: the server must not wait for one
        var error = await client.ReadLineAsync("the error reply to 33 bytes without a line end (maxLineBytes: 32)",
            timeout: Deadlines.Default);
        Assert.True(error == LineReplies.TooLong(32),
            $"After 33 bytes with no line end the reply was {Show.Text(error)}, expected {Show.Text(LineReplies.TooLong(32))}.");
        await client.ExpectCleanCloseAsync("after a line over the limit the server replies and closes: finding the line's end would mean buffering it");
    }

    [Fact(DisplayName = "An invalid UTF-8 line gets an error reply, and the next line is served")]
    public async Task An_invalid_UTF8_line_gets_an_error_reply_and_the_next_line_is_served()
    {
        await using var server = PipelinedLineServer.Start(AnyPort, Upper);
        using var client = await LoopbackPeer.ConnectAsync(server.EndPoint);

        await client.SendAsync(new byte[] { 0xC3, 0x28, (byte)'\n', (byte)'o', (byte)'k', (byte)'\n' });
        var replies = await Wire.ReadLinesAsync(client, 2, "replies to an invalid UTF-8 line and then \"ok\"");

        Assert.True(replies.SequenceEqual([LineReplies.NotUtf8, Upper("ok")]),
            $"Sent c3 28 0a (not UTF-8) and \"ok\\n\"; the replies were {ShowLines(replies)}, expected [{Show.Text(LineReplies.NotUtf8)}, {Show.Text(Upper("ok"))}]. " +
            "Decode strictly; the bad line's end is known, so answer it with the error and go on.");
    }

    [Fact(DisplayName = "A slow reader still gets every reply, in order")]
    public async Task A_slow_reader_still_gets_every_reply_in_order()
    {
        var bulk = new string('s', 200);
        await using var server = PipelinedLineServer.Start(AnyPort, line => line);
        // A small receive buffer, set before connecting so the window is small from the handshake on: the server's
        // sends fill it (and its own send buffer) while this client is not reading, and must wait.
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { ReceiveBufferSize = 16 * 1024 };
        using var client = new LoopbackPeer(socket, "the grader's slow client");
        await socket.ConnectAsync(server.EndPoint).Within(Deadlines.Default, "the slow client to connect");
        var lines = Enumerable.Range(0, 5000).Select(i => $"{i:D5}{bulk}").ToList();
        var payload = Encoding.UTF8.GetBytes(string.Concat(lines.Select(l => l + "\n")));

        var sending = client.SendAsync(payload); // about 1 MB; it stalls while nobody reads the replies
        await Task.Delay(300);                    // the slow reader: not reading yet
        var replies = await Wire.ReadLinesAsync(client, lines.Count, "5,000 echoed lines (1 MB) to a client that started reading late");
        await sending;

        var firstWrong = replies.Select((r, i) => (r, i)).FirstOrDefault(x => x.r != lines[x.i]);
        Assert.True(firstWrong.r is null,
            $"Reply {firstWrong.i} was {Show.Text(firstWrong.r)}, expected {Show.Text(lines[Math.Max(firstWrong.i, 0)])}. " +
            "When the client reads slowly, the server's sends must wait (await FlushAsync) rather than drop or reorder replies.");
    }

    [Fact(DisplayName = "Two clients are served side by side")]
    public async Task Two_clients_are_served_side_by_side()
    {
        await using var server = PipelinedLineServer.Start(AnyPort, Upper);
        using var first = await LoopbackPeer.ConnectAsync(server.EndPoint, "the first client");
        using var second = await LoopbackPeer.ConnectAsync(server.EndPoint, "the second client");

        await first.SendAsync("half a li");           // the first client's line is not finished
        await second.SendAsync("whole\n");
        var secondReply = await second.ReadLineAsync("the second client's reply while the first one's line is unfinished");
        await first.SendAsync("ne\n");
        var firstReply = await first.ReadLineAsync("the first client's reply once its line was finished");

        Assert.Equal(Upper("whole"), secondReply);
        Assert.True(firstReply == Upper("half a line"),
            $"The first client's line came in two writes; its reply was {Show.Text(firstReply)}. Each connection needs its own PipeReader.");
    }

    [Fact(DisplayName = "Stop closes every connection and frees the port")]
    public async Task Stop_closes_every_connection_and_frees_the_port()
    {
        var server = PipelinedLineServer.Start(AnyPort, Upper);
        var endpoint = server.EndPoint;
        using var client = await LoopbackPeer.ConnectAsync(endpoint);
        await client.SendAsync("ping\n");
        await client.ReadLineAsync("the reply to \"ping\"");

        await CodeUnderTest.Finish(server.StopAsync(), "StopAsync to return while a client is connected and idle",
            hint: "Cancel the token the connections read with (or close their sockets), then await their tasks.");
        await client.ExpectCleanCloseAsync("StopAsync closes every connection");

        using var again = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            again.Bind(endpoint);
        }
        catch (SocketException e)
        {
            throw new GradingException($"After StopAsync the port {endpoint.Port} could not be bound again: {Explain.Exception(e)} Dispose the listening socket.", e);
        }
    }
}
