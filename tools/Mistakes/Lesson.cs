using System.Diagnostics;
using System.Text.Json;

namespace SocketCourse.Mistakes;

/// <summary>
/// A lesson as the catalogue needs it: the reference solution's compile inputs (as MSBuild resolves them, so files
/// the project links from elsewhere, e.g. the exercise's Given folder, are included) and the built graders.
/// </summary>
public sealed class Lesson
{
    /// <summary>The lesson folder name, e.g. <c>03-SingleConnection</c>.</summary>
    public required string Name { get; init; }

    /// <summary>The reference solution's project folder: patched files are named relative to it.</summary>
    public required string SolutionFolder { get; init; }

    /// <summary>Absolute paths of every C# file the solution compiles, generated ones included.</summary>
    public required IReadOnlyList<string> CompileFiles { get; init; }

    /// <summary>Absolute paths of the assemblies the solution compiles against.</summary>
    public required IReadOnlyList<string> References { get; init; }

    /// <summary>The solution project's build properties the compiler needs.</summary>
    public required IReadOnlyDictionary<string, string> Properties { get; init; }

    /// <summary>The graders' output folder (solutions track): the test executable and its dependencies.</summary>
    public required string GradersFolder { get; init; }

    /// <summary>The graders' assembly file name, e.g. <c>SocketCourse.SingleConnection.Tests.dll</c>.</summary>
    public required string GradersAssembly { get; init; }

    /// <summary>The solution's assembly name: the overlaid build replaces it next to the graders.</summary>
    public string AssemblyName => Properties["AssemblyName"];

    private static readonly string[] CompilerProperties =
        ["AssemblyName", "DefineConstants", "LangVersion", "Nullable", "NoWarn", "TreatWarningsAsErrors",
         "WarningsNotAsErrors", "WarningsAsErrors", "GenerateDocumentationFile", "AllowUnsafeBlocks", "OutputType", "DebugType", "EmbedAllSources"];

    /// <summary>
    /// Builds (unless <paramref name="build"/> is false) and inspects the lesson through MSBuild: two calls, so the
    /// compiler sees exactly what <c>dotnet build</c> would compile.
    /// </summary>
    public static async Task<Lesson> LoadAsync(string root, string solutionProjectFolder, string testsProjectFolder, bool build, TextWriter log)
    {
        var solutionProject = SingleProject(Path.Combine(root, solutionProjectFolder));
        var testsProject = SingleProject(Path.Combine(root, testsProjectFolder));
        if (build)
            await DotnetAsync(root, ["build", testsProject, "-p:Track=solutions", "-nologo", "-clp:ErrorsOnly", "-v:q"], log);

        // -t:Build on an up-to-date project compiles nothing, but runs the targets that generate the global usings
        // and assembly attributes, so they are in the Compile items it reports.
        var solution = await MsBuildJsonAsync(root,
            ["msbuild", solutionProject, "-p:Track=solutions", "-t:Build", "-nologo", "-v:q",
             "-getItem:Compile", "-getItem:ReferencePathWithRefAssemblies",
             .. CompilerProperties.Select(p => "-getProperty:" + p)], log);
        var tests = await MsBuildJsonAsync(root, ["msbuild", testsProject, "-p:Track=solutions", "-getProperty:TargetPath", "-getProperty:AssemblyName"], log);

        var folder = Path.GetDirectoryName(solutionProject)!;
        var items = solution.GetProperty("Items");
        var properties = solution.GetProperty("Properties").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? "");
        var targetPath = tests.GetProperty("Properties").GetProperty("TargetPath").GetString()!;
        if (!File.Exists(targetPath))
            throw new InvalidOperationException($"the graders of {Path.GetFileName(folder)} are not built ({targetPath}); run without --no-build");
        return new Lesson
        {
            Name = Path.GetFileName(folder),
            SolutionFolder = folder,
            CompileFiles = items.GetProperty("Compile").EnumerateArray()
                .Select(i => Path.GetFullPath(i.GetProperty("FullPath").GetString()!)).ToList(),
            References = items.GetProperty("ReferencePathWithRefAssemblies").EnumerateArray()
                .Select(i => i.GetProperty("FullPath").GetString()!).ToList(),
            Properties = properties,
            GradersFolder = Path.GetDirectoryName(targetPath)!,
            GradersAssembly = Path.GetFileName(targetPath),
        };
    }

    private static string SingleProject(string folder)
    {
        var projects = Directory.GetFiles(folder, "*.csproj");
        return projects.Length == 1 ? projects[0] : throw new InvalidOperationException($"expected one .csproj in {folder}, found {projects.Length}");
    }

    private static async Task<JsonElement> MsBuildJsonAsync(string root, string[] args, TextWriter log)
    {
        var output = await DotnetAsync(root, args, log);
        var start = output.IndexOf('{');
        if (start < 0) throw new InvalidOperationException($"dotnet {string.Join(' ', args)} printed no JSON:\n{output}");
        return JsonDocument.Parse(output[start..]).RootElement;
    }

    private static async Task<string> DotnetAsync(string root, string[] args, TextWriter log)
    {
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = root, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) info.ArgumentList.Add(a);
        info.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en";
        info.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            log.WriteLine(await stdout);
            log.WriteLine(await stderr);
            throw new InvalidOperationException($"dotnet {string.Join(' ', args.Take(2))} failed (exit code {process.ExitCode})");
        }
        return await stdout;
    }
}
