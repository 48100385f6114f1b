using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SessionAuth.Infrastructure;

namespace SessionAuth;

/// <summary>Adds SessionAuth to the request pipeline.</summary>
public static class SessionAuthApplicationBuilderExtensions
{
    /// <summary>
    /// Adds the SessionAuth middleware. It guards endpoints that carry <see cref="RequireSessionAttribute"/> in their
    /// metadata (a minimal API handler, controller action or Razor component marked <c>[RequireSession]</c>, an endpoint
    /// or route group with <c>.RequireSession()</c>) with the same answers as generated server functions, which guard
    /// themselves whether or not this middleware runs. It opens the session before the endpoint for
    /// <see cref="PreloadSessionAttribute"/> endpoints and <see cref="SessionAuthOptions.PreloadPaths"/>, and marks guarded
    /// and preloaded responses <c>Cache-Control: private, no-store</c> unless the handler sets its own. Every
    /// <see cref="RequireSessionAttribute{TRule}"/> in the metadata must hold too, once the session is open: a rule that
    /// refuses is answered 403 problem+json naming it for scripts, and for navigations a redirect to
    /// <see cref="SessionAuthOptions.AccessDeniedPath"/> when it is set, else a plain 403.
    /// </summary>
    /// <remarks>
    /// Endpoints that carry that metadata fail closed without this middleware: the app does not start when it was never
    /// called or was called before <c>UseRouting()</c>, and a request whose endpoint it did not see (an endpoint added after
    /// the start, a request re-executed for another endpoint) fails with an <see cref="InvalidOperationException"/>
    /// before the handler runs.
    /// </remarks>
    /// <param name="app">The application builder; call this after <c>UseRouting()</c> (when the app calls it), before the endpoints.</param>
    /// <returns>The application builder, for chaining.</returns>
    /// <exception cref="InvalidOperationException"><c>AddSessionAuth&lt;T&gt;</c> was not called.</exception>
    public static IApplicationBuilder UseSessionAuth(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var factory = SessionAuthServices.GetRequired<SessionGuardFactory>(app.ApplicationServices, "UseSessionAuth()");
        app.ApplicationServices.GetRequiredService<SessionMiddlewareCalls>().Add(app);

        var sessions = factory.Sessions;
        var preloader = new SessionPreloader(app.ApplicationServices.GetRequiredService<IOptions<SessionAuthOptions>>().Value);
        var defaultGuard = factory.Create(redirectTo: null);
        var guardsByRedirect = new ConcurrentDictionary<string, SessionGuard>(StringComparer.Ordinal);

        // With the server store, a session write or logout can find the store down; that is a 503, not a 500.
        var storeUnavailable = sessions is IServerSessionMode { UsesServerStore: true } ? defaultGuard : null;
        return app.Use(next => httpContext =>
        {
            GatingEndpointFeature.Install(httpContext);
            var endpoint = httpContext.GetEndpoint();
            var metadata = SessionEndpointMetadata.Read(endpoint);
            if (metadata.NeedsMiddleware)
            {
                SessionMiddlewareMark.Set(httpContext, endpoint!);
            }

            var guard = metadata.Requirement is not { } requirement ? null
                : requirement.RedirectTo is null ? defaultGuard
                : guardsByRedirect.GetOrAdd(requirement.RedirectTo, factory.Create);
            if (guard is null && !metadata.Preloads && !preloader.ShouldPreload(httpContext))
            {
                return storeUnavailable is null ? next(httpContext) : RunAsync(httpContext, next, storeUnavailable);
            }

            return RunAsync(httpContext, next, sessions, guard, metadata.Rules, storeUnavailable);
        });
    }

    private static async Task RunAsync(
        HttpContext httpContext,
        RequestDelegate next,
        ISessionManager sessions,
        SessionGuard? guard,
        IReadOnlyList<RequireSessionAttribute>? rules,
        SessionGuard? storeUnavailable)
    {
        var session = await sessions.GetSessionAsync(httpContext).ConfigureAwait(false);
        if (guard is not null)
        {
            if (!session.IsAuthenticated)
            {
                await guard.DenyAsync(httpContext).ConfigureAwait(false);
                return;
            }

            if (rules is not null && SessionEndpointRules.NeedsForm(httpContext, rules) && !await SessionEndpointRules.ReadFormAsync(httpContext).ConfigureAwait(false))
            {
                return;
            }

            if (rules is not null && SessionEndpointRules.Check(httpContext, rules, session, guard) is { } refusal)
            {
                await refusal.ConfigureAwait(false);
                return;
            }
        }

        PersonalisedResponse.Mark(httpContext);
        await (storeUnavailable is null ? next(httpContext) : RunAsync(httpContext, next, storeUnavailable)).ConfigureAwait(false);
    }

    private static async Task RunAsync(HttpContext httpContext, RequestDelegate next, SessionGuard storeUnavailable)
    {
        try
        {
            await next(httpContext).ConfigureAwait(false);
        }
        catch (SessionStoreUnavailableException) when (!httpContext.Response.HasStarted)
        {
            httpContext.Response.Clear();
            await storeUnavailable.StoreUnavailableAsync(httpContext).ConfigureAwait(false);
        }
    }
}
