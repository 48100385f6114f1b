using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace SessionAuth;

/// <summary>
/// The request's endpoint feature from <c>UseSessionAuth()</c> on: an endpoint that depends on the middleware, set after
/// it ran by code that picks an endpoint itself (<c>HttpContext.SetEndpoint</c> with one read from an
/// <c>EndpointDataSource</c>, bypassing routing and its <see cref="SessionMiddlewareMatcherPolicy"/>), is stored as its
/// gated copy, so its handler still runs only when the middleware ran for it.
/// </summary>
internal sealed class GatingEndpointFeature(IEndpointFeature? inner) : IEndpointFeature
{
    private Endpoint? _endpoint;

    public Endpoint? Endpoint
    {
        get => inner is null ? _endpoint : inner.Endpoint;
        set
        {
            var gated = value is null ? null : SessionMiddlewareGate.GatedIfNeeded(value);
            if (inner is null)
            {
                _endpoint = gated;
            }
            else
            {
                inner.Endpoint = gated;
            }
        }
    }

    /// <summary>Puts the gating feature in front of the request's own, once per request.</summary>
    public static void Install(HttpContext httpContext)
    {
        var features = httpContext.Features;
        var current = features.Get<IEndpointFeature>();
        if (current is not GatingEndpointFeature)
        {
            features.Set<IEndpointFeature>(new GatingEndpointFeature(current));
        }
    }
}
