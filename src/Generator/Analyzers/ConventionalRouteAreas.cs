using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SessionAuth.Generators.Parsing;

namespace SessionAuth.Generators.Analyzers;

/// <summary>
/// The <c>area</c> route value of a conventionally routed action, as MVC gives it: from an <c>[Area("...")]</c> (any
/// <c>IRouteValueProvider</c>) on the action, else on its controller, inherited as <c>GetCustomAttributes(inherit: true)</c>
/// reads them.
/// </summary>
/// <remarks>
/// Once any action has an area, MVC gives every action an <c>area</c> route value, null for those without one, and a
/// conventional route makes an endpoint for an action only when its pattern can hold the action's route values
/// (<c>RoutePatternTransformer.SubstituteRequiredValues</c>): see <see cref="AreaReach"/>.
/// </remarks>
internal readonly record struct ActionArea
{
    private const string AreaAttribute = "Microsoft.AspNetCore.Mvc.AreaAttribute";
    private const string RouteValueProvider = "Microsoft.AspNetCore.Mvc.Routing.IRouteValueProvider";

    private ActionArea(bool known, string? name)
    {
        IsKnown = known;
        Name = name;
    }

    /// <summary>No area: the action is reached by the routes that hold no area.</summary>
    public static ActionArea None { get; } = new(known: true, name: null);

    /// <summary>Route values that are not read here (a custom route value attribute): any route may reach the action.</summary>
    public static ActionArea Unknown { get; } = new(known: false, name: null);

    /// <summary>Whether the action's route values are known; when false, every conventional route may reach it.</summary>
    public bool IsKnown { get; }

    /// <summary>The area's name, null for an action without one.</summary>
    public string? Name { get; }

    public static ActionArea Of(INamedTypeSymbol controller, IMethodSymbol action)
    {
        // The action's own route values win over its controller's (ControllerActionDescriptorBuilder.AddRouteValues).
        var onAction = Read(action);
        var onController = Read(controller);
        if (onAction is null || onController is null)
        {
            return Unknown;
        }

        return onAction.Value.Name is not null ? onAction.Value : onController.Value;
    }

    public static ActionArea Named(string name) => new(known: true, name);

    /// <summary>The area the route value attributes of <paramref name="symbol"/> give; null when one of them is not read here.</summary>
    private static ActionArea? Read(ISymbol symbol)
    {
        var area = None;
        foreach (var attribute in InheritedAttributes.Of(symbol))
        {
            if (attribute.AttributeClass is not { } type || !type.AllInterfaces.Any(static i => i.ToDisplayString() == RouteValueProvider))
            {
                continue;
            }

            // A class derived from AreaAttribute, or another route value attribute, gives values its own code decides.
            if (type.ToDisplayString() != AreaAttribute
                || attribute.ConstructorArguments.Length != 1 || attribute.ConstructorArguments[0].Value is not string { Length: > 0 } name)
            {
                return null;
            }

            area = Named(name);
        }

        return area;
    }
}

/// <summary>
/// Which actions a conventional route reaches by their area, read as <c>RoutePatternTransformer.SubstituteRequiredValues</c>
/// matches a route's pattern to an action's route values: a route whose pattern has an <c>{area}</c> parameter holds any
/// area, and the actions without one only when no action of the app has an area (then no action has an <c>area</c> route
/// value; taken so unless a controller of the compilation has an area); a route with an <c>area</c> default and no such
/// parameter (<c>MapAreaControllerRoute</c> adds one, as does <c>defaults: new { area = "Admin" }</c>) holds that area
/// only, compared without case; any other route holds only the actions without an area.
/// </summary>
/// <remarks>
/// What is not read here reaches every action: a pattern or default that is not a constant, defaults given as anything
/// but an anonymous object, a dynamic controller route and the controller fallbacks (their transformer or values pick
/// any action). Constraints are not read: they narrow what a route reaches, so leaving them out errs on the side of the
/// route reaching an action, which keeps a guard on another route from deciding for it.
/// </remarks>
internal readonly record struct AreaReach(bool AreaLess, bool EveryArea, string? Area, bool IsAreaParameter = false)
{
    private const string AreaKey = "area";

    /// <summary>Reaches every action: what the route holds is not known.</summary>
    public static AreaReach Everything { get; } = new(AreaLess: true, EveryArea: true, Area: null);

    private static AreaReach AreaLessOnly { get; } = new(AreaLess: true, EveryArea: false, Area: null);

    private static AreaReach AreaParameter { get; } = new(AreaLess: true, EveryArea: true, Area: null, IsAreaParameter: true);

    /// <summary>Whether the route may reach an action of <paramref name="action"/>'s area, given whether some action is known to have an area.</summary>
    public bool Reaches(ActionArea action, bool actionsHaveAreas) =>
        !action.IsKnown
        || (action.Name is null
            ? AreaLess && !(IsAreaParameter && actionsHaveAreas)
            : EveryArea || string.Equals(Area, action.Name, StringComparison.OrdinalIgnoreCase));

    /// <summary>What the conventional route that <paramref name="mapping"/> maps reaches.</summary>
    public static AreaReach Of(IInvocationOperation mapping) => mapping.TargetMethod.Name switch
    {
        "MapDefaultControllerRoute" => AreaLessOnly,
        "MapControllerRoute" => OfPattern(Argument(mapping, "pattern"), Argument(mapping, "defaults")),
        "MapAreaControllerRoute" => Argument(mapping, "areaName")?.ConstantValue is { HasValue: true, Value: string { Length: > 0 } area }
            ? new AreaReach(AreaLess: false, EveryArea: false, area)
            : Everything,
        _ => Everything,
    };

    private static AreaReach OfPattern(IOperation? pattern, IOperation? defaults)
    {
        if (pattern?.ConstantValue is not { HasValue: true, Value: string text } || RouteTemplate.Parse(text, out _) is not { } template)
        {
            return Everything;
        }

        if (template.ParameterNames.Contains(AreaKey))
        {
            return AreaParameter;
        }

        switch (defaults?.Unwrapped())
        {
            case null:
            case { ConstantValue: { HasValue: true, Value: null } }:
                return AreaLessOnly;
            case IAnonymousObjectCreationOperation anonymous:
                var area = anonymous.Initializers.OfType<ISimpleAssignmentOperation>()
                    .FirstOrDefault(a => a.Target is IPropertyReferenceOperation property && string.Equals(property.Property.Name, AreaKey, StringComparison.OrdinalIgnoreCase));
                return area is null
                    ? AreaLessOnly
                    : area.Value.ConstantValue is { HasValue: true, Value: string { Length: > 0 } name }
                        ? new AreaReach(AreaLess: false, EveryArea: false, name)
                        : Everything;
            default:
                return Everything;
        }
    }

    private static IOperation? Argument(IInvocationOperation invocation, string parameter) =>
        invocation.Arguments.FirstOrDefault(a => a.Parameter?.Name == parameter) is { ArgumentKind: not ArgumentKind.DefaultValue } argument ? argument.Value : null;
}
