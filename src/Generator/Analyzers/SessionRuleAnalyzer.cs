using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SessionAuth.Generators.Model;
using SessionAuth.Generators.Parsing;

namespace SessionAuth.Generators.Analyzers;

/// <summary>
/// Checks every <c>[RequireSession&lt;TRule&gt;]</c>, per member as you type. SAUTH0013: the rule type has exactly one
/// <c>Allows</c>, over the app's session type (a server function's own, when its parameters name one), reachable from the
/// generated endpoint. SAUTH0014: <c>Argument</c> is set exactly when the rule takes an argument. SAUTH0015:
/// <c>Argument</c> names a value the rule can read: a parameter of the member (a [Parameter] property of a component) of a
/// type the rule's argument type takes, which on an endpoint guarded through metadata is bound from the route or the
/// query string, where <c>UseSessionAuth()</c> reads it. SAUTH0016: the attribute sits where an endpoint reads it.
/// </summary>
/// <remarks>
/// Generated code is analyzed: a Razor component's <c>@attribute [RequireSession&lt;TRule&gt;]</c> exists only in the Razor
/// generator's output.
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SessionRuleAnalyzer : SessionAuthAnalyzer
{
    /// <summary>The diagnostic property a code fix reads: the one parameter <c>Argument</c> could name.</summary>
    public const string CandidateProperty = "Candidate";

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
    [
        Descriptors.SessionRuleCannotBeChecked,
        Descriptors.SessionRuleArgumentMissingOrUnwanted,
        Descriptors.SessionRuleArgumentUnreadable,
        Descriptors.SessionRuleNeverChecked,
    ];

    private protected override GeneratedCodeAnalysisFlags GeneratedCodeAnalysis => GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics;

    /// <inheritdoc/>
    private protected override void OnCompilationStart(CompilationStartAnalysisContext start, AnalyzerSymbols symbols)
    {
        if (symbols.Known.RequireSessionOfRule is null)
        {
            return;
        }

        var targets = new RuleTargets(start.Compilation, symbols);
        start.RegisterSymbolAction(
            c =>
            {
                // A partial method is one member seen twice; its declaration part speaks for both.
                if (c.Symbol is not IMethodSymbol { PartialDefinitionPart: not null })
                {
                    new Check(c.Symbol, c.Compilation, symbols, targets, c.ReportDiagnostic, c.CancellationToken).Run();
                }
            },
            SymbolKind.Method,
            SymbolKind.NamedType);
        start.RegisterOperationAction(
            c => new Check(
                c.Operation is IAnonymousFunctionOperation lambda ? lambda.Symbol : ((ILocalFunctionOperation)c.Operation).Symbol,
                c.Compilation,
                symbols,
                targets,
                c.ReportDiagnostic,
                c.CancellationToken).Run(),
            OperationKind.AnonymousFunction,
            OperationKind.LocalFunction);
    }

    /// <summary>The checks of the rule attributes on one member.</summary>
    private sealed class Check(ISymbol member, Compilation compilation, AnalyzerSymbols symbols, RuleTargets targets, Action<Diagnostic> report, CancellationToken cancellationToken)
    {
        private readonly string _memberName = member is IMethodSymbol method ? FunctionNames.Of(method) : member.Name;

        public void Run()
        {
            RuleTarget? target = null;
            foreach (var rule in SessionRuleShape.On(member, symbols))
            {
                target ??= targets.Classify(member, cancellationToken);
                var location = rule.Attribute.ApplicationSyntaxReference is { } syntax ? Location.Create(syntax.SyntaxTree, syntax.Span) : Location.None;
                if (target == RuleTarget.None)
                {
                    report(Diagnostic.Create(Descriptors.SessionRuleNeverChecked, location, rule.Name, _memberName, targets.WhyNeverChecked(member)));
                    continue;
                }

                if (FindRuleProblem(rule, target.Value) is { } problem)
                {
                    report(Diagnostic.Create(Descriptors.SessionRuleCannotBeChecked, location, rule.Name, _memberName, problem));
                }

                if (rule.Problem is null)
                {
                    CheckArgument(rule, target.Value);
                }
            }
        }

        private string? FindRuleProblem(SessionRuleShape rule, RuleTarget target)
        {
            if (rule.Problem is not null)
            {
                return rule.Problem;
            }

            var serverFunction = target is RuleTarget.ServerFunction or RuleTarget.ServerFunctionClass;
            if (serverFunction && !compilation.IsSymbolAccessibleWithin(rule.Rule, compilation.Assembly))
            {
                return $"the generated endpoint cannot reach it ({rule.Rule.DeclaredAccessibility.ToString().ToLowerInvariant()}); make it internal or public";
            }

            var session = rule.Session!;
            if (target == RuleTarget.ServerFunction && SessionParameter((IMethodSymbol)member) is { } own)
            {
                return SameType(own.Type, session)
                    ? null
                    : $"its session type is {Display(session)}, but parameter '{own.Parameter.Name}' of the function is session data of type {Display(own.Type)}";
            }

            var app = targets.SessionDataTypes(cancellationToken);
            if (app.Count > 0)
            {
                // More than one [SessionData] type is SAUTH0011's error; the rule is not judged against a choice not made.
                return app.Any(t => SameType(t, session))
                    ? null
                    : $"its session type is {Display(session)}, but the app's session data type is {string.Join(" or ", app.Select(Display))} ([SessionData])";
            }

            return session.GetAttributes().Any(a => KnownTypes.Is(a.AttributeClass, symbols.Known.SessionData))
                ? null
                : $"its session type {Display(session)} is not marked [SessionData], so no session is ever of that type";
        }

        private void CheckArgument(SessionRuleShape rule, RuleTarget target)
        {
            var readers = Readers(target);
            if (rule.TakesArgument && rule.ArgumentName is null)
            {
                // The fix is obvious only when exactly one value could be the argument, for every endpoint that reads the rule.
                var candidates = readers?[0].Values
                    .Where(v => readers.All(r => FindProblem(r, v.Name, rule, target) is null))
                    .Take(2)
                    .ToList();
                var only = candidates?.Count == 1 ? candidates[0].Name : null;
                var properties = only is null ? ImmutableDictionary<string, string?>.Empty : ImmutableDictionary<string, string?>.Empty.Add(CandidateProperty, only);
                var hint = only is null ? string.Empty : $" (Argument = nameof({only}))";
                var advice = readers is null
                    ? target == RuleTarget.Page
                        ? "name the value it reads, a route value or query key the page's handlers or bound properties take"
                        : "a rule on a class cannot be given one, since the class's rules apply to every endpoint in it: put it on the member whose parameter it reads"
                    : $"name the parameter it reads{hint}";
                report(Diagnostic.Create(
                    Descriptors.SessionRuleArgumentMissingOrUnwanted,
                    rule.ArgumentLocation(cancellationToken),
                    properties,
                    rule.Name,
                    _memberName,
                    $"reads an argument of type {Display(rule.Argument!)}, but Argument is not set: {advice}"));
                return;
            }

            if (!rule.TakesArgument)
            {
                if (rule.ArgumentName is not null)
                {
                    report(Diagnostic.Create(
                        Descriptors.SessionRuleArgumentMissingOrUnwanted,
                        rule.ArgumentLocation(cancellationToken),
                        rule.Name,
                        _memberName,
                        $"takes no argument (it is an ISessionRule<{Display(rule.Session!)}>), but Argument names '{rule.ArgumentName}': remove it"));
                }

                return;
            }

            // A Razor Pages page model is judged at run time on the value its handler or bound property got (the page filter
            // AddSessionAuth adds), and the start is refused where that cannot be done: nothing for the analyzer to refuse.
            if (readers is null && target == RuleTarget.Page)
            {
                return;
            }

            var problem = readers is null
                ? "is set on a class, whose rules apply to every endpoint in it; put a two-argument rule on the member whose parameter it reads"
                : readers.Select(r => FindProblem(r, rule.ArgumentName!, rule, target)).FirstOrDefault(p => p is not null);
            if (problem is not null)
            {
                report(Diagnostic.Create(Descriptors.SessionRuleArgumentUnreadable, rule.ArgumentLocation(cancellationToken), rule.Name, _memberName, rule.ArgumentName, problem));
            }
        }

        /// <summary>Why the rule cannot read the value <paramref name="name"/> on the endpoint of <paramref name="reader"/>, or <see langword="null"/>.</summary>
        private string? FindProblem(Reader reader, string name, SessionRuleShape rule, RuleTarget target)
        {
            var problem = reader.Values.FirstOrDefault(v => string.Equals(v.Name, name, target == RuleTarget.Component ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal)) is { } value
                ? FindValueProblem(value, rule.Argument!, target)
                : $"names no {(target == RuleTarget.Component ? "[Parameter] or [SupplyParameterFromQuery] property" : "parameter")} of {reader.Page?.Name ?? _memberName}";
            return problem is null || reader.Page is null ? problem : $"on the page {reader.Page.Name}, which derives from {_memberName}, it {problem}";
        }

        /// <summary>
        /// The endpoints that read a rule on this member, each with the values an <c>Argument</c> can name there: a method's
        /// parameters; on a component, each routable component that carries its attributes (itself, or a page derived from it)
        /// with its parameter properties; <see langword="null"/> on any other class.
        /// </summary>
        private IReadOnlyList<Reader>? Readers(RuleTarget target) => member switch
        {
            IMethodSymbol method => [new Reader(null, [.. method.Parameters.Select(p => RuleValue.Of(p, symbols))])],
            INamedTypeSymbol type when target == RuleTarget.Component && targets.PagesReading(type, cancellationToken) is { Count: > 0 } pages =>
                [.. pages.Select(p => new Reader(SymbolEqualityComparer.Default.Equals(p, type) ? null : p, [.. ComponentValues(p)]))],
            _ => null,
        };

        private IEnumerable<RuleValue> ComponentValues(INamedTypeSymbol component)
        {
            var routes = component.GetAttributes()
                .Where(a => KnownTypes.Is(a.AttributeClass, symbols.ComponentRoute))
                .Select(a => a.ConstructorArguments.FirstOrDefault().Value is string template ? RouteTemplate.Parse(template, out _) : null)
                .ToList();
            for (var type = component; type is not null; type = type.BaseType)
            {
                foreach (var property in type.GetMembers().OfType<IPropertySymbol>())
                {
                    if (RuleValue.Of(property, routes, symbols) is { } value)
                    {
                        yield return value;
                    }
                }
            }
        }

        /// <summary>Why the rule cannot read <paramref name="value"/> as its argument of type <paramref name="argument"/>, or <see langword="null"/>.</summary>
        private string? FindValueProblem(RuleValue value, ITypeSymbol argument, RuleTarget target)
        {
            var viaMetadata = target is not (RuleTarget.ServerFunction or RuleTarget.ServerFunctionClass);
            if (viaMetadata && value.NotFromRouteOrQuery is { } source)
            {
                return $"names {value.Describe}, which {source}; UseSessionAuth() reads a rule's argument from the route values and the query string only";
            }

            // The router hands a page its route text (it converts no enums), so the property's type says nothing of how
            // the rule's argument is read: UseSessionAuth() parses that text as the rule's argument type.
            if (target == RuleTarget.Component)
            {
                return ParameterParser.ClassifyText(argument, symbols.Known).Kind != TextKind.None
                    ? null
                    : $"names {value.Describe}, but the rule's argument type {Display(argument)} is no text UseSessionAuth() can parse from the route or query (a string, an enum or an IParsable type)";
            }

            if (IsNullable(value.Type) && !IsNullable(argument) && argument.NullableAnnotation != NullableAnnotation.None)
            {
                return $"names {value.Describe} of type {Display(value.Type)}, which can be null, but the rule's argument type {Display(argument)} cannot: take {Display(argument)}? in the rule, or make the value required";
            }

            var from = Underlying(value.Type);
            var to = Underlying(argument);
            if (viaMetadata)
            {
                return SameType(from, to)
                    ? null
                    : $"names {value.Describe} of type {Display(value.Type)}, but UseSessionAuth() parses the route or query text as the rule's argument type {Display(argument)}, so the two must be the same type";
            }

            var conversion = compilation.ClassifyCommonConversion(value.Type, argument);
            return conversion.IsIdentity || (conversion.IsImplicit && (conversion.IsReference || conversion.IsNullable))
                ? null
                : $"names {value.Describe} of type {Display(value.Type)}, which does not convert to the rule's argument type {Display(argument)} by an identity, reference or nullable conversion";
        }

        private (IParameterSymbol Parameter, ITypeSymbol Type)? SessionParameter(IMethodSymbol method)
        {
            foreach (var parameter in method.Parameters)
            {
                if (KnownTypes.IsConstructedFrom(parameter.Type, symbols.Known.SessionOfT))
                {
                    return (parameter, ((INamedTypeSymbol)parameter.Type).TypeArguments[0]);
                }

                if (parameter.Type.GetAttributes().Any(a => KnownTypes.Is(a.AttributeClass, symbols.Known.SessionData)))
                {
                    return (parameter, parameter.Type);
                }
            }

            return null;
        }

        private static bool IsNullable(ITypeSymbol type) =>
            type.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T || (type.IsReferenceType && type.NullableAnnotation == NullableAnnotation.Annotated);

        private static ITypeSymbol Underlying(ITypeSymbol type) =>
            type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable ? nullable.TypeArguments[0] : type;

        private static bool SameType(ITypeSymbol a, ITypeSymbol b) => SymbolEqualityComparer.Default.Equals(a, b);

        private static string Display(ITypeSymbol type) => type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat);

        /// <summary>An endpoint that reads the member's rules: the member itself (<paramref name="Page"/> <see langword="null"/>) or a page derived from it.</summary>
        private sealed record Reader(INamedTypeSymbol? Page, IReadOnlyList<RuleValue> Values);
    }
}
