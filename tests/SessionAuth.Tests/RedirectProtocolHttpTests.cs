using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using SessionAuth.TestApp;
using SessionAuth.Tests.Rules;

namespace SessionAuth.Tests;

/// <summary>
/// One redirect protocol for every caller: whether a server function throws <see cref="ServerRedirect"/> (at once, deep
/// in helpers, after an await) or returns a redirect result (<c>Results.Redirect</c>, <c>TypedResults.LocalRedirect</c>,
/// an app's own), a navigation gets 302, a form post 303, Blazor's enhanced navigation what blazor.web.js follows, and a
/// script 204 with <c>X-Server-Redirect</c> — never a 3xx that fetch would follow to hand the page HTML as the result.
/// The app maps Razor components at <c>/access-denied</c> and <c>/sign-in</c>; <c>/landing</c> is no page of Blazor's.
/// </summary>
public sealed class RedirectProtocolHttpTests : IAsyncLifetime
{
    private RunningApp _app = null!;

    /// <summary>The kinds of caller, as browsers and clients send their requests.</summary>
    public enum Caller
    {
        /// <summary>A link followed or a URL typed: GET, <c>Sec-Fetch-Mode: navigate</c>.</summary>
        Navigation,

        /// <summary>A plain HTML form: POST of form fields, <c>Sec-Fetch-Mode: navigate</c>.</summary>
        FormPost,

        /// <summary>Page script's <c>fetch()</c> GET.</summary>
        FetchGet,

        /// <summary>Page script's <c>fetch()</c> POST of JSON.</summary>
        FetchPost,

        /// <summary>An XMLHttpRequest posting a form (jQuery and its kin send <c>X-Requested-With</c>).</summary>
        XhrFormPost,

        /// <summary>An API client outside a browser: no <c>Sec-Fetch-*</c>, <c>Accept: application/json</c>.</summary>
        ApiClient,

        /// <summary>Blazor's enhanced navigation (a fetch that stands in for a navigation).</summary>
        EnhancedNavigation,

        /// <summary>Blazor's enhanced form post.</summary>
        EnhancedFormPost,
    }

    public static TheoryData<string, Caller> WaysByCaller()
    {
        var table = new TheoryData<string, Caller>();
        foreach (var way in Redirects.Ways)
        {
            foreach (var caller in Enum.GetValues<Caller>())
            {
                table.Add(way, caller);
            }
        }

        return table;
    }

    public async Task InitializeAsync() => _app = await SessionRulesApp.StartAsync(accessDeniedPath: "/access-denied");

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [MemberData(nameof(WaysByCaller))]
    public async Task Every_way_a_server_function_redirects_answers_each_caller_in_its_own_terms(string way, Caller caller)
    {
        using var client = new TestClient(_app.Address);

        using var response = await client.SendAsync(Request(caller, $"/redirects/{way}"));

        await AssertSentToAsync(response, caller, Redirects.Target, blazorPage: false);
    }

    [Theory]
    [InlineData(Caller.FormPost)]
    [InlineData(Caller.FetchPost)]
    [InlineData(Caller.XhrFormPost)]
    [InlineData(Caller.EnhancedFormPost)]
    public async Task A_function_that_returns_nothing_and_throws_at_once_redirects_each_caller(Caller caller)
    {
        using var client = new TestClient(_app.Address);

        using var response = await client.SendAsync(Request(caller, "/redirects-void/thrown"));

        await AssertSentToAsync(response, caller, Redirects.Target, blazorPage: false);
    }

    [Theory]
    [InlineData("permanent", HttpStatusCode.MovedPermanently)]
    [InlineData("preserve-method", HttpStatusCode.TemporaryRedirect)]
    [InlineData("permanent-preserve-method", HttpStatusCode.PermanentRedirect)]
    public async Task A_redirect_result_that_chose_its_status_keeps_it_for_a_navigation_and_a_script_still_gets_204(string kind, HttpStatusCode navigationStatus)
    {
        using var client = new TestClient(_app.Address);

        using var navigation = await client.SendAsync(Request(Caller.Navigation, $"/redirects-status/{kind}"));
        using var fetched = await client.SendAsync(Request(Caller.FetchGet, $"/redirects-status/{kind}"));

        Assert.Equal(navigationStatus, navigation.StatusCode);
        Assert.Equal(Redirects.Target, navigation.Headers.Location?.OriginalString);
        await AssertSentToAsync(fetched, Caller.FetchGet, Redirects.Target, blazorPage: false);
    }

    [Fact]
    public async Task A_redirect_to_a_page_Blazor_renders_is_followed_in_place_by_an_enhanced_navigation()
    {
        using var client = new TestClient(_app.Address);

        using var enhanced = await client.SendAsync(Request(Caller.EnhancedNavigation, "/redirects-page/component"));
        using var fetched = await client.SendAsync(Request(Caller.FetchGet, "/redirects-page/component"));

        await AssertSentToAsync(enhanced, Caller.EnhancedNavigation, "/access-denied?from=function", blazorPage: true);
        await AssertSentToAsync(fetched, Caller.FetchGet, "/access-denied?from=function", blazorPage: true);
    }

    [Theory]
    [InlineData(Caller.Navigation)]
    [InlineData(Caller.FetchGet)]
    [InlineData(Caller.ApiClient)]
    [InlineData(Caller.EnhancedNavigation)]
    public async Task An_allowed_external_redirect_sends_each_caller_to_the_other_site(Caller caller)
    {
        using var client = new TestClient(_app.Address);

        using var response = await client.SendAsync(Request(caller, "/redirects-external/thrown"));

        await AssertSentToAsync(response, caller, "https://accounts.example/sign-in?next=%2F", blazorPage: false);
    }

    [Theory]
    [InlineData(Caller.FormPost)]
    [InlineData(Caller.FetchPost)]
    public async Task The_session_a_function_wrote_before_redirecting_reaches_the_caller(Caller caller)
    {
        using var client = new TestClient(_app.Address);

        using var response = await client.SendAsync(Request(caller, "/redirects-session/sign-in", ("username", "ginny")));

        await AssertSentToAsync(response, caller, Redirects.Target, blazorPage: false);
        Assert.NotNull(client.SessionCookie);
        using var me = await client.FetchAsync("/_server/Account/Me");
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Contains("\"name\":\"ginny\"", await me.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_guarded_function_that_redirects_gives_the_guards_answer_first_and_its_own_redirect_after()
    {
        using var anonymous = new TestClient(_app.Address);
        using var harry = await SessionRulesApp.SignedInAsync(_app.Address, "harry");

        using var denied = await anonymous.SendAsync(Request(Caller.FetchPost, "/redirects-guarded/thrown"));
        using var fetched = await harry.SendAsync(Request(Caller.FetchPost, "/redirects-guarded/thrown"));
        using var posted = await harry.SendAsync(Request(Caller.FormPost, "/redirects-guarded/thrown"));

        Assert.Equal(HttpStatusCode.Unauthorized, denied.StatusCode);
        Assert.True(denied.Headers.Contains(SessionAuthDefaults.SessionRedirectHeaderName));
        Assert.False(denied.Headers.Contains(SessionAuthDefaults.ServerRedirectHeaderName));
        await AssertSentToAsync(fetched, Caller.FetchPost, "/landing?user=harry", blazorPage: false);
        await AssertSentToAsync(posted, Caller.FormPost, "/landing?user=harry", blazorPage: false);
    }

    /// <summary>
    /// Under a path base, a path is sent as written (a return URL the guard gave holds the path base already) and
    /// <c>~/path</c> goes under the path base, as <c>LocalRedirect</c> reads it.
    /// </summary>
    [Theory]
    [InlineData(Caller.Navigation, "thrown", "")]
    [InlineData(Caller.FetchGet, "thrown", "")]
    [InlineData(Caller.Navigation, "thrown-app-relative", "/school")]
    [InlineData(Caller.FetchGet, "thrown-app-relative", "/school")]
    public async Task Under_a_path_base_a_thrown_path_is_sent_as_written_and_an_app_relative_one_under_the_path_base(Caller caller, string way, string prefix)
    {
        await using var app = TestAppHost.Build(configureApp: a => a.UsePathBase("/school"));
        await app.StartAsync();
        using var client = new TestClient(new Uri(app.Urls.First()));

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/school/redirects/{way}");
        request.Headers.Add("Sec-Fetch-Mode", caller == Caller.Navigation ? "navigate" : "cors");
        using var response = await client.SendAsync(request);

        await AssertSentToAsync(response, caller, prefix + Redirects.Target, blazorPage: false);
    }

    /// <summary>The answer each kind of caller must get for a redirect to <paramref name="location"/>.</summary>
    private static async Task AssertSentToAsync(HttpResponseMessage response, Caller caller, string location, bool blazorPage)
    {
        var what = $"{caller}: {(int)response.StatusCode} {string.Join("; ", response.Headers.Select(h => $"{h.Key}={string.Join(",", h.Value)}"))}";
        switch (caller)
        {
            case Caller.Navigation:
                Assert.True(response.StatusCode == HttpStatusCode.Found, what);
                Assert.True(response.Headers.CacheControl?.NoStore, what);
                Assert.Equal(location, response.Headers.Location?.OriginalString);
                break;
            case Caller.FormPost:
                Assert.True(response.StatusCode == HttpStatusCode.SeeOther, what);
                Assert.Equal(location, response.Headers.Location?.OriginalString);
                break;
            case Caller.EnhancedNavigation or Caller.EnhancedFormPost when blazorPage:
                Assert.True(response.StatusCode == (caller == Caller.EnhancedNavigation ? HttpStatusCode.Found : HttpStatusCode.SeeOther), what);
                Assert.Equal(location, response.Headers.Location?.OriginalString);
                break;
            case Caller.EnhancedNavigation or Caller.EnhancedFormPost:
                Assert.True(response.StatusCode == HttpStatusCode.OK, what);
                Assert.Null(response.Headers.Location);
                Assert.Equal(["allow"], response.Headers.GetValues("blazor-enhanced-nav"));
                Assert.Equal([location], response.Headers.GetValues("blazor-enhanced-nav-redirect-location"));
                break;
            default:
                Assert.True(response.StatusCode == HttpStatusCode.NoContent, what);
                Assert.Null(response.Headers.Location);
                Assert.Equal([location], response.Headers.GetValues(SessionAuthDefaults.ServerRedirectHeaderName));
                Assert.True(response.Headers.CacheControl?.NoStore, what);
                Assert.Empty(await response.Content.ReadAsByteArrayAsync());
                return;
        }

        Assert.False(response.Headers.Contains(SessionAuthDefaults.ServerRedirectHeaderName), what);
    }

    private HttpRequestMessage Request(Caller caller, string path, params (string Name, string Value)[] fields)
    {
        var get = caller is Caller.Navigation or Caller.FetchGet or Caller.ApiClient or Caller.EnhancedNavigation;
        var request = new HttpRequestMessage(get ? HttpMethod.Get : HttpMethod.Post, path);
        var headers = request.Headers;
        if (caller != Caller.ApiClient)
        {
            headers.Add("Sec-Fetch-Site", "same-origin");
            headers.Referrer = new Uri(_app.Address, "/students/Gryffindor");
        }

        if (!get)
        {
            headers.Add("Origin", _app.Address.GetLeftPart(UriPartial.Authority));
            request.Content = caller == Caller.FetchPost
                ? new StringContent("{" + string.Join(",", fields.Select(f => $"\"{f.Name}\":\"{f.Value}\"")) + "}", Encoding.UTF8, "application/json")
                : new FormUrlEncodedContent(fields.Select(f => KeyValuePair.Create(f.Name, f.Value)));
        }

        switch (caller)
        {
            case Caller.Navigation or Caller.FormPost:
                headers.Add("Sec-Fetch-Mode", "navigate");
                headers.Add("Accept", "text/html,application/xhtml+xml");
                break;
            case Caller.FetchGet or Caller.FetchPost:
                headers.Add("Sec-Fetch-Mode", "cors");
                headers.Add("Accept", "application/json");
                break;
            case Caller.XhrFormPost:
                headers.Add("Sec-Fetch-Mode", "cors");
                headers.Add("X-Requested-With", "XMLHttpRequest");
                headers.Add("Accept", "*/*");
                break;
            case Caller.ApiClient:
                headers.Add("Accept", "application/json");
                break;
            default:
                headers.TryAddWithoutValidation("Accept", "text/html; blazor-enhanced-nav=on");
                headers.Add("Sec-Fetch-Mode", "no-cors");
                headers.Add("Sec-Fetch-Dest", "empty");
                break;
        }

        return request;
    }
}
