using SocketCourse.Tool.Manifest;

namespace SocketCourse.Tool.Grading;

/// <summary>What building some lessons produced: for each lesson, the errors that stop it (none when it built).</summary>
public sealed record BuildOutcome(IReadOnlyDictionary<string, IReadOnlyList<CompilerError>> ErrorsByLesson, string? Problem)
{
    /// <summary>Whether the lesson built.</summary>
    public bool Built(string lesson) => Problem is null && ErrorsByLesson.GetValueOrDefault(lesson) is not { Count: > 0 };
}

/// <summary>
/// Builds the grader projects of several lessons with ONE <c>dotnet build</c> (a generated solution in
/// .course/build/), for one track, and sorts the compiler errors by lesson.
/// </summary>
public sealed class LessonBuilder(CourseRoot root, Track track, Dotnet dotnet)
{
    /// <summary>How long a build may take before it is reported as stuck.</summary>
    public static TimeSpan Timeout { get; } = TimeSpan.FromMinutes(5);

    /// <summary>Builds the graders of <paramref name="lessons"/>, each against the track's code.</summary>
    public Task<BuildOutcome> BuildAsync(IReadOnlyList<(Lesson Lesson, TestProject Project)> lessons, CancellationToken cancellationToken) =>
        BuildProjectsAsync([.. lessons.Select(l => l.Lesson)], [.. lessons.Select(l => l.Project.ProjectFile)], track.Name(), [], cancellationToken);

    /// <summary>
    /// Builds only the learner's (or the solution's) project of each lesson, not the graders: all a change to
    /// the learner's code needs while the graders and the public API stay the same.
    /// </summary>
    public Task<BuildOutcome> BuildGradedAsync(IReadOnlyList<(Lesson Lesson, GradedProject Project)> lessons, CancellationToken cancellationToken) =>
        // No restore: its inputs (project files, packages) are part of the graders' fingerprint, which did not change.
        BuildProjectsAsync([.. lessons.Select(l => l.Lesson)], [.. lessons.Select(l => l.Project.ProjectFile)], track.Name() + "-code", ["--no-restore"], cancellationToken);

    private async Task<BuildOutcome> BuildProjectsAsync(IReadOnlyList<Lesson> lessons, IReadOnlyList<string> projects, string name, string[] options, CancellationToken cancellationToken)
    {
        // One project is built directly; several through a generated solution, so they share one build.
        var target = projects.Count == 1 ? projects[0] : WriteSolution(projects, name);
        var result = await dotnet.RunAsync(
            ["build", target, .. options, $"-p:Track={track.Name()}", "-nologo", "-v:q", "-tl:off", "-clp:NoSummary", "-p:GenerateFullPaths=true"],
            root.Path, Timeout, cancellationToken);
        if (result.TimedOut)
            return new BuildOutcome(new Dictionary<string, IReadOnlyList<CompilerError>>(), $"The build did not finish within {Timeout.TotalMinutes:0} minutes.");
        return Sort(lessons, result, root, track);
    }

    /// <summary>Attributes each error to the lesson whose code or graders it is in.</summary>
    public static BuildOutcome Sort(IReadOnlyList<Lesson> lessons, ProcessResult result, CourseRoot root, Track track)
    {
        var errors = CompilerError.Parse(result.Output);
        var byLesson = new Dictionary<string, IReadOnlyList<CompilerError>>();
        var attributed = new HashSet<CompilerError>();
        foreach (var lesson in lessons)
        {
            var own = errors.Where(e => e.IsIn(root.Full(lesson.GradedFolder(track))) || e.IsIn(root.Full(lesson.Tests))).ToList();
            attributed.UnionWith(own);
            byLesson[lesson.Number] = own;
        }
        var shared = errors.Where(e => !attributed.Contains(e)).ToList();
        if (result.ExitCode == 0)
            return new BuildOutcome(byLesson, null);
        if (shared.Count == 0 && byLesson.Values.All(e => e.Count == 0))
            return new BuildOutcome(byLesson, "The build failed without a compiler error:\n" + Tail(result.Output, 15));
        // Errors outside any lesson (the shared harness, a restore failure) stop every lesson without errors of its own.
        if (shared.Count > 0)
        {
            foreach (var lesson in lessons.Where(l => byLesson[l.Number].Count == 0))
                byLesson[lesson.Number] = shared;
        }
        return new BuildOutcome(byLesson, null);
    }

    private string WriteSolution(IEnumerable<string> projects, string name)
    {
        var folder = Path.Combine(root.CacheFolder, "build");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"{name}.slnx");
        var lines = projects.Select(p => $"  <Project Path=\"{Path.GetRelativePath(folder, p).Replace('\\', '/')}\" />");
        File.WriteAllText(path, $"<Solution>\n{string.Join("\n", lines)}\n</Solution>\n");
        return path;
    }

    private static string Tail(string text, int lines) =>
        string.Join("\n", text.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0).TakeLast(lines));
}
