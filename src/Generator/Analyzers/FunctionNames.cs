using Microsoft.CodeAnalysis;
using SessionAuth.Generators.Parsing;

namespace SessionAuth.Generators.Analyzers;

/// <summary>
/// How diagnostics name a server function: <c>Type.Method</c> with nested types joined by dots, as the generator
/// names it, a generic type with its type parameters (<c>Outer&lt;T&gt;.Call</c>); with its parameter types when the type has overloads, so that two functions never read alike; and for a
/// local function or lambda, where it is.
/// </summary>
internal static class FunctionNames
{
    public static string Of(IMethodSymbol method)
    {
        switch (method.MethodKind)
        {
            case MethodKind.LocalFunction:
                return $"{Container(method.ContainingSymbol)}.{method.Name}";
            case MethodKind.AnonymousFunction:
                return $"lambda in {Container(method.ContainingSymbol)}";
        }

        var name = $"{TypePath(method.ContainingType)}.{method.Name}";
        var overloads = method.ContainingType?.GetMembers(method.Name).OfType<IMethodSymbol>().Count() ?? 0;
        return overloads > 1 ? $"{name}({string.Join(", ", method.Parameters.Select(p => p.Type.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat)))})" : name;
    }

    private static string Container(ISymbol symbol) => symbol switch
    {
        IMethodSymbol { Name: WellKnownMemberNames.TopLevelStatementsEntryPointMethodName } => "top-level statements",
        IMethodSymbol { MethodKind: MethodKind.LocalFunction or MethodKind.AnonymousFunction } nested => Of(nested),
        { ContainingType: { } type } => $"{TypePath(type)}.{symbol.Name}",
        _ => symbol.Name,
    };

    private static string TypePath(INamedTypeSymbol? type)
    {
        var names = new Stack<string>();
        for (var current = type; current is not null; current = current.ContainingType)
        {
            // An extension block has no name: its members are named by the static class around it.
            if (!current.IsExtension)
            {
                names.Push(SymbolPaths.DisplayName(current));
            }
        }

        return string.Join(".", names);
    }
}
