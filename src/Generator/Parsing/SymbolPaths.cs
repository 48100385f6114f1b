using Microsoft.CodeAnalysis;

namespace SessionAuth.Generators.Parsing;

/// <summary>
/// A type's namespace and type names as declared, without the '@' of a keyword (<c>Shop.@event.@class</c> is
/// <c>Shop.event.class</c>), joined by dots: what generated file and method names are made of, which an '@' would break.
/// </summary>
internal static class SymbolPaths
{
    /// <summary>The namespace and type names around and including <paramref name="type"/>.</summary>
    public static string Of(INamedTypeSymbol type) => Join(type, stopAtNamespace: false);

    /// <summary>The type names only: <c>Outer.Inner</c>.</summary>
    public static string OfTypes(INamedTypeSymbol type) => Join(type, stopAtNamespace: true);

    /// <summary>
    /// How diagnostics name a type: its name with its type parameters (<c>Outer&lt;T&gt;</c>), so that a generic type
    /// never reads like the type of the same name beside it.
    /// </summary>
    public static string DisplayName(INamedTypeSymbol type) =>
        type.TypeParameters.Length == 0 ? type.Name : $"{type.Name}<{string.Join(", ", type.TypeParameters.Select(static t => t.Name))}>";

    private static string Join(INamedTypeSymbol type, bool stopAtNamespace)
    {
        var names = new Stack<string>();
        for (ISymbol? current = type; current is not null and not INamespaceSymbol { IsGlobalNamespace: true }; current = current.ContainingSymbol)
        {
            if (stopAtNamespace && current is INamespaceSymbol)
            {
                break;
            }

            names.Push(current.Name);
        }

        return string.Join(".", names);
    }
}
