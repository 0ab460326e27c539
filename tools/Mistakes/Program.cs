// The catalogue of mistakes, proven: for every entry under mistakes/NN-Name/<mistake>/, compile the lesson's reference
// solution with the entry's overlay files in place of its own, run the graders the entry lists against it, and check
// that each of them fails, with the failure message kept in the entry's message.txt. CI runs it; see CONTRIBUTING.
//
//   dotnet run --project tools/Mistakes -- [--update] [--no-build] [--lesson NN]... [--entry TEXT] [--report FILE] [--jobs N]
//
//   --update     rewrite the message snapshots (review the diff before committing)
//   --no-build   the graders are already built in the solutions track (CI builds them just before)
//   --lesson NN  only lesson NN (repeatable); --entry TEXT only entries whose id contains TEXT
//   --report     also write an xunit XML report (one test per entry that is not pending)
using System.Diagnostics;
using System.Text.Json;
using SocketCourse.Mistakes;

var update = false;
var build = true;
var lessons = new List<string>();
string? entryFilter = null, reportPath = null;
var jobs = Math.Max(1, Environment.ProcessorCount);
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--update": update = true; break;
        case "--no-build": build = false; break;
        case "--lesson" when i + 1 < args.Length: lessons.Add(args[++i]); break;
        case "--entry" when i + 1 < args.Length: entryFilter = args[++i]; break;
        case "--report" when i + 1 < args.Length: reportPath = Path.GetFullPath(args[++i]); break;
        case "--jobs" when i + 1 < args.Length: jobs = int.Parse(args[++i]); break;
        default:
            Console.Error.WriteLine($"unknown argument {args[i]}; usage: mistakes [--update] [--no-build] [--lesson NN]... [--entry TEXT] [--report FILE] [--jobs N]");
            return 2;
    }
}

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
try { all = Entry.ReadAll(Path.Combine(root, "mistakes")); }
catch (InvalidDataException e) { Console.WriteLine($"mistakes: {e.Message}"); return 1; }

var problems = new List<string>();
var wholeCatalogue = lessons.Count == 0 && entryFilter is null;
if (wholeCatalogue)
    problems.AddRange(Coverage.Check(all, courseLessons.Select(l => (Path.GetFileName(l.Solution), l.Steps))));

var selected = all
    .Where(e => lessons.Count == 0 || lessons.Any(n => e.Lesson.StartsWith(n + "-", StringComparison.Ordinal)))
    .Where(e => entryFilter is null || e.Id.Contains(entryFilter, StringComparison.OrdinalIgnoreCase))
    .ToList();
foreach (var stray in selected.Where(e => courseLessons.All(l => Path.GetFileName(l.Solution) != e.Lesson)).Select(e => e.Lesson).Distinct())
    problems.Add($"mistakes/{stray}: no ready lesson in course.json has that solution folder");

var scratchRoot = Path.Combine(Path.GetTempPath(), $"socketcourse-mistakes-{Environment.ProcessId}");
var outcomes = new List<Outcome>();
var lessonTimes = new List<string>();
try
{
    var groups = selected.GroupBy(e => e.Lesson).ToList();
    var done = new Dictionary<string, (string Log, List<Outcome> Outcomes, TimeSpan Took)>();
    await Parallel.ForEachAsync(groups, new ParallelOptions { MaxDegreeOfParallelism = jobs }, async (group, _) =>
    {
        var log = new StringWriter();
        var time = Stopwatch.StartNew();
        var results = new List<Outcome>();
        var lesson = courseLessons.FirstOrDefault(l => Path.GetFileName(l.Solution) == group.Key);
        if (lesson.Solution is not null)
        {
            try
            {
                results = await new LessonRun(root, scratchRoot, update, log).RunAsync(lesson.Solution, lesson.Tests, group.ToList(), build);
            }
            catch (Exception e) when (e is InvalidOperationException or IOException)
            {
                log.WriteLine($"  lesson {group.Key} could not be prepared: {e.Message}");
                results = group.Select(entry => new Outcome(entry, false, $"lesson could not be prepared: {e.Message}", TimeSpan.Zero)).ToList();
            }
        }
        lock (done) done[group.Key] = (log.ToString(), results, time.Elapsed);
    });
    foreach (var group in groups)
    {
        var (log, results, took) = done[group.Key];
        Console.WriteLine($"\n== {group.Key}: {results.Count} entries in {took.TotalSeconds:0.0} s");
        Console.Write(log);
        outcomes.AddRange(results);
        lessonTimes.Add($"{group.Key} {took.TotalSeconds:0.0} s");
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
foreach (var p in problems) Console.WriteLine("problem: " + p);
var judged = outcomes.Where(o => o.Entry.Pending is null).ToList();
var failures = judged.Count(o => !o.Caught) + problems.Count;
if (reportPath is not null) Report.Write(reportPath, judged, problems);
Console.WriteLine($"\ncatalogue took {clock.Elapsed.TotalSeconds:0.0} s ({string.Join(", ", lessonTimes)})");
Console.WriteLine($"  total: {judged.Count + problems.Count}");
Console.WriteLine($"mistakes: {judged.Count(o => o.Caught)} caught, {failures} failed, {pending.Count} pending ({pending.Count(o => o.Caught)} of them now caught)");
return failures == 0 ? 0 : 1;

static string FindRoot()
{
    for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        if (File.Exists(Path.Combine(dir.FullName, "course.json")) && File.Exists(Path.Combine(dir.FullName, "Course.sln")))
            return dir.FullName;
    throw new InvalidOperationException("run this inside the course repository (no course.json and Course.sln found above the current folder)");
}
