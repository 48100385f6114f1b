using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SessionAuth.Generators.Model;
using SessionAuth.Generators.Parsing;

namespace SessionAuth.Generators.Analyzers;

/// <summary>
/// SAUTH0003 and SAUTH0004: explains every server function the generator skips, with the generator's own parser, so the
/// two can never disagree; both are reported per method, as you type. SAUTH0010: two server functions on one verb and
/// route, which only the whole compilation shows. SAUTH0008: a GET server function that changes the session. SAUTH0017:
/// <c>[OutputCache]</c> on a function that reads the session, which the runtime never stores.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ServerFunctionAnalyzer : SessionAuthAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        [Descriptors.ServerFunctionCannotBeBuilt, Descriptors.SessionDataWithoutGuard, Descriptors.SessionChangedOnGet, Descriptors.ServerFunctionsShareRoute, Descriptors.OutputCacheOnPersonalisedFunction, Descriptors.ReferencedFunctionsNotMapped];

    /// <inheritdoc/>
    private protected override void OnCompilationStart(CompilationStartAnalysisContext start, AnalyzerSymbols symbols)
    {
        if (symbols.ServerFunction is null)
        {
            return;
        }

        var routes = new ConcurrentBag<MappedRoute>();
        var clash = ReservedNames.FindClash(start.Compilation);
        start.RegisterSymbolAction(c => AnalyzeShape(c, symbols, clash, routes), SymbolKind.Method);

        // Local functions and lambdas are no symbols of their own for a symbol action, but the attribute can sit on them.
        start.RegisterOperationAction(c => AnalyzeNestedFunction(c, symbols), OperationKind.LocalFunction, OperationKind.AnonymousFunction);
        // Where the project maps other assemblies' functions: the place to report two of theirs that share a route.
        var mapCalls = new ConcurrentBag<Location>();
        start.RegisterOperationAction(
            c =>
            {
                if (((IInvocationOperation)c.Operation).TargetMethod is { Name: MapServerFunctionsName } target && ReferencedMaps.IsMapClass(target.ContainingType))
                {
                    mapCalls.Add(c.Operation.Syntax.GetLocation());
                }
            },
            OperationKind.Invocation);
        start.RegisterCompilationEndAction(c => ReportSharedRoutes(c, routes, mapCalls));
        start.RegisterCompilationEndAction(ReportEarlierMaps);
        start.RegisterOperationBlockStartAction(block =>
        {
            if (block.OwningSymbol is IMethodSymbol method && symbols.IsServerFunction(method, out var attribute) && ServerFunctionAttributeValues.Read(attribute).AnswersGet)
            {
                block.RegisterOperationAction(c => AnalyzeSessionChange(c, method, symbols), OperationKind.Invocation);
            }
        });
    }

    private static void AnalyzeShape(SymbolAnalysisContext context, AnalyzerSymbols symbols, NameClash? clash, ConcurrentBag<MappedRoute> routes)
    {
        var method = (IMethodSymbol)context.Symbol;

        // A partial method is one function seen twice; its declaration part speaks for both.
        if (method.PartialDefinitionPart is not null || !symbols.IsServerFunction(method, out var attribute))
        {
            return;
        }

        var name = FunctionNames.Of(method);
        var function = ServerFunctionParser.Parse(method, attribute, context.Compilation, symbols.Known, out var problem);
        if (function is not null && RouteTemplate.Parse(function.Route, out _) is { } template)
        {
            routes.Add(new MappedRoute(function.HttpMethod, template, name, method.Locations[0], Assembly: null));
        }

        if (function is not null && PersonalisedBy(function) is { } reason && function.Attributes.Any(static a => a.Type == OutputCacheAttribute))
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.OutputCacheOnPersonalisedFunction, method.Locations[0], name, reason));
        }

        switch (problem)
        {
            case ServerFunctionProblem.UnguardedSessionData unguarded:
                var parameter = method.Parameters.First(p => p.Name == unguarded.ParameterName);
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.SessionDataWithoutGuard, parameter.Locations[0], unguarded.ParameterName, name, unguarded.SessionDataTypeName));
                break;
            case ServerFunctionProblem.CannotBeBuilt cannotBeBuilt:
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.ServerFunctionCannotBeBuilt, method.Locations[0], name, cannotBeBuilt.Reason));
                break;
            case null when clash is not null:
                // The generator wrote nothing for the compilation: every function it would have mapped is refused.
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.ServerFunctionCannotBeBuilt, method.Locations[0], name, clash.Reason));
                break;
        }
    }

    // Compared with the model's attribute types, never written into generated code; the prefix is kept apart so that
    // GeneratedNamesTests, which reads every global:: name in the generator's source as one it emits, does not list it.
    private const string OutputCacheAttribute = "global" + "::Microsoft.AspNetCore.OutputCaching.OutputCacheAttribute";

    /// <summary>Why the function's answer depends on the session, as the runtime decides it, or null when it does not.</summary>
    private static string? PersonalisedBy(ServerFunctionSpec function) =>
        function.Guard.RequiresSession ? "requires a session"
        : function.ReadsSession ? "reads the session"
        : function.PreloadsSession ? "preloads the session"
        : null;

    private static void AnalyzeNestedFunction(OperationAnalysisContext context, AnalyzerSymbols symbols)
    {
        var method = context.Operation switch
        {
            ILocalFunctionOperation local => local.Symbol,
            IAnonymousFunctionOperation lambda => lambda.Symbol,
            _ => null,
        };
        if (method is null || !symbols.IsServerFunction(method, out var attribute))
        {
            return;
        }

        ServerFunctionParser.Parse(method, attribute, context.Compilation, symbols.Known, out var problem);
        var reason = problem is ServerFunctionProblem.CannotBeBuilt cannotBeBuilt ? cannotBeBuilt.Reason : "the generator maps only methods of a type";
        var location = method.MethodKind == MethodKind.AnonymousFunction
            ? attribute.ApplicationSyntaxReference?.GetSyntax(context.CancellationToken).GetLocation() ?? method.Locations[0]
            : method.Locations[0];
        context.ReportDiagnostic(Diagnostic.Create(Descriptors.ServerFunctionCannotBeBuilt, location, FunctionNames.Of(method), reason));
    }

    /// <summary>
    /// SAUTH0018: a referenced assembly whose map class this project sees (it grants this project its internals) but
    /// whose entry method an earlier generator wrote without the set of mapped assemblies, or not at all, or two such
    /// assemblies of one name and public key: this project's <c>MapServerFunctions()</c> cannot map their functions,
    /// which must not go unmapped in silence. And one it maps whose client model it cannot read: its functions answer,
    /// but the client does not offer them.
    /// </summary>
    private static void ReportEarlierMaps(CompilationAnalysisContext context)
    {
        foreach (var assembly in ReferencedMaps.Earlier(context.Compilation))
        {
            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.ReferencedFunctionsNotMapped,
                Location.None,
                $"The referenced assembly {assembly} was built by an earlier SessionAuth.Generators, whose MapServerFunctions() this project's cannot call: its server functions are not mapped by this project's MapServerFunctions(); rebuild {assembly} with SessionAuth.Generators {Emitting.GeneratedFile.Version} or later"));
        }

        foreach (var assemblies in ReferencedMaps.SharingIdentifier(context.Compilation))
        {
            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.ReferencedFunctionsNotMapped,
                Location.None,
                $"The referenced assemblies {string.Join(" and ", assemblies)} share a name and public key, so their generated maps share a name that generated code cannot tell apart: their server functions are not mapped by this project's MapServerFunctions(); reference only one of them, or give them different names or keys"));
        }

        // Mapped, but its client model unreadable: the client would leave its functions out in silence.
        foreach (var (assembly, reason) in ReferencedMaps.WithoutClient(context.Compilation))
        {
            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.ReferencedFunctionsNotMapped,
                Location.None,
                $"The referenced assembly {assembly} is mapped by this project's MapServerFunctions(), but {reason}: its server functions are not offered by this project's client (/_server/client.js); rebuild {assembly} with SessionAuth.Generators {Emitting.GeneratedFile.Version}"));
        }
    }

    private const string MapServerFunctionsName = "MapServerFunctions";

    /// <summary>
    /// Reports every function whose verb and route answer a request that another's also answer with the same
    /// precedence (<see cref="RouteTemplate.IsAmbiguousWith"/>): routing would fail such requests as ambiguous. The
    /// project's <c>MapServerFunctions()</c> maps its own functions and those of every assembly it maps (read from their
    /// client models, as the client reads them), all on one group, so they are compared as one set: a function of the
    /// project's is reported at its declaration, naming what it competes with; two referenced assemblies' functions that
    /// compete with each other (and with none of the project's) are reported at the project's first call of
    /// <c>MapServerFunctions()</c>, else at its first server function, else on the project. Two functions of one
    /// referenced assembly were that assembly's to report.
    /// </summary>
    private static void ReportSharedRoutes(CompilationAnalysisContext context, ConcurrentBag<MappedRoute> routes, ConcurrentBag<Location> mapCalls)
    {
        var all = routes.Concat(ReferencedRoutes(context.Compilation)).ToList();
        Location? referencedLocation = null;
        foreach (var group in all.GroupBy(static r => (r.HttpMethod, r.Template.Precedence)).Where(static g => g.Count() > 1))
        {
            var candidates = group.ToList();
            foreach (var route in candidates)
            {
                var others = candidates
                    .Where(other => !ReferenceEquals(other, route) && route.Template.IsAmbiguousWith(other.Template)
                        && (route.Assembly is null || (other.Assembly is not null && other.Assembly != route.Assembly)))
                    .ToList();
                if (others.Count == 0)
                {
                    continue;
                }

                var acrossAssemblies = route.Assembly is not null || others.Any(static other => other.Assembly is not null);
                var name = acrossAssemblies ? Named(route, context.Compilation) : route.Name;
                var location = route.Location ?? (referencedLocation ??= First(mapCalls) ?? First(routes.Select(static r => r.Location!)) ?? Location.None);
                context.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.ServerFunctionsShareRoute,
                    location,
                    name,
                    string.Join(", ", others.Select(other => acrossAssemblies ? Named(other, context.Compilation) : other.Name).OrderBy(static n => n, StringComparer.Ordinal)),
                    $"{route.HttpMethod} {route.Template}"));
            }
        }
    }

    /// <summary>A function named with its assembly, for a message that compares functions of several.</summary>
    private static string Named(MappedRoute route, Compilation compilation) =>
        $"{route.Name} ({(route.Assembly is null ? compilation.AssemblyName : "the referenced assembly " + route.Assembly)})";

    private static Location? First(IEnumerable<Location> locations) =>
        locations
            .OrderBy(static l => l.SourceTree?.FilePath, StringComparer.Ordinal)
            .ThenBy(static l => l.SourceSpan.Start)
            .FirstOrDefault();

    /// <summary>
    /// The functions this project's <c>MapServerFunctions()</c> maps from other assemblies, each assembly's once, from the
    /// client models of the maps it calls (<see cref="ReferencedMaps.ClientModels"/>), which hold every function those
    /// maps map, of the assemblies they map in turn too. A model this version cannot read is SAUTH0018.
    /// </summary>
    private static IEnumerable<MappedRoute> ReferencedRoutes(Compilation compilation)
    {
        var own = new ClientSectionSpec(ReferencedMaps.IdentityKey(compilation.Assembly.Identity), EquatableArray<ClientSectionFunctionSpec>.Empty);
        foreach (var section in ClientModel.Compose(own, ReferencedMaps.ClientModels(compilation)).Skip(1))
        {
            foreach (var function in section.Functions)
            {
                if (RouteTemplate.Parse(function.Function.Route, out _) is { } template)
                {
                    var typePath = function.TypeKey.Substring(function.TypeKey.IndexOf('|') + 1);
                    yield return new MappedRoute(function.Function.HttpMethod, template, $"{typePath}.{MethodName(compilation, section.Assembly, typePath, function.Function.FunctionName)}", Location: null, section.Assembly);
                }
            }
        }
    }

    /// <summary>
    /// The name of the method a referenced assembly's client names <paramref name="clientName"/> (camelCase), found in
    /// that assembly when the project references it, or the client's name when it does not (a third assembly of a chain).
    /// </summary>
    private static string MethodName(Compilation compilation, string assemblyKey, string typePath, string clientName)
    {
        var assembly = compilation.SourceModule.ReferencedAssemblySymbols.FirstOrDefault(a => ReferencedMaps.IdentityKey(a.Identity) == assemblyKey);
        return assembly?.GetTypeByMetadataName(typePath)?.GetMembers()
            .OfType<IMethodSymbol>()
            .FirstOrDefault(m => ClientParser.CamelCase(m.Name) == clientName)?.Name ?? clientName;
    }

    /// <summary>A function on a verb and route: the project's own (at <paramref name="Location"/>), or one a referenced <paramref name="Assembly"/> maps.</summary>
    private sealed record MappedRoute(string HttpMethod, RouteTemplate Template, string Name, Location? Location, string? Assembly);

    private static void AnalyzeSessionChange(OperationAnalysisContext context, IMethodSymbol function, AnalyzerSymbols symbols)
    {
        var invoked = ((IInvocationOperation)context.Operation).TargetMethod;
        var type = invoked.ContainingType?.OriginalDefinition;
        if (invoked.Name is "UpdateAsync" or "RenewAsync" or "ClearAsync"
            && (KnownTypes.Is(type, symbols.Known.SessionOfT) || KnownTypes.Is(type, symbols.Known.Session)))
        {
            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.SessionChangedOnGet,
                context.Operation.Syntax.GetLocation(),
                FunctionNames.Of(function),
                $"Session.{invoked.Name}"));
        }
    }
}
