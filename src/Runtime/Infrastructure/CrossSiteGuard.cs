using System.ComponentModel;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SessionAuth.Infrastructure;

/// <summary>
/// Refuses cross-site calls to server functions that change state (every verb but GET, HEAD and OPTIONS) with 403. A
/// browser says where a request comes from: <c>Sec-Fetch-Site</c> when it sends it (<c>same-origin</c> and <c>none</c>
/// pass), otherwise <c>Origin</c>, which must be this host or a trusted origin. A request with neither header is not a
/// browser's cross-site request (a server or curl) and passes.
/// </summary>
/// <remarks>Used by generated server functions; not meant to be called directly.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class CrossSiteGuard
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
    /// <returns><see langword="false"/> for a browser's cross-site request.</returns>
    public bool Allows(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var headers = httpContext.Request.Headers;
        var fetchSite = headers["Sec-Fetch-Site"];
        if (fetchSite.Count > 0)
        {
            var site = fetchSite[0];
            if (string.Equals(site, "same-origin", StringComparison.OrdinalIgnoreCase) || string.Equals(site, "none", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            // same-site (a sibling subdomain) and cross-site pass only from an origin the app trusts.
            return headers.Origin.Count > 0 && _trustedOrigins.Contains(headers.Origin[0]!);
        }

        if (headers.Origin.Count == 0)
        {
            return true;
        }

        var origin = headers.Origin[0];
        return IsSameOrigin(httpContext.Request, origin) || (origin is not null && _trustedOrigins.Contains(origin));
    }

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

    /// <summary>Origin is <c>scheme://host[:port]</c>; the request's own must match it exactly (case aside).</summary>
    private static bool IsSameOrigin(HttpRequest request, string? origin)
    {
        if (origin is null)
        {
            return false;
        }

        var scheme = request.Scheme;
        var host = request.Host.Value;
        return origin.Length == scheme.Length + 3 + (host?.Length ?? 0)
            && origin.StartsWith(scheme, StringComparison.OrdinalIgnoreCase)
            && string.CompareOrdinal(origin, scheme.Length, "://", 0, 3) == 0
            && string.Compare(origin, scheme.Length + 3, host, 0, host?.Length ?? 0, StringComparison.OrdinalIgnoreCase) == 0;
    }
}
