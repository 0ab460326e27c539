using SocketCourse.Tool.Manifest;

namespace SocketCourse.Tool.Grading;

/// <summary>
/// The project the graders compile against on a track (the learner's exercise, or the reference solution):
/// its .csproj, its assembly name, and where MSBuild puts its outputs.
/// </summary>
public sealed record GradedProject(string ProjectFile, string AssemblyName)
{
    /// <summary>The files a build of the project leaves beside its assembly and the graders load or show.</summary>
    public static readonly string[] OutputExtensions = [".dll", ".pdb", ".xml"];

    /// <summary>The single .csproj in the lesson's exercise (or solution) folder, or null.</summary>
    public static GradedProject? Of(CourseRoot root, Lesson lesson, Track track)
    {
        var folder = root.Full(lesson.GradedFolder(track));
        var projects = Directory.Exists(folder) ? Directory.GetFiles(folder, "*.csproj") : [];
        return projects.Length == 1 ? new GradedProject(projects[0], TestProject.ReadAssemblyName(projects[0])) : null;
    }

    /// <summary>The project's folder.</summary>
    public string Folder => Path.GetDirectoryName(ProjectFile)!;

    /// <summary>Where <c>dotnet build</c> (Debug) leaves the assembly.</summary>
    public string OutputFolder => Path.Combine(Folder, "bin", "Debug", "net10.0");

    /// <summary>
    /// The reference assembly MSBuild keeps in obj/: it is rewritten only when the public API changes, so it
    /// being newer than the grader assembly means the graders must be compiled again.
    /// </summary>
    public string ReferenceAssembly => Path.Combine(Folder, "obj", "Debug", "net10.0", "ref", AssemblyName + ".dll");

    /// <summary>Copies the built assembly (and its .pdb, .xml) next to the grader assembly in <paramref name="graderFolder"/>.</summary>
    public void CopyOutputsTo(string graderFolder)
    {
        foreach (var extension in OutputExtensions)
        {
            var source = Path.Combine(OutputFolder, AssemblyName + extension);
            if (File.Exists(source))
                File.Copy(source, Path.Combine(graderFolder, AssemblyName + extension), overwrite: true);
        }
    }
}
