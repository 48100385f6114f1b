using System.ComponentModel;
using Microsoft.Extensions.DependencyInjection;

namespace SessionAuth.Infrastructure;

/// <summary>Resolves, at startup, what generated endpoints need from DI, with errors that say what to register.</summary>
/// <remarks>Used by generated server functions; not meant to be called directly.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ServerFunctionServices
{
    /// <summary>The session manager for data of type <typeparamref name="T"/>.</summary>
    /// <typeparam name="T">The session data type.</typeparam>
    /// <param name="services">The application's services.</param>
    /// <returns>The session manager.</returns>
    internal static SessionManager<T> GetSessionManager<T>(IServiceProvider services)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(services);
        return services.GetService<SessionManager<T>>()
            ?? throw new InvalidOperationException($"Server functions read sessions of type {typeof(T).Name}, but none is registered. Call builder.Services.AddSessionAuth<{typeof(T).Name}>(options => ...) before building the app.");
    }

    /// <summary>The session manager, whatever the session data type.</summary>
    /// <param name="services">The application's services.</param>
    /// <returns>The session manager.</returns>
    internal static ISessionManager GetSessionManager(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        return SessionAuthServices.GetRequired<ISessionManager>(services, "Server functions");
    }

    /// <summary>Fails at startup when the type that declares an instance server function is not registered.</summary>
    /// <typeparam name="T">The declaring type.</typeparam>
    /// <param name="services">The application's services.</param>
    /// <param name="functionName">The server function, for the message.</param>
    public static void EnsureRegistered<T>(IServiceProvider services, string functionName)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.GetService<IServiceProviderIsService>() is { } isService && !isService.IsService(typeof(T)))
        {
            throw new InvalidOperationException($"Server function {functionName} is an instance method, so {typeof(T).FullName} must come from DI. Register it, for example builder.Services.AddScoped<{typeof(T).Name}>(), or make the method static.");
        }
    }
}
