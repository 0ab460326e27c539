// CI for SocketCourse, as a file-based app so it runs the same on Linux, macOS and Windows (no bash needed):
//   dotnet run .ci/Ci.cs            (from the repository root; .ci/run is a thin bash wrapper around it)
// On a clean checkout, possibly on a new machine, it
//   1. checks the tools it needs (the .NET SDK; git, installed with apt-get on a bare Linux box);
//   2. builds everything, both tracks, with warnings as errors;
//   3. runs the README's test commands: `dotnet test -p:Track=solutions` (every grader, the harness tests,
//      the notebooks and the tool tests must pass) and `dotnet test` (the learner's track: every grader must fail);
//   4. runs the further checks listed in FurtherChecks below, one command each;
//   5. judges the test results from the xunit XML reports (.ci/CheckResults.cs), not from exit codes,
//      prints how long each part took, and ends with exactly one line `ci: N passed, N failed`.
// It exits 0 only when nothing failed.
using System.Diagnostics;
using System.Text.RegularExpressions;

var root = FindRepositoryRoot();
Directory.SetCurrentDirectory(root);
var results = Path.Combine(Path.GetTempPath(), $"socketcourse-ci-{Environment.ProcessId}");
Directory.CreateDirectory(results);
var timings = new List<(string Part, TimeSpan Took)>();
var ci = Stopwatch.StartNew();
var partClock = new Stopwatch();

try
{
    // 1. Tools.
    Part("tools");
    if (Run("dotnet", ["--version"]).Code != 0) return SetupFailed("dotnet does not run");
    if (Run("git", ["--version"], quiet: true).Code != 0)
    {
        if (!OperatingSystem.IsLinux() || Run("sh", ["-c", "apt-get update -qq && apt-get install -y -qq git >/dev/null"]).Code != 0)
            return SetupFailed("git is not on PATH and could not be installed");
    }
    // Lesson 08's browser grader drives a Chromium-family browser the system has (it never downloads one). On a bare
    // Debian/Ubuntu box, install the distribution's chromium; elsewhere CI images bring Chrome or Edge.
    if (FindChromium() is { } browser) Console.WriteLine($"browser for lesson 08: {browser}");
    else if (OperatingSystem.IsLinux())
    {
        var asRoot = Run("id", ["-u"], quiet: true).Output.FirstOrDefault()?.Trim() == "0";
        var sudo = !asRoot && Run("sudo", ["-n", "true"], quiet: true).Code == 0;
        if (asRoot || sudo)
        {
            Console.WriteLine("no Chromium found: installing the distribution's chromium with apt-get");
            var install = "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null";
            Run(asRoot ? "sh" : "sudo", asRoot ? ["-c", install] : ["-n", "sh", "-c", install], limit: TimeSpan.FromMinutes(10));
        }
        Console.WriteLine(FindChromium() is { } installed
            ? $"browser for lesson 08: {installed}"
            : "problem: no Chromium, and apt-get could not install one (neither root nor passwordless sudo): lesson 08's browser grader will fail");
    }
    else Console.WriteLine("problem: no Chrome, Chromium or Edge found: lesson 08's browser grader will fail");
    Done("tools");

    // 2. Build both tracks.
    Part("restore and build, both tracks, warnings as errors");
    if (Run("dotnet", ["build", "Course.sln", "-p:Track=solutions", "-warnaserror", "-nologo", "-clp:ErrorsOnly"]).Code != 0)
        return SetupFailed("the solutions track does not build");
    if (Run("dotnet", ["build", "Course.sln", "-warnaserror", "-nologo", "-clp:ErrorsOnly"]).Code != 0)
        return SetupFailed("the exercises track does not build");
    Done("build");

    // 3a. The solutions track: everything must pass.
    Part("dotnet test -p:Track=solutions  (the course checks itself: everything must pass)");
    var solutionsLimit = TimeSpan.FromMinutes(20);
    var solutions = Run("dotnet", ["test", "-p:Track=solutions", "--no-build", $"-p:CourseReports={Path.Combine(results, "solutions")}"],
                        log: Path.Combine(results, "solutions.log"), limit: solutionsLimit);
    Console.WriteLine($"(exit code {solutions.Code}; judged below from the reports)");
    if (solutions.TimedOut) Console.WriteLine($"problem: the solutions track did not finish within {solutionsLimit.TotalMinutes:0} minutes");
    Done("solutions track");

    // 3b. The learner's track: every grader must fail on its stub, quickly. Output kept short.
    Part("dotnet test  (the learner's track: every grader must fail on its stub, quickly)");
    var exercisesLimit = TimeSpan.FromSeconds(600);
    var exercises = Run("dotnet", ["test", "--no-build", $"-p:CourseReports={Path.Combine(results, "exercises")}"],
                        log: Path.Combine(results, "exercises.log"), quiet: true, limit: exercisesLimit);
    Console.WriteLine($"(exit code {exercises.Code}; judged below)");
    var totals = exercises.Output.Where(l => Regex.IsMatch(l, @"^\s+(total|failed|succeeded|skipped):")).ToList();
    foreach (var line in totals.Count > 0 ? totals : exercises.Output.TakeLast(20)) Console.WriteLine(line);
    if (exercises.TimedOut) Console.WriteLine($"problem: the exercises track did not finish within {exercisesLimit.TotalSeconds:0} s");
    Done("exercises track");

    // 4. Further checks: each is one command that passes (exit code 0) or fails, and counts as one check.
    var furtherPassed = 0;
    var furtherFailed = new List<string>();
    foreach (var check in FurtherChecks())
    {
        Part(check.Name);
        var outcome = Run(check.Command, check.Arguments, limit: check.Limit);
        if (outcome.Code == 0) furtherPassed++;
        else furtherFailed.Add($"{check.Name}: {(outcome.TimedOut ? $"did not finish within {check.Limit.TotalSeconds:0} s" : $"exit code {outcome.Code}")}");
        Done(check.Name);
    }

    // 5. Judge the test reports (CheckResults.cs prints a summary per lesson and its own `ci:` line, which
    //    is folded together with the further checks into the one final line).
    Part("judging the results");
    var judge = Run("dotnet", ["run", ".ci/CheckResults.cs", "--", "course.json",
                               Path.Combine(results, "solutions"), Path.Combine(results, "exercises"), solutions.Code.ToString(),
                               TotalOf(solutions.Output), TotalOf(exercises.Output)],
                    quiet: true);
    var verdict = judge.Output.Select(l => Regex.Match(l, @"^ci: (\d+) passed, (\d+) failed$")).LastOrDefault(m => m.Success);
    foreach (var line in judge.Output.Where(l => !l.StartsWith("ci: "))) Console.WriteLine(line);
    foreach (var problem in furtherFailed) Console.WriteLine("problem: " + problem);
    Done("judging");

    PrintTimings();
    if (verdict is null) return SetupFailed($"the judge (.ci/CheckResults.cs) printed no verdict (exit code {judge.Code})");
    var passed = int.Parse(verdict.Groups[1].Value) + furtherPassed;
    var failed = int.Parse(verdict.Groups[2].Value) + furtherFailed.Count + (exercises.TimedOut ? 1 : 0) + (solutions.TimedOut ? 1 : 0);
    Console.WriteLine($"ci: {passed} passed, {failed} failed");
    return failed == 0 && judge.Code == 0 ? 0 : 1;
}
finally
{
    try { Directory.Delete(results, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
}

// The checks CI runs besides the two test tracks. Add one line per check here (a single command each);
// it passes when the command exits 0. Keep each one bounded: the limit kills a hung check.
static IEnumerable<FurtherCheck> FurtherChecks() =>
[
    // The course's authoring: one source per fact (layout, steps, graders, stubs, notebooks, public APIs, mistakes,
    // demo ports), on the assemblies the build above made.
    new("course dev check", "dotnet", ["run", "--project", "tools/Course", "--no-build", "--", "dev", "check", "--no-build"]),
    new("catalogue of mistakes", "dotnet", ["run", "--project", "tools/Mistakes", "--no-build", "--", "--no-build"], TimeSpan.FromMinutes(15)),
    // The front door a learner types first: it builds the tool (Release) when missing, then runs it.
    OperatingSystem.IsWindows()
        ? new("front door: course.cmd --help", "cmd", ["/c", "course.cmd", "--help"])
        : new("front door: ./course --help", "bash", ["course", "--help"]),
];

int SetupFailed(string why)
{
    PrintTimings();
    Console.WriteLine($"ci: setup failed: {why}");
    Console.WriteLine("ci: 0 passed, 1 failed");
    return 1;
}

void Part(string title)
{
    Console.WriteLine();
    Console.WriteLine($"== {title}");
    partClock.Restart();
}

void Done(string part)
{
    timings.Add((part, partClock.Elapsed));
    Console.WriteLine($"({part} took {partClock.Elapsed.TotalSeconds:0} s)");
}

void PrintTimings()
{
    Console.WriteLine();
    Console.WriteLine("== time per part");
    foreach (var (part, took) in timings) Console.WriteLine($"  {part,-40} {took.TotalSeconds,6:0} s");
    Console.WriteLine($"  {"all of CI",-40} {ci.Elapsed.TotalSeconds,6:0} s");
}

// The runner's own count of the tests that ran (its last `total:` line), to check that every one is in a report.
static string TotalOf(IReadOnlyList<string> output) =>
    output.Select(l => Regex.Match(l, @"^\s+total:\s*(\d+)")).LastOrDefault(m => m.Success)?.Groups[1].Value ?? "0";

// Runs a command, echoing its output (unless quiet) and keeping it, optionally also in a log file.
// A command still running at its limit is killed (with its child processes) and reported as timed out.
static Outcome Run(string command, string[] arguments, string? log = null, bool quiet = false, TimeSpan? limit = null)
{
    var start = new ProcessStartInfo(command) { RedirectStandardOutput = true, RedirectStandardError = true };
    foreach (var argument in arguments) start.ArgumentList.Add(argument);
    // SOCKETCOURSE_CI tells graders that this is CI (a missing browser fails instead of skipping); Playwright must
    // never download a browser of its own.
    foreach (var (name, value) in new[] { ("DOTNET_CLI_TELEMETRY_OPTOUT", "1"), ("DOTNET_NOLOGO", "1"),
                                          ("DOTNET_SKIP_FIRST_TIME_EXPERIENCE", "1"), ("DOTNET_CLI_UI_LANGUAGE", "en"),
                                          ("SOCKETCOURSE_CI", "1"), ("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1") })
        start.Environment[name] = value;
    var output = new List<string>();
    using var logFile = log is null ? null : new StreamWriter(log);
    void Line(string? line)
    {
        if (line is null) return;
        lock (output)
        {
            output.Add(line);
            logFile?.WriteLine(line);
            if (!quiet) Console.WriteLine(line);
        }
    }
    Process process;
    try { process = Process.Start(start)!; }
    catch (System.ComponentModel.Win32Exception e)
    {
        if (!quiet) Console.WriteLine($"{command}: {e.Message}");
        return new Outcome(127, false, [e.Message]);
    }
    using (process)
    {
        process.OutputDataReceived += (_, e) => Line(e.Data);
        process.ErrorDataReceived += (_, e) => Line(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var finished = process.WaitForExit(limit ?? Timeout.InfiniteTimeSpan);
        if (!finished)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            return new Outcome(124, true, output);
        }
        process.WaitForExit(); // drains the redirected output
        return new Outcome(process.ExitCode, false, output);
    }
}

// The Chromium-family browser lesson 08's grader would use (the same places as tests/08-Browser.Tests/BrowserFinder.cs).
static string? FindChromium()
{
    if (Environment.GetEnvironmentVariable("SOCKETCOURSE_CHROMIUM") is { Length: > 0 } chosen && File.Exists(chosen)) return chosen;
    IEnumerable<string> candidates = OperatingSystem.IsWindows()
        ? new[] { Environment.SpecialFolder.ProgramFiles, Environment.SpecialFolder.ProgramFilesX86, Environment.SpecialFolder.LocalApplicationData }
            .Select(Environment.GetFolderPath).Where(root => root.Length > 0)
            .SelectMany(root => new[] { Path.Combine(root, "Google", "Chrome", "Application", "chrome.exe"),
                                        Path.Combine(root, "Chromium", "Application", "chrome.exe"),
                                        Path.Combine(root, "Microsoft", "Edge", "Application", "msedge.exe") })
        : OperatingSystem.IsMacOS()
            ? ["/Applications/Chromium.app/Contents/MacOS/Chromium", "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
               "/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge"]
            : ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable",
               "/snap/bin/chromium", "/usr/bin/microsoft-edge"];
    return candidates.FirstOrDefault(File.Exists);
}

// The repository root: the folder holding course.json, from the current directory upwards.
static string FindRepositoryRoot()
{
    for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        if (File.Exists(Path.Combine(dir.FullName, "course.json")) && File.Exists(Path.Combine(dir.FullName, "Course.sln")))
            return dir.FullName;
    throw new InvalidOperationException("run CI from inside the repository: no folder above holds course.json and Course.sln");
}

record Outcome(int Code, bool TimedOut, IReadOnlyList<string> Output);

record FurtherCheck(string Name, string Command, string[] Arguments, TimeSpan Limit)
{
    public FurtherCheck(string name, string command, string[] arguments) : this(name, command, arguments, TimeSpan.FromMinutes(10)) { }
}
