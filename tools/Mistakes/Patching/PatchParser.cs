using System.Text.RegularExpressions;

namespace SocketCourse.Mistakes.Patching;

/// <summary>
/// Reads a unified diff as <c>git diff</c> writes it: per file a <c>--- a/path</c> and a <c>+++ b/path</c> line, then
/// hunks (<c>@@ -12,7 +12,6 @@</c>) of context (<c>' '</c>), removed (<c>'-'</c>) and added (<c>'+'</c>) lines. Lines
/// before a file's <c>---</c> (<c>diff --git</c>, <c>index</c>, or notes a contributor writes) are ignored. A hunk must
/// hold exactly as many lines as its header counts: a hand-edited patch whose header is wrong is refused, not guessed at.
/// An empty line inside a hunk counts as an empty context line (editors drop the lone space git writes there).
/// </summary>
public static partial class PatchParser
{
    [GeneratedRegex(@"^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@")]
    private static partial Regex HunkHeader();

    /// <summary>Parses <paramref name="text"/>; <paramref name="source"/> names the patch in messages.</summary>
    public static IReadOnlyList<FilePatch> Parse(string text, string source)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n');
        // A final line end leaves one empty element: not a line of the patch.
        var count = lines.Length > 0 && lines[^1].Length == 0 ? lines.Length - 1 : lines.Length;
        var files = new List<FilePatch>();
        var i = 0;
        while (i < count)
        {
            if (!(lines[i].StartsWith("--- ", StringComparison.Ordinal) && i + 1 < count && lines[i + 1].StartsWith("+++ ", StringComparison.Ordinal)))
            {
                if (lines[i].StartsWith("@@", StringComparison.Ordinal))
                    throw new PatchException($"{source}, line {i + 1}: a hunk before any file: each file's hunks follow its \"--- a/path\" and \"+++ b/path\" lines");
                i++;
                continue;
            }
            var oldPath = PathOf(lines[i], "--- ", "a/");
            var newPath = PathOf(lines[i + 1], "+++ ", "b/");
            if (oldPath == "/dev/null" || newPath == "/dev/null")
                throw new PatchException($"{source}, line {i + 1}: the patch creates or deletes a file; a mistake only changes files the solution has");
            if (oldPath != newPath)
                throw new PatchException($"{source}, line {i + 1}: the patch renames {oldPath} to {newPath}; a mistake only changes files in place");
            i += 2;
            var hunks = new List<Hunk>();
            while (i < count && lines[i].StartsWith("@@", StringComparison.Ordinal))
                hunks.Add(ReadHunk(lines, count, ref i, source, newPath));
            if (hunks.Count == 0)
                throw new PatchException($"{source}, line {i + 1}: no hunk (\"@@ -l,n +l,n @@\") follows the header of {newPath}");
            if (i < count && lines[i].Length > 0 && lines[i][0] is ' ' or '+' or '-' && !lines[i].StartsWith("--- ", StringComparison.Ordinal))
                throw new PatchException($"{source}, line {i + 1}: the hunk at line {hunks[^1].PatchLine} ({hunks[^1].Header}) has more lines than its header counts");
            files.Add(new FilePatch(newPath, hunks));
        }
        if (files.Count == 0)
            throw new PatchException($"{source}: no file in the patch (a unified diff starts each file with \"--- a/path\" and \"+++ b/path\")");
        var twice = files.GroupBy(f => f.Path).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null)
            throw new PatchException($"{source}: {twice.Key} appears twice; put all of a file's hunks under one header");
        return files;
    }

    private static string PathOf(string line, string marker, string prefix)
    {
        var path = line[marker.Length..];
        // diff and git may append a tab and a timestamp; a path with spaces may be quoted.
        var tab = path.IndexOf('\t');
        if (tab >= 0) path = path[..tab];
        path = path.Trim();
        if (path.Length >= 2 && path[0] == '"' && path[^1] == '"') path = path[1..^1];
        return path.StartsWith(prefix, StringComparison.Ordinal) ? path[prefix.Length..] : path;
    }

    private static Hunk ReadHunk(string[] lines, int count, ref int i, string source, string path)
    {
        var headerLine = i + 1;
        var match = HunkHeader().Match(lines[i]);
        if (!match.Success)
            throw new PatchException($"{source}, line {headerLine}: \"{lines[i]}\" is not a hunk header like \"@@ -12,7 +12,6 @@\"");
        int Number(Group g, int fallback) => g.Success ? int.Parse(g.Value) : fallback;
        var oldStart = Number(match.Groups[1], 0);
        var oldCount = Number(match.Groups[2], 1);
        var newStart = Number(match.Groups[3], 0);
        var newCount = Number(match.Groups[4], 1);
        i++;

        var body = new List<HunkLine>();
        int olds = 0, news = 0;
        while (olds < oldCount || news < newCount)
        {
            if (i >= count)
                throw Short("the patch ends");
            var line = lines[i];
            var kind = line.Length == 0 ? HunkLineKind.Context : line[0] switch
            {
                ' ' => HunkLineKind.Context,
                '-' => HunkLineKind.Removed,
                '+' => HunkLineKind.Added,
                '\\' when body.Count > 0 => (HunkLineKind?)null,
                _ => throw Short($"line {i + 1} (\"{Clip(line)}\") is not a context (' '), removed ('-') or added ('+') line"),
            };
            i++;
            if (kind is null) { body[^1] = body[^1] with { NoNewline = true }; continue; }
            if (kind != HunkLineKind.Added) olds++;
            if (kind != HunkLineKind.Removed) news++;
            if (olds > oldCount || news > newCount)
                throw new PatchException($"{source}, line {i}: the hunk at line {headerLine} ({match.Value}) of {path} has more lines than its header counts");
            body.Add(new HunkLine(kind.Value, line.Length == 0 ? "" : line[1..]));
        }
        // A "\ No newline at end of file" may follow the hunk's last line.
        if (i < count && lines[i].StartsWith('\\') && body.Count > 0)
        {
            body[^1] = body[^1] with { NoNewline = true };
            i++;
        }
        if (!body.Any(l => l.Kind != HunkLineKind.Context))
            throw new PatchException($"{source}, line {headerLine}: the hunk {match.Value} of {path} changes nothing");
        return new Hunk(oldStart, oldCount, newStart, newCount, headerLine, body);

        PatchException Short(string what) => new(
            $"{source}, line {headerLine}: the hunk {match.Value} of {path} has fewer lines than its header counts " +
            $"({olds} of {oldCount} old, {news} of {newCount} new) where {what}");
    }

    private static string Clip(string line) => line.Length <= 60 ? line : line[..60] + "…";
}
