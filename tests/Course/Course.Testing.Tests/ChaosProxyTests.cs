using System.Net.Sockets;
using System.Text;
using Xunit;

namespace SocketCourse.Testing.Tests;

public sealed class ChaosProxyTests
{
    private static async Task<List<byte[]>> ReadAllReads(Socket socket)
    {
        var reads = new List<byte[]>();
        var buffer = new byte[4096];
        using var deadline = new CancellationTokenSource(Deadlines.Default);
        while (true)
        {
            var n = await socket.ReceiveAsync(buffer, SocketFlags.None, deadline.Token);
            if (n == 0) return reads;
            reads.Add(buffer[..n]);
        }
    }

    [Fact]
    public async Task One_byte_at_a_time_splits_a_message_into_many_reads_and_keeps_every_byte()
    {
        using var pair = await ConnectedPair.OpenAsync(Chaos.OneByteAtATime);

        await pair.Grader.SendAsync("你好, chaos");
        pair.Grader.ShutdownSend();
        var reads = await ReadAllReads(pair.Learner);

        Assert.True(reads.Count > 3, $"expected the message in many pieces, got {reads.Count} reads");
        Assert.Equal("你好, chaos", Encoding.UTF8.GetString(reads.SelectMany(r => r).ToArray()));
    }

    [Fact]
    public async Task Merging_delivers_separate_writes_as_one_read()
    {
        // A wide window, so the three sends fall inside it even on a loaded machine.
        using var pair = await ConnectedPair.OpenAsync(new Chaos { MergeWindow = TimeSpan.FromMilliseconds(400) });

        foreach (var part in new[] { "one|", "two|", "three" })
            await pair.Grader.SendAsync(part);
        pair.Grader.ShutdownSend();
        var reads = await ReadAllReads(pair.Learner);

        Assert.Equal(["one|two|three"], reads.Select(r => Encoding.UTF8.GetString(r)));
    }

    [Fact]
    public async Task Reset_after_n_bytes_delivers_them_then_resets()
    {
        using var pair = await ConnectedPair.OpenAsync(Chaos.ResetAfter(4));

        await pair.Grader.SendAsync("abcdefgh");
        var received = new List<byte>();
        var buffer = new byte[16];
        var error = await Assert.ThrowsAsync<SocketException>(async () =>
        {
            using var deadline = new CancellationTokenSource(Deadlines.Default);
            while (true)
            {
                var n = await pair.Learner.ReceiveAsync(buffer, SocketFlags.None, deadline.Token);
                if (n == 0) throw new InvalidOperationException("a clean end of stream instead of a reset");
                received.AddRange(buffer[..n]);
            }
        });

        Assert.Equal(SocketError.ConnectionReset, error.SocketErrorCode);
        Assert.Equal("abcd", Encoding.ASCII.GetString(received.ToArray()));
    }

    [Fact]
    public async Task Half_close_passes_through_in_both_directions()
    {
        using var pair = await ConnectedPair.OpenAsync(Chaos.Chunks(2));

        pair.Grader.ShutdownSend();
        Assert.Empty(await ReadAllReads(pair.Learner));

        await pair.Learner.SendAsync("still open the other way"u8.ToArray());
        pair.Learner.Shutdown(SocketShutdown.Send);
        Assert.Equal("still open the other way", await pair.Grader.ReadTextToEndAsync("the reply after a half-close"));
    }

    [Fact]
    public async Task A_proxy_to_nothing_resets_the_client_instead_of_hanging()
    {
        await using var proxy = ChaosProxy.Start(Loopback.UnusedEndPoint(), Chaos.None);

        // The reset may arrive while the connect is still completing, or on the first read: either is a reset.
        // The proxy resets the client once its own connect is refused, which takes about 2 s on Windows.
        var error = await Assert.ThrowsAsync<GradingException>(async () =>
        {
            using var client = await LoopbackPeer.ConnectAsync(proxy.EndPoint);
            await client.ReadToEndAsync("anything", timeout: Deadlines.Refusal);
        });

        Assert.Contains("ConnectionReset", error.Message);
    }
}
