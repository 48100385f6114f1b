using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace SessionAuth.Benchmarks;

/// <summary>The request every benchmark sends: built through the app's <see cref="IHttpContextFactory"/>, as under Kestrel.</summary>
internal static class BenchRequests
{
    /// <summary>A GET of a page (<c>Accept: text/html</c>), with <paramref name="cookie"/> as its whole Cookie header.</summary>
    public static HttpContext Create(IHttpContextFactory contexts, string? cookie)
    {
        var request = new HttpRequestFeature { Method = HttpMethods.Get, Scheme = "http", Path = "/orders", Protocol = "HTTP/1.1" };
        request.Headers.Host = "localhost";
        request.Headers.Accept = "text/html";
        if (cookie is not null)
        {
            request.Headers.Cookie = cookie;
        }

        var features = new FeatureCollection();
        features.Set<IHttpRequestFeature>(request);
        features.Set<IHttpResponseFeature>(new HttpResponseFeature());
        features.Set<IHttpResponseBodyFeature>(new StreamResponseBodyFeature(Stream.Null));
        return contexts.Create(features);
    }

    /// <summary>Runs <paramref name="signIn"/> on a request and returns the cookie it set, as <c>name=value</c>.</summary>
    public static async Task<string> CaptureCookieAsync(IHttpContextFactory contexts, Func<HttpContext, Task> signIn)
    {
        var context = Create(contexts, null);
        await signIn(context);
        var setCookie = context.Response.Headers.SetCookie.ToString();
        contexts.Dispose(context);
        return setCookie[..setCookie.IndexOf(';', StringComparison.Ordinal)];
    }
}
