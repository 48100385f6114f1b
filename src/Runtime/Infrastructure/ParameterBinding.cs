using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.DependencyInjection;

namespace SessionAuth.Infrastructure;

/// <summary>How one server function parameter gets its value; built once at startup by generated code.</summary>
/// <typeparam name="T">The parameter type.</typeparam>
/// <remarks>Used by generated server functions; not meant to be called directly.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract class ParameterBinding<T>
{
    private protected ParameterBinding(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Name = name;
    }

    /// <summary>The parameter name, as the client sends it.</summary>
    internal string Name { get; }

    internal abstract bool TryBind(ServerFunctionArguments arguments, out T value);
}

/// <summary>Creates <see cref="ParameterBinding{T}"/>s; the generator picks the factory from the parameter's type at compile time.</summary>
/// <remarks>Used by generated server functions; not meant to be called directly.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ParameterBinding
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

    /// <summary>A required enum value, by name (any case) or defined number.</summary>
    /// <typeparam name="T">The enum type.</typeparam>
    /// <param name="name">The parameter name.</param>
    /// <param name="source">Where the value comes from.</param>
    /// <returns>The binding.</returns>
    public static ParameterBinding<T> Enum<T>(string name, ArgumentSource source)
        where T : struct, Enum =>
        new TextBinding<T>(name, source, ParseEnum, isRequired: true, default);

    /// <summary>An optional enum value.</summary>
    /// <typeparam name="T">The enum type.</typeparam>
    /// <param name="name">The parameter name.</param>
    /// <param name="source">Where the value comes from.</param>
    /// <param name="defaultValue">The value when the argument is missing.</param>
    /// <returns>The binding.</returns>
    public static ParameterBinding<T> OptionalEnum<T>(string name, ArgumentSource source, T defaultValue)
        where T : struct, Enum =>
        new TextBinding<T>(name, source, ParseEnum, isRequired: false, defaultValue);

    /// <summary>A nullable enum value; <see langword="null"/> when missing.</summary>
    /// <typeparam name="T">The enum type.</typeparam>
    /// <param name="name">The parameter name.</param>
    /// <param name="source">Where the value comes from.</param>
    /// <returns>The binding.</returns>
    public static ParameterBinding<T?> NullableEnum<T>(string name, ArgumentSource source)
        where T : struct, Enum =>
        new TextBinding<T?>(name, source, ParseNullableEnum, isRequired: false, defaultValue: null);

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
        return services.GetService<IServiceProviderIsService>()?.IsService(typeof(T)) == true
            ? new ServiceBinding<T>(name)
            : new JsonBinding<T>(name, ServerFunctionJson.GetTypeInfo<T>(services, $"parameter '{name}'"), isRequired);
    }

    /// <summary>A value from DI (<c>[FromServices]</c>); fails at startup when the app does not register <typeparamref name="T"/>.</summary>
    /// <typeparam name="T">The service type.</typeparam>
    /// <param name="services">The application's services.</param>
    /// <param name="name">The parameter name.</param>
    /// <returns>The binding.</returns>
    public static ParameterBinding<T> Service<T>(IServiceProvider services, string name)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.GetService<IServiceProviderIsService>() is { } isService && !isService.IsService(typeof(T)))
        {
            throw new InvalidOperationException($"Parameter '{name}' is bound from services, but {typeof(T).FullName} is not registered. Register it, for example builder.Services.AddScoped<{typeof(T).Name}>().");
        }

        return new ServiceBinding<T>(name);
    }

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
        where T : IParsable<T> =>
        T.TryParse(text, CultureInfo.InvariantCulture, out value!);

    private static bool ParseNullableParsable<T>(string text, out T? value)
        where T : struct, IParsable<T>
    {
        var parsed = T.TryParse(text, CultureInfo.InvariantCulture, out var result);
        value = parsed ? result : null;
        return parsed;
    }

    private static bool ParseEnum<T>(string text, out T value)
        where T : struct, Enum
    {
        // Enum.TryParse takes any number; only numbers the enum defines are arguments a client could mean.
        if (!System.Enum.TryParse(text, ignoreCase: true, out value))
        {
            return false;
        }

        var first = text.TrimStart()[0];
        return !(char.IsAsciiDigit(first) || first is '-' or '+') || System.Enum.IsDefined(value);
    }

    private static bool ParseNullableEnum<T>(string text, out T? value)
        where T : struct, Enum
    {
        var parsed = ParseEnum(text, out T result);
        value = parsed ? result : null;
        return parsed;
    }

    private delegate bool TextParser<T>(string text, out T value);

    private static string TypeName<T>() => (Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T)).Name;

    private sealed class TextBinding<T>(string name, ArgumentSource source, TextParser<T> parse, bool isRequired, T defaultValue)
        : ParameterBinding<T>(name)
    {
        // A string argument may be empty; for any other type an empty value means the client sent none.
        private readonly bool _emptyIsMissing = typeof(T) != typeof(string);

        internal override bool TryBind(ServerFunctionArguments arguments, out T value)
        {
            var lookup = arguments.TryGetText(Name, source, out var text);
            if (lookup == ArgumentLookup.NotText)
            {
                value = default!;
                return arguments.Fail(Name, $"The argument '{Name}' must be a {TypeName<T>()}, written as a JSON string or number.");
            }

            if (lookup == ArgumentLookup.Repeated)
            {
                value = default!;
                return arguments.Fail(Name, $"The argument '{Name}' was given more than once; send it once.");
            }

            if (lookup == ArgumentLookup.Missing || (_emptyIsMissing && string.IsNullOrWhiteSpace(text)))
            {
                value = defaultValue;
                return !isRequired || arguments.Fail(Name, $"The argument '{Name}' is required.");
            }

            if (parse(text!, out value))
            {
                return true;
            }

            var shown = text!.Length <= 64 ? text : string.Concat(text.AsSpan(0, 64), "…");
            return arguments.Fail(Name, $"The value '{shown}' is not a valid {TypeName<T>()} for the argument '{Name}'.");
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

            try
            {
                value = member.Deserialize(typeInfo)!;
                return true;
            }
            catch (JsonException exception)
            {
                return arguments.Fail(Name, $"The argument '{Name}' is not a valid {TypeName<T>()}: {exception.Message}");
            }
        }
    }

    private sealed class ServiceBinding<T>(string name) : ParameterBinding<T>(name)
    {
        internal override bool TryBind(ServerFunctionArguments arguments, out T value)
        {
            value = (T)arguments.HttpContext.RequestServices.GetRequiredService(typeof(T));
            return true;
        }
    }
}
