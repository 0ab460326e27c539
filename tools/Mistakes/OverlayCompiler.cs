using System.Collections.Concurrent;
using System.Text;
using Microsoft.CodeAnalysis.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;

namespace SocketCourse.Mistakes;

/// <summary>
/// Compiles a lesson's solution with some of its files replaced (by an entry's patched text), in-process with Roslyn: no MSBuild per entry, which
/// is what keeps the catalogue cheap. The output has the solution's assembly name, so the already-built graders
/// load it in place of the reference solution. Warnings are errors, as in the learner's own build.
/// </summary>
public sealed class OverlayCompiler
{
    private readonly Lesson _lesson;
    private readonly CSharpParseOptions _parseOptions;
    private readonly CSharpCompilationOptions _options;
    private readonly Dictionary<string, SyntaxTree> _solutionTrees;
    private readonly List<MetadataReference> _references;
    private readonly bool _embedded;
    private readonly bool _embedSources;
    private static readonly ConcurrentDictionary<string, MetadataReference> ReferenceCache = new();

    /// <summary>Parses the solution once; each <see cref="Compile"/> reparses only the overlays.</summary>
    public OverlayCompiler(Lesson lesson)
    {
        _lesson = lesson;
        var p = lesson.Properties;
        LanguageVersionFacts.TryParse(Get("LangVersion", "latest"), out var version);
        _parseOptions = new CSharpParseOptions(
            version,
            Get("GenerateDocumentationFile", "false") == "true" ? DocumentationMode.Diagnose : DocumentationMode.Parse,
            preprocessorSymbols: Get("DefineConstants", "").Split(';', StringSplitOptions.RemoveEmptyEntries));

        var diagnostics = new Dictionary<string, ReportDiagnostic>();
        foreach (var id in Codes("WarningsAsErrors")) diagnostics[id] = ReportDiagnostic.Error;
        foreach (var id in Codes("WarningsNotAsErrors")) diagnostics[id] = ReportDiagnostic.Warn;
        foreach (var id in Codes("NoWarn")) diagnostics[id] = ReportDiagnostic.Suppress;
        _options = new CSharpCompilationOptions(
            OutputKind.DynamicallyLinkedLibrary,
            nullableContextOptions: Get("Nullable", "disable") switch
            {
                "enable" => NullableContextOptions.Enable,
                "warnings" => NullableContextOptions.Warnings,
                "annotations" => NullableContextOptions.Annotations,
                _ => NullableContextOptions.Disable,
            },
            allowUnsafe: Get("AllowUnsafeBlocks", "false") == "true",
            generalDiagnosticOption: Get("TreatWarningsAsErrors", "false") == "true" ? ReportDiagnostic.Error : ReportDiagnostic.Default,
            specificDiagnosticOptions: diagnostics,
            deterministic: true);

        _embedded = Get("DebugType", "portable").Equals("embedded", StringComparison.OrdinalIgnoreCase);
        _embedSources = Get("EmbedAllSources", "false").Equals("true", StringComparison.OrdinalIgnoreCase);
        _solutionTrees = lesson.CompileFiles.ToDictionary(
            f => f,
            f => CSharpSyntaxTree.ParseText(SourceText.From(File.ReadAllText(f), Encoding.UTF8), _parseOptions, f),
            StringComparer.Ordinal);
        _references = lesson.References.Select(r => ReferenceCache.GetOrAdd(r, path => MetadataReference.CreateFromFile(path))).ToList();

        string Get(string name, string fallback) => p.TryGetValue(name, out var v) && v != "" ? v : fallback;
        IEnumerable<string> Codes(string name) => Get(name, "").Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(c => !c.StartsWith("NU", StringComparison.Ordinal))
            .Select(c => char.IsAsciiDigit(c[0]) ? "CS" + c.PadLeft(4, '0') : c);
    }

    /// <summary>
    /// Compiles the solution with <paramref name="overlays"/> (path relative to the solution folder → text) in place
    /// of its files and writes the assembly into <paramref name="outputFolder"/>. Returns the compiler's errors, or
    /// an empty list on success.
    /// </summary>
    public IReadOnlyList<string> Compile(IReadOnlyDictionary<string, string> overlays, string outputFolder)
    {
        var trees = new Dictionary<string, SyntaxTree>(_solutionTrees, StringComparer.Ordinal);
        var errors = new List<string>();
        foreach (var (relative, text) in overlays)
        {
            var path = Path.GetFullPath(Path.Combine(_lesson.SolutionFolder, relative));
            if (!trees.ContainsKey(path))
            {
                errors.Add($"{relative} is not a file the solution compiles (a patch changes solution files only, paths relative to {Path.GetFileName(_lesson.SolutionFolder)}/)");
                continue;
            }
            trees[path] = CSharpSyntaxTree.ParseText(SourceText.From(text, Encoding.UTF8), _parseOptions, path);
        }
        if (errors.Count > 0) return errors;

        var compilation = CSharpCompilation.Create(_lesson.AssemblyName, trees.Values, _references, _options);
        var dll = Path.Combine(outputFolder, _lesson.AssemblyName + ".dll");
        var pdb = Path.Combine(outputFolder, _lesson.AssemblyName + ".pdb");
        using var dllStream = new MemoryStream();
        using var pdbStream = new MemoryStream();
        using var docStream = new MemoryStream();
        // As the lessons build (DebugType embedded, EmbedAllSources): the PDB inside the assembly, with every source
        // text in it, so the graders' source review reads the patched code, exactly as compiled.
        var format = _embedded ? DebugInformationFormat.Embedded : DebugInformationFormat.PortablePdb;
        var result = compilation.Emit(dllStream, _embedded ? null : pdbStream,
            xmlDocumentationStream: _parseOptions.DocumentationMode == DocumentationMode.Diagnose ? docStream : null,
            embeddedTexts: _embedSources ? trees.Values.Select(t => EmbeddedText.FromSource(t.FilePath, t.GetText())) : null,
            options: new EmitOptions(debugInformationFormat: format));
        foreach (var d in result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error))
        {
            var where = d.Location.GetLineSpan();
            errors.Add($"{Path.GetFileName(where.Path)}({where.StartLinePosition.Line + 1},{where.StartLinePosition.Character + 1}): {d.Id}: {d.GetMessage()}");
        }
        if (!result.Success || errors.Count > 0) return errors.Count > 0 ? errors : ["the compiler failed without an error"];
        File.WriteAllBytes(dll, dllStream.ToArray());
        if (_embedded) File.Delete(pdb);
        else File.WriteAllBytes(pdb, pdbStream.ToArray());
        return [];
    }
}
