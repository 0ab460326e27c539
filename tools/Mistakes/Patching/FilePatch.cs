namespace SocketCourse.Mistakes.Patching;

/// <summary>What a line of a hunk does: kept as context, removed from the old text, or added in the new one.</summary>
public enum HunkLineKind
{
    /// <summary>A line in both texts (<c>' '</c> in the patch).</summary>
    Context,

    /// <summary>A line only in the old text (<c>'-'</c>).</summary>
    Removed,

    /// <summary>A line only in the new text (<c>'+'</c>).</summary>
    Added,
}

/// <summary>One line of a hunk, without its prefix character and line end.</summary>
/// <param name="Kind">Context, removed or added.</param>
/// <param name="Text">The line's text.</param>
/// <param name="NoNewline">A <c>\ No newline at end of file</c> marker follows: the line is its text's last and has no line end.</param>
public sealed record HunkLine(HunkLineKind Kind, string Text, bool NoNewline = false);

/// <summary>
/// One hunk: <c>@@ -OldStart,OldCount +NewStart,NewCount @@</c> and its lines. A start is 1-based; with a count of 0 it
/// is the line after which the hunk's lines go (0: at the very top).
/// </summary>
/// <param name="OldStart">First line of the old text the hunk covers.</param>
/// <param name="OldCount">How many old lines (context and removed) it covers.</param>
/// <param name="NewStart">First line of the new text the hunk covers.</param>
/// <param name="NewCount">How many new lines (context and added) it covers.</param>
/// <param name="PatchLine">The 1-based line of the patch file holding the <c>@@</c> header, for messages.</param>
/// <param name="Lines">The hunk's lines, in order.</param>
public sealed record Hunk(int OldStart, int OldCount, int NewStart, int NewCount, int PatchLine, IReadOnlyList<HunkLine> Lines)
{
    /// <summary>The header as a patch shows it, e.g. <c>@@ -12,7 +12,6 @@</c>.</summary>
    public string Header => $"@@ -{OldStart},{OldCount} +{NewStart},{NewCount} @@";

    /// <summary>The lines the old text must hold where the hunk applies (context and removed lines).</summary>
    public IEnumerable<HunkLine> OldLines => Lines.Where(l => l.Kind != HunkLineKind.Added);

    /// <summary>The lines that take their place (context and added lines).</summary>
    public IEnumerable<HunkLine> NewLines => Lines.Where(l => l.Kind != HunkLineKind.Removed);
}

/// <summary>The changes to one file: its path (as after <c>+++ b/</c>) and its hunks, in order.</summary>
/// <param name="Path">The file's path, '/'-separated, relative to the repository root when written by <c>git diff</c>.</param>
/// <param name="Hunks">The hunks, in the order of the file.</param>
public sealed record FilePatch(string Path, IReadOnlyList<Hunk> Hunks);

/// <summary>A patch that cannot be read or does not apply; the message names the patch, the file and the hunk.</summary>
public sealed class PatchException(string message) : Exception(message);
