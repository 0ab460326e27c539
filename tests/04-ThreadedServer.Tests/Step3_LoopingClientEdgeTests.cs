using System.Net;
using System.Net.Sockets;
using System.Text;

namespace SocketCourse.ThreadedServer.Tests;

/// <summary>Step 3, the edges: exit with spaces, a reply that is not UTF-8, IPv6, and the socket closed on every path.</summary>
[Trait("Lesson", "04")]
[Trait("Step", "3")]
public sealed class Step3_LoopingClientEdgeTests
{
    private static Task<ConversationEnd> Run(EndPoint server, string input, StringWriter output, TimeSpan? replyTimeout = null) =>
        OwnThread.Start(() => LoopingClient.Run(server, "老王", new StringReader(input), output, replyTimeout ?? Deadlines.Default),
            "grader: LoopingClient.Run");

    [Fact(DisplayName = "\"exit\" with spaces around it still ends the conversation")]
    public async Task Exit_with_spaces_around_it_still_ends_the_conversation()
    {
        using var server = LoopbackListener.Start();
        var running = Run(server.EndPoint, "hello\n  exit \nnever sent\n", new StringWriter());

        using var connection = await CodeUnderTest.WhileRunning(running, async () =>
        {
            var c = await server.AcceptAsync("the client to connect");
            await c.ReadExactlyAsync(Encoding.UTF8.GetByteCount("老王:hello"), "the first message");
            await c.SendAsync("hi");
            return c;
        });
        try
        {
            await connection.ExpectCleanCloseAsync("the user typed \"  exit \": spaces around exit are ignored, so the client closes");
        }
        catch (GradingException e)
        {
            throw new GradingException(e.Message + " Compare line.Trim() with \"exit\": people type spaces, and a pasted line may end in one.", e);
        }
        var end = await CodeUnderTest.Finish(running, "Run to return after exit");
        Assert.True(end == ConversationEnd.TypedExit, $"The user typed \"  exit \"; Run returned {end}.");
    }

    [Fact(DisplayName = "A reply that is not UTF-8 is an InvalidDataException, and the socket closed")]
    public async Task A_reply_that_is_not_UTF8_is_an_InvalidDataException_and_the_socket_closed()
    {
        using var server = LoopbackListener.Start();
        var running = Run(server.EndPoint, "hello\n", new StringWriter());

        using var connection = await CodeUnderTest.WhileRunning(running, async () =>
        {
            var c = await server.AcceptAsync("the client to connect");
            await c.ReadExactlyAsync(Encoding.UTF8.GetByteCount("老王:hello"), "the first message");
            return c;
        });
        await connection.SendAsync(new byte[] { 0xE4, 0xBD, (byte)'!' });

        await Expect.Throws<InvalidDataException>(running,
            "the reply e4 bd 21 is not UTF-8 (a character cut short). Decode strictly (new UTF8Encoding(false, throwOnInvalidBytes: true)) " +
            "and turn the decoder's error into an InvalidDataException, instead of printing U+FFFD as if nothing were wrong");
        SocketLeaks.ExpectLearnerClosed(connection, "after Run threw InvalidDataException (\"closes the socket however it ends\")",
            learnerClosesFirst: true);
    }

    [Fact(DisplayName = "The socket is closed when the reply times out")]
    public async Task The_socket_is_closed_when_the_reply_times_out()
    {
        using var server = LoopbackListener.Start();
        var running = Run(server.EndPoint, "hello?\n", new StringWriter(), TimeSpan.FromMilliseconds(300));

        var accepting = server.AcceptAsync("the client to connect"); // not WhileRunning: the client's timer may beat the Accept

        await Expect.Throws<TimeoutException>(running, "the server never replied and replyTimeout was 300 ms");
        using var connection = await accepting;
        SocketLeaks.ExpectLearnerClosed(connection, "after Run threw TimeoutException (\"closes the socket however it ends\")",
            learnerClosesFirst: true);
    }

    [Fact(DisplayName = "An IPv6 server is reached over IPv6")]
    public async Task An_IPv6_server_is_reached_over_IPv6()
    {
        using var server = LoopbackListener.StartIPv6();
        var output = new StringWriter();
        var running = Run(server.EndPoint, "hi over IPv6\nexit\n", output);

        try
        {
            using var connection = await CodeUnderTest.WhileRunning(running, async () =>
            {
                var c = await server.AcceptAsync("the client to connect to [::1]");
                await c.ReadExactlyAsync(Encoding.UTF8.GetByteCount("老王:hi over IPv6"), "the message over IPv6");
                await c.SendAsync("hello, v6");
                return c;
            });
            await CodeUnderTest.Finish(running, "Run to return after exit, over IPv6");
        }
        catch (Exception e) when (e is SocketException or NotSupportedException or ArgumentException)
        {
            throw new GradingException(
                $"Run({server.EndPoint}, ...) failed with {Explain.Exception(e)} The server is at [::1], the IPv6 loopback. A socket has " +
                "one address family: new Socket(AddressFamily.InterNetwork, ...) speaks IPv4 only. Create it with server.AddressFamily.", e);
        }
        Assert.True(output.ToString() == "hello, v6" + Environment.NewLine, $"Over IPv6 the output was {Show.Text(output.ToString())}.");
    }
}
