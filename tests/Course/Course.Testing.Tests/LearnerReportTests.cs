using SocketCourse.Report;
using SocketCourse.Tool;
using SocketCourse.Tool.Grading;
using SocketCourse.Tool.Manifest;
using SocketCourse.Tool.Progress;
using Xunit;
using Xunit.Sdk;
using Xunit.v3;

namespace SocketCourse.Testing.Tests;

/// <summary>The report at the end of `dotnet test` (tests/Course.Report) and its short failures.</summary>
public sealed class LearnerReportTests
{
    private static readonly string Root = Path.Combine(Path.GetTempPath(), "report-course");

    private static readonly Lesson Lesson = new("03", "single", "Single connection", "二.3", LessonStatus.Ready, "lessons/03",
        "notebooks/03-single.ipynb", "exercises/03-X", "solutions/03-X", "tests/03-X.Tests",
        [new LessonStep(1, "Listen", ["Listening.cs"], []), new LessonStep(2, "Read to end", ["ByteStream.cs"], []), new LessonStep(3, "Serve", ["Server.cs"], [])]);

    private static GraderResult Stub(string name, int step) =>
        new(name, step, GraderOutcome.NotImplemented, "System.NotImplementedException", $"System.NotImplementedException : Step {step}: write it. See notebooks/03-single.ipynb, step {step}.");

    [Fact]
    public void Each_step_gets_a_line_then_its_first_failure_then_the_next_step()
    {
        GraderResult[] results =
        [
            new("Opens", 1, GraderOutcome.Passed),
            new("Reads_whole", 2, GraderOutcome.Failed, "SocketCourse.Testing.GradingException", "SocketCourse.Testing.GradingException : Sent 5 bytes; got 3.")
            {
                StackTrace = $"   at X.ByteStream.ReadToEndAsync() in {Root}/exercises/03-X/ByteStream.cs:line 39\n   at System.Threading.Tasks.Task.Wait()",
            },
            new("Reads_long", 2, GraderOutcome.Passed),
            Stub("Serves", 3),
            Stub("Serves_twice", 3),
        ];

        var report = StepReport.Render(Lesson, Track.Exercises, Root, results, detailed: false).Replace("\r\n", "\n");

        Assert.Equal($"""

            Lesson 03 · Single connection: 1 of 3 steps pass
              ok step 1  Listen       passed 1/1
              XX step 2  Read to end  in progress, passed 1/2
              .. step 3  Serve        not started (0/2)
              Step 2 fails: Reads whole
                  Sent 5 bytes; got 3.
                  at exercises/03-X/ByteStream.cs:39 (ByteStream.ReadToEndAsync)
              step 3 is not written yet: write it. See notebooks/03-single.ipynb, step 3.
              Next: lesson 03, step 2 (Read to end): fix exercises/03-X/ByteStream.cs; `check 03` shows what the grader saw; stuck? `hint 03 2`.
              (Commands in `…` are the course tool's: {ToolCommand.For("check 03")}.)

            """.Replace("\r\n", "\n"), report);
    }

    [Fact]
    public void A_lesson_that_passes_says_so()
    {
        var report = StepReport.Render(Lesson, Track.Exercises, Root,
            [new("Opens", 1, GraderOutcome.Passed), new("Reads", 2, GraderOutcome.Passed), new("Serves", 3, GraderOutcome.Passed)], detailed: false);

        Assert.Contains("Lesson 03 passes: all 3 graders.", report);
        Assert.DoesNotContain("Next:", report);
    }

    [Fact]
    public void A_stubs_failure_loses_its_trace_and_reads_as_a_step_not_written_yet()
    {
        var sink = new Captured();
        var shortener = new FailureShortener(sink, typeof(LearnerReportTests).Assembly);

        shortener.OnMessage(Failed(["System.NotImplementedException"], ["Step 2: write it."], ["   at X.Stub() in /x/Stub.cs:line 3"]));

        var failed = Assert.IsType<ITestFailed>(Assert.Single(sink.Messages), exactMatch: false);
        Assert.Equal(["System.NotImplementedException"], failed.ExceptionTypes);
        Assert.Equal(["step 2 is not written yet: write it."], failed.Messages);
        Assert.Equal([null], failed.StackTraces);
        Assert.Equal(FailureCause.Assertion, failed.Cause);
    }

    private static TestFailed Failed(string?[] types, string[] messages, string?[] traces) => new()
    {
        AssemblyUniqueID = "a",
        TestCollectionUniqueID = "c",
        TestClassUniqueID = "k",
        TestMethodUniqueID = "m",
        TestCaseUniqueID = "tc",
        TestUniqueID = "t",
        ExecutionTime = 0.01m,
        FinishTime = DateTimeOffset.UnixEpoch,
        Output = "",
        Warnings = null,
        Cause = FailureCause.Exception,
        ExceptionTypes = types,
        Messages = messages,
        StackTraces = traces,
        ExceptionParentIndices = [-1],
    };

    private sealed class Captured : IMessageSink
    {
        public List<IMessageSinkMessage> Messages { get; } = [];

        public bool OnMessage(IMessageSinkMessage message)
        {
            Messages.Add(message);
            return true;
        }
    }
}
