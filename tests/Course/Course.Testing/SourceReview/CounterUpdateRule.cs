using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SocketCourse.Testing;

/// <summary>
/// <see cref="ReviewRule.CounterUpdatedWithoutSynchronisation"/>: a numeric field updated atomically in one place
/// (an <c>Interlocked</c> call, or any update under a lock), so the author knows threads share it, and with a plain
/// <c>++</c>, <c>--</c>, compound assignment or assignment outside any lock in another. Reads are left alone
/// (<c>Volatile.Read</c>, or a plain read of an int, which is atomic), and so are updates in a constructor.
/// </summary>
internal static class CounterUpdateRule
{
    private static readonly HashSet<string> Numbers =
        ["int", "long", "uint", "ulong", "short", "ushort", "byte", "sbyte", "nint", "nuint", "float", "double", "decimal",
         "Int32", "Int64", "UInt32", "UInt64", "Int16", "UInt16", "Byte", "SByte", "IntPtr", "UIntPtr", "Single", "Double", "Decimal"];

    public static IEnumerable<Finding> Check(ReviewedType type)
    {
        foreach (var field in type.Fields.Values.Where(f => !f.IsConst && !f.IsThreadStatic && Numbers.Contains(f.TypeName)))
        {
            var updates = type.References(field.Name)
                .Select(r => (Node: r, How: Update(r)))
                .Where(u => u.How is not null)
                .Select(u => (u.Node, How: u.How!.Value, Context: type.ContextOf(u.Node)))
                .Where(u => u.Context != LockContext.Setup)
                .ToList();
            var atomic = updates.Where(u => u.How.Interlocked || u.Context == LockContext.Locked).ToList();
            var plain = updates.Where(u => !u.How.Interlocked && u.Context == LockContext.Unlocked).ToList();
            if (atomic.Count == 0 || plain.Count == 0) continue;

            var first = plain[0];
            yield return new Finding(ReviewRule.CounterUpdatedWithoutSynchronisation, type.File, ReviewedType.LineOf(first.Node), type.Name, field.Name,
                $"{field.Name} is updated safely in one place ({string.Join(", ", atomic.Select(Describe))}) but with a plain " +
                $"{string.Join(", ", plain.Select(Describe))}. Threads share it, and a plain update is three steps (read, change, " +
                "write back): two threads doing it at once both read the same value, and one update is lost for good. No test can " +
                $"make two threads meet there on demand. Make every update atomic: Interlocked.Increment(ref {field.Name}) and " +
                $"Interlocked.Decrement(ref {field.Name}) (Interlocked.Add, Interlocked.Exchange for the others), or every update " +
                "under the same lock.");
        }
    }

    private static string Describe((ExpressionSyntax Node, (string Text, bool Interlocked) How, LockContext Context) update) =>
        update.How.Interlocked ? $"{update.How.Text} at line {ReviewedType.LineOf(update.Node)}"
        : update.Context == LockContext.Locked ? $"`{update.How.Text}` under a lock at line {ReviewedType.LineOf(update.Node)}"
        : $"`{update.How.Text}` outside any lock at line {ReviewedType.LineOf(update.Node)}";

    /// <summary>How <paramref name="field"/> is updated here (<c>Interlocked.Increment</c>, <c>++</c>, <c>+=</c>, <c>=</c>…), or null when it is only read.</summary>
    private static (string Text, bool Interlocked)? Update(ExpressionSyntax field) => field.Parent switch
    {
        ArgumentSyntax { RefKindKeyword.ValueText: "ref", Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax call } } }
            when call.Expression.ToString() is "Interlocked" or "System.Threading.Interlocked" && call.Name.Identifier.ValueText != "Read"
            => ($"Interlocked.{call.Name.Identifier.ValueText}", true),
        PrefixUnaryExpressionSyntax unary when unary.Kind() is SyntaxKind.PreIncrementExpression or SyntaxKind.PreDecrementExpression
            => (unary.OperatorToken.ValueText, false),
        PostfixUnaryExpressionSyntax unary when unary.Kind() is SyntaxKind.PostIncrementExpression or SyntaxKind.PostDecrementExpression
            => (unary.OperatorToken.ValueText, false),
        AssignmentExpressionSyntax assignment when assignment.Left == field => (assignment.OperatorToken.ValueText, false),
        _ => null,
    };
}
