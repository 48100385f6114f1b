using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace SessionAuth.Generators.Analyzers;

/// <summary>
/// The guards on the builders MVC's mapping calls return, as far as they reach controller actions, each builder followed
/// by <see cref="BuilderValues"/> (through locals, route groups, helper methods; guarded on every path or not).
/// </summary>
/// <remarks>
/// <para>
/// <c>MapControllers()</c> returns the data source's default builder, whose conventions reach every action the data
/// source makes endpoints for; it decides for every action when every <c>MapControllers()</c> call of the compilation is
/// guarded (a data source belongs to one route builder: one on a route group does not reach the app's).
/// </para>
/// <para>
/// Every other mapping makes endpoints of its own for the conventionally routed actions, with its own conventions:
/// <c>MapControllerRoute</c>, <c>MapDefaultControllerRoute</c>, <c>MapAreaControllerRoute</c>,
/// <c>MapDynamicControllerRoute</c>, and <c>MapFallbackToController</c>/<c>MapFallbackToAreaController</c> (an endpoint
/// that runs an action for any unmatched path, guarded on its own builder). Each of them reaches the actions whose area
/// its pattern can hold (<see cref="AreaReach"/>: an area's actions only through a route with their area, the others
/// only through routes without one). A conventionally routed action is decided when every route that reaches it is
/// guarded; or when the <c>MapControllers()</c> guards reach it too, which needs them and those routes to share a data
/// source: all of them called on the <c>WebApplication</c>. An attribute-routed action is reached by none of these
/// conventions.
/// </para>
/// </remarks>
internal sealed class ControllerRoutes(Compilation compilation, AnalyzerSymbols symbols, BuilderValues builders)
{
    public const string MapControllers = "MapControllers";

    /// <summary>The mappings whose own builder carries the conventions of a conventional route's endpoints.</summary>
    public static readonly string[] ConventionalMaps =
        ["MapControllerRoute", "MapDefaultControllerRoute", "MapAreaControllerRoute", "MapDynamicControllerRoute", "MapFallbackToController", "MapFallbackToAreaController"];

    private const string Extensions = "Microsoft.AspNetCore.Builder.ControllerEndpointRouteBuilderExtensions";
    private const string WebApplication = "Microsoft.AspNetCore.Builder.WebApplication";

    private readonly object _gate = new();
    private Facts? _facts;

    /// <summary>
    /// Whether the mappings that route an action decide for it: an attribute-routed one through <c>MapControllers()</c>
    /// only, a conventionally routed one through the conventional routes that reach its <paramref name="area"/>.
    /// </summary>
    public bool Decided(bool attributeRouted, ActionArea area, CancellationToken cancellationToken)
    {
        var facts = Scan(cancellationToken);
        if (attributeRouted)
        {
            return facts.AllControllersDecided;
        }

        var reaching = facts.ConventionalRoutes.Where(r => r.Reach.Reaches(area, facts.ActionsHaveAreas)).ToList();
        return (reaching.Count > 0 && reaching.All(r => r.Decided))
            || (facts.AllControllersDecidedOnTheApp && reaching.All(r => r.OnTheApp))
            || (facts.AllControllersDecided && reaching.Count == 0);
    }

    public bool GuardedOnSomePaths(CancellationToken cancellationToken) => Scan(cancellationToken).GuardedOnSomePaths;

    private Facts Scan(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return _facts ??= Collect(cancellationToken);
        }
    }

    private Facts Collect(CancellationToken cancellationToken)
    {
        var all = Mappings([MapControllers], cancellationToken);
        var conventional = Mappings(ConventionalMaps, cancellationToken);
        return new Facts(
            AllControllersDecided: all.Count > 0 && all.All(m => m.Decided),
            AllControllersDecidedOnTheApp: all.Count > 0 && all.All(m => m.Decided && m.OnTheApp),
            ConventionalRoutes: conventional,
            ActionsHaveAreas: conventional.Any(r => r.Reach.IsAreaParameter) && AnyActionHasAnArea(cancellationToken),
            GuardedOnSomePaths: all.Concat(conventional).Any(m => !m.Decided && m.SomePaths));
    }

    private List<Mapping> Mappings(string[] names, CancellationToken cancellationToken)
    {
        var found = new List<Mapping>();
        foreach (var name in names)
        {
            foreach (var (invocation, flow) in builders.Calls(name, static m => m.ContainingType?.ToDisplayString() == Extensions, cancellationToken))
            {
                var decided = flow is not null && builders.Decides(flow, invocation, sessionOnly: false, cancellationToken);
                var somePaths = !decided && flow is not null && builders.GuardedOnSomePaths(flow, invocation, cancellationToken);
                var operation = builders.OperationOf(invocation, cancellationToken) as IInvocationOperation;
                found.Add(new Mapping(decided, somePaths, IsOnTheApp(operation), operation is null ? AreaReach.Everything : AreaReach.Of(operation)));
            }
        }

        return found;
    }

    /// <summary>
    /// Whether an action of a controller of the compilation has an area: then MVC gives every action an <c>area</c> route
    /// value (<c>ControllerActionDescriptorProvider</c> adds each route value key any action has to all of them), and a
    /// route with an <c>{area}</c> parameter cannot hold the actions whose area is null.
    /// </summary>
    private bool AnyActionHasAnArea(CancellationToken cancellationToken) =>
        compilation.GetSymbolsWithName(static _ => true, SymbolFilter.Type, cancellationToken)
            .OfType<INamedTypeSymbol>()
            .Where(type => ControllerActions.IsController(type, symbols))
            .Any(type => ControllerActions.Actions(type, symbols).Any(action => ActionArea.Of(type, action).Name is not null));

    /// <summary>Whether the mapping is called on the <c>WebApplication</c> itself, not on a route group or a builder of unknown kind.</summary>
    private static bool IsOnTheApp(IInvocationOperation? operation) =>
        operation is { Arguments.Length: > 0 } && operation.Arguments[0].Value.Unwrapped().Type?.ToDisplayString() == WebApplication;

    private readonly record struct Mapping(bool Decided, bool SomePaths, bool OnTheApp, AreaReach Reach);

    private sealed record Facts(
        bool AllControllersDecided,
        bool AllControllersDecidedOnTheApp,
        List<Mapping> ConventionalRoutes,
        bool ActionsHaveAreas,
        bool GuardedOnSomePaths);
}
