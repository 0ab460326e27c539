using SocketCourse.Tool.Grading;

namespace SocketCourse.Tool.Hints;

/// <summary>
/// One hint of a step, as written in lessons/NN-slug/hints.md: Markdown text (with links to Microsoft Learn), and
/// optionally the graders and concepts it helps with, so it can be offered first when one of them fails.
/// </summary>
/// <param name="Text">The hint, inline Markdown.</param>
/// <param name="Graders">Names of graders (test methods) it helps with.</param>
/// <param name="Concepts">Ideas it helps with, matched against a failing grader's message (case-insensitive).</param>
public sealed record Hint(string Text, IReadOnlyList<string> Graders, IReadOnlyList<string> Concepts)
{
    /// <summary>A hint that names nothing it helps with.</summary>
    public Hint(string text) : this(text, [], []) { }

    /// <summary>Whether this hint names <paramref name="failure"/>'s grader, or a concept its message talks about.</summary>
    public bool Helps(GraderResult? failure) =>
        failure is not null
        && (Graders.Contains(failure.Name, StringComparer.Ordinal)
            || Concepts.Any(c => failure.Message?.Contains(c, StringComparison.OrdinalIgnoreCase) == true));

    /// <summary>The hints of a step, those that help with <paramref name="failure"/> first, the others in their order.</summary>
    public static IReadOnlyList<Hint> Ordered(IReadOnlyList<Hint> hints, GraderResult? failure) =>
        [.. hints.Where(h => h.Helps(failure)), .. hints.Where(h => !h.Helps(failure))];
}
