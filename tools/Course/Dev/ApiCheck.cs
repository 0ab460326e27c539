using System.Text.RegularExpressions;
using SocketCourse.Tool.Grading;
using SocketCourse.Tool.Manifest;

namespace SocketCourse.Tool.Dev;

/// <summary>
/// A lesson's exercise and solution have the same public API, compared on the two built assemblies
/// (<see cref="PublicApi"/>), so the graders compile against either and the stubs' docs describe the solution.
/// A project whose build is missing or older than its sources is built first, unless told not to.
/// </summary>
public static partial class ApiCheck
{
    /// <summary>Every difference, for each lesson that has both projects.</summary>
    public static async Task<IReadOnlyList<DevProblem>> RunAsync(CourseTree tree, bool build, IProcessRunner runner, CancellationToken cancellationToken)
    {
        var problems = new List<DevProblem>();
        foreach (var lesson in tree.Manifest.Lessons)
        {
            var name = CourseTree.NameOf(lesson);
            var exercise = $"{lesson.Exercise}/{lesson.Number}-{name}.csproj";
            var solution = $"{lesson.Solution}/{lesson.Number}-{name}.csproj";
            if (!tree.FileExists(exercise) || !tree.FileExists(solution)) continue;
            var exerciseDll = await BuiltAssemblyAsync(tree, lesson, exercise, build, runner, problems, cancellationToken);
            var solutionDll = await BuiltAssemblyAsync(tree, lesson, solution, build, runner, problems, cancellationToken);
            if (exerciseDll is null || solutionDll is null) continue;
            var differences = PublicApi.Compare(PublicApi.Describe(exerciseDll), PublicApi.Describe(solutionDll), "exercise", "solution");
            problems.AddRange(differences.Select(d => DevProblem.Lesson(lesson.Number, "public API differs: " + d)));
        }
        return problems;
    }

    private static async Task<string?> BuiltAssemblyAsync(CourseTree tree, Lesson lesson, string project, bool build,
        IProcessRunner runner, List<DevProblem> problems, CancellationToken cancellationToken)
    {
        var folder = Path.GetDirectoryName(tree.Root.Full(project))!;
        var text = tree.Read(project);
        var match = AssemblyNameElement().Match(text);
        var assembly = (match.Success ? match.Groups[1].Value.Trim() : Path.GetFileNameWithoutExtension(project)) + ".dll";
        var sources = Fingerprint.SourceFiles(folder).Concat(Fingerprint.SourceFiles(tree.Root.Full(lesson.GivenFolder))).ToList();
        var newestSource = sources.Count == 0 ? DateTime.MinValue : sources.Max(File.GetLastWriteTimeUtc);
        var dll = Find(folder, assembly);
        if ((dll is null || File.GetLastWriteTimeUtc(dll) < newestSource) && build)
        {
            var result = await new Dotnet(runner).RunAsync(["build", project, "-nologo", "-v", "q", "-clp:ErrorsOnly"],
                tree.Root.Path, TimeSpan.FromMinutes(5), cancellationToken);
            if (result.ExitCode != 0)
            {
                problems.Add(DevProblem.Lesson(lesson.Number, $"{project} does not build, so its public API cannot be compared:\n{result.Output.Trim()}"));
                return null;
            }
            dll = Find(folder, assembly);
        }
        if (dll is null)
        {
            problems.Add(DevProblem.Lesson(lesson.Number, $"{project} is not built ({assembly} not found under its bin/): build it, or run without --no-build"));
            return null;
        }
        if (File.GetLastWriteTimeUtc(dll) < newestSource && !build)
            problems.Add(DevProblem.Lesson(lesson.Number, $"{project}'s build is older than its sources: build it, or run without --no-build"));
        return dll;
    }

    private static string? Find(string projectFolder, string assembly)
    {
        var bin = Path.Combine(projectFolder, "bin");
        return Directory.Exists(bin)
            ? Directory.EnumerateFiles(bin, assembly, SearchOption.AllDirectories)
                .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}ref{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
                .OrderByDescending(File.GetLastWriteTimeUtc).FirstOrDefault()
            : null;
    }

    [GeneratedRegex("<AssemblyName>([^<]+)</AssemblyName>")]
    private static partial Regex AssemblyNameElement();
}
