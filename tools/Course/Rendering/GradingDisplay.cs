using SocketCourse.Tool.Grading;
using SocketCourse.Tool.Manifest;
using Spectre.Console;

namespace SocketCourse.Tool.Rendering;

/// <summary>Grades with a spinner naming the current phase on a terminal, silently when output is redirected.</summary>
public static class GradingDisplay
{
    /// <summary>Grades <paramref name="lessons"/> through the context's grader.</summary>
    public static async Task<IReadOnlyDictionary<string, LessonGrade>> GradeAsync(CourseContext context, IReadOnlyList<Lesson> lessons, CancellationToken cancellationToken)
    {
        if (!context.Out.Profile.Capabilities.Interactive)
            return await context.Grader.GradeAsync(lessons, null, cancellationToken);
        return await context.Out.Status()
            .Spinner(Spinner.Known.Dots)
            .StartAsync("Checking for changes", async status =>
                await context.Grader.GradeAsync(lessons, new StatusProgress(status), cancellationToken));
    }

    private sealed class StatusProgress(StatusContext status) : IGradingProgress
    {
        public void Report(string activity) => status.Status(Markup.Escape(activity) + "…");
    }
}
