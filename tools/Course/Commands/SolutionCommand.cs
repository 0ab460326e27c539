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
        context.Out.WriteLine();
        RenderMembers(context.Out, CompareMembers(context.Root, lesson));
        context.Out.WriteLine();
        context.Out.MarkupLine($"[bold]The raw diff[/] [grey]({Markup.Escape(lesson.Exercise)}/ against {Markup.Escape(lesson.Solution)}/): - your lines, + the solution's.[/]");
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

    /// <summary>Compares the C# members of the lesson's exercise and solution (whatever files they are in).</summary>
    public static IReadOnlyList<MemberDifference> CompareMembers(CourseRoot root, Lesson lesson)
    {
        static IEnumerable<string> Sources(string folder) =>
            Fingerprint.SourceFiles(folder).Where(f => f.EndsWith(".cs", StringComparison.OrdinalIgnoreCase)).Select(File.ReadAllText);
        return MemberComparison.Compare(Sources(root.Full(lesson.Exercise)), Sources(root.Full(lesson.Solution)));
    }

    /// <summary>
    /// Writes the member-by-member comparison: first what differs, with the calls the solution makes that yours
    /// does not (and the other way round), then how many members are the same.
    /// </summary>
    public static void RenderMembers(IAnsiConsole console, IReadOnlyList<MemberDifference> members)
    {
        var differing = members.Where(m => m.Verdict != MemberVerdict.Same).ToList();
        var same = members.Count - differing.Count;
        console.MarkupLine("[bold]Member by member[/] [grey](order, layout, comments and doc comments ignored)[/]");
        if (differing.Count == 0)
        {
            console.MarkupLine($"[green]All {same} members are written the same as in the solution.[/]");
            return;
        }
        var table = new Table().Border(console.Profile.Capabilities.Unicode ? TableBorder.Rounded : TableBorder.Ascii)
            .AddColumn("Member").AddColumn("How it differs");
        foreach (var member in differing)
        {
            var lines = new List<string>
            {
                member.Verdict switch
                {
                    MemberVerdict.OnlyInSolution => "[yellow]only in the solution[/]",
                    MemberVerdict.OnlyInYours => "[grey]only in yours[/]",
                    _ => "written differently",
                },
            };
            if (member.SolutionOnly.Count > 0 && member.Verdict != MemberVerdict.OnlyInYours)
                lines.Add($"the solution calls: [green]{Markup.Escape(string.Join(", ", member.SolutionOnly))}[/]");
            if (member.YoursOnly.Count > 0)
                lines.Add($"{(member.Verdict == MemberVerdict.OnlyInYours ? "it calls" : "yours calls")}: [red]{Markup.Escape(string.Join(", ", member.YoursOnly))}[/]");
            table.AddRow(new Markup(Markup.Escape(member.Member)), new Markup(string.Join("\n", lines)));
        }
        console.Write(table);
        console.MarkupLine($"[grey]{same} other member{(same == 1 ? " is" : "s are")} the same.[/]");
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
