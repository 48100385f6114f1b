namespace SessionAuth.Generators.Model;

/// <summary>
/// What server functions that share one generated endpoint builder have in common: the guard, whether the method is
/// static, how each parameter is bound (not its name or type) and how the result is written. Every function of a shape
/// is mapped through one generic method, with its types as type arguments and its names, sources and default values
/// as arguments, so a project of thousands of server functions compiles a handful of endpoint bodies, not one each.
/// </summary>
/// <param name="Guard">Which of <c>ServerFunctionEndpoint</c>'s steps guard the function.</param>
/// <param name="IsStatic">Whether the method is static; an instance method is called on a service from DI.</param>
/// <param name="Parameters">How each parameter is bound, in call order.</param>
/// <param name="Result">How the return value is written.</param>
/// <param name="Rules">Which session rules the endpoint asks, and where; the rules themselves are the function's.</param>
internal sealed record EndpointShapeSpec(
    EndpointGuard Guard,
    bool IsStatic,
    EquatableArray<ShapeParameter> Parameters,
    ShapeResult Result,
    ShapeRules Rules = default)
{
    /// <summary>
    /// Whether the session data type is a type parameter: some parameter is the data or its <c>Session&lt;T&gt;</c>, or
    /// a rule reads the data.
    /// </summary>
    public bool IsTyped => Rules.Any || Parameters.Any(static p => p.Kind is ShapeParameterKind.SessionData or ShapeParameterKind.TypedSession);

    public static EndpointShapeSpec Of(ServerFunctionSpec function)
    {
        var guard = function.Guard.RequiresSession ? EndpointGuard.RequireSession
            : function.ReadsSession ? EndpointGuard.WithSession
            : EndpointGuard.Public;
        var parameters = function.Parameters.Select(static p => new ShapeParameter(KindOf(p))).ToEquatableArray();
        var rules = function.Guard.Rules;
        var shapeRules = new ShapeRules(
            rules.Any(static r => !r.TakesArgument),
            rules.Where(static r => r.TakesArgument).Select(static r => r.ArgumentIndex).Distinct().OrderBy(static i => i).ToEquatableArray());
        return new EndpointShapeSpec(guard, function.IsStatic, parameters, ResultOf(function.Return), shapeRules);
    }

    private static ShapeParameterKind KindOf(ParameterSpec parameter) => parameter.Kind switch
    {
        ParameterKind.HttpContext => ShapeParameterKind.HttpContext,
        ParameterKind.HttpRequest => ShapeParameterKind.HttpRequest,
        ParameterKind.HttpResponse => ShapeParameterKind.HttpResponse,
        ParameterKind.CancellationToken => ShapeParameterKind.CancellationToken,
        ParameterKind.User => ShapeParameterKind.User,
        ParameterKind.Session => ShapeParameterKind.Session,
        ParameterKind.TypedSession => ShapeParameterKind.TypedSession,
        ParameterKind.SessionData => ShapeParameterKind.SessionData,
        ParameterKind.Service => parameter.IsRequired ? ShapeParameterKind.Service : ShapeParameterKind.OptionalService,
        ParameterKind.KeyedService => parameter.IsRequired ? ShapeParameterKind.KeyedService : ShapeParameterKind.OptionalKeyedService,
        ParameterKind.JsonOrService => parameter.IsRequired ? ShapeParameterKind.JsonOrService : ShapeParameterKind.OptionalJsonOrService,
        ParameterKind.Body => parameter.IsRequired ? ShapeParameterKind.Body : ShapeParameterKind.OptionalBody,
        ParameterKind.BodyOrService => parameter.IsRequired ? ShapeParameterKind.BodyOrService : ShapeParameterKind.OptionalBodyOrService,
        ParameterKind.BodyStream => ShapeParameterKind.BodyStream,
        ParameterKind.BodyPipe => ShapeParameterKind.BodyPipe,
        ParameterKind.FormFile => parameter.IsRequired ? ShapeParameterKind.FormFile : ShapeParameterKind.NullableFormFile,
        ParameterKind.FormFiles => ShapeParameterKind.FormFiles,
        ParameterKind.Form => ShapeParameterKind.Form,
        ParameterKind.StringValues => parameter.IsRequired ? ShapeParameterKind.RequiredStringValues : ShapeParameterKind.StringValues,
        ParameterKind.TextArray => ArrayKindOf(parameter),
        ParameterKind.BindAsyncClass => parameter.IsRequired ? ShapeParameterKind.BindAsyncClass : ShapeParameterKind.NullableBindAsyncClass,
        ParameterKind.BindAsyncStruct => parameter.IsNullableValueType ? ShapeParameterKind.NullableBindAsyncStruct
            : parameter.IsRequired ? ShapeParameterKind.BindAsyncStruct
            : ShapeParameterKind.OptionalBindAsyncStruct,
        _ => TextKindOf(parameter),
    };

    /// <summary>An array's kind: by how its elements parse, and whether they are nullable (a struct's <c>T?</c>, or a class).</summary>
    private static ShapeParameterKind ArrayKindOf(ParameterSpec parameter) => (parameter.TextKind, parameter.NullableElements, parameter.IsNullableValueType) switch
    {
        (TextKind.String, _, _) => ShapeParameterKind.StringArray,
        (TextKind.Enum, false, _) => ShapeParameterKind.EnumArray,
        (TextKind.Enum, true, _) => ShapeParameterKind.NullableEnumArray,
        (TextKind.TryParse, false, _) => ShapeParameterKind.TryParsedArray,
        (TextKind.TryParse, true, true) => ShapeParameterKind.NullableTryParsedArray,
        (TextKind.TryParse, true, false) => ShapeParameterKind.NullableTryParsedClassArray,
        (_, false, _) => ShapeParameterKind.ParsableArray,
        (_, true, true) => ShapeParameterKind.NullableParsableArray,
        _ => ShapeParameterKind.NullableParsableClassArray,
    };

    private static ShapeParameterKind TextKindOf(ParameterSpec parameter)
    {
        // Mirrors ParameterBinding's factories: required, with a default value, or null when missing.
        // A class of a #nullable disable context: required when missing, null when empty, as the Request Delegate
        // Generator binds it.
        if (parameter.EmptyIsNull)
        {
            return parameter.TextKind == TextKind.TryParse ? ShapeParameterKind.ObliviousTryParsedClass : ShapeParameterKind.ObliviousParsableClass;
        }

        var optionality = parameter.IsRequired ? Optionality.Required
            : parameter.DefaultValue is null or "null" ? Optionality.NullWhenMissing
            : Optionality.WithDefault;
        if (parameter.TextKind == TextKind.TryParse)
        {
            // A struct's T? has no default but null (no constant of a struct of one's own can be written).
            return (optionality, parameter.IsNullableValueType) switch
            {
                (_, true) => ShapeParameterKind.NullableTryParsed,
                (Optionality.Required, _) => ShapeParameterKind.TryParsed,
                (Optionality.WithDefault, _) => ShapeParameterKind.OptionalTryParsed,
                _ => ShapeParameterKind.NullableTryParsedClass,
            };
        }

        if (parameter.IsNullableValueType && optionality == Optionality.WithDefault)
        {
            return parameter.TextKind == TextKind.Enum ? ShapeParameterKind.OptionalNullableEnum : ShapeParameterKind.OptionalNullableParsable;
        }

        // Null when missing and not T?: only a class (a value type's default is a value) can be null.
        if (parameter.TextKind == TextKind.Parsable && optionality == Optionality.NullWhenMissing && !parameter.IsNullableValueType)
        {
            return ShapeParameterKind.NullableParsableClass;
        }

        return (parameter.TextKind, optionality) switch
        {
            (TextKind.String, Optionality.Required) => ShapeParameterKind.String,
            (TextKind.String, Optionality.WithDefault) => ShapeParameterKind.OptionalString,
            (TextKind.String, _) => ShapeParameterKind.NullableString,
            (TextKind.Enum, Optionality.Required) => ShapeParameterKind.Enum,
            (TextKind.Enum, Optionality.WithDefault) => ShapeParameterKind.OptionalEnum,
            (TextKind.Enum, _) => ShapeParameterKind.NullableEnum,
            (_, Optionality.Required) => ShapeParameterKind.Parsable,
            (_, Optionality.WithDefault) => ShapeParameterKind.OptionalParsable,
            _ => ShapeParameterKind.NullableParsable,
        };
    }

    private static ShapeResult ResultOf(ReturnSpec result) => (result.Kind, result.Awaitable) switch
    {
        (ReturnKind.NoContent, Awaitable.None) => ShapeResult.Nothing,
        (ReturnKind.NoContent, Awaitable.Task) => ShapeResult.Task,
        (ReturnKind.NoContent, _) => ShapeResult.ValueTask,
        (ReturnKind.Json, Awaitable.None) => ShapeResult.Json,
        (ReturnKind.Json, Awaitable.Task) => ShapeResult.JsonTask,
        (ReturnKind.Json, _) => ShapeResult.JsonValueTask,
        (_, Awaitable.None) => ShapeResult.Result,
        (_, Awaitable.Task) => ShapeResult.ResultTask,
        _ => ShapeResult.ResultValueTask,
    };
}

internal enum Optionality
{
    Required,
    WithDefault,
    NullWhenMissing,
}

internal enum EndpointGuard
{
    Public,
    WithSession,
    RequireSession,
}

/// <summary>
/// The session rules of a shape: whether some rule reads the session alone (asked once the session is open), and the
/// positions of the parameters two-argument rules read (asked once the parameters are bound).
/// </summary>
/// <param name="OnSession">Whether some rule reads the session alone.</param>
/// <param name="Arguments">The zero-based positions of the parameters that rules read, ascending.</param>
internal readonly record struct ShapeRules(bool OnSession, EquatableArray<int> Arguments)
{
    public bool Any => OnSession || Arguments.Count > 0;
}

/// <summary>One parameter of a shape; a struct around the kind so that shapes can hold an <see cref="EquatableArray{T}"/> of them.</summary>
internal readonly record struct ShapeParameter(ShapeParameterKind Kind);

/// <summary>How a parameter is bound: one value per <c>ParameterBinding</c> factory, plus the request's own values.</summary>
internal enum ShapeParameterKind
{
    HttpContext,
    HttpRequest,
    HttpResponse,
    CancellationToken,
    User,
    Session,
    TypedSession,
    SessionData,
    String,
    OptionalString,
    NullableString,
    Parsable,
    OptionalParsable,
    NullableParsable,
    Enum,
    OptionalEnum,
    NullableEnum,
    OptionalNullableParsable,
    OptionalNullableEnum,
    NullableParsableClass,
    TryParsed,
    OptionalTryParsed,
    NullableTryParsedClass,
    ObliviousParsableClass,
    ObliviousTryParsedClass,
    NullableTryParsed,
    StringArray,
    ParsableArray,
    EnumArray,
    NullableParsableArray,
    NullableParsableClassArray,
    NullableEnumArray,
    TryParsedArray,
    NullableTryParsedArray,
    NullableTryParsedClassArray,
    StringValues,
    RequiredStringValues,
    JsonOrService,
    OptionalJsonOrService,
    Service,
    OptionalService,
    KeyedService,
    OptionalKeyedService,
    Body,
    OptionalBody,
    BodyOrService,
    OptionalBodyOrService,
    BodyStream,
    BodyPipe,
    FormFile,
    NullableFormFile,
    FormFiles,
    Form,
    BindAsyncClass,
    NullableBindAsyncClass,
    BindAsyncStruct,
    OptionalBindAsyncStruct,
    NullableBindAsyncStruct,
}

/// <summary>What the method returns, as the endpoint writes it.</summary>
internal enum ShapeResult
{
    Nothing,
    Task,
    ValueTask,
    Json,
    JsonTask,
    JsonValueTask,
    Result,
    ResultTask,
    ResultValueTask,
}
