using Microsoft.AspNetCore.Http;

namespace SessionAuth;

/// <summary>
/// The per-request proof that <c>UseSessionAuth()</c> ran for the endpoint that is about to run: the middleware records
/// the endpoint it saw, and <see cref="SessionMiddlewareGate"/> compares it with its own.
/// </summary>
/// <remarks>
/// The endpoint itself is the mark, not a flag: a request re-executed for another endpoint (status code pages, the
/// exception handler) keeps its features, and a flag set for the first endpoint would open the second. It is kept in
/// the request's features under a key of its own, which costs no allocation per request.
/// </remarks>
internal static class SessionMiddlewareMark
{
    public static void Set(HttpContext httpContext, Endpoint endpoint) => httpContext.Features[typeof(Key)] = endpoint;

    public static bool IsFor(HttpContext httpContext, Endpoint endpoint) => ReferenceEquals(httpContext.Features[typeof(Key)], endpoint);

    private sealed class Key;
}
