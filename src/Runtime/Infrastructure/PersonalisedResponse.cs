using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace SessionAuth.Infrastructure;

/// <summary>
/// Keeps personalised responses out of shared caches: <c>Cache-Control: private, no-store</c> when the response
/// starts, unless the handler set a Cache-Control of its own.
/// </summary>
internal static class PersonalisedResponse
{
    public static void Mark(HttpContext httpContext)
    {
        if (httpContext.Features.Get<Marker>() is not null)
        {
            return;
        }

        httpContext.Features.Set(Marker.Instance);
        httpContext.Response.OnStarting(
            static state =>
            {
                var response = (HttpResponse)state;
                if (!response.Headers.ContainsKey(HeaderNames.CacheControl))
                {
                    response.Headers.CacheControl = "private, no-store";
                }

                return Task.CompletedTask;
            },
            httpContext.Response);
    }

    /// <summary>Says, in the request's features, that the callback is registered: once per request is enough.</summary>
    private sealed class Marker
    {
        public static readonly Marker Instance = new();
    }
}
