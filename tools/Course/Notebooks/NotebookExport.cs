using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SocketCourse.Notebooks;

namespace SocketCourse.Tool.Notebooks;

/// <summary>The exported program, and what may stop it compiling.</summary>
/// <param name="Source">The file-based app's text.</param>
/// <param name="Warnings">Things the notebook does that a plain C# file cannot (e.g. a variable declared twice).</param>
public sealed record ExportResult(string Source, IReadOnlyList<string> Warnings);

/// <summary>
/// Turns a notebook into a C# file-based app (<c>dotnet run file.cs</c>): code cells in order, markdown as
/// <c>//</c> comments. Notebook cells are C# script; a file is not, so the export moves <c>using</c>s to the top
/// and type declarations to the end, turns a cell's trailing expression into a <c>Console.WriteLine</c>, and
/// comments out kernel directives (<c>#r</c>, <c>#!</c>).
/// </summary>
public static class NotebookExport
{
    private static readonly CSharpParseOptions Script = new(LanguageVersion.Latest, kind: SourceCodeKind.Script);

    /// <summary>Exports <paramref name="cells"/>; <paramref name="notebookName"/> and <paramref name="runCommand"/> go in the header.</summary>
    public static ExportResult Export(IReadOnlyList<NotebookCell> cells, string notebookName, string runCommand)
    {
        var usings = new List<string>();
        var body = new StringBuilder();
        var types = new StringBuilder();
        var warnings = new List<string>();
        var declared = new Dictionary<string, int>();
        var usesDisplay = false;

        foreach (var cell in cells)
        {
            if (cell.IsMarkdown)
            {
                body.AppendLine();
                foreach (var line in Lines(cell.Source))
                    body.AppendLine(line.Length == 0 ? "//" : "// " + line);
                continue;
            }
            if (!cell.IsCode)
            {
                body.AppendLine().AppendLine($"// (cell {cell.Number} is in {cell.Language}, which a C# file cannot run; left out)");
                continue;
            }
            body.AppendLine().AppendLine($"// ── cell {cell.Number} ──");
            var (code, directives) = SplitDirectives(cell.Source);
            foreach (var directive in directives)
                body.AppendLine($"// (notebook directive, not needed in a file) {directive}");
            var root = CSharpSyntaxTree.ParseText(code, Script).GetCompilationUnitRoot();
            foreach (var u in root.Usings)
            {
                var text = u.ToString().Trim();
                if (!usings.Contains(text))
                    usings.Add(text);
            }
            foreach (var member in root.Members)
            {
                switch (member)
                {
                    case BaseTypeDeclarationSyntax or DelegateDeclarationSyntax or BaseNamespaceDeclarationSyntax:
                        types.AppendLine().AppendLine($"// (declared in cell {cell.Number}; a C# file declares types after its statements)");
                        types.AppendLine(member.ToFullString().Trim('\r', '\n'));
                        break;
                    case MethodDeclarationSyntax method:
                        body.AppendLine(WithoutAccessModifiers(method).ToFullString().Trim('\r', '\n'));
                        break;
                    case GlobalStatementSyntax { Statement: ExpressionStatementSyntax { SemicolonToken.IsMissing: true } expression }:
                        body.AppendLine($"Console.WriteLine({expression.Expression.ToString().Trim()});");
                        break;
                    default:
                        body.AppendLine(member.ToFullString().Trim('\r', '\n'));
                        break;
                }
                foreach (var name in DeclaredNames(member))
                {
                    if (declared.TryGetValue(name, out var earlier))
                        warnings.Add($"cell {cell.Number} declares '{name}' again (cell {earlier} did first): a notebook allows that, a C# file does not.");
                    else
                        declared[name] = cell.Number;
                }
            }
            usesDisplay |= root.DescendantNodes().OfType<InvocationExpressionSyntax>()
                .Any(i => i.Expression is IdentifierNameSyntax { Identifier.Text: "display" });
        }

        var file = new StringBuilder();
        file.AppendLine($"// {notebookName}, exported by the course tool as a C# file-based app.");
        file.AppendLine($"// Run it with: {runCommand}");
        file.AppendLine("// Each notebook cell follows its markdown, which is kept as comments; regenerate rather than edit.");
        file.AppendLine("#:property TreatWarningsAsErrors=false");
        file.AppendLine("#:property Nullable=enable");
        file.AppendLine();
        foreach (var u in usings)
            file.AppendLine(u);
        file.Append(body);
        if (usesDisplay)
        {
            file.AppendLine().AppendLine("// The notebook's display(...) prints a value; outside a notebook it is Console.WriteLine.");
            file.AppendLine("static void display(object? value) => Console.WriteLine(value);");
        }
        file.Append(types);
        return new ExportResult(file.ToString(), warnings);
    }

    /// <summary>Splits kernel directives (#r, #!, #i lines) from the C# of a cell.</summary>
    private static (string Code, List<string> Directives) SplitDirectives(string source)
    {
        var directives = new List<string>();
        var code = new StringBuilder();
        foreach (var line in Lines(source))
        {
            var trimmed = line.TrimStart();
            if (trimmed.StartsWith("#!", StringComparison.Ordinal) || trimmed.StartsWith("#r ", StringComparison.Ordinal) || trimmed.StartsWith("#i ", StringComparison.Ordinal))
                directives.Add(trimmed);
            else
                code.AppendLine(line);
        }
        return (code.ToString(), directives);
    }

    private static MethodDeclarationSyntax WithoutAccessModifiers(MethodDeclarationSyntax method)
    {
        var kept = method.Modifiers.Where(m => !m.IsKind(SyntaxKind.PublicKeyword) && !m.IsKind(SyntaxKind.PrivateKeyword)
            && !m.IsKind(SyntaxKind.InternalKeyword) && !m.IsKind(SyntaxKind.ProtectedKeyword));
        var result = method.WithModifiers(new SyntaxTokenList(kept));
        return method.Modifiers.Count > 0 && result.Modifiers.Count == 0
            ? result.WithLeadingTrivia(method.GetLeadingTrivia())
            : result;
    }

    private static IEnumerable<string> DeclaredNames(MemberDeclarationSyntax member) => member switch
    {
        GlobalStatementSyntax { Statement: LocalDeclarationStatementSyntax local } => local.Declaration.Variables.Select(v => v.Identifier.Text),
        FieldDeclarationSyntax field => field.Declaration.Variables.Select(v => v.Identifier.Text),
        MethodDeclarationSyntax method => [method.Identifier.Text],
        BaseTypeDeclarationSyntax type => [type.Identifier.Text],
        _ => [],
    };

    private static string[] Lines(string text) => text.Replace("\r\n", "\n").TrimEnd('\n').Split('\n');
}
