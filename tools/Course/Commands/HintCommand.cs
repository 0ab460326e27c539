using SocketCourse.Tool.Grading;
using SocketCourse.Tool.Hints;
using SocketCourse.Tool.Manifest;
using SocketCourse.Tool.Progress;
using SocketCourse.Tool.Rendering;
using Spectre.Console;

namespace SocketCourse.Tool.Commands;

/// <summary>hint NN [step]: the step's hints from the lesson's hints.md, one more each time it is asked.</summary>
public static class HintCommand
{
    /// <summary>
    /// Reveals the next hint of <paramref name="stepNumber"/> (by default the first step that did not pass at the
    /// last grading, or step 1) and shows every hint revealed so far. The hints that help with the step's failing
    /// grader (as last graded) come first, then the others in order.
    /// </summary>
    public static Task<int> RunAsync(CourseContext context, string lessonNumber, int? stepNumber)
    {
        var lesson = LessonLookup.FindReady(context.Manifest, lessonNumber);
        var progress = LastProgress(context, lesson);
        var step = stepNumber is { } n
            ? lesson.Step(n) ?? throw new CourseException(
                $"Lesson {lesson.Number} has no step {n}.",
                $"Its steps are {string.Join(", ", lesson.Steps.Select(s => s.Number))}.")
            : progress?.FirstUnfinished?.Step ?? lesson.Steps[0];

        var console = context.Out;
        console.MarkupLine($"[bold]Lesson {lesson.Number}, step {step.Number} · {Markup.Escape(step.Title)}[/]");
        if (step.Hints.Count == 0)
        {
            console.MarkupLine($"This step has no hints. Its notebook section explains it: {Markup.Escape(lesson.Notebook)}, step {step.Number}.");
            return Task.FromResult(ExitCodes.Ok);
        }
        var failure = progress?.Steps.FirstOrDefault(s => s.Step.Number == step.Number)?.FirstFailure;
        var hints = Hint.Ordered(step.Hints, failure);
        if (failure is { Outcome: GraderOutcome.Failed } && hints[0].Helps(failure))
            console.MarkupLine($"[grey]Failing now: {Markup.Escape(failure.Sentence)}. The hints for it come first.[/]");
        var state = HintState.In(context.Root.CacheFolder);
        var before = state.Shown(lesson.Number, step.Number);
        var shown = state.RevealNext(lesson.Number, step.Number, hints.Count);
        for (var i = 0; i < shown; i++)
        {
            var isNew = i == shown - 1 && shown > before;
            console.MarkupLine($"{(isNew ? "[yellow bold]" : "[grey]")}Hint {i + 1} of {hints.Count}:[/] {MarkdownView.Inline(hints[i].Text)}");
        }
        console.WriteLine();
        console.MarkupLine(shown < hints.Count
            ? $"[grey]Ask again for the next hint: `{Markup.Escape(ToolCommand.For($"hint {lesson.Number} {step.Number}"))}`.[/]"
            : $"[grey]That is every hint for this step. The notebook's step {step.Number} shows the calls at work ({Markup.Escape(lesson.Notebook)}); the reference solution opens once the lesson passes.[/]");
        return Task.FromResult(ExitCodes.Ok);
    }

    /// <summary>The lesson's progress at its last grading, without grading; null if it was never graded.</summary>
    private static LessonProgress? LastProgress(CourseContext context, Lesson lesson) =>
        context.Grader.LastKnown(lesson) is { } last ? LessonProgress.From(lesson, last) : null;
}
