using System.CommandLine;
using SocketCourse.Tool.Commands;
using SocketCourse.Tool.Rendering;
using SocketCourse.Tool.Watch;
using Spectre.Console;

namespace SocketCourse.Tool;

/// <summary>The command line: the map by default, and check, hint, watch, notebook, export, solution.</summary>
public static class CourseCli
{
    /// <summary>--track, on every command.</summary>
    public static Option<string> TrackOption { get; } = new Option<string>("--track")
    {
        Description = "Grade the learner's 'exercises' (default) or the reference 'solutions' (for teachers).",
        DefaultValueFactory = _ => "exercises",
        Recursive = true,
        HelpName = "exercises|solutions",
    }.AcceptOnlyFromAmong(TrackNames.All);

    /// <summary>
    /// Builds the command tree. <paramref name="contextFor"/> makes the context once a command runs (so --help
    /// works anywhere); <paramref name="changes"/> replaces the file watcher in tests.
    /// </summary>
    public static RootCommand Build(Func<Track, CourseContext> contextFor, IChangeSource? changes = null)
    {
        var root = new RootCommand(
            "SocketCourse, the course tool. With no command: the course map and your progress. "
            + "Run it from the course folder: ./course <command> (Windows: .\\course <command>), or dotnet run --project tools/Course -- <command>.");
        root.Options.Add(TrackOption);
        root.SetAction((parse, token) => Run(parse, contextFor, (c, t) => MapCommand.RunAsync(c, t), token));

        var lesson = Lesson("The lesson's number, e.g. 03.");
        var again = new Option<bool>("--again") { Description = "Grade from scratch: ignore the cached grade and rebuild the graders with MSBuild." };
        var check = new Command("check", "Grade one lesson step by step; explain the first failing step. Exits 0 only when the lesson passes.") { lesson, again };
        check.SetAction((parse, token) => Run(parse, contextFor, (c, t) => CheckCommand.RunAsync(c, parse.GetValue(lesson)!, parse.GetValue(again), t), token));

        var hintLesson = Lesson("The lesson's number.");
        var step = new Argument<int?>("step") { Description = "The step (default: the first step not passing).", Arity = ArgumentArity.ZeroOrOne };
        var hint = new Command("hint", "Show the hints of a step, one more each time you ask.") { hintLesson, step };
        hint.SetAction((parse, token) => Run(parse, contextFor, (c, _) => HintCommand.RunAsync(c, parse.GetValue(hintLesson)!, parse.GetValue(step)), token));

        var watchLesson = new Argument<string?>("lesson") { Description = "The lesson, even one that passes (default: the first not passing).", Arity = ArgumentArity.ZeroOrOne };
        var watch = new Command("watch", "Regrade the lesson whenever you save one of its files, the compiler kept warm. Keys: h hint, r regrade, n next lesson, q quit.") { watchLesson };
        watch.SetAction((parse, token) => Run(parse, contextFor, (c, t) => WatchCommand.RunAsync(c, parse.GetValue(watchLesson), changes, t), token));

        var notebookLesson = Lesson("The lesson whose notebook to run.");
        var all = new Option<bool>("--all") { Description = "Run every cell without waiting for a key (the default when input is not a terminal)." };
        var notebookFile = new Option<string?>("--file") { Description = "Run this .ipynb instead of the lesson's notebook.", HelpName = "path" };
        var notebook = new Command("notebook", "Run the lesson's notebook here in the terminal with the C# kernel, cell by cell.") { notebookLesson, all, notebookFile };
        notebook.SetAction((parse, token) => Run(parse, contextFor, (c, t) => NotebookCommand.RunAsync(c, parse.GetValue(notebookLesson)!, parse.GetValue(all), parse.GetValue(notebookFile), t), token));

        var exportLesson = Lesson("The lesson whose notebook to export.");
        var output = new Option<string?>("--output", "-o") { Description = $"Where to write the .cs file (default: {ExportCommand.DefaultFolder}/<notebook>.cs).", HelpName = "file.cs" };
        var exportFile = new Option<string?>("--file") { Description = "Export this .ipynb instead of the lesson's notebook.", HelpName = "path" };
        var export = new Command("export", "Write the notebook's code as a C# file-based app (dotnet run file.cs), its text as comments.") { exportLesson, output, exportFile };
        export.SetAction((parse, token) => Run(parse, contextFor, (c, _) => ExportCommand.RunAsync(c, parse.GetValue(exportLesson)!, parse.GetValue(output), parse.GetValue(exportFile)), token));

        var solutionLesson = Lesson("The lesson.");
        var force = new Option<bool>("--force") { Description = "Show it even though the lesson does not pass yet." };
        var solution = new Command("solution", "Once the lesson passes: where the reference solution is, and a diff against your files.") { solutionLesson, force };
        solution.SetAction((parse, token) => Run(parse, contextFor, (c, t) => SolutionCommand.RunAsync(c, parse.GetValue(solutionLesson)!, parse.GetValue(force), t), token));

        var benchLesson = new Argument<string>("lesson") { Description = "The lesson to time (default 03).", DefaultValueFactory = _ => "03" };
        var runs = new Option<int>("--runs") { Description = "Runs of each part; the median is reported.", DefaultValueFactory = _ => 5 };
        var bench = new Command("bench", "For contributors: time the learner's loop (map, check after an edit, a watch regrade, dotnet test); prints medians.") { benchLesson, runs };
        bench.SetAction((parse, token) => Run(parse, contextFor, (c, t) => BenchCommand.RunAsync(c, parse.GetValue(benchLesson)!, Math.Max(1, parse.GetValue(runs)), t), token));

        foreach (var command in new[] { check, hint, watch, notebook, export, solution, bench })
            root.Subcommands.Add(command);
        root.Subcommands.Add(Dev.DevCommand.Build());   // for the course's authors
        return root;
    }

    private static Argument<string> Lesson(string description) => new("lesson") { Description = description };

    /// <summary>Runs a command, turning expected problems into a message and exit code 2, and Ctrl+C into 130.</summary>
    private static async Task<int> Run(ParseResult parse, Func<Track, CourseContext> contextFor, Func<CourseContext, CancellationToken, Task<int>> command, CancellationToken token)
    {
        CourseContext? context = null;
        try
        {
            context = contextFor(TrackNames.Parse(parse.GetValue(TrackOption)));
            return await command(context, token);
        }
        catch (CourseException e)
        {
            var error = context?.Error ?? AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
            ErrorView.Render(error, e);
            return ExitCodes.Error;
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            return ExitCodes.Cancelled;
        }
    }
}
