using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SocketCourse.Testing;

/// <summary>
/// One class (struct, record) under review, from its syntax alone: its fields, where each is named, and whether a
/// place in its code runs under a lock (<see cref="LockScopes"/>). Nested types are reviewed on their own.
/// </summary>
internal sealed class ReviewedType
{
    private readonly LockScopes _scopes;

    public ReviewedType(TypeDeclarationSyntax declaration, string file)
    {
        Declaration = declaration;
        File = file;
        Name = declaration.Identifier.ValueText;
        OwnNodes = [.. declaration.DescendantNodes(n => n == declaration || n is not BaseTypeDeclarationSyntax)];
        Fields = declaration.Members.OfType<FieldDeclarationSyntax>()
            .SelectMany(f => f.Declaration.Variables.Select(v => new ReviewedField(
                v.Identifier.ValueText,
                f.Declaration.Type,
                IsStatic: f.Modifiers.Any(SyntaxKind.StaticKeyword) || f.Modifiers.Any(SyntaxKind.ConstKeyword),
                IsConst: f.Modifiers.Any(SyntaxKind.ConstKeyword),
                IsThreadStatic: f.AttributeLists.SelectMany(a => a.Attributes).Any(a => a.Name.ToString() is "ThreadStatic" or "ThreadStaticAttribute"
                    or "System.ThreadStatic" or "System.ThreadStaticAttribute"))))
            .GroupBy(f => f.Name).ToDictionary(g => g.Key, g => g.First());
        Abstention = SynchronisationNotFollowed(OwnNodes);
        _scopes = new LockScopes(this);
    }

    public TypeDeclarationSyntax Declaration { get; }
    public string File { get; }
    public string Name { get; }

    /// <summary>The type's own syntax nodes (not those of types nested in it).</summary>
    public IReadOnlyList<SyntaxNode> OwnNodes { get; }

    public IReadOnlyDictionary<string, ReviewedField> Fields { get; }

    /// <summary>
    /// Why the review says nothing about this type (a synchronisation construct it cannot follow), or null. A rule
    /// that cannot see which code a Monitor.Enter, a semaphore or a reader-writer lock protects would report
    /// correct code, so it abstains: a missed mistake is better than a correct solution failed.
    /// </summary>
    public string? Abstention { get; }

    /// <summary>Whether <paramref name="node"/> runs under a lock, before any thread exists, or unprotected.</summary>
    public LockContext ContextOf(SyntaxNode node) => _scopes.ContextOf(node);

    public static int LineOf(SyntaxNode node) => node.GetLocation().GetLineSpan().StartLinePosition.Line + 1;

    /// <summary>
    /// Every place the type's own code names the field <paramref name="name"/> (as <c>x</c>, <c>this.x</c> or
    /// <c>TypeName.x</c>), as the expression that stands for the field there. A parameter or local of the same name
    /// hides the field in its method: those methods are left out.
    /// </summary>
    public IEnumerable<ExpressionSyntax> References(string name) =>
        OwnNodes.OfType<IdentifierNameSyntax>().Where(i => i.Identifier.ValueText == name).Select(ReferenceOf).OfType<ExpressionSyntax>();

    /// <summary>The expression that names a member of this type through <paramref name="id"/>, or null when it names something else.</summary>
    public ExpressionSyntax? ReferenceOf(IdentifierNameSyntax id)
    {
        ExpressionSyntax reference = id;
        switch (id.Parent)
        {
            case MemberAccessExpressionSyntax access when access.Name == id:
                var ownAccess = access.Expression is ThisExpressionSyntax
                    || access.Expression is IdentifierNameSyntax owner && owner.Identifier.ValueText == Name;
                if (!ownAccess) return null;
                reference = access;
                break;
            case NameColonSyntax or NameEqualsSyntax or MemberBindingExpressionSyntax or QualifiedNameSyntax:
                return null;
            case AssignmentExpressionSyntax { Parent: InitializerExpressionSyntax } assignment when assignment.Left == id:
                return null; // `new T { X = … }` sets the new object's X
        }
        return IsHiddenByALocal(id) ? null : reference;
    }

    private static bool IsHiddenByALocal(IdentifierNameSyntax id)
    {
        var member = id.Ancestors().OfType<MemberDeclarationSyntax>().FirstOrDefault();
        if (member is null or FieldDeclarationSyntax) return false;
        var name = id.Identifier.ValueText;
        return member.DescendantNodes().Any(n => n switch
        {
            ParameterSyntax p => p.Identifier.ValueText == name,
            VariableDeclaratorSyntax v => v.Identifier.ValueText == name,
            SingleVariableDesignationSyntax d => d.Identifier.ValueText == name,
            ForEachStatementSyntax f => f.Identifier.ValueText == name,
            _ => false,
        });
    }

    // Constructs whose protected region a syntax review cannot follow: Monitor.Enter/Exit pairs, Lock.EnterScope,
    // semaphores, mutexes, spin locks, reader-writer locks, [MethodImpl(Synchronized)].
    private static readonly HashSet<string> OtherSynchronisationTypes =
        ["SpinLock", "SemaphoreSlim", "Semaphore", "Mutex", "ReaderWriterLock", "ReaderWriterLockSlim", "Synchronized"];

    private static readonly HashSet<string> OtherSynchronisationCalls =
        ["Enter", "TryEnter", "EnterScope", "EnterReadLock", "EnterWriteLock", "EnterUpgradeableReadLock", "WaitOne"];

    private static string? SynchronisationNotFollowed(IEnumerable<SyntaxNode> nodes)
    {
        foreach (var node in nodes)
        {
            switch (node)
            {
                case IdentifierNameSyntax or GenericNameSyntax when OtherSynchronisationTypes.Contains(((SimpleNameSyntax)node).Identifier.ValueText):
                    return ((SimpleNameSyntax)node).Identifier.ValueText;
                case MemberAccessExpressionSyntax { Parent: InvocationExpressionSyntax } access
                    when OtherSynchronisationCalls.Contains(access.Name.Identifier.ValueText):
                    return access.ToString();
            }
        }
        return null;
    }
}
