using SocketCourse.Tool.Grading;
using SocketCourse.Tool.Manifest;

namespace SocketCourse.Tool.Dev;

/// <summary>The course's files as the authoring checks read them: paths relative to the root, build output left out.</summary>
public sealed class CourseTree(CourseRoot root, CourseManifest manifest)
{
    /// <summary>The course root.</summary>
    public CourseRoot Root { get; } = root;

    /// <summary>course.json, loaded.</summary>
    public CourseManifest Manifest { get; } = manifest;

    /// <summary>
    /// Whether the catalogue of mistakes exists at all: at least one mistakes/*/*/mistake.json. Until it does, a ready
    /// lesson without its catalogue is reported as a note; once it does, as a problem.
    /// </summary>
    public bool HasMistakesCatalogue =>
        Directory.Exists(Root.Full(MistakesFolder))
        && Directory.EnumerateFiles(Root.Full(MistakesFolder), MistakesCheck.MistakeFile, SearchOption.AllDirectories).Any();

    /// <summary>The catalogue's folder at the root.</summary>
    public const string MistakesFolder = "mistakes";

    /// <summary>The folder of correct variants at the root: other right ways to write a solution, which every grader passes.</summary>
    public const string VariantsFolder = "variants";

    /// <summary>Whether the file <paramref name="relative"/> exists.</summary>
    public bool FileExists(string relative) => File.Exists(Root.Full(relative));

    /// <summary>Whether the folder <paramref name="relative"/> exists.</summary>
    public bool FolderExists(string relative) => Directory.Exists(Root.Full(relative));

    /// <summary>The text of <paramref name="relative"/>.</summary>
    public string Read(string relative) => File.ReadAllText(Root.Full(relative));

    /// <summary>The files of <paramref name="folder"/> (recursively, bin/ and obj/ left out) ending in <paramref name="extension"/>, relative to the root.</summary>
    public IReadOnlyList<string> Files(string folder, string extension) =>
        [.. Fingerprint.SourceFiles(Root.Full(folder))
            .Where(f => f.EndsWith(extension, StringComparison.OrdinalIgnoreCase))
            .Select(Root.Relative)];

    /// <summary>
    /// The grader sources of a lesson: its test project's .cs files, and the shared grader files it compiles with a
    /// <c>&lt;Compile Include="../Shared/Folder/*.cs" /&gt;</c> (lessons 06 and 07 share their protocol graders that way).
    /// </summary>
    public IReadOnlyList<string> GraderSources(Lesson lesson)
    {
        if (!FolderExists(lesson.Tests)) return [];
        var files = Files(lesson.Tests, ".cs").ToList();
        foreach (var project in Files(lesson.Tests, ".csproj"))
        {
            foreach (System.Text.RegularExpressions.Match include in System.Text.RegularExpressions.Regex.Matches(
                         Read(project), @"<Compile\s+Include=""\.\./(?<folder>Shared/[^""*]+)/\*\.cs"""))
            {
                var folder = $"tests/{include.Groups["folder"].Value}";
                if (FolderExists(folder)) files.AddRange(Files(folder, ".cs"));
            }
        }
        return files;
    }

    /// <summary>The Name of a lesson (PascalCase, from its exercise folder), e.g. "SingleConnection".</summary>
    public static string NameOf(Lesson lesson) => LessonNames.NameInFolder(lesson.Exercise, lesson.Number) ?? LessonNames.NameOf(lesson.Slug);

    /// <summary>The lesson's catalogue of mistakes, e.g. "mistakes/03-SingleConnection".</summary>
    public static string MistakesOf(Lesson lesson) => $"{MistakesFolder}/{lesson.Number}-{NameOf(lesson)}";

    /// <summary>A lesson's correct variants, e.g. <c>variants/04-ThreadedServer</c>.</summary>
    public static string VariantsOf(Lesson lesson) => $"{VariantsFolder}/{lesson.Number}-{NameOf(lesson)}";
}
