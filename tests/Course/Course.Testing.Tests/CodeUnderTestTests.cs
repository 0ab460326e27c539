using Xunit;

namespace SocketCourse.Testing.Tests;

public sealed class CodeUnderTestTests
{
    private static Task<int> Stub() => throw new NotImplementedException("Step 1: not written yet");

    [Fact]
    public async Task A_stub_that_throws_is_reported_instead_of_the_wait_it_caused()
    {
        var running = CodeUnderTest.Start(Stub);

        var error = await Assert.ThrowsAsync<NotImplementedException>(() =>
            CodeUnderTest.WhileRunning(running, () => new TaskCompletionSource<int>().Task.Within(TimeSpan.FromSeconds(2), "a reply")));

        Assert.Equal("Step 1: not written yet", error.Message);
    }

    [Fact]
    public async Task A_learner_failure_after_the_grader_gave_up_still_wins()
    {
        var slowFailure = CodeUnderTest.Start(async () =>
        {
            await Task.Delay(50);
            throw new InvalidOperationException("learner crashed");
        });

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            CodeUnderTest.WhileRunning(slowFailure, () => Task.FromException<int>(new GradingTimeoutException("grader timed out"))));

        Assert.Equal("learner crashed", error.Message);
    }

    [Fact]
    public async Task Expect_throws_passes_on_the_expected_exception_and_rethrows_a_stub()
    {
        await Expect.Throws<InvalidDataException>(Task.FromException(new InvalidDataException("too big")), "too big");

        await Assert.ThrowsAsync<NotImplementedException>(() =>
            Expect.Throws<InvalidDataException>(Task.FromException(new NotImplementedException()), "stub"));
    }

    [Fact]
    public async Task Expect_throws_fails_on_success_wrong_exception_and_hang()
    {
        var success = await Assert.ThrowsAsync<GradingException>(() => Expect.Throws<InvalidDataException>(Task.CompletedTask, "limit"));
        Assert.Contains("completed without one", success.Message);

        var wrong = await Assert.ThrowsAsync<GradingException>(() =>
            Expect.Throws<InvalidDataException>(Task.FromException(new ArgumentException("nope")), "limit"));
        Assert.Contains("but got ArgumentException", wrong.Message);

        await Assert.ThrowsAsync<GradingTimeoutException>(() =>
            Expect.Throws<InvalidDataException>(new TaskCompletionSource().Task, "limit", TimeSpan.FromMilliseconds(50)));
    }

    [Fact]
    public async Task A_TimeoutException_from_the_code_is_not_mistaken_for_the_graders_deadline()
    {
        var givesUp = Task.Run(async () =>
        {
            await Task.Delay(20);
            throw new TimeoutException("no reply within 20 ms");
        });

        var error = await Expect.Throws<TimeoutException>(givesUp, "the code's own timeout");
        Assert.Equal("no reply within 20 ms", error.Message);

        var passedThrough = await Assert.ThrowsAsync<TimeoutException>(() => givesUp.Within(TimeSpan.FromSeconds(2), "the code"));
        Assert.Equal("no reply within 20 ms", passedThrough.Message);
    }

    [Fact]
    public async Task A_failure_the_grader_provokes_as_its_last_act_does_not_count_against_the_learner()
    {
        var provoked = new TaskCompletionSource();
        var learner = CodeUnderTest.Start(async () =>
        {
            await provoked.Task;
            throw new IOException("the grader reset the connection, on purpose");
        });

        // SetResult runs the learner's continuation at once, so its failure lands before the grader's side has returned.
        var result = await CodeUnderTest.WhileRunning(learner, async () =>
        {
            provoked.SetResult();
            await Task.Yield();
            return 42;
        });

        Assert.Equal(42, result);
        await Assert.ThrowsAsync<IOException>(() => learner);
    }
}
