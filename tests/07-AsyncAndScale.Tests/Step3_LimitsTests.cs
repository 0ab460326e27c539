using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace SocketCourse.AsyncAndScale.Tests;

/// <summary>Step 3: the server's limits: a polite refusal beyond the cap, and an idle timeout that spares the talkative.</summary>
[Trait("Lesson", "07")]
[Trait("Step", "3")]
public sealed class Step3_LimitsTests
{
    private static readonly IPEndPoint AnyPort = Loopback.AnyPort;

    private static async Task<LoopbackPeer> ConnectServedAsync(IPEndPoint server, string name)
    {
        var client = await LoopbackPeer.ConnectAsync(server, name);
        await client.SendAsync($"hello from {name}\n");
        var echo = await client.ReadLineAsync($"the echo of {name}'s first line");
        Assert.True(echo == $"hello from {name}", $"{name} got {Show.Text(echo)} instead of its echo.");
        return client;
    }

    [Fact(DisplayName = "A client beyond the cap is told the server is busy and closed; the others are still served")]
    public async Task A_client_beyond_the_cap_is_told_the_server_is_busy_and_closed_and_the_others_are_still_served()
    {
        await using var server = AsyncEchoServer.Start(AnyPort, limits: new ServerLimits(MaxConnections: 3));
        using var a = await ConnectServedAsync(server.EndPoint, "client 1");
        using var b = await ConnectServedAsync(server.EndPoint, "client 2");
        using var c = await ConnectServedAsync(server.EndPoint, "client 3");

        using var extra = await LoopbackPeer.ConnectAsync(server.EndPoint, "a fourth client (the cap is 3)");
        string refusal;
        try
        {
            refusal = await extra.ReadLineAsync("the busy line sent to a fourth client when the cap is 3");
        }
        catch (GradingException e)
        {
            throw new GradingException($"A fourth client, beyond the cap of 3, did not get the busy line: {e.Message} " +
                                       "Say why in a line (LimitReplies.Busy, sent with EchoSession.SendLineAsync) before closing: " +
                                       "a bare close looks like a crash to the client.", e);
        }
        Assert.True(refusal == LimitReplies.Busy(3),
            $"The fourth client read {Show.Text(refusal)}, expected {Show.Text(LimitReplies.Busy(3))}. Beyond the cap, say so in a line " +
            "(EchoSession.SendLineAsync) before closing: a bare close looks like a crash to the client.");
        await extra.ExpectCleanCloseAsync("after the busy line the server shuts down its side and closes");

        await a.SendAsync("still here\n");
        var still = await a.ReadLineAsync("client 1's echo after a fourth client was refused");
        Assert.Equal("still here", still);
        Assert.True(server.ConnectionCount == 3, $"ConnectionCount was {server.ConnectionCount} with 3 served and 1 refused, expected 3: a refused client is never counted.");
    }

    [Fact(DisplayName = "A place freed by a leaving client goes to the next one")]
    public async Task A_place_freed_by_a_leaving_client_goes_to_the_next_one()
    {
        await using var server = AsyncEchoServer.Start(AnyPort, limits: new ServerLimits(MaxConnections: 2));
        using var a = await ConnectServedAsync(server.EndPoint, "client 1");
        using var b = await ConnectServedAsync(server.EndPoint, "client 2");

        a.ShutdownSend();
        await a.ExpectCleanCloseAsync("client 1 ended its side, so the server closes its connection");
        // The place is free once the server has noticed; a real client would retry a busy server after a pause too.
        var clock = Stopwatch.StartNew();
        string? last = null;
        while (clock.Elapsed < Deadlines.Default)
        {
            try
            {
                using var next = await LoopbackPeer.ConnectAsync(server.EndPoint, "client 3, after client 1 left");
                await next.SendAsync("my turn\n");
                last = await next.ReadLineAsync("client 3's first answer: its echo, or the busy line");
                if (last == "my turn") return;
            }
            catch (Exception e) when (e is GradingException or SocketException)
            {
                last = e.Message; // refused while the place was not free yet; a refusal may arrive as a reset on some systems
            }
            await Task.Delay(100);
        }
        throw new GradingException(
            $"Client 1 left a server capped at 2, yet for {Deadlines.Default.TotalSeconds:0} s every new client was answered {Show.Text(last)}. " +
            "When a connection ends, its place must be given back (ConnectionGate.Leave in a finally), whatever way it ended.");
    }

    [Fact(DisplayName = "A silent client is told it was idle and is closed")]
    public async Task A_silent_client_is_told_it_was_idle_and_is_closed()
    {
        var idle = TimeSpan.FromMilliseconds(500);
        await using var server = AsyncEchoServer.Start(AnyPort, limits: new ServerLimits(IdleTimeout: idle));
        using var silent = await LoopbackPeer.ConnectAsync(server.EndPoint, "a client that says nothing");

        var notice = await silent.ReadLineAsync("the idle notice to a client silent for longer than the idle timeout (0.5 s)",
            timeout: idle + Deadlines.Default);
        Assert.True(notice == LimitReplies.Idle(idle),
            $"The silent client read {Show.Text(notice)}, expected {Show.Text(LimitReplies.Idle(idle))}. " +
            "Read each line through IdleReader.ReadLineAsync when an idle timeout is set; on its TimeoutException say so and end the conversation.");
        await silent.ExpectCleanCloseAsync("after the idle notice the server shuts down its side and closes");
        Assert.True(await CountDropsToZeroAsync(server), $"ConnectionCount was {server.ConnectionCount} after the idle client was closed, expected 0.");
    }

    [Fact(DisplayName = "A client that keeps talking is never cut off by the idle timeout")]
    public async Task A_client_that_keeps_talking_is_never_cut_off_by_the_idle_timeout()
    {
        var idle = TimeSpan.FromMilliseconds(1500);
        await using var server = AsyncEchoServer.Start(AnyPort, limits: new ServerLimits(IdleTimeout: idle));
        using var talker = await LoopbackPeer.ConnectAsync(server.EndPoint, "a client that sends a line every 0.5 s");

        // Four lines 0.5 s apart: 2 s in all, longer than the idle timeout, but never 1.5 s without a line.
        for (var i = 1; i <= 4; i++)
        {
            await Task.Delay(500);
            await talker.SendAsync($"line {i}\n");
            var echo = await talker.ReadLineAsync($"the echo of line {i}, sent {i * 0.5:0.0} s after connecting (idle timeout 1.5 s)");
            Assert.True(echo == $"line {i}",
                $"Line {i}, sent {i * 0.5:0.0} s after connecting, was answered {Show.Text(echo)}. The idle timeout counts from the last " +
                "line, not from the connect: start a new timer for every read (a new CancelAfter), so only silence is cut off.");
        }
    }

    [Fact(DisplayName = "IdleReader tells a timeout from the server's stop")]
    public async Task IdleReader_tells_a_timeout_from_the_servers_stop()
    {
        using var pair = await ConnectedPair.OpenAsync();
        await using var stream = new NetworkStream(pair.Learner, ownsSocket: false);
        var reader = new Framing.LineReader(stream);

        await pair.Grader.SendAsync("ready\n");
        var line = await CodeUnderTest.Finish(IdleReader.ReadLineAsync(reader, TimeSpan.FromSeconds(2), CancellationToken.None).AsTask(),
            "IdleReader.ReadLineAsync to return a line that had already arrived");
        Assert.Equal("ready", line);

        await Expect.Throws<TimeoutException>(IdleReader.ReadLineAsync(reader, TimeSpan.FromMilliseconds(200), CancellationToken.None).AsTask(),
            "nothing came within the idle timeout of 0.2 s");

        using var stopping = new CancellationTokenSource();
        using var pair2 = await ConnectedPair.OpenAsync();
        await using var stream2 = new NetworkStream(pair2.Learner, ownsSocket: false);
        var stopped = IdleReader.ReadLineAsync(new Framing.LineReader(stream2), TimeSpan.FromSeconds(30), stopping.Token).AsTask();
        stopping.Cancel();
        var e = await Expect.Throws<OperationCanceledException>(stopped, "the server's token was cancelled: that is a stop, not a timeout");
        Assert.IsNotType<TimeoutException>(e);
    }

    private static async Task<bool> CountDropsToZeroAsync(AsyncEchoServer server)
    {
        var clock = Stopwatch.StartNew();
        while (server.ConnectionCount != 0 && clock.Elapsed < Deadlines.Default) await Task.Delay(20);
        return server.ConnectionCount == 0;
    }
}
