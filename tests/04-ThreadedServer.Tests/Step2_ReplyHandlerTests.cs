using System.Collections.Concurrent;
using System.Net.Sockets;
using System.Text;

namespace SocketCourse.ThreadedServer.Tests;

/// <summary>Step 2: the handler loop — receive, reply, repeat; survive a clean close and a reset.</summary>
[Trait("Lesson", "04")]
[Trait("Step", "2")]
public sealed class Step2_ReplyHandlerTests
{
    private static Task<ClientLeft> Serve(Socket learner, Func<string, string> reply, int maxMessageBytes = ReplyHandler.DefaultMaxMessageBytes) =>
        OwnThread.Start(() => ReplyHandler.Serve(learner, reply, maxMessageBytes), "grader: ReplyHandler.Serve");

    /// <summary>Awaits Serve after a reset, turning a SocketException that escaped it into the lesson it teaches.</summary>
    private static async Task<ClientLeft> ResetOutcome(Task<ClientLeft> serving, string awaited)
    {
        try
        {
            return await CodeUnderTest.Finish(serving, awaited,
                hint: "A blocked Receive fails with SocketException (ConnectionReset) when the client aborts: catch it.");
        }
        catch (SocketException e)
        {
            throw new GradingException(
                $"Serve threw {Explain.Exception(e)} A broken connection is the seed's ConnectionResetError (一个客户端关闭了连接), a normal " +
                "way for a client to leave: catch SocketException around the loop and return ClientLeft.Reset.", e);
        }
    }

    [Fact(DisplayName = "Every message gets its reply, and a clean close returns Closed")]
    public async Task Every_message_gets_its_reply_and_a_clean_close_returns_Closed()
    {
        using var pair = await ConnectedPair.OpenAsync();
        var serving = Serve(pair.Learner, m => "收到: " + m.ToUpperInvariant());

        await CodeUnderTest.WhileRunning(serving, async () =>
        {
            await Talk.ExpectReplyAsync(pair.Grader, "hello", "收到: HELLO");
            await Talk.ExpectReplyAsync(pair.Grader, "老王:你好 server", "收到: 老王:你好 SERVER",
                "the handler loops: after one reply it receives the next message on the same connection");
            await Talk.ExpectReplyAsync(pair.Grader, "third", "收到: THIRD");
            pair.Grader.ShutdownSend();
        });
        var left = await CodeUnderTest.Finish(serving, "Serve to return after the client closed its side",
            hint: Explain.EndOfStream + " Return ClientLeft.Closed then; receiving again would return 0 forever.");

        Assert.True(left == ClientLeft.Closed, $"The client closed cleanly (Receive returned 0 bytes), but Serve returned {left}.");
    }

    [Fact(DisplayName = "A client that closes before saying anything returns Closed, without a reply")]
    public async Task A_client_that_closes_before_saying_anything_returns_Closed_without_a_reply()
    {
        using var pair = await ConnectedPair.OpenAsync();
        var calls = 0;
        var serving = Serve(pair.Learner, m => { Interlocked.Increment(ref calls); return "reply to " + m; });

        pair.Grader.ShutdownSend();
        var left = await CodeUnderTest.Finish(serving, "Serve to return for a client that closed at once", hint: Explain.EndOfStream);

        Assert.True(left == ClientLeft.Closed, $"The client closed cleanly before sending anything; Serve returned {left}.");
        Assert.True(calls == 0, $"The reply function was called {calls} time(s) though no message came: 0 bytes is end of stream, not an empty message.");
    }

    [Fact(DisplayName = "A client that resets returns Reset instead of throwing")]
    public async Task A_client_that_resets_returns_Reset_instead_of_throwing()
    {
        using var pair = await ConnectedPair.OpenAsync();
        var serving = Serve(pair.Learner, m => m.ToUpperInvariant());

        await CodeUnderTest.WhileRunning(serving, () => Talk.ExpectReplyAsync(pair.Grader, "about to vanish", "ABOUT TO VANISH"));
        pair.Grader.Reset();
        var left = await ResetOutcome(serving, "Serve to return after the client reset the connection");

        Assert.True(left == ClientLeft.Reset,
            $"The client reset the connection; Serve returned {left}. {Explain.ConnectionReset} That is the seed's ConnectionResetError " +
            "(一个客户端关闭了连接): a normal way for a client to leave, so report ClientLeft.Reset rather than throwing.");
    }

    [Fact(DisplayName = "A connection reset in the middle of a conversation returns Reset")]
    public async Task A_connection_reset_in_the_middle_of_a_conversation_returns_Reset()
    {
        // The chaos proxy relays the first message, then resets both sides, as a dropped link would.
        var first = "first message";
        using var pair = await ConnectedPair.OpenAsync(Chaos.ResetAfter(Encoding.UTF8.GetByteCount(first) + 4));
        var serving = Serve(pair.Learner, m => m.ToUpperInvariant());

        await CodeUnderTest.WhileRunning(serving, () => Talk.ExpectReplyAsync(pair.Grader, first, first.ToUpperInvariant()));
        // The reset is provoked outside WhileRunning: what Serve does about it is judged below.
        try
        {
            await pair.Grader.SendAsync("second message, cut by a reset");
        }
        catch (GradingException)
        {
            // The proxy may already have reset the grader's side too.
        }
        var left = await ResetOutcome(serving, "Serve to return after the connection was reset mid-conversation");

        Assert.True(left == ClientLeft.Reset, $"The connection was reset after the first exchange; Serve returned {left}. {Explain.ConnectionReset}");
    }

    [Fact(DisplayName = "A reply to a client that has gone ends Serve instead of throwing")]
    public async Task A_reply_to_a_client_that_has_gone_ends_Serve_instead_of_throwing()
    {
        // The seed's other bug: its handler catches ConnectionResetError only, so a reply sent to a client that
        // closed its socket raises BrokenPipeError and kills the thread. Here the client says something and closes
        // before the answer is ready; the answer (8 MB, more than any socket buffer holds) runs into the closed
        // socket, whose kernel answers with a reset. Send then fails with a code that depends on the platform
        // (Shutdown, i.e. a broken pipe, or ConnectionReset on Linux; ConnectionReset or ConnectionAborted on Windows).
        using var pair = await ConnectedPair.OpenAsync();
        var clientGone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var hugeReply = new string('x', 8 << 20);
        var serving = Serve(pair.Learner, _ =>
        {
            clientGone.Task.Wait(Deadlines.Default);
            Thread.Sleep(50); // the client's FIN has arrived: the reply goes to a socket nobody reads
            return hugeReply;
        });

        await pair.Grader.SendAsync("answer me, but I will not wait");
        pair.Grader.Dispose();
        clientGone.SetResult();

        ClientLeft left;
        try
        {
            left = await CodeUnderTest.Finish(serving, "Serve to return after its reply ran into a client that had closed",
                hint: "Send to a closed peer fails, and the next Receive returns 0: either way the client has gone.");
        }
        catch (SocketException e)
        {
            throw new GradingException(
                $"Serve threw SocketException {e.SocketErrorCode}. The client closed while its reply was being sent: the seed's BrokenPipeError, " +
                "which its `except ConnectionResetError` does not catch. A Send that fails means the reply cannot reach the client, " +
                "whatever the code (it differs between platforms): catch SocketException around the send and return ClientLeft.Reset.", e);
        }
        Assert.True(left is ClientLeft.Reset or ClientLeft.Closed, $"Serve returned {left}.");
    }

    [Fact(DisplayName = "Each Receive takes at most maxMessageBytes")]
    public async Task Each_Receive_takes_at_most_maxMessageBytes()
    {
        using var pair = await ConnectedPair.OpenAsync();
        var seen = new ConcurrentQueue<string>();
        var serving = Serve(pair.Learner, m => { seen.Enqueue(m); return "."; }, maxMessageBytes: 16);
        const string sent = "0123456789abcdefghijklmnopqrstuvwxyzABCD"; // 40 bytes in one write

        await CodeUnderTest.WhileRunning(serving, async () =>
        {
            await pair.Grader.SendAsync(sent);
            await Task.Delay(50); // let it all arrive before the end of stream
            pair.Grader.ShutdownSend();
        });
        await CodeUnderTest.Finish(serving, "Serve to return after the client closed its side");

        var messages = seen.ToArray();
        Assert.True(messages.All(m => Encoding.UTF8.GetByteCount(m) <= 16),
            $"With maxMessageBytes: 16 the reply function saw {string.Join(", ", messages.Select(m => Show.Text(m)))}. " +
            "Receive into a buffer of maxMessageBytes bytes: every read has a size limit (the seed's recv(1024)).");
        Assert.True(string.Concat(messages) == sent,
            $"The client sent {Show.Text(sent)}; the messages seen add up to {Show.Text(string.Concat(messages))}. " +
            "Decode only the bytes this Receive returned (buffer[..received]), not the whole buffer.");
    }

    [Fact(DisplayName = "Invalid UTF-8 is an InvalidDataException")]
    public async Task Invalid_UTF8_is_an_InvalidDataException()
    {
        using var pair = await ConnectedPair.OpenAsync();
        var serving = Serve(pair.Learner, m => "reply to " + m);

        await pair.Grader.SendAsync(new byte[] { (byte)'h', (byte)'i', 0xFF, 0xFE });

        await Expect.Throws<InvalidDataException>(serving,
            "the bytes 68 69 ff fe are not UTF-8; decode strictly (throwOnInvalidBytes) and turn the decoder's error into " +
            "InvalidDataException, so the server closes this client instead of answering garbage");
    }

    [Fact(DisplayName = "A long reply is sent whole")]
    public async Task A_long_reply_is_sent_whole()
    {
        using var pair = await ConnectedPair.OpenAsync();
        var longReply = string.Concat(Enumerable.Repeat("回复 reply ", 20_000)); // about 280 KB
        var serving = Serve(pair.Learner, _ => longReply);

        await CodeUnderTest.WhileRunning(serving, () => Talk.ExpectReplyAsync(pair.Grader, "tell me a lot", longReply,
            "a reply larger than the socket buffers: Send may take only part of it, so loop until every byte is sent (sendall)"));
        pair.Grader.ShutdownSend();
        await CodeUnderTest.Finish(serving, "Serve to return after the client closed its side");
    }

    [Fact(DisplayName = "Ten handlers at once each answer their own client")]
    public async Task Ten_handlers_at_once_each_answer_their_own_client()
    {
        var pairs = new List<ConnectedPair>();
        try
        {
            for (var i = 0; i < 10; i++) pairs.Add(await ConnectedPair.OpenAsync());
            var serving = pairs.Select(p => Serve(p.Learner, m => m.ToUpperInvariant())).ToArray();
            var all = Task.WhenAll(serving);

            await CodeUnderTest.WhileRunning(all, () => Task.WhenAll(pairs.Select(async (pair, i) =>
            {
                for (var round = 1; round <= 5; round++)
                    await Talk.ExpectReplyAsync(pair.Grader, $"client {i} round {round} 你好", $"CLIENT {i} ROUND {round} 你好");
                pair.Grader.ShutdownSend();
            })));
            var left = await CodeUnderTest.Finish(all, "all ten Serve calls to return");

            Assert.True(left.All(l => l == ClientLeft.Closed), $"Every client closed cleanly; Serve returned {string.Join(", ", left)}.");
        }
        finally
        {
            foreach (var pair in pairs) pair.Dispose();
        }
    }
}
