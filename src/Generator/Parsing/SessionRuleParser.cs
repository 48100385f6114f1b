using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using SessionAuth.Generators.Emitting;
using SessionAuth.Generators.Model;

namespace SessionAuth.Generators.Parsing;

/// <summary>
/// Reads the <c>[RequireSession&lt;TRule&gt;]</c> rules of a server function, and the rule types a project registers.
/// A rule the generated code could not call as written (its session type is not the function's, its <c>Argument</c> is
/// missing, names no bound parameter or one of another type, or is given to a one-argument rule) makes the function one
/// the generator skips: never mapped, so never open; the rule analyzers say why.
/// </summary>
internal static class SessionRuleParser
{
    private const string ArgumentProperty = "Argument";

    /// <summary>
    /// The rules that apply to <paramref name="method"/>, outermost type first and the method last, each with the rules
    /// its base classes (or the methods it overrides) pass on (<see cref="AttributeCarrier"/>): every one must hold.
    /// A type or the method that carries <c>[AllowAnonymous]</c> opens the function to the rules outside it, as it
    /// opens it to their <c>[RequireSession]</c>; those on the levels <paramref name="guard"/> finds overridden are not asked. <see langword="false"/> when a rule cannot be honoured.
    /// </summary>
    /// <param name="method">The server function.</param>
    /// <param name="guard">Its guard (<see cref="ServerFunctionGuard"/>); rules apply only when it requires a session.</param>
    /// <param name="parameters">Its parameters as bound, an <c>[AsParameters]</c> parameter's members in its place.</param>
    /// <param name="composites">Its <c>[AsParameters]</c> and complex <c>[FromForm]</c> parameters.</param>
    /// <param name="sessionDataType">The session data type a parameter names, if any; every rule must read that type.</param>
    /// <param name="compilation">The compilation, for accessibility and conversions.</param>
    /// <param name="types">The known types.</param>
    /// <param name="rules">The rules, in the order they are asked.</param>
    /// <param name="ruleSessionType">The session data type the rules read, <c>global::</c>-qualified; <see langword="null"/> without rules.</param>
    /// <param name="problem">
    /// When a rule cannot be honoured and its attribute comes from a referenced assembly (a base class or an overridden
    /// method declared there), why; the rule analyzers report an attribute of this compilation where it is written.
    /// </param>
    public static bool TryRead(
        IMethodSymbol method,
        ServerFunctionGuard guard,
        IReadOnlyList<ParameterSpec> parameters,
        IReadOnlyList<CompositeArgumentSpec> composites,
        string? sessionDataType,
        Compilation compilation,
        KnownTypes types,
        out EquatableArray<SessionRuleSpec> rules,
        out string? ruleSessionType,
        out string? problem)
    {
        rules = EquatableArray<SessionRuleSpec>.Empty;
        ruleSessionType = null;
        problem = null;
        if (!guard.Decision.RequiresSession || types.RequireSessionOfRule is null)
        {
            return true;
        }

        // Inward from the outermost level that decides: an [AllowAnonymous] a nearer decision overrides takes the rules
        // around it along (ServerFunctionGuard).
        var carriers = guard.Carriers;
        var found = ImmutableArray.CreateBuilder<SessionRuleSpec>();
        for (var i = guard.FirstDeciding; i < carriers.Count; i++)
        {
            foreach (var (attribute, owner) in carriers[i].Attributes)
            {
                if (!KnownTypes.IsConstructedFrom(attribute.AttributeClass, types.RequireSessionOfRule))
                {
                    continue;
                }

                var rule = Read(attribute, owner, method, parameters, composites, compilation, types, out var sessionType, out var why);
                if (rule is not null && (ruleSessionType ?? sessionDataType) is { } expected && expected != sessionType)
                {
                    why = $"the rule reads {Shown(sessionType!)}, but the function's session data is {Shown(expected)}";
                    rule = null;
                }

                if (rule is null)
                {
                    problem = attribute.ApplicationSyntaxReference is null
                        ? $"it inherits [RequireSession<{attribute.AttributeClass!.TypeArguments[0].Name}>] from {owner.ToDisplayString()} in the referenced assembly {owner.ContainingAssembly.Name}, and its endpoint cannot call that rule as written: {why}"
                        : null;
                    return false;
                }

                ruleSessionType = sessionType;
                found.Add(rule);
            }
        }

        rules = found.ToImmutable().ToEquatableArray();
        return true;
    }

    /// <summary>
    /// What <paramref name="rule"/> registers, when it is a rule type the generated code can name: a class or struct
    /// (abstract or not: its static <c>Allows</c> is implemented) that implements exactly one of the two rule interfaces
    /// over a <c>[SessionData]</c> type, reachable from a file of its own (<see cref="SignatureTypes.FindUnreachable"/>),
    /// and not <c>[Obsolete]</c> as an error; the registration disables the warnings an <c>[Obsolete]</c> or
    /// <c>[Experimental]</c> rule raises. Otherwise <see langword="null"/> and, when the type is a rule at all,
    /// <paramref name="why"/> it cannot be registered.
    /// </summary>
    public static SessionRuleRegistrationSpec? ReadRegistration(ITypeSymbol rule, Compilation compilation, KnownTypes types, out string? why)
    {
        why = null;
        if (Interface(rule, types) is not { } implemented)
        {
            return null;
        }

        var session = implemented.TypeArguments[0];
        if (session.GetAttributes().All(a => !KnownTypes.Is(a.AttributeClass, types.SessionData)))
        {
            why = $"its session type {session.Name} is not marked [SessionData]";
            return null;
        }

        var named = implemented.TypeArguments.Prepend(rule).ToList();
        if (named.Select(type => SignatureTypes.FindUnreachable(type, compilation)).FirstOrDefault(static reason => reason is not null) is { } unreachable)
        {
            why = $"its registration, generated code in a file of its own, cannot name it: it {unreachable}";
            return null;
        }

        var warnings = SignatureTypes.WarningsOfUse(named, out why);
        if (why is not null)
        {
            return null;
        }

        var type = rule.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
        var sessionType = session.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
        if (implemented.TypeArguments.Length == 1)
        {
            return new SessionRuleRegistrationSpec(type, sessionType, null, null, warnings.ToEquatableArray());
        }

        var argument = implemented.TypeArguments[1];
        return new SessionRuleRegistrationSpec(type, sessionType, argument.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat), TextBinding(argument, types), warnings.ToEquatableArray());
    }

    /// <summary>
    /// The registration of a rule type declared in the project, or <see langword="null"/> when the type is no rule or one
    /// generated code cannot name (a <c>file</c> class, one nested in a generic class): a rule used somewhere is also
    /// found where it is named (<see cref="ReadNamed"/>), which says why it is not registered.
    /// </summary>
    public static SessionRuleRegistrationSpec? ReadDeclared(GeneratorSyntaxContext context, CancellationToken cancellationToken)
    {
        var compilation = context.SemanticModel.Compilation;
        var types = KnownTypes.For(compilation);
        return types.SessionRuleOfSession is not null && context.SemanticModel.GetDeclaredSymbol(context.Node, cancellationToken) is ITypeSymbol type
            ? ReadRegistration(type, compilation, types, out _)
            : null;
    }

    /// <summary>The rules named by the <c>[RequireSession&lt;TRule&gt;]</c> on one symbol: registered, or why not.</summary>
    public static NamedSessionRulesSpec ReadNamed(GeneratorAttributeSyntaxContext context) =>
        ReadNamed(context.Attributes, context.SemanticModel.Compilation);

    /// <summary>The rules named by <paramref name="attributes"/>, those that are <c>[RequireSession&lt;TRule&gt;]</c>: registered, or why not.</summary>
    public static NamedSessionRulesSpec ReadNamed(IEnumerable<AttributeData> attributes, Compilation compilation)
    {
        var types = KnownTypes.For(compilation);
        var registered = new List<SessionRuleRegistrationSpec>();
        var refused = new List<SessionRuleRefusalSpec>();
        foreach (var attribute in attributes)
        {
            if (!KnownTypes.IsConstructedFrom(attribute.AttributeClass, types.RequireSessionOfRule))
            {
                continue;
            }

            var rule = attribute.AttributeClass!.TypeArguments[0];
            if (ReadRegistration(rule, compilation, types, out var why) is { } registration)
            {
                registered.Add(registration);
            }
            else if (why is not null && RuntimeName(rule) is { } runtimeName)
            {
                refused.Add(new SessionRuleRefusalSpec(runtimeName, why));
            }
        }

        return new NamedSessionRulesSpec(registered.ToEquatableArray(), refused.ToEquatableArray());
    }

    /// <summary>
    /// The name the runtime knows a rule type by (<c>Type.FullName</c>: <c>Shop.Outer+Rule</c>, a <c>file</c> class under
    /// the name the compiler gives it), for a type that is no constructed generic; otherwise <see langword="null"/>.
    /// </summary>
    private static string? RuntimeName(ITypeSymbol rule)
    {
        if (rule is not INamedTypeSymbol named || TypesIn(named).Any(static t => t is INamedTypeSymbol { IsGenericType: true }))
        {
            return null;
        }

        var name = named.MetadataName;
        for (var containing = named.ContainingType; containing is not null; containing = containing.ContainingType)
        {
            name = containing.MetadataName + "+" + name;
        }

        return named.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() + "." + name : name;

        static IEnumerable<INamedTypeSymbol> TypesIn(INamedTypeSymbol type)
        {
            for (var current = type; current is not null; current = current.ContainingType)
            {
                yield return current;
            }
        }
    }

    /// <summary>
    /// The rule <paramref name="attribute"/> names, as the generated endpoint of <paramref name="method"/> calls it. An
    /// <c>Argument</c> names a parameter of the method that declares the attribute (<paramref name="owner"/>, which
    /// <paramref name="method"/> may override under other parameter names) or, on a type, of <paramref name="method"/>:
    /// the rule reads the value bound to the parameter at that position.
    /// </summary>
    private static SessionRuleSpec? Read(AttributeData attribute, ISymbol owner, IMethodSymbol method, IReadOnlyList<ParameterSpec> parameters, IReadOnlyList<CompositeArgumentSpec> composites, Compilation compilation, KnownTypes types, out string? sessionType, out string why)
    {
        sessionType = null;
        var rule = attribute.AttributeClass!.TypeArguments[0];
        if (Interface(rule, types) is not { } implemented)
        {
            why = "the rule is no class or struct that implements exactly one ISessionRule interface";
            return null;
        }

        if (SignatureTypes.FindUnreachable(rule, compilation) is { } unreachable)
        {
            why = $"the rule {unreachable}";
            return null;
        }

        var session = implemented.TypeArguments[0];
        if (session.GetAttributes().All(a => !KnownTypes.Is(a.AttributeClass, types.SessionData)))
        {
            why = $"the rule's session type {session.Name} is not marked [SessionData]";
            return null;
        }

        sessionType = session.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
        var type = rule.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
        var argumentName = attribute.NamedArguments.FirstOrDefault(static a => a.Key == ArgumentProperty).Value.Value as string;
        if (implemented.TypeArguments.Length == 1)
        {
            why = $"the rule takes no argument, but Argument names '{argumentName}'";
            return argumentName is null ? new SessionRuleSpec(type, rule.Name, null, -1, null, sessionType, null) : null;
        }

        var position = argumentName is null ? -1 : IndexOf(owner as IMethodSymbol ?? method, argumentName);
        var index = position < 0 ? -1 : BoundIndex(position, composites);
        if (index < 0 || !parameters[index].IsBound)
        {
            why = argumentName is null ? "the rule reads an argument, but Argument is not set" : $"Argument names '{argumentName}', which is no bound value of the function";
            return null;
        }

        var parameterType = method.Parameters[position].Type;
        var argumentType = implemented.TypeArguments[1];
        var conversion = compilation.ClassifyCommonConversion(parameterType, argumentType);

        // A string? or other nullable reference handed to a rule that takes none would be a null it never expects.
        var dropsNull = !parameterType.IsValueType && method.Parameters[position].NullableAnnotation == NullableAnnotation.Annotated
            && argumentType.NullableAnnotation != NullableAnnotation.Annotated;
        why = $"parameter '{method.Parameters[position].Name}' does not convert to the rule's argument type {argumentType.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat)}";
        return conversion.IsImplicit && !dropsNull
            ? new SessionRuleSpec(type, rule.Name, method.Parameters[position].Name, index, parameters[index].Type, sessionType, ParameterParser.FormatType(argumentType))
            : null;
    }

    /// <summary>
    /// The one <c>ISessionRule&lt;...&gt;</c> the rule implements, which a type argument constrained to it calls
    /// <c>Allows</c> through. An abstract class is such a type argument too: a class implements every static member of the
    /// interface, so none is left abstract.
    /// </summary>
    private static INamedTypeSymbol? Interface(ITypeSymbol rule, KnownTypes types)
    {
        if (rule is not INamedTypeSymbol { TypeKind: TypeKind.Class or TypeKind.Struct } named || named.IsUnboundGenericType)
        {
            return null;
        }

        INamedTypeSymbol? found = null;
        foreach (var implemented in named.AllInterfaces)
        {
            if (KnownTypes.IsConstructedFrom(implemented, types.SessionRuleOfSession) || KnownTypes.IsConstructedFrom(implemented, types.SessionRuleOfSessionAndArgument))
            {
                if (found is not null)
                {
                    return null;
                }

                found = implemented;
            }
        }

        return found;
    }

    /// <summary>
    /// Where the method's parameter at <paramref name="position"/> is among the bound values, whose
    /// <c>[AsParameters]</c> and complex <c>[FromForm]</c> parameters are replaced by their members; -1 for such a
    /// parameter itself, which is never one value a rule could read.
    /// </summary>
    private static int BoundIndex(int position, IReadOnlyList<CompositeArgumentSpec> composites)
    {
        var index = position;
        foreach (var composite in composites)
        {
            if (composite.Position == position)
            {
                return -1;
            }

            if (composite.Position < position)
            {
                index += composite.Members.Count - 1;
            }
        }

        return index;
    }

    private static string Shown(string type) => type.Replace("global::", string.Empty);

    private static int IndexOf(IMethodSymbol method, string name)
    {
        for (var i = 0; i < method.Parameters.Length; i++)
        {
            if (method.Parameters[i].Name == name)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// The <c>ParameterBinding</c> factory that reads a value of <paramref name="argument"/> from text as a server function
    /// parameter of that type is read (required, or null when missing for a nullable type); <see langword="null"/> when it has no text form.
    /// </summary>
    private static string? TextBinding(ITypeSymbol argument, KnownTypes types)
    {
        var (kind, valueType, isNullableValueType) = ParameterParser.ClassifyText(argument, types);
        var nullable = isNullableValueType || (!argument.IsValueType && argument.NullableAnnotation == NullableAnnotation.Annotated);
        var value = valueType.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
        var factory = (kind, nullable, valueType.IsValueType) switch
        {
            (TextKind.String, false, _) => "RequiredString",
            (TextKind.String, true, _) => "NullableString",
            (TextKind.Enum, false, _) => $"Enum<{value}>",
            (TextKind.Enum, true, _) => $"NullableEnum<{value}>",
            (TextKind.Parsable, false, _) => $"Parsable<{value}>",
            (TextKind.Parsable, true, true) => $"NullableParsable<{value}>",
            (TextKind.Parsable, true, false) => $"NullableParsableClass<{value}>",
            _ => null,
        };
        return factory is null ? null : $"{GeneratedFile.InfrastructureNamespace}ParameterBinding.{factory}(name, source)";
    }
}
