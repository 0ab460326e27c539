using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SocketCourse.Notebooks;
using SocketCourse.Tool.Notebooks;
using Snapshooter.Xunit3;

namespace SocketCourse.Tool.Tests;

public sealed class NotebookExportTests
{
    private static IReadOnlyList<NotebookCell> Sample => NotebookFile.Read(Path.Combine(Fixture.Folder, "sample.ipynb"));

    private static ExportResult Export(IReadOnlyList<NotebookCell> cells) =>
        NotebookExport.Export(cells, "notebooks/sample.ipynb", "dotnet run notebooks/export/sample.cs");

    [Fact]
    public void The_export_keeps_markdown_as_comments_and_code_in_order() =>
        Snapshot.Match(Export(Sample).Source);

    [Fact]
    public void Usings_go_first_types_last_and_a_trailing_expression_is_printed()
    {
        var source = Export(Sample).Source;

        Assert.True(source.IndexOf("using System.Net;", StringComparison.Ordinal) < source.IndexOf("// # Sample", StringComparison.Ordinal));
        Assert.True(source.IndexOf("var total", StringComparison.Ordinal) < source.IndexOf("record Greeting", StringComparison.Ordinal));
        Assert.Contains("Console.WriteLine(total);", source);
        Assert.StartsWith("// notebooks/sample.ipynb, exported", source);
        Assert.Contains("#:property TreatWarningsAsErrors=false", source);
    }

    [Fact]
    public void The_export_compiles_as_a_program()
    {
        var diagnostics = Compile(Export(Sample).Source);

        Assert.Empty(diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()));
    }

    [Fact]
    public void Kernel_directives_and_display_are_handled_and_redeclarations_are_reported()
    {
        var cells = new[]
        {
            new NotebookCell(1, "csharp", "#r \"System.Net.dll\"\nvar x = 1;\ndisplay(x);"),
            new NotebookCell(2, "csharp", "var x = 2;"),
        };

        var result = Export(cells);

        Assert.Contains("// (notebook directive, not needed in a file) #r \"System.Net.dll\"", result.Source);
        Assert.Contains("static void display(object? value) => Console.WriteLine(value);", result.Source);
        Assert.Equal(["cell 2 declares 'x' again (cell 1 did first): a notebook allows that, a C# file does not."], result.Warnings);
    }

    /// <summary>Compiles a file-based app's text the way the SDK would (implicit usings, top-level statements).</summary>
    private static IEnumerable<Diagnostic> Compile(string source)
    {
        var code = string.Join("\n", source.Split('\n').Where(l => !l.StartsWith("#:", StringComparison.Ordinal)));
        const string implicitUsings = "global using System; global using System.IO; global using System.Linq; global using System.Net.Http; global using System.Threading; global using System.Threading.Tasks; global using System.Collections.Generic;";
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "netstandard.dll" or "mscorlib.dll")
            .Select(p => MetadataReference.CreateFromFile(p));
        var options = new CSharpParseOptions(LanguageVersion.Latest);
        var compilation = CSharpCompilation.Create("export",
            [CSharpSyntaxTree.ParseText(code, options), CSharpSyntaxTree.ParseText(implicitUsings, options)],
            references,
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));
        return compilation.GetDiagnostics();
    }
}
