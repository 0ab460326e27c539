namespace SocketCourse.Mistakes.Patching;

/// <summary>
/// A catalogue entry's <c>mistake.patch</c>: a unified diff against the lesson's reference solution, paths relative to
/// the repository root (<c>--- a/solutions/03-SingleConnection/ByteStream.cs</c>), as <c>git diff</c> writes it. Used
/// by the catalogue runner (to build the mistaken solution) and by <c>course dev check</c> (to reject a patch that no
/// longer applies), so both read it the same way.
/// </summary>
public static class MistakePatch
{
    /// <summary>The patch's file name in an entry folder.</summary>
    public const string FileName = "mistake.patch";

    /// <summary>The patch's file name in a correct variant's folder (<c>variants/NN-Name/&lt;name&gt;/</c>), read the same way.</summary>
    public const string VariantFileName = "variant.patch";

    /// <summary>
    /// The mistaken files: each patched solution file's path relative to <paramref name="solutionFolder"/> (e.g.
    /// <c>solutions/03-SingleConnection</c>, relative to <paramref name="root"/>) and its patched text. Throws a
    /// <see cref="PatchException"/> naming <paramref name="patchFile"/> when the patch cannot be read, touches a file
    /// outside the solution, or does not apply.
    /// </summary>
    public static Dictionary<string, string> Apply(string root, string solutionFolder, string patchFile)
    {
        var source = Path.GetRelativePath(root, patchFile).Replace('\\', '/');
        if (!File.Exists(patchFile))
            throw new PatchException($"{source} is missing: an entry holds its mistake as a patch against {solutionFolder}/ (see CONTRIBUTING)");
        var prefix = solutionFolder.Replace('\\', '/').TrimEnd('/') + "/";
        var patched = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in PatchParser.Parse(File.ReadAllText(patchFile), source))
        {
            if (!file.Path.StartsWith(prefix, StringComparison.Ordinal) || file.Path.Contains("..", StringComparison.Ordinal))
                throw new PatchException($"{source} changes {file.Path}, which is not in {prefix}: a mistake changes the lesson's solution " +
                                         "(paths relative to the repository root, as git diff writes them)");
            var target = Path.Combine(root, file.Path);
            if (!File.Exists(target))
                throw new PatchException($"{source} changes {file.Path}, which does not exist (renamed or removed?): the solution changed under this mistake: regenerate or rewrite it");
            patched[file.Path[prefix.Length..]] = PatchApplier.Apply(File.ReadAllText(target), file, source);
        }
        return patched;
    }
}
