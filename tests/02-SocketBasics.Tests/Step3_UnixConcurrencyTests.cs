using System.Net.Sockets;

namespace SocketCourse.SocketBasics.Tests;

/// <summary>Step 3, the Unix-domain server serves each client independently, and the client decodes strictly.</summary>
[Trait("Lesson", "02")]
[Trait("Step", "3")]
public sealed class Step3_UnixConcurrencyTests : IDisposable
{
    private readonly string _path = TempSocketPath.New();

    public void Dispose() => TempSocketPath.Clean(_path);

    [Fact(DisplayName = "A silent client does not hold up the next one")]
    public async Task A_silent_client_does_not_hold_up_the_next_one()
    {
        await using var server = UnixEchoServer.Start(_path);

        using var silent = await UnixPeer.ConnectAsync(_path, "a client that connects and says nothing");
        using var talker = await UnixPeer.ConnectAsync(_path, "a second client");
        await talker.SendAsync("me first?");
        talker.ShutdownSend();
        try
        {
            var reply = await talker.ReadTextToEndAsync("the echo to the second client while the first one stays silent");
            Assert.True(reply == "me first?", $"The second client got {Show.Text(reply)}.");
        }
        catch (GradingTimeoutException e)
        {
            throw new GradingException(
                e.Message + " The first client is still connected and silent: if the server awaits each client before accepting the " +
                "next, one quiet client stops everyone. Start serving each client without awaiting it in the accept loop (keep the " +
                "task, to wait for it on stop).", e);
        }
    }

    [Fact(DisplayName = "A reply that is not UTF-8 is an InvalidDataException")]
    public async Task A_reply_that_is_not_UTF8_is_an_InvalidDataException()
    {
        using var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        listener.Bind(new UnixDomainSocketEndPoint(_path));
        listener.Listen(4);

        var asking = CodeUnderTest.Start(() => UnixEchoClient.RoundTripAsync(_path, "hello"));
        var connection = await CodeUnderTest.WhileRunning(asking, async () =>
        {
            using var cts = new CancellationTokenSource(Deadlines.Default);
            var c = new UnixPeer(await listener.AcceptAsync(cts.Token), "the grader's server");
            await c.ReadToEndAsync("the client's message and half-close");
            return c;
        });
        using (connection)
        {
            await connection.SendAsync(new byte[] { (byte)'o', (byte)'k', 0xFF });
            connection.ShutdownSend();

            await Expect.Throws<InvalidDataException>(asking,
                "the reply 6f 6b ff is not UTF-8. Decode strictly (new UTF8Encoding(false, throwOnInvalidBytes: true)) and turn the " +
                "decoder's error into an InvalidDataException: replacing bad bytes with U+FFFD hides a broken reply");
        }
    }
}
