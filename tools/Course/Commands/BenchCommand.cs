using System.Runtime.InteropServices;
using SocketCourse.Tool.Bench;
using SocketCourse.Tool.Manifest;
using Spectre.Console;

namespace SocketCourse.Tool.Commands;

/// <summary>bench [NN]: times the learner's loop (map, check, watch, dotnet test) and prints the medians.</summary>
public static class BenchCommand
{
    /// <summary>Runs the benchmark on lesson <paramref name="lessonNumber"/> (default 03), <paramref name="runs"/> runs of each part.</summary>
    public static async Task<int> RunAsync(CourseContext context, string lessonNumber, int runs, CancellationToken cancellationToken)
    {
        var lesson = LessonLookup.FindReady(context.Manifest, lessonNumber);
        var console = context.Out;
        console.MarkupLine($"[bold]The learner's loop on lesson {lesson.Number}[/] ({context.Track.Name()} track), median of {runs} runs each.");
        console.MarkupLine($"[grey]{Markup.Escape(Machine())}[/]");
        var figures = await new LoopBenchmark(context.Root, lesson, context.Track, runs, line => console.MarkupLine($"[grey]{Markup.Escape(line)}[/]"))
            .RunAsync(cancellationToken);
        var table = new Table().Border(console.Profile.Capabilities.Unicode ? TableBorder.Rounded : TableBorder.Ascii)
            .AddColumn("What").AddColumn(new TableColumn("Median").RightAligned()).AddColumn(new TableColumn("Target").RightAligned()).AddColumn("Runs (s)");
        foreach (var figure in figures)
        {
            var met = figure.Target is not { } target ? "" : figure.Median <= target ? $"≤ {target:0} s [green]met[/]" : $"≤ {target:0} s [red]missed[/]";
            table.AddRow(Markup.Escape(figure.What), $"{figure.Median:0.00} s", met, string.Join(" ", figure.Seconds.Select(s => s.ToString("0.00"))));
        }
        console.Write(table);
        return ExitCodes.Ok;
    }

    /// <summary>The machine, for the record: OS, cores, .NET, and the load when the benchmark started (Linux).</summary>
    public static string Machine()
    {
        var load = File.Exists("/proc/loadavg") ? $", load average {string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3))}" : "";
        return $"{RuntimeInformation.OSDescription.Trim()} {RuntimeInformation.OSArchitecture}, {Environment.ProcessorCount} cores, .NET {Environment.Version}{load}, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC";
    }
}
