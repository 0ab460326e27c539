using System.Text;
using System.Text.RegularExpressions;

namespace SocketCourse.Mistakes;

/// <summary>
/// The message snapshot of an entry: the failure message of each listed grader, normalised so that what changes
/// from run to run (ports the system assigned, timings, paths of this machine) does not change the snapshot.
/// </summary>
public static partial class Snapshot
{
    /// <summary>Renders the messages of <paramref name="graders"/>, in the manifest's order.</summary>
    public static string Render(Entry entry, IReadOnlyList<GraderResult> results, params string[] paths)
    {
        var text = new StringBuilder();
        foreach (var g in entry.Graders)
        {
            // A theory runs once per case: the snapshot keeps every failing case, in a stable order.
            var cases = results.Where(r => r.Method == g).OrderBy(r => r.Name, StringComparer.Ordinal).ToList();
            var failing = cases.Where(r => r.Result == "Fail").ToList();
            var verdict = cases.Count == 0 ? "not run" : cases.Count == 1 ? cases[0].Result : $"{failing.Count} of {cases.Count} cases fail";
            text.Append("## ").Append(g).Append(" (").Append(verdict).Append(")\n");
            foreach (var r in failing)
            {
                if (cases.Count > 1) text.Append("### ").Append(Normalise(r.Name, paths)).Append('\n');
                var message = Normalise(r.Message, paths);
                foreach (var pattern in entry.Varies) message = Regex.Replace(message, pattern, "<varies>");
                text.Append(message).Append("\n\n");
            }
            if (failing.Count == 0) text.Append('\n');
        }
        return text.ToString().TrimEnd() + "\n";
    }

    /// <summary>Replaces ephemeral details with placeholders.</summary>
    public static string Normalise(string message, params string[] paths)
    {
        var text = message.Replace("\r\n", "\n");
        foreach (var p in paths.Where(p => p.Length > 0).OrderByDescending(p => p.Length))
            text = text.Replace(p, "<path>", StringComparison.Ordinal);
        text = AddressAndPort().Replace(text, "$1:<port>");
        text = PortWord().Replace(text, "$1 <port>");
        text = Duration().Replace(text, "<time>");
        text = Guid().Replace(text, "<guid>");
        return string.Join('\n', text.Split('\n').Select(l => l.TrimEnd())).Trim();
    }

    /// <summary>A short line-by-line difference for the CI log.</summary>
    public static string Diff(string expected, string actual)
    {
        var e = expected.Replace("\r\n", "\n").Split('\n');
        var a = actual.Replace("\r\n", "\n").Split('\n');
        var lines = new List<string>();
        for (var i = 0; i < Math.Max(e.Length, a.Length) && lines.Count < 12; i++)
        {
            var x = i < e.Length ? e[i] : null;
            var y = i < a.Length ? a[i] : null;
            if (x == y) continue;
            if (x is not null) lines.Add($"    line {i + 1} - {x}");
            if (y is not null) lines.Add($"    line {i + 1} + {y}");
        }
        return string.Join('\n', lines);
    }

    // 127.0.0.1:54321, [::1]:54321, localhost:54321: the port is ephemeral.
    [GeneratedRegex(@"((?:\d{1,3}\.){3}\d{1,3}|\[[0-9a-fA-F:.]+\]|localhost):\d{1,5}\b")]
    private static partial Regex AddressAndPort();

    // "port 54321": only numbers from the ephemeral ranges' order of magnitude; "port 0" stays.
    [GeneratedRegex(@"\b(port)\s+\d{4,5}\b", RegexOptions.IgnoreCase)]
    private static partial Regex PortWord();

    // Measured durations: 0.123 s, 12.5 ms, 00:00:01.2345678.
    [GeneratedRegex(@"\b\d+\.\d+\s?(?:ms|s|seconds)\b|\b\d{2}:\d{2}:\d{2}\.\d+\b")]
    private static partial Regex Duration();

    [GeneratedRegex(@"\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\b")]
    private static partial Regex Guid();
}
