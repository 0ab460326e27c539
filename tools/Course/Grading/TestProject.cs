using System.Xml.Linq;
using SocketCourse.Tool.Manifest;

namespace SocketCourse.Tool.Grading;

/// <summary>A lesson's grader project: its .csproj, and where its assembly lands for a track.</summary>
public sealed record TestProject(string ProjectFile, string AssemblyName)
{
    /// <summary>The single .csproj in the lesson's tests folder.</summary>
    /// <exception cref="CourseException">The folder or the project is missing.</exception>
    public static TestProject Of(CourseRoot root, Lesson lesson)
    {
        var folder = root.Full(lesson.Tests);
        var projects = Directory.Exists(folder) ? Directory.GetFiles(folder, "*.csproj") : [];
        if (projects.Length != 1)
            throw new CourseException(
                $"Lesson {lesson.Number}'s graders should be one project in {lesson.Tests}/, but {(projects.Length == 0 ? "there is none" : "there are several")}.",
                "Check the \"tests\" path of the lesson in course.json, or restore the folder (git checkout).");
        return new TestProject(projects[0], ReadAssemblyName(projects[0]));
    }

    /// <summary>The built test assembly for <paramref name="track"/>, or null if it has not been built.</summary>
    public string? Assembly(Track track)
    {
        var output = Path.Combine(Path.GetDirectoryName(ProjectFile)!, "bin", track.Name());
        if (!Directory.Exists(output))
            return null;
        return Directory.EnumerateFiles(output, AssemblyName + ".dll", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}ref{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .OrderByDescending(File.GetLastWriteTimeUtc)
            .FirstOrDefault();
    }

    /// <summary>The assembly a project builds: its AssemblyName, or the project file's name when it sets none.</summary>
    internal static string ReadAssemblyName(string projectFile)
    {
        try
        {
            var name = XDocument.Load(projectFile).Descendants("AssemblyName").FirstOrDefault()?.Value.Trim();
            if (!string.IsNullOrEmpty(name) && !name.Contains("$("))
                return name;
        }
        catch (System.Xml.XmlException)
        {
            // A broken project file shows up as a build error; fall back to the file name meanwhile.
        }
        return Path.GetFileNameWithoutExtension(projectFile);
    }
}
