using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SessionAuth.Generators.Emitting;

namespace SessionAuth.Generators.Parsing;

/// <summary>
/// What generated code names when it maps a method: the method, the types around it, and every type in its signature
/// (type arguments, array elements and containing types too). Generated code lives in a file of its own, so each must
/// be reachable from there, and each may be <c>[Obsolete]</c> or <c>[Experimental]</c>, which would make the generated
/// reference warn or fail.
/// </summary>
internal static class SignatureTypes
{
    private const string ObsoleteAttribute = "System.ObsoleteAttribute";
    private const string ExperimentalAttribute = "System.Diagnostics.CodeAnalysis.ExperimentalAttribute";

    /// <summary>The compiler's warnings for a use of an [Obsolete] symbol, without and with a message.</summary>
    private static readonly string[] ObsoleteWarnings = ["CS0612", "CS0618"];

    /// <summary><paramref name="type"/> and every type it is built from, containing types included.</summary>
    public static IEnumerable<ITypeSymbol> TypesIn(ITypeSymbol type)
    {
        var seen = new HashSet<ITypeSymbol>(SymbolEqualityComparer.Default);
        var pending = new Stack<ITypeSymbol>();
        pending.Push(type);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            if (!seen.Add(current))
            {
                continue;
            }

            yield return current;
            switch (current)
            {
                case IArrayTypeSymbol array:
                    pending.Push(array.ElementType);
                    break;
                case IPointerTypeSymbol pointer:
                    pending.Push(pointer.PointedAtType);
                    break;
                case INamedTypeSymbol named:
                    foreach (var argument in named.TypeArguments)
                    {
                        pending.Push(argument);
                    }

                    if (named.ContainingType is { } containing)
                    {
                        pending.Push(containing);
                    }

                    break;
            }
        }
    }

    /// <summary>Why generated code could not name <paramref name="type"/>, or <see langword="null"/>.</summary>
    public static string? FindUnreachable(ITypeSymbol type, Compilation compilation)
    {
        foreach (var part in TypesIn(type))
        {
            if (part.TypeKind is TypeKind.Pointer or TypeKind.FunctionPointer)
            {
                return $"holds the pointer {part.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat)}, which only unsafe code can name";
            }

            // Generated code is in no generic type or method, so it has no type parameter to name (a rule nested in a
            // generic class, Outer<T>.Rule, found as declared).
            if (part.TypeKind == TypeKind.TypeParameter)
            {
                return $"names the type parameter {part.Name}, which generated code, outside the generic type, cannot name";
            }

            if (part is INamedTypeSymbol { IsFileLocal: true })
            {
                return $"uses the file-local type {part.Name}, which no other file can name";
            }

            if (!compilation.IsSymbolAccessibleWithin(part, compilation.Assembly))
            {
                return $"uses the type {part.Name}, which generated code cannot reach; make it internal or public";
            }
        }

        return null;
    }

    /// <summary>
    /// The warnings a generated reference to <paramref name="method"/> (and to <paramref name="alsoNamed"/>, what the
    /// construction of its attributes names) would raise and must disable: the [Obsolete] ones, and each [Experimental]
    /// diagnostic id; or, in <paramref name="problem"/>, why no generated code can reference it at all ([Obsolete] as an
    /// error).
    /// </summary>
    public static IReadOnlyList<string> WarningsOfUse(IMethodSymbol method, IEnumerable<ISymbol> alsoNamed, out string? problem)
    {
        var signature = method.Parameters.Select(static p => p.Type).Append(method.ReturnType)
            .Append(method.ContainingType)
            .SelectMany(TypesIn)
            .Distinct<ITypeSymbol>(SymbolEqualityComparer.Default)
            .ToList();
        var symbols = new List<ISymbol> { method };
        symbols.AddRange(signature);

        // A default value names an enum member.
        symbols.AddRange(signature.Where(static t => t.TypeKind == TypeKind.Enum).SelectMany(static t => t.GetMembers().OfType<IFieldSymbol>()));
        symbols.AddRange(alsoNamed);
        return WarningsOfUse(symbols, symbol => SymbolEqualityComparer.Default.Equals(symbol, method) ? "it" : $"{symbol.Name}, which generated code must name,", out problem);
    }

    /// <summary>
    /// The warnings generated code that names <paramref name="types"/> (each with the types it is built from: a rule
    /// <c>Both&lt;OldRule, Prefect&gt;</c> names <c>OldRule</c>) would raise and must disable; or, in
    /// <paramref name="problem"/>, why no generated code can name them.
    /// </summary>
    public static IReadOnlyList<string> WarningsOfUse(IEnumerable<ITypeSymbol> types, out string? problem) =>
        WarningsOfUse(types, static symbol => $"{symbol.Name}, which generated code must name,", out problem);

    /// <summary>
    /// The warnings a generated reference to <paramref name="type"/> (and to the types around it) would raise and must
    /// disable; or, in <paramref name="problem"/>, why no generated code can reference it at all.
    /// </summary>
    public static IReadOnlyList<string> WarningsOfUse(INamedTypeSymbol type, out string? problem) =>
        WarningsOfUse([type], symbol => SymbolEqualityComparer.Default.Equals(symbol, type) ? "it" : $"{symbol.Name}, which generated code must name,", out problem);

    /// <summary>The warnings of <paramref name="symbols"/>, a type among them with every type it is built from.</summary>
    private static List<string> WarningsOfUse(IEnumerable<ISymbol> symbols, Func<ISymbol, string> describe, out string? problem)
    {
        problem = null;
        var all = symbols.SelectMany(static s => s is ITypeSymbol type ? TypesIn(type).Cast<ISymbol>() : new[] { s }).Distinct(SymbolEqualityComparer.Default);
        var warnings = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var symbol in all)
        {
            foreach (var attribute in symbol.GetAttributes())
            {
                switch (attribute.AttributeClass?.ToDisplayString())
                {
                    case ObsoleteAttribute when attribute.ConstructorArguments.Length == 2 && attribute.ConstructorArguments[1].Value is true:
                        problem = $"{describe(symbol)} is [Obsolete] as an error, so no code may use it, generated code included";
                        return [];
                    case ObsoleteAttribute when attribute.NamedArguments.FirstOrDefault(static a => a.Key == "DiagnosticId").Value.Value is string { Length: > 0 } id:
                        // [Obsolete(DiagnosticId = "X")] is reported under its own id rather than CS0618, which generated
                        // code disables by name; a #pragma names an identifier, or a number it reads as a CS warning.
                        if (!SyntaxFacts.IsValidIdentifier(id))
                        {
                            problem = $"{describe(symbol)} is [Obsolete] with the DiagnosticId {CSharpText.Literal(id)}, which no #pragma warning disable can name, so generated code that uses it would warn; make the id an identifier";
                            return [];
                        }

                        warnings.Add(id);
                        break;
                    case ObsoleteAttribute:
                        warnings.UnionWith(ObsoleteWarnings);
                        break;
                    case ExperimentalAttribute when attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is string id:
                        // The compiler accepts only an identifier as the id (CS9211), which a pragma can name.
                        warnings.Add(id);
                        break;
                }
            }
        }

        return warnings.ToList();
    }
}
