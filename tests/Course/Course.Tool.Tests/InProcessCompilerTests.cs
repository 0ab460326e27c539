using SocketCourse.Tool.Compiling;
using SocketCourse.Tool.Grading;
using SocketCourse.Tool.Manifest;

namespace SocketCourse.Tool.Tests;

/// <summary>
/// watch compiles in-process; it must report what `dotnet build` reports. A small project with the course's
/// settings (nullable, warnings as errors, XML docs required) and one mistake of each kind is compiled both ways.
/// </summary>
[Trait("Category", "Integration")]
public sealed class InProcessCompilerTests
{
    private const string Project = """
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <TargetFramework>net10.0</TargetFramework>
            <LangVersion>latest</LangVersion>
            <Nullable>enable</Nullable>
            <ImplicitUsings>enable</ImplicitUsings>
            <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
            <GenerateDocumentationFile>true</GenerateDocumentationFile>
            <AssemblyName>Parity.Check</AssemblyName>
          </PropertyGroup>
        </Project>
        """;

    // CS1591: no XML doc on a public member (a warning made an error); CS8600: null into a non-nullable;
    // CS0103: an unknown name; CA2022: an inexact Stream.Read, from the SDK's analyzers.
    private const string Broken = """
        namespace Parity;

        /// <summary>Documented.</summary>
        public static class Reader
        {
            public static int Undocumented() => 1;

            /// <summary>Reads.</summary>
            public static void Read(Stream stream, byte[] buffer)
            {
                string text = null;
                stream.Read(buffer, 0, buffer.Length);
                Console.WriteLine(text + missing);
            }
        }
        """;

    // Only a missing doc comment: with nothing else wrong, the doc comments are checked, and CS1591 is an error.
    private const string WarningsOnly = """
        namespace Parity;

        /// <summary>Documented.</summary>
        public static class Reader
        {
            public static int Undocumented() => 1;
        }
        """;

    [Theory]
    [InlineData(Broken, "CS0103@13")]
    [InlineData(WarningsOnly, "CS1591@6")]
    public async Task The_in_process_compiler_reports_the_same_errors_as_dotnet_build(string source, string expected)
    {
        using var temp = new TempFolder();
        temp.Write("Parity.csproj", Project);
        temp.Write("global.json", File.ReadAllText(Path.Combine(CourseRoot.Find(AppContext.BaseDirectory).Path, "global.json")));
        temp.Write("Reader.cs", source);
        var root = new CourseRoot(temp.Path);
        var dotnet = new Dotnet(new ProcessRunner());
        var token = TestContext.Current.CancellationToken;

        var build = await dotnet.RunAsync(["build", "Parity.csproj", "-nologo", "-v:q", "-tl:off", "-clp:NoSummary", "-p:GenerateFullPaths=true"], temp.Path, TimeSpan.FromMinutes(5), token);
        var fromMSBuild = CompilerError.Parse(build.Output).Select(Key).Order().ToList();
        var (arguments, output) = await CompilerArguments.AskMSBuildAsync(root, new GradedProject(Path.Combine(temp.Path, "Parity.csproj"), "Parity.Check"), Track.Exercises, dotnet, token);
        Assert.True(arguments is not null, output);
        var inProcess = (await new InProcessCompiler(Path.Combine(temp.Path, "Parity.csproj"), arguments).CompileAsync(token)).Errors.Select(Key).Order().ToList();

        Assert.True(fromMSBuild.SequenceEqual(inProcess), $"dotnet build: {string.Join(", ", fromMSBuild)}; in-process: {string.Join(", ", inProcess)}");
        Assert.Contains(expected, fromMSBuild);
    }

    [Fact]
    public async Task With_the_lessons_embedded_PDB_the_image_carries_the_source_it_was_compiled_from()
    {
        // The lessons build with DebugType embedded and EmbedAllSources, so that the graders' source review reads the
        // code that runs; watch mode's in-process build must give the same image (no separate symbols, sources inside).
        using var temp = new TempFolder();
        temp.Write("Parity.csproj", Project.Replace("<AssemblyName>", "<DebugType>embedded</DebugType><EmbedAllSources>true</EmbedAllSources><AssemblyName>"));
        temp.Write("global.json", File.ReadAllText(Path.Combine(CourseRoot.Find(AppContext.BaseDirectory).Path, "global.json")));
        temp.Write("Reader.cs", "namespace Parity;\n\n/// <summary>Documented.</summary>\npublic static class Reader { }\n");
        var root = new CourseRoot(temp.Path);
        var dotnet = new Dotnet(new ProcessRunner());
        var token = TestContext.Current.CancellationToken;
        var build = await dotnet.RunAsync(["build", "Parity.csproj", "-nologo", "-v:q", "-tl:off"], temp.Path, TimeSpan.FromMinutes(5), token);
        var (arguments, output) = await CompilerArguments.AskMSBuildAsync(root, new GradedProject(Path.Combine(temp.Path, "Parity.csproj"), "Parity.Check"), Track.Exercises, dotnet, token);
        Assert.True(arguments is not null, build.Output + output);

        var compiled = (await new InProcessCompiler(Path.Combine(temp.Path, "Parity.csproj"), arguments).CompileAsync(token)).Assembly;

        Assert.NotNull(compiled);
        Assert.Empty(compiled.Symbols);
        using var pe = new System.Reflection.PortableExecutable.PEReader(new MemoryStream(compiled.Image));
        var entry = Assert.Single(pe.ReadDebugDirectory(), e => e.Type == System.Reflection.PortableExecutable.DebugDirectoryEntryType.EmbeddedPortablePdb);
        using var pdb = pe.ReadEmbeddedPortablePdbDebugDirectoryData(entry);
        var reader = pdb.GetMetadataReader();
        var embeddedSource = new Guid("0E8A571B-6926-466E-B4AD-8AB04611F5FE");
        var withSource = reader.Documents
            .Where(d => reader.GetCustomDebugInformation(d).Any(c => reader.GetGuid(reader.GetCustomDebugInformation(c).Kind) == embeddedSource))
            .Select(d => Path.GetFileName(reader.GetString(reader.GetDocument(d).Name)));
        Assert.Contains("Reader.cs", withSource);
    }

    private static string Key(CompilerError error) => $"{error.Code}@{error.Line}";
}
