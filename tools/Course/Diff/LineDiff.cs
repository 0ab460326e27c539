using DiffPlex;

namespace SocketCourse.Tool.Diff;

/// <summary>Whether a diff line is in both files, only the old one, or only the new one.</summary>
public enum DiffKind
{
    /// <summary>In both.</summary>
    Same,

    /// <summary>Only in the old file (shown with -).</summary>
    Removed,

    /// <summary>Only in the new file (shown with +).</summary>
    Added,
}

/// <summary>One line of a diff, with its line numbers in the old and new file (0 where it has none).</summary>
public sealed record DiffLine(DiffKind Kind, string Text, int OldNumber, int NewNumber);

/// <summary>A line diff (DiffPlex's Myers diff), and unified-diff output with context.</summary>
public static class LineDiff
{
    /// <summary>Every line of both texts, marked same/removed/added, in order.</summary>
    public static IReadOnlyList<DiffLine> Compare(string oldText, string newText)
    {
        var a = Lines(oldText);
        var b = Lines(newText);
        var diff = Differ.Instance.CreateDiffs(oldText, newText, ignoreWhiteSpace: false, ignoreCase: false, new LineChunker());
        var result = new List<DiffLine>(a.Length + b.Length);
        int x = 0, y = 0;
        foreach (var block in diff.DiffBlocks.OrderBy(d => d.DeleteStartA))
        {
            for (; x < block.DeleteStartA; x++, y++)
                result.Add(new DiffLine(DiffKind.Same, a[x], x + 1, y + 1));
            // Removals before additions, as diff and git show them.
            for (var k = 0; k < block.DeleteCountA; k++, x++)
                result.Add(new DiffLine(DiffKind.Removed, a[x], x + 1, 0));
            for (var k = 0; k < block.InsertCountB; k++, y++)
                result.Add(new DiffLine(DiffKind.Added, b[y], 0, y + 1));
        }
        for (; x < a.Length; x++, y++)
            result.Add(new DiffLine(DiffKind.Same, a[x], x + 1, y + 1));
        return result;
    }

    /// <summary>Splits text into lines the way <see cref="Lines"/> does, for DiffPlex.</summary>
    private sealed class LineChunker : IChunker
    {
        public IReadOnlyList<string> Chunk(string text) => Lines(text);
    }

    /// <summary>
    /// A unified diff (---/+++ headers, @@ hunks with <paramref name="context"/> lines around each change), or
    /// an empty list when the texts are the same.
    /// </summary>
    public static IReadOnlyList<string> Unified(string oldText, string newText, string oldName, string newName, int context = 3)
    {
        var lines = Compare(oldText, newText);
        var changed = lines.Select((l, i) => (l, i)).Where(p => p.l.Kind != DiffKind.Same).Select(p => p.i).ToList();
        if (changed.Count == 0)
            return [];
        var output = new List<string> { $"--- {oldName}", $"+++ {newName}" };
        var start = 0;
        while (start < changed.Count)
        {
            // Grow a hunk while the next change is within 2 × context lines of the previous one.
            var end = start;
            while (end + 1 < changed.Count && changed[end + 1] - changed[end] <= 2 * context)
                end++;
            var from = Math.Max(0, changed[start] - context);
            var to = Math.Min(lines.Count - 1, changed[end] + context);
            var hunk = lines.Skip(from).Take(to - from + 1).ToList();
            output.Add(HunkHeader(lines, from, hunk));
            output.AddRange(hunk.Select(l => l.Kind switch
            {
                DiffKind.Added => "+" + l.Text,
                DiffKind.Removed => "-" + l.Text,
                _ => " " + l.Text,
            }));
            start = end + 1;
        }
        return output;
    }

    private static string HunkHeader(IReadOnlyList<DiffLine> all, int from, List<DiffLine> hunk)
    {
        var oldCount = hunk.Count(l => l.Kind != DiffKind.Added);
        var newCount = hunk.Count(l => l.Kind != DiffKind.Removed);
        // The start line is the first line of the hunk in each file (or the line before, for an empty side).
        var oldStart = hunk.FirstOrDefault(l => l.OldNumber > 0)?.OldNumber ?? all.Take(from).LastOrDefault(l => l.OldNumber > 0)?.OldNumber ?? 0;
        var newStart = hunk.FirstOrDefault(l => l.NewNumber > 0)?.NewNumber ?? all.Take(from).LastOrDefault(l => l.NewNumber > 0)?.NewNumber ?? 0;
        return $"@@ -{oldStart},{oldCount} +{newStart},{newCount} @@";
    }

    private static string[] Lines(string text)
    {
        if (text.Length == 0)
            return [];
        var lines = text.Replace("\r\n", "\n").Split('\n');
        return text.EndsWith('\n') ? lines[..^1] : lines;
    }
}
