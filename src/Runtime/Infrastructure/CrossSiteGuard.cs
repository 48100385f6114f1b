using Microsoft.AspNetCore.Cors;
using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SessionAuth.Infrastructure;

/// <summary>
/// Refuses cross-site calls to server functions that change state (every verb but GET, HEAD and OPTIONS) with 403. A
/// browser says where a request comes from in <c>Sec-Fetch-Site</c> (<c>same-origin</c> and <c>none</c> pass) and in
/// <c>Origin</c> (this origin or a trusted one passes); when it sends both, both must pass and agree. A request with
/// neither header is not a browser's cross-site request (a server or curl) and passes.
/// </summary>
/// <remarks>
/// Runs inside <see cref="ServerFunctionEndpoint"/> for every server function that changes state. A function that asks
/// for CORS (<c>[EnableCors]</c>, <c>RequireCors</c>) also lets in the origins its policy names, and only those: see
/// <see cref="AllowsThroughCorsAsync"/>.
/// </remarks>
internal sealed class CrossSiteGuard
{
    private readonly HashSet<string> _trustedOrigins;
    private readonly ILogger _logger;
    private readonly SessionAuthMetrics _metrics;
    private readonly ICorsPolicyProvider? _corsPolicies;

    private CrossSiteGuard(IEnumerable<string> trustedOrigins, ILogger logger, SessionAuthMetrics metrics, ICorsPolicyProvider? corsPolicies)
    {
        _corsPolicies = corsPolicies;
        _trustedOrigins = new HashSet<string>(trustedOrigins.Select(o => o.TrimEnd('/')), StringComparer.OrdinalIgnoreCase);
        _logger = logger;
        _metrics = metrics;
    }

    /// <summary>The guard for the app, with <see cref="SessionAuthOptions.TrustedOrigins"/>.</summary>
    /// <param name="services">The application's services.</param>
    /// <returns>The guard.</returns>
    public static CrossSiteGuard Create(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var metrics = SessionAuthServices.GetRequired<SessionAuthMetrics>(services, "Server functions");
        return new CrossSiteGuard(
            services.GetRequiredService<IOptions<SessionAuthOptions>>().Value.TrustedOrigins,
            services.GetRequiredService<ILoggerFactory>().CreateLogger("SessionAuth.CrossSite"),
            metrics,
            services.GetService<ICorsPolicyProvider>());
    }

    /// <summary>Whether the request comes from this site, a trusted origin, or no browser at all.</summary>
    /// <param name="httpContext">The current request.</param>
    /// <returns><see langword="false"/> for a browser's cross-site request, and for a pair of headers no browser sends.</returns>
    /// <remarks>
    /// Each header present gives a verdict, and every verdict must allow the request: <c>Sec-Fetch-Site</c> allows
    /// <c>same-origin</c> and <c>none</c>, and <c>same-site</c> or <c>cross-site</c> only beside a trusted
    /// <c>Origin</c>; <c>Origin</c> allows this origin and a trusted one. A browser never sends <c>same-origin</c>
    /// beside another site's Origin, nor <c>cross-site</c> beside its own, so a pair that disagrees was not sent by one:
    /// refused. Unknown values and repeated headers are refused too. A trusted origin passes beside <c>same-origin</c>:
    /// behind a proxy that does not forward the Host, the app's public origin is not the one it sees, and listing it
    /// in <see cref="SessionAuthOptions.TrustedOrigins"/> is how it says so.
    /// </remarks>
    public bool Allows(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var headers = httpContext.Request.Headers;
        var fetchSite = headers["Sec-Fetch-Site"];
        var origin = headers.Origin;
        if (fetchSite.Count > 1 || origin.Count > 1)
        {
            return false;
        }

        var site = fetchSite.Count == 0 ? FetchSite.Absent : ReadFetchSite(fetchSite[0]);
        var from = origin.Count == 0 ? OriginKind.Absent
            : IsSameOrigin(httpContext.Request, origin[0]) ? OriginKind.Own
            : origin[0] is { } value && _trustedOrigins.Contains(value) ? OriginKind.Trusted
            : OriginKind.Other;

        return (site, from) switch
        {
            // Not a browser, or one that sends neither (servers, curl): nothing to forge a victim's request with.
            (FetchSite.Absent, OriginKind.Absent) => true,
            (FetchSite.SameOrigin or FetchSite.None, OriginKind.Absent or OriginKind.Own or OriginKind.Trusted) => true,
            (FetchSite.Absent, OriginKind.Own or OriginKind.Trusted) => true,
            (FetchSite.SameSite or FetchSite.CrossSite, OriginKind.Trusted) => true,
            _ => false,
        };
    }

    /// <summary>
    /// Whether a request <see cref="Allows"/> refused comes from an origin the endpoint's own CORS policy names: the app
    /// said, on this function or its group, that pages of that origin may call it.
    /// </summary>
    /// <param name="httpContext">The current request.</param>
    /// <returns>
    /// <see langword="true"/> for one Origin that the endpoint's policy allows by name, sent as a browser sends a call
    /// from another origin (<c>Sec-Fetch-Site</c> <c>same-site</c>, <c>cross-site</c>, or absent).
    /// </returns>
    /// <remarks>
    /// Only the endpoint's own policy counts, never the app's default one (<c>UseCors()</c> with a default policy is
    /// about reading, and would open every server function at once), and a policy that allows any origin opens
    /// nothing: it names no one, and a cross-site request forged by any page would pass. <c>[DisableCors]</c>, nearest,
    /// closes.
    /// </remarks>
    public async ValueTask<bool> AllowsThroughCorsAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var headers = httpContext.Request.Headers;
        var origin = headers.Origin;
        var fetchSite = headers["Sec-Fetch-Site"];
        if (_corsPolicies is null || origin.Count != 1 || string.IsNullOrEmpty(origin[0]) || fetchSite.Count > 1
            || (fetchSite.Count == 1 && ReadFetchSite(fetchSite[0]) is not (FetchSite.SameSite or FetchSite.CrossSite))
            || httpContext.GetEndpoint()?.Metadata is not { } metadata)
        {
            return false;
        }

        var cors = metadata.GetMetadata<ICorsMetadata>();
        if (cors is null or IDisableCorsAttribute)
        {
            return false;
        }

        // As the CORS middleware reads it: the nearest CORS attribute decides; a policy given as metadata wins over a name.
        var policy = metadata.GetMetadata<ICorsPolicyMetadata>()?.Policy;
        if (policy is null && cors is IEnableCorsAttribute enableCors)
        {
            policy = await _corsPolicies.GetPolicyAsync(httpContext, enableCors.PolicyName).ConfigureAwait(false);
        }

        return policy is { AllowAnyOrigin: false } && policy.IsOriginAllowed(origin[0]!);
    }

    private static FetchSite ReadFetchSite(string? value) =>
        string.Equals(value, "same-origin", StringComparison.OrdinalIgnoreCase) ? FetchSite.SameOrigin
        : string.Equals(value, "none", StringComparison.OrdinalIgnoreCase) ? FetchSite.None
        : string.Equals(value, "same-site", StringComparison.OrdinalIgnoreCase) ? FetchSite.SameSite
        : string.Equals(value, "cross-site", StringComparison.OrdinalIgnoreCase) ? FetchSite.CrossSite
        : FetchSite.Unknown;

    /// <summary>Answers a refused request: 403 problem+json.</summary>
    /// <param name="httpContext">The current request.</param>
    /// <returns>A task that completes when the answer is written.</returns>
    public Task RefuseAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        _metrics.RequestDenied(SessionAuthMetrics.Forbidden);
        SessionAuthLog.CrossSiteRefused(_logger, httpContext.Request.Path.Value ?? "/");
        return ProblemResponse.WriteAsync(httpContext.Response, StatusCodes.Status403Forbidden, "Forbidden", "Cross-site requests cannot call this server function.");
    }

    /// <summary>
    /// Origin is <c>scheme://host[:port]</c>; the request's own must match it, case aside and with the scheme's default
    /// port written or not (a proxy may send <c>Host: app.example.com:80</c> where the browser's Origin has no port).
    /// </summary>
    private static bool IsSameOrigin(HttpRequest request, string? origin)
    {
        var scheme = request.Scheme;
        if (origin is null || origin.Length <= scheme.Length + 3
            || !origin.StartsWith(scheme, StringComparison.OrdinalIgnoreCase)
            || string.CompareOrdinal(origin, scheme.Length, "://", 0, 3) != 0)
        {
            return false;
        }

        var defaultPort = string.Equals(scheme, "https", StringComparison.OrdinalIgnoreCase) ? ":443" : ":80";
        var originHost = WithoutPort(origin.AsSpan(scheme.Length + 3), defaultPort);
        var requestHost = WithoutPort(request.Host.Value.AsSpan(), defaultPort);
        return originHost.Equals(requestHost, StringComparison.OrdinalIgnoreCase);

        static ReadOnlySpan<char> WithoutPort(ReadOnlySpan<char> host, string port) =>
            host.EndsWith(port, StringComparison.Ordinal) ? host[..^port.Length] : host;
    }

    private enum FetchSite
    {
        Absent,
        SameOrigin,
        None,
        SameSite,
        CrossSite,
        Unknown,
    }

    private enum OriginKind
    {
        Absent,
        Own,
        Trusted,
        Other,
    }
}
