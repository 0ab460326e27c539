using System.Net;
using System.Net.Sockets;
using Xunit;

namespace SocketCourse.Testing.Tests;

[Collection(Name)]
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SocketLeaksTests
{
    private const string Name = "counts the process's sockets";

    private static async Task<(Socket Grader, Socket Learner)> PairAsync()
    {
        using var listener = LoopbackListener.Start();
        var grader = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await grader.ConnectAsync(listener.EndPoint);
        var learner = await listener.AcceptAsync();
        return (grader, learner.Socket);
    }

    [Fact]
    public async Task An_open_learner_socket_is_found_and_a_disposed_one_is_not()
    {
        if (!SocketLeaks.CanCheck) return; // Linux only; elsewhere the checks pass without looking, by design
        var (grader, learner) = await PairAsync();
        using var _ = grader;

        Assert.True(SocketLeaks.IsConnectionOpen((IPEndPoint)learner.LocalEndPoint!, (IPEndPoint)learner.RemoteEndPoint!));
        var open = Assert.Throws<GradingException>(() => SocketLeaks.ExpectLearnerClosed(grader, "after the call"));
        Assert.Contains("was not closed cleanly after the call", open.Message);
        GC.KeepAlive(learner);

        learner.Dispose();
        SocketLeaks.ExpectLearnerClosed(grader, "after the call", learnerClosesFirst: true);
    }

    [Fact]
    public async Task A_learner_socket_that_was_reset_instead_of_closed_is_reported()
    {
        if (!SocketLeaks.CanCheck) return;
        var (grader, learner) = await PairAsync();
        using var _ = grader;

        learner.LingerState = new LingerOption(true, 0); // what the finalizer of a leaked socket does: an abortive close
        learner.Close();

        var reset = Assert.Throws<GradingException>(() => SocketLeaks.ExpectLearnerClosed(grader, "after the call", learnerClosesFirst: true));
        Assert.Contains("was not closed cleanly after the call", reset.Message);
    }

    [Fact]
    public async Task A_noted_learner_socket_that_a_finalizer_reset_before_the_check_is_reported_like_an_open_one()
    {
        if (!SocketLeaks.CanCheck) return;
        var (grader, learner) = await PairAsync();
        using var _ = grader;
        var learnerEnd = SocketLeaks.LearnerEndOf(grader);
        var open = Assert.Throws<GradingException>(() => learnerEnd.ExpectClosed("after the call"));

        // A garbage collection between the learner's return and the check: the finalizer closes the leaked socket abortively.
        learner.LingerState = new LingerOption(true, 0);
        learner.Close();
        await Eventually.TrueAsync(() => grader.Poll(0, SelectMode.SelectRead), "the reset to reach the grader's end", () => "nothing to read yet");
        var reset = Assert.Throws<GradingException>(() => learnerEnd.ExpectClosed("after the call"));

        Assert.Equal(open.Message, reset.Message); // one mistake, one message, whenever the garbage collector runs
    }

    [Fact]
    public async Task A_noted_learner_socket_disposed_after_reading_everything_passes()
    {
        if (!SocketLeaks.CanCheck) return;
        var (grader, learner) = await PairAsync();
        using var _ = grader;
        var learnerEnd = SocketLeaks.LearnerEndOf(grader);

        learner.Dispose();
        await Eventually.TrueAsync(() => grader.Poll(0, SelectMode.SelectRead), "the FIN to reach the grader's end", () => "nothing to read yet");

        learnerEnd.ExpectClosed("after the call");
    }

    [Fact]
    public async Task A_learner_end_noted_while_established_is_followed_after_both_sides_closed_their_halves()
    {
        if (!SocketLeaks.CanCheck) return;
        var (grader, learner) = await PairAsync();
        using var _ = grader;
        var end = SocketLeaks.LearnerEndOf(grader);
        learner.Shutdown(SocketShutdown.Send);
        grader.Shutdown(SocketShutdown.Send);
        await Task.Delay(50); // both FINs exchanged: the kernel lists the learner's end no longer under its addresses

        Assert.Throws<GradingException>(() => end.ExpectClosed("after the call"));
        learner.Dispose();
        end.ExpectClosed("after the call");
    }

    [Fact]
    public void Nothing_left_open_passes_a_clean_failure_and_fails_a_leaking_one()
    {
        if (!SocketLeaks.CanCheck) return;
        var leaked = new List<Socket>();

        SocketLeaks.ExpectNothingLeftOpen(() => throw new InvalidOperationException("fails cleanly"), "a clean failure");
        Assert.Throws<GradingException>(() => SocketLeaks.ExpectNothingLeftOpen(() =>
        {
            leaked.Add(new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp));
            throw new InvalidOperationException("fails and leaks");
        }, "a leaking failure"));
        Assert.Throws<NotImplementedException>(() => SocketLeaks.ExpectNothingLeftOpen(() => throw new NotImplementedException(), "a stub"));
        foreach (var s in leaked) s.Dispose();
    }

    [Fact]
    public async Task A_reset_is_not_a_clean_close()
    {
        var (grader, learner) = await PairAsync();
        using var peer = new LoopbackPeer(grader, "the grader's peer");
        learner.LingerState = new LingerOption(true, 0);
        learner.Close();

        var error = await Assert.ThrowsAsync<GradingException>(() => peer.ExpectCleanCloseAsync("the learner closes"));
        Assert.Contains("reset", error.Message);
    }
}
