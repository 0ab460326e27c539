using System.Security.Cryptography;
using System.Text;
using SocketCourse.Tool.Manifest;

namespace SocketCourse.Tool.Grading;

/// <summary>
/// A hash of everything a lesson's grade depends on: the graded code (exercise or solution), its graders,
/// the shared harness and the build settings. Equal fingerprints mean the cached grade still holds.
/// </summary>
public static class Fingerprint
{
    private static readonly string[] SharedFiles =
    [
        "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props", "global.json",
        "tests/Directory.Build.props", "tests/Directory.Build.targets",
        "exercises/Directory.Build.props", "solutions/Directory.Build.props",
    ];

    /// <summary>The fingerprint of <paramref name="lesson"/> on <paramref name="track"/>.</summary>
    public static string Of(CourseRoot root, Lesson lesson, Track track)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Add(hash, "track:" + track.Name());
        foreach (var file in SharedFiles)
            AddFile(hash, root, root.Full(file));
        foreach (var folder in new[] { lesson.GradedFolder(track), lesson.GivenFolder, lesson.Tests, "tests/Course/Course.Testing" })
        {
            foreach (var file in SourceFiles(root.Full(folder)))
                AddFile(hash, root, file);
        }
        return Convert.ToHexString(hash.GetHashAndReset());
    }

    /// <summary>
    /// The fingerprint of what the built graders depend on besides the graded code's sources: the graders, the
    /// harness, the build settings, and the graded project's own project file. While it stays the same, the grader
    /// assembly is still good, and a change to the learner's code needs only the learner's project rebuilt.
    /// </summary>
    public static string OfGraders(CourseRoot root, Lesson lesson, Track track)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Add(hash, "graders:" + track.Name());
        foreach (var file in SharedFiles)
            AddFile(hash, root, root.Full(file));
        foreach (var folder in new[] { lesson.Tests, "tests/Course/Course.Testing", "tests/Shared" })
        {
            foreach (var file in SourceFiles(root.Full(folder)))
                AddFile(hash, root, file);
        }
        foreach (var file in SourceFiles(root.Full(lesson.GradedFolder(track))).Where(IsProjectFile))
            AddFile(hash, root, file);
        return Convert.ToHexString(hash.GetHashAndReset());
    }

    /// <summary>Whether a file is MSBuild input rather than C# source (a change to it needs the full build).</summary>
    public static bool IsProjectFile(string path) =>
        Path.GetExtension(path).ToLowerInvariant() is ".csproj" or ".props" or ".targets" or ".json" or ".editorconfig" or ".globalconfig"
        || Path.GetFileName(path).Equals(".editorconfig", StringComparison.OrdinalIgnoreCase);

    /// <summary>The files of a project folder, build output (bin/, obj/) excluded, in a stable order.</summary>
    public static IEnumerable<string> SourceFiles(string folder)
    {
        if (!Directory.Exists(folder))
            return [];
        return Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(f => !IsBuildOutput(Path.GetRelativePath(folder, f)))
            .Order(StringComparer.Ordinal);
    }

    /// <summary>Whether a path relative to a project folder lies in bin/ or obj/ (or a hidden folder).</summary>
    public static bool IsBuildOutput(string relativePath)
    {
        var first = relativePath.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        return first.Any(part => part is "bin" or "obj" || part.StartsWith('.'));
    }

    private static void AddFile(IncrementalHash hash, CourseRoot root, string file)
    {
        Add(hash, "file:" + root.Relative(file));
        if (File.Exists(file))
            hash.AppendData(File.ReadAllBytes(file));
        else
            Add(hash, "(missing)");
    }

    private static void Add(IncrementalHash hash, string text) => hash.AppendData(Encoding.UTF8.GetBytes(text + "\n"));
}
