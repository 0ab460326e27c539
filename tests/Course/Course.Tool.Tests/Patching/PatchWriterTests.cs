using SocketCourse.Mistakes.Patching;

namespace SocketCourse.Tool.Tests.Patching;

/// <summary>The patch writer behind `mistakes new-patch`: git's layout, and every patch it writes applies back.</summary>
public sealed class PatchWriterTests
{
    [Fact]
    public void One_changed_line_gets_three_lines_of_context_as_git_writes_it()
    {
        var oldText = string.Join("", Enumerable.Range(1, 10).Select(i => $"{i}\n"));

        var patch = PatchWriter.Write("solutions/03-X/F.cs", oldText, oldText.Replace("5\n", "five\n"));

        Assert.Equal("--- a/solutions/03-X/F.cs\n+++ b/solutions/03-X/F.cs\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n", patch);
    }

    [Fact]
    public void Equal_texts_give_no_patch() => Assert.Equal("", PatchWriter.Write("f", "a\nb\n", "a\nb\n"));

    [Fact]
    public void Changes_far_apart_are_separate_hunks_and_close_ones_share_one()
    {
        var lines = Enumerable.Range(1, 30).Select(i => i.ToString()).ToList();
        var oldText = string.Join("\n", lines) + "\n";
        lines[1] = "two";
        lines[7] = "eight";
        lines[25] = "twenty-six";

        var patch = PatchWriter.Write("f", oldText, string.Join("\n", lines) + "\n");

        Assert.Equal(["@@ -1,11 +1,11 @@", "@@ -23,7 +23,7 @@"], patch.Split('\n').Where(l => l.StartsWith("@@")));
    }

    [Fact]
    public void A_missing_final_line_end_is_marked()
    {
        var patch = PatchWriter.Write("f", "a\nb\n", "a\nb");

        Assert.Equal("--- a/f\n+++ b/f\n@@ -1,2 +1,2 @@\n a\n-b\n+b\n\\ No newline at end of file\n", patch);
        Assert.Equal("a\nb", PatchApplier.Apply("a\nb\n", Assert.Single(PatchParser.Parse(patch, "p")), "p"));
    }

    [Fact]
    public void Random_edits_round_trip_through_writer_parser_and_applier()
    {
        var random = new Random(8);
        var words = new[] { "{", "}", "", "return x;", "x++;", "if (a)", "// note", "var y = 1;" };
        for (var round = 0; round < 300; round++)
        {
            var original = Enumerable.Range(0, random.Next(0, 40)).Select(_ => words[random.Next(words.Length)]).ToList();
            var edited = new List<string>(original);
            for (var edit = random.Next(1, 6); edit > 0; edit--)
            {
                var at = random.Next(edited.Count + 1);
                switch (random.Next(3))
                {
                    case 0: edited.Insert(at, words[random.Next(words.Length)] + " edited"); break;
                    case 1 when at < edited.Count: edited.RemoveAt(at); break;
                    case 2 when at < edited.Count: edited[at] = "changed " + edited[at]; break;
                }
            }
            var oldText = Join(original, random.Next(4) > 0);
            var newText = Join(edited, random.Next(4) > 0);

            var patch = PatchWriter.Write("f", oldText, newText);

            if (oldText == newText) { Assert.Equal("", patch); continue; }
            var applied = PatchApplier.Apply(oldText, Assert.Single(PatchParser.Parse(patch, "p")), "p");
            Assert.True(applied == newText, $"round {round}:\n{patch}\ngave\n{applied}\ninstead of\n{newText}");
        }

        static string Join(List<string> lines, bool finalNewline) =>
            lines.Count == 0 ? "" : string.Join("\n", lines) + (finalNewline ? "\n" : "");
    }
}
