namespace SocketCourse.Tool.Grading;

/// <summary>
/// How a grader that reached a stub is reported when another grader of the same run already failed on one: as
/// skipped, with a reason this class writes and recognises. Only the graders' own test framework writes it
/// (tests/Course/Course.Report, UnwrittenSteps), and only for a grader that threw the stub's NotImplementedException,
/// so the report, the course tool and CI count such a skip as "reached a stub", exactly like the failure it replaces.
/// Keeping one failure per lesson keeps `dotnet test` short on a fresh clone, and its exit code non-zero.
/// </summary>
public static class StubSkip
{
    /// <summary>The end of every such reason. .ci/CheckResults.cs checks for the same text: change both together.</summary>
    public const string Suffix = " [NotImplementedException reached; one grader of this lesson reports it as a failure]";

    /// <summary>The skip reason for a grader whose stub said <paramref name="notWrittenYet"/> ("step 2 is not written yet: …").</summary>
    public static string Reason(string notWrittenYet) => notWrittenYet + Suffix;

    /// <summary>Whether <paramref name="reason"/> is a skip written by <see cref="Reason"/>.</summary>
    public static bool Is(string? reason) =>
        reason is not null && reason.EndsWith(Suffix, StringComparison.Ordinal) && reason.Contains(" is not written yet", StringComparison.Ordinal);

    /// <summary>The stub's message in the reason ("step 2 is not written yet: …"), without the suffix.</summary>
    public static string Message(string reason) => Is(reason) ? reason[..^Suffix.Length] : reason;
}
