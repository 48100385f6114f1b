using System.Collections.Concurrent;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using SessionAuth.Infrastructure;

namespace SessionAuth;

/// <summary>Adds SessionAuth to the request pipeline.</summary>
public static class SessionAuthApplicationBuilderExtensions
{
    /// <summary>
    /// Adds the SessionAuth middleware. Endpoints that carry <see cref="RequireSessionAttribute"/> in their metadata
    /// (a minimal API handler marked <c>[RequireSession]</c>, for example) get the same guard as generated server
    /// functions, which guard themselves whether or not this middleware runs.
    /// </summary>
    /// <param name="app">The application builder; call this after routing, before the endpoints.</param>
    /// <returns>The application builder, for chaining.</returns>
    /// <exception cref="InvalidOperationException"><c>AddSessionAuth&lt;T&gt;</c> was not called.</exception>
    public static IApplicationBuilder UseSessionAuth(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var factory = app.ApplicationServices.GetService<SessionGuardFactory>()
            ?? throw new InvalidOperationException("UseSessionAuth() needs SessionAuth's services. Call builder.Services.AddSessionAuth<TSession>(options => ...) before building the app.");

        var sessions = factory.Sessions;
        var defaultGuard = factory.Create(redirectTo: null);
        var guardsByRedirect = new ConcurrentDictionary<string, SessionGuard>(StringComparer.Ordinal);
        return app.Use(next => httpContext =>
        {
            var endpoint = httpContext.GetEndpoint();
            var requirement = endpoint?.Metadata.GetMetadata<RequireSessionAttribute>();
            if (requirement is null
                || endpoint!.Metadata.GetMetadata<ServerFunctionMetadata>() is not null
                || endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null)
            {
                return next(httpContext);
            }

            var guard = requirement.RedirectTo is null ? defaultGuard : guardsByRedirect.GetOrAdd(requirement.RedirectTo, factory.Create);
            return GuardAsync(httpContext, next, sessions, guard);
        });
    }

    private static async Task GuardAsync(HttpContext httpContext, RequestDelegate next, ISessionManager sessions, SessionGuard guard)
    {
        var session = await sessions.GetSessionAsync(httpContext).ConfigureAwait(false);
        if (!session.IsAuthenticated)
        {
            await guard.DenyAsync(httpContext).ConfigureAwait(false);
            return;
        }

        await next(httpContext).ConfigureAwait(false);
    }
}
