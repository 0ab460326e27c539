using System.Collections.Immutable;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Emit;
using Microsoft.CodeAnalysis.Text;
using SocketCourse.Tool.Grading;

namespace SocketCourse.Tool.Compiling;

/// <summary>What compiling the learner's project in-process gave.</summary>
/// <param name="Errors">The errors, as MSBuild would report them (empty when it compiled).</param>
/// <param name="ApiHash">A hash of the public API (the reference assembly); null when it did not compile.</param>
/// <param name="Assembly">The assembly, its symbols and XML docs, when it compiled.</param>
public sealed record InProcessCompilation(IReadOnlyList<CompilerError> Errors, string? ApiHash, CompiledAssembly? Assembly);

/// <summary>An assembly compiled in memory, ready to be written next to the graders.</summary>
public sealed record CompiledAssembly(string Name, byte[] Image, byte[] Symbols, byte[] Documentation)
{
    /// <summary>Writes Name.dll, .pdb and .xml into <paramref name="folder"/>, where the grader executable loads them.</summary>
    public void WriteTo(string folder)
    {
        File.WriteAllBytes(Path.Combine(folder, Name + ".dll"), Image);
        var pdb = Path.Combine(folder, Name + ".pdb");
        if (Symbols.Length > 0) File.WriteAllBytes(pdb, Symbols);
        else File.Delete(pdb); // the symbols are embedded in the image; an old .pdb beside it would be stale
        File.WriteAllBytes(Path.Combine(folder, Name + ".xml"), Documentation);
    }
}

/// <summary>
/// Compiles one project with Roslyn inside this process, with the compiler command line MSBuild would use
/// (<see cref="CompilerArguments"/>): same references, language version, nullable context, warnings as errors,
/// analyzers and source generators. Kept alive between compilations (watch mode), it reuses the loaded
/// references and analyzers and the JIT-compiled compiler, so a regrade takes a fraction of a `dotnet build`.
/// </summary>
public sealed class InProcessCompiler
{
    private readonly string _projectFolder;
    private readonly string _projectFile;
    private readonly CSharpCommandLineArguments _arguments;
    private readonly ImmutableArray<MetadataReference> _references;
    private readonly ImmutableArray<DiagnosticAnalyzer> _analyzers;
    private readonly ImmutableArray<ISourceGenerator> _generators;
    private readonly AnalyzerConfigSet _configs;
    private readonly IReadOnlyList<string> _generatedFiles;

    /// <summary>Prepares a compiler for the project in <paramref name="projectFile"/> from MSBuild's compiler arguments.</summary>
    public InProcessCompiler(string projectFile, IReadOnlyList<string> arguments)
    {
        _projectFile = projectFile;
        _projectFolder = Path.GetDirectoryName(projectFile)!;
        var sdkFolder = Path.GetDirectoryName(typeof(object).Assembly.Location);
        _arguments = CSharpCommandLineParser.Default.Parse(arguments, _projectFolder, sdkFolder);
        _references = [.. _arguments.MetadataReferences.Select(r => (MetadataReference)MetadataReference.CreateFromFile(r.Reference, r.Properties))];
        var loader = new AnalyzerLoader();
        var analyzerFiles = _arguments.AnalyzerReferences.Select(r => new AnalyzerFileReference(Path.GetFullPath(r.FilePath, _projectFolder), loader)).ToList();
        _analyzers = [.. analyzerFiles.SelectMany(a => a.GetAnalyzers(LanguageNames.CSharp))];
        _generators = [.. analyzerFiles.SelectMany(a => a.GetGenerators(LanguageNames.CSharp))];
        _configs = AnalyzerConfigSet.Create(_arguments.AnalyzerConfigPaths
            .Select(p => AnalyzerConfig.Parse(SourceText.From(File.ReadAllText(p)), p)).ToList());
        // Files MSBuild generates into obj/ (global usings, assembly attributes) and files linked from elsewhere (a
        // solution compiles the exercise's Given/ types) are compiled as MSBuild listed them; the project's own files
        // are found again on every compilation, so a new file is picked up as MSBuild's glob would.
        var own = _projectFolder + Path.DirectorySeparatorChar;
        var objFolder = Path.Combine(_projectFolder, "obj") + Path.DirectorySeparatorChar;
        _generatedFiles = [.. _arguments.SourceFiles.Select(f => Path.GetFullPath(f.Path, _projectFolder))
            .Where(p => p.StartsWith(objFolder, StringComparison.Ordinal) || !p.StartsWith(own, StringComparison.Ordinal))];
    }

    /// <summary>The assembly name the graders reference (from /out:).</summary>
    public string AssemblyName => Path.GetFileNameWithoutExtension(_arguments.OutputFileName ?? _arguments.CompilationName ?? "");

    /// <summary>Compiles the project's current files, in memory.</summary>
    public async Task<InProcessCompilation> CompileAsync(CancellationToken cancellationToken)
    {
        var files = Fingerprint.SourceFiles(_projectFolder).Where(f => f.EndsWith(".cs", StringComparison.OrdinalIgnoreCase)).Concat(_generatedFiles);
        var trees = new List<SyntaxTree>();
        foreach (var file in files)
        {
            await using var stream = File.OpenRead(file);
            var text = SourceText.From(stream, Encoding.UTF8, SourceHashAlgorithm.Sha256, canBeEmbedded: true);
            trees.Add(CSharpSyntaxTree.ParseText(text, _arguments.ParseOptions, file, cancellationToken));
        }
        var optionsByTree = trees.ToDictionary(t => t, t => _configs.GetOptionsForSourcePath(t.FilePath));
        var options = _arguments.CompilationOptions.WithSyntaxTreeOptionsProvider(new TreeOptions(optionsByTree, _configs.GlobalConfigOptions));
        var optionsProvider = new AnalyzerOptionsProvider(optionsByTree, _configs.GlobalConfigOptions);
        Compilation compilation = CSharpCompilation.Create(_arguments.CompilationName, trees, _references, options);

        var diagnostics = new List<Diagnostic>();
        if (_generators.Length > 0)
        {
            var driver = CSharpGeneratorDriver.Create(_generators, [], _arguments.ParseOptions, optionsProvider);
            driver.RunGeneratorsAndUpdateCompilation(compilation, out compilation, out var generatorDiagnostics, cancellationToken);
            diagnostics.AddRange(generatorDiagnostics);
        }
        if (_analyzers.Length > 0)
        {
            var analyzed = compilation.WithAnalyzers(_analyzers, new AnalyzerOptions([], optionsProvider));
            diagnostics.AddRange(await analyzed.GetAllDiagnosticsAsync(cancellationToken));
        }
        else
            diagnostics.AddRange(compilation.GetDiagnostics(cancellationToken));

        using var image = new MemoryStream();
        using var symbols = new MemoryStream();
        using var documentation = new MemoryStream();
        using var api = new MemoryStream();
        var embedded = trees.Where(t => _arguments.EmbeddedFiles.Any(e => e.Path == t.FilePath)).Select(t => EmbeddedText.FromSource(t.FilePath, t.GetText(cancellationToken)));
        // An embedded PDB (the lessons' DebugType, so the graders' source review can read the code) goes inside the
        // image: Roslyn then takes no separate symbols stream.
        var separateSymbols = _arguments.EmitOptions.DebugInformationFormat == DebugInformationFormat.Embedded ? null : symbols;
        var emit = diagnostics.Any(IsError)
            ? null
            : compilation.Emit(image, separateSymbols, documentation, metadataPEStream: api, options: _arguments.EmitOptions.WithIncludePrivateMembers(false),
                embeddedTexts: embedded, cancellationToken: cancellationToken);
        if (emit is not null)
            diagnostics.AddRange(emit.Diagnostics.Where(d => !diagnostics.Contains(d)));

        var found = diagnostics.Where(IsError).ToList();
        // csc checks doc comments (CS1591 and its kin) only while emitting, which errors elsewhere prevent; so
        // does this compiler, or it would report more than `dotnet build` does.
        if (found.Any(d => !IsDocumentation(d)))
            found = [.. found.Where(d => !IsDocumentation(d))];
        var errors = found.Select(ToError).Distinct().ToList();
        if (errors.Count > 0 || emit is not { Success: true })
            return new InProcessCompilation(errors, null, null);
        return new InProcessCompilation([], Convert.ToHexString(SHA256.HashData(api.ToArray())),
            new CompiledAssembly(AssemblyName, image.ToArray(), symbols.ToArray(), documentation.ToArray()));
    }

    private static bool IsError(Diagnostic d) => d.Severity == DiagnosticSeverity.Error && !d.IsSuppressed;

    /// <summary>A diagnostic about XML doc comments (CS1570–CS1599, CS1710–CS1712, CS1723, CS1734, CS1735).</summary>
    private static bool IsDocumentation(Diagnostic d) =>
        d.Id.StartsWith("CS", StringComparison.Ordinal) && int.TryParse(d.Id.AsSpan(2), out var n)
        && (n is >= 1570 and <= 1599 or >= 1710 and <= 1712 or 1723 or 1734 or 1735);

    /// <summary>The error as MSBuild prints it: absolute file, 1-based line and column, code, message, project.</summary>
    private CompilerError ToError(Diagnostic d)
    {
        var span = d.Location.GetMappedLineSpan();
        var file = span.IsValid && span.Path.Length > 0 ? Path.GetFullPath(span.Path, _projectFolder) : null;
        return new CompilerError(file, file is null ? 0 : span.StartLinePosition.Line + 1, file is null ? 0 : span.StartLinePosition.Character + 1,
            d.Id, d.GetMessage(System.Globalization.CultureInfo.InvariantCulture), _projectFile);
    }

    /// <summary>Per-file diagnostic severities from .editorconfig and the SDK's global configs, as csc applies them.</summary>
    private sealed class TreeOptions(Dictionary<SyntaxTree, AnalyzerConfigOptionsResult> byTree, AnalyzerConfigOptionsResult global) : SyntaxTreeOptionsProvider
    {
        public override GeneratedKind IsGenerated(SyntaxTree tree, CancellationToken cancellationToken) =>
            byTree.TryGetValue(tree, out var o) && o.AnalyzerOptions.TryGetValue("generated_code", out var value)
                ? (bool.TryParse(value, out var generated) && generated ? GeneratedKind.MarkedGenerated : GeneratedKind.NotGenerated)
                : GeneratedKind.Unknown;

        public override bool TryGetDiagnosticValue(SyntaxTree tree, string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity)
        {
            severity = ReportDiagnostic.Default;
            return byTree.TryGetValue(tree, out var o) && o.TreeOptions.TryGetValue(diagnosticId, out severity);
        }

        public override bool TryGetGlobalDiagnosticValue(string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity) =>
            global.TreeOptions.TryGetValue(diagnosticId, out severity);
    }

    /// <summary>The options analyzers and generators read (build_property.*, per-file editorconfig keys).</summary>
    private sealed class AnalyzerOptionsProvider(Dictionary<SyntaxTree, AnalyzerConfigOptionsResult> byTree, AnalyzerConfigOptionsResult global) : AnalyzerConfigOptionsProvider
    {
        private static readonly AnalyzerConfigOptions Empty = new Options(ImmutableDictionary<string, string>.Empty);

        public override AnalyzerConfigOptions GlobalOptions { get; } = new Options(global.AnalyzerOptions);

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) =>
            byTree.TryGetValue(tree, out var o) ? new Options(global.AnalyzerOptions.SetItems(o.AnalyzerOptions)) : GlobalOptions;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Empty;

        private sealed class Options(ImmutableDictionary<string, string> values) : AnalyzerConfigOptions
        {
            public override bool TryGetValue(string key, out string value) => values.TryGetValue(key, out value!);
        }
    }

    /// <summary>Loads analyzer assemblies into this process; their Roslyn dependency resolves to the one loaded here.</summary>
    private sealed class AnalyzerLoader : IAnalyzerAssemblyLoader
    {
        public void AddDependencyLocation(string fullPath)
        {
        }

        public Assembly LoadFromPath(string fullPath) => Assembly.LoadFrom(fullPath);
    }
}
