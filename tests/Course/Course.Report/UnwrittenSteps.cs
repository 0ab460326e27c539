using System.Collections.Concurrent;
using System.Reflection;
using SocketCourse.Tool.Grading;
using SocketCourse.Tool.Progress;
using Xunit.Sdk;
using Xunit.v3;

namespace SocketCourse.Report;

/// <summary>
/// A message sink that keeps a fresh clone's `dotnet test` short. Every grader still runs. The first grader of the run
/// that fails on a stub's NotImplementedException stays a failure ("step k is not written yet: …"), so the exit code
/// stays non-zero while anything is unwritten; each later one is folded (<see cref="Mode"/>): reported as skipped with
/// a reason that says the same (<see cref="StubSkip"/>), or, under `dotnet test` and at a terminal, left to the
/// learner's report, which counts it, because the .NET CLI prints every result that is not a pass in two or three
/// lines and has no option to leave them out. Only a failure whose one exception is the stub's NotImplementedException
/// is folded: any other failure, and any skip a grader makes itself, passes through untouched. The counts in the
/// summaries that follow (test case, method, class, collection, assembly) are corrected to match.
/// </summary>
public sealed class UnwrittenSteps(IMessageSink next, UnwrittenSteps.Mode mode) : IMessageSink
{
    /// <summary>What becomes of a grader that reaches a stub after the run's first one.</summary>
    public enum Mode
    {
        /// <summary>Nothing: every failure as xunit reports it (`--output Detailed`, SOCKETCOURSE_FULL_TRACES=1, test explorers).</summary>
        Off,

        /// <summary>Reported as skipped with <see cref="StubSkip"/>'s reason: for report files (CI, the course tool, the catalogue).</summary>
        Skip,

        /// <summary>Not reported to the platform; counted by the learner's report (<see cref="Folded"/>).</summary>
        ReportOnly,
    }

    private static readonly string NotImplemented = typeof(NotImplementedException).FullName!;
    private static readonly ConcurrentDictionary<string, GraderResult> FoldedResults = new();
    private readonly ConcurrentDictionary<string, ITestCaseStarting> _testCases = new();
    private readonly ConcurrentDictionary<string, List<IMessageSinkMessage>> _held = new();
    private readonly ConcurrentDictionary<string, bool> _dropped = new();
    private readonly ConcurrentDictionary<string, int> _foldedUnder = new();
    private int _failuresKept;

    /// <summary>The graders this process left to the learner's report (<see cref="Mode.ReportOnly"/>).</summary>
    public static IReadOnlyList<GraderResult> Folded => [.. FoldedResults.Values];

    /// <summary>
    /// The mode for this process: off when every failure is wanted in full or a test explorer runs the graders (it
    /// talks to them with `--server` and a protocol other than the dotnet CLI's); skipped when a report file is asked
    /// for, or when another program reads the output; left to the learner's report under `dotnet test` (`--server
    /// dotnettestcli`) and for the grader executable run at a terminal.
    /// </summary>
    public static Mode For(Assembly assembly)
    {
        var args = Environment.GetCommandLineArgs();
        var server = Array.IndexOf(args, "--server");
        var dotnetTest = server >= 0 && server + 1 < args.Length && args[server + 1] == "dotnettestcli";
        if (CourseBuild.Of(assembly) is null
            || Environment.GetEnvironmentVariable(GraderTestFramework.FullTracesVariable) is "1" or "true"
            || args.Any(a => a.Equals("Detailed", StringComparison.OrdinalIgnoreCase))
            || (server >= 0 && !dotnetTest)
            || args.Any(a => a is "-automated" or "@@"))
            return Mode.Off;
        if (args.Any(a => a.StartsWith("--report-", StringComparison.Ordinal) || a is "-xml" or "-trx" or "-html" or "-ctrf" or "-jUnit" or "-nUnit"))
            return Mode.Skip;
        return dotnetTest || !Console.IsOutputRedirected ? Mode.ReportOnly : Mode.Skip;
    }

    /// <inheritdoc />
    public bool OnMessage(IMessageSinkMessage message)
    {
        if (mode == Mode.Off)
            return next.OnMessage(message);
        switch (message)
        {
            case ITestCaseStarting starting:
                _testCases[starting.TestCaseUniqueID] = starting;
                break;
            case ITestStarting starting when mode == Mode.ReportOnly:
                // Held until the test's result says whether the platform hears of it at all.
                _held[starting.TestUniqueID] = [message];
                return true;
            case ITestFailed failed when IsStub(failed) && Interlocked.Exchange(ref _failuresKept, 1) == 1:
                Count(failed);
                if (mode == Mode.Skip)
                {
                    message = Skipped(failed);
                    break;
                }
                _dropped[failed.TestUniqueID] = true;
                _held.TryRemove(failed.TestUniqueID, out var before);
                FoldedResults[failed.TestUniqueID] = Result(failed, before?.OfType<ITestStarting>().FirstOrDefault()?.TestDisplayName);
                return true;
            case ITestMessage test when _dropped.ContainsKey(test.TestUniqueID):
                if (message is ITestFinished)
                    _dropped.TryRemove(test.TestUniqueID, out _);
                return true;
            case ITestMessage test when _held.TryGetValue(test.TestUniqueID, out var held):
                // A test's output may come from a thread of its own: the list is locked while it grows or is sent on.
                lock (held)
                {
                    if (_held.TryGetValue(test.TestUniqueID, out var current) && ReferenceEquals(current, held))
                    {
                        if (message is not ITestResultMessage)
                        {
                            held.Add(message);
                            return true;
                        }
                        _held.TryRemove(test.TestUniqueID, out _);
                        foreach (var earlier in held)
                            next.OnMessage(earlier);
                    }
                }
                break;
            case IExecutionSummaryMetadata summary:
                message = Corrected(message, summary);
                break;
        }
        return next.OnMessage(message);
    }

    /// <summary>A failure whose only exception is the stub's NotImplementedException (not one wrapped or beside another).</summary>
    private static bool IsStub(ITestFailed failed) =>
        failed.ExceptionTypes.Length == 1 && failed.ExceptionTypes[0] == NotImplemented;

    private string? StepOf(ITestResultMessage result) =>
        _testCases.TryGetValue(result.TestCaseUniqueID, out var testCase) && testCase.Traits.TryGetValue("Step", out var values)
            ? values.FirstOrDefault()
            : null;

    private void Count(ITestFailed failed)
    {
        foreach (var id in new[] { failed.TestCaseUniqueID, failed.TestMethodUniqueID, failed.TestClassUniqueID, failed.TestCollectionUniqueID, failed.AssemblyUniqueID })
            if (id is not null)
                _foldedUnder.AddOrUpdate(id, 1, (_, n) => n + 1);
    }

    private TestSkipped Skipped(ITestFailed failed) => new()
    {
        AssemblyUniqueID = failed.AssemblyUniqueID,
        TestCollectionUniqueID = failed.TestCollectionUniqueID,
        TestClassUniqueID = failed.TestClassUniqueID,
        TestMethodUniqueID = failed.TestMethodUniqueID,
        TestCaseUniqueID = failed.TestCaseUniqueID,
        TestUniqueID = failed.TestUniqueID,
        ExecutionTime = failed.ExecutionTime,
        FinishTime = failed.FinishTime,
        Output = failed.Output,
        Warnings = failed.Warnings,
        Reason = StubSkip.Reason(FailureSummary.NotWrittenYet(StepOf(failed), failed.Messages[0])),
    };

    private GraderResult Result(ITestFailed failed, string? displayName)
    {
        _testCases.TryGetValue(failed.TestCaseUniqueID, out var testCase);
        var stretch = testCase?.Traits.TryGetValue("Stretch", out var values) == true
            && string.Equals(values.FirstOrDefault(), "true", StringComparison.OrdinalIgnoreCase);
        var step = StepOf(failed);
        return new GraderResult(testCase?.TestMethodName ?? "?", int.TryParse(step, out var number) ? number : null,
            GraderOutcome.NotImplemented, NotImplemented, FailureSummary.NotWrittenYet(step, failed.Messages[0]),
            testCase?.SourceLineNumber ?? 0, stretch)
        {
            DisplayName = displayName,
        };
    }

    /// <summary>The finished message with the folded tests under it counted as skipped (or not counted), not failed.</summary>
    private IMessageSinkMessage Corrected(IMessageSinkMessage message, IExecutionSummaryMetadata summary)
    {
        var id = message switch
        {
            ITestCaseFinished m => m.TestCaseUniqueID,
            ITestMethodFinished m => m.TestMethodUniqueID,
            ITestClassFinished m => m.TestClassUniqueID,
            ITestCollectionFinished m => m.TestCollectionUniqueID,
            ITestAssemblyFinished m => m.AssemblyUniqueID,
            _ => null,
        };
        if (id is null || !_foldedUnder.TryGetValue(id, out var folded))
            return message;
        // The finished messages are classes of init-only properties: copy, then set the counts.
        var copy = (IMessageSinkMessage)MemberwiseCloneMethod.Invoke(message, null)!;
        var type = copy.GetType();
        type.GetProperty(nameof(IExecutionSummaryMetadata.TestsFailed))!.SetValue(copy, summary.TestsFailed - folded);
        if (mode == Mode.Skip)
            type.GetProperty(nameof(IExecutionSummaryMetadata.TestsSkipped))!.SetValue(copy, summary.TestsSkipped + folded);
        else
            type.GetProperty(nameof(IExecutionSummaryMetadata.TestsTotal))!.SetValue(copy, summary.TestsTotal - folded);
        return copy;
    }

    private static readonly MethodInfo MemberwiseCloneMethod =
        typeof(object).GetMethod("MemberwiseClone", BindingFlags.Instance | BindingFlags.NonPublic)!;
}
