// CI's judge of the test results (run by .ci/Ci.cs as a file-based app: dotnet run .ci/CheckResults.cs -- ...).
// It reads the xunit XML reports of both tracks and course.json, and checks what the course promises:
//   solutions track: every test passed (graders, harness, notebooks, tool);
//   exercises track: every grader of every ready (or scaffolded planned) lesson failed, on the stub's NotImplementedException
//   (not a timeout or anything else), within a time bound; every step of the manifest has required graders. The graders'
//   framework reports one stub failure per lesson as a failure and the later ones as skipped with a reason of its own
//   (tools/Course/Grading/StubSkip.cs, written only for a grader that threw the stub's NotImplementedException): such a
//   skip counts as failing on the stub, any other skip is a problem, and each lesson must have a real failure left, so
//   that its exit code says it is not done.
//   Stretch graders (trait Stretch=true) are optional for the learner but not for the course: they too must
//   pass on the solutions and fail on the stubs, and a step may not consist of stretch graders alone.
// It prints a summary per lesson and, last, the line `ci: N passed, N failed` from the solutions track.
using System.Text.Json;
using System.Xml.Linq;

if (args.Length != 6)
{
    Console.Error.WriteLine("usage: dotnet run .ci/CheckResults.cs -- <course.json> <solutions-results-dir> <exercises-results-dir> " +
                            "<solutions-exit-code> <solutions-total> <exercises-total>");
    return 2;
}

const double MaxSecondsPerStubFailure = 5.0;
// The end of the reason of a skip that stands for a stub's failure: the same text as StubSkip.Suffix (change both together).
const string StubSkipSuffix = " [NotImplementedException reached; one grader of this lesson reports it as a failure]";
var stubSkip = new System.Text.RegularExpressions.Regex(@"^step \d+ is not written yet: .*" + System.Text.RegularExpressions.Regex.Escape(StubSkipSuffix) + "$",
    System.Text.RegularExpressions.RegexOptions.Singleline);
var problems = new List<string>();

var manifest = JsonDocument.Parse(File.ReadAllText(args[0])).RootElement;
var lessons = manifest.GetProperty("lessons").EnumerateArray()
    .Select(l => (
        Number: l.GetProperty("number").GetString()!,
        Ready: l.GetProperty("status").GetString() == "ready",
        Steps: l.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("step").GetInt32().ToString()).ToList()))
    .ToList();

var solutions = ReadResults(args[1]);
var exercises = ReadResults(args[2]);
// Ready lessons must have graders; a planned lesson scaffolded by `course dev new` has some, held to the same rules.
var gradedLessons = lessons.Where(l => l.Ready || exercises.Any(t => t.Lesson == l.Number))
    .Select(l => (l.Number, l.Steps)).ToList();

// Solutions track: everything passes.
var passed = solutions.Count(t => t.Result == "Pass");
var failed = solutions.Count(t => t.Result == "Fail");
foreach (var t in solutions.Where(t => t.Result != "Pass"))
    problems.Add($"solutions track: {t.Result.ToLowerInvariant()}: {t.Name}: {FirstLine(t.Message)}");
if (solutions.Count == 0) problems.Add("solutions track: no test results were found");
if (args[4] != solutions.Count.ToString())
    problems.Add($"solutions track: the runner counted {args[4]} tests but the reports hold {solutions.Count}: a report is missing");
if (args[5] != exercises.Count.ToString())
    problems.Add($"exercises track: the runner counted {args[5]} tests but the reports hold {exercises.Count}: a report is missing");
if (args[3] != "0" && failed == 0)
    problems.Add($"solutions track: dotnet test exited {args[3]} although no test failed: did a test host crash or a project not run?");

// Exercises track: every grader of every ready lesson fails on its stub.
foreach (var (number, steps) in gradedLessons)
{
    var graders = exercises.Where(t => t.Lesson == number).ToList();
    var solved = solutions.Where(t => t.Lesson == number).ToList();
    if (graders.Count == 0) { problems.Add($"lesson {number}: no graders ran in the exercises track"); continue; }
    if (solved.Count != graders.Count)
        problems.Add($"lesson {number}: {solved.Count} graders ran on the solutions but {graders.Count} on the stubs");
    foreach (var step in steps.Where(s => !graders.Any(g => g.Step == s && !g.Stretch)))
        problems.Add($"lesson {number}: step {step} of course.json has no required graders (trait Step={step}, not Stretch)");
    foreach (var g in graders.Where(g => g.Step is null))
        problems.Add($"lesson {number}: {g.Name} has no Step trait");
    foreach (var g in graders)
    {
        if (g.Result == "Skip" && stubSkip.IsMatch(g.Message))
        {
            if (g.Seconds > MaxSecondsPerStubFailure)
                problems.Add($"lesson {number}: {g.Name} took {g.Seconds:0.0} s to reach the stub (bound: {MaxSecondsPerStubFailure} s)");
        }
        else if (g.Result != "Fail")
            problems.Add($"lesson {number}: {g.Name} did not fail against the stubs ({g.Result}{(g.Message.Length > 0 ? ": " + FirstLine(g.Message) : "")}): a grader that cannot fail is a defect");
        else if (!g.ExceptionType.Contains("NotImplementedException") && !g.Message.Contains("NotImplementedException"))
            problems.Add($"lesson {number}: {g.Name} failed against the stubs, but not on the stub's NotImplementedException: {g.ExceptionType}: {FirstLine(g.Message)}");
        else if (g.Seconds > MaxSecondsPerStubFailure)
            problems.Add($"lesson {number}: {g.Name} took {g.Seconds:0.0} s to fail against the stubs (bound: {MaxSecondsPerStubFailure} s)");
    }
    var stubFailures = graders.Count(g => g.Result == "Fail");
    var stubSkips = graders.Count(g => g.Result == "Skip" && stubSkip.IsMatch(g.Message));
    if (stubFailures == 0)
        problems.Add($"lesson {number}: no grader failed against the stubs, so the lesson's exit code would say it passes");
    Console.WriteLine($"lesson {number}: {solved.Count(t => t.Result == "Pass")}/{solved.Count} graders pass on the solutions, " +
                      $"{stubFailures + stubSkips}/{graders.Count} fail on the stubs ({stubFailures} reported as failed, {stubSkips} as skipped: step not written yet), steps {string.Join(",", steps)}" +
                      (graders.Any(g => g.Stretch) ? $" ({graders.Count(g => g.Stretch)} of them stretch)" : ""));
}
var strayGraders = exercises.Where(t => t.Lesson is not null && gradedLessons.All(l => l.Number != t.Lesson)).Select(t => t.Lesson).Distinct();
foreach (var lesson in strayGraders)
    problems.Add($"lesson {lesson}: graders ran, but course.json does not list the lesson");

foreach (var p in problems) Console.WriteLine("problem: " + p);
Console.WriteLine($"solutions track: {passed} passed, {failed} failed, {solutions.Count - passed - failed} other; exercises track: {exercises.Count} graders ran");
// A failed solutions test counts once; every other problem (a grader that cannot fail, a crash) counts as one failure.
Console.WriteLine($"ci: {passed} passed, {failed + problems.Count(p => !p.StartsWith("solutions track: fail"))} failed");
return problems.Count == 0 ? 0 : 1;

static List<TestResult> ReadResults(string folder)
{
    var results = new List<TestResult>();
    if (!Directory.Exists(folder)) return results;
    foreach (var file in Directory.GetFiles(folder, "*.xml", SearchOption.AllDirectories))
    {
        foreach (var test in XDocument.Load(file).Descendants("test"))
        {
            string? Trait(string name) => test.Element("traits")?.Elements("trait")
                .FirstOrDefault(t => (string?)t.Attribute("name") == name)?.Attribute("value")?.Value;
            var failure = test.Element("failure");
            results.Add(new TestResult(
                Name: (string?)test.Attribute("name") ?? "?",
                Result: (string?)test.Attribute("result") ?? "?",
                Seconds: double.TryParse((string?)test.Attribute("time"), System.Globalization.CultureInfo.InvariantCulture, out var s) ? s : 0,
                Lesson: Trait("Lesson"),
                Step: Trait("Step"),
                Stretch: string.Equals(Trait("Stretch"), "true", StringComparison.OrdinalIgnoreCase),
                ExceptionType: (string?)failure?.Attribute("exception-type") ?? "",
                Message: failure?.Element("message")?.Value ?? test.Element("reason")?.Value ?? ""));
        }
    }
    return results;
}

static string FirstLine(string text) => text.Split('\n', 2)[0].Trim();

record TestResult(string Name, string Result, double Seconds, string? Lesson, string? Step, bool Stretch, string ExceptionType, string Message);
