using SocketCourse.Tool.Grading;
using SocketCourse.Tool.Manifest;
using SocketCourse.Tool.Progress;

namespace SocketCourse.Tool.Tests;

public sealed class FailureSummaryTests
{
    private static readonly string Root = Path.Combine(Path.GetTempPath(), "summary-course");

    private static readonly string Trace = string.Join("\n",
        $"   at SocketCourse.X.ByteStream.ReadToEndAsync(Socket socket) in {Root}/exercises/03-X/ByteStream.cs:line 39",
        $"   at SocketCourse.X.Tests.Step2.<>c__DisplayClass1_0.<Reads_whole>b__0() in {Root}/tests/03-X.Tests/Step2.cs:line 37",
        "   at System.Threading.ExecutionContext.RunFromThreadPoolDispatchLoop(Thread threadPoolThread)",
        "--- End of stack trace from previous location ---",
        $"   at SocketCourse.Testing.CodeUnderTest.Rethrow(Task faulted) in {Root}/tests/Course.Testing/CodeUnderTest.cs:line 58",
        $"   at SocketCourse.X.Tests.Step2.Reads_whole() in {Root}/tests/03-X.Tests/Step2.cs:line 38");

    [Fact]
    public void Only_the_learners_frames_and_the_graders_method_are_kept()
    {
        var grader = new GraderResult("Reads_whole", 2, GraderOutcome.Failed, "System.InvalidOperationException", "boom") { StackTrace = Trace };

        Assert.Equal(
            ["exercises/03-X/ByteStream.cs:39 (ByteStream.ReadToEndAsync)", "tests/03-X.Tests/Step2.cs:38 (Step2.Reads_whole)"],
            FailureSummary.Frames(grader, Root, "exercises/03-X"));
    }

    [Fact]
    public void A_trace_with_nothing_of_the_learners_or_the_graders_keeps_nothing() =>
        Assert.Null(FailureSummary.KeepFrames("   at System.Threading.Tasks.Task.Wait() in /dotnet/Task.cs:line 1", Path.Combine(Root, "exercises/03-X"), "Reads_whole"));

    [Theory]
    [InlineData("2", "System.NotImplementedException : Step 2: loop until 0. See notebooks/03.ipynb, step 2.", "step 2 is not written yet: loop until 0. See notebooks/03.ipynb, step 2.")]
    [InlineData(null, "Step 2: loop until 0.", "step 2 is not written yet: loop until 0.")]
    [InlineData("3", "Step 1: bind first.", "step 1 is not written yet: bind first.")]
    [InlineData(null, "Write it.", "not written yet: Write it.")]
    [InlineData("2", "step 2 is not written yet: loop until 0.", "step 2 is not written yet: loop until 0.")]
    [InlineData(null, "step 1 is not written yet: bind first.", "step 1 is not written yet: bind first.")]
    public void A_stub_reads_as_a_step_not_written_yet(string? step, string message, string expected) =>
        Assert.Equal(expected, FailureSummary.NotWrittenYet(step, message));

    [Fact]
    public void Other_failures_are_listed_and_stubs_are_counted()
    {
        var step = StepProgress.From(new LessonStep(2, "Read", [], []),
        [
            new GraderResult("First", 2, GraderOutcome.Failed, "G", "GradingException : Sent 5 bytes; got 3.\nMore detail."),
            new GraderResult("Second", 2, GraderOutcome.Failed, "G", "GradingException : Sent 9 bytes; got 0."),
            new GraderResult("Third", 2, GraderOutcome.Passed),
            new GraderResult("Fourth", 2, GraderOutcome.NotImplemented, "System.NotImplementedException", "System.NotImplementedException : Step 2: decode."),
            new GraderResult("Fifth", 2, GraderOutcome.NotImplemented, "System.NotImplementedException", "System.NotImplementedException : Step 2: decode."),
        ]);

        Assert.Equal("Step 2 fails", FailureSummary.Heading(step));
        Assert.Equal(["Second"], FailureSummary.AlsoFailing(step).Select(g => g.Name));
        Assert.Equal("Sent 9 bytes; got 0.", FailureSummary.Reason(FailureSummary.AlsoFailing(step)[0]));
        Assert.Equal("2 more graders reach a stub: step 2 is not written yet: decode.", FailureSummary.StillStubbed(step));
    }

    [Fact]
    public void A_display_name_of_its_own_is_the_graders_sentence()
    {
        Assert.Equal("Three datagrams come back as three, each one whole",
            new GraderResult("Three_datagrams_come_back", 2, GraderOutcome.Passed) { DisplayName = "Three datagrams come back as three, each one whole" }.Sentence);
        Assert.Equal("Three datagrams come back",
            new GraderResult("Three_datagrams_come_back", 2, GraderOutcome.Passed) { DisplayName = "Ns.Step2.Three_datagrams_come_back" }.Sentence);
    }
}
