namespace SocketCourse.Browser.Tests;

/// <summary>
/// Finds a Chromium-family browser already installed on this machine, for Playwright to drive through
/// LaunchOptions.ExecutablePath. The course never downloads a browser.
/// </summary>
internal static class BrowserFinder
{
    /// <summary>An explicit choice: the full path of a Chromium, Chrome or Edge executable.</summary>
    public const string Variable = "SOCKETCOURSE_CHROMIUM";

    /// <summary>Whether this run is CI's (.ci/Ci.cs sets SOCKETCOURSE_CI=1; GitHub Actions and most CI systems set
    /// CI=true). There a missing browser is a failure, never a skip.</summary>
    public static bool InCi =>
        Environment.GetEnvironmentVariable("SOCKETCOURSE_CI") == "1" ||
        string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The browser's path, or null; <paramref name="looked"/> says where it looked.</summary>
    public static string? Find(out string looked)
    {
        var candidates = new List<string>();
        if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } chosen) candidates.Add(chosen);
        if (OperatingSystem.IsWindows())
        {
            foreach (var root in new[] { Environment.GetFolderPath(Environment.SpecialFolder.ProgramFiles),
                                         Environment.GetFolderPath(Environment.SpecialFolder.ProgramFilesX86),
                                         Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData) })
            {
                if (root.Length == 0) continue;
                candidates.Add(Path.Combine(root, "Google", "Chrome", "Application", "chrome.exe"));
                candidates.Add(Path.Combine(root, "Chromium", "Application", "chrome.exe"));
                candidates.Add(Path.Combine(root, "Microsoft", "Edge", "Application", "msedge.exe"));
            }
        }
        else if (OperatingSystem.IsMacOS())
        {
            candidates.Add("/Applications/Chromium.app/Contents/MacOS/Chromium");
            candidates.Add("/Applications/Google Chrome.app/Contents/MacOS/Google Chrome");
            candidates.Add("/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge");
        }
        else
        {
            candidates.AddRange(["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable",
                                 "/snap/bin/chromium", "/usr/bin/microsoft-edge"]);
        }
        looked = string.Join(", ", candidates);
        return candidates.FirstOrDefault(File.Exists);
    }

    /// <summary>The browser's path; when there is none, a skip with the reason, or in CI a failure.</summary>
    public static string Require()
    {
        if (Find(out var looked) is { } path) return path;
        var why = $"No Chromium-family browser was found (looked at: {looked}). Install one (Debian/Ubuntu: sudo apt-get install chromium; " +
                  $"Windows and macOS: Chrome or Edge), or set {Variable} to its executable. The course never downloads a browser.";
        if (InCi) Assert.Fail("CI must run the browser grader: " + why);
        Assert.Skip(why);
        return "";
    }
}
