using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace SessionAuth.Generators.Parsing;

/// <summary>
/// What <see cref="ParameterParser"/> binds: a parameter of the server function, or a member of an
/// <c>[AsParameters]</c> or <c>[FromForm]</c> type bound as if it were one (a property, with the attributes and default
/// value of the constructor parameter it matches, as the Request Delegate Generator reads it). Its members are named
/// as <see cref="IParameterSymbol"/>'s, so that the parser reads either alike.
/// </summary>
internal sealed class BindingTarget
{
    private readonly ImmutableArray<AttributeData> _attributes;

    private BindingTarget(string name, ITypeSymbol type, NullableAnnotation nullableAnnotation, ImmutableArray<AttributeData> attributes, IParameterSymbol? parameter)
    {
        Name = name;
        Type = type;
        NullableAnnotation = nullableAnnotation;
        _attributes = attributes;
        HasExplicitDefaultValue = parameter?.HasExplicitDefaultValue ?? false;
        ExplicitDefaultValue = HasExplicitDefaultValue ? parameter!.ExplicitDefaultValue : null;
    }

    /// <summary>The server function's own parameter this is; <see langword="null"/> for a member of a type bound member by member.</summary>
    public IParameterSymbol? FunctionParameter { get; private init; }

    public string Name { get; }

    public ITypeSymbol Type { get; }

    public NullableAnnotation NullableAnnotation { get; }

    public bool HasExplicitDefaultValue { get; }

    public object? ExplicitDefaultValue { get; }

    public static BindingTarget Of(IParameterSymbol parameter) =>
        new(parameter.Name, parameter.Type, parameter.NullableAnnotation, parameter.GetAttributes(), parameter) { FunctionParameter = parameter };

    /// <summary>A property bound as a parameter; <paramref name="constructorParameter"/>, when it matches one, adds its attributes and default value.</summary>
    public static BindingTarget Of(IPropertySymbol property, IParameterSymbol? constructorParameter)
    {
        var attributes = constructorParameter is null ? property.GetAttributes() : property.GetAttributes().AddRange(constructorParameter.GetAttributes());
        return new(property.Name, property.Type, property.NullableAnnotation, attributes, constructorParameter);
    }

    public ImmutableArray<AttributeData> GetAttributes() => _attributes;
}
