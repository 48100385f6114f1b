using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SessionAuth.Generators.Parsing;

namespace SessionAuth.Generators.Analyzers;

/// <summary>
/// SAUTH0001: every server endpoint (server function, minimal API handler, hub, controller action, Razor component page)
/// has made a guard decision.
/// SAUTH0004 (minimal APIs): a non-nullable session data parameter needs an endpoint that requires a session.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class EndpointGuardAnalyzer : SessionAuthAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        [Descriptors.EndpointWithoutGuardDecision, Descriptors.SessionDataWithoutGuard];

    /// <inheritdoc/>
    private protected override void OnCompilationStart(CompilationStartAnalysisContext start, AnalyzerSymbols symbols)
    {
        var builders = new BuilderValues(start.Compilation, symbols);
        var projectGuards = new ProjectWideGuards(start.Compilation, symbols, builders);
        var pages = new RazorComponentPages(start.Compilation, symbols, builders, start.Options);
        var mvc = new MvcSetup(start.Compilation);
        start.RegisterSymbolAction(c => AnalyzeMethod(c, symbols, projectGuards, builders), SymbolKind.Method);

        // The functions of other assemblies this project's MapServerFunctions() maps (the generator's own set) that decide
        // nothing themselves: in their own project only a guard on that project's map decided for them.
        var friends = ReferencedMaps.Undecided(start.Compilation).Where(static s => !s.Known || s.Functions.Count > 0).ToList();
        if (friends.Count > 0)
        {
            start.RegisterOperationAction(c => AnalyzeMapCall(c, friends, projectGuards, builders), OperationKind.Invocation);
        }

        start.RegisterSymbolAction(c => AnalyzeType(c, symbols, projectGuards, pages, mvc), SymbolKind.NamedType);
        if (pages.IsEnabled)
        {
            start.RegisterOperationAction(
                c =>
                {
                    if (((IInvocationOperation)c.Operation).TargetMethod.Name is RazorComponentPages.MapRazorComponents or RazorComponentPages.AddAdditionalAssemblies)
                    {
                        pages.ReportAtMapping(c, projectGuards);
                    }
                },
                OperationKind.Invocation);
        }

        if (symbols.EndpointRouteBuilder is not null)
        {
            start.RegisterOperationBlockStartAction(block =>
            {
                var maps = new MinimalApiEndpoints(symbols, builders);
                block.RegisterOperationAction(c => maps.Add((IInvocationOperation)c.Operation), OperationKind.Invocation);
                block.RegisterOperationBlockEndAction(c => maps.Report(c, projectGuards));
            });
        }
    }

    private static void AnalyzeMethod(SymbolAnalysisContext context, AnalyzerSymbols symbols, ProjectWideGuards projectGuards, BuilderValues builders)
    {
        var method = (IMethodSymbol)context.Symbol;
        if (!symbols.IsServerFunction(method, out _) || GuardDecision.ForServerFunction(method, symbols.Known).IsDecided)
        {
            return;
        }

        // Without [RequireSession], [AllowAnonymous] or [Authorize] (which its endpoint carries as metadata) on the function
        // or a class around it, a fallback policy still covers it, because it applies to every such endpoint, and so does a
        // guard convention on what every MapServerFunctions() call returns (the group of them all).
        if (!projectGuards.HasFallbackPolicy(context.CancellationToken) && !builders.ServerFunctionsDecided(context.CancellationToken))
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.EndpointWithoutGuardDecision, method.Locations[0], $"Server function {method.ContainingType.Name}.{method.Name}", Descriptors.ServerFunctionAdvice));
        }
    }

    /// <summary>
    /// A <c>MapServerFunctions()</c> call maps the functions of every assembly this project's map maps as its own: one
    /// that decides nothing itself is open through this call unless the call's group is guarded (on every path) or a
    /// fallback policy covers it, whatever guard its own project put on its own map.
    /// </summary>
    private static void AnalyzeMapCall(OperationAnalysisContext context, List<Model.UndecidedSectionSpec> friends, ProjectWideGuards projectGuards, BuilderValues builders)
    {
        var call = (IInvocationOperation)context.Operation;
        if (!BuilderFlow.IsMapServerFunctions(call.TargetMethod)
            || builders.CallDecided(call.Syntax, context.CancellationToken)
            || projectGuards.HasFallbackPolicy(context.CancellationToken))
        {
            return;
        }

        foreach (var section in friends)
        {
            var assembly = section.Assembly;
            if (!section.Known)
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.EndpointWithoutGuardDecision,
                    call.Syntax.GetLocation(),
                    $"Every server function of {assembly} that this MapServerFunctions() maps",
                    string.Format(System.Globalization.CultureInfo.InvariantCulture, Descriptors.UnknownFriendFunctionsAdvice, assembly)));
                continue;
            }

            foreach (var function in section.Functions)
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.EndpointWithoutGuardDecision,
                    call.Syntax.GetLocation(),
                    $"Server function {function} of {assembly}, which this MapServerFunctions() maps,",
                    string.Format(System.Globalization.CultureInfo.InvariantCulture, Descriptors.FriendFunctionAdvice, assembly)));
            }
        }
    }

    private static void AnalyzeType(SymbolAnalysisContext context, AnalyzerSymbols symbols, ProjectWideGuards projectGuards, RazorComponentPages pages, MvcSetup mvc)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        if (pages.IsEnabled && pages.IsPage(type))
        {
            pages.ReportPage(context, type, projectGuards);
        }

        if (!ControllerActions.IsController(type, symbols) || ControllerActions.ControllerDecides(type, symbols))
        {
            return;
        }

        foreach (var action in ControllerActions.Actions(type, symbols))
        {
            // Decided for every action at once: by the controller mappings (ControllerRoutes), a fallback policy or a global
            // AuthorizeFilter; and nothing to decide where MVC routes no controller.
            if (ControllerActions.ActionDecides(action, symbols)
                || projectGuards.ControllersDecided(
                    ControllerActions.IsAttributeRouted(type, action, symbols, context.Compilation, context.CancellationToken), ActionArea.Of(type, action), context.CancellationToken)
                || mvc.AuthorizesEveryAction(context.CancellationToken)
                || !mvc.MayRouteControllers(context.CancellationToken))
            {
                continue;
            }

            // An inherited action is an endpoint of this controller, with this controller's attributes: it is reported
            // here, where the decision for it is missing, naming the class that declares it.
            var inherited = !SymbolEqualityComparer.Default.Equals(action.ContainingType.OriginalDefinition, type);
            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.EndpointWithoutGuardDecision,
                inherited ? type.Locations[0] : action.Locations[0],
                inherited
                    ? $"Action {type.Name}.{action.Name} (inherited from {action.ContainingType.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat)})"
                    : $"Action {type.Name}.{action.Name}",
                projectGuards.ControllersGuardedOnSomePaths(context.CancellationToken) ? Descriptors.ConditionalGuardAdvice : Descriptors.ActionAdvice));
        }
    }
}
