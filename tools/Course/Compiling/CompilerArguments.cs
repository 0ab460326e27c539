using System.Text.Json;
using SocketCourse.Tool.Grading;
using SocketCourse.Tool.Manifest;

namespace SocketCourse.Tool.Compiling;

/// <summary>
/// The exact C# compiler command line MSBuild uses for a project: references, analyzers, language version,
/// nullable, warnings as errors, defines, generated files. Asked from MSBuild itself (the Csc task's
/// ProvideCommandLineArgs, with SkipCompilerExecution so nothing is compiled), so the in-process compiler
/// uses the very same settings as `dotnet build` and reports the same errors.
/// </summary>
public static class CompilerArguments
{
    /// <summary>Asks MSBuild for the compiler arguments of <paramref name="project"/> on <paramref name="track"/>.</summary>
    /// <returns>The arguments (relative paths are relative to the project's folder), or null with the build's output when MSBuild could not say.</returns>
    public static async Task<(IReadOnlyList<string>? Arguments, string Output)> AskMSBuildAsync(
        CourseRoot root, GradedProject project, Track track, Dotnet dotnet, CancellationToken cancellationToken)
    {
        var result = await dotnet.RunAsync(
            ["msbuild", project.ProjectFile, "-t:Compile", $"-p:Track={track.Name()}", "-nologo", "-v:q", "-tl:off",
             "-p:ProvideCommandLineArgs=true", "-p:SkipCompilerExecution=true",
             // CoreCompile is skipped when its outputs look up to date; a missing "output" makes it run (and tell).
             "-p:NonExistentFile=__course_compiler_arguments__", "-getItem:CscCommandLineArgs"],
            root.Path, LessonBuilder.Timeout, cancellationToken);
        if (result.ExitCode != 0 || result.TimedOut)
            return (null, result.Output);
        try
        {
            var json = result.Output[result.Output.IndexOf('{')..];
            using var document = JsonDocument.Parse(json);
            var items = document.RootElement.GetProperty("Items").GetProperty("CscCommandLineArgs");
            var arguments = items.EnumerateArray().Select(i => i.GetProperty("Identity").GetString()!).ToList();
            return arguments.Count == 0 ? (null, result.Output) : (arguments, result.Output);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or ArgumentOutOfRangeException or InvalidOperationException)
        {
            return (null, result.Output);
        }
    }
}
