using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SocketCourse.Testing;

/// <summary>Where a piece of code runs, as far as locks go.</summary>
internal enum LockContext
{
    /// <summary>In a constructor or a field initialiser: before any other thread can see the object.</summary>
    Setup,

    /// <summary>Inside a <c>lock</c> statement, or in a helper only ever called under one.</summary>
    Locked,

    /// <summary>Anywhere else: another thread may run the same or related code at the same moment.</summary>
    Unlocked,
}

/// <summary>
/// Decides, from syntax alone, whether code runs under a lock. Inside a <c>lock (…) { … }</c> statement it does; so
/// does a private method or local function whose every call in the type is itself under a lock (or in a
/// constructor), found by iterating to a fixed point. A lambda (or method group) written inside a lock counts as
/// inside, which can only hide a mistake, never invent one, except a lambda handed to something that starts a thread
/// or runs it later (<c>new Thread</c>, <c>Task.Run</c>, <c>ThreadPool.QueueUserWorkItem</c>, <c>ContinueWith</c>,
/// <c>new Timer</c>, a cancellation callback): that one runs elsewhere, after the lock is released.
/// </summary>
internal sealed class LockScopes
{
    private static readonly HashSet<string> ThreadStartingTypes = ["Thread", "Timer"];
    private static readonly HashSet<string> ThreadStartingCalls =
        ["Run", "StartNew", "QueueUserWorkItem", "UnsafeQueueUserWorkItem", "ContinueWith", "RegisterWaitForSingleObject", "Register", "UnsafeRegister"];

    // Private methods and local functions by name (overloads share one verdict: the worst of their calls).
    private readonly Dictionary<string, LockContext> _helpers = [];

    public LockScopes(ReviewedType type)
    {
        var helpers = type.OwnNodes.Where(IsHelper).Select(NameOf).ToHashSet();
        var calls = helpers.ToDictionary(h => h, h => type.OwnNodes.OfType<IdentifierNameSyntax>()
            .Where(i => i.Identifier.ValueText == h && type.ReferenceOf(i) is not null).ToList());

        // Start from the best case (every helper runs during setup) and let each helper's calls make it worse until
        // nothing changes: the greatest set of helpers the code proves protected, recursion included.
        foreach (var helper in helpers)
            _helpers[helper] = calls[helper].Count == 0 ? LockContext.Unlocked : LockContext.Setup;
        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var helper in helpers)
            {
                var worst = calls[helper].Select(ContextOfReference).DefaultIfEmpty(LockContext.Unlocked).Max();
                if (worst > _helpers[helper])
                {
                    _helpers[helper] = worst;
                    changed = true;
                }
            }
        }
    }

    /// <inheritdoc cref="ReviewedType.ContextOf"/>
    public LockContext ContextOf(SyntaxNode node)
    {
        var insideALambda = false;
        var child = node;
        for (var parent = node.Parent; parent is not null; child = parent, parent = parent.Parent)
        {
            switch (parent)
            {
                case LockStatementSyntax lockStatement when lockStatement.Statement == child:
                    return LockContext.Locked;
                case AnonymousFunctionExpressionSyntax lambda:
                    if (RunsElsewhere(lambda)) return LockContext.Unlocked;
                    insideALambda = true;
                    break;
                case LocalFunctionStatementSyntax local:
                    return Helper(local.Identifier.ValueText, insideALambda);
                case MethodDeclarationSyntax method:
                    return IsHelper(method) ? Helper(method.Identifier.ValueText, insideALambda) : LockContext.Unlocked;
                case ConstructorDeclarationSyntax:
                    return insideALambda ? LockContext.Unlocked : LockContext.Setup;
                case EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent.Parent: FieldDeclarationSyntax } }:
                case EqualsValueClauseSyntax { Parent: PropertyDeclarationSyntax }:
                    return insideALambda ? LockContext.Unlocked : LockContext.Setup;
                case MemberDeclarationSyntax:
                    return LockContext.Unlocked;
            }
        }
        return LockContext.Unlocked;
    }

    private LockContext Helper(string name, bool insideALambda)
    {
        var context = _helpers.GetValueOrDefault(name, LockContext.Unlocked);
        return context == LockContext.Setup && insideALambda ? LockContext.Unlocked : context;
    }

    // A call (or a method group handed on) counts where it is written, unless it is handed to something that runs it
    // on another thread.
    private LockContext ContextOfReference(IdentifierNameSyntax reference)
    {
        SyntaxNode named = reference.Parent is MemberAccessExpressionSyntax access && access.Name == reference ? access : reference;
        if (named.Parent is not InvocationExpressionSyntax && named is ExpressionSyntax group && RunsElsewhere(group))
            return LockContext.Unlocked;
        return ContextOf(reference);
    }

    private static bool RunsElsewhere(ExpressionSyntax code)
    {
        if (code.Parent is not ArgumentSyntax { Parent: ArgumentListSyntax { Parent: var callOrCreation } }) return false;
        return callOrCreation switch
        {
            ObjectCreationExpressionSyntax creation => ThreadStartingTypes.Contains(SimpleName(creation.Type)),
            ImplicitObjectCreationExpressionSyntax implicitCreation => implicitCreation.Parent is EqualsValueClauseSyntax
            {
                Parent: VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax declaration },
            } && ThreadStartingTypes.Contains(SimpleName(declaration.Type)),
            InvocationExpressionSyntax invocation => invocation.Expression switch
            {
                MemberAccessExpressionSyntax a => ThreadStartingCalls.Contains(a.Name.Identifier.ValueText),
                SimpleNameSyntax s => ThreadStartingCalls.Contains(s.Identifier.ValueText),
                _ => false,
            },
            _ => false,
        };
    }

    private static string SimpleName(TypeSyntax type) => type switch
    {
        QualifiedNameSyntax q => q.Right.Identifier.ValueText,
        SimpleNameSyntax s => s.Identifier.ValueText,
        _ => type.ToString(),
    };

    // Private (explicitly, or by default) ordinary methods, and local functions: code only this type can call.
    private static bool IsHelper(SyntaxNode node) => node switch
    {
        LocalFunctionStatementSyntax => true,
        MethodDeclarationSyntax m => m.ExplicitInterfaceSpecifier is null
            && !m.Modifiers.Any(k => k.Kind() is SyntaxKind.PublicKeyword or SyntaxKind.InternalKeyword or SyntaxKind.ProtectedKeyword
                or SyntaxKind.OverrideKeyword or SyntaxKind.VirtualKeyword or SyntaxKind.AbstractKeyword or SyntaxKind.ExternKeyword)
            && m.Parent is ClassDeclarationSyntax or StructDeclarationSyntax or RecordDeclarationSyntax,
        _ => false,
    };

    private static string NameOf(SyntaxNode helper) => helper switch
    {
        LocalFunctionStatementSyntax l => l.Identifier.ValueText,
        MethodDeclarationSyntax m => m.Identifier.ValueText,
        _ => "",
    };
}
