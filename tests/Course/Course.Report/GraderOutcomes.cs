using Microsoft.Testing.Platform.Extensions.Messages;
using SocketCourse.Tool.Grading;

namespace SocketCourse.Report;

/// <summary>Turns the platform's test node updates into the course tool's grader results.</summary>
public static class GraderOutcomes
{
    /// <summary>The result of a finished test, or null while it is still running (or only discovered).</summary>
    public static GraderResult? From(TestNode node)
    {
        var state = node.Properties.SingleOrDefault<TestNodeStateProperty>();
        var (result, exception) = state switch
        {
            PassedTestNodeStateProperty => ("Pass", null),
            FailedTestNodeStateProperty failed => ("Fail", failed.Exception),
            ErrorTestNodeStateProperty error => ("Fail", error.Exception),
            TimeoutTestNodeStateProperty timeout => ("Fail", timeout.Exception),
            SkippedTestNodeStateProperty => ("Skip", null),
            _ => (null as string, null as Exception),
        };
        if (result is null)
            return null;
        var message = exception?.Message ?? state?.Explanation;
        var exceptionType = exception?.GetType().FullName;
        if (result == "Skip" && StubSkip.Is(message))
            (exceptionType, message) = (typeof(NotImplementedException).FullName, StubSkip.Message(message!));
        var traits = node.Properties.OfType<TestMetadataProperty>().ToList();
        var step = traits.FirstOrDefault(t => t.Key == "Step")?.Value;
        var method = node.Properties.SingleOrDefault<TestMethodIdentifierProperty>();
        var location = node.Properties.SingleOrDefault<TestFileLocationProperty>();
        return new GraderResult(
            method?.MethodName ?? node.DisplayName,
            int.TryParse(step, out var number) ? number : null,
            XunitReport.Outcome(result, exceptionType, message),
            exceptionType,
            message,
            location?.LineSpan.Start.Line ?? 0,
            string.Equals(traits.FirstOrDefault(t => t.Key == "Stretch")?.Value, "true", StringComparison.OrdinalIgnoreCase))
        {
            DisplayName = node.DisplayName,
            StackTrace = exception?.StackTrace,
        };
    }
}
