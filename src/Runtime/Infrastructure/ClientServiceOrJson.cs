using System.ComponentModel;
using Microsoft.Extensions.DependencyInjection;

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
    internal string? Mismatch(IServiceProviderIsService? services)
    {
        var name = Type.FullName?.Replace('+', '.') ?? Type.Name;

        // An interface or abstract class nobody registers is read from JSON too, but System.Text.Json can make no value of
        // one: it binds as null (or answers 400) whatever a caller sends, so the client leaving it out changes nothing.
        var underlying = Nullable.GetUnderlyingType(Type) ?? Type;
        var jsonCanMakeOne = !underlying.IsInterface && !underlying.IsAbstract;
        return (IsSentAsJson, IsService(Type, services)) switch
        {
            (true, true) => $"{Function}({Parameter}): the app registers {name} as a service, so the server takes it from DI, but the client sends it as JSON; mark the parameter [FromServices]",
            (false, false) when jsonCanMakeOne => $"{Function}({Parameter}): the app does not register {name} as a service, so the server reads it from the JSON body, but the client leaves it out as a service; register it (for a DbContext: AddDbContext), or mark the parameter [FromBody] if callers send it",
            _ => null,
        };
    }

    /// <summary>Fails the start when the client leaves a parameter to DI that the server reads from JSON, or the other way round.</summary>
    internal static void Check(IReadOnlyList<ClientServiceOrJson> parameters, IServiceProvider services)
    {
        var isService = services.GetService<IServiceProviderIsService>();
        var mismatches = parameters.Select(parameter => parameter.Mismatch(isService)).OfType<string>().ToList();
        if (mismatches.Count > 0)
        {
            throw new InvalidOperationException(
                "The generated server function client (/_server/client.js, client.d.ts) and the server disagree on where a parameter comes from: "
                + string.Join("; ", mismatches)
                + ". A parameter of a complex type without [FromServices] or [FromBody] comes from DI when the app registers its type and from "
                + "the JSON body otherwise, which only the running app knows; the client, written at build time, takes interfaces, abstract "
                + "classes and classes derived from framework classes (a DbContext) for services, and any other type for JSON. Say which it is with the attribute.");
        }
    }
}
