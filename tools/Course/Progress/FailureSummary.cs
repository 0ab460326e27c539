using System.Text.RegularExpressions;
using SocketCourse.Tool.Grading;
using SocketCourse.Tool.Rendering;

namespace SocketCourse.Tool.Progress;

/// <summary>
/// A step's failures in few words, shared by `check` and by the report at the end of `dotnet test`: a heading for
/// the first failure, the frames of a stack trace that are the learner's or the grader's, and one line per other
/// failing grader.
/// </summary>
public static partial class FailureSummary
{
    /// <summary>The longest short reason, in characters.</summary>
    public const int MaxReason = 110;

    /// <summary>"Step 2 is not written yet" for a stub, "Step 2 fails" otherwise.</summary>
    public static string Heading(StepProgress step) =>
        step.FirstFailure?.Outcome == GraderOutcome.NotImplemented
            ? $"Step {step.Step.Number} is not written yet"
            : $"Step {step.Step.Number} fails";

    /// <summary>The graders of the step that fail on the learner's code, after the first one, in the order they are written.</summary>
    public static IReadOnlyList<GraderResult> AlsoFailing(StepProgress step) =>
        [.. step.Graders.Where(g => g.Outcome == GraderOutcome.Failed && g != step.FirstFailure)];

    /// <summary>
    /// One line for the step's other graders that still reach a stub ("5 more graders reach a stub: …"), or null
    /// when there are none: they all say the same, so they are counted rather than listed.
    /// </summary>
    public static string? StillStubbed(StepProgress step)
    {
        var stubbed = step.Graders.Where(g => g.Outcome == GraderOutcome.NotImplemented && g != step.FirstFailure).ToList();
        if (stubbed.Count == 0)
            return null;
        var what = stubbed.Count == 1 ? "1 more grader reaches" : $"{stubbed.Count} more graders reach";
        return $"{what} a stub: {Shorten(NotWrittenYet(null, stubbed[0].Message))}";
    }

    /// <summary>A grader's failure in one line: the first line of its message, shortened.</summary>
    public static string Reason(GraderResult grader)
    {
        if (grader.Outcome == GraderOutcome.NotImplemented)
            return Shorten(NotWrittenYet(null, grader.Message));
        return Shorten(FailureText.Clean(grader.Message).Split('\n').FirstOrDefault(l => l.Trim().Length > 0)?.Trim() ?? "");
    }

    private static string Shorten(string line) => line.Length <= MaxReason ? line : line[..(MaxReason - 1)] + "…";

    /// <summary>A stub's failure in the learner's words: "step 2 is not written yet: loop on ReceiveAsync … step 2."</summary>
    /// <param name="step">The grader's Step trait, if it has one.</param>
    /// <param name="stubMessage">The NotImplementedException's message, which usually starts "Step 2: ".</param>
    public static string NotWrittenYet(string? step, string? stubMessage)
    {
        var message = FailureText.Clean(stubMessage).Split('\n')[0].Trim();
        // The stub names its own step ("Step 1: …", or already "step 1 is not written yet: …"); a grader of a later
        // step may reach an earlier step's stub.
        var own = NotWrittenPrefix().Match(message) is { Length: > 0 } said ? said : StepPrefix().Match(message);
        if (own.Success && own.Groups["step"].Success)
            step = own.Groups["step"].Value;
        message = message[own.Length..];
        return step is null ? $"not written yet: {message}" : $"step {step} is not written yet: {message}";
    }

    /// <summary>
    /// The frames of <paramref name="grader"/>'s stack trace worth reading, as "file:line (Type.Method)": those in
    /// files under <paramref name="learnerFolder"/> (the learner's code) and the grader's own test method. Runtime,
    /// harness and compiler-generated frames are left out. Paths are relative to <paramref name="root"/>.
    /// </summary>
    public static IReadOnlyList<string> Frames(GraderResult grader, string root, string learnerFolder)
    {
        var kept = KeepFrames(grader.StackTrace, Path.Combine(root, learnerFolder), grader.Name);
        if (kept is null)
            return [];
        return [.. kept.Split('\n').Select(l => Frame().Match(l)).Where(m => m.Success)
            .Select(m => $"{Relative(root, m.Groups["file"].Value)}:{m.Groups["line"].Value} ({ShortMethod(m.Groups["method"].Value)})")
            .Distinct()];
    }

    /// <summary>
    /// <paramref name="stackTrace"/> with only the frames in <paramref name="learnerFolder"/> and in the test method
    /// <paramref name="testMethod"/> itself (not its lambdas), as .NET writes frames; null when none is left.
    /// </summary>
    public static string? KeepFrames(string? stackTrace, string learnerFolder, string? testMethod)
    {
        if (string.IsNullOrEmpty(stackTrace))
            return null;
        var learner = Folder(learnerFolder);
        var kept = new List<string>();
        foreach (var line in stackTrace.Replace("\r\n", "\n").Split('\n'))
        {
            var match = Frame().Match(line);
            if (!match.Success)
                continue;
            var method = match.Groups["method"].Value;
            var yours = Path.GetFullPath(match.Groups["file"].Value).StartsWith(learner, StringComparison.Ordinal);
            var graders = testMethod is not null && !method.Contains('<') && method.Contains("." + testMethod + "(", StringComparison.Ordinal);
            var frame = $"   at {method} in {match.Groups["file"].Value}:line {match.Groups["line"].Value}";
            if ((yours || graders) && !kept.Contains(frame))
                kept.Add(frame);
        }
        return kept.Count == 0 ? null : string.Join("\n", kept);
    }

    private static string Folder(string path) =>
        Path.TrimEndingDirectorySeparator(Path.GetFullPath(path)) + Path.DirectorySeparatorChar;

    private static string Relative(string root, string file) =>
        Path.GetRelativePath(root, file).Replace('\\', '/');

    /// <summary>"SocketCourse.X.ByteStream.ReadToEndAsync(Socket socket, …)" → "ByteStream.ReadToEndAsync".</summary>
    private static string ShortMethod(string method)
    {
        var name = method.Split('(')[0];
        var parts = name.Split('.');
        return parts.Length >= 2 ? $"{parts[^2]}.{parts[^1]}" : name;
    }

    [GeneratedRegex(@"^\s*at (?<method>.+?) in (?<file>.+?):(?:line )?(?<line>\d+)\s*$")]
    private static partial Regex Frame();

    [GeneratedRegex(@"^Step (?<step>\d+):\s*", RegexOptions.IgnoreCase)]
    private static partial Regex StepPrefix();

    /// <summary>A message already put in these words (by the graders' short failures).</summary>
    [GeneratedRegex(@"^(step (?<step>\d+) is )?not written yet:\s*")]
    private static partial Regex NotWrittenPrefix();
}
