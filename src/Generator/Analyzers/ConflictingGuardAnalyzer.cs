using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SessionAuth.Generators.Parsing;

namespace SessionAuth.Generators.Analyzers;

/// <summary>
/// SAUTH0005: no <c>[RequireSession]</c> (or <c>[RequireSession&lt;TRule&gt;]</c>) is opened by an <c>[AllowAnonymous]</c>
/// that is no nearer than it: on the same member, lambda or local function, on a base class or a method it overrides, or,
/// for a controller action, on its controller.
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
    /// SAUTH0005 on <paramref name="symbol"/>'s own <c>[RequireSession]</c> when an <c>[AllowAnonymous]</c> opens it that
    /// is no nearer: on the symbol itself, or passed on by a base class or an overridden method
    /// (<c>GetCustomAttributes(inherit: true)</c> puts both into whatever reads the symbol's attributes, and
    /// <c>[AllowAnonymous]</c> wins). One on a derived class or an override is nearer: an opt-out, as on a method of a
    /// guarded class. A controller's <c>[AllowAnonymous]</c> over its actions is <see cref="ReportOpenedActions"/>'.
    /// </summary>
    private static void ReportConflictingAttributes(Action<Diagnostic> report, ISymbol symbol, AnalyzerSymbols symbols)
    {
        var requireSession = symbol.GetAttributes().FirstOrDefault(a => symbols.Known.IsRequireSession(a.AttributeClass));
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
                    SessionRuleShape.AttributeName(requireSession.AttributeClass!),
                    SymbolEqualityComparer.Default.Equals(owner, symbol) ? "beside it"
                    : owner is IMethodSymbol overridden ? $"on {overridden.ContainingType.Name}.{overridden.Name}, which it overrides,"
                    : $"on its base class {owner.Name}"));
                return;
            }
        }
    }

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
                SymbolEqualityComparer.Default.Equals(opener, controller) ? "on its controller" : $"on its controller's base class {opener.Name}"));
        }
    }

    private static bool IsAllowAnonymous(AttributeData attribute, AnalyzerSymbols symbols) =>
        attribute.AttributeClass is { } type && KnownTypes.Implements(type, symbols.Known.AllowAnonymous);
}
