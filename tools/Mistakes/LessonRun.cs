using System.Diagnostics;
using SocketCourse.Mistakes.Patching;

namespace SocketCourse.Mistakes;

/// <summary>What became of one entry.</summary>
/// <param name="Entry">The entry.</param>
/// <param name="Caught">Every listed grader failed, and the message matched its snapshot (or was rewritten); for a correct
/// variant, no grader of the lesson failed.</param>
/// <param name="Detail">Why it counts as not caught; empty when caught.</param>
/// <param name="Took">Compile and grading time.</param>
public sealed record Outcome(Entry Entry, bool Caught, string Detail, TimeSpan Took);

/// <summary>
/// The entries of one lesson: the graders' output is copied to a few scratch folders ("slots"); for each entry the
/// solution with the entry's patch applied is compiled into a free slot (same assembly name) and the listed graders run from there, so
/// several entries of a lesson are graded at once. Most of an entry's time is a grader waiting out a deadline.
/// </summary>
public sealed class LessonRun(string root, string scratchRoot, bool update, bool discover)
{
    private Lesson? _lesson;
    private OverlayCompiler? _compiler;
    private readonly System.Collections.Concurrent.ConcurrentBag<string> _slots = [];

    /// <summary>How long building and inspecting the lesson took.</summary>
    public TimeSpan Preparation { get; private set; }

    /// <summary>Builds and inspects the lesson, and makes <paramref name="slots"/> scratch copies of its graders.</summary>
    public async Task PrepareAsync(string solutionFolder, string testsFolder, bool build, int slots, TextWriter log)
    {
        var time = Stopwatch.StartNew();
        _lesson = await Lesson.LoadAsync(root, solutionFolder, testsFolder, build, log);
        for (var i = 0; i < slots; i++)
        {
            var slot = Path.Combine(scratchRoot, _lesson.Name, i.ToString());
            CopyFolder(_lesson.GradersFolder, slot);
            _slots.Add(slot);
        }
        _compiler = new OverlayCompiler(_lesson);
        Preparation = time.Elapsed;
    }

    /// <summary>Judges one entry in a free slot; returns its outcome and the lines to print for it.</summary>
    public async Task<(Outcome Outcome, string Log)> RunAsync(Entry entry)
    {
        if (!_slots.TryTake(out var slot)) throw new InvalidOperationException("more entries at once than scratch slots");
        var log = new StringWriter();
        try
        {
            var time = Stopwatch.StartNew();
            var (caught, detail) = await JudgeAsync(entry, _lesson!, _compiler!, slot, log);
            var verdict = entry.IsVariant ? (caught ? "passes (variant)" : "FAILS (variant)")
                : entry.Pending is not null ? (caught ? "PENDING, now caught" : "PENDING") : caught ? "caught" : "NOT CAUGHT";
            log.WriteLine($"  {verdict,-19} step {entry.Step}  {entry.Name}  ({time.Elapsed.TotalSeconds:0.0} s)");
            if (detail.Length > 0 && (entry.Pending is null || caught))
                log.WriteLine("      " + detail.Replace("\n", "\n      "));
            return (new Outcome(entry, caught, detail, time.Elapsed), log.ToString());
        }
        finally
        {
            _slots.Add(slot);
        }
    }

    private async Task<(bool Caught, string Detail)> JudgeAsync(Entry entry, Lesson lesson, OverlayCompiler compiler, string scratch, TextWriter log)
    {
        Dictionary<string, string> mistaken;
        try { mistaken = MistakePatch.Apply(root, Path.GetRelativePath(root, lesson.SolutionFolder), entry.PatchPath); }
        catch (PatchException e) { return (false, e.Message); }
        if (mistaken.All(o => File.ReadAllText(Path.Combine(lesson.SolutionFolder, o.Key)) == o.Value))
            return (false, $"{Path.GetFileName(entry.PatchPath)} changes nothing in the solution: there is no {(entry.IsVariant ? "variant" : "mistake")} in it");
        var errors = compiler.Compile(mistaken, scratch);
        if (errors.Count > 0)
            return (false, "the patched solution does not compile (warnings are errors, as in the learner's build):\n" + string.Join('\n', errors.Take(10)));
        if (entry.IsVariant) return await JudgeVariantAsync(entry, lesson, scratch);

        if (discover)
        {
            var (everything, problem) = await GraderRun.RunAsync(scratch, lesson.GradersAssembly, []);
            log.WriteLine($"      failing graders: {string.Join(" ", everything.Where(r => r.Result == "Fail").Select(r => $"\"{r.Method}\"").Distinct())} {problem}");
        }
        var (results, hostProblem) = await GraderRun.RunAsync(scratch, lesson.GradersAssembly, entry.Graders);
        if (NoSuchGrader(entry, lesson, results) is { } unknown && hostProblem.Length == 0)
            return (false, unknown);
        var notFailed = entry.Graders.Where(g => results.All(r => r.Method != g || r.Result != "Fail")).ToList();
        if (notFailed.Count > 0)
        {
            var how = string.Join(", ", notFailed.Select(g => $"{g}: {results.FirstOrDefault(r => r.Method == g)?.Result ?? "not reported"}"));
            return (false, (hostProblem.Length > 0 ? hostProblem + "\n" : "") + "listed graders that did not fail: " + how);
        }
        if (hostProblem.Length > 0)
            return (false, hostProblem);

        // A pending entry's verdict is not promised (that is why it is pending): no snapshot until it is caught for good.
        if (entry.Pending is not null) return (true, "");

        var message = Snapshot.Render(entry, results, scratch, root, Path.GetTempPath());
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

    // A correct variant passes every grader of the lesson: the run is the whole lesson, not only the graders it names.
    private static async Task<(bool Passed, string Detail)> JudgeVariantAsync(Entry entry, Lesson lesson, string scratch)
    {
        var (results, hostProblem) = await GraderRun.RunAsync(scratch, lesson.GradersAssembly, []);
        if (hostProblem.Length > 0) return (false, hostProblem);
        if (NoSuchGrader(entry, lesson, results) is { } unknown)
            return (false, unknown);
        var failed = results.Where(r => r.Result is not ("Pass" or "Skip")).ToList();
        if (failed.Count > 0)
            return (false, $"a correct variant failed {failed.Count} of {results.Count} graders (a grader depends on a detail of the reference " +
                           "solution, or races with it):\n" + string.Join('\n', failed.Select(r => $"{r.Method} ({r.Result}): {FirstLine(r.Message)}")));
        var skipped = results.Where(r => r.Result == "Skip" && entry.Graders.Contains(r.Method)).Select(r => r.Method).Distinct().ToList();
        return (true, skipped.Count > 0 ? $"passed {results.Count} graders, but {string.Join(", ", skipped)} skipped: it proved nothing this time" : "");
    }

    // The entry's graders that the run did not report: renamed or removed since the entry was written.
    private static string? NoSuchGrader(Entry entry, Lesson lesson, List<GraderResult> results)
    {
        var missing = entry.Graders.Where(g => results.All(r => r.Method != g)).ToList();
        return missing.Count == 0 ? null : $"no grader of {lesson.Name} is named {string.Join(", ", missing)} (renamed or removed?)";
    }

    private static string FirstLine(string text) => text.Split('\n', 2)[0].Trim();

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var dir in Directory.GetDirectories(from, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, dir)));
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)), overwrite: true);
    }
}
