using SocketCourse.Mistakes.Patching;

namespace SocketCourse.Tool.Tests.Patching;

/// <summary>An entry's mistake.patch: only the lesson's solution files, named from the repository root.</summary>
public sealed class MistakePatchTests
{
    [Fact]
    public void The_patched_files_are_named_relative_to_the_solution_folder()
    {
        using var root = new TempFolder();
        root.Write("solutions/03-X/ByteStream.cs", "a\nb\nc\n");
        var patch = root.Write("mistakes/03-X/m/mistake.patch", PatchWriter.Write("solutions/03-X/ByteStream.cs", "a\nb\nc\n", "a\nB\nc\n"));

        var patched = MistakePatch.Apply(root.Path, "solutions/03-X", patch);

        Assert.Equal("a\nB\nc\n", Assert.Single(patched, p => p.Key == "ByteStream.cs").Value);
    }

    [Fact]
    public void A_file_outside_the_solution_is_refused()
    {
        using var root = new TempFolder();
        root.Write("tests/03-X.Tests/Graders.cs", "a\n");
        var patch = root.Write("mistakes/03-X/m/mistake.patch", PatchWriter.Write("tests/03-X.Tests/Graders.cs", "a\n", "b\n"));

        var e = Assert.Throws<PatchException>(() => MistakePatch.Apply(root.Path, "solutions/03-X", patch));

        Assert.StartsWith("mistakes/03-X/m/mistake.patch changes tests/03-X.Tests/Graders.cs, which is not in solutions/03-X/", e.Message);
    }

    [Fact]
    public void A_solution_file_that_is_gone_and_a_missing_patch_are_named()
    {
        using var root = new TempFolder();
        var patch = root.Write("mistakes/03-X/m/mistake.patch", PatchWriter.Write("solutions/03-X/Old.cs", "a\n", "b\n"));

        var gone = Assert.Throws<PatchException>(() => MistakePatch.Apply(root.Path, "solutions/03-X", patch));
        var missing = Assert.Throws<PatchException>(() => MistakePatch.Apply(root.Path, "solutions/03-X", Path.Combine(root.Path, "mistakes/03-X/n/mistake.patch")));

        Assert.Contains("changes solutions/03-X/Old.cs, which does not exist", gone.Message);
        Assert.StartsWith("mistakes/03-X/n/mistake.patch is missing", missing.Message);
    }
}
