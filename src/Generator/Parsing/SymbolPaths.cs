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
