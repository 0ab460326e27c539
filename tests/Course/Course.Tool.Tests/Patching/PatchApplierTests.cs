using SocketCourse.Mistakes.Patching;

namespace SocketCourse.Tool.Tests.Patching;

/// <summary>
/// The catalogue's unified-diff reader and applier (tools/Mistakes/Patching, compiled into the course tool too): git's
/// format, applied strictly (exact lines, no fuzz), with a message that names the patch, the file and the hunk.
/// </summary>
public sealed class PatchApplierTests
{
    private const string Solution = "one\ntwo\nthree\nfour\nfive\nsix\nseven\neight\nnine\nten\n";

    private static string Apply(string original, string patch) =>
        PatchApplier.Apply(original, Assert.Single(PatchParser.Parse(patch, "mistake.patch")), "mistake.patch");

    [Fact]
    public void A_patch_as_git_diff_writes_it_applies()
    {
        var patch = """
            diff --git a/solutions/03-X/File.cs b/solutions/03-X/File.cs
            index 1234567..89abcde 100644
            --- a/solutions/03-X/File.cs
            +++ b/solutions/03-X/File.cs
            @@ -3,5 +3,5 @@ a function name git shows
             three
             four
            -five
            +FIVE
             six
             seven

            """;

        var file = Assert.Single(PatchParser.Parse(patch, "mistake.patch"));

        Assert.Equal("solutions/03-X/File.cs", file.Path);
        Assert.Equal(Solution.Replace("five", "FIVE"), Apply(Solution, patch));
    }

    [Fact]
    public void Several_hunks_insertions_and_removals_apply_in_order()
    {
        var patch = """
            --- a/f
            +++ b/f
            @@ -1,2 +1,3 @@
            +zero
             one
             two
            @@ -8,3 +9,2 @@
             eight
            -nine
             ten

            """;

        Assert.Equal("zero\none\ntwo\nthree\nfour\nfive\nsix\nseven\neight\nten\n", Apply(Solution, patch));
    }

    [Fact]
    public void A_hunk_finds_its_exact_lines_when_lines_were_added_above_it()
    {
        var patch = "--- a/f\n+++ b/f\n@@ -5,1 +5,1 @@\n-five\n+FIVE\n";

        Assert.Equal("new\nnew\n" + Solution.Replace("five", "FIVE"), Apply("new\nnew\n" + Solution, patch));
    }

    [Fact]
    public void A_hunk_whose_lines_changed_fails_naming_the_patch_the_hunk_and_the_line()
    {
        var patch = "--- a/solutions/04-X/Server.cs\n+++ b/solutions/04-X/Server.cs\n@@ -4,3 +4,3 @@\n four\n-five\n+FIVE\n six\n";

        var e = Assert.Throws<PatchException>(() => Apply(Solution.Replace("five", "five, rewritten"), patch));

        Assert.Equal("mistake.patch: the hunk at line 3 (@@ -4,3 +4,3 @@) does not apply to solutions/04-X/Server.cs: " +
                     "line 5 of solutions/04-X/Server.cs is \"five, rewritten\", the hunk expects \"five\", and its lines are nowhere else " +
                     "in the file. The solution changed under this mistake: regenerate or rewrite it.", e.Message);
    }

    [Fact]
    public void White_space_counts_no_fuzz()
    {
        var patch = "--- a/f\n+++ b/f\n@@ -1,2 +1,2 @@\n one\n-two\n+TWO\n";

        var e = Assert.Throws<PatchException>(() => Apply(Solution.Replace("two", "two "), patch));

        Assert.Contains("line 2 of f differs from the hunk's in white space only: \"two·\" but \"two\" expected", e.Message);
    }

    [Fact]
    public void A_hunk_that_applied_is_not_applied_twice()
    {
        var patch = "--- a/f\n+++ b/f\n@@ -2,1 +2,1 @@\n-two\n+TWO\n@@ -2,1 +2,1 @@\n-two\n+TWO\n";

        Assert.Throws<PatchException>(() => Apply(Solution, patch));
    }

    [Fact]
    public void Crlf_text_and_patch_mix_and_the_text_keeps_its_line_ends()
    {
        var patch = "--- a/f\r\n+++ b/f\r\n@@ -2,1 +2,1 @@\r\n-two\r\n+TWO\r\n";

        Assert.Equal(Solution.Replace("two", "TWO").Replace("\n", "\r\n"), Apply(Solution.Replace("\n", "\r\n"), patch));
    }

    [Fact]
    public void An_empty_line_in_a_hunk_is_an_empty_context_line()
    {
        var patch = "--- a/f\n+++ b/f\n@@ -1,3 +1,3 @@\n a\n\n-b\n+B\n";

        Assert.Equal("a\n\nB\n", Apply("a\n\nb\n", patch));
    }

    [Fact]
    public void No_newline_at_end_of_file_is_honoured_on_both_sides()
    {
        var patch = "--- a/f\n+++ b/f\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+B\n";

        Assert.Equal("a\nB\n", Apply("a\nb", patch));
        Assert.Throws<PatchException>(() => Apply("a\nb\n", patch));
    }

    [Theory]
    [InlineData("--- a/f\n+++ b/f\n@@ -1,3 +1,3 @@\n one\n-two\n+TWO\n", "has fewer lines than its header counts (2 of 3 old, 2 of 3 new) where the patch ends")]
    [InlineData("--- a/f\n+++ b/f\n@@ -1,1 +1,1 @@\n-one\n+ONE\n two\n", "has more lines than its header counts")]
    [InlineData("--- a/f\n+++ b/f\n@@ -1,2 +1,2 @@\n one\n*two\n", "is not a context (' '), removed ('-') or added ('+') line")]
    [InlineData("--- a/f\n+++ b/f\n@@ one @@\n", "is not a hunk header like \"@@ -12,7 +12,6 @@\"")]
    [InlineData("--- a/f\n+++ b/f\n@@ -1,1 +1,1 @@\n one\n", "changes nothing")]
    [InlineData("--- /dev/null\n+++ b/f\n@@ -0,0 +1,1 @@\n+one\n", "creates or deletes a file")]
    [InlineData("--- a/f\n+++ b/g\n@@ -1,1 +1,1 @@\n-one\n+ONE\n", "renames f to g")]
    [InlineData("--- a/f\n+++ b/f\n", "no hunk")]
    [InlineData("just words\n", "no file in the patch")]
    [InlineData("--- a/f\n+++ b/f\n@@ -1 +1 @@\n-one\n+ONE\n--- a/f\n+++ b/f\n@@ -2 +2 @@\n-two\n+TWO\n", "f appears twice")]
    public void A_malformed_patch_is_refused_with_the_reason(string patch, string reason)
    {
        var e = Assert.Throws<PatchException>(() => PatchParser.Parse(patch, "mistake.patch"));

        Assert.StartsWith("mistake.patch", e.Message);
        Assert.Contains(reason, e.Message);
    }

    [Fact]
    public void Counts_of_one_may_be_left_out_as_git_does()
    {
        Assert.Equal(Solution.Replace("two", "TWO"), Apply(Solution, "--- a/f\n+++ b/f\n@@ -2 +2 @@\n-two\n+TWO\n"));
    }
}
