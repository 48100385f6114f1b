using Microsoft.CodeAnalysis;
using SessionAuth.Generators.Parsing;

namespace SessionAuth.Generators.Analyzers;

/// <summary>
/// One <c>[RequireSession&lt;TRule&gt;]</c> as written, and what its rule type says about itself: the session type its
/// <c>Allows</c> takes and, for a two-argument rule, the argument type.
/// </summary>
/// <param name="Attribute">The attribute application.</param>
/// <param name="Rule">The rule type (<c>TRule</c>).</param>
/// <param name="Session">The rule's <c>TSession</c>; <see langword="null"/> when <see cref="Problem"/> says why there is none.</param>
/// <param name="Argument">The rule's <c>TArgument</c>, for a two-argument rule; <see langword="null"/> for a one-argument rule.</param>
/// <param name="ArgumentName">The attribute's <c>Argument</c>, or <see langword="null"/> when it is not set.</param>
/// <param name="Problem">Why no <c>Allows</c> can be called on the rule type, or <see langword="null"/>.</param>
internal sealed record SessionRuleShape(AttributeData Attribute, INamedTypeSymbol Rule, ITypeSymbol? Session, ITypeSymbol? Argument, string? ArgumentName, string? Problem)
{
    public const string ArgumentProperty = "Argument";

    public bool TakesArgument => Argument is not null;

    /// <summary>The rule as messages name it: <c>Prefect</c>, <c>Rules.OwnHouse</c>.</summary>
    public string Name => Rule.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat);

    /// <summary>The <c>[RequireSession&lt;TRule&gt;]</c> attributes on <paramref name="symbol"/>, read.</summary>
    public static IEnumerable<SessionRuleShape> On(ISymbol symbol, AnalyzerSymbols symbols)
    {
        foreach (var attribute in symbol.GetAttributes())
        {
            if (KnownTypes.IsConstructedFrom(attribute.AttributeClass, symbols.Known.RequireSessionOfRule)
                && attribute.AttributeClass!.TypeArguments[0] is INamedTypeSymbol { TypeKind: not TypeKind.Error } rule)
            {
                yield return Read(attribute, rule, symbols);
            }
        }
    }

    /// <summary>How messages name a <c>[RequireSession]</c> attribute class: <c>RequireSession</c>, <c>RequireSession&lt;Prefect&gt;</c>.</summary>
    public static string AttributeName(INamedTypeSymbol attributeClass) => attributeClass.IsGenericType
        ? $"RequireSession<{attributeClass.TypeArguments[0].ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat)}>"
        : "RequireSession";

    /// <summary>The <c>Argument = ...</c> of the attribute as written, else the whole attribute: where a diagnostic about it belongs.</summary>
    public Location ArgumentLocation(CancellationToken cancellationToken)
    {
        var syntax = Attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken);
        if (syntax is Microsoft.CodeAnalysis.CSharp.Syntax.AttributeSyntax { ArgumentList: { } arguments })
        {
            foreach (var argument in arguments.Arguments)
            {
                if (argument.NameEquals?.Name.Identifier.ValueText == ArgumentProperty)
                {
                    return argument.GetLocation();
                }
            }
        }

        return syntax?.GetLocation() ?? Location.None;
    }

    private static SessionRuleShape Read(AttributeData attribute, INamedTypeSymbol rule, AnalyzerSymbols symbols)
    {
        var argumentName = attribute.NamedArguments.FirstOrDefault(static a => a.Key == ArgumentProperty).Value.Value as string;
        var implemented = (rule.TypeKind == TypeKind.Interface ? rule.AllInterfaces.Add(rule) : rule.AllInterfaces)
            .Where(i => KnownTypes.IsConstructedFrom(i, symbols.Known.SessionRuleOfSession) || KnownTypes.IsConstructedFrom(i, symbols.Known.SessionRuleOfSessionAndArgument))
            .ToList();
        string? problem = null;
        if (rule.TypeKind == TypeKind.Interface)
        {
            problem = "it is an interface, whose Allows has no body to call; name the class or struct that implements it";
        }
        else if (implemented.Count == 0)
        {
            problem = "it implements only the marker ISessionRule, which has no Allows; implement ISessionRule<TSession> or ISessionRule<TSession, TArgument>";
        }
        else if (implemented.Count > 1)
        {
            problem = $"it implements {string.Join(" and ", implemented.Select(static i => i.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat)))}, so which Allows the guard should call is ambiguous; implement exactly one rule interface";
        }

        if (problem is not null)
        {
            return new SessionRuleShape(attribute, rule, null, null, argumentName, problem);
        }

        var arguments = implemented[0].TypeArguments;
        return new SessionRuleShape(attribute, rule, arguments[0], arguments.Length > 1 ? arguments[1] : null, argumentName, null);
    }
}
