using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace SessionAuth.Infrastructure;

/// <summary>
/// How the generated browser client takes one parameter that the server takes from DI when the app registers its type and
/// from the JSON body otherwise (as minimal APIs decide, with <see cref="IServiceProviderIsService"/>): left to DI, or sent
/// as a member of the JSON body. The client is written before the app runs, so it guesses as a .NET reader would (an
/// interface, an abstract class, a <c>DbContext</c> or another framework-derived class is a service; any other type is
/// JSON); this is checked against the app's services when the client is served, so a wrong guess stops the start.
/// </summary>
/// <remarks>Used by the generated <c>MapServerFunctions()</c>; not meant to be called directly.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class ClientServiceOrJson
{
    private ClientServiceOrJson(Type type, string function, string parameter, bool isSentAsJson)
    {
        Type = type;
        Function = function;
        Parameter = parameter;
        IsSentAsJson = isSentAsJson;
    }

    /// <summary>The parameter's type.</summary>
    internal Type Type { get; }

    /// <summary>The client function, as a caller writes it (<c>Orders.count</c>).</summary>
    internal string Function { get; }

    /// <summary>The parameter's name.</summary>
    internal string Parameter { get; }

    /// <summary>Whether the client sends it as JSON rather than leave it to DI.</summary>
    internal bool IsSentAsJson { get; }

    /// <summary>The assembly that declares the function, named in the message when it is not the app (<see cref="Of"/>); <see langword="null"/> for the app's own.</summary>
    internal string? Assembly { get; private init; }

    /// <summary>This parameter, of a function declared by <paramref name="assembly"/> rather than by the app.</summary>
    internal ClientServiceOrJson Of(string assembly) => new(Type, Function, Parameter, IsSentAsJson) { Assembly = assembly };

    /// <summary>A parameter the client leaves out, for DI to answer.</summary>
    /// <param name="type">The parameter's type.</param>
    /// <param name="function">The client function, for the message.</param>
    /// <param name="parameter">The parameter's name.</param>
    /// <returns>The choice.</returns>
    public static ClientServiceOrJson Service(Type type, string function, string parameter) => Create(type, function, parameter, isSentAsJson: false);

    /// <summary>A parameter the client sends as a member of the JSON body.</summary>
    /// <param name="type">The parameter's type.</param>
    /// <param name="function">The client function, for the message.</param>
    /// <param name="parameter">The parameter's name.</param>
    /// <returns>The choice.</returns>
    public static ClientServiceOrJson Json(Type type, string function, string parameter) => Create(type, function, parameter, isSentAsJson: true);

    private static ClientServiceOrJson Create(Type type, string function, string parameter, bool isSentAsJson)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(function);
        ArgumentNullException.ThrowIfNull(parameter);
        return new ClientServiceOrJson(type, function, parameter, isSentAsJson);
    }

    /// <summary>Whether the endpoint takes a parameter of <paramref name="type"/> from DI, decided as <c>ParameterBinding.JsonOrService</c> decides it.</summary>
    internal static bool IsService(Type type, IServiceProviderIsService? services)
    {
        var isEnumerable = type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IEnumerable<>);
        return !isEnumerable && services?.IsService(type) == true;
    }

    /// <summary>How the server and the client disagree on this parameter, said for the start-up error; <see langword="null"/> when they agree.</summary>
    internal string? Mismatch(IServiceProviderIsService? services, JsonSerializerOptions json)
    {
        var name = Type.FullName?.Replace('+', '.') ?? Type.Name;
        var where = Assembly is null ? $"{Function}({Parameter})" : $"{Function}({Parameter}) of {Assembly}";
        return (IsSentAsJson, IsService(Type, services)) switch
        {
            (true, true) => $"{where}: the app registers {name} as a service, so the server takes it from DI, but the client sends it as JSON; mark the parameter [FromServices]",
            (false, false) when JsonCanMake(Nullable.GetUnderlyingType(Type) ?? Type, json) => $"{where}: the app does not register {name} as a service, so the server reads it from the JSON body, but the client leaves it out as a service; register it (for a DbContext: AddDbContext), or mark the parameter [FromBody] if callers send it",
            _ => null,
        };
    }

    /// <summary>
    /// Whether the app's JSON can read a value of <paramref name="type"/>: a concrete class or struct, or an interface or
    /// abstract class that a converter (an attribute, the options, a <c>JsonNode</c>'s own), polymorphism (attributes or a
    /// contract modifier) or a constructor delegate makes. Asked of the app's own contract, as the endpoint reads with it.
    /// Of an interface nothing makes, System.Text.Json reads no value: it binds as null (or answers 400) whatever a caller
    /// sends, so the client leaving it out changes nothing.
    /// </summary>
    private static bool JsonCanMake(Type type, JsonSerializerOptions json)
    {
        if (!type.IsInterface && !type.IsAbstract)
        {
            return true;
        }

        JsonTypeInfo info;
        try
        {
            info = json.GetTypeInfo(type);
        }
        catch (Exception exception) when (exception is NotSupportedException or InvalidOperationException or ArgumentException)
        {
            // No contract for the type (a source-generated context that leaves it out): JSON reads none of it.
            return false;
        }

        return info.Kind != JsonTypeInfoKind.Object || info.PolymorphismOptions is not null || info.CreateObject is not null;
    }

    /// <summary>Fails the start when the client leaves a parameter to DI that the server reads from JSON, or the other way round.</summary>
    internal static void Check(IReadOnlyList<ClientServiceOrJson> parameters, IServiceProvider services)
    {
        var isService = services.GetService<IServiceProviderIsService>();
        // The endpoint's options; a provider built without them (no routing) reads with minimal APIs' defaults.
        var json = services.GetService<IOptions<JsonOptions>>()?.Value.SerializerOptions ?? new JsonOptions().SerializerOptions;
        var mismatches = parameters.Select(parameter => parameter.Mismatch(isService, json)).OfType<string>().ToList();
        if (mismatches.Count > 0)
        {
            throw new InvalidOperationException(
                "The generated server function client (/_server/client.js, client.d.ts) and the server disagree on where a parameter comes from: "
                + string.Join("; ", mismatches)
                + ". A parameter of a complex type without [FromServices] or [FromBody] comes from DI when the app registers its type and from "
                + "the JSON body otherwise, which only the running app knows; the client, written at build time, takes interfaces, abstract "
                + "classes and classes derived from framework classes (a DbContext) for services, unless a [JsonConverter] or [JsonPolymorphic] "
                + "on them makes them JSON, and any other type for JSON. Say which it is with the attribute.");
        }
    }
}
