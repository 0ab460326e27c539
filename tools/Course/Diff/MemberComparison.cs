using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SocketCourse.Tool.Diff;

/// <summary>How one member (method, constructor, property, field...) compares between the learner's code and the solution.</summary>
public enum MemberVerdict
{
    /// <summary>The same code, apart from layout, comments and doc comments.</summary>
    Same,

    /// <summary>Written differently.</summary>
    Different,

    /// <summary>Only the solution has it.</summary>
    OnlyInSolution,

    /// <summary>Only the learner's code has it.</summary>
    OnlyInYours,
}

/// <summary>One member's comparison, and what the solution does there that the learner's code does not.</summary>
/// <param name="Member">The member, e.g. "ByteStream.SendAllAsync(Socket, ReadOnlyMemory&lt;byte&gt;, CancellationToken)".</param>
/// <param name="Verdict">Same, different, or on one side only.</param>
/// <param name="SolutionOnly">Calls (and calls inside loops) the solution makes that yours does not, e.g. "Shutdown", "SendAsync in a loop".</param>
/// <param name="YoursOnly">The same the other way round.</param>
public sealed record MemberDifference(string Member, MemberVerdict Verdict, IReadOnlyList<string> SolutionOnly, IReadOnlyList<string> YoursOnly);

/// <summary>
/// Compares two versions of a lesson's code member by member with Roslyn's syntax trees, so that the order of the
/// members, the files they are in, layout, comments and doc comments do not drown the change that matters.
/// </summary>
public static class MemberComparison
{
    /// <summary>Compares the members of <paramref name="yours"/> with those of <paramref name="solution"/> (C# sources, any number of files).</summary>
    public static IReadOnlyList<MemberDifference> Compare(IEnumerable<string> yours, IEnumerable<string> solution)
    {
        var mine = Members(yours);
        var theirs = Members(solution);
        var result = new List<MemberDifference>();
        foreach (var (key, member) in theirs)
        {
            if (!mine.TryGetValue(key, out var own))
                result.Add(new MemberDifference(key, MemberVerdict.OnlyInSolution, Compact(Calls(member)), []));
            else if (Tokens(own) == Tokens(member))
                result.Add(new MemberDifference(key, MemberVerdict.Same, [], []));
            else
            {
                var solutionCalls = Calls(member);
                var yourCalls = Calls(own);
                result.Add(new MemberDifference(key, MemberVerdict.Different,
                    Compact(solutionCalls.Except(yourCalls)), Compact(yourCalls.Except(solutionCalls))));
            }
        }
        foreach (var (key, member) in mine.Where(m => !theirs.ContainsKey(m.Key)))
            result.Add(new MemberDifference(key, MemberVerdict.OnlyInYours, [], Compact(Calls(member))));
        return result;
    }

    /// <summary>Every member of every type in the sources, by a name that survives reordering: Type.Member(parameter types).</summary>
    private static Dictionary<string, MemberDeclarationSyntax> Members(IEnumerable<string> sources)
    {
        var members = new Dictionary<string, MemberDeclarationSyntax>(StringComparer.Ordinal);
        foreach (var source in sources)
        {
            var root = CSharpSyntaxTree.ParseText(source).GetRoot();
            foreach (var type in root.DescendantNodes().OfType<BaseTypeDeclarationSyntax>())
            {
                var typeName = string.Join(".", type.AncestorsAndSelf().OfType<BaseTypeDeclarationSyntax>().Reverse().Select(t => t.Identifier.Text));
                if (type is EnumDeclarationSyntax e)
                {
                    members.TryAdd(typeName, e);
                    continue;
                }
                foreach (var member in ((TypeDeclarationSyntax)type).Members)
                {
                    foreach (var name in Names(member))
                        members.TryAdd($"{typeName}.{name}", member);
                }
                if (type is TypeDeclarationSyntax { ParameterList: { } primary })
                    members.TryAdd($"{typeName}{Parameters(primary)}", type); // a primary constructor
            }
        }
        return members;
    }

    private static IEnumerable<string> Names(MemberDeclarationSyntax member) => member switch
    {
        MethodDeclarationSyntax m => [$"{m.Identifier.Text}{Generic(m.TypeParameterList)}{Parameters(m.ParameterList)}"],
        ConstructorDeclarationSyntax c => [$"{c.Identifier.Text}{Parameters(c.ParameterList)}"],
        PropertyDeclarationSyntax p => [p.Identifier.Text],
        IndexerDeclarationSyntax i => [$"this[{string.Join(", ", i.ParameterList.Parameters.Select(p => p.Type?.ToString()))}]"],
        BaseFieldDeclarationSyntax f => f.Declaration.Variables.Select(v => v.Identifier.Text),
        EventDeclarationSyntax ev => [ev.Identifier.Text],
        OperatorDeclarationSyntax o => [$"operator {o.OperatorToken.Text}{Parameters(o.ParameterList)}"],
        ConversionOperatorDeclarationSyntax c => [$"operator {c.Type}{Parameters(c.ParameterList)}"],
        DestructorDeclarationSyntax d => [$"~{d.Identifier.Text}()"],
        _ => [], // nested types are compared as types of their own
    };

    private static string Parameters(BaseParameterListSyntax list) =>
        "(" + string.Join(", ", list.Parameters.Select(p => p.Type?.ToString() ?? p.Identifier.Text)) + ")";

    private static string Generic(TypeParameterListSyntax? list) => list is null ? "" : $"<{string.Join(", ", list.Parameters.Select(p => p.Identifier.Text))}>";

    /// <summary>The member's code as tokens: layout, comments and doc comments (trivia) left out.</summary>
    private static string Tokens(SyntaxNode member) =>
        string.Join(" ", member.DescendantTokens().Where(t => !t.IsKind(SyntaxKind.EndOfFileToken)).Select(t => t.Text));

    /// <summary>
    /// What the member calls or creates ("Shutdown", "new UTF8Encoding"), plus "X in a loop" for each call made
    /// inside a loop: the difference between one SendAsync and a loop around it.
    /// </summary>
    private static List<string> Calls(SyntaxNode member)
    {
        var calls = new List<string>();
        foreach (var node in member.DescendantNodes())
        {
            var name = node switch
            {
                InvocationExpressionSyntax i => Name(i.Expression),
                ObjectCreationExpressionSyntax o => "new " + Name(o.Type),
                _ => null,
            };
            if (name is null or "nameof")
                continue;
            if (!calls.Contains(name))
                calls.Add(name);
            var inLoop = node.Ancestors().TakeWhile(a => a != member).Any(a => a is ForStatementSyntax or ForEachStatementSyntax or WhileStatementSyntax or DoStatementSyntax);
            if (inLoop && !calls.Contains(name + " in a loop"))
                calls.Add(name + " in a loop");
        }
        return calls;
    }

    /// <summary>"X" and "X in a loop" together say no more than "X in a loop".</summary>
    private static List<string> Compact(IEnumerable<string> calls)
    {
        var list = calls.ToList();
        return [.. list.Where(c => !list.Contains(c + " in a loop"))];
    }

    private static string? Name(ExpressionSyntax expression) => expression switch
    {
        MemberAccessExpressionSyntax m => m.Name.Identifier.Text,
        MemberBindingExpressionSyntax b => b.Name.Identifier.Text,
        GenericNameSyntax g => g.Identifier.Text,
        IdentifierNameSyntax n => n.Identifier.Text,
        QualifiedNameSyntax q => q.Right.Identifier.Text,
        _ => null,
    };
}
