using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
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
/// that runs an action for any unmatched path, guarded on its own builder). A conventionally routed action is decided
/// when every one of them is guarded, whichever of them reaches it; or when the <c>MapControllers()</c> guards reach it
/// too, which needs them and the routes to share a data source: all of them called on the <c>WebApplication</c>.
/// An attribute-routed action is reached by none of these conventions.
/// </para>
/// </remarks>
internal sealed class ControllerRoutes(BuilderValues builders)
{
    public const string MapControllers = "MapControllers";

    /// <summary>The mappings whose own builder carries the conventions of a conventional route's endpoints.</summary>
    public static readonly string[] ConventionalMaps =
        ["MapControllerRoute", "MapDefaultControllerRoute", "MapAreaControllerRoute", "MapDynamicControllerRoute", "MapFallbackToController", "MapFallbackToAreaController"];

    private const string Extensions = "Microsoft.AspNetCore.Builder.ControllerEndpointRouteBuilderExtensions";
    private const string WebApplication = "Microsoft.AspNetCore.Builder.WebApplication";

    private readonly object _gate = new();
    private Facts? _facts;

    public bool Decided(bool attributeRouted, CancellationToken cancellationToken)
    {
        var facts = Scan(cancellationToken);
        return attributeRouted
            ? facts.AllControllersDecided
            : facts.ConventionalRoutesDecided || (facts.AllControllersDecidedOnTheApp && facts.ConventionalRoutesOnTheApp)
                || (facts.AllControllersDecided && !facts.AnyConventionalRoute);
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
            ConventionalRoutesDecided: conventional.Count > 0 && conventional.All(m => m.Decided),
            ConventionalRoutesOnTheApp: conventional.All(m => m.OnTheApp),
            AnyConventionalRoute: conventional.Count > 0,
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
                found.Add(new Mapping(decided, somePaths, IsOnTheApp(invocation, cancellationToken)));
            }
        }

        return found;
    }

    /// <summary>Whether the mapping is called on the <c>WebApplication</c> itself, not on a route group or a builder of unknown kind.</summary>
    private bool IsOnTheApp(InvocationExpressionSyntax invocation, CancellationToken cancellationToken) =>
        builders.OperationOf(invocation, cancellationToken) is IInvocationOperation { Arguments.Length: > 0 } operation
        && operation.Arguments[0].Value.Unwrapped().Type?.ToDisplayString() == WebApplication;

    private readonly record struct Mapping(bool Decided, bool SomePaths, bool OnTheApp);

    private sealed record Facts(
        bool AllControllersDecided,
        bool AllControllersDecidedOnTheApp,
        bool ConventionalRoutesDecided,
        bool ConventionalRoutesOnTheApp,
        bool AnyConventionalRoute,
        bool GuardedOnSomePaths);
}
