using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace SessionAuth.Infrastructure;

/// <summary>
/// Keeps personalised responses out of shared caches (<c>Cache-Control: private, no-store</c>), in two strengths: a
/// guarded or preloaded response leaves the choice to its handler; a response the library writes session data into
/// (the session script, <c>/_session</c>, a session cookie) is never stored by any cache. Both are kept out of the
/// app's own output cache too, which reads no Cache-Control: see <see cref="KeepOutOfOutputCache"/>.
/// </summary>
internal static class PersonalisedResponse
{
    public const string NotStored = "private, no-store";

    /// <summary>
    /// Marks a response admitted by the guard or preloaded, unless something earlier in the request chose a
    /// Cache-Control of its own.
    /// </summary>
    /// <remarks>
    /// The header is set when the request is admitted, before the handler runs, so a handler that sets its own
    /// Cache-Control replaces it: the handler writes the response and knows what it holds. Setting it here rather than
    /// in an <c>OnStarting</c> callback keeps the guard's hot path free of allocations.
    /// </remarks>
    public static void Mark(HttpContext httpContext)
    {
        KeepOutOfOutputCache(httpContext);
        var headers = httpContext.Response.Headers;
        if (headers.CacheControl.Count == 0)
        {
            headers.CacheControl = NotStored;
        }
    }

    /// <summary>
    /// Marks a response that carries session data the library wrote into it: <c>private, no-store</c>, unless its
    /// Cache-Control already says <c>no-store</c> (as strict, and the app may have said more). Anything weaker
    /// (<c>public, max-age=60</c>, <c>private</c>, <c>no-cache</c>) is replaced now and again as the headers are sent,
    /// so a handler that sets a weaker one afterwards cannot undo it either.
    /// </summary>
    /// <exception cref="InvalidOperationException">The response has started without <c>no-store</c>: the data would reach a cache.</exception>
    public static void MarkCarriesSessionData(HttpContext httpContext)
    {
        KeepOutOfOutputCache(httpContext);
        var response = httpContext.Response;
        if (response.HasStarted)
        {
            if (!ForbidsStoring(response.Headers.CacheControl))
            {
                throw new InvalidOperationException(
                    "Session data cannot be written into a response whose headers were sent without Cache-Control: no-store, since a shared cache could keep it and serve it to someone else. Render the session script before the response starts (before the first flush), or set Cache-Control: private, no-store first.");
            }

            return;
        }

        ForbidStoring(response.Headers);
        if (httpContext.Features.Get<SessionDataWritten>() is null)
        {
            httpContext.Features.Set(SessionDataWritten.Instance);
            response.OnStarting(static state =>
            {
                ForbidStoring(((HttpResponse)state).Headers);
                return Task.CompletedTask;
            }, response);
        }
    }

    /// <summary>
    /// Keeps the response out of ASP.NET Core's output cache (<c>UseOutputCache()</c>), whatever its policies say: a
    /// stored answer would be served, before any guard runs, to whoever asks the same URL next.
    /// </summary>
    /// <remarks>
    /// The output cache ignores Cache-Control, and an app's policy may insist on storing in its last step
    /// (<c>ServeResponseAsync</c>, after the endpoint). What it cannot undo is the decision it takes as the first byte of
    /// the body is written: with storage refused at that moment it stops buffering the body, and stores nothing.
    /// Refusing it here, before the endpoint writes, is that moment for every answer that has a body.
    /// </remarks>
    public static void KeepOutOfOutputCache(HttpContext httpContext)
    {
        if (httpContext.Features.Get<IOutputCacheFeature>() is { } outputCache)
        {
            outputCache.Context.AllowCacheStorage = false;
        }
    }

    /// <summary>
    /// Registers, first thing in a request, the check that runs after every other <c>OnStarting</c> callback (they
    /// run last-registered first): a middleware before <c>UseSessionAuth()</c> that sets <c>public, max-age=600</c>
    /// as the response starts would otherwise override the mark above on a response carrying session data.
    /// </summary>
    public static void ForbidStoringAtLastIfMarked(HttpContext httpContext) =>
        httpContext.Response.OnStarting(static state =>
        {
            var httpContext = (HttpContext)state;
            if (httpContext.Features.Get<SessionDataWritten>() is not null)
            {
                ForbidStoring(httpContext.Response.Headers);
            }

            return Task.CompletedTask;
        }, httpContext);

    /// <summary>
    /// Whether a Cache-Control value forbids every cache to store the response, read with the framework's parser: a
    /// <c>no-store</c> directive, whatever its case or the other directives beside it. An unparsable value does not.
    /// </summary>
    internal static bool ForbidsStoring(StringValues cacheControl) =>
        cacheControl.Count > 0
        && CacheControlHeaderValue.TryParse(cacheControl.Count == 1 ? cacheControl[0] : string.Join(", ", cacheControl.ToArray()), out var parsed)
        && parsed.NoStore;

    private static void ForbidStoring(IHeaderDictionary headers)
    {
        if (!ForbidsStoring(headers.CacheControl))
        {
            headers.CacheControl = NotStored;
        }
    }
}

/// <summary>Set on a request once the library has written session data into its response.</summary>
internal sealed class SessionDataWritten
{
    public static readonly SessionDataWritten Instance = new();

    private SessionDataWritten()
    {
    }
}

/// <summary>
/// Puts <see cref="PersonalisedResponse.ForbidStoringAtLastIfMarked"/> at the very start of the app's pipeline, before
/// any middleware of the app's own, so its <c>OnStarting</c> check is the last to run.
/// </summary>
internal sealed class SessionDataCacheStartupFilter : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(static (httpContext, next) =>
        {
            PersonalisedResponse.ForbidStoringAtLastIfMarked(httpContext);
            return next(httpContext);
        });
        next(app);
    };
}
