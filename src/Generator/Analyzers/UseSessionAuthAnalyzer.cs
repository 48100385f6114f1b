using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SessionAuth.Generators.Parsing;

namespace SessionAuth.Generators.Analyzers;

/// <summary>
/// SAUTH0009: a project that guards endpoints through metadata (<c>[RequireSession]</c>, <c>[RequireSession&lt;TRule&gt;]</c> or <c>[PreloadSession]</c> on a
/// minimal API handler, controller or Razor component, or <c>RequireSession()</c> on an endpoint or route group) calls
/// <c>UseSessionAuth()</c> somewhere, because only that middleware reads the metadata.
/// </summary>
/// <remarks>
/// Server functions are not guard sites here: their generated endpoints run the guard themselves, so <c>[RequireSession]</c>
/// on one, on a class that declares them, on a base class only such classes derive from, on a method only server functions
/// override, or on the assembly needs no middleware. Generated code is analyzed because a
/// Razor component's <c>@attribute [RequireSession]</c> exists only in the Razor generator's output.
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UseSessionAuthAnalyzer : SessionAuthAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptors.MetadataGuardWithoutMiddleware];

    private protected override GeneratedCodeAnalysisFlags GeneratedCodeAnalysis => GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics;

    /// <inheritdoc/>
    private protected override void OnCompilationStart(CompilationStartAnalysisContext start, AnalyzerSymbols symbols)
    {
        var compilation = start.Compilation;
        var middleware = compilation.GetTypeByMetadataName("SessionAuth.SessionAuthApplicationBuilderExtensions");
        var conventions = compilation.GetTypeByMetadataName("SessionAuth.SessionAuthEndpointConventionBuilderExtensions");
        if (middleware is null || conventions is null)
        {
            return;
        }

        var project = new ProjectSites(
            symbols,
            new RuleTargets(compilation, symbols),
            middleware,
            conventions,
            compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Builder.WebApplicationBuilder"),
            compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Builder.WebApplication"),
            compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Builder.IApplicationBuilder"));
        start.RegisterOperationAction(c => project.AddInvocation((IInvocationOperation)c.Operation), OperationKind.Invocation);
        start.RegisterOperationAction(c => project.AddFunction(((IAnonymousFunctionOperation)c.Operation).Symbol, "a lambda"), OperationKind.AnonymousFunction);
        start.RegisterOperationAction(c => project.AddFunction(((ILocalFunctionOperation)c.Operation).Symbol, "local function " + ((ILocalFunctionOperation)c.Operation).Symbol.Name), OperationKind.LocalFunction);
        start.RegisterSymbolAction(c => project.AddMethod((IMethodSymbol)c.Symbol, c.CancellationToken), SymbolKind.Method);
        start.RegisterSymbolAction(c => project.AddType((INamedTypeSymbol)c.Symbol, c.CancellationToken), SymbolKind.NamedType);
        start.RegisterCompilationEndAction(project.Report);
    }

    /// <summary>What one compilation holds that matters to the rule, gathered from concurrent actions.</summary>
    private sealed class ProjectSites(
        AnalyzerSymbols symbols,
        RuleTargets targets,
        INamedTypeSymbol middleware,
        INamedTypeSymbol conventions,
        INamedTypeSymbol? webApplicationBuilder,
        INamedTypeSymbol? webApplication,
        INamedTypeSymbol? applicationBuilder)
    {
        private const string UseSessionAuth = "UseSessionAuth";
        private const string RequireSession = "RequireSession";

        private readonly ConcurrentBag<(Location Location, string Description)> _guards = [];
        private readonly ConcurrentBag<Location> _appBuilds = [];
        private readonly ConcurrentBag<Location> _configureMethods = [];
        private int _callsUseSessionAuth;

        public void AddInvocation(IInvocationOperation invocation)
        {
            var method = invocation.TargetMethod.ReducedFrom ?? invocation.TargetMethod;
            switch (method.Name)
            {
                case UseSessionAuth when KnownTypes.Is(method.ContainingType, middleware):
                    Interlocked.Exchange(ref _callsUseSessionAuth, 1);
                    break;
                case RequireSession when KnownTypes.Is(method.ContainingType, conventions):
                    var name = invocation.Syntax is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } ? access.Name : invocation.Syntax;
                    _guards.Add((name.GetLocation(), "RequireSession() on an endpoint or route group"));
                    break;
                case "Build" when !method.IsStatic && KnownTypes.Is(method.ContainingType, webApplicationBuilder):
                case "Create" when method.IsStatic && KnownTypes.Is(method.ContainingType, webApplication):
                    _appBuilds.Add(invocation.Syntax.GetLocation());
                    break;
            }
        }

        public void AddFunction(IMethodSymbol function, string description) => AddIfGuarded(function, description, CancellationToken.None);

        public void AddMethod(IMethodSymbol method, CancellationToken cancellationToken)
        {
            if (method.Name == "Configure" && method.Parameters.Any(p => KnownTypes.Is(p.Type, applicationBuilder)))
            {
                _configureMethods.Add(method.Locations[0]);
            }

            if (!symbols.IsServerFunction(method, out _))
            {
                AddIfGuarded(method, $"{method.ContainingType.Name}.{method.Name}", cancellationToken);
            }
        }

        public void AddType(INamedTypeSymbol type, CancellationToken cancellationToken)
        {
            if (type.TypeKind == TypeKind.Class && !symbols.DeclaresServerFunction(type))
            {
                AddIfGuarded(type, type.Name, cancellationToken);
            }
        }

        public void Report(CompilationAnalysisContext context)
        {
            if (Volatile.Read(ref _callsUseSessionAuth) == 1 || _guards.IsEmpty)
            {
                return;
            }

            var guards = _guards.OrderBy(g => g.Location.SourceTree?.FilePath, StringComparer.Ordinal).ThenBy(g => g.Location.SourceSpan.Start).ToList();
            var summary = guards.Count == 1 ? guards[0].Description : $"{guards[0].Description} and {guards.Count - 1} more";

            // The fix goes where the app is built; without that, an executable still has to be told (its host is built
            // some other way), while a library's endpoints are guarded by whichever app maps them, out of sight here.
            var at = First(_appBuilds) ?? First(_configureMethods);
            if (at is null && context.Compilation.Options.OutputKind == OutputKind.DynamicallyLinkedLibrary)
            {
                return;
            }

            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.MetadataGuardWithoutMiddleware,
                at ?? guards[0].Location,
                at is null ? guards.Skip(1).Select(g => g.Location) : guards.Select(g => g.Location),
                summary));
        }

        private static Location? First(ConcurrentBag<Location> locations) =>
            locations.OrderBy(l => l.SourceTree?.FilePath, StringComparer.Ordinal).ThenBy(l => l.SourceSpan.Start).FirstOrDefault();

        private void AddIfGuarded(ISymbol symbol, string owner, CancellationToken cancellationToken)
        {
            foreach (var attribute in symbol.GetAttributes())
            {
                var name = KnownTypes.Is(attribute.AttributeClass, symbols.Known.RequireSession) ? "RequireSession"
                    : KnownTypes.IsConstructedFrom(attribute.AttributeClass, symbols.Known.RequireSessionOfRule) ? SessionRuleShape.AttributeName(attribute.AttributeClass!)
                    : KnownTypes.Is(attribute.AttributeClass, symbols.Known.PreloadSession) ? "PreloadSession"
                    : null;
                if (name is not null && attribute.ApplicationSyntaxReference is { } syntax)
                {
                    // A base class of server function classes, or a method a server function overrides, passes its
                    // attributes on to endpoints that guard themselves.
                    if (targets.OnlyServerFunctionsRead(symbol, cancellationToken))
                    {
                        return;
                    }

                    _guards.Add((Location.Create(syntax.SyntaxTree, syntax.Span), $"[{name}] on {owner}"));
                }
            }
        }
    }
}
