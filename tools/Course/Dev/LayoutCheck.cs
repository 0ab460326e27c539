using System.Text.RegularExpressions;
using SocketCourse.Tool.Manifest;

namespace SocketCourse.Tool.Dev;

/// <summary>
/// Where a lesson's parts live and that a ready lesson has every one: the two-spelling rule, the text, demos,
/// notebook, exercise, solution, graders, the solution file's entries and the README's course map row.
/// </summary>
public static partial class LayoutCheck
{
    /// <summary>Text that <c>course dev new</c> leaves where an author must write; a ready lesson holds none.</summary>
    public const string ScaffoldMarker = "TODO(dev new)";

    /// <summary>Every problem of the layout.</summary>
    public static IEnumerable<DevProblem> Run(CourseTree tree)
    {
        var previous = 0;
        foreach (var lesson in tree.Manifest.Lessons)
        {
            var number = int.Parse(lesson.Number);
            if (number != previous + 1)
                yield return DevProblem.Lesson(lesson.Number, $"comes after lesson {previous:00} in course.json; lessons are numbered 01, 02, 03... in order");
            previous = number;
            foreach (var problem in Spelling(lesson)) yield return problem;
            if (lesson.IsReady)
                foreach (var problem in ReadyParts(tree, lesson)) yield return problem;
            foreach (var problem in Duplicates(tree, lesson)) yield return problem;
        }
        foreach (var problem in SolutionFile(tree)) yield return problem;
    }

    /// <summary>The manifest's paths follow the rule: lessons/NN-slug, notebooks/NN-slug.ipynb, exercises|solutions/NN-Name, tests/NN-Name.Tests.</summary>
    public static IEnumerable<DevProblem> Spelling(Lesson lesson)
    {
        var n = lesson.Number;
        if (!LessonNames.IsSlug(lesson.Slug))
            yield return DevProblem.Lesson(n, $"slug \"{lesson.Slug}\" is not kebab-case (lowercase words joined by hyphens, e.g. \"single-connection\")");
        var name = LessonNames.NameInFolder(lesson.Exercise, n);
        if (name is null || !LessonNames.Matches(lesson.Slug, name))
        {
            yield return DevProblem.Lesson(n, $"exercise folder \"{lesson.Exercise}\" should be exercises/{n}-Name where Name is the slug " +
                $"\"{lesson.Slug}\" without hyphens in PascalCase, e.g. exercises/{n}-{LessonNames.NameOf(lesson.Slug)} (CONTRIBUTING: two spellings, one rule)");
            name = LessonNames.NameOf(lesson.Slug);
        }
        var expected = new (string Field, string Actual, string Wanted)[]
        {
            ("lesson", lesson.LessonFolder, $"lessons/{n}-{lesson.Slug}"),
            ("notebook", lesson.Notebook, $"notebooks/{n}-{lesson.Slug}.ipynb"),
            ("exercise", lesson.Exercise, $"exercises/{n}-{name}"),
            ("solution", lesson.Solution, $"solutions/{n}-{name}"),
            ("tests", lesson.Tests, $"tests/{n}-{name}.Tests"),
        };
        foreach (var (field, actual, wanted) in expected.Where(e => e.Actual != e.Wanted))
            yield return DevProblem.Lesson(n, $"\"{field}\" in course.json is \"{actual}\"; by the two-spelling rule it is \"{wanted}\"");
    }

    private static IEnumerable<DevProblem> ReadyParts(CourseTree tree, Lesson lesson)
    {
        var n = lesson.Number;
        var name = CourseTree.NameOf(lesson);
        var readme = $"{lesson.LessonFolder}/README.md";
        var exerciseProject = $"{lesson.Exercise}/{n}-{name}.csproj";
        var solutionProject = $"{lesson.Solution}/{n}-{name}.csproj";
        var testsProject = $"{lesson.Tests}/{n}-{name}.Tests.csproj";
        foreach (var (part, path) in new[]
                 {
                     ("lesson text", readme), ("hints", $"{lesson.LessonFolder}/hints.md"), ("notebook", lesson.Notebook), ("exercise project", exerciseProject),
                     ("solution project", solutionProject), ("grader project", testsProject),
                 })
        {
            if (!tree.FileExists(path))
                yield return DevProblem.Lesson(n, $"is ready but its {part} {path} does not exist");
        }
        if (tree.FolderExists(lesson.LessonFolder) && tree.Files(lesson.LessonFolder, ".csproj").Count == 0)
            yield return DevProblem.Lesson(n, $"is ready but has no demo program ({lesson.LessonFolder}/<Name>/<Name>.csproj)");

        if (tree.FileExists(testsProject) && !tree.Read(testsProject).Contains($"<GradedLesson>{n}-{name}</GradedLesson>", StringComparison.Ordinal))
            yield return DevProblem.Lesson(n, $"{testsProject} does not say <GradedLesson>{n}-{name}</GradedLesson>, so it grades nothing of this lesson");

        var exerciseAssembly = AssemblyName(tree, exerciseProject);
        var solutionAssembly = AssemblyName(tree, solutionProject);
        if (exerciseAssembly is not null && exerciseAssembly != $"SocketCourse.{name}")
            yield return DevProblem.Lesson(n, $"{exerciseProject} builds assembly \"{exerciseAssembly}\"; it should be \"SocketCourse.{name}\"");
        if (exerciseAssembly is not null && solutionAssembly is not null && exerciseAssembly != solutionAssembly)
            yield return DevProblem.Lesson(n, $"the exercise builds \"{exerciseAssembly}\" but the solution builds \"{solutionAssembly}\": the graders need one name");

        var given = $"{lesson.Exercise}/Given";
        if (tree.Files(given, ".cs").Count > 0 && tree.FileExists(solutionProject)
            && !tree.Read(solutionProject).Contains($"exercises/{n}-{name}/Given/", StringComparison.Ordinal))
            yield return DevProblem.Lesson(n, $"{solutionProject} does not compile the given types: add <Compile Include=\"$(CourseRoot)exercises/{n}-{name}/Given/**/*.cs\" .../>");

        foreach (var step in lesson.Steps)
        {
            if (step.Files.Count == 0)
                yield return DevProblem.Lesson(n, $"step {step.Number} lists no files in course.json: name the files the learner edits");
            foreach (var file in step.Files)
            {
                if (file.StartsWith("Given/", StringComparison.Ordinal))
                    yield return DevProblem.Lesson(n, $"step {step.Number} lists {file}, a given type: a step lists only files the learner edits");
                else if (!tree.FileExists($"{lesson.Exercise}/{file}"))
                    yield return DevProblem.Lesson(n, $"step {step.Number} lists {file}, but {lesson.Exercise}/{file} does not exist");
                else if (!tree.FileExists($"{lesson.Solution}/{file}"))
                    yield return DevProblem.Lesson(n, $"step {step.Number} lists {file}, but the solution has no {lesson.Solution}/{file} to compare it with");
            }
        }

        if (tree.FileExists("README.md"))
        {
            var row = tree.Read("README.md").Split('\n').FirstOrDefault(l => l.StartsWith($"| {n} |", StringComparison.Ordinal));
            if (row is null)
                yield return DevProblem.Lesson(n, $"has no row \"| {n} | ...\" in README.md's course map");
            else if (!row.Contains($"({readme})", StringComparison.Ordinal) || !row.Contains("**ready**", StringComparison.Ordinal))
                yield return DevProblem.Lesson(n, $"README.md's course map row should link {readme} and say **ready**");
        }

        foreach (var folder in new[] { lesson.LessonFolder, lesson.Exercise, lesson.Solution, lesson.Tests })
        {
            foreach (var file in tree.Files(folder, ""))
            {
                if (file.EndsWith(".md", StringComparison.Ordinal) || file.EndsWith(".cs", StringComparison.Ordinal)
                    || file.EndsWith(".csproj", StringComparison.Ordinal))
                {
                    if (tree.Read(file).Contains(ScaffoldMarker, StringComparison.Ordinal))
                        yield return DevProblem.Lesson(n, $"is ready but {file} still holds scaffold text \"{ScaffoldMarker}\"");
                }
            }
        }
        if (tree.FileExists(lesson.Notebook) && tree.Read(lesson.Notebook).Contains(ScaffoldMarker, StringComparison.Ordinal))
            yield return DevProblem.Lesson(n, $"is ready but {lesson.Notebook} still holds scaffold text \"{ScaffoldMarker}\"");
    }

    /// <summary>No file is the same in the exercise and the solution: a type the learner does not write lives once, in Given/.</summary>
    public static IEnumerable<DevProblem> Duplicates(CourseTree tree, Lesson lesson)
    {
        if (!tree.FolderExists(lesson.Exercise) || !tree.FolderExists(lesson.Solution)) yield break;
        foreach (var file in tree.Files(lesson.Exercise, ".cs"))
        {
            var relative = file[(lesson.Exercise.Length + 1)..];
            var twin = $"{lesson.Solution}/{relative}";
            if (!relative.StartsWith("Given/", StringComparison.Ordinal) && tree.FileExists(twin)
                && File.ReadAllBytes(tree.Root.Full(file)).AsSpan().SequenceEqual(File.ReadAllBytes(tree.Root.Full(twin))))
                yield return DevProblem.Lesson(lesson.Number, $"{file} and {twin} are the same file: a type the learner uses but does not write " +
                    $"lives once, in {lesson.Exercise}/Given/ (the solution compiles it from there)");
        }
    }

    /// <summary>Every project of the course is in Course.sln, and every project Course.sln names exists.</summary>
    public static IEnumerable<DevProblem> SolutionFile(CourseTree tree)
    {
        const string sln = "Course.sln";
        if (!tree.FileExists(sln))
        {
            yield return DevProblem.Course($"{sln} does not exist");
            yield break;
        }
        var listed = SolutionProjects(tree.Read(sln)).ToHashSet(StringComparer.Ordinal);
        foreach (var path in listed.Where(p => !tree.FileExists(p)).Order(StringComparer.Ordinal))
            yield return DevProblem.Course($"{sln} lists {path}, which does not exist");
        foreach (var top in new[] { "exercises", "solutions", "tests", "lessons", "tools" })
        {
            foreach (var project in tree.Files(top, ".csproj").Where(p => !listed.Contains(p)))
                yield return DevProblem.Course($"{project} is not in {sln}: dotnet sln {sln} add {project}");
        }
    }

    /// <summary>The project paths a classic .sln names, with forward slashes.</summary>
    public static IEnumerable<string> SolutionProjects(string solutionText) =>
        ProjectLine().Matches(solutionText).Select(m => m.Groups["path"].Value.Replace('\\', '/'));

    private static string? AssemblyName(CourseTree tree, string project)
    {
        if (!tree.FileExists(project)) return null;
        var match = AssemblyNameElement().Match(tree.Read(project));
        return match.Success ? match.Groups[1].Value.Trim() : Path.GetFileNameWithoutExtension(project);
    }

    [GeneratedRegex("""^Project\("\{[^}]+\}"\)\s*=\s*"[^"]*",\s*"(?<path>[^"]+\.csproj)",""", RegexOptions.Multiline)]
    private static partial Regex ProjectLine();

    [GeneratedRegex("<AssemblyName>([^<]+)</AssemblyName>")]
    private static partial Regex AssemblyNameElement();
}
