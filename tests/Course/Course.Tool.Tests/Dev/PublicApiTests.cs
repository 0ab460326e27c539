using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SocketCourse.Tool.Dev;

namespace SocketCourse.Tool.Tests.Dev;

/// <summary>
/// The public API comparison on real assemblies: two small libraries compiled here with Roslyn stand for an exercise
/// and its solution, so a deliberate difference can be checked without building projects.
/// </summary>
public sealed class PublicApiTests
{
    private const string Exercise = """
        namespace SocketCourse.Sample;
        public enum Outcome { Closed, Reset }
        public static class Server
        {
            public static int Port => throw new System.NotImplementedException();
            public static Outcome Serve(System.Net.Sockets.Socket client, int maxBytes = 1024) => throw new System.NotImplementedException();
        }
        public sealed record Exchange(string Received, string Replied);
        """;

    [Fact]
    public void The_same_public_API_with_other_bodies_and_private_helpers_has_no_differences()
    {
        using var temp = new TempFolder();
        var solution = Exercise
            .Replace("=> throw new System.NotImplementedException();", "=> Helper.Answer();")
            .Replace("Serve(System.Net.Sockets.Socket client, int maxBytes = 1024) => Helper.Answer();", "Serve(System.Net.Sockets.Socket client, int maxBytes = 1024) => Outcome.Closed;")
            + "\ninternal static class Helper { public static int Answer() => 9999; }\n";

        var differences = Compare(temp, Exercise, solution);

        Assert.Empty(differences);
    }

    [Fact]
    public void A_changed_signature_a_missing_type_and_a_changed_default_are_named()
    {
        using var temp = new TempFolder();
        var solution = Exercise
            .Replace("public static Outcome Serve(System.Net.Sockets.Socket client, int maxBytes = 1024)", "public static Outcome Serve(System.Net.Sockets.Socket client, int maxBytes = 4096)")
            .Replace("public static int Port", "public static long Port")
            .Replace("public sealed record Exchange(string Received, string Replied);", "");

        var differences = Compare(temp, Exercise, solution);

        Assert.Contains("public type SocketCourse.Sample.Exchange is in the exercise but not in the solution", differences);
        Assert.Contains("SocketCourse.Sample.Server: \"static property int Port { get; }\" is in the exercise but not in the solution", differences);
        Assert.Contains("SocketCourse.Sample.Server: \"static property long Port { get; }\" is in the solution but not in the exercise", differences);
        Assert.Contains("SocketCourse.Sample.Server: \"static method SocketCourse.Sample.Outcome Serve(System.Net.Sockets.Socket client, int maxBytes = 4096)\" " +
                        "is in the solution but not in the exercise", differences);
        Assert.DoesNotContain(differences, d => d.Contains("Exchange.", StringComparison.Ordinal));
    }

    [Fact]
    public void Records_and_enums_are_described_in_full()
    {
        using var temp = new TempFolder();

        var api = PublicApi.Describe(Build(temp, "exercise", Exercise)).Select(e => $"{e.Type}: {e.Declaration}").ToList();

        Assert.Contains("SocketCourse.Sample.Outcome: type enum SocketCourse.Sample.Outcome : int", api);
        Assert.Contains("SocketCourse.Sample.Outcome: Reset = 1", api);
        Assert.Contains("SocketCourse.Sample.Exchange: constructor(string Received, string Replied)", api);
        Assert.Contains("SocketCourse.Sample.Exchange: property string Received { get; init; }", api);
    }

    private static IReadOnlyList<string> Compare(TempFolder temp, string exercise, string solution) =>
        PublicApi.Compare(PublicApi.Describe(Build(temp, "exercise", exercise)), PublicApi.Describe(Build(temp, "solution", solution)), "exercise", "solution");

    /// <summary>Compiles <paramref name="source"/> to temp/<paramref name="folder"/>/SocketCourse.Sample.dll against this runtime.</summary>
    private static string Build(TempFolder temp, string folder, string source)
    {
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Select(p => MetadataReference.CreateFromFile(p));
        var compilation = CSharpCompilation.Create("SocketCourse.Sample", [CSharpSyntaxTree.ParseText(source)], references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var path = Path.Combine(temp.Path, folder, "SocketCourse.Sample.dll");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var result = compilation.Emit(path);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        return path;
    }
}
