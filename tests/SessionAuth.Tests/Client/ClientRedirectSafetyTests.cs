using System.Net;
using System.Text.RegularExpressions;

namespace SessionAuth.Tests.Client;

/// <summary>
/// Where the generated client and the redirect protocol send the browser: only to http(s) URLs, read against the URL of
/// the function that redirected, and never by following a 3xx the function did not answer through the protocol. The
/// functions are the test app's <c>ClientProbes</c> (SessionAuth.TestApp/ClientProbeFunctions.cs).
/// </summary>
public sealed partial class ClientRedirectSafetyTests(TestAppFixture fixture) : IClassFixture<TestAppFixture>
{
    private static readonly string[] WebSchemes = ["http", "https"];

    /// <summary>
    /// A redirect result to a URL the app did not check (<c>Results.Redirect(returnUrl)</c>, the open redirect every login
    /// page risks) is, for a navigation, a 302 whose <c>javascript:</c> Location a browser refuses to follow. For a script
    /// the protocol turns it into <c>X-Server-Redirect: javascript:...</c>, and the client hands that to
    /// <c>location.assign</c>, which runs it in the page's origin: an open redirect becomes script injection. The client
    /// must navigate only to http(s) URLs (the URL parser strips tabs and leading spaces, so <c>java\tscript:</c> is one
    /// too), and reject the call instead.
    /// </summary>
    [Theory]
    [InlineData("javascript:alert(document.domain)")]
    [InlineData("JavaScript:alert(document.domain)")]
    [InlineData("java\tscript:alert(document.domain)")]
    [InlineData(" javascript:alert(document.domain)")]
    [InlineData("vbscript:msgbox(1)")]
    [InlineData("data:text/html,<script>alert(document.domain)</script>")]
    public async Task The_client_never_navigates_to_a_script_url_a_redirect_result_names(string to)
    {
        var outcome = await ClientProbeCalls.CallAsync(fixture, "redirectTo", to);

        var navigations = outcome.GetProperty("navigations").EnumerateArray().Select(static n => n.GetString()!).ToList();
        Assert.All(navigations, url => Assert.Contains(new Uri(new Uri("http://page.example/"), url.Replace("\t", "", StringComparison.Ordinal).Trim()).Scheme, WebSchemes));
        Assert.False(outcome.TryGetProperty("value", out _), "a call that redirected resolved as if it had succeeded: " + outcome);
    }

    /// <summary>
    /// The same, at the protocol, for every kind of caller: a redirect result to a URL whose scheme is not http or https is
    /// refused as the app's error (an exception the app's error handling answers, here 500), so no caller is told to go
    /// there, in <c>X-Server-Redirect</c>, <c>Location</c> or Blazor's redirect header; a script that obeys the header
    /// would run it, a navigation that follows it goes nowhere. A web URL (a path, a relative or an http(s) URL, in any
    /// case) is still a redirect: each row runs both ways.
    /// </summary>
    [Theory]
    [InlineData("javascript:alert(document.domain)", false)]
    [InlineData("JavaScript:alert(document.domain)", false)]
    [InlineData("java\tscript:alert(document.domain)", false)]
    [InlineData(" javascript:alert(document.domain)", false)]
    [InlineData("\u0001javascript:alert(document.domain)", false)]
    [InlineData("vbscript:msgbox(1)", false)]
    [InlineData("data:text/html,<script>alert(document.domain)</script>", false)]
    [InlineData("/landing?from=probe", true)]
    [InlineData("landing:port", false)]
    [InlineData("./landing:port", true)]
    [InlineData("HTTPS://school.example/next", true)]
    [InlineData("http://school.example/next", true)]
    public async Task A_caller_is_sent_only_to_a_web_url(string to, bool redirects)
    {
        using var client = fixture.CreateClient();
        var path = "/client-probes/redirect-to?to=" + Uri.EscapeDataString(to);
        using var script = new HttpRequestMessage(HttpMethod.Get, path);
        script.Headers.Add("Sec-Fetch-Mode", "cors");
        script.Headers.Add("Sec-Fetch-Dest", "empty");
        script.Headers.Add("Accept", "application/json");
        using var scripted = await client.SendAsync(script);
        using var navigated = await client.NavigateAsync(path);
        using var enhanced = await client.SendAsync(RedirectProtocolHost.EnhancedNavigation(path));

        Assert.Equal(redirects ? HttpStatusCode.NoContent : HttpStatusCode.InternalServerError, scripted.StatusCode);
        Assert.Equal(redirects, scripted.Headers.Contains("X-Server-Redirect"));
        Assert.Equal(redirects ? HttpStatusCode.Found : HttpStatusCode.InternalServerError, navigated.StatusCode);
        Assert.Equal(redirects, navigated.Headers.Location is not null);
        Assert.Equal(redirects ? HttpStatusCode.OK : HttpStatusCode.InternalServerError, enhanced.StatusCode);
        Assert.Equal(redirects, enhanced.Headers.Contains("blazor-enhanced-nav-redirect-location"));
        foreach (var response in (HttpResponseMessage[])[scripted, navigated, enhanced])
        {
            foreach (var header in response.Headers.Where(static h => h.Key is "Location" or "X-Server-Redirect" or "blazor-enhanced-nav-redirect-location"))
            {
                var url = WhatwgStripped(header.Value.Single());
                Assert.True(!SchemePrefix().IsMatch(url) || url.StartsWith("http:", StringComparison.OrdinalIgnoreCase) || url.StartsWith("https:", StringComparison.OrdinalIgnoreCase), $"{header.Key}: {header.Value.Single()} ({(int)response.StatusCode})");
            }
        }
    }

    /// <summary>
    /// A redirect result with a relative URL (<c>Results.Redirect("next?from=relative")</c>) is, for a navigation, a 302
    /// the browser resolves against the function's URL: <c>/client-probes/relative/next?from=relative</c>. The client passes
    /// the header to <c>location.assign</c> as it is, which resolves it against the page's URL instead, so the same
    /// function sends a script caller somewhere else (and, with <c>baseUrl</c> on another origin, to the page's origin).
    /// The client should resolve it against the response's URL (or the server send it resolved).
    /// </summary>
    [Fact]
    public async Task A_relative_redirect_lands_where_a_navigation_following_it_would()
    {
        var outcome = await ClientProbeCalls.CallAsync(fixture, "relativeRedirect");

        var navigation = outcome.GetProperty("navigations").EnumerateArray().Single().GetString()!;
        var fromSomePage = new Uri(new Uri("http://page.example/deep/page"), navigation);
        var expected = new Uri(fixture.Address, "/client-probes/relative/next?from=relative");
        Assert.Equal(expected.PathAndQuery, fromSomePage.PathAndQuery);
        Assert.True(fromSomePage.Host == "page.example" || fromSomePage.Authority == expected.Authority, navigation);
    }

    /// <summary>
    /// A 302 that does not come from the function's redirect (an authentication handler's challenge, an HTTPS or rewrite
    /// redirect, here one set on the response directly) is followed by fetch, and the client resolves the call with
    /// whatever the target answers, as the declared type: <c>ClientProbes.moved()</c>, declared
    /// <c>Promise&lt;Wand | null&gt;</c>, resolves to the string <c>"x"</c> of another endpoint — the failure the redirect
    /// protocol was made to end. A followed redirect (<c>response.redirected</c>, or <c>redirect: "manual"</c>) should
    /// reject the call (or navigate), never resolve with another URL's answer.
    /// </summary>
    [Fact]
    public async Task A_redirect_fetch_followed_never_resolves_the_call_with_another_endpoints_answer()
    {
        var outcome = await ClientProbeCalls.CallAsync(fixture, "moved");

        Assert.False(outcome.TryGetProperty("value", out var value) && value.ValueKind == System.Text.Json.JsonValueKind.String, outcome.ToString());
    }

    private static string WhatwgStripped(string url) =>
        url.Replace("\t", "", StringComparison.Ordinal).Replace("\n", "", StringComparison.Ordinal).Replace("\r", "", StringComparison.Ordinal)
            .Trim([.. Enumerable.Range(0, 0x21).Select(static c => (char)c)]);

    [GeneratedRegex("^[a-zA-Z][a-zA-Z0-9+.-]*:")]
    private static partial Regex SchemePrefix();
}
