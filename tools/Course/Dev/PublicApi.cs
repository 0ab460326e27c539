using System.Reflection;
using System.Runtime.InteropServices;

namespace SocketCourse.Tool.Dev;

/// <summary>
/// The public surface of a built assembly, read from its metadata (nothing of it runs): one line per public type and
/// one per public or protected member, in C#-like text, so two builds can be compared line by line. Nullability
/// annotations and attributes are left out; parameter names and default values are in, since callers can use them.
/// </summary>
public static class PublicApi
{
    /// <summary>One line of the surface: the type it belongs to, and the type's or the member's declaration.</summary>
    public sealed record Entry(string Type, string Declaration)
    {
        /// <summary>Whether this line declares the type itself rather than one of its members.</summary>
        public bool IsType => Declaration.StartsWith("type ", StringComparison.Ordinal);
    }

    /// <summary>The surface of the assembly at <paramref name="path"/>, sorted.</summary>
    public static IReadOnlyList<Entry> Describe(string path)
    {
        var references = Directory.GetFiles(RuntimeEnvironment.GetRuntimeDirectory(), "*.dll")
            .Concat(Directory.GetFiles(Path.GetDirectoryName(Path.GetFullPath(path))!, "*.dll"))
            .GroupBy(Path.GetFileName, StringComparer.OrdinalIgnoreCase)
            .Select(g => g.First());
        using var context = new MetadataLoadContext(new PathAssemblyResolver(references), "System.Private.CoreLib");
        var assembly = context.LoadFromAssemblyPath(Path.GetFullPath(path));
        var entries = new List<Entry>();
        foreach (var type in assembly.GetTypes().Where(IsVisible))
        {
            var name = TypeName(type);
            entries.Add(new Entry(name, "type " + Header(type)));
            entries.AddRange(Members(type).Select(m => new Entry(name, m)));
        }
        return [.. entries.Distinct().OrderBy(e => e.Type, StringComparer.Ordinal).ThenBy(e => e.Declaration, StringComparer.Ordinal)];
    }

    /// <summary>
    /// The differences between two surfaces, as sentences: a whole type once (not each of its members), and a member
    /// by its declaration. <paramref name="leftName"/> and <paramref name="rightName"/> say which build is which.
    /// </summary>
    public static IReadOnlyList<string> Compare(IReadOnlyList<Entry> left, IReadOnlyList<Entry> right, string leftName, string rightName)
    {
        var differences = new List<string>();
        Missing(left, right, leftName, rightName);
        Missing(right, left, rightName, leftName);
        return differences;

        void Missing(IReadOnlyList<Entry> have, IReadOnlyList<Entry> other, string haveName, string otherName)
        {
            var otherSet = other.ToHashSet();
            var otherTypes = other.Where(e => e.IsType).Select(e => e.Type).ToHashSet(StringComparer.Ordinal);
            foreach (var entry in have.Where(e => !otherSet.Contains(e)))
            {
                if (entry.IsType && !otherTypes.Contains(entry.Type))
                    differences.Add($"public type {entry.Type} is in the {haveName} but not in the {otherName}");
                else if (entry.IsType)
                    differences.Add($"{entry.Type} is declared \"{entry.Declaration[5..]}\" in the {haveName} but not in the {otherName}");
                else if (otherTypes.Contains(entry.Type))
                    differences.Add($"{entry.Type}: \"{entry.Declaration}\" is in the {haveName} but not in the {otherName}");
            }
        }
    }

    private static bool IsVisible(Type type) =>
        type.IsPublic || (type.IsNestedPublic || type.IsNestedFamily || type.IsNestedFamORAssem) && IsVisible(type.DeclaringType!);

    private static string Header(Type type)
    {
        var kind = type.IsEnum ? "enum" : type.IsInterface ? "interface" : type.IsValueType ? "struct"
            : type.BaseType?.FullName == "System.MulticastDelegate" ? "delegate" : "class";
        var modifiers = kind != "class" ? "" : type.IsAbstract && type.IsSealed ? "static " : type.IsAbstract ? "abstract " : type.IsSealed ? "sealed " : "";
        var bases = new List<string>();
        if (kind == "class" && type.BaseType is { FullName: not "System.Object" } baseType) bases.Add(TypeName(baseType));
        if (kind == "enum") bases.Add(TypeName(type.GetEnumUnderlyingType()));
        if (kind is not ("enum" or "delegate")) bases.AddRange(type.GetInterfaces().Select(TypeName).Order(StringComparer.Ordinal));
        return $"{modifiers}{kind} {TypeName(type)}" + (bases.Count > 0 ? " : " + string.Join(", ", bases) : "");
    }

    private static IEnumerable<string> Members(Type type)
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        if (type.IsEnum)
        {
            foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.Static))
                yield return $"{field.Name} = {field.GetRawConstantValue()}";
            yield break;
        }
        foreach (var field in type.GetFields(all).Where(f => Visible(f.IsPublic, f.IsFamily, f.IsFamilyOrAssembly)))
        {
            var modifier = field.IsLiteral ? $"const " : field.IsStatic ? "static " : "";
            var readOnly = field.IsInitOnly ? "readonly " : "";
            var value = field.IsLiteral ? " = " + Literal(field.GetRawConstantValue()) : "";
            yield return $"{Access(field.IsPublic)}{modifier}{readOnly}field {TypeName(field.FieldType)} {field.Name}{value}";
        }
        foreach (var constructor in type.GetConstructors(all).Where(c => Visible(c.IsPublic, c.IsFamily, c.IsFamilyOrAssembly)))
            yield return $"{Access(constructor.IsPublic)}{(constructor.IsStatic ? "static " : "")}constructor({Parameters(constructor.GetParameters())})";
        foreach (var method in type.GetMethods(all).Where(m => Visible(m.IsPublic, m.IsFamily, m.IsFamilyOrAssembly) && !IsAccessor(m)))
        {
            var generic = method.IsGenericMethodDefinition ? "<" + string.Join(", ", method.GetGenericArguments().Select(a => a.Name)) + ">" : "";
            yield return $"{Access(method.IsPublic)}{MethodModifiers(method)}method {TypeName(method.ReturnType)} {method.Name}{generic}({Parameters(method.GetParameters())})";
        }
        foreach (var property in type.GetProperties(all))
        {
            var accessors = new List<string>();
            if (property.GetMethod is { } get && Visible(get.IsPublic, get.IsFamily, get.IsFamilyOrAssembly))
                accessors.Add(Access(get.IsPublic) + "get;");
            if (property.SetMethod is { } set && Visible(set.IsPublic, set.IsFamily, set.IsFamilyOrAssembly))
                accessors.Add(Access(set.IsPublic) + (IsInitOnly(set) ? "init;" : "set;"));
            if (accessors.Count == 0) continue;
            var accessor = property.GetMethod ?? property.SetMethod!;
            var indexer = property.GetIndexParameters() is { Length: > 0 } index ? $"[{Parameters(index)}]" : "";
            yield return $"{MethodModifiers(accessor)}property {TypeName(property.PropertyType)} {property.Name}{indexer} {{ {string.Join(" ", accessors)} }}";
        }
        foreach (var @event in type.GetEvents(all).Where(e => e.AddMethod is { } add && Visible(add.IsPublic, add.IsFamily, add.IsFamilyOrAssembly)))
            yield return $"{Access(@event.AddMethod!.IsPublic)}{MethodModifiers(@event.AddMethod)}event {TypeName(@event.EventHandlerType!)} {@event.Name}";
    }

    private static bool Visible(bool isPublic, bool isFamily, bool isFamilyOrAssembly) => isPublic || isFamily || isFamilyOrAssembly;

    private static string Access(bool isPublic) => isPublic ? "" : "protected ";

    private static bool IsAccessor(MethodInfo method) =>
        method.IsSpecialName && (method.Name.StartsWith("get_", StringComparison.Ordinal) || method.Name.StartsWith("set_", StringComparison.Ordinal)
                                 || method.Name.StartsWith("add_", StringComparison.Ordinal) || method.Name.StartsWith("remove_", StringComparison.Ordinal));

    private static bool IsInitOnly(MethodInfo setter)
    {
        try
        {
            return setter.ReturnParameter.GetRequiredCustomModifiers().Any(m => m.FullName == "System.Runtime.CompilerServices.IsExternalInit");
        }
        catch (NotSupportedException)
        {
            return false;
        }
    }

    private static string MethodModifiers(MethodInfo method) =>
        method.IsStatic ? "static " : method.IsAbstract ? "abstract " : method.IsVirtual && !method.IsFinal ? "virtual " : "";

    private static string Parameters(ParameterInfo[] parameters) => string.Join(", ", parameters.Select(p =>
    {
        var type = p.ParameterType;
        var prefix = "";
        if (type.IsByRef)
        {
            prefix = p.IsOut ? "out " : p.IsIn ? "in " : "ref ";
            type = type.GetElementType()!;
        }
        if (p.GetCustomAttributesData().Any(a => a.AttributeType.FullName == "System.ParamArrayAttribute")) prefix += "params ";
        var defaultValue = p.HasDefaultValue ? " = " + Literal(p.RawDefaultValue) : "";
        return $"{prefix}{TypeName(type)} {p.Name}{defaultValue}";
    }));

    private static string Literal(object? value) => value switch
    {
        null => "null",
        string s => $"\"{s}\"",
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>A type as C# writes it, with namespaces: System.Threading.Tasks.Task&lt;int&gt;, int[], Outer.Inner.</summary>
    public static string TypeName(Type type)
    {
        if (type.IsGenericParameter) return type.Name;
        if (type.IsArray) return TypeName(type.GetElementType()!) + "[" + new string(',', type.GetArrayRank() - 1) + "]";
        if (type.IsByRef) return "ref " + TypeName(type.GetElementType()!);
        if (type.IsPointer) return TypeName(type.GetElementType()!) + "*";
        if (Keyword(type.FullName) is { } keyword) return keyword;
        if (type.IsGenericType && type.GetGenericTypeDefinition().FullName == "System.Nullable`1")
            return TypeName(type.GetGenericArguments()[0]) + "?";
        var name = type.Name;
        var tick = name.IndexOf('`');
        if (tick >= 0) name = name[..tick];
        var prefix = type.IsNested ? TypeName(type.DeclaringType!.IsGenericTypeDefinition ? type.DeclaringType : type.DeclaringType) + "."
            : string.IsNullOrEmpty(type.Namespace) ? "" : type.Namespace + ".";
        var arguments = type.IsGenericType
            ? "<" + string.Join(", ", type.GetGenericArguments().Skip(type.IsNested ? type.DeclaringType!.GetGenericArguments().Length : 0).Select(TypeName)) + ">"
            : "";
        return prefix + name + (arguments == "<>" ? "" : arguments);
    }

    private static string? Keyword(string? fullName) => fullName switch
    {
        "System.Void" => "void", "System.Object" => "object", "System.String" => "string", "System.Boolean" => "bool",
        "System.Byte" => "byte", "System.SByte" => "sbyte", "System.Char" => "char", "System.Int16" => "short",
        "System.UInt16" => "ushort", "System.Int32" => "int", "System.UInt32" => "uint", "System.Int64" => "long",
        "System.UInt64" => "ulong", "System.Single" => "float", "System.Double" => "double", "System.Decimal" => "decimal",
        "System.IntPtr" => "nint", "System.UIntPtr" => "nuint",
        _ => null,
    };
}
