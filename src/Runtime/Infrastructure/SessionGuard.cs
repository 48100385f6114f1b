using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SessionAuth.Infrastructure;

/// <summary>
/// The one answer every guarded endpoint gives a request without a session: a redirect to the login page for browser
/// navigations and form posts (Blazor's enhanced ones included), 401 problem+json with an <c>X-Session-Redirect</c>
/// header for scripts and API calls.
/// </summary>
/// <remarks>Runs inside <see cref="ServerFunctionEndpoint"/> for guarded server functions, and in <c>UseSessionAuth()</c> for endpoints guarded through metadata.</remarks>
internal sealed class SessionGuard
{
    /// <summary>The response header that carries the login URL on a 401.</summary>
    public const string RedirectHeaderName = SessionAuthDefaults.SessionRedirectHeaderName;

    // blazor.web.js sets exactly this Accept header on its enhanced navigation and enhanced form post fetches
    // (NavigationEnhancement.ts, acceptHeader); ASP.NET Core's own renderer recognises them by the same exact value
    // (EndpointHtmlRenderer.IsProgressivelyEnhancedNavigation).
    private const string EnhancedNavigationAccept = "text/html; blazor-enhanced-nav=on";

    // What a Razor component endpoint answers an enhanced navigation with, and the redirect blazor.web.js then makes with
    // location.replace (NavigationEnhancement.ts; the framework's own redirects from enhanced form handlers use it).
    private const string EnhancedNavigationHeaderName = "blazor-enhanced-nav";
    private const string EnhancedNavigationRedirectHeaderName = "blazor-enhanced-nav-redirect-location";

    private readonly string _loginPath;
    private readonly string? _accessDeniedPath;
    private readonly string _returnUrlQuery;
    private readonly ILogger _logger;
    private readonly SessionAuthMetrics _metrics;
    private readonly RazorComponentPaths _componentPaths;

    // loginPath is header-safe already (LocalUrl.ToHeaderSafe): the login URL is built from it on every denied request.
    // accessDeniedPath too, when set.
    internal SessionGuard(string loginPath, string? accessDeniedPath, string returnUrlParameter, ILogger logger, SessionAuthMetrics metrics, RazorComponentPaths componentPaths)
    {
        _componentPaths = componentPaths;
        _loginPath = loginPath;
        _accessDeniedPath = accessDeniedPath;
        _returnUrlQuery = Uri.EscapeDataString(returnUrlParameter) + "=";
        _logger = logger;
        _metrics = metrics;
    }

    /// <summary>Returns the guard for an endpoint; fails at startup when SessionAuth is not registered or <paramref name="redirectTo"/> is not a local path.</summary>
    /// <param name="services">The application's services.</param>
    /// <param name="redirectTo">The endpoint's login path, or <see langword="null"/> for <see cref="SessionAuthOptions.LoginPath"/>.</param>
    /// <returns>The guard.</returns>
    public static SessionGuard Create(IServiceProvider services, string? redirectTo = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        return SessionAuthServices.GetRequired<SessionGuardFactory>(services, "The session guard").Create(redirectTo);
    }

    /// <summary>Lets a request with a session through: its response is personalised, so it is kept out of shared caches.</summary>
    /// <param name="httpContext">The current request.</param>
    public static void Admit(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        PersonalisedResponse.Mark(httpContext);
    }

    /// <summary>Answers a request that has no session: redirect (navigation, form post) or 401 (script, API call).</summary>
    /// <param name="httpContext">The current request.</param>
    /// <param name="returnUrl">
    /// Where the login page sends the browser back to; the request's own URL unless given (an authentication challenge's
    /// <c>RedirectUri</c>), and then only when it is a local URL.
    /// </param>
    /// <returns>A task that completes when the answer is written.</returns>
    public Task DenyAsync(HttpContext httpContext, string? returnUrl = null)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var request = httpContext.Request;
        var response = httpContext.Response;
        response.Headers.CacheControl = "no-store";
        PersonalisedResponse.KeepOutOfOutputCache(httpContext);

        // The session may well exist; the store just cannot say. Logging in again would not help, so no redirect.
        if (httpContext.Features.Get<Session>() is { IsStoreUnavailable: true })
        {
            return StoreUnavailableAsync(httpContext);
        }

        var loginUrl = BuildUrl(request, _loginPath, returnUrl ?? PageToReturnTo(request));

        if (IsScriptRequest(request))
        {
            _metrics.RequestDenied(SessionAuthMetrics.Unauthorized);
            SessionAuthLog.SessionRequired(_logger, request.Path.Value ?? "/", StatusCodes.Status401Unauthorized);
            response.Headers[RedirectHeaderName] = loginUrl;
            return ProblemResponse.WriteAsync(response, StatusCodes.Status401Unauthorized, "Unauthorized", "This endpoint requires a session. Sign in at loginUrl and try again.", "loginUrl", loginUrl);
        }

        _metrics.RequestDenied(SessionAuthMetrics.Redirect);
        var statusCode = Redirect(httpContext, _loginPath, loginUrl);
        SessionAuthLog.SessionRequired(_logger, request.Path.Value ?? "/", statusCode);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Answers a request that has a session which an authorization rule or policy refuses: 403 problem+json naming what
    /// refused for scripts and API calls; for navigations and form posts a redirect to
    /// <see cref="SessionAuthOptions.AccessDeniedPath"/> with the return URL when it is set, else a plain 403.
    /// </summary>
    /// <param name="httpContext">The current request.</param>
    /// <param name="refusedBy">What refused the request (a rule type's or a policy's name), or <see langword="null"/> when unknown.</param>
    /// <returns>A task that completes when the answer is written.</returns>
    public Task ForbidAsync(HttpContext httpContext, string? refusedBy)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var request = httpContext.Request;
        var response = httpContext.Response;
        response.Headers.CacheControl = "no-store";
        PersonalisedResponse.KeepOutOfOutputCache(httpContext);
        _metrics.RequestDenied(SessionAuthMetrics.Forbidden);

        if (IsScriptRequest(request))
        {
            SessionAuthLog.Forbidden(_logger, request.Path.Value ?? "/", refusedBy ?? "authorization", StatusCodes.Status403Forbidden);
            var detail = refusedBy is null
                ? "The session is not allowed to use this endpoint."
                : $"The session is not allowed to use this endpoint: {refusedBy} refused it.";
            return ProblemResponse.WriteAsync(response, StatusCodes.Status403Forbidden, "Forbidden", detail, refusedBy is null ? null : "refusedBy", refusedBy);
        }

        if (_accessDeniedPath is null)
        {
            SessionAuthLog.Forbidden(_logger, request.Path.Value ?? "/", refusedBy ?? "authorization", StatusCodes.Status403Forbidden);
            response.StatusCode = StatusCodes.Status403Forbidden;
            return Task.CompletedTask;
        }

        var statusCode = Redirect(httpContext, _accessDeniedPath, BuildUrl(request, _accessDeniedPath, PageToReturnTo(request)));
        SessionAuthLog.Forbidden(_logger, request.Path.Value ?? "/", refusedBy ?? "authorization", statusCode);
        return Task.CompletedTask;
    }

    /// <summary>Answers 503 problem+json because the server-side session store is unavailable.</summary>
    internal Task StoreUnavailableAsync(HttpContext httpContext)
    {
        _metrics.RequestDenied(SessionAuthMetrics.Unavailable);
        SessionAuthLog.StoreUnavailableForGuard(_logger, httpContext.Request.Path.Value ?? "/");
        var response = httpContext.Response;
        response.Headers.CacheControl = "no-store";
        PersonalisedResponse.KeepOutOfOutputCache(httpContext);
        response.Headers.RetryAfter = "5";
        return ProblemResponse.WriteAsync(response, StatusCodes.Status503ServiceUnavailable, "Service Unavailable", "The session store is unavailable, so this request cannot be checked. Try again shortly.");
    }

    /// <summary>
    /// A script expects data, not a page: fetch and XHR send <c>Sec-Fetch-Mode</c> other than <c>navigate</c>; API
    /// clients ask for or send JSON. Blazor's enhanced navigation and enhanced forms are fetches too, but they stand in
    /// for a navigation and follow a same-origin redirect without a reload, so they get the navigation's answers.
    /// </summary>
    internal static bool IsScriptRequest(HttpRequest request)
    {
        if (IsEnhancedNavigation(request))
        {
            return false;
        }

        var headers = request.Headers;
        var fetchMode = headers["Sec-Fetch-Mode"];
        if (fetchMode.Count > 0 && !string.Equals(fetchMode[0], "navigate", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (string.Equals(headers.XRequestedWith, "XMLHttpRequest", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        foreach (var accept in headers.Accept)
        {
            if (accept is not null && accept.Contains("application/json", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return request.HasJsonContentType();
    }

    /// <summary>
    /// An enhanced navigation or enhanced form post by <c>blazor.web.js</c>: a <c>fetch</c> with mode <c>no-cors</c>
    /// (so <c>Sec-Fetch-Mode: no-cors</c>) whose only Accept value is the one the script sets.
    /// </summary>
    internal static bool IsEnhancedNavigation(HttpRequest request)
    {
        var accept = request.Headers.Accept;
        return accept.Count == 1 && string.Equals(accept[0], EnhancedNavigationAccept, StringComparison.Ordinal);
    }

    private static bool AcceptsHtml(HttpRequest request)
    {
        foreach (var accept in request.Headers.Accept)
        {
            if (accept is not null && accept.Contains("text/html", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The page a request was made from, when that page, not the request's own URL, is the place to return to after the
    /// login: for a form post (the login page sends the browser back with a GET, and the URL a form posts to usually
    /// answers only POST) and for a script's call of any method that asks for data rather than a page (its URL answers
    /// JSON: a server function called through the client). A script that fetches a page (<c>Accept: text/html</c>) is sent
    /// back to that page. The page is read from a same-origin <c>Referer</c>; without one (a <c>no-referrer</c> policy,
    /// another site) the request's own URL is used, as for a navigation.
    /// </summary>
    private static string? PageToReturnTo(HttpRequest request)
    {
        if (((HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)) && (!IsScriptRequest(request) || AcceptsHtml(request)))
            || !Uri.TryCreate(request.Headers.Referer.ToString(), UriKind.Absolute, out var referer)
            || !string.Equals(referer.Scheme, request.Scheme, StringComparison.OrdinalIgnoreCase)
            || !string.Equals(referer.Host, request.Host.Host, StringComparison.OrdinalIgnoreCase)
            || referer.Port != (request.Host.Port ?? (request.IsHttps ? 443 : 80)))
        {
            return null;
        }

        // The page must be under this app's path base: another app on the same host is not a page to return to.
        var page = referer.PathAndQuery;
        var pathBase = request.PathBase.ToUriComponent();
        return page.StartsWith(pathBase, StringComparison.OrdinalIgnoreCase)
            && (page.Length == pathBase.Length || page[pathBase.Length] is '/' or '?')
            ? page
            : null;
    }

    /// <summary>
    /// Answers a redirect a server function made (a thrown <see cref="ServerRedirect"/> or a redirect result it returned)
    /// in the caller's own terms: a script gets <c>204 No Content</c> with the URL in <c>X-Server-Redirect</c>, since a
    /// <c>fetch</c> would follow a 3xx and hand the page its target's HTML as the function's result; navigations and form
    /// posts get the redirect (<see cref="Redirect"/>).
    /// </summary>
    /// <param name="httpContext">The current request.</param>
    /// <param name="location">Where to: a header-safe path with the request's path base, or an absolute URL.</param>
    /// <param name="navigationStatusCode">What a navigation (GET or HEAD) gets: <c>302</c>, or the redirect status the function's result chose.</param>
    /// <returns>The status code written.</returns>
    /// <exception cref="InvalidOperationException">
    /// <paramref name="location"/> is not a web URL (<see cref="LocalUrl.IsWebUrl"/>): a <c>javascript:</c>, <c>data:</c>
    /// or other URL, which a script that obeys <c>X-Server-Redirect</c> (or Blazor's redirect header) would run in the page.
    /// The redirect is refused for every caller, as the app's error: a redirect result to a URL it did not check.
    /// </exception>
    internal int RedirectCaller(HttpContext httpContext, string location, int navigationStatusCode)
    {
        var request = httpContext.Request;
        var response = httpContext.Response;
        if (!LocalUrl.IsWebUrl(location))
        {
            response.Headers.Location = default;
            throw new InvalidOperationException(
                $"A server function redirected its caller to '{location}', which is not an http or https URL; no caller is sent there. Redirect to a path on this site (check a return URL with ReturnUrls.IsLocal or LocalOrDefault) or to an absolute http or https URL.");
        }

        // The same URL answers each kind of caller differently: no cache may keep one answer and hand it to another.
        response.Headers.CacheControl = "no-store";
        PersonalisedResponse.KeepOutOfOutputCache(httpContext);

        // No body goes with the answer, whatever the function said of one before it redirected.
        response.ContentLength = null;
        response.ContentType = null;
        response.Headers.ContentEncoding = default;
        response.Headers.ContentDisposition = default;
        response.Headers.ContentRange = default;

        if (IsScriptRequest(request) && IsEmptyDestination(request))
        {
            response.StatusCode = StatusCodes.Status204NoContent;
            response.Headers.Location = default;
            response.Headers[SessionAuthDefaults.ServerRedirectHeaderName] = location;
            return StatusCodes.Status204NoContent;
        }

        return Redirect(httpContext, AppPathOf(httpContext.Request, location), location, navigationStatusCode);
    }

    /// <summary>
    /// Whether the request's answer goes to script (<c>Sec-Fetch-Dest: empty</c>, as fetch and XHR send, or no
    /// <c>Sec-Fetch-Dest</c> at all) rather than into an element: an image, script, style or font follows a redirect
    /// but can read no header.
    /// </summary>
    private static bool IsEmptyDestination(HttpRequest request)
    {
        var destination = request.Headers["Sec-Fetch-Dest"];
        return destination.Count == 0 || string.Equals(destination[0], "empty", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The path of <paramref name="location"/> within the app, to ask whether Blazor renders it; <see langword="null"/> for another site's URL.</summary>
    private static string? AppPathOf(HttpRequest request, string location)
    {
        if (location.Length == 0 || location[0] != '/')
        {
            return null;
        }

        var end = location.AsSpan().IndexOfAny('?', '#');
        var path = end < 0 ? location : location[..end];
        var pathBase = request.PathBase.ToUriComponent();
        return pathBase.Length > 0 && path.StartsWith(pathBase, StringComparison.OrdinalIgnoreCase) && (path.Length == pathBase.Length || path[pathBase.Length] == '/')
            ? (path.Length == pathBase.Length ? "/" : path[pathBase.Length..])
            : path;
    }

    /// <summary>
    /// Sends a navigation to <paramref name="location"/> (a page at <paramref name="path"/>): 302 (or
    /// <paramref name="navigationStatusCode"/>), or 303 for a form post, which turns it into a GET of the page. An enhanced
    /// navigation follows that redirect inside its fetch and patches the page in without a reload when Blazor renders it;
    /// any other page it would load twice (a get) or refuse (a post), so for those it gets the answer a Razor component
    /// gives when it redirects: 200 with the location for blazor.web.js to load.
    /// </summary>
    /// <param name="httpContext">The current request.</param>
    /// <param name="path">The target's path within the app, or <see langword="null"/> for a URL on another site.</param>
    /// <param name="location">The <c>Location</c> to send.</param>
    /// <param name="navigationStatusCode">What a GET or HEAD gets.</param>
    /// <returns>The status code written.</returns>
    private int Redirect(HttpContext httpContext, string? path, string location, int navigationStatusCode = StatusCodes.Status302Found)
    {
        var request = httpContext.Request;
        var response = httpContext.Response;
        if (IsEnhancedNavigation(request) && (path is null || !_componentPaths.IsComponentPage(httpContext, path)))
        {
            response.StatusCode = StatusCodes.Status200OK;
            response.Headers.Location = default;
            response.Headers[EnhancedNavigationHeaderName] = "allow";
            response.Headers[EnhancedNavigationRedirectHeaderName] = location;
            return StatusCodes.Status200OK;
        }

        response.StatusCode = HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)
            ? navigationStatusCode
            : StatusCodes.Status303SeeOther;
        response.Headers.Location = location;
        return response.StatusCode;
    }

    // path is the login or access-denied path, header-safe already; the return URL is the request's unless given.
    private string BuildUrl(HttpRequest request, string path, string? returnUrl)
    {
        var pathBase = request.PathBase.ToUriComponent();
        returnUrl = (returnUrl is null ? null : LocalUrl.ToHeaderSafe(returnUrl))
            ?? LocalUrl.ToHeaderSafe(string.Concat(pathBase, request.Path.ToUriComponent(), request.QueryString.ToUriComponent()))
            ?? "/";

        var target = UnderPathBase(request, path);
        return string.Concat(target, target.Contains('?', StringComparison.Ordinal) ? "&" : "?", _returnUrlQuery, Uri.EscapeDataString(returnUrl));
    }

    /// <summary>
    /// <paramref name="path"/> (header-safe, local) under the request's path base. The path base can come from a request
    /// header (<c>X-Forwarded-Prefix</c>): <c>//evil.example</c> in front of the path is another site, so the two are
    /// checked together, and a path that is not local with it goes alone.
    /// </summary>
    internal static string UnderPathBase(HttpRequest request, string path)
    {
        var pathBase = request.PathBase.ToUriComponent();
        return pathBase.Length == 0 ? path : LocalUrl.ToHeaderSafe(pathBase + path) ?? path;
    }
}

/// <summary>Builds <see cref="SessionGuard"/>s from the validated options; one per app.</summary>
internal sealed class SessionGuardFactory(ISessionManager sessions, SessionAuthOptions options, ILoggerFactory loggerFactory, SessionAuthMetrics metrics)
{
    private readonly ILogger _logger = loggerFactory.CreateLogger("SessionAuth.Guard");

    private readonly RazorComponentPaths _componentPaths = new();
    private SessionGuard? _default;

    public ISessionManager Sessions { get; } = sessions;

    /// <summary>The guard that sends browsers to <see cref="SessionAuthOptions.LoginPath"/>.</summary>
    public SessionGuard Default => _default ??= Create(redirectTo: null);

    public SessionGuard Create(string? redirectTo)
    {
        // The options validator has already refused a LoginPath that is not local; this only encodes it for the header.
        var loginPath = LocalUrl.ToHeaderSafe(redirectTo ?? options.LoginPath)
            ?? throw new InvalidOperationException(redirectTo is not null
                ? $"RequireSession.RedirectTo '{redirectTo}' is not a local path. Set a path that starts with a single '/', such as '/login'."
                : $"SessionAuthOptions.LoginPath '{options.LoginPath}' is not a local path. Set a path that starts with a single '/', such as '/login'.");
        // Checked local by the options validator like the login path; encoded here for the header.
        var accessDeniedPath = options.AccessDeniedPath is { } path
            ? LocalUrl.ToHeaderSafe(path) ?? throw new InvalidOperationException($"SessionAuthOptions.AccessDeniedPath '{path}' is not a local path. Set a path that starts with a single '/', such as '/access-denied'.")
            : null;
        return new SessionGuard(loginPath, accessDeniedPath, options.ReturnUrlParameter, _logger, metrics, _componentPaths);
    }
}
