using System.Runtime.ExceptionServices;

namespace SocketCourse.Testing;

/// <summary>A grader's use of the <see cref="SourceReview"/>: fail with what it found in one type of the learner's code.</summary>
public static class ReviewVerdict
{
    /// <summary>
    /// Reviews the learner's source of <paramref name="type"/> (the one embedded in its assembly, exactly as it runs)
    /// and fails with every finding in that type. Call it after the grader has run the code for real, so that an
    /// unwritten stub fails on its NotImplementedException first, and <paramref name="whatWorked"/> can say what did work.
    /// </summary>
    /// <param name="type">The learner's type the grader is about, e.g. <c>typeof(ThreadingTcpServer)</c>.</param>
    /// <param name="whatWorked">What the code just did right, as the start of a sentence ("3 clients were served at once").</param>
    public static void ExpectNoRaces(Type type, string whatWorked)
    {
        var findings = FindingsIn(type);
        if (findings.Count > 0) throw Verdict(findings, whatWorked);
    }

    private static GradingException Verdict(List<Finding> findings, string whatWorked) =>
        new(
            $"{whatWorked}, but a review of {findings[0].File} finds {(findings.Count == 1 ? "a data race" : $"{findings.Count} data races")} " +
            "that a test could only catch by luck: " +
            string.Join(" ", findings.Select(f => $"Line {f.Line}: {f.Message}")));

    /// <summary>
    /// Runs the grader's exercise of the code (<paramref name="run"/>), then reviews the type as <see cref="ExpectNoRaces"/>
    /// does, once. A race sometimes shows itself in the run (a client gets another's reply, a count is off): when the run fails and the review finds a
    /// race in <paramref name="type"/>, the review's finding is the verdict, because it names the cause and is the same on
    /// every run, while what the run saw depends on luck. A stub's NotImplementedException is reported as it is.
    /// </summary>
    /// <param name="type">The learner's type the grader is about.</param>
    /// <param name="whatRan">What the run did, true whether or not the race showed ("3 clients were served at the same time").</param>
    /// <param name="run">The grader's exercise of the learner's code.</param>
    public static async Task RunThenReviewAsync(Type type, string whatRan, Func<Task> run)
    {
        ExceptionDispatchInfo? runFailed = null;
        try
        {
            await run();
        }
        catch (Exception e) when (e is not NotImplementedException)
        {
            runFailed = ExceptionDispatchInfo.Capture(e);
        }
        // Reviewed once, after the run: a finding is the verdict even when the race showed itself in the run this time.
        var findings = FindingsIn(type);
        if (findings.Count > 0) throw Verdict(findings, whatRan);
        runFailed?.Throw();
    }

    private static List<Finding> FindingsIn(Type type) => SourceReview.Of(type.Assembly).Where(f => f.Type == type.Name).ToList();
}
