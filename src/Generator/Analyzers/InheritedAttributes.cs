using Microsoft.CodeAnalysis;

namespace SessionAuth.Generators.Analyzers;

/// <summary>
/// <c>GetCustomAttributes(inherit: true)</c> read from symbols: what MVC reads on a controller and an action, SignalR on a
/// hub and Razor components on a page.
/// </summary>
internal static class InheritedAttributes
{
    /// <summary>
    /// The attributes of a type or a method: its own, and the inheritable ones of its ancestors (the base classes of a type,
    /// the methods a method overrides).
    /// </summary>
    public static IEnumerable<AttributeData> Of(ISymbol symbol)
    {
        foreach (var attribute in symbol.GetAttributes())
        {
            yield return attribute;
        }

        for (var ancestor = Ancestor(symbol); ancestor is not null; ancestor = Ancestor(ancestor))
        {
            foreach (var attribute in ancestor.GetAttributes())
            {
                if (IsInheritable(attribute))
                {
                    yield return attribute;
                }
            }
        }

        static ISymbol? Ancestor(ISymbol symbol) => symbol switch
        {
            INamedTypeSymbol type => type.BaseType,
            IMethodSymbol method => method.OverriddenMethod,
            _ => null,
        };
    }

    /// <summary>The attribute class's <c>AttributeUsage(Inherited = ...)</c>, itself inherited from its base classes; true when none says.</summary>
    private static bool IsInheritable(AttributeData attribute)
    {
        for (var type = attribute.AttributeClass; type is not null; type = type.BaseType)
        {
            foreach (var usage in type.GetAttributes())
            {
                if (usage.AttributeClass is { Name: nameof(AttributeUsageAttribute), ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } })
                {
                    return !usage.NamedArguments.Any(static n => n.Key == nameof(AttributeUsageAttribute.Inherited) && n.Value.Value is false);
                }
            }
        }

        return true;
    }
}
