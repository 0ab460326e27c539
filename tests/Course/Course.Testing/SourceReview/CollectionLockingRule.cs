using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SocketCourse.Testing;

/// <summary>
/// <see cref="ReviewRule.CollectionChangedOutsideItsLock"/>: a field of a collection type that is not thread-safe
/// (Dictionary, List, HashSet, Queue, Stack, the Sorted ones, LinkedList, PriorityQueue), changed or enumerated under a
/// lock in one place, so the author knows threads share it, and changed or enumerated outside any lock in another.
/// Reads of one value (<c>Count</c>, <c>ContainsKey</c>, <c>TryGetValue</c>, an indexer read) are left alone: at
/// worst stale, and flagging them would fail correct code that reads a count for a message.
/// </summary>
internal static class CollectionLockingRule
{
    private static readonly HashSet<string> UnsafeCollections =
        ["Dictionary", "List", "HashSet", "Queue", "Stack", "SortedDictionary", "SortedList", "SortedSet", "LinkedList", "PriorityQueue"];

    private static readonly HashSet<string> Changes =
        ["Add", "AddRange", "AddFirst", "AddLast", "AddBefore", "AddAfter", "TryAdd", "Insert", "InsertRange",
         "Remove", "RemoveAt", "RemoveAll", "RemoveRange", "RemoveWhere", "RemoveFirst", "RemoveLast", "TryRemove", "Clear",
         "Enqueue", "EnqueueRange", "Dequeue", "TryDequeue", "EnqueueDequeue", "DequeueEnqueue", "Push", "Pop", "TryPop",
         "Sort", "Reverse", "TrimExcess", "UnionWith", "IntersectWith", "ExceptWith", "SymmetricExceptWith"];

    private static readonly HashSet<string> Enumerations =
        ["ToArray", "ToList", "ToDictionary", "ToHashSet", "ToLookup", "CopyTo", "GetEnumerator", "ForEach", "Select", "SelectMany",
         "Where", "All", "First", "FirstOrDefault", "Last", "LastOrDefault", "Single", "SingleOrDefault", "OrderBy",
         "OrderByDescending", "Order", "OrderDescending", "GroupBy", "Distinct", "Concat", "Zip", "Aggregate", "Sum", "Min",
         "Max", "MinBy", "MaxBy", "Skip", "Take", "Join", "Except", "Intersect", "Union", "AsParallel"];

    public static IEnumerable<Finding> Check(ReviewedType type)
    {
        foreach (var field in type.Fields.Values.Where(f => UnsafeCollections.Contains(f.TypeName)))
        {
            var uses = type.References(field.Name)
                .Select(r => (Node: r, What: Use(r)))
                .Where(u => u.What is not null)
                .Select(u => (u.Node, u.What, Context: type.ContextOf(u.Node)))
                .ToList();
            var locked = uses.Where(u => u.Context == LockContext.Locked).ToList();
            var unlocked = uses.Where(u => u.Context == LockContext.Unlocked).ToList();
            if (locked.Count == 0 || unlocked.Count == 0) continue;

            var line = ReviewedType.LineOf(unlocked[0].Node);
            yield return new Finding(ReviewRule.CollectionChangedOutsideItsLock, type.File, line, type.Name, field.Name,
                $"{field.Name} (a {field.TypeName}, which is not thread-safe) is used under a lock ({Places(locked)}) but " +
                $"outside any lock ({Places(unlocked)}). Threads share it, so every change and every enumeration must hold that " +
                $"same lock: two threads inside a {field.TypeName} at once can corrupt it for good (a lost entry, a broken " +
                $"chain, an endless loop), and no test can make them meet on demand. Take the lock the others take: {Example(locked, unlocked[0].Node)}, " +
                "or use a thread-safe collection (ConcurrentDictionary) everywhere.");
        }
    }

    // `lock (_gate) { _clients.Remove(client); }`: the unprotected statement inside the lock a protected use takes.
    private static string Example(IEnumerable<(ExpressionSyntax Node, string? What, LockContext Context)> locked, ExpressionSyntax unprotected)
    {
        var gate = locked.Select(u => u.Node.Ancestors().OfType<LockStatementSyntax>().FirstOrDefault()?.Expression.ToString())
            .FirstOrDefault(g => g is not null) ?? "_gate";
        var statement = unprotected.Ancestors().OfType<StatementSyntax>().FirstOrDefault()?.ToString().Trim();
        return statement is not null && statement.Length <= 80 && !statement.Contains('\n')
            ? $"`lock ({gate}) {{ {statement} }}`"
            : $"`lock ({gate}) {{ … }}` around line {ReviewedType.LineOf(unprotected)}";
    }

    private static string Places(IEnumerable<(ExpressionSyntax Node, string? What, LockContext Context)> uses) =>
        string.Join(", ", uses.Select(u => $"{u.What} at line {ReviewedType.LineOf(u.Node)}"));

    /// <summary>How <paramref name="field"/> is used here when it is a change or an enumeration (e.g. <c>`_clients.Remove(…)`</c>), else null.</summary>
    private static string? Use(ExpressionSyntax field)
    {
        // The keys or values of a dictionary enumerate it just the same.
        var view = field.Parent is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Keys" or "Values" } keysOrValues
                   && keysOrValues.Expression == field ? keysOrValues : field;
        switch (field.Parent)
        {
            case MemberAccessExpressionSyntax { Parent: InvocationExpressionSyntax call } access
                when access.Expression == field && call.Expression == access && Changes.Contains(access.Name.Identifier.ValueText):
                return $"`{access}(…)`";
            case ElementAccessExpressionSyntax element when element.Expression == field && IsWritten(element):
                return $"`{field}[…] =`";
        }
        return view.Parent switch
        {
            MemberAccessExpressionSyntax { Parent: InvocationExpressionSyntax call } access
                when access.Expression == view && call.Expression == access && Enumerations.Contains(access.Name.Identifier.ValueText)
                => $"`{access}(…)`",
            CommonForEachStatementSyntax loop when loop.Expression == view => $"`foreach (… in {view})`",
            SpreadElementSyntax => $"`[.. {view}]`",
            ArgumentSyntax { Parent: ArgumentListSyntax { Parent: ObjectCreationExpressionSyntax or ImplicitObjectCreationExpressionSyntax } } => $"a copy of {view}",
            ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Join" or "Concat" } join } } }
                => $"`{join}(…, {view})`",
            _ => null,
        };
    }

    private static bool IsWritten(ExpressionSyntax target) => target.Parent switch
    {
        AssignmentExpressionSyntax assignment => assignment.Left == target,
        PrefixUnaryExpressionSyntax or PostfixUnaryExpressionSyntax =>
            target.Parent.Kind() is SyntaxKind.PreIncrementExpression or SyntaxKind.PreDecrementExpression
                or SyntaxKind.PostIncrementExpression or SyntaxKind.PostDecrementExpression,
        _ => false,
    };
}
