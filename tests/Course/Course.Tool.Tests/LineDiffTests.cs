using SocketCourse.Tool.Diff;

namespace SocketCourse.Tool.Tests;

public sealed class LineDiffTests
{
    [Fact]
    public void Identical_texts_have_no_diff() =>
        Assert.Empty(LineDiff.Unified("a\nb\n", "a\nb\n", "old", "new"));

    [Fact]
    public void A_changed_line_is_a_removal_and_an_addition_with_context()
    {
        var oldText = "1\n2\n3\n4\n5\n6\n7\n8\n";
        var newText = "1\n2\n3\n4 changed\n5\n6\n7\n8\n";

        Assert.Equal(
            ["--- old", "+++ new", "@@ -1,7 +1,7 @@", " 1", " 2", " 3", "-4", "+4 changed", " 5", " 6", " 7"],
            LineDiff.Unified(oldText, newText, "old", "new"));
    }

    [Fact]
    public void Distant_changes_make_separate_hunks_with_correct_line_numbers()
    {
        var lines = Enumerable.Range(1, 20).Select(i => i.ToString()).ToList();
        var oldText = string.Join("\n", lines) + "\n";
        lines[1] = "two";
        lines.Insert(18, "new line");
        var newText = string.Join("\n", lines) + "\n";

        Assert.Equal(
        [
            "--- a", "+++ b",
            "@@ -1,5 +1,5 @@", " 1", "-2", "+two", " 3", " 4", " 5",
            "@@ -16,5 +16,6 @@", " 16", " 17", " 18", "+new line", " 19", " 20",
        ], LineDiff.Unified(oldText, newText, "a", "b", context: 3));
    }

    [Fact]
    public void A_new_file_is_all_additions()
    {
        Assert.Equal(["--- a", "+++ b", "@@ -0,0 +1,2 @@", "+x", "+y"], LineDiff.Unified("", "x\ny\n", "a", "b"));
    }

    [Fact]
    public void The_diff_is_the_shortest_one_keeping_the_common_lines()
    {
        var lines = LineDiff.Compare("a\nb\nc\nd\n", "a\nc\nd\ne\n");

        Assert.Equal("=a -b =c =d +e", string.Join(" ", lines.Select(l => (l.Kind switch { DiffKind.Same => "=", DiffKind.Removed => "-", _ => "+" }) + l.Text)));
        Assert.Equal(CrLf("a\r\nb\r\n"), CrLf("a\nb\n"));
    }

    private static int CrLf(string text) => LineDiff.Compare(text, "a\nb\n").Count(l => l.Kind != DiffKind.Same);
}
