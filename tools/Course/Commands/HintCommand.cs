using SocketCourse.Tool.Hints;
using SocketCourse.Tool.Manifest;
using SocketCourse.Tool.Progress;
using Spectre.Console;

namespace SocketCourse.Tool.Commands;

/// <summary>hint NN [step]: the step's hints from the manifest, one more each time it is asked.</summary>
public static class HintCommand
{
    /// <summary>
    /// Reveals the next hint of <paramref name="stepNumber"/> (by default the first step that did not pass at the
    /// last grading, or step 1) and shows every hint revealed so far.
    /// </summary>
    public static Task<int> RunAsync(CourseContext context, string lessonNumber, int? stepNumber)
    {
        var lesson = LessonLookup.FindReady(context.Manifest, lessonNumber);
        var step = stepNumber is { } n
            ? lesson.Step(n) ?? throw new CourseException(
                $"Lesson {lesson.Number} has no step {n}.",
                $"Its steps are {string.Join(", ", lesson.Steps.Select(s => s.Number))}.")
            : CurrentStep(context, lesson);

        var console = context.Out;
        console.MarkupLine($"[bold]Lesson {lesson.Number}, step {step.Number} · {Markup.Escape(step.Title)}[/]");
        if (step.Hints.Count == 0)
        {
            console.MarkupLine($"This step has no hints. Its notebook section explains it: {Markup.Escape(lesson.Notebook)}, step {step.Number}.");
            return Task.FromResult(ExitCodes.Ok);
        }
        var state = HintState.In(context.Root.CacheFolder);
        var before = state.Shown(lesson.Number, step.Number);
        var shown = state.RevealNext(lesson.Number, step.Number, step.Hints.Count);
        for (var i = 0; i < shown; i++)
        {
            var isNew = i == shown - 1 && shown > before;
            console.MarkupLine($"{(isNew ? "[yellow bold]" : "[grey]")}Hint {i + 1} of {step.Hints.Count}:[/] {Markup.Escape(step.Hints[i])}");
        }
        console.WriteLine();
        console.MarkupLine(shown < step.Hints.Count
            ? $"[grey]Ask again for the next hint: `{Markup.Escape(ToolCommand.For($"hint {lesson.Number} {step.Number}"))}`.[/]"
            : $"[grey]That is every hint for this step. The notebook's step {step.Number} shows the calls at work ({Markup.Escape(lesson.Notebook)}); the reference solution opens once the lesson passes.[/]");
        return Task.FromResult(ExitCodes.Ok);
    }

    /// <summary>The first step that did not pass when the lesson was last graded, else step 1.</summary>
    private static LessonStep CurrentStep(CourseContext context, Lesson lesson)
    {
        var last = context.Grader.LastKnown(lesson);
        var progress = last is null ? null : LessonProgress.From(lesson, last);
        return progress?.FirstUnfinished?.Step ?? lesson.Steps[0];
    }
}
