using System.Diagnostics;
using System.Xml.Linq;

namespace SocketCourse.Mistakes;

/// <summary>One grader's verdict on an overlaid solution.</summary>
/// <param name="Method">The grader's method name.</param>
/// <param name="Name">The test's display name (a theory's case shows its arguments).</param>
/// <param name="Result">Pass, Fail, Skip or NotRun.</param>
/// <param name="Message">The failure message the learner sees (empty when it passed).</param>
public sealed record GraderResult(string Method, string Name, string Result, string Message);

/// <summary>
/// Runs a lesson's built graders (an xunit v3 executable) with a method filter and reads their verdicts from the
/// xunit XML report. The graders bound every wait themselves; the runner's own limit only stops a crashed host.
/// </summary>
public static class GraderRun
{
    /// <summary>A whole run of a few graders takes seconds; past this the host is stuck and is killed.</summary>
    public static readonly TimeSpan HostLimit = TimeSpan.FromSeconds(120);

    /// <summary>Runs the graders named in <paramref name="methods"/> from <paramref name="folder"/>.</summary>
    public static async Task<(List<GraderResult> Results, string Problem)> RunAsync(string folder, string assembly, IEnumerable<string> methods)
    {
        var report = Path.Combine(folder, "mistake-results.xml");
        File.Delete(report);
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(Path.Combine(folder, assembly));
        // Microsoft.Testing.Platform options (the graders run on it, see global.json): a method filter, an xunit XML report.
        foreach (var m in methods) { info.ArgumentList.Add("--filter-method"); info.ArgumentList.Add("*." + m); }
        foreach (var a in new[] { "--report-xunit-xml", "--report-xunit-xml-filename", Path.GetFileName(report), "--results-directory", folder,
                                  "--progress", "off", "--no-ansi" })
            info.ArgumentList.Add(a);
        info.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en";

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(HostLimit);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            return ([], $"the graders' host did not finish within {HostLimit.TotalSeconds} s and was killed");
        }
        await Task.WhenAll(stdout, stderr);
        if (!File.Exists(report))
            return ([], $"the graders' host wrote no report (exit code {process.ExitCode}): {Tail(await stdout + await stderr)}");

        var results = XDocument.Load(report).Descendants("test").Select(t => new GraderResult(
            (string?)t.Attribute("method") ?? "?",
            (string?)t.Attribute("name") ?? "?",
            (string?)t.Attribute("result") ?? "?",
            t.Element("failure")?.Element("message")?.Value ?? "")).ToList();
        // A host that dies mid-run (e.g. an exception escaping on a thread the learner started) leaves tests unreported.
        // Exit codes of the testing platform: 0 all passed, 2 some failed, 8 no test matched the filter; anything else is a crash.
        var crash = process.ExitCode is not (0 or 2 or 8) ? $"the graders' host exited with code {process.ExitCode}: {Tail(await stdout + await stderr)}" : "";
        return (results, crash);
    }

    private static string Tail(string text) => text.Length <= 800 ? text.Trim() : "…" + text[^800..].Trim();
}
