using Microsoft.CodeAnalysis;
using SessionAuth.Generators.Model;
using SessionAuth.Generators.Parsing;

namespace SessionAuth.Generators.Analyzers;

/// <summary>
/// A value a two-argument rule's <c>Argument</c> can name: a parameter of a server function, handler or action, or a
/// parameter property of a routable component; with, for an endpoint guarded through metadata, why <c>UseSessionAuth()</c>
/// could not find it among the route values and the query string under its name.
/// </summary>
/// <param name="Name">The name <c>Argument</c> gives (<c>nameof(...)</c>).</param>
/// <param name="Type">Its declared type.</param>
/// <param name="Describe">How messages name it: <c>parameter 'house'</c>.</param>
/// <param name="NotFromRouteOrQuery">Why it is not one route or query value under its own name, or <see langword="null"/> when it is.</param>
internal sealed record RuleValue(string Name, ITypeSymbol Type, string Describe, string? NotFromRouteOrQuery)
{
    public static RuleValue Of(IParameterSymbol parameter, AnalyzerSymbols symbols)
    {
        var binding = BindingAttribute.Read(parameter, symbols.Known);
        var source = binding.Source switch
        {
            AttributeSource.Route or AttributeSource.Query => Renamed(binding.Name, parameter.Name, binding.DisplayName) ?? NotText(parameter.Type, symbols),
            AttributeSource.None => NotText(parameter.Type, symbols),
            _ => $"is bound from [{binding.DisplayName}]",
        };
        return new RuleValue(parameter.Name, parameter.Type, $"parameter '{parameter.Name}'", NeverBound(parameter, symbols) ?? BoundByModelBinder(parameter, symbols) ?? RenamedByMvc(parameter, symbols) ?? source);
    }

    /// <summary>Why MVC does not bind the parameter at all: <c>[BindNever]</c> (a <c>BindingBehaviorAttribute</c> of <c>BindingBehavior.Never</c>).</summary>
    private static string? NeverBound(IParameterSymbol parameter, AnalyzerSymbols symbols)
    {
        // BindingBehavior.Never; [BindNever] passes it to its base's constructor, where no AttributeData shows it.
        const int never = 1;
        return parameter.GetAttributes().FirstOrDefault(a => KnownTypes.Is(a.AttributeClass, symbols.BindNever)
                || (ControllerActions.Inherits(a.AttributeClass, symbols.BindingBehaviorAttribute) && a.ConstructorArguments.Length == 1 && a.ConstructorArguments[0].Value is never)) is { } attribute
            ? $"is [{KnownTypes.AttributeName(attribute.AttributeClass!)}]: MVC does not bind it, so the action gets its default value whatever the request says"
            : null;
    }

    /// <summary>
    /// Why MVC binds the parameter with a model binder of the app's own: <c>[ModelBinder(typeof(...))]</c> (any
    /// <c>IBinderTypeProviderMetadata</c> that names a binder type) on the parameter or on its type. Such a binder may read
    /// the value from anywhere (a header, a cookie, the body) and under any name.
    /// </summary>
    private static string? BoundByModelBinder(IParameterSymbol parameter, AnalyzerSymbols symbols)
    {
        foreach (var (attributes, where) in new[] { (parameter.GetAttributes(), string.Empty), (parameter.Type.GetAttributes(), $" on its type {parameter.Type.Name}") })
        {
            foreach (var attribute in attributes)
            {
                if (attribute.AttributeClass is { } type && KnownTypes.Implements(type, symbols.BinderTypeProvider) && BinderType(attribute) is { } binder)
                {
                    return $"is bound by the model binder {binder.Name} ([{KnownTypes.AttributeName(type)}(typeof({binder.Name}))]{where}), which can read the value from anywhere in the request";
                }
            }
        }

        return null;

        static ITypeSymbol? BinderType(AttributeData attribute) =>
            attribute.NamedArguments.FirstOrDefault(static n => n.Key == "BinderType").Value.Value as ITypeSymbol
            ?? attribute.ConstructorArguments.Select(static a => a.Value).OfType<ITypeSymbol>().FirstOrDefault();
    }

    /// <summary>
    /// Why MVC may bind the parameter under another name than its own: <c>[ModelBinder(Name = ...)]</c>,
    /// <c>[Bind(Prefix = ...)]</c>, or a binding attribute of the app's own, whose name is set where the analyzer cannot
    /// read it (a constructor argument, a computed property).
    /// </summary>
    private static string? RenamedByMvc(IParameterSymbol parameter, AnalyzerSymbols symbols)
    {
        foreach (var attribute in parameter.GetAttributes())
        {
            if (attribute.AttributeClass is not { } type)
            {
                continue;
            }

            var named = attribute.NamedArguments;
            if (KnownTypes.Is(type, symbols.MvcBind))
            {
                return Renamed(named.FirstOrDefault(static n => n.Key == "Prefix").Value.Value as string, parameter.Name, "Bind");
            }

            var isBinding = KnownTypes.Implements(type, symbols.ModelNameProvider) || KnownTypes.Implements(type, symbols.Known.FromQueryMetadata)
                || KnownTypes.Implements(type, symbols.Known.FromRouteMetadata);
            if (!isBinding)
            {
                continue;
            }

            if (!type.ToDisplayString().StartsWith("Microsoft.AspNetCore.", StringComparison.Ordinal))
            {
                return $"is bound through [{type.Name}], a binding attribute of the app's own, whose name is not known until run time; UseSessionAuth() looks the argument up by the name '{parameter.Name}'";
            }

            if (named.FirstOrDefault(static n => n.Key == "Name").Value.Value is string name && Renamed(name, parameter.Name, type.Name) is { } renamed)
            {
                return renamed;
            }
        }

        return null;
    }

    /// <summary>
    /// A component property: a <c>[Parameter]</c> is a route value when every route of the component names it (routing
    /// compares without case); a <c>[SupplyParameterFromQuery]</c> is a query value. Any other property is no value.
    /// </summary>
    public static RuleValue? Of(IPropertySymbol property, IReadOnlyList<RouteTemplate?> routes, AnalyzerSymbols symbols)
    {
        var attributes = property.GetAttributes();
        var describe = $"property '{property.Name}'";
        if (attributes.FirstOrDefault(a => KnownTypes.Is(a.AttributeClass, symbols.SupplyParameterFromQuery)) is { } query)
        {
            var name = query.NamedArguments.FirstOrDefault(static n => n.Key == "Name").Value.Value as string;
            return new RuleValue(property.Name, property.Type, describe, Renamed(name, property.Name, "SupplyParameterFromQuery") ?? NotText(property.Type, symbols));
        }

        if (!attributes.Any(a => KnownTypes.Is(a.AttributeClass, symbols.ComponentParameter)))
        {
            return null;
        }

        var missing = routes.Count(r => r is null || !r.ParameterNames.Contains(property.Name));
        var source = missing == 0 ? NotText(property.Type, symbols)
            : missing == routes.Count ? $"is a [Parameter] that no route of the component names ({{{property.Name}}})"
            : $"is a [Parameter] that only some routes of the component name ({{{property.Name}}}), so on the others the rule would have no argument";
        return new RuleValue(property.Name, property.Type, describe, source);
    }

    private static string? Renamed(string? boundName, string name, string attribute) =>
        boundName is null || string.Equals(boundName, name, StringComparison.OrdinalIgnoreCase)
            ? null
            : $"is bound under the name '{boundName}' ([{attribute}(Name = \"{boundName}\")]), but UseSessionAuth() looks the argument up by the name '{name}'";

    /// <summary>Why a value of <paramref name="type"/> is not one route or query value: only text is (a string, an enum, an <c>IParsable&lt;T&gt;</c>, or one of those nullable).</summary>
    private static string? NotText(ITypeSymbol type, AnalyzerSymbols symbols)
    {
        var (kind, value, _) = ParameterParser.ClassifyText(type, symbols.Known);
        return kind != TextKind.None
            ? null
            : $"is a {value.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat)}, which is no single route or query value (those are strings, enums and IParsable types): it comes from the body, services or the request itself";
    }
}
