using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SessionAuth.Generators.Emitting;
using SessionAuth.Generators.Model;

namespace SessionAuth.Generators.Parsing;

/// <summary>
/// The attributes a server function's endpoint carries as metadata, as generated code constructs them: those of the types
/// around the method, outermost first, then the method's, each symbol's as <c>GetCustomAttributes(inherit: true)</c> reads
/// them (<see cref="AttributeCarrier"/>: its own in declaration order, then the inheritable ones of its base classes or the
/// methods it overrides). A minimal API puts its handler method's attributes, read the same way, into the endpoint's
/// metadata after the group's conventions (<c>RouteEndpointDataSource</c>); a server function's classes come before its
/// method, so that for the metadata ASP.NET Core reads last-wins (<c>GetMetadata&lt;T&gt;()</c>) the nearest attribute decides.
/// </summary>
/// <remarks>
/// <c>[ServerFunction]</c> itself is left out: it made the endpoint, whose route, verb and <c>ServerFunctionMetadata</c>
/// say what it said. An attribute whose class is <c>[Conditional]</c> on a symbol the application does not define is left
/// out too, as the compiler leaves it out of the assembly.
/// </remarks>
internal sealed class EndpointAttributes
{
    private readonly Compilation _compilation;
    private readonly List<ISymbol> _named = [];

    private EndpointAttributes(Compilation compilation)
    {
        _compilation = compilation;
    }

    /// <summary>
    /// The attributes of <paramref name="method"/> and its types as specs (but the decisions <paramref name="guard"/> finds
    /// overridden), and in <paramref name="named"/> every symbol the
    /// generated construction names (classes, constructors, members, enum members, <c>typeof</c> types), whose
    /// <c>[Obsolete]</c> and <c>[Experimental]</c> warnings the generated code disables; or <see langword="null"/> and, in
    /// <paramref name="problem"/>, why generated code cannot construct one of them.
    /// </summary>
    public static EquatableArray<AttributeSpec>? Read(IMethodSymbol method, ServerFunctionGuard guard, AttributeData serverFunction, Compilation compilation, out IReadOnlyList<ISymbol> named, out string? problem)
    {
        var reader = new EndpointAttributes(compilation);
        named = reader._named;
        var specs = ImmutableArray.CreateBuilder<AttributeSpec>();
        for (var level = 0; level < guard.Carriers.Count; level++)
        {
            foreach (var (attribute, owner) in guard.Carriers[level].Attributes)
            {
                // An attribute the compiler could not bind is already an error of its own; a decision a nearer one
                // overrides is not the endpoint's (ServerFunctionGuard).
                if (attribute.AttributeClass is not { TypeKind: not TypeKind.Error } attributeClass || attribute.AttributeConstructor is null
                    || !guard.Carries(level, attribute)
                    || SymbolEqualityComparer.Default.Equals(attributeClass, serverFunction.AttributeClass)
                    || ConditionalCompilation.IsAttributeOmitted(attribute, attributeClass))
                {
                    continue;
                }

                if (reader.Construct(attribute, attributeClass, out var reason) is not { } spec)
                {
                    problem = $"it carries the attribute [{attributeClass.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat)}]{Where(owner, method)}, which its endpoint carries as metadata, but {reason}";
                    return null;
                }

                specs.Add(spec);
            }
        }

        problem = null;
        return specs.ToImmutable().ToEquatableArray();
    }

    private static string Where(ISymbol owner, IMethodSymbol method) =>
        SymbolEqualityComparer.Default.Equals(owner, method) ? string.Empty
        : owner is IMethodSymbol overridden ? $" on {overridden.ContainingType.Name}.{overridden.Name}, which it overrides"
        : $" on {owner.Name}";

    private AttributeSpec? Construct(AttributeData attribute, INamedTypeSymbol attributeClass, out string? reason)
    {
        var constructor = attribute.AttributeConstructor!;
        reason = SignatureTypes.FindUnreachable(attributeClass, _compilation) is { } unreachable
            ? $"its class {unreachable}"
            : !_compilation.IsSymbolAccessibleWithin(constructor, _compilation.Assembly)
                ? "generated code cannot reach its constructor; make it internal or public"
                : null;
        if (reason is not null)
        {
            return null;
        }

        _named.Add(attributeClass);
        _named.Add(constructor);
        var arguments = ImmutableArray.CreateBuilder<string>(attribute.ConstructorArguments.Length);
        for (var i = 0; i < attribute.ConstructorArguments.Length; i++)
        {
            // Each argument has its parameter's type exactly, so the same constructor is chosen among overloads.
            if (Expression(attribute.ConstructorArguments[i], constructor.Parameters[i].Type, exact: true, out reason) is not { } argument)
            {
                return null;
            }

            arguments.Add(argument);
        }

        var namedArguments = ImmutableArray.CreateBuilder<NamedArgumentSpec>(attribute.NamedArguments.Length);
        foreach (var namedArgument in attribute.NamedArguments)
        {
            var (name, value) = (namedArgument.Key, namedArgument.Value);
            var member = FindSettable(attributeClass, name);
            if (member is null)
            {
                reason = $"generated code cannot set its member {name}";
                return null;
            }

            _named.Add(member);
            var memberType = member is IPropertySymbol property ? property.Type : ((IFieldSymbol)member).Type;
            if (Expression(value, memberType, exact: false, out reason) is not { } expression)
            {
                return null;
            }

            namedArguments.Add(new NamedArgumentSpec(CSharpText.Identifier(name), expression));
        }

        return new AttributeSpec(
            attributeClass.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
            arguments.MoveToImmutable().ToEquatableArray(),
            namedArguments.MoveToImmutable().ToEquatableArray());
    }

    /// <summary>The public property or field named <paramref name="name"/> that generated code can set, on the class or a base.</summary>
    private ISymbol? FindSettable(INamedTypeSymbol attributeClass, string name)
    {
        for (var type = attributeClass; type is not null; type = type.BaseType)
        {
            foreach (var member in type.GetMembers(name))
            {
                var settable = member switch
                {
                    IPropertySymbol { SetMethod: { } setter } => _compilation.IsSymbolAccessibleWithin(setter, _compilation.Assembly),
                    IFieldSymbol { IsReadOnly: false, IsConst: false, IsStatic: false } => _compilation.IsSymbolAccessibleWithin(member, _compilation.Assembly),
                    _ => false,
                };
                if (settable)
                {
                    return member;
                }
            }
        }

        return null;
    }

    /// <summary>
    /// <paramref name="constant"/> as an expression of its own type, which converts to <paramref name="target"/>'s as the
    /// compiler converted it (an <c>int</c> given to an <c>object</c> stays a boxed <c>int</c>). A constructor's argument
    /// (<paramref name="exact"/>) is cast to its parameter's type, null included, so that it picks the same overload.
    /// </summary>
    private string? Expression(TypedConstant constant, ITypeSymbol target, bool exact, out string? reason)
    {
        reason = null;
        if (constant.Kind == TypedConstantKind.Error || constant.Type is null)
        {
            reason = "one of its values does not compile";
            return null;
        }

        // The generated file enables nullable annotations whatever the project says; the value is the one the attribute has.
        if (constant.IsNull)
        {
            return exact ? $"({Name(target)})null!" : "null!";
        }

        var value = OwnExpression(constant, out reason);
        if (value is null)
        {
            return null;
        }

        return !exact || SymbolEqualityComparer.Default.Equals(constant.Type, target) ? value : $"({Name(target)})({value})";
    }

    /// <summary>A non-null <paramref name="constant"/> as an expression of its own type.</summary>
    private string? OwnExpression(TypedConstant constant, out string? reason)
    {
        reason = null;
        var type = constant.Type!;
        switch (constant.Kind)
        {
            case TypedConstantKind.Array:
                var elementType = ((IArrayTypeSymbol)type).ElementType;
                var elements = new List<string>(constant.Values.Length);
                foreach (var element in constant.Values)
                {
                    if (Expression(element, elementType, exact: false, out reason) is not { } expression)
                    {
                        return null;
                    }

                    elements.Add(expression);
                }

                return Reachable(type, out reason)
                    ? elements.Count == 0 ? $"new {Name(elementType)}[0]" : $"new {Name(type)} {{ {string.Join(", ", elements)} }}"
                    : null;
            case TypedConstantKind.Type:
                var named = (ITypeSymbol)constant.Value!;
                return Reachable(named, out reason) ? $"typeof({TypeOfName(named)})" : null;
            case TypedConstantKind.Enum:
                if (!Reachable(type, out reason))
                {
                    return null;
                }

                var member = type.GetMembers().OfType<IFieldSymbol>().FirstOrDefault(f => f.HasConstantValue && Equals(f.ConstantValue, constant.Value));
                if (member is not null)
                {
                    _named.Add(member);
                    return $"{Name(type)}.{CSharpText.Identifier(member.Name)}";
                }

                return CSharpText.Constant(constant.Value!) is { } number ? $"({Name(type)})({number})" : Unwritable(out reason);
            default:
                var literal = CSharpText.Constant(constant.Value!);
                if (literal is null)
                {
                    return Unwritable(out reason);
                }

                // C# has no literal of these types: an integer literal is an int.
                return type.SpecialType is SpecialType.System_Byte or SpecialType.System_SByte or SpecialType.System_Int16 or SpecialType.System_UInt16
                    ? $"({Name(type)})({literal})"
                    : literal;
        }

        static string? Unwritable(out string? reason)
        {
            reason = "one of its values has no C# form generated code could write";
            return null;
        }
    }

    private bool Reachable(ITypeSymbol type, out string? reason)
    {
        reason = SignatureTypes.FindUnreachable(type, _compilation) is { } unreachable ? $"one of its values {unreachable}" : null;
        if (reason is null)
        {
            _named.AddRange(SignatureTypes.TypesIn(type));
        }

        return reason is null;
    }

    private static string Name(ITypeSymbol type) => type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);

    /// <summary><c>typeof</c>'s operand: an open generic type (<c>typeof(List&lt;&gt;)</c>) is written without type arguments.</summary>
    private static string TypeOfName(ITypeSymbol type) =>
        type is INamedTypeSymbol { IsUnboundGenericType: true } unbound
            ? UnboundName(unbound)
            : Name(type);

    private static string UnboundName(INamedTypeSymbol type)
    {
        var arity = type.Arity == 0 ? string.Empty : "<" + new string(',', type.Arity - 1) + ">";
        var name = CSharpText.Identifier(type.Name) + arity;
        return type.ContainingType is { } containing
            ? UnboundName(containing.IsGenericType ? containing.ConstructUnboundGenericType() : containing) + "." + name
            : type.ContainingNamespace is { IsGlobalNamespace: false } ns
                ? "global::" + ns.ToDisplayString() + "." + name
                : "global::" + name;
    }
}
