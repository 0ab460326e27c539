using System.Collections.Concurrent;
using System.Reflection;
using SocketCourse.Tool.Progress;
using Xunit.Sdk;
using Xunit.v3;

namespace SocketCourse.Report;

/// <summary>A message sink that passes every xunit message on, with each test failure shortened (see <see cref="GraderTestFramework"/>).</summary>
public sealed class FailureShortener(IMessageSink next, Assembly assembly) : IMessageSink
{
    private readonly ConcurrentDictionary<string, ITestCaseStarting> _testCases = new();
    private readonly string? _learnerFolder = CourseBuild.Of(assembly)?.LearnerFolder;

    /// <summary>
    /// Whether failures are shortened in this run: not when full traces are asked for, with the environment
    /// variable, with `--output Detailed`, or by asking for a report file (xunit XML, TRX…), which keeps everything.
    /// </summary>
    public static bool Wanted(Assembly assembly)
    {
        if (CourseBuild.Of(assembly) is null
            || Environment.GetEnvironmentVariable(GraderTestFramework.FullTracesVariable) is "1" or "true")
            return false;
        var args = Environment.GetCommandLineArgs();
        return !args.Any(a => a.StartsWith("--report-", StringComparison.Ordinal))
            && !args.Any(a => a.Equals("Detailed", StringComparison.OrdinalIgnoreCase));
    }

    /// <inheritdoc />
    public bool OnMessage(IMessageSinkMessage message)
    {
        switch (message)
        {
            case ITestCaseStarting starting:
                _testCases[starting.TestCaseUniqueID] = starting;
                break;
            case ITestFailed failed:
                message = (IMessageSinkMessage)Shorten(failed);
                break;
        }
        return next.OnMessage(message);
    }

    private ITestFailed Shorten(ITestFailed failed)
    {
        _testCases.TryGetValue(failed.TestCaseUniqueID, out var testCase);
        var messages = failed.Messages.ToArray();
        var traces = failed.StackTraces.ToArray();
        var stub = Array.FindIndex(failed.ExceptionTypes, t => t == typeof(NotImplementedException).FullName);
        if (stub >= 0)
        {
            var step = testCase?.Traits.TryGetValue("Step", out var values) == true ? values.FirstOrDefault() : null;
            messages = [FailureSummary.NotWrittenYet(step, failed.Messages[stub])];
            traces = [null];
            // An unfinished step is an expectation not met, not a crash: reported as a failure, not an error.
            return Copy(failed, [failed.ExceptionTypes[stub]], messages, traces, [-1], FailureCause.Assertion);
        }
        if (_learnerFolder is null)
            return failed;
        for (var i = 0; i < traces.Length; i++)
            traces[i] = FailureSummary.KeepFrames(traces[i], _learnerFolder, testCase?.TestMethodName);
        // The harness's GradingException is the graders' assertion: a failure, as xunit's own asserts are.
        var cause = failed.ExceptionTypes.FirstOrDefault()?.StartsWith("SocketCourse.Testing.Grading", StringComparison.Ordinal) == true
            ? FailureCause.Assertion
            : failed.Cause;
        return Copy(failed, failed.ExceptionTypes, messages, traces, failed.ExceptionParentIndices, cause);
    }

    private static TestFailed Copy(ITestFailed failed, string?[] types, string[] messages, string?[] traces, int[] parents, FailureCause cause) => new()
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
        Cause = cause,
        ExceptionTypes = types,
        Messages = messages,
        StackTraces = traces,
        ExceptionParentIndices = parents,
    };
}
