using SocketCourse.Tool.Commands;
using SocketCourse.Tool.Manifest;
using SocketCourse.Tool.Progress;
using SocketCourse.Tool.Rendering;
using Spectre.Console;

namespace SocketCourse.Tool.Watch;

/// <summary>
/// The watch loop, apart from the file watcher and the compiler so it can be tested: grade the lesson, redraw
/// with the regrade's time, then wait for a save or a key (h hint, r regrade, n next lesson, q quit). A lesson
/// that passes stays watched until the learner moves on with n.
/// </summary>
public sealed class WatchLoop(
    CourseContext context,
    IChangeSource changes,
    Func<Lesson, CancellationToken, Task<Regrade>> grade)
{
    /// <summary>How often the keyboard is looked at while waiting for a save.</summary>
    private static readonly TimeSpan KeyPoll = TimeSpan.FromMilliseconds(50);

    /// <summary>Runs until the learner quits (q, or Ctrl+C). Exits 0.</summary>
    public async Task<int> RunAsync(Lesson start, CancellationToken cancellationToken)
    {
        var console = context.Out;
        var lesson = start;
        try
        {
            while (true)
            {
                var started = DateTime.UtcNow;
                var regrade = await grade(lesson, cancellationToken);
                Redraw(console, regrade);
                var next = context.Manifest.NextReadyAfter(lesson);
                while (true)
                {
                    Prompt(console, lesson, regrade.Progress, next);
                    var what = await WaitAsync(lesson, started, cancellationToken);
                    if (what == 'q')
                    {
                        console.MarkupLine("[grey]Stopped watching.[/]");
                        return 0;
                    }
                    if (what == 'h')
                    {
                        console.WriteLine();
                        await HintCommand.RunAsync(context, lesson.Number, null);
                        continue;
                    }
                    if (what == 'n')
                    {
                        if (next is null)
                        {
                            console.MarkupLine($"[yellow]Lesson {lesson.Number} is the last ready lesson.[/] The map shows the rest: {Markup.Escape(ToolCommand.Prefix)}");
                            continue;
                        }
                        console.MarkupLine($"[green]Moving on to lesson {next.Number}, {Markup.Escape(next.Title)}.[/]");
                        lesson = next;
                    }
                    break; // a save, r, or n: grade (again)
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            console.WriteLine();
            console.MarkupLine("[grey]Stopped watching.[/]");
            return 0;
        }
    }

    /// <summary>Waits for a save in the lesson's folder ('s') or a key the loop knows (h, r, n, q).</summary>
    private async Task<char> WaitAsync(Lesson lesson, DateTime since, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var saved = changes.WaitForChangeAsync(context.Root.Full(lesson.GradedFolder(context.Track)), since, stop.Token);
        try
        {
            if (!context.Input.IsInteractive)
            {
                await saved;
                return 's';
            }
            while (!saved.IsCompleted)
            {
                var key = context.Input.TryReadKey() is { } pressed ? char.ToLowerInvariant(pressed) : '\0';
                if (key is 'h' or 'r' or 'n' or 'q')
                    return key;
                await Task.WhenAny(saved, Task.Delay(KeyPoll, cancellationToken));
                cancellationToken.ThrowIfCancellationRequested();
            }
            await saved;
            return 's';
        }
        finally
        {
            stop.Cancel();
            try { await saved; } catch (OperationCanceledException) { }
        }
    }

    private void Prompt(IAnsiConsole console, Lesson lesson, LessonProgress progress, Lesson? next)
    {
        var folder = Markup.Escape(lesson.GradedFolder(context.Track));
        var keys = context.Input.IsInteractive
            ? $" Keys: [bold]h[/] hint · [bold]r[/] regrade · [bold]n[/] {(next is null ? "next (none left)" : $"next lesson ({next.Number})")} · [bold]q[/] quit."
            : " Ctrl+C stops.";
        console.MarkupLine(progress.IsPassed
            ? $"[green]Lesson {lesson.Number} passes.[/] [grey]Still watching {folder}/ until you move on.[/]{keys}"
            : $"[grey]Watching {folder}/: save a file to regrade.[/]{keys}");
    }

    private void Redraw(IAnsiConsole console, Regrade regrade)
    {
        if (console.Profile.Capabilities.Interactive)
            console.Clear(home: true);
        else
            console.WriteLine(new string('-', 40));
        CheckView.Render(console, regrade.Progress, context.Root, context.Track);
        console.MarkupLine($"[grey]{Markup.Escape(regrade.Describe())}[/]");
    }
}
