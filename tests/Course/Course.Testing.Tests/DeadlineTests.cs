using System.Diagnostics;
using System.Net.Sockets;
using Xunit;

namespace SocketCourse.Testing.Tests;

public sealed class DeadlineTests
{
    [Fact]
    public async Task A_wait_that_runs_out_names_what_was_awaited()
    {
        var never = new TaskCompletionSource<int>().Task;

        var error = await Assert.ThrowsAsync<GradingTimeoutException>(
            () => never.Within(TimeSpan.FromMilliseconds(50), "the reply", "Is the server blocked?"));

        Assert.Equal("Timed out after 50 ms waiting for the reply. Is the server blocked?", error.Message);
    }

    [Fact]
    public async Task Accept_with_nobody_connecting_fails_within_its_deadline()
    {
        using var listener = LoopbackListener.Start();
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<GradingTimeoutException>(
            () => listener.AcceptAsync("the learner's client to connect", TimeSpan.FromMilliseconds(200)));

        Assert.Contains("waiting for the learner's client to connect", error.Message);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), "the wait must end near its deadline, not hang");
    }

    [Fact]
    public async Task A_server_that_never_accepts_fails_the_grader_within_seconds()
    {
        // Listening but never accepting: connect succeeds (the backlog), the reply never comes.
        using var neverAccepts = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        neverAccepts.Bind(Loopback.AnyPort);
        neverAccepts.Listen(1);

        using var client = await LoopbackPeer.ConnectAsync(neverAccepts.LocalEndPoint!);
        await client.SendAsync("hello?");
        var error = await Assert.ThrowsAsync<GradingTimeoutException>(
            () => client.ReadToEndAsync("the server's reply", timeout: TimeSpan.FromMilliseconds(300)));

        Assert.Contains("waiting for the server's reply", error.Message);
        Assert.Contains("\"\" (0 bytes)", error.Message);
    }

    [Fact]
    public async Task Connecting_where_nothing_listens_is_explained_as_refused()
    {
        var error = await Assert.ThrowsAsync<GradingException>(() => LoopbackPeer.ConnectAsync(Loopback.UnusedEndPoint()));

        Assert.Contains("Connection refused: nothing is listening on that port", error.Message);
    }

    [Fact]
    public async Task End_of_stream_is_recognised_and_data_instead_is_reported()
    {
        using var pair = await ConnectedPair.OpenAsync();

        await pair.Learner.SendAsync("unexpected"u8.ToArray());
        var error = await Assert.ThrowsAsync<GradingException>(() => pair.Grader.ExpectEndOfStreamAsync("the server closes"));
        Assert.Contains("received \"unexpected\" (10 bytes)", error.Message);

        pair.Learner.Shutdown(SocketShutdown.Send);
        await pair.Grader.ExpectEndOfStreamAsync("the learner half-closed");
    }
}
