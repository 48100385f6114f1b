using Microsoft.CodeAnalysis;

namespace SessionAuth.Generators.Parsing;

/// <summary>Which of ASP.NET Core's binding attributes a parameter carries.</summary>
internal enum AttributeSource
{
    None,
    Route,
    Query,
    Header,
    Form,
    Body,
    Services,
    KeyedServices,
    AsParameters,
}

/// <summary>
/// The binding attribute on one parameter, read as the Request Delegate Generator reads it: by the metadata interface
/// the attribute implements (<c>IFromQueryMetadata</c>...), in the same order of precedence, with the <c>Name</c> given
/// as a named argument.
/// </summary>
internal readonly record struct BindingAttribute(AttributeSource Source, string? Name, string DisplayName, bool AllowEmpty, object? Key, ITypeSymbol? KeyType)
{
    private static readonly object Unwritable = new();

    public static BindingAttribute Read(IParameterSymbol parameter, KnownTypes types) => Read(BindingTarget.Of(parameter), types);

    public static BindingAttribute Read(BindingTarget parameter, KnownTypes types)
    {
        var attributes = parameter.GetAttributes();
        return Find(attributes, types.FromRouteMetadata, AttributeSource.Route)
            ?? Find(attributes, types.FromQueryMetadata, AttributeSource.Query)
            ?? Find(attributes, types.FromHeaderMetadata, AttributeSource.Header)
            ?? Find(attributes, types.FromFormMetadata, AttributeSource.Form)
            ?? Find(attributes, types.FromBodyMetadata, AttributeSource.Body)
            ?? Find(attributes, types.FromServiceMetadata, AttributeSource.Services)
            ?? FindExact(attributes, types.FromKeyedServices, AttributeSource.KeyedServices)
            ?? FindExact(attributes, types.AsParameters, AttributeSource.AsParameters)
            ?? default;
    }

    private static BindingAttribute? Find(IEnumerable<AttributeData> attributes, INamedTypeSymbol? metadata, AttributeSource source)
    {
        var attribute = attributes.FirstOrDefault(a => a.AttributeClass is { } c && KnownTypes.Implements(c, metadata));
        return attribute is null ? null : Of(attribute, source);
    }

    private static BindingAttribute? FindExact(IEnumerable<AttributeData> attributes, INamedTypeSymbol? type, AttributeSource source)
    {
        var attribute = attributes.FirstOrDefault(a => KnownTypes.Is(a.AttributeClass, type));
        return attribute is null ? null : Of(attribute, source);
    }

    private static BindingAttribute Of(AttributeData attribute, AttributeSource source)
    {
        string? name = null;
        var allowEmpty = false;
        foreach (var argument in attribute.NamedArguments)
        {
            switch (argument.Key)
            {
                case "Name" when argument.Value.Value is string { Length: > 0 } value:
                    name = value;
                    break;
                case "AllowEmpty" when argument.Value.Value is true:
                    allowEmpty = true;
                    break;

                // MVC's [FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)]: Allow is 1.
                case "EmptyBodyBehavior" when argument.Value.Value is 1:
                    allowEmpty = true;
                    break;
            }
        }

        var key = source == AttributeSource.KeyedServices && attribute.ConstructorArguments.Length > 0 ? attribute.ConstructorArguments[0] : default;
        var displayName = KnownTypes.AttributeName(attribute.AttributeClass!);

        // A key given as a type or an array has no constant form generated code could pass: the parser refuses it.
        var keyValue = key.Kind switch
        {
            TypedConstantKind.Error => null,
            TypedConstantKind.Primitive or TypedConstantKind.Enum => key.Value,
            _ => Unwritable,
        };
        return new BindingAttribute(source, name, displayName, allowEmpty, keyValue, key.Type);
    }
}
