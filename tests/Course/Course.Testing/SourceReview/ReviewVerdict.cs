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
        var findings = SourceReview.Of(type.Assembly).Where(f => f.Type == type.Name).ToList();
        if (findings.Count == 0) return;
        throw new GradingException(
            $"{whatWorked}, but a review of {findings[0].File} finds {(findings.Count == 1 ? "a data race" : $"{findings.Count} data races")} " +
            "that a test could only catch by luck: " +
            string.Join(" ", findings.Select(f => $"Line {f.Line}: {f.Message}")));
    }
}
