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
/// <remarks>Runs inside <see cref="ServerFunctionEndpoint"/> for every server function that changes state.</remarks>
internal sealed class CrossSiteGuard
{
    private readonly HashSet<string> _trustedOrigins;
    private readonly ILogger _logger;
    private readonly SessionAuthMetrics _metrics;

    private CrossSiteGuard(IEnumerable<string> trustedOrigins, ILogger logger, SessionAuthMetrics metrics)
    {
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
            metrics);
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
