using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SocketCourse.Testing;

/// <summary>A field of a reviewed type, as declared.</summary>
/// <param name="Name">Its name.</param>
/// <param name="Type">Its declared type.</param>
/// <param name="IsStatic">Declared static: one for the whole program.</param>
/// <param name="IsConst">A constant (never written).</param>
/// <param name="IsThreadStatic">Marked [ThreadStatic]: one per thread.</param>
internal sealed record ReviewedField(string Name, TypeSyntax Type, bool IsStatic, bool IsConst, bool IsThreadStatic)
{
    /// <summary>The type's own name without namespace or type arguments: <c>Dictionary</c> for <c>Dictionary&lt;Socket, Thread&gt;</c>.</summary>
    public string TypeName => SimpleName(Type);

    private static string SimpleName(TypeSyntax type) => type switch
    {
        NullableTypeSyntax n => SimpleName(n.ElementType),
        QualifiedNameSyntax q => q.Right.Identifier.ValueText,
        AliasQualifiedNameSyntax a => a.Name.Identifier.ValueText,
        SimpleNameSyntax s => s.Identifier.ValueText,
        PredefinedTypeSyntax p => p.Keyword.ValueText,
        _ => type.ToString(),
    };
}
