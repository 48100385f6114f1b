using System.Net;
using SessionAuth.Tests.Identity;
using SessionAuth.Tests.Rules;

namespace SessionAuth.Tests.Blazor;

/// <summary>
/// Blazor's enhanced navigation and enhanced form posts are fetches (<c>Sec-Fetch-Mode: no-cors</c>) that stand in for
/// navigations: every guard answers them as navigations — to the login page, or to the access-denied path, with the
/// return URL. A page Blazor renders gets a redirect that <c>blazor.web.js</c> follows inside its fetch and patches in
/// without a reload; a page of any other kind gets 200 with <c>blazor-enhanced-nav-redirect-location</c>, which it loads
/// itself (it would refuse that page as the answer to a post, and load the guarded URL a second time for a get). An
/// ordinary fetch keeps its 401 and 403. The requests carry exactly the headers <c>blazor.web.js</c> sends
/// (NavigationEnhancement.ts); the app's <c>/access-denied</c> and <c>/sign-in</c> are Razor components, its
/// <c>/login</c>, <c>/no-entry</c> and <c>/reports/login</c> are not.
/// </summary>
public sealed class EnhancedNavigationHttpTests
{
    private const string Page = "/students/Gryffindor";

    public static TheoryData<string, string, string> AnonymousRequests => new()
    {
        // guard kind, method and path, expected Location
        { "server function (GET)", "GET /api/students/Gryffindor?take=2", "/login?returnUrl=%2Fapi%2Fstudents%2FGryffindor%3Ftake%3D2" },
        { "server function (form post)", "POST /_server/Students/Enroll", "/login?returnUrl=%2Fstudents%2FGryffindor" },
        { "server function (multipart form post)", "MULTIPART /_server/Students/Enroll", "/login?returnUrl=%2Fstudents%2FGryffindor" },
        { "[RequireSession] minimal API", "GET /minimal/me", "/login?returnUrl=%2Fminimal%2Fme" },
        { "RequireSession() minimal API", "GET /minimal/chained", "/login?returnUrl=%2Fminimal%2Fchained" },
        { "RequireSession(redirectTo) group", "GET /reports/daily", "/reports/login?returnUrl=%2Freports%2Fdaily" },
        { "rule on a minimal API", "GET /rules/minimal/prefects", "/login?returnUrl=%2Frules%2Fminimal%2Fprefects" },
        { "rule on a Razor component", "GET /rules/razor/prefects", "/login?returnUrl=%2Frules%2Frazor%2Fprefects" },
        { "rule on a controller action", "GET /rules/mvc/prefects", "/login?returnUrl=%2Frules%2Fmvc%2Fprefects" },
        { "rule on a server function (form post)", "POST /_server/RuleFunctions/AwardPoints", "/login?returnUrl=%2Fstudents%2FGryffindor" },
    };

    public static TheoryData<string, string, string> RefusedRequests => new()
    {
        // harry is signed in but no prefect: the rule refuses him.
        { "rule on a server function (form post)", "POST /_server/RuleFunctions/AwardPoints", "/access-denied?returnUrl=%2Fstudents%2FGryffindor" },
        { "rule on a server function (multipart form post)", "MULTIPART /_server/RuleFunctions/AwardPoints", "/access-denied?returnUrl=%2Fstudents%2FGryffindor" },
        { "rule on a minimal API", "GET /rules/minimal/prefects", "/access-denied?returnUrl=%2Frules%2Fminimal%2Fprefects" },
        { "rule on a Razor component", "GET /rules/razor/prefects", "/access-denied?returnUrl=%2Frules%2Frazor%2Fprefects" },
        { "rule on a controller action", "GET /rules/mvc/prefects", "/access-denied?returnUrl=%2Frules%2Fmvc%2Fprefects" },
        { "two-argument rule on a server function route", "GET /rules/functions/houses/Slytherin/common-room", "/access-denied?returnUrl=%2Frules%2Ffunctions%2Fhouses%2FSlytherin%2Fcommon-room" },
    };

    [Theory]
    [MemberData(nameof(AnonymousRequests))]
    public async Task An_anonymous_enhanced_navigation_is_sent_to_a_login_page_that_Blazor_does_not_render_for_blazor_web_js_to_load(string guard, string request, string location)
    {
        await using var app = await SessionRulesApp.StartAsync(accessDeniedPath: "/access-denied");
        using var client = new TestClient(app.Address);

        using var enhanced = await client.SendAsync(EnhancedRequest(app.Address, request));
        using var fetched = await client.SendAsync(FetchRequest(app.Address, request));

        AssertSentTo(enhanced, request, location, blazorPage: false, guard);
        Assert.Equal(HttpStatusCode.Unauthorized, fetched.StatusCode);
        Assert.True(fetched.Headers.Contains(SessionAuthDefaults.SessionRedirectHeaderName), guard);
    }

    [Theory]
    [MemberData(nameof(AnonymousRequests))]
    public async Task An_anonymous_enhanced_navigation_is_redirected_to_a_login_page_that_Blazor_renders(string guard, string request, string location)
    {
        await using var app = await SessionRulesApp.StartAsync(accessDeniedPath: "/access-denied", loginPath: "/sign-in");

        using var client = new TestClient(app.Address);
        using var enhanced = await client.SendAsync(EnhancedRequest(app.Address, request));

        // RequireSession(redirectTo) sends its group to a login page of its own, which is not a component.
        var toSignIn = location.StartsWith("/login?", StringComparison.Ordinal);
        AssertSentTo(enhanced, request, toSignIn ? "/sign-in?" + location["/login?".Length..] : location, blazorPage: toSignIn, guard);
    }

    [Theory]
    [MemberData(nameof(RefusedRequests))]
    public async Task A_refused_enhanced_navigation_is_redirected_to_an_access_denied_page_that_Blazor_renders(string guard, string request, string location)
    {
        await using var app = await SessionRulesApp.StartAsync(accessDeniedPath: "/access-denied");
        using var harry = await SessionRulesApp.SignedInAsync(app.Address, "harry");

        using var enhanced = await harry.SendAsync(EnhancedRequest(app.Address, request));
        using var fetched = await harry.SendAsync(FetchRequest(app.Address, request));

        AssertSentTo(enhanced, request, location, blazorPage: true, guard);
        Assert.Equal(HttpStatusCode.Forbidden, fetched.StatusCode);
        Assert.Contains("\"refusedBy\"", await fetched.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(RefusedRequests))]
    public async Task A_refused_enhanced_navigation_is_sent_to_an_access_denied_page_that_Blazor_does_not_render_for_blazor_web_js_to_load(string guard, string request, string location)
    {
        await using var app = await SessionRulesApp.StartAsync(accessDeniedPath: "/no-entry");
        using var harry = await SessionRulesApp.SignedInAsync(app.Address, "harry");

        using var enhanced = await harry.SendAsync(EnhancedRequest(app.Address, request));

        AssertSentTo(enhanced, request, location.Replace("/access-denied?", "/no-entry?", StringComparison.Ordinal), blazorPage: false, guard);
    }

    [Fact]
    public async Task An_enhanced_navigation_to_an_Authorize_endpoint_is_challenged_and_forbidden_as_a_navigation()
    {
        var (app, address) = await IdentityApp.StartAsync(options => options.AccessDeniedPath = "/no-entry");
        await using var _ = app;
        using var anonymous = new TestClient(address);
        using var harry = await IdentityApp.SignedInAsync(address, "harry");

        using var challenged = await anonymous.SendAsync(EnhancedRequest(address, "GET /authorized-only"));
        using var forbidden = await harry.SendAsync(EnhancedRequest(address, "GET /admin"));
        using var fetchedForbidden = await harry.SendAsync(FetchRequest(address, "GET /admin"));

        AssertSentTo(challenged, "GET /authorized-only", "/login?returnUrl=%2Fauthorized-only", blazorPage: false, "[Authorize] challenge");
        AssertSentTo(forbidden, "GET /admin", "/no-entry?returnUrl=%2Fadmin", blazorPage: false, "[Authorize] forbid");
        Assert.Equal(HttpStatusCode.Forbidden, fetchedForbidden.StatusCode);
    }

    [Fact]
    public async Task A_signed_in_enhanced_form_post_reaches_the_server_function()
    {
        await using var app = await SessionRulesApp.StartAsync(accessDeniedPath: "/access-denied");
        using var percy = await SessionRulesApp.SignedInAsync(app.Address, "percy");

        using var response = await percy.SendAsync(EnhancedRequest(app.Address, "POST /_server/RuleFunctions/AwardPoints"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("percy awarded 10 points to Gryffindor", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("text/html; blazor-enhanced-nav=on, application/json")]
    [InlineData("text/html;blazor-enhanced-nav=on")]
    [InlineData("application/json; blazor-enhanced-nav=on")]
    public async Task A_fetch_that_only_resembles_enhanced_navigation_stays_a_script(string accept)
    {
        await using var app = await SessionRulesApp.StartAsync(accessDeniedPath: "/access-denied");
        using var client = new TestClient(app.Address);
        using var request = EnhancedRequest(app.Address, "GET /minimal/me");
        request.Headers.Remove("Accept");
        request.Headers.TryAddWithoutValidation("Accept", accept);

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("http://other.example/students/Gryffindor", "/login?returnUrl=%2F_server%2FStudents%2FEnroll")]
    [InlineData("not a url", "/login?returnUrl=%2F_server%2FStudents%2FEnroll")]
    [InlineData("{address}students/Gryffindor?tab=all#top", "/login?returnUrl=%2Fstudents%2FGryffindor%3Ftab%3Dall")]
    [InlineData("{address}%2F%2Fevil.example", "/login?returnUrl=%2F_server%2FStudents%2FEnroll")]
    public async Task A_form_post_returns_to_the_page_it_came_from_only_when_that_page_is_on_this_site(string referer, string location)
    {
        await using var app = await SessionRulesApp.StartAsync(accessDeniedPath: "/access-denied");
        using var client = new TestClient(app.Address);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/_server/Students/Enroll")
        {
            Content = new FormUrlEncodedContent([new("name", "Neville"), new("house", "Gryffindor")]),
        };
        request.Headers.Add("Sec-Fetch-Mode", "navigate");
        request.Headers.Add("Accept", "text/html");
        request.Headers.TryAddWithoutValidation("Referer", referer.Replace("{address}", app.Address.ToString(), StringComparison.Ordinal));

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal(location, response.Headers.Location?.OriginalString);
    }

    /// <summary>
    /// How an enhanced navigation is sent to a page: a 302 (303 for a post) it follows when Blazor renders the page, else
    /// 200 with the location for blazor.web.js to load and the header that makes it read that location at all.
    /// </summary>
    private static void AssertSentTo(HttpResponseMessage response, string request, string location, bool blazorPage, string guard)
    {
        if (blazorPage)
        {
            var expected = request.StartsWith("GET ", StringComparison.Ordinal) ? HttpStatusCode.Redirect : HttpStatusCode.SeeOther;
            Assert.True(response.StatusCode == expected, $"{guard}: {(int)response.StatusCode}");
            Assert.Equal(location, response.Headers.Location?.OriginalString);
            Assert.False(response.Headers.Contains("blazor-enhanced-nav-redirect-location"), guard);
            return;
        }

        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{guard}: {(int)response.StatusCode}");
        Assert.Null(response.Headers.Location);
        Assert.Equal(["allow"], response.Headers.GetValues("blazor-enhanced-nav"));
        Assert.Equal([location], response.Headers.GetValues("blazor-enhanced-nav-redirect-location"));
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
    }

    /// <summary>A request as blazor.web.js sends it: a no-cors fetch from the page, with its one Accept value.</summary>
    private static HttpRequestMessage EnhancedRequest(Uri address, string methodAndPath)
    {
        var request = Request(address, methodAndPath);
        request.Headers.TryAddWithoutValidation("Accept", "text/html; blazor-enhanced-nav=on");
        request.Headers.Add("Sec-Fetch-Mode", "no-cors");
        request.Headers.Add("Sec-Fetch-Dest", "empty");
        return request;
    }

    /// <summary>The same request as page script's fetch() sends it.</summary>
    private static HttpRequestMessage FetchRequest(Uri address, string methodAndPath)
    {
        var request = Request(address, methodAndPath);
        request.Headers.Add("Accept", "application/json");
        request.Headers.Add("Sec-Fetch-Mode", "cors");
        request.Headers.Add("Sec-Fetch-Dest", "empty");
        return request;
    }

    private static HttpRequestMessage Request(Uri address, string methodAndPath)
    {
        var (method, path) = (methodAndPath[..methodAndPath.IndexOf(' ', StringComparison.Ordinal)], methodAndPath[(methodAndPath.IndexOf(' ', StringComparison.Ordinal) + 1)..]);
        var request = new HttpRequestMessage(method == "GET" ? HttpMethod.Get : HttpMethod.Post, path);
        request.Headers.Add("Sec-Fetch-Site", "same-origin");
        request.Headers.Referrer = new Uri(address, Page);
        if (method != "GET")
        {
            request.Headers.Add("Origin", address.GetLeftPart(UriPartial.Authority));
        }

        (string, string)[] fields = path.Contains("Enroll", StringComparison.Ordinal)
            ? [("name", "Neville"), ("house", "Gryffindor")]
            : [("house", "Gryffindor"), ("points", "10")];
        if (method == "POST")
        {
            request.Content = new FormUrlEncodedContent(fields.Select(field => new KeyValuePair<string, string>(field.Item1, field.Item2)));
        }
        else if (method == "MULTIPART")
        {
            var multipart = new MultipartFormDataContent();
            foreach (var (name, value) in fields)
            {
                multipart.Add(new StringContent(value), name);
            }

            request.Content = multipart;
        }

        return request;
    }
}
