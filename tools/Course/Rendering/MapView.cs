using SocketCourse.Tool.Manifest;
using SocketCourse.Tool.Progress;
using Spectre.Console;

namespace SocketCourse.Tool.Rendering;

/// <summary>The course map: every lesson in order, with its seed section, its steps passed, and what to do next.</summary>
public static class MapView
{
    /// <summary>The optional stretch graders of a lesson, as " · stretch 3/12 optional", or nothing when it has none.</summary>
    private static string Stretch(LessonProgress p)
    {
        var stretch = p.Steps.SelectMany(s => s.Stretch).ToList();
        return stretch.Count == 0 ? ""
            : $" [grey]· stretch {stretch.Count(g => g.Outcome == Grading.GraderOutcome.Passed)}/{stretch.Count} optional[/]";
    }

    /// <summary>Writes the map of <paramref name="course"/> to <paramref name="console"/>.</summary>
    public static void Render(IAnsiConsole console, CourseManifest manifest, IReadOnlyList<LessonProgress> course, Track track)
    {
        var unicode = console.Profile.Capabilities.Unicode;
        console.MarkupLine($"[bold]{Markup.Escape(manifest.Title)}[/]");
        if (track == Track.Solutions)
            console.MarkupLine("[yellow]Grading the reference solutions (--track solutions).[/]");
        var table = new Table().Border(unicode ? TableBorder.Rounded : TableBorder.Ascii)
            .AddColumn("#")
            .AddColumn("Lesson")
            .AddColumn("Seed section")
            .AddColumn(new TableColumn("Steps").NoWrap())
            .AddColumn(new TableColumn("Status").NoWrap());
        foreach (var p in course)
        {
            var steps = p.Lesson.IsReady
                ? $"{Symbols.Bar(p.StepsPassed, p.Steps.Count, unicode)} {p.StepsPassed}/{p.Steps.Count}" + Stretch(p)
                : "[grey]–[/]";
            var title = p.Lesson.IsReady ? Markup.Escape(p.Lesson.Title) : $"[grey]{Markup.Escape(p.Lesson.Title)}[/]";
            table.AddRow(p.Lesson.Number, title, $"[grey]{Markup.Escape(p.Lesson.Seed)}[/]", steps, Symbols.Label(p.State));
        }
        console.Write(table);
        if (course.Any(p => p.Steps.Any(s => s.Stretch.Count > 0)))
            console.MarkupLine("[grey]Stretch graders are optional extras: they never keep a step or a lesson from passing.[/]");
        var ready = course.Where(p => p.Lesson.IsReady).ToList();
        console.MarkupLine($"{ready.Count(p => p.IsPassed)} of {ready.Count} ready lesson{(ready.Count == 1 ? "" : "s")} passed.");
        console.MarkupLine($"[bold]Next:[/] {Markup.Escape(NextAction.For(course, track))}");
        var example = (course.FirstOrDefault(p => p.Lesson.IsReady && !p.IsPassed) ?? ready.LastOrDefault())?.Lesson.Number ?? "01";
        console.MarkupLine($"[grey]Run commands from the course folder, e.g. {Markup.Escape(ToolCommand.For($"check {example}", track))} (--help lists them all).[/]");
    }
}
