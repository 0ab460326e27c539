using System.Text;

namespace SocketCourse.Mistakes.Patching;

/// <summary>
/// Writes the unified diff between two versions of a file, as <c>git diff</c> would (three lines of context, paths
/// <c>a/…</c> and <c>b/…</c>), so a contributor gets a patch from an edited copy without needing git. The line diff is a
/// longest common subsequence of the lines between the common head and tail: files here are a few hundred lines.
/// </summary>
public static class PatchWriter
{
    /// <summary>Lines of unchanged context around each change.</summary>
    public const int Context = 3;

    private enum Op { Same, Removed, Added }

    /// <summary>The diff of <paramref name="oldText"/> to <paramref name="newText"/> for <paramref name="path"/>; empty when they are equal.</summary>
    public static string Write(string path, string oldText, string newText)
    {
        var (a, aEnds) = Split(oldText);
        var (b, bEnds) = Split(newText);
        // A last line that differs only in its line end is still a change: compare it with a marker.
        string Key(string[] lines, bool ends, int i) => i == lines.Length - 1 && !ends ? lines[i] + "\0" : lines[i];
        var ka = a.Select((_, i) => Key(a, aEnds, i)).ToArray();
        var kb = b.Select((_, i) => Key(b, bEnds, i)).ToArray();
        var script = Script(ka, kb);
        if (script.All(s => s.Op == Op.Same)) return "";

        var text = new StringBuilder();
        text.Append("--- a/").Append(path).Append('\n').Append("+++ b/").Append(path).Append('\n');
        var changed = script.Select((s, i) => (s, i)).Where(x => x.s.Op != Op.Same).Select(x => x.i).ToList();
        var c = 0;
        while (c < changed.Count)
        {
            // A hunk: from Context lines before a change to Context lines after the last change closer than 2 × Context.
            var first = changed[c];
            var last = first;
            while (c + 1 < changed.Count && changed[c + 1] - last <= 2 * Context + 1) last = changed[++c];
            c++;
            var from = Math.Max(0, first - Context);
            var to = Math.Min(script.Count - 1, last + Context);
            var part = script.Skip(from).Take(to - from + 1).ToList();
            var oldBefore = script.Take(from).Count(s => s.Op != Op.Added);
            var newBefore = script.Take(from).Count(s => s.Op != Op.Removed);
            var oldCount = part.Count(s => s.Op != Op.Added);
            var newCount = part.Count(s => s.Op != Op.Removed);
            text.Append($"@@ -{(oldCount == 0 ? oldBefore : oldBefore + 1)},{oldCount} +{(newCount == 0 ? newBefore : newBefore + 1)},{newCount} @@\n");
            foreach (var (op, i, j) in part)
            {
                var (prefix, line, noNewline) = op switch
                {
                    Op.Same => (' ', a[i], i == a.Length - 1 && !aEnds),
                    Op.Removed => ('-', a[i], i == a.Length - 1 && !aEnds),
                    _ => ('+', b[j], j == b.Length - 1 && !bEnds),
                };
                text.Append(prefix).Append(line).Append('\n');
                if (noNewline) text.Append("\\ No newline at end of file\n");
            }
        }
        return text.ToString();
    }

    private static (string[] Lines, bool EndsWithNewline) Split(string text)
    {
        if (text.Length == 0) return ([], true);
        var lines = text.Replace("\r\n", "\n").Split('\n');
        return lines[^1].Length == 0 ? (lines[..^1], true) : (lines, false);
    }

    // The edit script: (op, index in a, index in b), in order.
    private static List<(Op Op, int I, int J)> Script(string[] a, string[] b)
    {
        var head = 0;
        while (head < a.Length && head < b.Length && a[head] == b[head]) head++;
        var tail = 0;
        while (tail < a.Length - head && tail < b.Length - head && a[^(tail + 1)] == b[^(tail + 1)]) tail++;
        int n = a.Length - head - tail, m = b.Length - head - tail;

        // lcs[i, j]: the longest common subsequence of a[head + i ..] and b[head + j ..] (middle parts only).
        var lcs = new int[n + 1, m + 1];
        for (var i = n - 1; i >= 0; i--)
            for (var j = m - 1; j >= 0; j--)
                lcs[i, j] = a[head + i] == b[head + j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);

        var script = new List<(Op, int, int)>(a.Length + b.Length);
        for (var k = 0; k < head; k++) script.Add((Op.Same, k, k));
        int x = 0, y = 0;
        while (x < n || y < m)
        {
            if (x < n && y < m && a[head + x] == b[head + y]) { script.Add((Op.Same, head + x, head + y)); x++; y++; }
            else if (y >= m || (x < n && lcs[x + 1, y] >= lcs[x, y + 1])) { script.Add((Op.Removed, head + x, -1)); x++; }
            else { script.Add((Op.Added, -1, head + y)); y++; }
        }
        for (var k = 0; k < tail; k++) script.Add((Op.Same, a.Length - tail + k, b.Length - tail + k));
        return script;
    }
}
