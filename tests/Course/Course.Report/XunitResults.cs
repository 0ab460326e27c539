using System.Collections.Concurrent;
using SocketCourse.Tool.Grading;
using Xunit.Sdk;

namespace SocketCourse.Report;

/// <summary>The graders' results as xunit's messages tell them, for the report when xunit's own runner runs.</summary>
public sealed class XunitResults
{
    private readonly ConcurrentDictionary<string, ITestCaseStarting> _testCases = new();
    private readonly ConcurrentDictionary<string, string> _displayNames = new();
    private readonly ConcurrentDictionary<string, GraderResult> _results = new();

    /// <summary>Every finished grader's result.</summary>
    public IReadOnlyList<GraderResult> All => [.. _results.Values];

    /// <summary>Takes note of <paramref name="message"/> if it starts a test case or a test, or ends a test.</summary>
    public void Add(IMessageSinkMessage message)
    {
        switch (message)
        {
            case ITestCaseStarting testCase:
                _testCases[testCase.TestCaseUniqueID] = testCase;
                break;
            case ITestStarting test:
                _displayNames[test.TestUniqueID] = test.TestDisplayName;
                break;
            case ITestPassed passed:
                Record(passed, "Pass", null, null, null);
                break;
            case ITestFailed failed:
                Record(failed, "Fail", failed.ExceptionTypes.FirstOrDefault(), ExceptionUtility.CombineMessages(failed), ExceptionUtility.CombineStackTraces(failed));
                break;
            case ITestSkipped skipped when StubSkip.Is(skipped.Reason):
                Record(skipped, "Skip", typeof(NotImplementedException).FullName, StubSkip.Message(skipped.Reason), null);
                break;
            case ITestSkipped skipped:
                Record(skipped, "Skip", null, skipped.Reason, null);
                break;
            case ITestNotRun notRun:
                Record(notRun, "NotRun", null, null, null);
                break;
        }
    }

    private void Record(ITestResultMessage result, string outcome, string? exceptionType, string? message, string? stackTrace)
    {
        _testCases.TryGetValue(result.TestCaseUniqueID, out var testCase);
        var traits = testCase?.Traits ?? new Dictionary<string, IReadOnlyCollection<string>>();
        string? Trait(string name) => traits.TryGetValue(name, out var values) ? values.FirstOrDefault() : null;
        _results[result.TestUniqueID] = new GraderResult(
            testCase?.TestMethodName ?? "?",
            int.TryParse(Trait("Step"), out var step) ? step : null,
            XunitReport.Outcome(outcome, exceptionType, message),
            exceptionType,
            message,
            testCase?.SourceLineNumber ?? 0,
            string.Equals(Trait("Stretch"), "true", StringComparison.OrdinalIgnoreCase))
        {
            DisplayName = _displayNames.GetValueOrDefault(result.TestUniqueID),
            StackTrace = stackTrace,
        };
    }
}
