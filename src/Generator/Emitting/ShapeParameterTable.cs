using System.Globalization;
using SessionAuth.Generators.Model;

namespace SessionAuth.Generators.Emitting;

/// <summary>
/// How each kind of shape parameter is declared, bound and passed. One table serves both sides: the shape method's
/// type parameters, parameters and bindings (<see cref="EndpointShapesEmitter"/>), and the type arguments and
/// arguments each server function hands it (<see cref="DeclaringTypeEmitter"/>), so the two cannot disagree.
/// </summary>
internal static class ShapeParameterTable
{
    public static ParameterTraits Traits(ShapeParameterKind kind) => kind switch
    {
        ShapeParameterKind.HttpContext => Context("global::Microsoft.AspNetCore.Http.HttpContext", "httpContext", "the HttpContext"),
        ShapeParameterKind.HttpRequest => Context("global::Microsoft.AspNetCore.Http.HttpRequest", "httpContext.Request", "the request"),
        ShapeParameterKind.HttpResponse => Context("global::Microsoft.AspNetCore.Http.HttpResponse", "httpContext.Response", "the response"),
        ShapeParameterKind.CancellationToken => Context("global::System.Threading.CancellationToken", "httpContext.RequestAborted", "the request's cancellation token"),
        ShapeParameterKind.User => Context("global::System.Security.Claims.ClaimsPrincipal", "httpContext.User", "the user"),
        ShapeParameterKind.Session => Context("global::SessionAuth.Session", "session", "the session"),
        ShapeParameterKind.TypedSession => Context("global::SessionAuth.Session<TSession>", "session", "the session"),

        // The data is never null behind the guard; without it, only a nullable parameter can take it (SAUTH0004).
        ShapeParameterKind.SessionData => Context("TSession", "sessionData", "the session data"),

        ShapeParameterKind.String => Text(null, "string", "RequiredString({name}, {source})", ShapeArguments.NameAndSource, "a string"),
        ShapeParameterKind.OptionalString => Text(null, "string", "OptionalString({name}, {source}, {default})", ShapeArguments.NameSourceAndDefault, "a string with a default"),
        ShapeParameterKind.NullableString => Text(null, "string?", "NullableString({name}, {source})", ShapeArguments.NameAndSource, "a string or null"),
        ShapeParameterKind.Parsable => Text(ParsableConstraint, "{T}", "Parsable<{T}>({name}, {source})", ShapeArguments.NameAndSource, "a parsable value"),
        ShapeParameterKind.OptionalParsable => Text(ParsableConstraint, "{T}", "OptionalParsable<{T}>({name}, {source}, {default})", ShapeArguments.NameSourceAndDefault, "a parsable value with a default"),
        ShapeParameterKind.NullableParsable => Text("struct, " + ParsableConstraint, "{T}?", "NullableParsable<{T}>({name}, {source})", ShapeArguments.NameAndSource, "a parsable value or null"),
        ShapeParameterKind.Enum => Text(EnumConstraint, "{T}", "Enum<{T}>({name}, {source})", ShapeArguments.NameAndSource, "an enum value"),
        ShapeParameterKind.OptionalEnum => Text(EnumConstraint, "{T}", "OptionalEnum<{T}>({name}, {source}, {default})", ShapeArguments.NameSourceAndDefault, "an enum value with a default"),
        ShapeParameterKind.NullableEnum => Text(EnumConstraint, "{T}?", "NullableEnum<{T}>({name}, {source})", ShapeArguments.NameAndSource, "an enum value or null"),
        ShapeParameterKind.OptionalNullableParsable => Text("struct, " + ParsableConstraint, "{T}?", "NullableParsable<{T}>({name}, {source}, {default})", ShapeArguments.NameSourceAndDefault, "a parsable value or null, with a default") with { DefaultType = "{T}?" },
        ShapeParameterKind.OptionalNullableEnum => Text(EnumConstraint, "{T}?", "NullableEnum<{T}>({name}, {source}, {default})", ShapeArguments.NameSourceAndDefault, "an enum value or null, with a default") with { DefaultType = "{T}?" },
        ShapeParameterKind.NullableParsableClass => Text("class, " + ParsableConstraint, "{T}?", "NullableParsableClass<{T}>({name}, {source})", ShapeArguments.NameAndSource, "a parsable class or null"),
        ShapeParameterKind.TryParsed => Text(string.Empty, "{T}", "TryParsed<{T}>({name}, {source}, {parse}, isRequired: true, default!)", ShapeArguments.NameSourceAndParser, "a value its type's TryParse parses"),
        ShapeParameterKind.OptionalTryParsed => Text(string.Empty, "{T}", "TryParsed<{T}>({name}, {source}, {parse}, isRequired: false, {default})", ShapeArguments.NameSourceParserAndDefault, "a value its type's TryParse parses, with a default"),
        ShapeParameterKind.NullableTryParsedClass => Text("class", "{T}?", "TryParsed<{T}?>({name}, {source}, {parse}, isRequired: false, null)", ShapeArguments.NameSourceAndParser, "a class its TryParse parses, or null") with { ParsedType = "{T}?" },
        ShapeParameterKind.ObliviousParsableClass => Text("class, " + ParsableConstraint, "{T}", "ObliviousParsableClass<{T}>({name}, {source})", ShapeArguments.NameAndSource, "a parsable class of a #nullable disable context: required, null when empty"),
        ShapeParameterKind.ObliviousTryParsedClass => Text("class", "{T}", "ObliviousTryParsedClass<{T}>({name}, {source}, {parse})", ShapeArguments.NameSourceAndParser, "a class its TryParse parses, of a #nullable disable context: required, null when empty"),
        ShapeParameterKind.NullableTryParsed => Text("struct", "{T}?", "NullableTryParsed<{T}>({name}, {source}, {parse})", ShapeArguments.NameSourceAndParser, "a struct its TryParse parses, or null"),
        ShapeParameterKind.StringArray => Text(null, "string[]", "StringArray({name}, {source})", ShapeArguments.NameAndSource, "every value of a repeated key, as strings"),
        ShapeParameterKind.ParsableArray => Text(ParsableConstraint, "{T}[]", "ParsableArray<{T}>({name}, {source})", ShapeArguments.NameAndSource, "every value of a repeated key, parsed"),
        ShapeParameterKind.EnumArray => Text(EnumConstraint, "{T}[]", "EnumArray<{T}>({name}, {source})", ShapeArguments.NameAndSource, "every value of a repeated key, as enum values"),
        ShapeParameterKind.NullableParsableArray => Text("struct, " + ParsableConstraint, "{T}?[]", "NullableParsableArray<{T}>({name}, {source})", ShapeArguments.NameAndSource, "every value of a repeated key, parsed, an empty one null"),
        ShapeParameterKind.NullableParsableClassArray => Text("class, " + ParsableConstraint, "{T}?[]", "NullableParsableClassArray<{T}>({name}, {source})", ShapeArguments.NameAndSource, "every value of a repeated key, parsed, an empty one null"),
        ShapeParameterKind.NullableEnumArray => Text(EnumConstraint, "{T}?[]", "NullableEnumArray<{T}>({name}, {source})", ShapeArguments.NameAndSource, "every value of a repeated key, as enum values, an empty one null"),
        ShapeParameterKind.TryParsedArray => Text(string.Empty, "{T}[]", "TryParsedArray<{T}>({name}, {source}, {parse})", ShapeArguments.NameSourceAndParser, "every value of a repeated key, each parsed by its type's TryParse"),
        ShapeParameterKind.NullableTryParsedArray => Text("struct", "{T}?[]", "NullableTryParsedArray<{T}>({name}, {source}, {parse})", ShapeArguments.NameSourceAndParser, "every value of a repeated key, each parsed by its type's TryParse, an empty one null"),
        ShapeParameterKind.NullableTryParsedClassArray => Text("class", "{T}?[]", "NullableTryParsedClassArray<{T}>({name}, {source}, {parse})", ShapeArguments.NameSourceAndParser, "every value of a repeated key, each parsed by its type's TryParse, an empty one null") with { ParsedType = "{T}?" },
        ShapeParameterKind.StringValues => Text(null, "global::Microsoft.Extensions.Primitives.StringValues", "StringValues({name}, {source}, isRequired: false)", ShapeArguments.NameAndSource, "every value of a repeated key"),
        ShapeParameterKind.RequiredStringValues => Text(null, "global::Microsoft.Extensions.Primitives.StringValues", "StringValues({name}, {source}, isRequired: true)", ShapeArguments.NameAndSource, "every value of a key that must be given"),
        ShapeParameterKind.JsonOrService => Bound("JsonOrService<{T}>(services, {name}, isRequired: true)", "a service or a member of the JSON body"),
        ShapeParameterKind.OptionalJsonOrService => Bound("JsonOrService<{T}>(services, {name}, isRequired: false)", "a service or an optional member of the JSON body"),
        ShapeParameterKind.Service => Bound("Service<{T}>({name}, isRequired: true)", "a service"),
        ShapeParameterKind.OptionalService => Bound("Service<{T}>({name}, isRequired: false)", "a service, or null when it is not registered"),
        ShapeParameterKind.KeyedService => Bound("KeyedService<{T}>({name}, {key}, isRequired: true)", "a keyed service") with { Arguments = ShapeArguments.NameAndKey },
        ShapeParameterKind.OptionalKeyedService => Bound("KeyedService<{T}>({name}, {key}, isRequired: false)", "a keyed service, or null when it is not registered") with { Arguments = ShapeArguments.NameAndKey },
        ShapeParameterKind.Body => Bound("Body<{T}>(services, {name}, isRequired: true)", "the JSON body"),
        ShapeParameterKind.OptionalBody => Bound("Body<{T}>(services, {name}, isRequired: false)", "the JSON body, or null when empty"),
        ShapeParameterKind.BodyOrService => Bound("BodyOrService<{T}>(services, {name}, isRequired: true)", "a service, or the JSON body when it is not registered"),
        ShapeParameterKind.OptionalBodyOrService => Bound("BodyOrService<{T}>(services, {name}, isRequired: false)", "a service, or the JSON body (null when empty) when it is not registered"),
        ShapeParameterKind.BodyStream => Context("global::System.IO.Stream", "httpContext.Request.Body", "the request body's stream"),
        ShapeParameterKind.BodyPipe => Context("global::System.IO.Pipelines.PipeReader", "httpContext.Request.BodyReader", "the request body's pipe"),
        ShapeParameterKind.FormFile => Form("global::Microsoft.AspNetCore.Http.IFormFile", "FormFile({name})", "an uploaded file"),
        ShapeParameterKind.NullableFormFile => Form("global::Microsoft.AspNetCore.Http.IFormFile?", "NullableFormFile({name})", "an uploaded file or null"),
        ShapeParameterKind.FormFiles => Form("global::Microsoft.AspNetCore.Http.IFormFileCollection", "FormFiles({name})", "the uploaded files"),
        ShapeParameterKind.BindAsyncClass => BindsItself("class", "{T}", "BindAsyncClass<{T}>({name}, {bind})", "a value its type's BindAsync gives"),
        ShapeParameterKind.NullableBindAsyncClass => BindsItself("class", "{T}?", "NullableBindAsyncClass<{T}>({name}, {bind})", "a value its type's BindAsync gives, or null"),
        ShapeParameterKind.BindAsyncStruct => BindsItself("struct", "{T}", "BindAsyncStruct<{T}>({name}, {bind}, isRequired: true)", "a value its type's BindAsync gives"),
        ShapeParameterKind.OptionalBindAsyncStruct => BindsItself("struct", "{T}", "BindAsyncStruct<{T}>({name}, {bind}, isRequired: false)", "a value its type's BindAsync gives, or its default"),
        ShapeParameterKind.NullableBindAsyncStruct => BindsItself("struct", "{T}?", "NullableBindAsyncStruct<{T}>({name}, {bind})", "a value its type's BindAsync gives, or null"),
        _ => Form("global::Microsoft.AspNetCore.Http.IFormCollection", "Form({name})", "the form"),
    };

    /// <summary>The type parameter that stands for the type of the parameter at <paramref name="position"/> (from 1).</summary>
    public static string TypeParameter(int position) => "T" + position.ToString(CultureInfo.InvariantCulture);

    /// <summary>The parameter's type in the function's delegate; <paramref name="typeParameter"/> stands for its type parameter.</summary>
    public static string DelegateType(ShapeParameterKind kind, EndpointGuard guard, string typeParameter) =>
        kind == ShapeParameterKind.SessionData && guard != EndpointGuard.RequireSession
            ? "TSession?"
            : Traits(kind).DelegateType.Replace("{T}", typeParameter);

    /// <summary>For a value the request already holds, the expression passed to the function; <see langword="null"/> for a bound one.</summary>
    public static string? RequestValue(ShapeParameterKind kind, EndpointGuard guard) =>
        kind == ShapeParameterKind.SessionData && guard != EndpointGuard.RequireSession
            ? "session.Data"
            : Traits(kind).Argument;

    /// <summary>
    /// The shape method's parameters that the binding of the parameter at <paramref name="position"/> needs, or
    /// <see langword="null"/>; a parser starts a line of its own, which keeps the line within about 120 columns.
    /// </summary>
    public static string? ShapeParameters(ShapeParameterKind kind, int position)
    {
        var traits = Traits(kind);
        var index = position.ToString(CultureInfo.InvariantCulture);
        var source = $"{GeneratedFile.InfrastructureNamespace}ArgumentSource source{index}";
        return traits.Arguments switch
        {
            ShapeArguments.None => null,
            ShapeArguments.Name => $"string name{index}",
            ShapeArguments.NameAndKey => $"string name{index}, object? key{index}",
            ShapeArguments.NameAndSource => $"string name{index}, {source}",
            ShapeArguments.NameSourceAndParser => $"string name{index}, {source},\n{Parser(traits, position)}",
            ShapeArguments.NameSourceParserAndDefault => $"string name{index}, {source},\n{Parser(traits, position)}, {Default(traits, position)}",
            ShapeArguments.NameAndBinder => $"string name{index},\n{Binder(position)}",
            _ => $"string name{index}, {source}, {Default(traits, position)}",
        };

        static string Parser(ParameterTraits traits, int position) =>
            $"{GeneratedFile.InfrastructureNamespace}TryParseText<{traits.ParsedType.Replace("{T}", TypeParameter(position))}> parse{position.ToString(CultureInfo.InvariantCulture)}";

        static string Binder(int position) =>
            $"global::System.Func<global::Microsoft.AspNetCore.Http.HttpContext, global::System.Threading.Tasks.ValueTask<{TypeParameter(position)}?>> bind{position.ToString(CultureInfo.InvariantCulture)}";

        static string Default(ParameterTraits traits, int position) =>
            $"{(traits.TypeParameterConstraint is null ? "string" : traits.DefaultType.Replace("{T}", TypeParameter(position)))} default{position.ToString(CultureInfo.InvariantCulture)}";
    }

    /// <summary>
    /// For a bound parameter, the <c>ParameterBinding</c> factory method the shape method calls once at startup, and its
    /// arguments; otherwise <see langword="null"/>.
    /// </summary>
    public static (string Method, IReadOnlyList<string> Arguments)? BindingFactoryCall(ShapeParameterKind kind, int position)
    {
        if (Traits(kind).BindingFactory is not { } factory)
        {
            return null;
        }

        var index = position.ToString(CultureInfo.InvariantCulture);
        var open = factory.IndexOf('(');
        var method = factory.Substring(0, open).Replace("{T}", TypeParameter(position));
        var arguments = factory.Substring(open + 1, factory.Length - open - 2)
            .Split([", "], StringSplitOptions.None)
            .Select(argument => argument.Replace("{name}", "name" + index).Replace("{source}", "source" + index).Replace("{default}", "default" + index).Replace("{key}", "key" + index).Replace("{parse}", "parse" + index).Replace("{bind}", "bind" + index))
            .ToList();
        return ($"{GeneratedFile.InfrastructureNamespace}ParameterBinding.{method}", arguments);
    }

    /// <summary>
    /// The type of the binding <see cref="BindingFactoryCall"/> makes: a <c>ParameterBinding</c> of the parameter's
    /// delegate type, or an <c>AsyncParameterBinding</c> for a type that binds itself.
    /// </summary>
    public static string BindingType(ShapeParameterKind kind, EndpointGuard guard, int position) =>
        $"{GeneratedFile.InfrastructureNamespace}{(Traits(kind).BindsAsync ? "AsyncParameterBinding" : "ParameterBinding")}<{DelegateType(kind, guard, TypeParameter(position))}>";

    /// <summary>The type argument one function parameter gives its type parameter, or <see langword="null"/> when its type is fixed.</summary>
    public static string? TypeArgument(ParameterSpec parameter, ShapeParameterKind kind) =>
        Traits(kind).TypeParameterConstraint is null ? null
            : parameter.Kind is ParameterKind.Text or ParameterKind.TextArray or ParameterKind.BindAsyncClass or ParameterKind.BindAsyncStruct ? parameter.ValueType
            : parameter.Type;

    /// <summary>The arguments that tell one parameter's binding apart from another of its kind: its name, source and default, or service key.</summary>
    public static IEnumerable<string> Arguments(ParameterSpec parameter, ShapeParameterKind kind)
    {
        var arguments = Traits(kind).Arguments;
        if (arguments == ShapeArguments.None)
        {
            yield break;
        }

        yield return CSharpText.Literal(parameter.BindingName);
        if (arguments == ShapeArguments.NameAndKey)
        {
            yield return parameter.ServiceKey!;
            yield break;
        }

        if (arguments == ShapeArguments.NameAndBinder)
        {
            yield return parameter.Binder!;
            yield break;
        }

        if (arguments >= ShapeArguments.NameAndSource)
        {
            yield return $"{GeneratedFile.InfrastructureNamespace}ArgumentSource.{parameter.Source}";
        }

        if (arguments is ShapeArguments.NameSourceAndParser or ShapeArguments.NameSourceParserAndDefault)
        {
            // The type's own TryParse (or the runtime's TryCreateUri), as a method group: the shape's TryParseText<T>
            // picks the (string, out T) overload.
            yield return parameter.Parser!;
        }

        if (arguments is ShapeArguments.NameSourceAndDefault or ShapeArguments.NameSourceParserAndDefault)
        {
            yield return parameter.DefaultValue!;
        }
    }

    private const string ParsableConstraint = "global::System.IParsable<{T}>";
    private const string EnumConstraint = "struct, global::System.Enum";

    private static ParameterTraits Context(string delegateType, string argument, string description) =>
        new(null, delegateType, argument, null, ShapeArguments.None, description);

    private static ParameterTraits Text(string? constraint, string delegateType, string factory, ShapeArguments arguments, string description) =>
        new(constraint, delegateType, null, factory, arguments, description);

    private static ParameterTraits Bound(string factory, string description) =>
        new(string.Empty, "{T}", null, factory, ShapeArguments.Name, description);

    private static ParameterTraits Form(string delegateType, string factory, string description) =>
        new(null, delegateType, null, factory, ShapeArguments.Name, description);

    private static ParameterTraits BindsItself(string constraint, string delegateType, string factory, string description) =>
        new(constraint, delegateType, null, factory, ShapeArguments.NameAndBinder, description) { BindsAsync = true };
}

/// <summary>How one kind of parameter appears in a shape method.</summary>
/// <param name="TypeParameterConstraint">
/// <see langword="null"/> when the parameter's type is fixed; otherwise its type is a type parameter (<c>{T}</c> in the
/// other templates), constrained as written here, or not at all when empty.
/// </param>
/// <param name="DelegateType">The parameter's type in the function's delegate.</param>
/// <param name="Argument">For a value the request already holds: the expression passed to the function.</param>
/// <param name="BindingFactory">For a bound value: the <c>ParameterBinding</c> factory call, with <c>{name}</c>, <c>{source}</c> and <c>{default}</c> for the shape method's parameters.</param>
/// <param name="Arguments">Which of name, source and default each function passes.</param>
/// <param name="Description">What the parameter is, for the shape method's summary.</param>
internal sealed record ParameterTraits(
    string? TypeParameterConstraint,
    string DelegateType,
    string? Argument,
    string? BindingFactory,
    ShapeArguments Arguments,
    string Description)
{
    /// <summary>The type of the default value the function passes, with <c>{T}</c> for the type parameter.</summary>
    public string DefaultType { get; init; } = "{T}";

    /// <summary>The type a <c>TryParse</c> the function passes gives, with <c>{T}</c> for the type parameter.</summary>
    public string ParsedType { get; init; } = "{T}";

    /// <summary>Whether the binding is awaited (<c>ServerFunctionArguments.BindAsync</c>) rather than tried (<c>TryBind</c>).</summary>
    public bool BindsAsync { get; init; }
}

internal enum ShapeArguments
{
    None,
    Name,

    /// <summary>The name and a keyed service's key.</summary>
    NameAndKey,
    NameAndSource,
    NameSourceAndDefault,

    /// <summary>The name, source and the type's own <c>TryParse</c>.</summary>
    NameSourceAndParser,

    /// <summary>The name, source, the type's own <c>TryParse</c> and a default.</summary>
    NameSourceParserAndDefault,

    /// <summary>The name and the type's own <c>BindAsync</c>, as a binder of the request.</summary>
    NameAndBinder,
}
