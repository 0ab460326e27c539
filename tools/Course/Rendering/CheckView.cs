using SocketCourse.Tool.Grading;
using SocketCourse.Tool.Manifest;
using SocketCourse.Tool.Progress;
using Spectre.Console;

namespace SocketCourse.Tool.Rendering;

/// <summary>One lesson graded step by step, with the first failing grader's teaching message.</summary>
public static class CheckView
{
    /// <summary>How many compiler errors are shown.</summary>
    public const int MaxErrors = 5;

    /// <summary>Writes the check of <paramref name="progress"/> to <paramref name="console"/>.</summary>
    public static void Render(IAnsiConsole console, LessonProgress progress, CourseRoot root, Track track)
    {
        var lesson = progress.Lesson;
        var unicode = console.Profile.Capabilities.Unicode;
        console.MarkupLine($"[bold]Lesson {lesson.Number} · {Markup.Escape(lesson.Title)}[/]{(track == Track.Solutions ? " [yellow](reference solution)[/]" : "")}");
        console.MarkupLine($"[grey]Seed: {Markup.Escape(lesson.Seed)}[/]");
        console.WriteLine();

        switch (progress.State)
        {
            case LessonState.BuildFailed:
                RenderBuildErrors(console, progress, root, track);
                return;
            case LessonState.NotGradable:
                console.MarkupLine("[red]The graders could not run.[/]");
                console.WriteLine(progress.Grade?.Problem ?? "No reason was given.");
                return;
        }

        var grid = new Grid().AddColumn().AddColumn().AddColumn().AddColumn(new GridColumn().NoWrap());
        foreach (var step in progress.Steps)
        {
            grid.AddRow(
                Symbols.Mark(step.State, unicode),
                $"Step {step.Step.Number}",
                Markup.Escape(step.Step.Title),
                $"{step.PassedCount}/{step.Graders.Count} graders, {Symbols.Word(step.State)}" +
                (step.Stretch.Count > 0 ? $" [grey]+ stretch {step.StretchPassedCount}/{step.Stretch.Count} (optional)[/]" : ""));
        }
        console.Write(grid);
        console.WriteLine();

        var first = progress.FirstUnfinished;
        if (first is null)
        {
            var count = progress.Steps.Sum(s => s.Graders.Count);
            console.MarkupLine($"[green bold]Lesson {lesson.Number} passes: all {count} graders.[/]");
            RenderStretch(console, progress);
            return;
        }
        RenderFailure(console, lesson, first, root, track);
        console.MarkupLine($"{progress.StepsPassed} of {progress.Steps.Count} steps pass.");
    }

    /// <summary>Once a lesson passes, says which optional stretch graders remain, if any, and how to run them alone.</summary>
    private static void RenderStretch(IAnsiConsole console, LessonProgress progress)
    {
        var open = progress.Steps.SelectMany(s => s.Stretch).Where(g => g.Outcome != GraderOutcome.Passed).ToList();
        if (open.Count == 0)
            return;
        var first = open[0];
        console.MarkupLine($"[grey]Optional: {open.Count} stretch grader{(open.Count == 1 ? "" : "s")} not passing yet, e.g. " +
                           $"{Markup.Escape(first.Sentence)}: {Markup.Escape(FirstLine(FailureText.Clean(first.Message)))}[/]");
        console.MarkupLine($"[grey]Run them alone: dotnet test --project {Markup.Escape(progress.Lesson.Tests)} --filter-trait \"Stretch=true\"[/]");
    }

    private static string FirstLine(string text) => text.Split('\n', 2)[0].Trim();

    private static void RenderFailure(IAnsiConsole console, Lesson lesson, StepProgress step, CourseRoot root, Track track)
    {
        var grader = step.FirstFailure;
        if (grader is null)
        {
            console.MarkupLine($"[yellow]Step {step.Step.Number} has no graders that ran.[/]");
            return;
        }
        var notStarted = grader.Outcome == GraderOutcome.NotImplemented;
        var header = notStarted ? $"Step {step.Step.Number} is not written yet" : $"Step {step.Step.Number} fails";
        var frames = notStarted ? [] : FailureSummary.Frames(grader, root.Path, lesson.GradedFolder(track));
        var message = FailureText.Clean(grader.Message);
        if (frames.Count > 0)
            message += "\n" + string.Join("\n", frames.Select(f => $"at {f}"));
        var body = new Rows(
            new Markup($"[bold]Grader:[/] {Markup.Escape(grader.Sentence)}"),
            new Text(""),
            new Text(message));
        console.Write(new Panel(body)
            .Header(Markup.Escape(header))
            .Border(console.Profile.Capabilities.Unicode ? BoxBorder.Rounded : BoxBorder.Ascii)
            .BorderColor(notStarted ? Color.Grey : Color.Red)
            .Expand());
        var others = FailureSummary.AlsoFailing(step);
        var stubbed = FailureSummary.StillStubbed(step);
        if (others.Count > 0 || stubbed is not null)
        {
            console.MarkupLine("[bold]Also failing:[/]");
            foreach (var other in others)
                console.MarkupLine($"  - {Markup.Escape(other.Sentence)}: [grey]{Markup.Escape(FailureSummary.Reason(other))}[/]");
            if (stubbed is not null)
                console.MarkupLine($"  - [grey]{Markup.Escape(stubbed)}[/]");
        }
        var folder = lesson.GradedFolder(track);
        var files = step.Step.Files.Count > 0 ? string.Join(", ", step.Step.Files.Select(f => $"{folder}/{f}")) : folder + "/";
        var advice = new Grid().AddColumn(new GridColumn().NoWrap()).AddColumn();
        advice.AddRow("[bold]Your file[/]", Markup.Escape(files));
        advice.AddRow("[bold]Learn it[/]", $"step {step.Step.Number} of {Markup.Escape(lesson.Notebook)}, or in the terminal:");
        advice.AddRow("", Markup.Escape(ToolCommand.For($"notebook {lesson.Number}")));
        var hint = notStarted ? null : step.Step.Hints.FirstOrDefault(h => h.Helps(grader));
        if (hint is null)
            advice.AddRow("[bold]A hint[/]", Markup.Escape(ToolCommand.For($"hint {lesson.Number} {step.Step.Number}")));
        else
        {
            // The hint written for this very grader (or the idea its message names), then where the others are.
            advice.AddRow("[bold]A hint[/]", MarkdownView.Inline(hint.Text));
            advice.AddRow("", $"[grey]more: {Markup.Escape(ToolCommand.For($"hint {lesson.Number} {step.Step.Number}"))}[/]");
        }
        console.Write(advice);
    }

    private static void RenderBuildErrors(IAnsiConsole console, LessonProgress progress, CourseRoot root, Track track)
    {
        var lesson = progress.Lesson;
        var grade = progress.Grade!;
        var learnerFolder = root.Full(lesson.GradedFolder(track));
        var errors = grade.Errors.Where(e => e.IsIn(learnerFolder)).ToList();
        var yours = errors.Count > 0;
        if (!yours)
            errors = [.. grade.Errors];

        console.MarkupLine(yours
            ? $"[red bold]Your code in {Markup.Escape(lesson.GradedFolder(track))}/ does not compile.[/] The compiler says:"
            : "[red bold]The lesson does not build.[/] The build says:");
        foreach (var error in errors.Take(MaxErrors))
        {
            var where = error.File is null ? "" : root.Relative(error.File) + (error.Line > 0 ? $" line {error.Line}" : "") + ": ";
            console.MarkupLine($"  [red]{Markup.Escape(where)}[/]{Markup.Escape(error.Message)} [grey]({Markup.Escape(error.Code)})[/]");
        }
        if (errors.Count > MaxErrors)
            console.MarkupLine($"  [grey]… and {errors.Count - MaxErrors} more.[/]");
        if (errors.Count == 0 && grade.Problem is not null)
            console.WriteLine(grade.Problem);
        console.WriteLine();
        console.MarkupLine(yours
            ? "Fix these first: the graders run once your code compiles (a stub that throws NotImplementedException compiles fine)."
            : $"Try `dotnet build {Markup.Escape(lesson.Tests)}{(track == Track.Solutions ? " -p:Track=solutions" : "")}` to see the whole build output.");
    }
}
