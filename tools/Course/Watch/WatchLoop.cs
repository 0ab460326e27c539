using SocketCourse.Tool.Manifest;
using SocketCourse.Tool.Progress;
using SocketCourse.Tool.Rendering;
using Spectre.Console;

namespace SocketCourse.Tool.Watch;

/// <summary>
/// The watch loop, apart from the file watcher so it can be tested: grade the lesson, redraw, wait for a save,
/// again; when the lesson passes, move on to the next ready lesson; when none is left, stop.
/// </summary>
public sealed class WatchLoop(
    CourseContext context,
    IChangeSource changes,
    Func<Lesson, CancellationToken, Task<LessonProgress>> grade)
{
    /// <summary>Runs until every ready lesson from <paramref name="start"/> on passes, or until cancelled (Ctrl+C). Exits 0.</summary>
    public async Task<int> RunAsync(Lesson start, CancellationToken cancellationToken)
    {
        var console = context.Out;
        var lesson = start;
        try
        {
            while (true)
            {
                var started = DateTime.UtcNow;
                var progress = await grade(lesson, cancellationToken);
                Redraw(console, progress);
                if (progress.IsPassed)
                {
                    var next = context.Manifest.NextReadyAfter(lesson);
                    if (next is null)
                    {
                        console.MarkupLine($"[green bold]Lesson {lesson.Number} is the last ready lesson[/]: nothing left to watch. The map shows the rest: {Markup.Escape(ToolCommand.Prefix.TrimEnd('-', ' '))}");
                        return 0;
                    }
                    console.MarkupLine($"[green]Moving on to lesson {next.Number}, {Markup.Escape(next.Title)}.[/]");
                    lesson = next;
                    continue;
                }
                console.MarkupLine($"[grey]Watching {Markup.Escape(lesson.GradedFolder(context.Track))}/: save a file to regrade. Ctrl+C stops.[/]");
                await changes.WaitForChangeAsync(context.Root.Full(lesson.GradedFolder(context.Track)), started, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            console.WriteLine();
            console.MarkupLine("[grey]Stopped watching.[/]");
            return 0;
        }
    }

    private void Redraw(IAnsiConsole console, LessonProgress progress)
    {
        if (console.Profile.Capabilities.Interactive)
            console.Clear(home: true);
        else
            console.WriteLine(new string('-', 40));
        CheckView.Render(console, progress, context.Root, context.Track);
    }
}
