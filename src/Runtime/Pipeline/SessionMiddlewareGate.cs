using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace SessionAuth;

/// <summary>
/// The request delegate of an endpoint that depends on <c>UseSessionAuth()</c>: it runs the endpoint's own delegate only
/// when the middleware ran for this endpoint in this request, and otherwise fails the request, as ASP.NET Core's
/// endpoint middleware fails an endpoint whose authorization metadata no middleware handled.
/// </summary>
internal sealed class SessionMiddlewareGate
{
    private readonly RequestDelegate _handler;

    private SessionMiddlewareGate(RequestDelegate handler)
    {
        _handler = handler;
    }

    /// <summary>The endpoint that runs through this gate; the one the middleware must have seen.</summary>
    public Endpoint Endpoint { get; private set; } = null!;

    /// <summary>
    /// A copy of <paramref name="original"/> whose delegate goes through a gate: a <see cref="RouteEndpoint"/> stays one,
    /// with the same pattern, order, metadata and display name, so route telemetry and link generation see no difference.
    /// </summary>
    public static Endpoint Wrap(Endpoint original)
    {
        var gate = new SessionMiddlewareGate(original.RequestDelegate!);
        gate.Endpoint = original is RouteEndpoint route
            ? new RouteEndpoint(gate.InvokeAsync, route.RoutePattern, route.Order, route.Metadata, route.DisplayName)
            : new Endpoint(gate.InvokeAsync, original.Metadata, original.DisplayName);
        return gate.Endpoint;
    }

    public static bool IsGated(Endpoint endpoint) => endpoint.RequestDelegate?.Target is SessionMiddlewareGate;

    /// <summary>
    /// The gated copy of <paramref name="endpoint"/> when it depends on <c>UseSessionAuth()</c> (one per endpoint, for
    /// the process, held weakly), or the endpoint itself.
    /// </summary>
    public static Endpoint GatedIfNeeded(Endpoint endpoint) =>
        endpoint.RequestDelegate is null || IsGated(endpoint) || !SessionEndpointMetadata.Read(endpoint).NeedsMiddleware
            ? endpoint
            : GatedCopies.GetValue(endpoint, WrapCallback);

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Endpoint, Endpoint> GatedCopies = [];
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Endpoint, Endpoint>.CreateValueCallback WrapCallback = Wrap;

    private Task InvokeAsync(HttpContext httpContext)
    {
        if (!SessionMiddlewareMark.IsFor(httpContext, Endpoint))
        {
            ThrowMiddlewareDidNotRun(Endpoint);
        }

        return _handler(httpContext);
    }

    [DoesNotReturn]
    private static void ThrowMiddlewareDidNotRun(Endpoint endpoint) =>
        throw new InvalidOperationException(
            $"The endpoint '{Describe(endpoint)}' carries SessionAuth metadata ([RequireSession], .RequireSession() or [PreloadSession]), " +
            "but app.UseSessionAuth() did not run for it in this request, so its handler was not run. " +
            "Call app.UseSessionAuth() after UseRouting() and before the endpoints; when a request can be re-executed for " +
            "another endpoint (UseStatusCodePagesWithReExecute, UseExceptionHandler), call it after those too.");

    internal static string Describe(Endpoint endpoint) =>
        endpoint.DisplayName ?? (endpoint as RouteEndpoint)?.RoutePattern.RawText ?? endpoint.ToString() ?? "(unnamed endpoint)";
}
