using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json;
using System.Runtime.CompilerServices;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Primitives;
using SessionAuth.OpenApi;

namespace SessionAuth.Infrastructure;

/// <summary>How one server function parameter gets its value; built once at startup by generated code.</summary>
/// <typeparam name="T">The parameter type.</typeparam>
/// <remarks>Used by generated server functions; not meant to be called directly.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract class ParameterBinding<T> : IDescribedBinding
{
    private protected ParameterBinding(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Name = name;
    }

    /// <summary>The parameter name, as the client sends it.</summary>
    internal string Name { get; }

    internal abstract bool TryBind(ServerFunctionArguments arguments, out T value);

    /// <summary>
    /// What the binding reads from the request, for API descriptions; <see langword="null"/> for a value that does not
    /// come from the request (a service). Called when a document is asked for, never on a request.
    /// </summary>
    internal abstract ServerFunctionParameterDescription? Describe();

    ServerFunctionParameterDescription? IDescribedBinding.Describe() => Describe();
}

/// <summary>
/// A type's own <c>public static bool TryParse(string, out T)</c>, which minimal APIs bind a type by when it is not
/// <see cref="IParsable{TSelf}"/> (<see cref="Version"/>); generated code passes it as a method group.
/// </summary>
/// <typeparam name="T">The parsed type.</typeparam>
/// <param name="text">The argument's text.</param>
/// <param name="value">The parsed value.</param>
/// <returns>Whether <paramref name="text"/> parsed.</returns>
/// <remarks>Used by generated server functions; not meant to be called directly.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public delegate bool TryParseText<T>(string text, [MaybeNullWhen(false)] out T value);

/// <summary>Creates <see cref="ParameterBinding{T}"/>s; the generator picks the factory from the parameter's type at compile time.</summary>
/// <remarks>Used by generated server functions; not meant to be called directly.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static partial class ParameterBinding
{
    /// <summary>A required string.</summary>
    /// <param name="name">The parameter name.</param>
    /// <param name="source">Where the value comes from.</param>
    /// <returns>The binding.</returns>
    public static ParameterBinding<string> RequiredString(string name, ArgumentSource source) =>
        new TextBinding<string>(name, source, ParseString, isRequired: true, defaultValue: string.Empty);

    /// <summary>A string with a default value.</summary>
    /// <param name="name">The parameter name.</param>
    /// <param name="source">Where the value comes from.</param>
    /// <param name="defaultValue">The value when the argument is missing.</param>
    /// <returns>The binding.</returns>
    public static ParameterBinding<string> OptionalString(string name, ArgumentSource source, string defaultValue) =>
        new TextBinding<string>(name, source, ParseString, isRequired: false, defaultValue);

    /// <summary>A nullable string; <see langword="null"/> when missing.</summary>
    /// <param name="name">The parameter name.</param>
    /// <param name="source">Where the value comes from.</param>
    /// <returns>The binding.</returns>
    public static ParameterBinding<string?> NullableString(string name, ArgumentSource source) =>
        new TextBinding<string?>(name, source, ParseNullableString, isRequired: false, defaultValue: null);

    /// <summary>A required value parsed with <see cref="IParsable{TSelf}"/> and the invariant culture.</summary>
    /// <typeparam name="T">The parameter type.</typeparam>
    /// <param name="name">The parameter name.</param>
    /// <param name="source">Where the value comes from.</param>
    /// <returns>The binding.</returns>
    public static ParameterBinding<T> Parsable<T>(string name, ArgumentSource source)
        where T : IParsable<T> =>
        new TextBinding<T>(name, source, ParseParsable, isRequired: true, default!);

    /// <summary>An optional value parsed with <see cref="IParsable{TSelf}"/>.</summary>
    /// <typeparam name="T">The parameter type.</typeparam>
    /// <param name="name">The parameter name.</param>
    /// <param name="source">Where the value comes from.</param>
    /// <param name="defaultValue">The value when the argument is missing.</param>
    /// <returns>The binding.</returns>
    public static ParameterBinding<T> OptionalParsable<T>(string name, ArgumentSource source, T defaultValue)
        where T : IParsable<T> =>
        new TextBinding<T>(name, source, ParseParsable, isRequired: false, defaultValue);

    /// <summary>A nullable value type parsed with <see cref="IParsable{TSelf}"/>; <see langword="null"/> when missing.</summary>
    /// <typeparam name="T">The underlying value type.</typeparam>
    /// <param name="name">The parameter name.</param>
    /// <param name="source">Where the value comes from.</param>
    /// <returns>The binding.</returns>
    public static ParameterBinding<T?> NullableParsable<T>(string name, ArgumentSource source)
        where T : struct, IParsable<T> =>
        new TextBinding<T?>(name, source, ParseNullableParsable, isRequired: false, defaultValue: null);

    /// <summary>A nullable value type parsed with <see cref="IParsable{TSelf}"/>, with a default value (<c>int? take = 20</c>).</summary>
    /// <typeparam name="T">The underlying value type.</typeparam>
    /// <param name="name">The parameter name.</param>
    /// <param name="source">Where the value comes from.</param>
    /// <param name="defaultValue">The value when the argument is missing.</param>
    /// <returns>The binding.</returns>
    public static ParameterBinding<T?> NullableParsable<T>(string name, ArgumentSource source, T? defaultValue)
        where T : struct, IParsable<T> =>
        new TextBinding<T?>(name, source, ParseNullableParsable, isRequired: false, defaultValue);

    /// <summary>A nullable class parsed with <see cref="IParsable{TSelf}"/>; <see langword="null"/> when missing.</summary>
    /// <typeparam name="T">The parameter type.</typeparam>
    /// <param name="name">The parameter name.</param>
    /// <param name="source">Where the value comes from.</param>
    /// <returns>The binding.</returns>
    public static ParameterBinding<T?> NullableParsableClass<T>(string name, ArgumentSource source)
        where T : class, IParsable<T> =>
        new TextBinding<T?>(name, source, ParseParsableClass, isRequired: false, defaultValue: null);

    /// <summary>A required enum value, parsed as <see cref="System.Enum.TryParse{TEnum}(string?, out TEnum)"/> parses it: a member name (case-sensitive), names joined by commas, or any number.</summary>
    /// <typeparam name="T">The enum type.</typeparam>
    /// <param name="name">The parameter name.</param>
    /// <param name="source">Where the value comes from.</param>
    /// <returns>The binding.</returns>
    public static ParameterBinding<T> Enum<T>(string name, ArgumentSource source)
        where T : struct, Enum =>
        new TextBinding<T>(name, source, EnumParser<T>(source), isRequired: true, default);

    /// <summary>An optional enum value.</summary>
    /// <typeparam name="T">The enum type.</typeparam>
    /// <param name="name">The parameter name.</param>
    /// <param name="source">Where the value comes from.</param>
    /// <param name="defaultValue">The value when the argument is missing.</param>
    /// <returns>The binding.</returns>
    public static ParameterBinding<T> OptionalEnum<T>(string name, ArgumentSource source, T defaultValue)
        where T : struct, Enum =>
        new TextBinding<T>(name, source, EnumParser<T>(source), isRequired: false, defaultValue);

    /// <summary>A nullable enum value; <see langword="null"/> when missing.</summary>
    /// <typeparam name="T">The enum type.</typeparam>
    /// <param name="name">The parameter name.</param>
    /// <param name="source">Where the value comes from.</param>
    /// <returns>The binding.</returns>
    public static ParameterBinding<T?> NullableEnum<T>(string name, ArgumentSource source)
        where T : struct, Enum =>
        new TextBinding<T?>(name, source, NullableEnumParser<T>(source), isRequired: false, defaultValue: null);

    /// <summary>A nullable enum value with a default value.</summary>
    /// <typeparam name="T">The enum type.</typeparam>
    /// <param name="name">The parameter name.</param>
    /// <param name="source">Where the value comes from.</param>
    /// <param name="defaultValue">The value when the argument is missing.</param>
    /// <returns>The binding.</returns>
    public static ParameterBinding<T?> NullableEnum<T>(string name, ArgumentSource source, T? defaultValue)
        where T : struct, Enum =>
        new TextBinding<T?>(name, source, NullableEnumParser<T>(source), isRequired: false, defaultValue);

    /// <summary>
    /// A value of a type that has its own static <c>TryParse(string, out T)</c> but is not <see cref="IParsable{TSelf}"/>
    /// (<see cref="Version"/>), parsed by that method as minimal APIs parse it.
    /// </summary>
    /// <typeparam name="T">The parameter type.</typeparam>
    /// <param name="name">The parameter name.</param>
    /// <param name="source">Where the value comes from.</param>
    /// <param name="parse">The type's <c>TryParse</c>.</param>
    /// <param name="isRequired">Whether a missing argument is an error; otherwise it binds <paramref name="defaultValue"/>.</param>
    /// <param name="defaultValue">The value when the argument is missing and not required.</param>
    /// <returns>The binding.</returns>
    public static ParameterBinding<T> TryParsed<T>(string name, ArgumentSource source, TryParseText<T> parse, bool isRequired, T defaultValue)
    {
        ArgumentNullException.ThrowIfNull(parse);
        return new TextBinding<T>(name, source, parse, isRequired, defaultValue);
    }

    /// <summary>
    /// A class of a <c>#nullable disable</c> context (<c>Version ver</c>), parsed by its <c>TryParse</c> as
    /// <see cref="TryParsed{T}"/> parses it: required when missing, as the Request Delegate Generator reads it, and
    /// <see langword="null"/> when empty (<c>ver=</c>), which it binds too; the type admits null.
    /// </summary>
    /// <typeparam name="T">The parameter type.</typeparam>
    /// <param name="name">The parameter name.</param>
    /// <param name="source">Where the value comes from.</param>
    /// <param name="parse">The type's <c>TryParse</c>.</param>
    /// <returns>The binding.</returns>
    public static ParameterBinding<T> ObliviousTryParsedClass<T>(string name, ArgumentSource source, TryParseText<T> parse)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(parse);
        return new TextBinding<T>(name, source, parse, isRequired: true, defaultValue: null!, emptyIsNull: true);
    }

    /// <summary>
    /// A class of a <c>#nullable disable</c> context parsed with <see cref="IParsable{TSelf}"/>: required when missing,
    /// <see langword="null"/> when empty, as <see cref="ObliviousTryParsedClass{T}"/>.
    /// </summary>
    /// <typeparam name="T">The parameter type.</typeparam>
    /// <param name="name">The parameter name.</param>
    /// <param name="source">Where the value comes from.</param>
    /// <returns>The binding.</returns>
    public static ParameterBinding<T> ObliviousParsableClass<T>(string name, ArgumentSource source)
        where T : class, IParsable<T> =>
        new TextBinding<T>(name, source, ParseParsable, isRequired: true, defaultValue: null!, emptyIsNull: true);

    /// <summary>
    /// A nullable struct that has its own static <c>TryParse(string, out T)</c> but is not <see cref="IParsable{TSelf}"/>,
    /// parsed by that method as minimal APIs parse <typeparamref name="T"/>; <see langword="null"/> when missing or empty.
    /// </summary>
    /// <typeparam name="T">The underlying struct.</typeparam>
    /// <param name="name">The parameter name.</param>
    /// <param name="source">Where the value comes from.</param>
    /// <param name="parse">The type's <c>TryParse</c>.</param>
    /// <returns>The binding.</returns>
    public static ParameterBinding<T?> NullableTryParsed<T>(string name, ArgumentSource source, TryParseText<T> parse)
        where T : struct
    {
        ArgumentNullException.ThrowIfNull(parse);
        return new TextBinding<T?>(name, source, Lifted(parse), isRequired: false, defaultValue: null);
    }

    /// <summary>Every value of a repeated key (query, header or form), as strings; an empty array when there is none.</summary>
    /// <param name="name">The parameter name.</param>
    /// <param name="source">Where the values come from.</param>
    /// <returns>The binding.</returns>
    public static ParameterBinding<string[]> StringArray(string name, ArgumentSource source) =>
        new ArrayBinding<string>(name, source, ParseString, emptyIsNull: false);

    /// <summary>Every value of a repeated key, each parsed with <see cref="IParsable{TSelf}"/>; an empty array when there is none.</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="name">The parameter name.</param>
    /// <param name="source">Where the values come from.</param>
    /// <returns>The binding.</returns>
    public static ParameterBinding<T[]> ParsableArray<T>(string name, ArgumentSource source)
        where T : IParsable<T> =>
        new ArrayBinding<T>(name, source, ParseParsable, emptyIsNull: false);

    /// <summary>Every value of a repeated key, each an enum value; an empty array when there is none.</summary>
    /// <typeparam name="T">The enum type.</typeparam>
    /// <param name="name">The parameter name.</param>
    /// <param name="source">Where the values come from.</param>
    /// <returns>The binding.</returns>
    public static ParameterBinding<T[]> EnumArray<T>(string name, ArgumentSource source)
        where T : struct, Enum =>
        new ArrayBinding<T>(name, source, ParseEnum, emptyIsNull: false);

    /// <summary>Every value of a repeated key, each parsed with <see cref="IParsable{TSelf}"/>; an empty value is <see langword="null"/>.</summary>
    /// <typeparam name="T">The underlying element type.</typeparam>
    /// <param name="name">The parameter name.</param>
    /// <param name="source">Where the values come from.</param>
    /// <returns>The binding.</returns>
    public static ParameterBinding<T?[]> NullableParsableArray<T>(string name, ArgumentSource source)
        where T : struct, IParsable<T> =>
        new ArrayBinding<T?>(name, source, ParseNullableParsable, emptyIsNull: true);

    /// <summary>Every value of a repeated key, each a class parsed with <see cref="IParsable{TSelf}"/>; an empty value is <see langword="null"/>.</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="name">The parameter name.</param>
    /// <param name="source">Where the values come from.</param>
    /// <returns>The binding.</returns>
    public static ParameterBinding<T?[]> NullableParsableClassArray<T>(string name, ArgumentSource source)
        where T : class, IParsable<T> =>
        new ArrayBinding<T?>(name, source, ParseParsableClass, emptyIsNull: true);

    /// <summary>Every value of a repeated key, each an enum value; an empty value is <see langword="null"/>.</summary>
    /// <typeparam name="T">The enum type.</typeparam>
    /// <param name="name">The parameter name.</param>
    /// <param name="source">Where the values come from.</param>
    /// <returns>The binding.</returns>
    public static ParameterBinding<T?[]> NullableEnumArray<T>(string name, ArgumentSource source)
        where T : struct, Enum =>
        new ArrayBinding<T?>(name, source, ParseNullableEnum, emptyIsNull: true);

    /// <summary>
    /// Every value of a repeated key, each parsed by the element type's own static <c>TryParse(string, out T)</c>; an
    /// empty value a struct's <c>TryParse</c> refuses binds what it gave, as on a minimal API.
    /// </summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="name">The parameter name.</param>
    /// <param name="source">Where the values come from.</param>
    /// <param name="parse">The element type's <c>TryParse</c>.</param>
    /// <returns>The binding.</returns>
    public static ParameterBinding<T[]> TryParsedArray<T>(string name, ArgumentSource source, TryParseText<T> parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        return new ArrayBinding<T>(name, source, parse, emptyIsNull: false);
    }

    /// <summary>Every value of a repeated key, each a struct parsed by its own static <c>TryParse(string, out T)</c>; an empty value is <see langword="null"/>.</summary>
    /// <typeparam name="T">The underlying element type.</typeparam>
    /// <param name="name">The parameter name.</param>
    /// <param name="source">Where the values come from.</param>
    /// <param name="parse">The element type's <c>TryParse</c>.</param>
    /// <returns>The binding.</returns>
    public static ParameterBinding<T?[]> NullableTryParsedArray<T>(string name, ArgumentSource source, TryParseText<T> parse)
        where T : struct
    {
        ArgumentNullException.ThrowIfNull(parse);
        return new ArrayBinding<T?>(name, source, Lifted(parse), emptyIsNull: true);
    }

    /// <summary>Every value of a repeated key, each a class parsed by its own static <c>TryParse(string, out T)</c>; an empty value is <see langword="null"/>.</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="name">The parameter name.</param>
    /// <param name="source">Where the values come from.</param>
    /// <param name="parse">The element type's <c>TryParse</c>.</param>
    /// <returns>The binding.</returns>
    public static ParameterBinding<T?[]> NullableTryParsedClassArray<T>(string name, ArgumentSource source, TryParseText<T?> parse)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(parse);
        return new ArrayBinding<T?>(name, source, parse, emptyIsNull: true);
    }

    /// <summary>
    /// Every value of a repeated key as <see cref="Microsoft.Extensions.Primitives.StringValues"/>; empty when there is
    /// none, unless it is required (a <c>[FromHeader]</c> one without a default, which minimal APIs require).
    /// </summary>
    /// <param name="name">The parameter name.</param>
    /// <param name="source">Where the values come from.</param>
    /// <param name="isRequired">Whether no value (or one empty value) is a 400 naming the parameter.</param>
    /// <returns>The binding.</returns>
    public static ParameterBinding<StringValues> StringValues(string name, ArgumentSource source, bool isRequired) =>
        new StringValuesBinding(name, source, isRequired);

    /// <summary>A required uploaded file of a multipart form, by its field name.</summary>
    /// <param name="name">The form field name.</param>
    /// <returns>The binding.</returns>
    public static ParameterBinding<IFormFile> FormFile(string name) => new FormFileBinding<IFormFile>(name, isRequired: true);

    /// <summary>An uploaded file of a multipart form, by its field name; <see langword="null"/> when none was sent.</summary>
    /// <param name="name">The form field name.</param>
    /// <returns>The binding.</returns>
    public static ParameterBinding<IFormFile?> NullableFormFile(string name) => new FormFileBinding<IFormFile?>(name, isRequired: false);

    /// <summary>Every uploaded file of a multipart form; empty when the request has no body.</summary>
    /// <param name="name">The parameter name.</param>
    /// <returns>The binding.</returns>
    public static ParameterBinding<IFormFileCollection> FormFiles(string name) => new FormBinding<IFormFileCollection>(name, static form => form.Files, new FormFileCollection());

    /// <summary>The whole form; empty when the request has no body.</summary>
    /// <param name="name">The parameter name.</param>
    /// <returns>The binding.</returns>
    public static ParameterBinding<IFormCollection> Form(string name) => new FormBinding<IFormCollection>(name, static form => form, FormCollection.Empty);

    /// <summary>The whole JSON body (<c>[FromBody]</c>), deserialized with the app's JSON options.</summary>
    /// <typeparam name="T">The parameter type.</typeparam>
    /// <param name="services">The application's services, to find the JSON contract.</param>
    /// <param name="name">The parameter name.</param>
    /// <param name="isRequired">Whether an empty body or JSON <c>null</c> is an error; otherwise it binds as <see langword="null"/>.</param>
    /// <returns>The binding.</returns>
    public static ParameterBinding<T> Body<T>(IServiceProvider services, string name, bool isRequired)
    {
        ArgumentNullException.ThrowIfNull(services);
        return new BodyBinding<T>(name, ServerFunctionJson.GetTypeInfo<T>(services, $"parameter '{name}'"), isRequired);
    }

    /// <summary>
    /// A complex value: from DI when the app registers <typeparamref name="T"/>, otherwise the JSON body member named
    /// like the parameter, deserialized with the app's JSON options.
    /// </summary>
    /// <typeparam name="T">The parameter type.</typeparam>
    /// <param name="services">The application's services, to decide and to find the JSON contract.</param>
    /// <param name="name">The parameter name.</param>
    /// <param name="isRequired">Whether a missing value is an error; otherwise it binds as <see langword="null"/>.</param>
    /// <returns>The binding.</returns>
    public static ParameterBinding<T> JsonOrService<T>(IServiceProvider services, string name, bool isRequired)
    {
        ArgumentNullException.ThrowIfNull(services);

        // DI answers every IEnumerable<T> (empty when nothing is registered); a client's list is what such a parameter means.
        var isEnumerable = typeof(T).IsGenericType && typeof(T).GetGenericTypeDefinition() == typeof(IEnumerable<>);
        return !isEnumerable && services.GetService<IServiceProviderIsService>()?.IsService(typeof(T)) == true
            ? new ServiceBinding<T>(name, key: null, isKeyed: false, isRequired: true)
            : new JsonBinding<T>(name, ServerFunctionJson.GetTypeInfo<T>(services, $"parameter '{name}'"), isRequired);
    }

    /// <summary>
    /// A complex value beside a <c>Stream</c> or <c>PipeReader</c> parameter, as a minimal API binds it: from DI when the
    /// app registers <typeparamref name="T"/>, otherwise the whole JSON body (which <see cref="BodyOrServiceSteps{T}"/> then
    /// has read before the call, leaving the raw body at its end).
    /// </summary>
    /// <typeparam name="T">The parameter type.</typeparam>
    /// <param name="services">The application's services, to decide and to find the JSON contract.</param>
    /// <param name="name">The parameter name.</param>
    /// <param name="isRequired">Whether an empty body or JSON <c>null</c> is an error; otherwise it binds as <see langword="null"/>.</param>
    /// <returns>The binding.</returns>
    public static ParameterBinding<T> BodyOrService<T>(IServiceProvider services, string name, bool isRequired)
    {
        ArgumentNullException.ThrowIfNull(services);
        return ClientServiceOrJson.IsService(typeof(T), services.GetService<IServiceProviderIsService>())
            ? new ServiceBinding<T>(name, key: null, isKeyed: false, isRequired: true)
            : new BodyBinding<T>(name, ServerFunctionJson.GetTypeInfo<T>(services, $"parameter '{name}'"), isRequired);
    }

    /// <summary>
    /// What the endpoint of a <see cref="BodyOrService{T}"/> parameter reads before the call: the body as one JSON value
    /// when the app does not register <typeparamref name="T"/>, decided as that binding decides it.
    /// </summary>
    /// <typeparam name="T">The parameter type.</typeparam>
    /// <param name="services">The application's services.</param>
    /// <returns><see cref="ServerFunctionSteps.ReadBodyAsValue"/>, or <see cref="ServerFunctionSteps.None"/> for a service.</returns>
    public static ServerFunctionSteps BodyOrServiceSteps<T>(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        return ClientServiceOrJson.IsService(typeof(T), services.GetService<IServiceProviderIsService>()) ? ServerFunctionSteps.None : ServerFunctionSteps.ReadBodyAsValue;
    }

    /// <summary>
    /// What the endpoint of a function with several <see cref="BodyOrService{T}"/> parameters reads before the call, as a
    /// minimal API decides it at start-up: the body when one of them is not a registered service, nothing when all are;
    /// when more than one is not, no parameter can be the body and the start fails naming them (a minimal API fails to
    /// infer them too).
    /// </summary>
    /// <param name="function">The server function as its signature reads (overloads apart), named in the error.</param>
    /// <param name="parameters">Each parameter's name and what <see cref="BodyOrServiceSteps{T}"/> decided for it.</param>
    /// <returns><see cref="ServerFunctionSteps.ReadBodyAsValue"/>, or <see cref="ServerFunctionSteps.None"/> when every one is a service.</returns>
    /// <exception cref="InvalidOperationException">More than one of the parameters is not a registered service.</exception>
    public static ServerFunctionSteps BodyAmongServices(string function, params (string Parameter, ServerFunctionSteps Steps)[] parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var bodies = parameters.Where(static p => p.Steps != ServerFunctionSteps.None).Select(static p => $"'{p.Parameter}'").ToList();
        return bodies.Count switch
        {
            0 => ServerFunctionSteps.None,
            1 => ServerFunctionSteps.ReadBodyAsValue,
            _ => throw new InvalidOperationException(
                $"Server function {function}: parameters {string.Join(", ", bodies.Take(bodies.Count - 1))} and {bodies[^1]} are not registered services, so each would be the whole JSON body beside the raw body; register their types, or mark the services [FromServices]."),
        };
    }

    /// <summary>
    /// A value from DI (<c>[FromServices]</c>, or an interface or abstract class the app registers), resolved per request
    /// as minimal APIs resolve it: a required one that is not registered fails that request (500), never the start.
    /// </summary>
    /// <typeparam name="T">The service type.</typeparam>
    /// <param name="name">The parameter name.</param>
    /// <param name="isRequired">Whether the service must be registered; otherwise it binds as <see langword="null"/> when it is not.</param>
    /// <returns>The binding.</returns>
    public static ParameterBinding<T> Service<T>(string name, bool isRequired) => new ServiceBinding<T>(name, key: null, isKeyed: false, isRequired);

    /// <summary>A keyed value from DI (<c>[FromKeyedServices(key)]</c>), resolved per request.</summary>
    /// <typeparam name="T">The service type.</typeparam>
    /// <param name="name">The parameter name.</param>
    /// <param name="key">The service key.</param>
    /// <param name="isRequired">Whether the service must be registered; otherwise it binds as <see langword="null"/> when it is not.</param>
    /// <returns>The binding.</returns>
    public static ParameterBinding<T> KeyedService<T>(string name, object? key, bool isRequired) => new ServiceBinding<T>(name, key, isKeyed: true, isRequired);

    /// <summary>
    /// A <see cref="Uri"/> from its text, as minimal APIs create one: <see cref="Uri.TryCreate(string?, UriKind, out Uri?)"/>
    /// with <see cref="UriKind.RelativeOrAbsolute"/>; generated code passes it as the parser of a <see cref="Uri"/> parameter.
    /// </summary>
    /// <param name="text">The argument's text.</param>
    /// <param name="value">The URI, absolute or relative.</param>
    /// <returns>Whether <paramref name="text"/> is a URI.</returns>
    public static bool TryCreateUri([NotNullWhen(true)] string? text, [NotNullWhen(true)] out Uri? value) =>
        Uri.TryCreate(text, UriKind.RelativeOrAbsolute, out value);

    private static bool ParseString(string text, out string value)
    {
        value = text;
        return true;
    }

    private static bool ParseNullableString(string text, out string? value)
    {
        value = text;
        return true;
    }

    private static bool ParseParsable<T>(string text, out T value)
        where T : IParsable<T>
    {
        // As minimal APIs parse dates: a DateTime comes back in UTC when the text names an offset (Unspecified when it
        // names none), a DateTimeOffset without an offset is taken as UTC, never as the server's time zone.
        if (typeof(T) == typeof(DateTime))
        {
            var parsed = DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AllowWhiteSpaces, out var dateTime);
            value = Unsafe.As<DateTime, T>(ref dateTime);
            return parsed;
        }

        if (typeof(T) == typeof(DateTimeOffset))
        {
            var parsed = DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var dateTimeOffset);
            value = Unsafe.As<DateTimeOffset, T>(ref dateTimeOffset);
            return parsed;
        }

        if (typeof(T) == typeof(DateOnly))
        {
            var parsed = DateOnly.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var date);
            value = Unsafe.As<DateOnly, T>(ref date);
            return parsed;
        }

        if (typeof(T) == typeof(TimeOnly))
        {
            var parsed = TimeOnly.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var time);
            value = Unsafe.As<TimeOnly, T>(ref time);
            return parsed;
        }

        return T.TryParse(text, CultureInfo.InvariantCulture, out value!);
    }

    private static bool ParseParsableClass<T>(string text, out T? value)
        where T : class, IParsable<T> =>
        T.TryParse(text, CultureInfo.InvariantCulture, out value);

    /// <summary>A JSON number read as JSON reads it: a <c>decimal</c> may carry an exponent (<c>1.5e3</c>).</summary>
    private static bool TryParseJsonDecimal<T>(string text, out T value)
    {
        var parsed = decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number);
        if (typeof(T) == typeof(decimal))
        {
            value = Unsafe.As<decimal, T>(ref number);
        }
        else
        {
            decimal? nullable = parsed ? number : null;
            value = Unsafe.As<decimal?, T>(ref nullable);
        }

        return parsed;
    }

    private static bool ParseNullableParsable<T>(string text, out T? value)
        where T : struct, IParsable<T>
    {
        // Through ParseParsable: a DateTime? or DateTimeOffset? parses as the date it wraps (its kind and offset).
        var parsed = ParseParsable(text, out T result);
        value = parsed ? result : null;
        return parsed;
    }

    // As minimal APIs parse an enum: member names match by case, and any number binds, a member's or not.
    private static bool ParseEnum<T>(string text, out T value)
        where T : struct, Enum =>
        System.Enum.TryParse(text, out value);

    private static bool ParseNullableEnum<T>(string text, out T? value)
        where T : struct, Enum
    {
        var parsed = ParseEnum(text, out T result);
        value = parsed ? result : null;
        return parsed;
    }

    // As minimal APIs' form mapper parses an enum member of a [FromForm] type: names match without case.
    private static bool ParseEnumIgnoringCase<T>(string text, out T value)
        where T : struct, Enum =>
        System.Enum.TryParse(text, ignoreCase: true, out value);

    private static bool ParseNullableEnumIgnoringCase<T>(string text, out T? value)
        where T : struct, Enum
    {
        var parsed = ParseEnumIgnoringCase(text, out T result);
        value = parsed ? result : null;
        return parsed;
    }

    private static TryParseText<T> EnumParser<T>(ArgumentSource source)
        where T : struct, Enum =>
        source == ArgumentSource.FormMember ? ParseEnumIgnoringCase : ParseEnum;

    private static TryParseText<T?> NullableEnumParser<T>(ArgumentSource source)
        where T : struct, Enum =>
        source == ArgumentSource.FormMember ? ParseNullableEnumIgnoringCase : ParseNullableEnum;

    /// <summary>A struct's <c>TryParse</c> as the parser of its nullable form: a text it refuses is <see langword="null"/>.</summary>
    private static TryParseText<T?> Lifted<T>(TryParseText<T> parse)
        where T : struct =>
        (string text, out T? value) =>
        {
            var parsed = parse(text, out var result);
            value = parsed ? result : null;
            return parsed;
        };

    private static string TypeName<T>() => (Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T)).Name;

    /// <summary>A value read from one text: a route value, the query string, a header, a form field or a JSON body member.</summary>
    // emptyIsNull: an empty value is null rather than missing or invalid (a class of a #nullable disable context).
    internal sealed class TextBinding<T>(string name, ArgumentSource source, TryParseText<T> parse, bool isRequired, T defaultValue, bool emptyIsNull = false)
        : ParameterBinding<T>(name)
    {
        internal override bool TryBind(ServerFunctionArguments arguments, out T value) =>
            Bind(arguments.TryGetText(Name, source, out var text), text, out value) is not { } failure || arguments.Fail(failure);

        /// <summary>
        /// Binds the value from the request's route values, query string or headers alone, exactly as <see cref="TryBind"/>
        /// would, with no arguments read: a rule's argument, which <c>UseSessionAuth()</c> reads on every request it guards.
        /// </summary>
        internal bool TryBindFromRequest(HttpRequest request, out T value, out ArgumentFailure failure)
        {
            var result = Bind(ServerFunctionArguments.TryGetRequestText(request, Name, source, out var text), text, out value);
            failure = result.GetValueOrDefault();
            return result is null;
        }

        private ArgumentFailure? Bind(ArgumentLookup lookup, string? text, out T value)
        {
            value = default!;
            switch (lookup)
            {
                case ArgumentLookup.NotText:
                    return new ArgumentFailure(Name, $"The argument '{Name}' must be a {TypeName<T>()}, written as a JSON string or number.");
                case ArgumentLookup.Repeated:
                    return new ArgumentFailure(Name, $"The argument '{Name}' was given more than once; send it once.");
                case ArgumentLookup.NotForm:
                    return NotForm(Name);
            }

            // Minimal APIs take an empty [FromQuery] or [FromHeader] value of a required parameter for a missing one.
            if (lookup == ArgumentLookup.Missing || (isRequired && !emptyIsNull && text!.Length == 0 && source is ArgumentSource.FromQuery or ArgumentSource.Header))
            {
                value = defaultValue;
                return isRequired ? Required(Name) : null;
            }

            // Text is parsed as it came, white space included, as minimal APIs parse it.
            if (lookup == ArgumentLookup.FoundJsonNumber && (typeof(T) == typeof(decimal) || typeof(T) == typeof(decimal?))
                ? TryParseJsonDecimal(text!, out value)
                : parse(text!, out value!))
            {
                return null;
            }

            if (text!.Length == 0)
            {
                if (emptyIsNull)
                {
                    value = default!;
                    return null;
                }

                // Minimal APIs' form mapper refuses an empty value for a member it cannot leave null.
                if (source == ArgumentSource.FormMember && typeof(T).IsValueType && Nullable.GetUnderlyingType(typeof(T)) is null)
                {
                    return Invalid<T>(Name, text);
                }

                // An empty value (p=) that does not parse is no value: an optional parameter takes its default.
                if (!isRequired)
                {
                    value = defaultValue;
                    return null;
                }

                // The value stays what the parser gave (see EmptyFailure).
                return EmptyFailure<T>(Name);
            }

            return Invalid<T>(Name, text);
        }

        internal override ServerFunctionParameterDescription Describe()
        {
            var described = DescribedTextType(typeof(T));
            object? shownDefault = isRequired || defaultValue is null ? null
                : described == typeof(T) ? defaultValue
                : defaultValue is IFormattable formattable ? formattable.ToString(null, CultureInfo.InvariantCulture)
                : defaultValue.ToString();
            return new(Name, described, LocationOf(source), isRequired, shownDefault);
        }
    }

    /// <summary>
    /// The type a text argument is described as: itself when JSON writes it as the text the request carries (numbers,
    /// dates, enums, strings), else <see cref="string"/>: a type of the app's own that parses itself from text
    /// (<c>TryParse</c>, <see cref="IParsable{TSelf}"/>) travels as that text, whatever its JSON contract says.
    /// </summary>
    private static Type DescribedTextType(Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        return underlying.IsEnum || underlying.IsPrimitive || underlying == typeof(string) || underlying == typeof(decimal)
            || underlying == typeof(Guid) || underlying == typeof(DateTime) || underlying == typeof(DateTimeOffset)
            || underlying == typeof(DateOnly) || underlying == typeof(TimeOnly) || underlying == typeof(TimeSpan)
            || underlying == typeof(Uri) || underlying == typeof(Half) || underlying == typeof(Int128) || underlying == typeof(UInt128)
            ? type
            : typeof(string);
    }

    /// <summary>Where a text argument travels: a body argument is a JSON member or a form field, as the request chooses.</summary>
    private static ArgumentLocation LocationOf(ArgumentSource source) => source switch
    {
        ArgumentSource.Route => ArgumentLocation.Path,
        ArgumentSource.Query or ArgumentSource.FromQuery => ArgumentLocation.Query,
        ArgumentSource.Header => ArgumentLocation.Header,
        ArgumentSource.Body => ArgumentLocation.BodyMember,
        _ => ArgumentLocation.FormField,
    };

    /// <summary>
    /// Why a required value given as empty text that its parser refused does not bind; <see langword="null"/> when it binds
    /// what the parser gave, as minimal APIs bind it: a value type does (<c>default(T)</c> for the framework's types: 0,
    /// false, the first enum member, <see cref="Guid.Empty"/>; a struct's own <c>TryParse</c> may give another value). A
    /// class is refused: a minimal API would pass null to a parameter the function declares non-nullable.
    /// </summary>
    private static ArgumentFailure? EmptyFailure<T>(string name) => typeof(T).IsValueType ? null : Required(name);

    private static ArgumentFailure Required(string name) => new(name, $"The argument '{name}' is required.");

    private static ArgumentFailure Invalid<T>(string name, string text)
    {
        var shown = text.Length <= 64 ? text : string.Concat(text.AsSpan(0, 64), "…");
        return new ArgumentFailure(name, $"The value '{shown}' is not a valid {TypeName<T>()} for the argument '{name}'.");
    }

    private static ArgumentFailure NotForm(string name) =>
        new(name, $"The argument '{name}' is a form field; send the arguments as a form (application/x-www-form-urlencoded or multipart/form-data).", StatusCodes.Status415UnsupportedMediaType);

    private static bool FailNotForm(ServerFunctionArguments arguments, string name) => arguments.Fail(NotForm(name));

    // emptyIsNull: the elements are nullable, so an empty one is null whatever the parser makes of it.
    private sealed class ArrayBinding<T>(string name, ArgumentSource source, TryParseText<T> parse, bool emptyIsNull) : ParameterBinding<T[]>(name)
    {
        internal override bool TryBind(ServerFunctionArguments arguments, out T[] value)
        {
            // As minimal APIs read an array from a header: the comma-separated values of all its lines, unquoted, the
            // empty ones dropped (StringValues takes the lines as they are, as there too).
            StringValues values;
            if (source == ArgumentSource.Header)
            {
                values = arguments.HttpContext.Request.Headers.GetCommaSeparatedValues(Name);
            }
            else if (arguments.TryGetValues(Name, source, out values) == ArgumentLookup.NotForm)
            {
                value = [];
                return FailNotForm(arguments, Name);
            }

            // As minimal APIs bind arrays: a key that is not there is an empty array, never a 400; an empty element is
            // null when the elements are nullable, else it binds as an empty required value does (EmptyFailure).
            value = values.Count == 0 ? [] : new T[values.Count];
            for (var i = 0; i < values.Count; i++)
            {
                var text = values[i] ?? string.Empty;
                if (text.Length == 0 && emptyIsNull)
                {
                    continue;
                }

                if (!parse(text, out value[i]!)
                    && (text.Length == 0 ? EmptyFailure<T>(Name) : Invalid<T>(Name, text)) is { } failure)
                {
                    return arguments.Fail(failure);
                }
            }

            return true;
        }

        // A missing key binds an empty array: never required.
        internal override ServerFunctionParameterDescription Describe() =>
            new(Name, DescribedTextType(typeof(T)) == typeof(T) ? typeof(T[]) : typeof(string[]), LocationOf(source), IsRequired: false, DefaultValue: null);
    }

    private sealed class StringValuesBinding(string name, ArgumentSource source, bool isRequired) : ParameterBinding<StringValues>(name)
    {
        internal override ServerFunctionParameterDescription Describe() => new(Name, typeof(string[]), LocationOf(source), isRequired, DefaultValue: null);

        // As the Request Delegate Generator checks a required header's values: none, or one empty, is missing.
        internal override bool TryBind(ServerFunctionArguments arguments, out StringValues value) =>
            arguments.TryGetValues(Name, source, out value) == ArgumentLookup.NotForm ? FailNotForm(arguments, Name)
            : !isRequired || !Microsoft.Extensions.Primitives.StringValues.IsNullOrEmpty(value) || arguments.Fail(Required(Name));
    }

    private sealed class FormFileBinding<T>(string name, bool isRequired) : ParameterBinding<T>(name)
        where T : IFormFile?
    {
        internal override bool TryBind(ServerFunctionArguments arguments, out T value)
        {
            value = default!;
            if (arguments.Body == BodyKind.Json)
            {
                return FailNotForm(arguments, Name);
            }

            if (arguments.Form?.Files.GetFile(Name) is T file)
            {
                value = file;
                return true;
            }

            return !isRequired || arguments.Fail(Name, $"The file '{Name}' is required; send it as a part of a multipart/form-data body.");
        }

        internal override ServerFunctionParameterDescription Describe() => new(Name, typeof(IFormFile), ArgumentLocation.FormFile, isRequired, DefaultValue: null);
    }

    private sealed class FormBinding<T>(string name, Func<IFormCollection, T> select, T empty) : ParameterBinding<T>(name)
    {
        internal override bool TryBind(ServerFunctionArguments arguments, out T value)
        {
            value = arguments.Form is { } form ? select(form) : empty;
            return arguments.Body != BodyKind.Json || FailNotForm(arguments, Name);
        }

        internal override ServerFunctionParameterDescription Describe() =>
            typeof(T) == typeof(IFormFileCollection)
                ? new(Name, typeof(IFormFileCollection), ArgumentLocation.FormFile, IsRequired: false, DefaultValue: null)
                : new(Name, typeof(T), ArgumentLocation.AnyFormFields, IsRequired: false, DefaultValue: null);
    }

    private sealed class BodyBinding<T>(string name, JsonTypeInfo<T> typeInfo, bool isRequired) : ParameterBinding<T>(name)
    {
        internal override bool TryBind(ServerFunctionArguments arguments, out T value)
        {
            value = default!;
            if (arguments.Body == BodyKind.Form)
            {
                return arguments.Fail(Name, $"The argument '{Name}' is the request body; send it as JSON (application/json).", StatusCodes.Status415UnsupportedMediaType);
            }

            if (!arguments.TryGetJsonBody(out var body) || body.ValueKind == JsonValueKind.Null)
            {
                return !isRequired || arguments.Fail(Name, $"The argument '{Name}' is required: send it as the JSON body.");
            }

            return Deserialize(arguments, Name, body, typeInfo, out value);
        }

        internal override ServerFunctionParameterDescription Describe() => new(Name, typeof(T), ArgumentLocation.Body, isRequired, DefaultValue: null);
    }

    private static bool Deserialize<T>(ServerFunctionArguments arguments, string name, JsonElement json, JsonTypeInfo<T> typeInfo, out T value)
    {
        try
        {
            value = json.Deserialize(typeInfo)!;
            return true;
        }
        catch (JsonException exception)
        {
            value = default!;
            return arguments.Fail(name, $"The argument '{name}' is not a valid {TypeName<T>()}: {exception.Message}");
        }
    }

    private sealed class JsonBinding<T>(string name, JsonTypeInfo<T> typeInfo, bool isRequired) : ParameterBinding<T>(name)
    {
        internal override bool TryBind(ServerFunctionArguments arguments, out T value)
        {
            value = default!;
            if (arguments.Body == BodyKind.Form)
            {
                return arguments.Fail(Name, $"The argument '{Name}' is an object; send the arguments as a JSON object (application/json).");
            }

            if (!arguments.TryGetJsonMember(Name, out var member) || member.ValueKind == JsonValueKind.Null)
            {
                return !isRequired || arguments.Fail(Name, $"The argument '{Name}' is required.");
            }

            return Deserialize(arguments, Name, member, typeInfo, out value);
        }

        internal override ServerFunctionParameterDescription Describe() => new(Name, typeof(T), ArgumentLocation.JsonMember, isRequired, DefaultValue: null);
    }

    private sealed class ServiceBinding<T>(string name, object? key, bool isKeyed, bool isRequired) : ParameterBinding<T>(name)
    {
        internal override bool TryBind(ServerFunctionArguments arguments, out T value)
        {
            var services = arguments.HttpContext.RequestServices;
            value = (isKeyed, isRequired) switch
            {
                (false, true) => (T)services.GetRequiredService(typeof(T)),
                (false, false) => (T)services.GetService(typeof(T))!,
                (true, true) => (T)services.GetRequiredKeyedService(typeof(T), key),
                _ => services.GetKeyedService<T>(key)!,
            };
            return true;
        }

        internal override ServerFunctionParameterDescription? Describe() => null;
    }
}
