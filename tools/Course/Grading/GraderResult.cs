using System.Text.Json.Serialization;

namespace SocketCourse.Tool.Grading;

/// <summary>How one grader (one test) ended.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<GraderOutcome>))]
public enum GraderOutcome
{
    /// <summary>The grader passed.</summary>
    Passed,

    /// <summary>The grader failed: the learner's code ran and did something else than expected.</summary>
    Failed,

    /// <summary>The grader reached a stub that still throws NotImplementedException.</summary>
    NotImplemented,

    /// <summary>The grader was skipped or did not run.</summary>
    Skipped,
}

/// <summary>One grader's result, as read from the xunit XML report.</summary>
/// <param name="Name">The test's method name, e.g. Port_zero_is_replaced_by_the_real_port.</param>
/// <param name="Step">The value of its Step trait, or null when it has none.</param>
/// <param name="Outcome">How it ended.</param>
/// <param name="ExceptionType">The exception that failed it, if any.</param>
/// <param name="Message">The failure message (already written to teach), if any.</param>
/// <param name="Line">Where the test is in its file (0 if unknown): graders are shown in the order they are written.</param>
/// <param name="IsStretch">Whether the grader is a stretch goal (trait <c>Stretch=true</c>): optional, shown apart, and
/// never keeping a step or a lesson from passing.</param>
public sealed record GraderResult(string Name, int? Step, GraderOutcome Outcome, string? ExceptionType = null, string? Message = null, int Line = 0,
    bool IsStretch = false)
{
    /// <summary>The grader's display name when it has one of its own (a sentence with its punctuation), else null.</summary>
    public string? DisplayName { get; init; }

    /// <summary>The stack trace of the failure, if any (the report keeps only the learner's and the grader's frames).</summary>
    public string? StackTrace { get; init; }

    /// <summary>The grader as a sentence: its display name, or else its method name with underscores as spaces.</summary>
    [JsonIgnore]
    public string Sentence => DisplayName is { Length: > 0 } name && !name.Contains("." + Name, StringComparison.Ordinal) && !name.StartsWith(Name, StringComparison.Ordinal)
        ? name
        : Name.Replace('_', ' ');
}
