using System.Reflection;
using SocketCourse.Tool.Manifest;

namespace SocketCourse.Report;

/// <summary>What a grader assembly knows about how it was built: its lesson, its track and the course root.</summary>
/// <param name="GradedLesson">The lesson's folder name, e.g. 03-SingleConnection.</param>
/// <param name="Track">"exercises" or "solutions".</param>
/// <param name="Root">The course root, or null when course.json cannot be found.</param>
public sealed record CourseBuild(string GradedLesson, string Track, string? Root)
{
    /// <summary>The learner's folder the graders ran against (the exercise or the solution), as a full path.</summary>
    public string? LearnerFolder => Root is null ? null : Path.Combine(Root, Track == "solutions" ? "solutions" : "exercises", GradedLesson);

    /// <summary>Reads the metadata tests/Directory.Build.targets gives each grader assembly; null for other assemblies.</summary>
    public static CourseBuild? Of(Assembly? assembly)
    {
        var lesson = Metadata(assembly, "CourseGradedLesson");
        return lesson is null ? null : new CourseBuild(lesson, Metadata(assembly, "CourseTrack") ?? "exercises", FindRoot(Metadata(assembly, "CourseRoot")));
    }

    private static string? Metadata(Assembly? assembly, string key) =>
        assembly?.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == key)?.Value;

    /// <summary>The course root: the folder the project was built in if it still holds course.json, else the nearest one above.</summary>
    private static string? FindRoot(string? builtIn)
    {
        if (builtIn is not null && File.Exists(Path.Combine(builtIn, ManifestLoader.FileName)))
            return Path.GetFullPath(builtIn);
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, ManifestLoader.FileName)))
                    return dir.FullName;
        }
        return null;
    }
}
