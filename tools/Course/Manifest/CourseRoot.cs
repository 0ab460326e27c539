namespace SocketCourse.Tool.Manifest;

/// <summary>The course's root folder (the one holding course.json) and paths inside it.</summary>
public sealed record CourseRoot(string Path)
{
    /// <summary>
    /// Finds the root by walking up from <paramref name="start"/> (by default the current directory, then the
    /// tool's own folder) to the first folder that holds course.json.
    /// </summary>
    /// <exception cref="CourseException">No course.json above either place.</exception>
    public static CourseRoot Find(string? start = null)
    {
        var starts = start is not null ? [start] : new[] { Environment.CurrentDirectory, AppContext.BaseDirectory };
        foreach (var from in starts)
        {
            for (var dir = new DirectoryInfo(from); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(System.IO.Path.Combine(dir.FullName, ManifestLoader.FileName)))
                    return new CourseRoot(dir.FullName);
            }
        }
        throw new CourseException(
            $"This is not inside the course: no {ManifestLoader.FileName} in {starts[0]} or any folder above it.",
            "Run the tool from the course's folder (the clone), e.g. `cd SocketCourse && ./course` (or `dotnet run --project tools/Course`).");
    }

    /// <summary>The absolute path of <paramref name="relative"/> (a manifest path with forward slashes).</summary>
    public string Full(string relative) =>
        System.IO.Path.GetFullPath(System.IO.Path.Combine(Path, relative.Replace('/', System.IO.Path.DirectorySeparatorChar)));

    /// <summary><paramref name="absolute"/> relative to the root, with forward slashes, as the learner reads it.</summary>
    public string Relative(string absolute) =>
        System.IO.Path.GetRelativePath(Path, absolute).Replace(System.IO.Path.DirectorySeparatorChar, '/');

    /// <summary>The tool's cache folder, .course/ at the root (gitignored).</summary>
    public string CacheFolder => System.IO.Path.Combine(Path, ".course");

    /// <summary>Loads the manifest.</summary>
    public CourseManifest LoadManifest() => ManifestLoader.Load(System.IO.Path.Combine(Path, ManifestLoader.FileName));
}
