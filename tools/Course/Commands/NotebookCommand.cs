using SocketCourse.Notebooks;
using SocketCourse.Tool.Manifest;
using SocketCourse.Tool.Rendering;
using Spectre.Console;

namespace SocketCourse.Tool.Commands;

/// <summary>notebook NN: the lesson's notebook in the terminal, run cell by cell with the C# kernel.</summary>
public static class NotebookCommand
{
    /// <summary>
    /// Shows each cell; runs each code cell and prints its output. Between code cells it waits for a key, unless
    /// <paramref name="all"/> or stdin is not a terminal. Exits 1 at the first failing cell.
    /// </summary>
    public static async Task<int> RunAsync(CourseContext context, string lessonNumber, bool all, string? file, CancellationToken cancellationToken)
    {
        var path = ResolvePath(context, lessonNumber, file);
        var cells = Read(context.Root, path);
        var console = context.Out;
        var stepping = !all && context.Input.IsInteractive;
        var codeCells = cells.Count(c => c.IsCode);
        var ran = 0;

        console.MarkupLine($"[grey]{Markup.Escape(Display(context.Root, path))}: {cells.Count} cells, {codeCells} of them C#. "
            + (stepping ? "A key runs the next code cell; q stops." : "Running every cell.") + "[/]");
        console.WriteLine();
        using var runner = new NotebookRunner(path);
        foreach (var cell in cells)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (cell.IsMarkdown)
            {
                NotebookView.Markdown(console, cell);
                continue;
            }
            if (!cell.IsCode)
            {
                console.MarkupLine($"[grey](cell {cell.Number} is in {Markup.Escape(cell.Language)}; only C# cells run here)[/]");
                continue;
            }
            NotebookView.Code(console, cell);
            if (stepping && ran > 0 && !WaitForKey(context))
                return ExitCodes.Ok;
            var outcome = await Run(console, runner, cell);
            ran++;
            NotebookView.Outcome(console, outcome);
            if (!outcome.Succeeded)
            {
                context.Error.MarkupLine($"[red]Cell {cell.Number} failed; the cells after it were not run.[/]");
                return ExitCodes.NotPassing;
            }
        }
        console.MarkupLine($"[green]The notebook ran: {ran} code cell{(ran == 1 ? "" : "s")}, no errors.[/]");
        return ExitCodes.Ok;
    }

    /// <summary>The notebook's path: <paramref name="file"/> if given, else the lesson's notebook from the manifest.</summary>
    public static string ResolvePath(CourseContext context, string? lessonNumber, string? file)
    {
        if (file is not null)
        {
            var full = Path.GetFullPath(file);
            return File.Exists(full) ? full : throw new CourseException($"There is no notebook at {file}.");
        }
        var lesson = LessonLookup.FindReady(context.Manifest, lessonNumber ?? "");
        var path = context.Root.Full(lesson.Notebook);
        return File.Exists(path)
            ? path
            : throw new CourseException($"Lesson {lesson.Number}'s notebook, {lesson.Notebook}, is not there.", "Restore it from git (git checkout -- notebooks), or pass a notebook with --file.");
    }

    /// <summary>The notebook's cells.</summary>
    public static IReadOnlyList<NotebookCell> Read(CourseRoot root, string path)
    {
        try
        {
            return NotebookFile.Read(path);
        }
        catch (InvalidDataException e)
        {
            throw new CourseException($"{Display(root, path)} cannot be read as a notebook: {e.InnerException?.Message ?? e.Message}");
        }
    }

    /// <summary>A path as the learner reads it: relative inside the course, absolute outside.</summary>
    public static string Display(CourseRoot root, string path)
    {
        var relative = root.Relative(path);
        return relative.StartsWith("..", StringComparison.Ordinal) ? path : relative;
    }

    private static bool WaitForKey(CourseContext context)
    {
        context.Out.MarkupLine("[grey]Press a key to run it (q to stop)…[/]");
        return context.Input.WaitForKey();
    }

    private static async Task<CellOutcome> Run(IAnsiConsole console, NotebookRunner runner, NotebookCell cell)
    {
        if (!console.Profile.Capabilities.Interactive)
            return await runner.RunAsync(cell);
        return await console.Status().StartAsync($"Running cell {cell.Number}…", _ => runner.RunAsync(cell));
    }
}
