using SocketCourse.Tool.Grading;
using SocketCourse.Tool.Manifest;
using Spectre.Console;

namespace SocketCourse.Tool.Rendering;

/// <summary>Grades with a spinner naming the current phase on a terminal, silently when output is redirected.</summary>
public static class GradingDisplay
{
    /// <summary>Grades <paramref name="lessons"/> through the context's grader; <paramref name="again"/> ignores what is cached.</summary>
    public static Task<IReadOnlyDictionary<string, LessonGrade>> GradeAsync(CourseContext context, IReadOnlyList<Lesson> lessons, CancellationToken cancellationToken, bool again = false) =>
        RunAsync(context, progress => again
            ? context.Grader.RegradeAsync(lessons, progress, cancellationToken)
            : context.Grader.GradeAsync(lessons, progress, cancellationToken));

    /// <summary>Runs <paramref name="work"/>, showing the phases it reports.</summary>
    public static async Task<T> RunAsync<T>(CourseContext context, Func<IGradingProgress?, Task<T>> work)
    {
        if (!context.Out.Profile.Capabilities.Interactive)
            return await work(null);
        return await context.Out.Status()
            .Spinner(Spinner.Known.Dots)
            .StartAsync("Checking for changes", async status => await work(new StatusProgress(status)));
    }

    private sealed class StatusProgress(StatusContext status) : IGradingProgress
    {
        public void Report(string activity) => status.Status(Markup.Escape(activity) + "…");
    }
}
