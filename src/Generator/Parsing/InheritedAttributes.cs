using Microsoft.CodeAnalysis;

namespace SessionAuth.Generators.Parsing;

/// <summary>
/// <c>GetCustomAttributes(inherit: true)</c> read from symbols: what MVC reads on a controller and an action, SignalR on a
/// hub, Razor components on a page, minimal APIs on a handler method, and the generator on a server function and each type
/// around it.
/// </summary>
/// <remarks>
/// The runtime's rules (checked on .NET 10): a symbol's own attributes first, in declaration order, then those of each
/// ancestor in turn (the base classes of a type, the methods a method overrides), nearest first. An ancestor's attribute
/// is left out when its class's <c>AttributeUsage</c> says <c>Inherited = false</c>, and when it says
/// <c>AllowMultiple = false</c> and a nearer symbol already gave an attribute of that exact class. The runtime reads the
/// <c>AttributeUsage</c> declared on the attribute class itself, not one a base attribute class declares: a class without
/// its own is <c>Inherited = true, AllowMultiple = false</c> (<c>AttributeUsageAttribute.Default</c>), whatever the C#
/// compiler allowed on one symbol.
/// </remarks>
internal static class InheritedAttributes
{
    /// <summary>The attributes of a type or a method: its own, and the inheritable ones of its ancestors.</summary>
    public static IEnumerable<AttributeData> Of(ISymbol symbol)
    {
        foreach (var inherited in WithOwners(symbol))
        {
            yield return inherited.Attribute;
        }
    }

    /// <summary><see cref="Of"/>, each attribute with the symbol that declares it.</summary>
    public static IEnumerable<InheritedAttribute> WithOwners(ISymbol symbol)
    {
        // The classes given by nearer symbols: an ancestor's attribute that allows one per symbol is hidden by them.
        var nearer = new HashSet<ITypeSymbol>(SymbolEqualityComparer.Default);
        var level = new List<ITypeSymbol>();
        for (ISymbol? current = symbol; current is not null; current = Ancestor(current))
        {
            var inherited = !ReferenceEquals(current, symbol);
            foreach (var attribute in current.GetAttributes())
            {
                if (inherited && attribute.AttributeClass is { } attributeClass)
                {
                    var (allowMultiple, isInherited) = Usage(attributeClass);
                    if (!isInherited || (!allowMultiple && nearer.Contains(attributeClass)))
                    {
                        continue;
                    }
                }

                if (attribute.AttributeClass is { } given)
                {
                    level.Add(given);
                }

                yield return new InheritedAttribute(attribute, current);
            }

            nearer.UnionWith(level);
            level.Clear();
        }

        static ISymbol? Ancestor(ISymbol symbol) => symbol switch
        {
            INamedTypeSymbol type => type.BaseType,
            IMethodSymbol method => method.OverriddenMethod,
            _ => null,
        };
    }

    /// <summary>The <c>AttributeUsage</c> the attribute class itself declares, or the default the runtime takes without one.</summary>
    private static (bool AllowMultiple, bool Inherited) Usage(INamedTypeSymbol attributeClass)
    {
        foreach (var usage in attributeClass.GetAttributes())
        {
            if (usage.AttributeClass is { Name: nameof(AttributeUsageAttribute), ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } })
            {
                return (Named(usage, nameof(AttributeUsageAttribute.AllowMultiple), false), Named(usage, nameof(AttributeUsageAttribute.Inherited), true));
            }
        }

        return (false, true);

        static bool Named(AttributeData usage, string name, bool unset)
        {
            foreach (var argument in usage.NamedArguments)
            {
                if (argument.Key == name && argument.Value.Value is bool value)
                {
                    return value;
                }
            }

            return unset;
        }
    }
}

/// <summary>An attribute as <see cref="InheritedAttributes"/> reads it, with the symbol that declares it.</summary>
/// <param name="Attribute">The attribute.</param>
/// <param name="Owner">The symbol it is applied to: the one asked about, or a base class or overridden method of it.</param>
internal readonly record struct InheritedAttribute(AttributeData Attribute, ISymbol Owner);
