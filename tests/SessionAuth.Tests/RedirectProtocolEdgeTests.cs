using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.DependencyInjection;
using SessionAuth.Infrastructure;
using SessionAuth.ShapesApp;
using SessionAuth.TestApp;
using SessionAuth.Tests.Identity;

namespace SessionAuth.Tests;

/// <summary>
/// The redirect protocol's edges, found by an independent review: the path base of a return URL, element loads, the
/// output cache and HTTP caches, body headers set before the redirect, wrapped redirects, session rules that redirect,
/// and the README's table. The functions live in SessionAuth.ShapesApp/RedirectProtocolFunctions.cs; what the review
/// tried that held is in RedirectProtocolHeldTests.
/// </summary>
public sealed class RedirectProtocolEdgeTests
{
    /// <summary>
    /// Found in review (path base, the README's own login): the guard's return URL is a path from the host's root, path base
    /// included (/school/r19/rules/lounge: BuildUrl puts PathBase in front of the request's path, and a form post's
    /// Referer page has it too). ServerRedirect takes its URL as relative to the app and puts the path base in front
    /// again, so `throw new ServerRedirect(ReturnUrls.LocalOrDefault(returnUrl))` — the README's example and Hogwarts'
    /// Account.Login — sends the signed-in user to /school/school/r19/rules/lounge, a 404. Before 8a32778 Hogwarts
    /// returned TypedResults.Redirect(target), which took the URL as it was.
    /// </summary>
    [Fact]
    public async Task Under_a_path_base_the_login_sends_the_user_back_to_the_return_url_the_guard_gave()
    {
        var (app, address) = await RedirectProtocolHost.StartAsync(middleware: static app => app.UseForwardedHeaders(new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedPrefix }));
        await using (app)
        {
            using var client = new TestClient(address);
            using var guarded = new HttpRequestMessage(HttpMethod.Get, "/r19/rules/lounge");
            guarded.Headers.Add("X-Forwarded-Prefix", "/school");
            guarded.Headers.Add("Sec-Fetch-Mode", "navigate");
            using var denied = await client.SendAsync(guarded);
            Assert.Equal(HttpStatusCode.Found, denied.StatusCode);
            var login = denied.Headers.Location!.OriginalString;
            var returnUrl = Uri.UnescapeDataString(login[(login.IndexOf("returnUrl=", StringComparison.Ordinal) + "returnUrl=".Length)..]);
            Assert.Equal("/school/r19/rules/lounge", returnUrl);

            using var signIn = new HttpRequestMessage(HttpMethod.Post, "/r19/sign-in")
            {
                Content = new FormUrlEncodedContent([KeyValuePair.Create("returnUrl", returnUrl)]),
            };
            signIn.Headers.Add("X-Forwarded-Prefix", "/school");
            signIn.Headers.Add("Sec-Fetch-Mode", "navigate");
            using var signedIn = await client.SendAsync(signIn);

            Assert.Equal(HttpStatusCode.SeeOther, signedIn.StatusCode);
            Assert.Equal(returnUrl, signedIn.Headers.Location?.OriginalString);
        }
    }

    /// <summary>
    /// Found in review (output cache): an open GET function with [OutputCache] that redirects answers an enhanced navigation with
    /// 200 + blazor-enhanced-nav-redirect-location and nothing keeps that answer out of the output cache (the guard's
    /// answers call KeepOutOfOutputCache; RedirectCaller does not). The framework's default policy stores any 200, and
    /// the output cache keys on the URL, not on Accept or Sec-Fetch-Mode: the next plain navigation gets an empty 200
    /// (a blank page) and a script an empty 200 it takes for success, for as long as the entry lives.
    /// </summary>
    [Fact]
    public async Task An_output_cached_function_that_redirects_gives_each_caller_its_own_answer_whoever_came_first()
    {
        var (app, address) = await RedirectProtocolHost.StartAsync(outputCache: true);
        await using (app)
        {
            using var client = new TestClient(address);

            using var enhanced = await client.SendAsync(RedirectProtocolHost.EnhancedNavigation("/r19/cached"));
            Assert.Equal(HttpStatusCode.OK, enhanced.StatusCode);
            Assert.Equal([R19Redirects.Target], enhanced.Headers.GetValues("blazor-enhanced-nav-redirect-location"));

            using var navigation = await client.NavigateAsync("/r19/cached");
            Assert.Equal(HttpStatusCode.Found, navigation.StatusCode);
            Assert.Equal(R19Redirects.Target, navigation.Headers.Location?.OriginalString);

            using var fetched = await client.FetchAsync("/r19/cached", method: HttpMethod.Get);
            Assert.Equal(HttpStatusCode.NoContent, fetched.StatusCode);
            Assert.Equal([R19Redirects.Target], fetched.Headers.GetValues(SessionAuthDefaults.ServerRedirectHeaderName));
        }
    }

    /// <summary>
    /// Found in review (caller classification): &lt;img src&gt;, &lt;script src&gt;, stylesheets and CSS fonts send
    /// Sec-Fetch-Mode no-cors (fonts: cors) with a Sec-Fetch-Dest other than "empty"; the protocol counts them as
    /// scripts and answers 204 + X-Server-Redirect, which no element reads: the image is broken. Before 8a32778 a
    /// returned Results.Redirect reached them as the 302 they follow natively. fetch/XHR send Sec-Fetch-Dest: empty;
    /// a subresource should get the navigation's redirect.
    /// </summary>
    [Theory]
    [InlineData("image", "no-cors", "image/avif,image/webp,image/apng,*/*;q=0.8")]
    [InlineData("script", "no-cors", "*/*")]
    [InlineData("style", "no-cors", "text/css,*/*;q=0.1")]
    [InlineData("font", "cors", "*/*")]
    public async Task A_subresource_load_gets_the_redirect_it_follows_not_a_204_it_cannot_read(string destination, string mode, string accept)
    {
        var (app, address) = await RedirectProtocolHost.StartAsync();
        await using (app)
        {
            using var client = new TestClient(address);
            using var request = new HttpRequestMessage(HttpMethod.Get, "/r19/avatar");
            request.Headers.Add("Sec-Fetch-Mode", mode);
            request.Headers.Add("Sec-Fetch-Dest", destination);
            request.Headers.Add("Sec-Fetch-Site", "same-origin");
            request.Headers.TryAddWithoutValidation("Accept", accept);

            using var response = await client.SendAsync(request);

            Assert.Equal(HttpStatusCode.Found, response.StatusCode);
            Assert.Equal(R19Redirects.AvatarUrl, response.Headers.Location?.OriginalString);
        }
    }

    /// <summary>
    /// Found in review (HTTP caches): the same URL answers a navigation with a redirect and a script with 204, but the
    /// navigation's answer says nothing to caches: no Vary on the request headers it was chosen by, and no no-store
    /// (only the 204 gets one). A 301/308 is cacheable by default (browsers keep it), and a function that set
    /// "public, max-age=600" for its success path keeps it on its 302; the browser's cache, shared by navigations and
    /// fetch, then hands the redirect to the page's next fetch of the URL, which follows it to the target's HTML —
    /// what the protocol exists to prevent.
    /// </summary>
    [Theory]
    [InlineData("/r19/moved", HttpStatusCode.MovedPermanently)]
    [InlineData("/r19/public-then-thrown", HttpStatusCode.Found)]
    public async Task A_navigations_redirect_is_not_kept_by_a_cache_for_a_later_script(string path, HttpStatusCode status)
    {
        var (app, address) = await RedirectProtocolHost.StartAsync();
        await using (app)
        {
            using var client = new TestClient(address);

            using var navigation = await client.NavigateAsync(path);

            Assert.Equal(status, navigation.StatusCode);
            var cacheControl = navigation.Headers.TryGetValues("Cache-Control", out var values) ? string.Join(", ", values) : "";
            var vary = navigation.Headers.Vary.ToList();
            Assert.True(
                PersonalisedResponse.ForbidsStoring(cacheControl) || vary.Contains("Sec-Fetch-Mode", StringComparer.OrdinalIgnoreCase),
                $"Cache-Control: {cacheControl}; Vary: {string.Join(", ", vary)}");
        }
    }

    /// <summary>
    /// Found in review (response state): a function that described the body it meant to send (Content-Length) and then threw
    /// a redirect: the headers are kept (README: "Headers the function set before throwing ... are kept"), so the 302
    /// or 204 claims 1024 bytes it never sends and Kestrel turns the answer into a 500 (or a reset). Headers that
    /// describe a body should go with the body that is not sent.
    /// </summary>
    [Theory]
    [InlineData(false, HttpStatusCode.Found)]
    [InlineData(true, HttpStatusCode.NoContent)]
    public async Task A_function_that_set_a_content_length_then_redirected_still_redirects(bool script, HttpStatusCode expected)
    {
        var (app, address) = await RedirectProtocolHost.StartAsync();
        await using (app)
        {
            using var client = new TestClient(address);

            using var response = script
                ? await client.FetchAsync("/r19/sized-then-thrown", method: HttpMethod.Get)
                : await client.NavigateAsync("/r19/sized-then-thrown");

            Assert.Equal(expected, response.StatusCode);
            Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        }
    }

    /// <summary>
    /// Found in review (exceptions): "throw new ServerRedirect(...) anywhere inside it, at any depth of calls" — but only when it
    /// arrives unwrapped. Through Parallel.ForEach (AggregateException) or a helper called by reflection
    /// (TargetInvocationException) it is a 500. The catch could look through those two wrappers (an AggregateException
    /// whose inner exceptions are all ServerRedirect, or its single one).
    /// </summary>
    [Theory]
    [InlineData("parallel")]
    [InlineData("reflection")]
    public async Task A_redirect_thrown_through_a_wrapper_still_redirects(string how)
    {
        var (app, address) = await RedirectProtocolHost.StartAsync();
        await using (app)
        {
            using var client = new TestClient(address);

            using var response = await client.FetchAsync($"/r19/wrapped/{how}", method: HttpMethod.Get);

            Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
            Assert.Equal([R19Redirects.Target], response.Headers.GetValues(SessionAuthDefaults.ServerRedirectHeaderName));
        }
    }

    /// <summary>
    /// Found in review (exceptions, rules): a session rule that throws ServerRedirect is a 500, because rules over the session
    /// alone run before the try in ServerFunctionEndpoint.Build; the same rule over an argument runs inside the body
    /// and redirects (RedirectProtocolHeldTests). One rule, two outcomes depending on whether it takes an argument.
    /// </summary>
    [Fact]
    public async Task A_session_rule_that_throws_a_redirect_redirects_as_an_argument_rule_does()
    {
        var (app, address) = await RedirectProtocolHost.StartAsync();
        await using (app)
        {
            using var neville = await IdentityApp.SignedInAsync(address, "neville");

            using var response = await neville.FetchAsync("/r19/rules/lounge", method: HttpMethod.Get);

            Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
            Assert.Equal(["/school-rules"], response.Headers.GetValues(SessionAuthDefaults.ServerRedirectHeaderName));
        }
    }
}

/// <summary>The ShapesApp host with every ShapesApp function mapped, and optionally the output cache.</summary>
internal static class RedirectProtocolHost
{
    public static Task<(WebApplication App, Uri Address)> StartAsync(bool outputCache = false, Action<WebApplication>? middleware = null) =>
        ShapesAppHost.StartAsync(
            configure: static options => options.UseClaims<UserSession>(user => IdentityApp.ClaimsOf(user)),
            services: services =>
            {
                if (outputCache)
                {
                    services.AddOutputCache();
                }
            },
            middleware: app =>
            {
                if (outputCache)
                {
                    app.UseOutputCache();
                }

                middleware?.Invoke(app);
            },
            endpoints: app => ShapesAppFunctions.Map(app));

    /// <summary>Blazor's enhanced navigation, as blazor.web.js sends it.</summary>
    public static HttpRequestMessage EnhancedNavigation(string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation("Accept", "text/html; blazor-enhanced-nav=on");
        request.Headers.Add("Sec-Fetch-Mode", "no-cors");
        request.Headers.Add("Sec-Fetch-Dest", "empty");
        request.Headers.Add("Sec-Fetch-Site", "same-origin");
        return request;
    }
}
