using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace SessionAuth.Generators.Parsing;

/// <summary>
/// One symbol whose attributes apply to a server function (a type around its method, or the method) with those attributes
/// as <c>GetCustomAttributes(inherit: true)</c> reads them (<see cref="InheritedAttributes"/>): a base class's
/// <c>[Authorize]</c> is its derived class's, an overridden method's the override's.
/// </summary>
/// <remarks>
/// The one reading of a server function's attributes: its endpoint's metadata (<see cref="EndpointAttributes"/>), its guard
/// decision (<see cref="GuardDecision"/>), its rules (<see cref="SessionRuleParser"/>) and whether it preloads the session
/// are all taken from <see cref="Of"/>, so none of them can see an attribute another misses.
/// </remarks>
/// <param name="Symbol">The type or the method.</param>
/// <param name="Attributes">Its attributes, its own first, then those its ancestors pass on.</param>
internal sealed record AttributeCarrier(ISymbol Symbol, ImmutableArray<InheritedAttribute> Attributes)
{
    /// <summary>The carriers of <paramref name="method"/>'s attributes: the types around it, outermost first, then the method.</summary>
    public static IReadOnlyList<AttributeCarrier> Of(IMethodSymbol method)
    {
        var carriers = new List<AttributeCarrier>();
        for (var type = method.ContainingType; type is not null; type = type.ContainingType)
        {
            carriers.Insert(0, Read(type));
        }

        carriers.Add(Read(method));
        return carriers;

        static AttributeCarrier Read(ISymbol symbol) => new(symbol, [.. InheritedAttributes.WithOwners(symbol)]);
    }

    /// <summary>Whether one of the attributes is of <paramref name="attributeClass"/>.</summary>
    public bool Carries(INamedTypeSymbol? attributeClass) =>
        attributeClass is not null && Attributes.Any(a => KnownTypes.Is(a.Attribute.AttributeClass, attributeClass));
}
