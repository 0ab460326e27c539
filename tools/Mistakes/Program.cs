// The catalogue of mistakes, proven: for every entry under mistakes/NN-Name/<mistake>/, apply the entry's mistake.patch
// to the lesson's reference solution (strictly: a patch that no longer applies fails), compile the result, run the
// graders the entry lists against it, and check that each of them fails, with the failure message kept in the entry's
// message.txt. The correct variants under variants/NN-Name/<variant>/ are run the same way, and must pass every grader of
// their lesson. CI runs it; see CONTRIBUTING.
//
//   dotnet run --project tools/Mistakes -- [--update] [--no-build] [--lesson NN]... [--entry TEXT] [--report FILE] [--jobs N]
//   dotnet run --project tools/Mistakes -- new-patch ENTRY [EDITED-FILE...]    (write an entry's patch: PatchCommands.cs)
//   dotnet run --project tools/Mistakes -- patched ENTRY FOLDER                (the entry's mistaken files, to edit)
//
//   --update     rewrite the message snapshots (review the diff before committing)
//   --no-build   the graders are already built in the solutions track (CI builds them just before)
//   --lesson NN  only lesson NN (repeatable); --entry TEXT only entries whose id contains TEXT (repeatable)
//   --report     also write an xunit XML report (one test per entry that is not pending)
//   --discover   for writing an entry: run all the lesson's graders on it and list those that fail
using System.Diagnostics;
using System.Text.Json;
using SocketCourse.Mistakes;

if (args is ["new-patch" or "patched", ..])
    return PatchCommands.Run(FindRoot(), args);

var update = false;
var discover = false;
var build = true;
var lessons = new List<string>();
var entryFilters = new List<string>();
string? reportPath = null;
var jobs = Math.Max(2, 2 * Environment.ProcessorCount); // entries mostly wait; see LessonRun
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--update": update = true; break;
        case "--no-build": build = false; break;
        case "--discover": discover = true; break;
        case "--lesson" when i + 1 < args.Length: lessons.Add(args[++i]); break;
        case "--entry" when i + 1 < args.Length: entryFilters.Add(args[++i]); break;
        case "--report" when i + 1 < args.Length: reportPath = Path.GetFullPath(args[++i]); break;
        case "--jobs" when i + 1 < args.Length: jobs = int.Parse(args[++i]); break;
        default:
            Console.Error.WriteLine($"unknown argument {args[i]}; usage: mistakes [--update] [--no-build] [--lesson NN]... [--entry TEXT] [--report FILE] [--jobs N]");
            return 2;
    }
}

try
{
    var root = FindRoot();
    var clock = Stopwatch.StartNew();
    var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "course.json"))).RootElement;
    var courseLessons = manifest.GetProperty("lessons").EnumerateArray()
        .Where(l => l.GetProperty("status").GetString() == "ready")
        .Select(l => (
            Number: l.GetProperty("number").GetString()!,
            Solution: l.GetProperty("solution").GetString()!,
            Tests: l.GetProperty("tests").GetString()!,
            Steps: l.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("step").GetInt32()).ToList()))
        .ToList();

    List<Entry> all;
    try { all = [.. Entry.ReadAll(Path.Combine(root, Entry.MistakesFolder)), .. Entry.ReadAll(Path.Combine(root, Entry.VariantsFolder))]; }
    catch (InvalidDataException e) { Console.WriteLine($"mistakes: {e.Message}"); return 1; }

    var problems = new List<string>();
    var wholeCatalogue = lessons.Count == 0 && entryFilters.Count == 0;
    if (wholeCatalogue)
        problems.AddRange(Coverage.Check(all.Where(e => !e.IsVariant).ToList(), courseLessons.Select(l => (Path.GetFileName(l.Solution), l.Steps))));

    var selected = all
        .Where(e => lessons.Count == 0 || lessons.Any(n => e.Lesson.StartsWith(n + "-", StringComparison.Ordinal)))
        .Where(e => entryFilters.Count == 0 || entryFilters.Any(f => e.Id.Contains(f, StringComparison.OrdinalIgnoreCase)))
        .ToList();
    foreach (var stray in selected.Where(e => courseLessons.All(l => Path.GetFileName(l.Solution) != e.Lesson)).Select(e => Path.GetRelativePath(root, Path.GetDirectoryName(e.Folder)!).Replace('\\', '/')).Distinct())
        problems.Add($"{stray}: no ready lesson in course.json has that solution folder");
    // A mistake that only another system's sockets make visible (e.g. a UDP reset only Windows reports) passes every grader
    // here by design: it is listed, not run.
    var elsewhere = selected.Where(e => !e.RunsHere).ToList();
    selected = selected.Where(e => e.RunsHere).ToList();

    var scratchRoot = Path.Combine(Path.GetTempPath(), $"socketcourse-mistakes-{Environment.ProcessId}");
    var outcomes = new List<Outcome>();
    var lessonTimes = new List<string>();
    try
    {
        // 1. Build and inspect each lesson that has entries (MSBuild, two lessons at a time).
        var runs = new Dictionary<string, (LessonRun Run, string Problem, StringWriter Log)>();
        var groups = selected.GroupBy(e => e.Lesson).Where(g => courseLessons.Any(l => Path.GetFileName(l.Solution) == g.Key)).ToList();
        await Parallel.ForEachAsync(groups, new ParallelOptions { MaxDegreeOfParallelism = 2 }, async (group, _) =>
        {
            var lesson = courseLessons.First(l => Path.GetFileName(l.Solution) == group.Key);
            var run = new LessonRun(root, scratchRoot, update, discover);
            var log = new StringWriter();
            var problem = "";
            try { await run.PrepareAsync(lesson.Solution, lesson.Tests, build, Math.Min(jobs, group.Count()), log); }
            catch (Exception e) when (e is InvalidOperationException or IOException) { problem = e.Message; }
            lock (runs) runs[group.Key] = (run, problem, log);
        });

        // 2. Judge every entry, several at once: most of an entry's time is a grader waiting out a deadline.
        var graded = new System.Collections.Concurrent.ConcurrentDictionary<Entry, (Outcome Outcome, string Log)>();
        var runnable = groups.SelectMany(g => g).Where(e => runs[e.Lesson].Problem.Length == 0).ToList();
        await Parallel.ForEachAsync(runnable, new ParallelOptions { MaxDegreeOfParallelism = jobs }, async (entry, _) =>
        {
            var result = await runs[entry.Lesson].Run.RunAsync(entry);
            graded[entry] = result;
            Console.Error.Write(result.Outcome.Caught || entry.Pending is not null ? "." : "x");
        });
        Console.Error.WriteLine();

        // 3. Report lesson by lesson, in catalogue order.
        foreach (var group in groups)
        {
            var (run, problem, log) = runs[group.Key];
            var results = group.Select(e => graded.TryGetValue(e, out var r) ? r : (new Outcome(e, false, "lesson could not be prepared: " + problem, TimeSpan.Zero), "")).ToList();
            var entriesTime = TimeSpan.FromTicks(results.Sum(r => r.Item1.Took.Ticks));
            Console.WriteLine($"\n== {group.Key}: {results.Count} entries; preparing {run.Preparation.TotalSeconds:0.0} s, grading {entriesTime.TotalSeconds:0.0} s (summed over entries)");
            Console.Write(log);
            if (problem.Length > 0) Console.WriteLine($"  lesson {group.Key} could not be prepared: {problem}");
            foreach (var (outcome, text) in results) Console.Write(text);
            outcomes.AddRange(results.Select(r => r.Item1));
            lessonTimes.Add($"{group.Key} {(run.Preparation + entriesTime).TotalSeconds:0} s");
        }
    }
    finally
    {
        try { if (Directory.Exists(scratchRoot)) Directory.Delete(scratchRoot, recursive: true); } catch (IOException) { }
    }

    var pending = outcomes.Where(o => o.Entry.Pending is not null).ToList();
    if (pending.Count > 0)
    {
        Console.WriteLine($"\n!! {pending.Count} PENDING entries (known gaps in the graders; not a CI failure):");
        foreach (var o in pending)
            Console.WriteLine($"!!   {o.Entry.Id} (step {o.Entry.Step}): {(o.Caught ? "NOW CAUGHT: remove \"pending\" and run --update" : "not caught")}; pending: {o.Entry.Pending}");
    }
    if (elsewhere.Count > 0)
    {
        Console.WriteLine($"\n{elsewhere.Count} entries show only on other systems than {Entry.ThisPlatform}, so they were not run here:");
        foreach (var e in elsewhere)
            Console.WriteLine($"    {e.Id} (step {e.Step}): only on {string.Join(", ", e.Platforms)}");
    }
    foreach (var p in problems) Console.WriteLine("problem: " + p);
    var judged = outcomes.Where(o => o.Entry.Pending is null).ToList();
    var failures = judged.Count(o => !o.Caught) + problems.Count;
    if (reportPath is not null) Report.Write(reportPath, judged, problems);
    var variants = judged.Where(o => o.Entry.IsVariant).ToList();
    var mistakes = judged.Where(o => !o.Entry.IsVariant).ToList();
    Console.WriteLine($"\ncatalogue took {clock.Elapsed.TotalSeconds:0.0} s with {jobs} entries at a time (per lesson, summed: {string.Join(", ", lessonTimes)})");
    Console.WriteLine($"  total: {judged.Count + problems.Count}");
    if (variants.Count > 0)
        Console.WriteLine($"variants: {variants.Count(o => o.Caught)} pass every grader, {variants.Count(o => !o.Caught)} failed");
    Console.WriteLine($"mistakes: {mistakes.Count(o => o.Caught)} caught, {mistakes.Count(o => !o.Caught) + problems.Count} failed, {pending.Count} pending ({pending.Count(o => o.Caught)} of them now caught)" +
                      (elsewhere.Count > 0 ? $", {elsewhere.Count} for other systems not run" : ""));
    return failures == 0 ? 0 : 1;
}
catch (Exception e)
{
    // Whatever went wrong, CI must see a failure rather than a missing report.
    Console.WriteLine($"mistakes: the runner failed: {e}");
    if (reportPath is not null) Report.Write(reportPath, [], [$"the catalogue runner failed: {e.Message}"]);
    Console.WriteLine("  total: 1");
    return 1;
}

static string FindRoot()
{
    for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        if (File.Exists(Path.Combine(dir.FullName, "course.json")) && File.Exists(Path.Combine(dir.FullName, "Course.sln")))
            return dir.FullName;
    throw new InvalidOperationException("run this inside the course repository (no course.json and Course.sln found above the current folder)");
}
