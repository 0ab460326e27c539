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

    [Fact]
    public void A_lesson_not_started_is_one_line_unless_it_is_the_courses_next()
    {
        GraderResult[] results = [Stub("Opens", 1), Stub("Reads", 2), Stub("Serves", 3)];

        var alone = StepReport.Render(Lesson, Track.Exercises, Root, results, detailed: false, ["Next for the course: lesson 01, step 1."]);
        var next = StepReport.Render(Lesson, Track.Exercises, Root, results, detailed: false, ["Course: 03 not started 0/3", "Next for the course: lesson 03, step 1."]);

        Assert.Equal("\nLesson 03 · Single connection: not started (0/3 steps, 3 graders reach a stub). Next for the course: lesson 01, step 1.\n",
            alone.Replace("\r\n", "\n"));
        Assert.Contains("  .. step 3  Serve        not started (0/1)", next);
        Assert.Contains("Next for the course: lesson 03, step 1.", next);
        Assert.DoesNotContain("  Next: ", next);
    }

    [Fact]
    public void After_the_first_stub_failure_the_others_are_skipped_with_the_stubs_message_and_counted_so()
    {
        var sink = new Captured();
        var steps = new UnwrittenSteps(sink, UnwrittenSteps.Mode.Skip);

        steps.OnMessage(CaseStarting("tc1", "2"));
        steps.OnMessage(Failed(["System.NotImplementedException"], ["Step 2: write it."], ["   at X.Stub() in /x/Stub.cs:line 3"], "tc1", "t1"));
        steps.OnMessage(CaseStarting("tc2", "2"));
        steps.OnMessage(Failed(["System.NotImplementedException"], ["Step 2: write it."], ["   at X.Stub() in /x/Stub.cs:line 3"], "tc2", "t2"));
        steps.OnMessage(Failed(["SocketCourse.Testing.GradingException"], ["Sent 5 bytes; got 3."], [null], "tc2", "t3"));
        steps.OnMessage(Failed(["System.InvalidOperationException", "System.NotImplementedException"], ["wrapped", "Step 2"], [null, null], "tc2", "t4"));
        steps.OnMessage(new TestAssemblyFinished { AssemblyUniqueID = "a", ExecutionTime = 1, FinishTime = DateTimeOffset.UnixEpoch, TestsFailed = 4, TestsNotRun = 0, TestsSkipped = 0, TestsTotal = 4 });

        var results = sink.Messages.OfType<ITestResultMessage>().ToList();
        Assert.IsType<ITestFailed>(results[0], exactMatch: false);
        var skipped = Assert.IsType<ITestSkipped>(results[1], exactMatch: false);
        Assert.Equal(StubSkip.Reason("step 2 is not written yet: write it."), skipped.Reason);
        Assert.True(StubSkip.Is(skipped.Reason));
        Assert.IsType<ITestFailed>(results[2], exactMatch: false);
        Assert.IsType<ITestFailed>(results[3], exactMatch: false);
        var finished = Assert.IsType<ITestAssemblyFinished>(sink.Messages[^1], exactMatch: false);
        Assert.Equal((3, 1, 4), (finished.TestsFailed, finished.TestsSkipped, finished.TestsTotal));
    }

    [Fact]
    public void Under_dotnet_test_the_later_stub_failures_go_to_the_report_alone()
    {
        var sink = new Captured();
        var steps = new UnwrittenSteps(sink, UnwrittenSteps.Mode.ReportOnly);

        foreach (var (testCase, test) in new[] { ("tc5", "t5"), ("tc6", "t6") })
        {
            steps.OnMessage(CaseStarting(testCase, "3"));
            steps.OnMessage(new TestStarting
            {
                AssemblyUniqueID = "a", TestCollectionUniqueID = "c", TestClassUniqueID = "k", TestMethodUniqueID = "m", TestCaseUniqueID = testCase,
                TestUniqueID = test, TestDisplayName = "Serves " + test, TestLabel = null, Explicit = false, StartTime = DateTimeOffset.UnixEpoch, Timeout = 0,
                Traits = new Dictionary<string, IReadOnlyCollection<string>>(),
            });
            steps.OnMessage(Failed(["System.NotImplementedException"], ["Step 3: serve."], [null], testCase, test));
        }

        Assert.Equal(["t5", "t5"], sink.Messages.OfType<ITestMessage>().Select(m => m.TestUniqueID));
        var folded = Assert.Single(UnwrittenSteps.Folded, r => r.DisplayName == "Serves t6");
        Assert.Equal((3, GraderOutcome.NotImplemented, "step 3 is not written yet: serve."), (folded.Step, folded.Outcome, folded.Message));
    }

    [Fact]
    public void CI_recognises_the_same_skip_reason()
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "course.json")))
            root = Path.GetDirectoryName(root) ?? throw new InvalidOperationException("course.json not found above the test's folder");

        Assert.Contains($"\"{StubSkip.Suffix}\"", File.ReadAllText(Path.Combine(root, ".ci", "CheckResults.cs")));
    }

    private static TestCaseStarting CaseStarting(string id, string step) => new()
    {
        AssemblyUniqueID = "a",
        TestCollectionUniqueID = "c",
        TestClassUniqueID = "k",
        TestMethodUniqueID = "m",
        TestCaseUniqueID = id,
        TestCaseDisplayName = id,
        TestClassName = "K",
        TestClassNamespace = null,
        TestClassSimpleName = "K",
        TestMethodName = "Serves_" + id,
        TestMethodArity = null,
        TestMethodParameterTypesVSTest = null,
        TestMethodReturnTypeVSTest = null,
        TestClassMetadataToken = null,
        TestMethodMetadataToken = null,
        SkipReason = null,
        SourceFilePath = null,
        SourceLineNumber = 1,
        StartTime = DateTimeOffset.UnixEpoch,
        Explicit = false,
        Traits = new Dictionary<string, IReadOnlyCollection<string>> { ["Step"] = [step] },
    };

    private static TestFailed Failed(string?[] types, string[] messages, string?[] traces, string testCase = "tc", string test = "t") => new()
    {
        AssemblyUniqueID = "a",
        TestCollectionUniqueID = "c",
        TestClassUniqueID = "k",
        TestMethodUniqueID = "m",
        TestCaseUniqueID = testCase,
        TestUniqueID = test,
        ExecutionTime = 0.01m,
        FinishTime = DateTimeOffset.UnixEpoch,
        Output = "",
        Warnings = null,
        Cause = FailureCause.Exception,
        ExceptionTypes = types,
        Messages = messages,
        StackTraces = traces,
        ExceptionParentIndices = [.. types.Select((_, i) => i - 1)],
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
