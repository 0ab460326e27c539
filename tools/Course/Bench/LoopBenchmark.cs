using System.Diagnostics;
using System.Text;
using System.Threading.Channels;
using SocketCourse.Tool.Grading;
using SocketCourse.Tool.Manifest;

namespace SocketCourse.Tool.Bench;

/// <summary>One measured part of the loop: its runs in seconds, and the target it should meet.</summary>
public sealed record LoopFigure(string What, IReadOnlyList<double> Seconds, double? Target)
{
    /// <summary>The median run.</summary>
    public double Median
    {
        get
        {
            var sorted = Seconds.Order().ToList();
            if (sorted.Count == 0)
                return double.NaN;
            return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
        }
    }
}

/// <summary>
/// Times the learner's loop the way a learner runs it, each part in fresh processes through the front door:
/// the map with nothing changed; check after a one-file edit; a regrade in a running watch, from the save to the
/// verdict; and plain `dotnet test` of the lesson after the same edit. The edit appends a comment line to one of
/// the lesson's files, a new one each run; the file is restored at the end. A benchmark that prints figures, not a test.
/// </summary>
public sealed class LoopBenchmark(CourseRoot root, Lesson lesson, Track track, int runs, Action<string> log)
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(5);
    private readonly ProcessRunner _processes = new();

    /// <summary>Measures the four parts.</summary>
    public async Task<IReadOnlyList<LoopFigure>> RunAsync(CancellationToken cancellationToken)
    {
        var file = EditedFile();
        var original = await File.ReadAllBytesAsync(file, cancellationToken);
        var edits = 0;
        async Task EditAsync()
        {
            // A new comment each time: the file's content changes, so nothing may be served from a cache.
            await File.WriteAllBytesAsync(file, [.. original, .. Encoding.UTF8.GetBytes($"\n// bench edit {++edits}\n")], cancellationToken);
        }
        try
        {
            log($"Edited file: {root.Relative(file)} (restored at the end). Warming up: one map and one check first.");
            await TimeAsync(FrontDoor(), cancellationToken);
            await TimeAsync(FrontDoor("check", lesson.Number), cancellationToken);

            var map = new List<double>();
            for (var i = 0; i < runs; i++)
                map.Add(await TimeAsync(FrontDoor(), cancellationToken));
            log($"map: {Format(map)}");

            var check = new List<double>();
            for (var i = 0; i < runs; i++)
            {
                await EditAsync();
                check.Add(await TimeAsync(FrontDoor("check", lesson.Number), cancellationToken));
            }
            log($"check: {Format(check)}");

            var watch = await WatchAsync(EditAsync, cancellationToken);
            log($"watch: {Format(watch)}");

            var test = new List<double>();
            var project = root.Relative(TestProject.Of(root, lesson).ProjectFile);
            for (var i = 0; i < runs; i++)
            {
                await EditAsync();
                test.Add(await TimeAsync((Dotnet.HostPath, ["test", "--project", project, .. (track == Track.Solutions ? ["-p:Track=solutions"] : Array.Empty<string>())]), cancellationToken));
            }
            log($"dotnet test: {Format(test)}");

            return
            [
                new LoopFigure("map, nothing changed (./course)", map, 1.0),
                new LoopFigure($"check {lesson.Number} after a one-file edit (./course check {lesson.Number})", check, 4.0),
                new LoopFigure("watch: regrade, from the save to the verdict", watch, 2.0),
                new LoopFigure($"dotnet test --project {project} after the edit", test, null),
            ];
        }
        finally
        {
            await File.WriteAllBytesAsync(file, original, CancellationToken.None);
        }
    }

    /// <summary>
    /// Starts `./course watch NN`, waits for its first verdict, then saves an edit and times until the next verdict,
    /// <see cref="runs"/> times. The watch process is stopped at the end.
    /// </summary>
    private async Task<List<double>> WatchAsync(Func<Task> edit, CancellationToken cancellationToken)
    {
        var (program, arguments) = FrontDoor("watch", lesson.Number);
        var start = new ProcessStartInfo(program) { WorkingDirectory = root.Path, RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        start.Environment["NO_COLOR"] = "1";
        using var watch = new Process { StartInfo = start };
        var verdicts = Channel.CreateUnbounded<string>();
        watch.OutputDataReceived += (_, e) =>
        {
            if (e.Data?.StartsWith("Regraded in", StringComparison.Ordinal) == true)
                verdicts.Writer.TryWrite(e.Data);
        };
        watch.ErrorDataReceived += (_, _) => { };
        watch.Start();
        watch.BeginOutputReadLine();
        watch.BeginErrorReadLine();
        var seconds = new List<double>();
        try
        {
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            limit.CancelAfter(Limit);
            log($"watch (started): {await verdicts.Reader.ReadAsync(limit.Token)}");
            // Let the first grading's files settle, so the watcher does not see them as a save.
            await Task.Delay(TimeSpan.FromSeconds(1), limit.Token);
            for (var i = 0; i < runs; i++)
            {
                var clock = Stopwatch.StartNew();
                await edit();
                var line = await verdicts.Reader.ReadAsync(limit.Token);
                seconds.Add(clock.Elapsed.TotalSeconds);
                log($"  save {i + 1}: verdict after {clock.Elapsed.TotalSeconds:0.00} s ({line})");
                await Task.Delay(TimeSpan.FromMilliseconds(500), limit.Token);
            }
        }
        finally
        {
            try { watch.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
            await watch.WaitForExitAsync(CancellationToken.None);
        }
        return seconds;
    }

    private async Task<double> TimeAsync((string Program, string[] Arguments) command, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var result = await _processes.RunAsync(command.Program, command.Arguments, root.Path, Limit, cancellationToken);
        var seconds = clock.Elapsed.TotalSeconds;
        if (result.TimedOut)
            throw new CourseException($"`{command.Program} {string.Join(' ', command.Arguments)}` did not finish within {Limit.TotalMinutes:0} minutes.");
        return seconds;
    }

    /// <summary>The front door as a learner types it: ./course (bash) or course.cmd (Windows).</summary>
    private (string Program, string[] Arguments) FrontDoor(params string[] arguments)
    {
        string[] trackOption = track == Track.Solutions ? ["--track", "solutions"] : [];
        return OperatingSystem.IsWindows()
            ? ("cmd.exe", ["/c", Path.Combine(root.Path, "course.cmd"), .. arguments, .. trackOption])
            : ("bash", [Path.Combine(root.Path, "course"), .. arguments, .. trackOption]);
    }

    /// <summary>The first file of the lesson's first step, in the graded folder.</summary>
    private string EditedFile()
    {
        var folder = root.Full(lesson.GradedFolder(track));
        var named = lesson.Steps.SelectMany(s => s.Files).Select(f => Path.Combine(folder, f)).FirstOrDefault(File.Exists);
        return named ?? Fingerprint.SourceFiles(folder).FirstOrDefault(f => f.EndsWith(".cs", StringComparison.Ordinal))
            ?? throw new CourseException($"Lesson {lesson.Number} has no C# file in {lesson.GradedFolder(track)}/ to edit.");
    }

    private static string Format(List<double> seconds) => string.Join(", ", seconds.Select(s => s.ToString("0.00")));
}
