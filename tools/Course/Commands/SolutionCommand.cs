using SocketCourse.Tool.Diff;
using SocketCourse.Tool.Grading;
using SocketCourse.Tool.Manifest;
using SocketCourse.Tool.Progress;
using Spectre.Console;

namespace SocketCourse.Tool.Commands;

/// <summary>solution NN: once the lesson passes, where the reference solution is and how yours differs from it.</summary>
public static class SolutionCommand
{
    /// <summary>Shows the solution's folder and a unified diff per file; locked until the lesson passes unless <paramref name="force"/>.</summary>
    public static async Task<int> RunAsync(CourseContext context, string lessonNumber, bool force, CancellationToken cancellationToken)
    {
        var lesson = LessonLookup.FindReady(context.Manifest, lessonNumber);
        if (!force)
        {
            var progress = await CheckCommand.GradeAsync(context, lesson, cancellationToken);
            if (!progress.IsPassed)
            {
                context.Out.MarkupLine($"[yellow]The reference solution of lesson {lesson.Number} is locked until your graders pass[/] ({progress.StepsPassed} of {progress.Steps.Count} steps so far).");
                context.Out.MarkupLine($"Keep going with `{Markup.Escape(ToolCommand.For($"check {lesson.Number}"))}` and `{Markup.Escape(ToolCommand.For($"hint {lesson.Number}"))}`; to look anyway: `{Markup.Escape(ToolCommand.For($"solution {lesson.Number} --force"))}`.");
                return ExitCodes.NotPassing;
            }
        }
        context.Out.MarkupLine($"[bold]The reference solution of lesson {lesson.Number}:[/] {Markup.Escape(lesson.Solution)}/");
        context.Out.MarkupLine($"[grey]Below, how it differs from yours ({Markup.Escape(lesson.Exercise)}/): - your lines, + the solution's.[/]");
        context.Out.WriteLine();
        Render(context.Out, Compare(context.Root, lesson));
        return ExitCodes.Ok;
    }

    /// <summary>One file of the comparison: its path in both folders and the unified diff (empty when identical).</summary>
    public sealed record FileComparison(string Name, bool InExercise, bool InSolution, IReadOnlyList<string> Diff);

    /// <summary>Compares every source file of the lesson's exercise and solution folders.</summary>
    public static IReadOnlyList<FileComparison> Compare(CourseRoot root, Lesson lesson)
    {
        var exercise = root.Full(lesson.Exercise);
        var solution = root.Full(lesson.Solution);
        var names = Fingerprint.SourceFiles(exercise).Select(f => Path.GetRelativePath(exercise, f))
            .Union(Fingerprint.SourceFiles(solution).Select(f => Path.GetRelativePath(solution, f)))
            .Select(n => n.Replace('\\', '/'))
            .Where(n => !n.StartsWith("Given/", StringComparison.Ordinal))   // one copy, compiled by both
            .Order(StringComparer.Ordinal);
        var result = new List<FileComparison>();
        foreach (var name in names)
        {
            var mine = Path.Combine(exercise, name);
            var theirs = Path.Combine(solution, name);
            var diff = LineDiff.Unified(
                File.Exists(mine) ? File.ReadAllText(mine) : "",
                File.Exists(theirs) ? File.ReadAllText(theirs) : "",
                $"{lesson.Exercise}/{name}", $"{lesson.Solution}/{name}");
            result.Add(new FileComparison(name, File.Exists(mine), File.Exists(theirs), diff));
        }
        return result;
    }

    /// <summary>Writes the comparisons, the diff coloured by line kind.</summary>
    public static void Render(IAnsiConsole console, IReadOnlyList<FileComparison> files)
    {
        foreach (var file in files)
        {
            if (file.Diff.Count == 0)
            {
                console.MarkupLine($"[grey]{Markup.Escape(file.Name)}: identical.[/]");
                continue;
            }
            if (!file.InExercise)
                console.MarkupLine($"[grey]{Markup.Escape(file.Name)}: only in the solution.[/]");
            else if (!file.InSolution)
                console.MarkupLine($"[grey]{Markup.Escape(file.Name)}: only in your exercise.[/]");
            foreach (var line in file.Diff)
            {
                var style = line.StartsWith("+++", StringComparison.Ordinal) || line.StartsWith("---", StringComparison.Ordinal) ? "bold"
                    : line.StartsWith('@') ? "aqua"
                    : line.StartsWith('+') ? "green"
                    : line.StartsWith('-') ? "red"
                    : "default";
                console.MarkupLine($"[{style}]{Markup.Escape(line)}[/]");
            }
            console.WriteLine();
        }
    }
}
