using Microsoft.CodeAnalysis;
using SessionAuth.Generators.Model;

namespace SessionAuth.Generators.Parsing;

/// <summary>
/// Flattens a parameter whose members bind one by one into those members, as minimal APIs bind them: an
/// <c>[AsParameters]</c> parameter (each member bound as if it were a parameter of the function, with its own binding
/// attributes, nullability and default value) and a <c>[FromForm]</c> parameter of a complex type (each member a form
/// field named like it). The members are chosen as the Request Delegate Generator chooses them: the parameters of the
/// type's one public constructor, each matching a public property of the same name (ignoring case) and type, or, for a
/// public parameterless constructor (or any struct with several), its properties with a public setter.
/// </summary>
internal static class CompositeParameterParser
{
    /// <summary>The most arguments a <c>Func</c> or <c>Action</c> takes; the members are the generated delegate's arguments.</summary>
    private const int MaxDelegateArguments = 16;

    private enum Kind
    {
        None,
        AsParameters,
        Form,
    }

    /// <summary>One member: the property, and the constructor parameter it is passed as (or <see langword="null"/> when it is set).</summary>
    private readonly record struct Member(IPropertySymbol Property, IParameterSymbol? ConstructorParameter);

    /// <summary>Whether <paramref name="parameter"/> is flattened into its members.</summary>
    public static bool IsComposite(IParameterSymbol parameter, ParameterParser parser, KnownTypes types) => KindOf(parameter, parser, types) != Kind.None;

    /// <summary>Whether a member of an <c>[AsParameters]</c> parameter takes the whole body (<c>[FromBody]</c>, <c>Stream</c>, <c>PipeReader</c>).</summary>
    public static bool HasBodyMember(IMethodSymbol method, KnownTypes types) =>
        method.Parameters.Any(p => BindingAttribute.Read(p, types).Source == AttributeSource.AsParameters
            && p.Type is INamedTypeSymbol type
            && FindMembers(type, out _) is { } members
            && members.Any(m => BindingAttribute.Read(BindingTarget.Of(m.Property, m.ConstructorParameter), types).Source == AttributeSource.Body
                || KnownTypes.Is(m.Property.Type, types.Stream) || KnownTypes.Is(m.Property.Type, types.PipeReader)));

    /// <summary>
    /// Adds the bindings of <paramref name="parameter"/>'s members to <paramref name="parameters"/> and says how the
    /// argument is built from them, or <see langword="null"/> with the <paramref name="problem"/> that prevents it.
    /// </summary>
    public static CompositeArgumentSpec? Parse(IParameterSymbol parameter, int position, ParameterParser parser, KnownTypes types, List<ParameterSpec> parameters, out ServerFunctionProblem? problem)
    {
        problem = null;
        var kind = KindOf(parameter, parser, types);
        var attribute = kind == Kind.AsParameters ? "[AsParameters]" : "[FromForm]";
        var typeName = parameter.Type.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat);
        var isOptional = parameter.HasExplicitDefaultValue || parameter.NullableAnnotation == NullableAnnotation.Annotated
            || parameter.Type.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T;
        if (isOptional)
        {
            return Refuse(parameter, attribute, typeName, kind == Kind.AsParameters
                ? "it is optional (nullable or with a default), which minimal APIs refuse for [AsParameters]; make it non-nullable"
                : "it is optional (nullable or with a default); a [FromForm] type is bound non-nullable, member by member", out problem);
        }

        if (parser.IsSession(parameter.Type))
        {
            return Refuse(parameter, attribute, typeName, "it is the session, which comes from the session cookie, never from the request's values", out problem);
        }

        // A tuple's element names exist only in the compiler: at run time its members are the fields Item1, Item2...,
        // which minimal APIs do not bind ([AsParameters] binds properties and finds none to match its constructor).
        if (parameter.Type.IsTupleType)
        {
            return Refuse(parameter, attribute, typeName, "it is a tuple, whose elements are fields named only at compile time, which minimal APIs cannot bind either; declare a record with the same members", out problem);
        }

        string? reason = null;
        if (parameter.Type is not INamedTypeSymbol type || FindMembers(type, out reason) is not { } members)
        {
            return Refuse(parameter, attribute, typeName, reason ?? "it is not a class, struct or record", out problem);
        }

        if (FindDeprecated(members, types) is { } deprecated)
        {
            return Refuse(parameter, attribute, typeName, $"{deprecated} is [Obsolete] or [Experimental], and generated code would warn where it uses it; take the member as a parameter of its own", out problem);
        }

        var first = parameters.Count;
        var specs = new List<CompositeMemberSpec>(members.Count);
        foreach (var member in members)
        {
            var target = BindingTarget.Of(member.Property, member.ConstructorParameter);
            if (kind == Kind.AsParameters && parser.IsSession(member.Property.Type))
            {
                return Refuse(parameter, attribute, typeName, $"its member '{member.Property.Name}' is the session, which only a parameter of the function can take", out problem);
            }

            var spec = kind == Kind.AsParameters
                ? parser.Parse(target, out var memberProblem)
                : parser.ParseFormMember(target, member.ConstructorParameter is not null, out memberProblem);
            if (spec is null)
            {
                // A member that must not be null where the function is unguarded is the session; refused above.
                var memberReason = memberProblem is ServerFunctionProblem.CannotBeBuilt cannotBeBuilt ? cannotBeBuilt.Reason : $"its member '{member.Property.Name}' cannot be bound";
                return Refuse(parameter, attribute, typeName, memberReason, out problem);
            }

            parameters.Add(spec);
            specs.Add(new CompositeMemberSpec(member.Property.Name, member.ConstructorParameter is not null));
        }

        return new CompositeArgumentSpec(position, first, parameter.Type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat), specs.ToEquatableArray());
    }

    /// <summary>Why the flattened parameters are too many for the generated delegate, or <see langword="null"/>.</summary>
    public static ServerFunctionProblem? FindTooMany(int count, bool isStatic) =>
        count + (isStatic ? 0 : 1) <= MaxDelegateArguments
            ? null
            : new ServerFunctionProblem.CannotBeBuilt($"its parameters and the members of its [AsParameters] and [FromForm] types are {count} values to bind, more than the {(isStatic ? MaxDelegateArguments : MaxDelegateArguments - 1)} {(isStatic ? "a static" : "an instance")} server function can take");

    private static Kind KindOf(IParameterSymbol parameter, ParameterParser parser, KnownTypes types)
    {
        var source = BindingAttribute.Read(parameter, types).Source;
        if (source == AttributeSource.AsParameters)
        {
            return Kind.AsParameters;
        }

        // [FromForm] on text, an array, StringValues or a form file is one field; on another class or struct it is a
        // complex type that minimal APIs map from the form's fields. Collections and interfaces are left to the
        // parameter rules, which refuse them.
        var type = parameter.Type;
        var isComplex = source == AttributeSource.Form
            && type is INamedTypeSymbol { TypeKind: TypeKind.Class or TypeKind.Struct }
            && type.SpecialType is not (SpecialType.System_String or SpecialType.System_Object)
            && !parser.IsText(type)
            && !parser.IsSession(type)
            && !KnownTypes.Is(type, types.StringValues) && !KnownTypes.Is(type, types.FormFile) && !KnownTypes.Is(type, types.FormFileCollection)
            && !KnownTypes.Is(type, types.FormCollection) && !KnownTypes.Is(type, types.Stream) && !KnownTypes.Is(type, types.PipeReader)
            && !type.AllInterfaces.Any(static i => i.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T);
        return isComplex ? Kind.Form : Kind.None;
    }

    /// <summary>The members to bind, chosen as the Request Delegate Generator chooses them, or <see langword="null"/> with the <paramref name="reason"/>.</summary>
    private static List<Member>? FindMembers(INamedTypeSymbol type, out string? reason)
    {
        reason = null;
        if (type.IsAbstract)
        {
            reason = $"{(type.TypeKind == TypeKind.Interface ? "it is an interface" : "it is abstract")}, which nothing can construct (minimal APIs refuse it too)";
            return null;
        }

        var constructors = type.InstanceConstructors.Where(static c => c.DeclaredAccessibility == Accessibility.Public).ToList();
        var properties = type.GetMembers().OfType<IPropertySymbol>()
            .Where(static p => p.DeclaredAccessibility == Accessibility.Public && !p.IsStatic && !p.IsIndexer)
            .ToList();
        var settable = properties.Where(static p => p.SetMethod is { DeclaredAccessibility: Accessibility.Public }).Select(static p => new Member(p, null)).ToList();
        List<Member> members;
        if (constructors.Count == 1 && constructors[0].Parameters.Length > 0)
        {
            members = [];
            foreach (var parameter in constructors[0].Parameters)
            {
                var property = properties.FirstOrDefault(p => string.Equals(p.Name, parameter.Name, StringComparison.OrdinalIgnoreCase) && SymbolEqualityComparer.Default.Equals(p.Type, parameter.Type));
                if (property is null)
                {
                    reason = $"its constructor parameter '{parameter.Name}' matches no public property of the same name and type, which minimal APIs require";
                    return null;
                }

                members.Add(new Member(property, parameter));
            }

            if (!constructors[0].GetAttributes().Any(static a => a.AttributeClass?.ToDisplayString() == "System.Diagnostics.CodeAnalysis.SetsRequiredMembersAttribute")
                && RequiredMembers(type).FirstOrDefault(m => m is IFieldSymbol || !members.Any(b => SymbolEqualityComparer.Default.Equals(b.Property, m))) is { } required)
            {
                reason = $"its required member '{required.Name}' is not a parameter of its constructor, so no binding sets it";
                return null;
            }

            reason = FindUnbindable(members);
            return reason is null ? members : null;
        }

        if (constructors.Count == 1 || type.IsValueType)
        {
            if (RequiredMembers(type).FirstOrDefault(m => m is IFieldSymbol || !settable.Any(s => SymbolEqualityComparer.Default.Equals(s.Property, m))) is { } required)
            {
                reason = $"its required member '{required.Name}' is not a public settable property of its own, so no binding sets it";
                return null;
            }

            reason = FindUnbindable(settable);
            return reason is null ? settable : null;
        }

        reason = constructors.Count > 1
            ? "it has several public constructors; minimal APIs need a single one (or a struct)"
            : "it has no public constructor";
        return null;
    }

    /// <summary>
    /// The required fields and properties of the type and of its base types (an object initializer must set them all,
    /// CS9035), the most derived declaration of each name first.
    /// </summary>
    private static IEnumerable<ISymbol> RequiredMembers(INamedTypeSymbol type)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var current = type; current is not null; current = current.BaseType)
        {
            foreach (var member in current.GetMembers())
            {
                if (member is IPropertySymbol { IsRequired: true } or IFieldSymbol { IsRequired: true } && seen.Add(member.Name))
                {
                    yield return member;
                }
            }
        }
    }

    /// <summary>
    /// Why a member cannot be passed as generated code passes it, or <see langword="null"/>: a constructor parameter
    /// taken by <c>ref</c>, <c>out</c> or <c>ref readonly</c> (CS1620; <c>in</c> takes a value), a <c>ref struct</c> (CS9244) or a pointer (CS0214, CS0306).
    /// </summary>
    private static string? FindUnbindable(List<Member> members)
    {
        foreach (var member in members)
        {
            if (member.ConstructorParameter is { RefKind: not (RefKind.None or RefKind.In) } parameter)
            {
                return $"its constructor takes '{parameter.Name}' by {(parameter.RefKind == RefKind.RefReadOnlyParameter ? "ref readonly" : parameter.RefKind.ToString().ToLowerInvariant())}, which a bound value cannot be passed as";
            }

            var type = member.Property.Type;
            if (type.IsRefLikeType)
            {
                return $"its member '{member.Property.Name}' is a ref struct ({type.ToDisplayString()}), which cannot be a type argument of the binding";
            }

            if (type.TypeKind is TypeKind.Pointer or TypeKind.FunctionPointer)
            {
                return $"its member '{member.Property.Name}' is a pointer ({type.ToDisplayString()}), which cannot be a type argument of the binding";
            }
        }

        return null;
    }

    /// <summary>
    /// The first member, setter, constructor or type of a member that is [Obsolete] or [Experimental], which only the
    /// method's own signature may be (its warnings are disabled around the generated call), as the reader knows it.
    /// </summary>
    private static string? FindDeprecated(List<Member> members, KnownTypes types)
    {
        foreach (var member in members)
        {
            var symbols = new List<ISymbol> { member.Property };
            symbols.AddRange(SignatureTypes.TypesIn(member.Property.Type));
            var key = BindingAttribute.Read(BindingTarget.Of(member.Property, member.ConstructorParameter), types);
            var keyType = key.Key is null ? null : key.KeyType;
            if (keyType is not null)
            {
                symbols.Add(keyType);
            }

            if (member.Property.SetMethod is { } setter && member.ConstructorParameter is null)
            {
                symbols.Add(setter);
            }

            if (member.ConstructorParameter?.ContainingSymbol is { } constructor)
            {
                symbols.Add(constructor);
            }

            var deprecated = symbols.FirstOrDefault(static s => s.GetAttributes().Any(static a =>
                a.AttributeClass?.ToDisplayString() is "System.ObsoleteAttribute" or "System.Diagnostics.CodeAnalysis.ExperimentalAttribute"));
            if (deprecated is not null)
            {
                return deprecated switch
                {
                    IMethodSymbol { MethodKind: MethodKind.Constructor } => "its constructor",
                    IMethodSymbol => $"the setter of its member '{member.Property.Name}'",
                    IPropertySymbol => $"its member '{member.Property.Name}'",
                    _ when SymbolEqualityComparer.Default.Equals(deprecated, keyType) => $"{deprecated.Name}, the type of the service key of its member '{member.Property.Name}',",
                    _ => $"{deprecated.Name}, the type of its member '{member.Property.Name}',",
                };
            }
        }

        return null;
    }

    private static CompositeArgumentSpec? Refuse(IParameterSymbol parameter, string attribute, string typeName, string reason, out ServerFunctionProblem? problem)
    {
        problem = new ServerFunctionProblem.CannotBeBuilt($"parameter '{parameter.Name}' ({attribute} {typeName}) cannot be bound: {reason}");
        return null;
    }
}
