using Microsoft.Extensions.DependencyInjection;

namespace SessionAuth;

/// <summary>Resolves SessionAuth's own services, failing at startup with the one call that is missing.</summary>
internal static class SessionAuthServices
{
    /// <param name="services">The application's services.</param>
    /// <param name="caller">What needs the service, to start the message: "UseSessionAuth()", "Server functions"…</param>
    public static T GetRequired<T>(IServiceProvider services, string caller)
        where T : class =>
        services.GetService<T>()
            ?? throw new InvalidOperationException($"{caller} needs SessionAuth's services. Call builder.Services.AddSessionAuth<TSession>(options => ...) before building the app.");
}
