namespace SocketCourse.Mistakes.Patching;

/// <summary>
/// Applies a file's hunks strictly: every context and removed line must be in the text exactly as the patch has it
/// (no fuzz, no whitespace forgiven). Only the position may differ from the header's, as with <c>git apply</c>: when
/// lines were added or removed above a hunk, its lines are looked for nearby, the nearest match winning. Line ends
/// are not content: CRLF and LF texts and patches mix, and the result keeps the text's own line end.
/// </summary>
public static class PatchApplier
{
    /// <summary>
    /// Returns <paramref name="original"/> with <paramref name="patch"/>'s hunks applied; a hunk that does not apply is
    /// a <see cref="PatchException"/> naming <paramref name="source"/>, the file, the hunk and the first line that differs.
    /// </summary>
    public static string Apply(string original, FilePatch patch, string source)
    {
        var newline = original.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        var lines = original.Replace("\r\n", "\n").Split('\n').ToList();
        var endsWithNewline = lines[^1].Length == 0;
        if (endsWithNewline) lines.RemoveAt(lines.Count - 1);
        if (original.Length == 0) lines.Clear();

        var result = new List<string>(lines.Count + 16);
        var resultEndsWithNewline = endsWithNewline;
        var next = 0; // the first line of the original not yet copied to the result
        foreach (var hunk in patch.Hunks)
        {
            var old = hunk.OldLines.ToList();
            // With no old lines the header's start is the line after which to insert; otherwise the first line covered.
            var stated = old.Count == 0 ? hunk.OldStart : hunk.OldStart - 1;
            var at = Find(lines, old, stated, next, endsWithNewline);
            if (at < 0) throw NotApplying(lines, old, stated, next, hunk, patch.Path, source);
            result.AddRange(lines.Skip(next).Take(at - next));
            result.AddRange(hunk.NewLines.Select(l => l.Text));
            next = at + old.Count;
            if (next == lines.Count && hunk.Lines.Count > 0)
            {
                var lastNew = hunk.NewLines.LastOrDefault();
                resultEndsWithNewline = lastNew is null ? endsWithNewline : !lastNew.NoNewline;
            }
        }
        result.AddRange(lines.Skip(next));
        if (result.Count == 0) return "";
        return string.Join(newline, result) + (resultEndsWithNewline ? newline : "");
    }

    private static int Find(List<string> lines, List<HunkLine> old, int stated, int from, bool endsWithNewline)
    {
        var last = lines.Count - old.Count;
        if (last < from) return -1;
        var start = Math.Clamp(stated, from, last);
        for (var distance = 0; start - distance >= from || start + distance <= last; distance++)
        {
            if (start - distance >= from && Matches(lines, old, start - distance, endsWithNewline)) return start - distance;
            if (distance > 0 && start + distance <= last && Matches(lines, old, start + distance, endsWithNewline)) return start + distance;
        }
        return -1;
    }

    private static bool Matches(List<string> lines, List<HunkLine> old, int at, bool endsWithNewline)
    {
        for (var k = 0; k < old.Count; k++)
        {
            if (!string.Equals(lines[at + k], old[k].Text, StringComparison.Ordinal)) return false;
            // "No newline at end of file" on an old line: it must be the text's last line, without a line end.
            if (old[k].NoNewline && (at + k != lines.Count - 1 || endsWithNewline)) return false;
        }
        return true;
    }

    private static PatchException NotApplying(List<string> lines, List<HunkLine> old, int stated, int from, Hunk hunk, string path, string source)
    {
        // Say where, at the header's position, the text first differs from what the hunk expects.
        var at = Math.Max(stated, from);
        var detail = "";
        for (var k = 0; k < old.Count; k++)
        {
            if (at + k >= lines.Count)
            {
                detail = $"the file ends at line {lines.Count}, but the hunk expects \"{old[k].Text.Trim()}\" at line {at + k + 1}";
                break;
            }
            if (!string.Equals(lines[at + k], old[k].Text, StringComparison.Ordinal))
            {
                detail = lines[at + k].Trim() == old[k].Text.Trim()
                    ? $"line {at + k + 1} of {path} differs from the hunk's in white space only: \"{Visible(lines[at + k])}\" but \"{Visible(old[k].Text)}\" expected"
                    : $"line {at + k + 1} of {path} is \"{lines[at + k].Trim()}\", the hunk expects \"{old[k].Text.Trim()}\"";
                break;
            }
        }
        if (detail.Length == 0) detail = "its lines are out of order with the hunk before it, or the file's last line end differs";
        return new PatchException(
            $"{source}: the hunk at line {hunk.PatchLine} ({hunk.Header}) does not apply to {path}: {detail}, " +
            "and its lines are nowhere else in the file. The solution changed under this mistake: regenerate or rewrite it.");
    }

    private static string Visible(string line) => line.Replace("\t", "\\t").Replace(' ', '·');
}
