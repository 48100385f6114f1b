using Microsoft.CodeAnalysis;
using SessionAuth.Generators.Parsing;

namespace SessionAuth.Generators.Analyzers;

/// <summary>Which types MVC takes as controllers and which of their methods as actions, read from symbols.</summary>
internal static class ControllerActions
{
    internal static bool IsController(INamedTypeSymbol type, AnalyzerSymbols symbols)
    {
        if (type.TypeKind != TypeKind.Class || type.IsAbstract || type.IsStatic || type.IsGenericType
            || type.DeclaredAccessibility != Accessibility.Public || (symbols.ControllerBase is null && symbols.ControllerAttribute is null))
        {
            return false;
        }

        var isController = false;
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (current.GetAttributes().Any(a => Inherits(a.AttributeClass, symbols.NonControllerAttribute)))
            {
                return false;
            }

            isController |= KnownTypes.Is(current, symbols.ControllerBase)
                || current.GetAttributes().Any(a => Inherits(a.AttributeClass, symbols.ControllerAttribute));
        }

        return isController;
    }

    /// <summary>
    /// Whether MVC routes <paramref name="action"/> by attribute: a route template (<c>[Route("...")]</c>,
    /// <c>[HttpGet("...")]</c>, any <c>IRouteTemplateProvider</c> given a template) on the action, a method it overrides,
    /// its controller or a base class. A template-less <c>[HttpGet]</c> only constrains the verb of a conventional route.
    /// </summary>
    internal static bool IsAttributeRouted(INamedTypeSymbol controller, IMethodSymbol action, AnalyzerSymbols symbols)
    {
        for (var method = action; method is not null; method = method.OverriddenMethod)
        {
            if (HasRouteTemplate(method, symbols))
            {
                return true;
            }
        }

        for (var type = controller; type is not null; type = type.BaseType)
        {
            if (HasRouteTemplate(type, symbols))
            {
                return true;
            }
        }

        return false;

        static bool HasRouteTemplate(ISymbol symbol, AnalyzerSymbols symbols) => symbol.GetAttributes().Any(a =>
            a.AttributeClass is { } type && KnownTypes.Implements(type, symbols.RouteTemplateProvider)
            && (a.ConstructorArguments.Any(static c => c.Value is string)
                || a.NamedArguments.Any(static n => n.Key == "Template" && n.Value.Value is string)));
    }

    internal static bool IsAction(IMethodSymbol method, AnalyzerSymbols symbols) =>
        method.MethodKind == MethodKind.Ordinary
        && method.DeclaredAccessibility == Accessibility.Public
        && !method.IsStatic
        && !method.IsGenericMethod
        && !(method.IsOverride && method.OverriddenMethod?.ContainingType.SpecialType == SpecialType.System_Object)
        && !method.GetAttributes().Any(a => Inherits(a.AttributeClass, symbols.NonActionAttribute));

    internal static bool Inherits(INamedTypeSymbol? type, INamedTypeSymbol? baseType)
    {
        for (var current = type; current is not null && baseType is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current, baseType))
            {
                return true;
            }
        }

        return false;
    }
}
