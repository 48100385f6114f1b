using Microsoft.AspNetCore.Http;

namespace SessionAuth.Infrastructure;

/// <summary>
/// Keeps personalised responses out of shared caches: <c>Cache-Control: private, no-store</c>, unless something
/// earlier in the request chose a Cache-Control of its own.
/// </summary>
/// <remarks>
/// The header is set when the request is admitted, before the handler runs, so a handler that sets its own
/// Cache-Control replaces it and one that appends to it can only make it stricter. Setting it here rather than in an
/// <c>OnStarting</c> callback keeps the guard's hot path free of allocations.
/// </remarks>
internal static class PersonalisedResponse
{
    public static void Mark(HttpContext httpContext)
    {
        var headers = httpContext.Response.Headers;
        if (headers.CacheControl.Count == 0)
        {
            headers.CacheControl = "private, no-store";
        }
    }
}
