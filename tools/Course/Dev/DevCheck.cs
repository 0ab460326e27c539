using SocketCourse.Tool.Grading;
using Spectre.Console;

namespace SocketCourse.Tool.Dev;

/// <summary>
/// <c>course dev check</c>: the course checks its own authoring. Each fact lives in one place (the steps in
/// course.json, the given types in Given/, the ports in the design's table), and every other place that repeats
/// it must agree; a lesson marked ready has every part.
/// </summary>
public static class DevCheck
{
    /// <summary>What to check.</summary>
    /// <param name="CompareApi">Compare each exercise's public API with its solution's (needs the two builds).</param>
    /// <param name="Build">Build a project whose assembly is missing or older than its sources before comparing.</param>
    public sealed record Options(bool CompareApi = true, bool Build = true);

    /// <summary>The outcome: problems fail the check; notes are printed and do not.</summary>
    public sealed record Report(IReadOnlyList<DevProblem> Problems, IReadOnlyList<DevProblem> Notes)
    {
        /// <summary>Whether nothing is wrong.</summary>
        public bool Passed => Problems.Count == 0;
    }

    /// <summary>Runs every check on <paramref name="tree"/>.</summary>
    public static async Task<Report> RunAsync(CourseTree tree, Options options, IProcessRunner runner, CancellationToken cancellationToken)
    {
        var problems = new List<DevProblem>();
        problems.AddRange(LayoutCheck.Run(tree));
        problems.AddRange(StepsCheck.Run(tree));
        problems.AddRange(DemoPortCheck.Run(tree));
        var (mistakes, notes) = MistakesCheck.Run(tree);
        problems.AddRange(mistakes);
        if (options.CompareApi)
            problems.AddRange(await ApiCheck.RunAsync(tree, options.Build, runner, cancellationToken));
        return new Report(problems, notes);
    }

    /// <summary>Writes the report: each problem on its line, then a one-line verdict.</summary>
    public static void Render(IAnsiConsole console, CourseTree tree, Report report, Options options)
    {
        foreach (var note in report.Notes)
            console.MarkupLine($"[yellow]note:[/] {Markup.Escape(note.ToString())}");
        if (report.Notes.Count > 0 && !tree.HasMistakesCatalogue)
            console.MarkupLine($"[yellow]note:[/] {CourseTree.MistakesFolder}/ holds no {MistakesCheck.MistakeFile} yet, so a missing catalogue of mistakes is not counted as a problem.");
        foreach (var problem in report.Problems)
            console.MarkupLine($"[red]problem:[/] {Markup.Escape(problem.ToString())}");
        var lessons = tree.Manifest.Lessons;
        var scope = $"{lessons.Count} lessons, {lessons.Count(l => l.IsReady)} ready" + (options.CompareApi ? "" : ", public APIs not compared");
        console.MarkupLine(report.Passed
            ? $"[green]dev check: passed[/] ({scope})"
            : $"[red]dev check: {report.Problems.Count} problem{(report.Problems.Count == 1 ? "" : "s")}[/] ({scope})");
    }
}
