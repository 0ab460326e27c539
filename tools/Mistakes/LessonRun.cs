using System.Diagnostics;

namespace SocketCourse.Mistakes;

/// <summary>What became of one entry.</summary>
/// <param name="Entry">The entry.</param>
/// <param name="Caught">Every listed grader failed, and the message matched its snapshot (or was rewritten).</param>
/// <param name="Detail">Why it counts as not caught; empty when caught.</param>
/// <param name="Took">Compile and grading time.</param>
public sealed record Outcome(Entry Entry, bool Caught, string Detail, TimeSpan Took);

/// <summary>
/// The entries of one lesson: the graders' output is copied once to a scratch folder; for each entry the overlaid
/// solution is compiled into it (same assembly name) and the listed graders run from there.
/// </summary>
public sealed class LessonRun(string root, string scratchRoot, bool update, TextWriter log)
{
    /// <summary>Runs the lesson's entries, in order, and reports each on <c>log</c>.</summary>
    public async Task<List<Outcome>> RunAsync(string solutionFolder, string testsFolder, List<Entry> entries, bool build)
    {
        var lesson = await Lesson.LoadAsync(root, solutionFolder, testsFolder, build, log);
        var scratch = Path.Combine(scratchRoot, lesson.Name);
        CopyFolder(lesson.GradersFolder, scratch);
        var compiler = new OverlayCompiler(lesson);
        var outcomes = new List<Outcome>();
        foreach (var entry in entries)
        {
            var time = Stopwatch.StartNew();
            var (caught, detail) = await JudgeAsync(entry, lesson, compiler, scratch);
            outcomes.Add(new Outcome(entry, caught, detail, time.Elapsed));
            var verdict = entry.Pending is not null ? (caught ? "PENDING, now caught" : "PENDING") : caught ? "caught" : "NOT CAUGHT";
            log.WriteLine($"  {verdict,-19} step {entry.Step}  {entry.Name}  ({time.Elapsed.TotalSeconds:0.0} s)");
            if (detail.Length > 0 && (entry.Pending is null || caught))
                log.WriteLine("      " + detail.Replace("\n", "\n      "));
        }
        return outcomes;
    }

    private async Task<(bool Caught, string Detail)> JudgeAsync(Entry entry, Lesson lesson, OverlayCompiler compiler, string scratch)
    {
        var overlays = entry.Overlays.ToDictionary(o => o, o => File.ReadAllText(Path.Combine(entry.Folder, o)));
        if (overlays.All(o => File.Exists(Path.Combine(lesson.SolutionFolder, o.Key))
                              && File.ReadAllText(Path.Combine(lesson.SolutionFolder, o.Key)) == o.Value))
            return (false, "the overlay is identical to the solution: there is no mistake in it");
        var errors = compiler.Compile(overlays, scratch);
        if (errors.Count > 0)
            return (false, "the overlaid solution does not compile (warnings are errors, as in the learner's build):\n" + string.Join('\n', errors.Take(10)));

        var (results, hostProblem) = await GraderRun.RunAsync(scratch, lesson.GradersAssembly, entry.Graders);
        var missing = entry.Graders.Where(g => results.All(r => r.Method != g)).ToList();
        if (missing.Count > 0 && hostProblem.Length == 0)
            return (false, $"no grader of {lesson.Name} is named {string.Join(", ", missing)} (renamed or removed?)");
        var notFailed = entry.Graders.Where(g => results.FirstOrDefault(r => r.Method == g)?.Result != "Fail").ToList();
        if (notFailed.Count > 0)
        {
            var how = string.Join(", ", notFailed.Select(g => $"{g}: {results.FirstOrDefault(r => r.Method == g)?.Result ?? "not reported"}"));
            return (false, (hostProblem.Length > 0 ? hostProblem + "\n" : "") + "listed graders that did not fail: " + how);
        }
        if (hostProblem.Length > 0 && entry.Pending is null)
            return (false, hostProblem);

        var message = Snapshot.Render(entry.Graders, results, scratch, root, Path.GetTempPath());
        var existing = File.Exists(entry.MessagePath) ? File.ReadAllText(entry.MessagePath).Replace("\r\n", "\n") : null;
        if (existing == message) return (true, "");
        if (update)
        {
            File.WriteAllText(entry.MessagePath, message);
            return (true, existing is null ? "snapshot written" : "snapshot rewritten:\n" + Snapshot.Diff(existing, message));
        }
        return (false, existing is null
            ? $"no {Entry.MessageFile} snapshot yet: run with --update and review it"
            : $"the message changed against {Entry.MessageFile} (run with --update if the change is intended):\n" + Snapshot.Diff(existing, message));
    }

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var dir in Directory.GetDirectories(from, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, dir)));
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)), overwrite: true);
    }
}
