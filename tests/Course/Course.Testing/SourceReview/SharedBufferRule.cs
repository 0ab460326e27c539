using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SocketCourse.Testing;

/// <summary>
/// <see cref="ReviewRule.StaticBufferSharedByThreads"/>: a static array field (not const, not [ThreadStatic]; a
/// ThreadLocal is not an array field) that a Receive or Read call fills, passed directly, through
/// <c>AsSpan</c>/<c>AsMemory</c>/<c>Slice</c>/a range/<c>new Span</c>, or through a local variable that can hold it.
/// A static field is one for the whole program, so every thread running that call fills the same bytes. A call under
/// a lock is left alone (the lock makes the threads take turns).
/// </summary>
internal static class SharedBufferRule
{
    private static readonly HashSet<string> Fills =
        ["Receive", "ReceiveFrom", "ReceiveMessageFrom", "ReceiveAsync", "ReceiveFromAsync", "ReceiveMessageFromAsync",
         "Read", "ReadAsync", "ReadExactly", "ReadExactlyAsync", "ReadAtLeast", "ReadAtLeastAsync", "ReadBlock", "ReadBlockAsync"];

    private static readonly HashSet<string> Views = ["AsSpan", "AsMemory", "Slice"];

    public static IEnumerable<Finding> Check(ReviewedType type)
    {
        var shared = type.Fields.Values.Where(f => f.IsStatic && !f.IsConst && !f.IsThreadStatic && f.Type is ArrayTypeSyntax).ToList();
        if (shared.Count == 0) yield break;
        foreach (var call in type.OwnNodes.OfType<InvocationExpressionSyntax>())
        {
            var name = call.Expression switch
            {
                MemberAccessExpressionSyntax a => a.Name.Identifier.ValueText,
                SimpleNameSyntax s => s.Identifier.ValueText,
                _ => "",
            };
            if (!Fills.Contains(name) || type.ContextOf(call) != LockContext.Unlocked) continue;
            foreach (var field in shared)
            {
                if (!call.ArgumentList.Arguments.Any(a => MayBe(type, a.Expression, field.Name, []))) continue;
                var line = ReviewedType.LineOf(call);
                yield return new Finding(ReviewRule.StaticBufferSharedByThreads, type.File, line, type.Name, field.Name,
                    $"`{call}` receives into {field.Name}, a static array: one for the whole program. Every thread that runs " +
                    "this code fills the same bytes: while one thread is still decoding " +
                    "what it received, another's Receive overwrites them, and a client gets a message meant for another. It " +
                    "happens only when two calls meet within microseconds, so tests cannot show it on demand. Give each call a " +
                    "buffer of its own: `var buffer = new byte[maxMessageBytes];` inside the method (a local belongs to one " +
                    "call, so to one thread).");
            }
        }
    }

    /// <summary>Whether <paramref name="expression"/> can be the field <paramref name="field"/>, or a view of it.</summary>
    private static bool MayBe(ReviewedType type, ExpressionSyntax expression, string field, HashSet<string> localsSeen) => expression switch
    {
        ParenthesizedExpressionSyntax p => MayBe(type, p.Expression, field, localsSeen),
        CastExpressionSyntax c => MayBe(type, c.Expression, field, localsSeen),
        PostfixUnaryExpressionSyntax bang => MayBe(type, bang.Operand, field, localsSeen), // buffer!
        ConditionalExpressionSyntax c => MayBe(type, c.WhenTrue, field, localsSeen) || MayBe(type, c.WhenFalse, field, localsSeen),
        BinaryExpressionSyntax coalesce => MayBe(type, coalesce.Left, field, localsSeen) || MayBe(type, coalesce.Right, field, localsSeen),
        ElementAccessExpressionSyntax range => MayBe(type, range.Expression, field, localsSeen),
        InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax view } call when Views.Contains(view.Name.Identifier.ValueText) =>
            MayBe(type, view.Expression, field, localsSeen) || call.ArgumentList.Arguments.Take(1).Any(a => MayBe(type, a.Expression, field, localsSeen)),
        BaseObjectCreationExpressionSyntax { ArgumentList.Arguments: [var first, ..] } => MayBe(type, first.Expression, field, localsSeen),
        MemberAccessExpressionSyntax { Name: IdentifierNameSyntax name } when name.Identifier.ValueText == field => type.ReferenceOf(name) is not null,
        IdentifierNameSyntax id when id.Identifier.ValueText == field && type.ReferenceOf(id) is not null => true,
        IdentifierNameSyntax local => localsSeen.Add(local.Identifier.ValueText) && ValuesOf(local).Any(v => MayBe(type, v, field, localsSeen)),
        _ => false,
    };

    /// <summary>What the local variable <paramref name="local"/> is set to in its method: its initialiser and every assignment.</summary>
    private static IEnumerable<ExpressionSyntax> ValuesOf(IdentifierNameSyntax local)
    {
        var name = local.Identifier.ValueText;
        var method = local.Ancestors().FirstOrDefault(a => a is MemberDeclarationSyntax or LocalFunctionStatementSyntax);
        if (method is null) yield break;
        foreach (var node in method.DescendantNodes())
        {
            if (node is VariableDeclaratorSyntax { Initializer.Value: var initial } declarator && declarator.Identifier.ValueText == name)
                yield return initial;
            else if (node is AssignmentExpressionSyntax { Left: IdentifierNameSyntax target } assignment && target.Identifier.ValueText == name)
                yield return assignment.Right;
        }
    }
}
