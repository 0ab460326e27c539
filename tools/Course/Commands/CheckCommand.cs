using SocketCourse.Tool.Manifest;
using SocketCourse.Tool.Progress;
using SocketCourse.Tool.Rendering;
using Spectre.Console;

namespace SocketCourse.Tool.Commands;

/// <summary>check NN: grade one lesson step by step and explain the first failing step.</summary>
public static class CheckCommand
{
    /// <summary>Exits 0 only when every grader of the lesson passes.</summary>
    /// <param name="context">The course and where to write.</param>
    /// <param name="lessonNumber">The lesson as typed.</param>
    /// <param name="again">Grade from scratch: no cached grade, the graders rebuilt with MSBuild.</param>
    /// <param name="cancellationToken">Ctrl+C.</param>
    public static async Task<int> RunAsync(CourseContext context, string lessonNumber, bool again, CancellationToken cancellationToken)
    {
        var lesson = LessonLookup.FindReady(context.Manifest, lessonNumber);
        var progress = await GradeAsync(context, lesson, cancellationToken, again);
        CheckView.Render(context.Out, progress, context.Root, context.Track);
        if (!progress.IsPassed)
            return ExitCodes.NotPassing;
        if (context.Track == Track.Solutions)
            return ExitCodes.Ok; // a teacher checking the course needs no advice
        var next = context.Manifest.NextReadyAfter(lesson);
        context.Out.MarkupLine(next is null
            ? $"[bold]Next:[/] compare with the reference: `{Markup.Escape(ToolCommand.For($"solution {lesson.Number}"))}`."
            : $"[bold]Next:[/] lesson {next.Number}, {Markup.Escape(next.Title)}: `{Markup.Escape(ToolCommand.For($"notebook {next.Number}"))}`; compare yours with the reference: `{Markup.Escape(ToolCommand.For($"solution {lesson.Number}"))}`.");
        return ExitCodes.Ok;
    }

    /// <summary>Grades one lesson and computes its progress.</summary>
    public static async Task<LessonProgress> GradeAsync(CourseContext context, Lesson lesson, CancellationToken cancellationToken, bool again = false)
    {
        var grades = await GradingDisplay.GradeAsync(context, [lesson], cancellationToken, again);
        return LessonProgress.From(lesson, grades.GetValueOrDefault(lesson.Number));
    }
}
