using SocketCourse.Tool.Progress;

namespace SocketCourse.Tool.Watch;

/// <summary>How a lesson was graded in watch mode, and how long each part took.</summary>
/// <param name="Progress">The lesson's progress.</param>
/// <param name="How">"compiled in-process", "built with MSBuild" or "unchanged" (cached).</param>
/// <param name="Total">From the start of the regrade to the verdict.</param>
/// <param name="Graders">Of which running the grader executable, when it ran.</param>
public sealed record Regrade(LessonProgress Progress, string How, TimeSpan Total, TimeSpan? Graders = null)
{
    /// <summary>One line for the watch output, e.g. "Regraded in 1.3 s: compiled in-process, graders 0.9 s."</summary>
    public string Describe() =>
        $"Regraded in {Total.TotalSeconds:0.0} s: {How}" + (Graders is { } g ? $", graders {g.TotalSeconds:0.0} s." : ".");
}
