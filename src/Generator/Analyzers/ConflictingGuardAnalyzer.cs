using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SessionAuth.Generators.Parsing;

namespace SessionAuth.Generators.Analyzers;

/// <summary>
/// SAUTH0005: no <c>[RequireSession]</c> (or <c>[RequireSession&lt;TRule&gt;]</c>), nor a server function's
/// <c>[Authorize]</c>, is opened by an <c>[AllowAnonymous]</c> that is no nearer than it: on the same member, lambda or
/// local function, on a base class or a method it overrides, or, for a controller action, on its controller.
/// </summary>
/// <remarks>
/// Generated code is analyzed: a Razor component's <c>@attribute [RequireSession]</c> exists only in the Razor generator's
/// output (which maps its locations back to the <c>.razor</c> file), and its <c>@inherits</c> base may carry
/// <c>[AllowAnonymous]</c>.
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ConflictingGuardAnalyzer : SessionAuthAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptors.ConflictingGuardAttributes];

    private protected override GeneratedCodeAnalysisFlags GeneratedCodeAnalysis => GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics;

    /// <inheritdoc/>
    private protected override void OnCompilationStart(CompilationStartAnalysisContext start, AnalyzerSymbols symbols)
    {
        start.RegisterSymbolAction(c => ReportConflictingAttributes(c.ReportDiagnostic, c.Symbol, symbols), SymbolKind.Method);
        start.RegisterSymbolAction(
            c =>
            {
                var type = (INamedTypeSymbol)c.Symbol;
                ReportConflictingAttributes(c.ReportDiagnostic, type, symbols);
                if (ControllerActions.IsController(type, symbols))
                {
                    ReportOpenedActions(c.ReportDiagnostic, type, symbols);
                }
            },
            SymbolKind.NamedType);

        // Lambdas and local functions are no symbols of their own to a symbol action: their attributes are reached through
        // the operation that declares them.
        start.RegisterOperationAction(
            c => ReportConflictingAttributes(c.ReportDiagnostic, c.Operation switch
            {
                IAnonymousFunctionOperation lambda => lambda.Symbol,
                _ => ((ILocalFunctionOperation)c.Operation).Symbol,
            }, symbols),
            OperationKind.AnonymousFunction,
            OperationKind.LocalFunction);
    }

    /// <summary>
    /// SAUTH0005 on <paramref name="symbol"/>'s own <c>[RequireSession]</c> (or, on a server function and the types around
    /// it, <c>[Authorize]</c>: ASP0026's mistake where ASP0026 does not look) when an <c>[AllowAnonymous]</c> opens it that
    /// is no nearer: on the symbol itself, or passed on by a base class or an overridden method
    /// (<c>GetCustomAttributes(inherit: true)</c> puts both into whatever reads the symbol's attributes, and
    /// <c>[AllowAnonymous]</c> wins). One on a derived class or an override is nearer: an opt-out, as on a method of a
    /// guarded class. A controller's <c>[AllowAnonymous]</c> over its actions is <see cref="ReportOpenedActions"/>'.
    /// Also SAUTH0005 on a server function's (or its type's) own <c>[Authorize]</c> that overrides an <c>[AllowAnonymous]</c>
    /// on a type around it (<see cref="OverriddenAllowAnonymous"/>).
    /// </summary>
    private static void ReportConflictingAttributes(Action<Diagnostic> report, ISymbol symbol, AnalyzerSymbols symbols)
    {
        // Both parts of a partial method are analyzed and each holds the attributes of both: the declaring part reports.
        if (symbol is IMethodSymbol { PartialDefinitionPart: not null })
        {
            return;
        }

        var authorizes = CarriesServerFunctionDecision(symbol, symbols);
        var requireSession = symbol.GetAttributes().FirstOrDefault(a => symbols.Known.IsRequireSession(a.AttributeClass)
            || (authorizes && a.AttributeClass is { } type && KnownTypes.Implements(type, symbols.Known.AuthorizeData)));
        if (requireSession?.ApplicationSyntaxReference is not { } syntax)
        {
            return;
        }

        foreach (var (attribute, owner) in InheritedAttributes.WithOwners(symbol))
        {
            if (IsAllowAnonymous(attribute, symbols))
            {
                report(Diagnostic.Create(
                    Descriptors.ConflictingGuardAttributes,
                    Location.Create(syntax.SyntaxTree, syntax.Span),
                    symbol is IMethodSymbol method ? FunctionNames.Of(method) : symbol.Name,
                    DecisionName(requireSession.AttributeClass!, symbols),
                    SymbolEqualityComparer.Default.Equals(owner, symbol) ? "beside it"
                    : owner is IMethodSymbol overridden ? $"on {overridden.ContainingType.Name}.{overridden.Name}, which it overrides,"
                    : $"on its base class {owner.Name}",
                    Descriptors.AllowAnonymousWins));
                return;
            }
        }

        var authorize = authorizes ? symbol.GetAttributes().FirstOrDefault(a => a.AttributeClass is { } type && KnownTypes.Implements(type, symbols.Known.AuthorizeData)) : null;
        if (authorize?.ApplicationSyntaxReference is { } authorizeSyntax && OverriddenAllowAnonymous(symbol, symbols) is { } outer)
        {
            report(Diagnostic.Create(
                Descriptors.ConflictingGuardAttributes,
                Location.Create(authorizeSyntax.SyntaxTree, authorizeSyntax.Span),
                symbol is IMethodSymbol method ? FunctionNames.Of(method) : symbol.Name,
                DecisionName(authorize.AttributeClass!, symbols),
                symbol is IMethodSymbol && SymbolEqualityComparer.Default.Equals(outer, symbol.ContainingType) ? $"on its class {outer.Name}" : $"on its outer class {outer.Name}",
                Descriptors.NearestDecisionWins));
        }
    }

    /// <summary>
    /// The type around <paramref name="symbol"/> whose <c>[AllowAnonymous]</c> the symbol's own <c>[Authorize]</c> overrides
    /// for a server function in it (<see cref="ServerFunctionGuard"/>: the nearest decision wins), or <see langword="null"/>.
    /// ASP.NET Core lets an <c>[AllowAnonymous]</c> anywhere win over <c>[Authorize]</c> (ASP0026 warns of it on controllers),
    /// so a reader who knows that rule expects the opposite. A <c>[RequireSession]</c> overriding it is SessionAuth's own
    /// decision, which has always been the nearest, and is not reported.
    /// </summary>
    private static INamedTypeSymbol? OverriddenAllowAnonymous(ISymbol symbol, AnalyzerSymbols symbols)
    {
        foreach (var function in ServerFunctionsIn(symbol, symbols))
        {
            var guard = ServerFunctionGuard.Of(function, symbols.Known);
            if (guard.Overridden < 0)
            {
                continue;
            }

            var level = guard.Carriers.ToList().FindIndex(c => SymbolEqualityComparer.Default.Equals(c.Symbol, symbol));
            if (level >= guard.FirstDeciding && guard.Carriers[guard.Overridden].Symbol is INamedTypeSymbol outer)
            {
                return outer;
            }
        }

        return null;
    }

    private static IEnumerable<IMethodSymbol> ServerFunctionsIn(ISymbol symbol, AnalyzerSymbols symbols) => symbol switch
    {
        IMethodSymbol method => [method],
        INamedTypeSymbol type => type.GetMembers().OfType<IMethodSymbol>().Where(m => symbols.IsServerFunction(m, out _))
            .Concat(type.GetTypeMembers().SelectMany(nested => ServerFunctionsIn(nested, symbols))),
        _ => [],
    };

    /// <summary>
    /// SAUTH0005 on an action's <c>[RequireSession]</c> that its controller's <c>[AllowAnonymous]</c> opens: MVC puts both
    /// into the action's endpoint metadata, and <c>UseSessionAuth()</c>, like <c>UseAuthorization()</c>, lets an
    /// <c>[AllowAnonymous]</c> anywhere in it win, although the action's attribute is the nearer. (A server function is
    /// different: its nearest decision wins, so a method's <c>[RequireSession]</c> in an <c>[AllowAnonymous]</c> class
    /// guards it.) An action that carries <c>[AllowAnonymous]</c> itself is reported, if at all, on its own.
    /// </summary>
    private static void ReportOpenedActions(Action<Diagnostic> report, INamedTypeSymbol controller, AnalyzerSymbols symbols)
    {
        if (InheritedAttributes.WithOwners(controller).FirstOrDefault(a => IsAllowAnonymous(a.Attribute, symbols)) is not { Owner: { } opener })
        {
            return;
        }

        foreach (var action in ControllerActions.Actions(controller, symbols))
        {
            var attributes = InheritedAttributes.WithOwners(action).ToList();
            if (attributes.FirstOrDefault(a => symbols.Known.IsRequireSession(a.Attribute.AttributeClass)) is not { Attribute: { } requireSession, Owner: var owner }
                || attributes.Any(a => IsAllowAnonymous(a.Attribute, symbols)))
            {
                continue;
            }

            // An inherited action, or one whose attribute an overridden method passes on, is reported on the controller,
            // the endpoint that opens it.
            var declared = SymbolEqualityComparer.Default.Equals(action.ContainingType.OriginalDefinition, controller);
            var location = declared && SymbolEqualityComparer.Default.Equals(owner, action) && requireSession.ApplicationSyntaxReference is { } syntax
                ? Location.Create(syntax.SyntaxTree, syntax.Span)
                : controller.Locations[0];
            report(Diagnostic.Create(
                Descriptors.ConflictingGuardAttributes,
                location,
                declared
                    ? $"Action {controller.Name}.{action.Name}"
                    : $"Action {controller.Name}.{action.Name} (inherited from {action.ContainingType.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat)})",
                SessionRuleShape.AttributeName(requireSession.AttributeClass!),
                SymbolEqualityComparer.Default.Equals(opener, controller) ? "on its controller" : $"on its controller's base class {opener.Name}",
                Descriptors.AllowAnonymousWins));
        }
    }

    /// <summary>
    /// Whether an <c>[Authorize]</c> on <paramref name="symbol"/> is a server function's decision: the symbol is a server
    /// function or a type around one (not a controller, which ASP.NET Core's ASP0026 covers). On one level of a server
    /// function <c>[AllowAnonymous]</c> wins over it as over <c>[RequireSession]</c> (<see cref="ServerFunctionGuard"/>).
    /// </summary>
    private static bool CarriesServerFunctionDecision(ISymbol symbol, AnalyzerSymbols symbols) => symbol switch
    {
        IMethodSymbol method => symbols.IsServerFunction(method, out _),
        INamedTypeSymbol type => symbols.DeclaresServerFunction(type) && !ControllerActions.IsController(type, symbols),
        _ => false,
    };

    private static string DecisionName(INamedTypeSymbol attributeClass, AnalyzerSymbols symbols) =>
        symbols.Known.IsRequireSession(attributeClass) ? SessionRuleShape.AttributeName(attributeClass) : KnownTypes.AttributeName(attributeClass);

    private static bool IsAllowAnonymous(AttributeData attribute, AnalyzerSymbols symbols) =>
        attribute.AttributeClass is { } type && KnownTypes.Implements(type, symbols.Known.AllowAnonymous);
}
