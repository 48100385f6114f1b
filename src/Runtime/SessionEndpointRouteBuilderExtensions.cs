using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace SessionAuth;

/// <summary>Serves the browser's view of the session.</summary>
public static class SessionEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps <c>GET /_session</c> (or <paramref name="pattern"/>): the view set with
    /// <see cref="SessionAuthOptions.ExposeToClient"/> as JSON, or <c>null</c> when nobody is logged in or nothing is
    /// exposed. Pages fetch it to validate the view they were rendered with, as SolidStart's <c>useAuth</c> refetches.
    /// The answer is always <c>Cache-Control: private, no-store</c> (or the app's own, when it says <c>no-store</c>).
    /// </summary>
    /// <param name="endpoints">The application's endpoint route builder.</param>
    /// <param name="pattern">The route; <c>/_session</c> unless set.</param>
    /// <returns>A builder for the endpoint's conventions.</returns>
    public static IEndpointConventionBuilder MapSessionEndpoint(this IEndpointRouteBuilder endpoints, string pattern = "/_session")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var view = SessionClientView.Get(endpoints.ServiceProvider);
        return endpoints.MapMethods(pattern, [HttpMethods.Get], async httpContext =>
            {
                var json = await view.ToJsonAsync(httpContext).ConfigureAwait(false);
                httpContext.Response.ContentType = "application/json; charset=utf-8";
                await httpContext.Response.WriteAsync(json, httpContext.RequestAborted).ConfigureAwait(false);
            })
            .WithMetadata(new AllowAnonymousAttribute())
            .WithDisplayName("SessionAuth client view");
    }
}
