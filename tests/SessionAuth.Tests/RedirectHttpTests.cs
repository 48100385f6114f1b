using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;
using SessionAuth.TestApp;

namespace SessionAuth.Tests;

/// <summary>Every redirect the library builds or checks, over HTTP: never a 500, always a header-safe local Location.</summary>
public sealed class RedirectHttpTests(TestAppFixture fixture) : IClassFixture<TestAppFixture>
{
    /// <summary>A redirect whose Location is printable ASCII and a path on this site.</summary>
    private static async Task<string> AssertHeaderSafeRedirectAsync(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return AssertHeaderSafeLocal(Assert.Single(response.Headers.GetValues("Location")));
    }

    /// <summary>A server function's redirect as a script gets it: 204 with X-Server-Redirect, printable ASCII and a path on this site.</summary>
    private static async Task<string> AssertHeaderSafeScriptRedirectAsync(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.NoContent, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        Assert.False(response.Headers.Contains("Location"));
        return AssertHeaderSafeLocal(Assert.Single(response.Headers.GetValues(SessionAuthDefaults.ServerRedirectHeaderName)));
    }

    private static string AssertHeaderSafeLocal(string location)
    {
        Assert.All(location, c => Assert.InRange(c, '!', '~'));
        Assert.True(location.Length == 1 || location[1] is not ('/' or '\\'), location);
        Assert.Equal("127.0.0.1", new Uri(new Uri("http://127.0.0.1/"), location).Host);
        return location;
    }

    /// <summary>The return URL inside the guard's login URL: itself a local path, or the root.</summary>
    private static string ReturnUrlOf(string loginUrl)
    {
        const string Prefix = "/login?returnUrl=";
        Assert.StartsWith(Prefix, loginUrl, StringComparison.Ordinal);
        var returnUrl = Uri.UnescapeDataString(loginUrl[Prefix.Length..]);
        Assert.True(ReturnUrls.IsLocal(returnUrl), returnUrl);
        return returnUrl;
    }

    private static Task<HttpResponseMessage> SignInAsync(TestClient client, string returnUrl) =>
        client.FetchAsync("/_server/Account/SignIn", JsonSerializer.Serialize(new { username = "harry", returnUrl }));

    /// <summary>
    /// The login's return URL carries each hostile character of the unit table (as JSON: a form field cannot carry NUL,
    /// the framework's form reader answers 400 before the login runs).
    /// </summary>
    [Theory]
    [MemberData(nameof(LocalUrlTests.HostileCharacters), MemberType = typeof(LocalUrlTests))]
    public async Task A_login_with_any_return_url_redirects_to_a_header_safe_local_path(string returnUrl, string? expected)
    {
        using var client = fixture.CreateClient();

        using var response = await SignInAsync(client, returnUrl);

        var location = await AssertHeaderSafeScriptRedirectAsync(response);
        Assert.Equal(expected ?? "/", location);
        Assert.True(ReturnUrls.IsLocal(location), location);
    }

    public static TheoryData<string, bool> GuardedPaths() => new()
    {
        { "/guarded/caf%C3%A9", true },
        { "/guarded/%E3%83%8E%E3%83%BC%E3%83%88?q=%C3%BCber", true },
        { "/guarded/emoji/%F0%9F%98%80", true },
        { "/guarded/a%20b?q=a+b&r=%22%3C%3E", true },
        { "/guarded/files/a%2Fb", true },
        { "/guarded/%EF%BC%8F%EF%BC%8Fevil.com", false },
        { "/guarded/%E2%88%95evil.com", false },
        { "/guarded/a%E2%80%AEb", false },
        { "/guarded/a%E2%81%A6b", false },
        { "/guarded/a%C2%A0b", false },
        { "/guarded/x?next=%2F%2Fevil.com", true },
        { "/guarded/x?next=%252F%252F%252Fevil.com", true },
        { "/guarded/x?next=%25252F%25252F%25252Fevil.com", false },
        { "/guarded/x?q=%09", false },
        { "/guarded/x?q=%EF%BC%8F", false },
        { "/guarded/x?q=%C0%AF", false },
        { "/guarded/x?q=%E0%80%AF", false },
        { "/guarded/x?q=%ED%A0%80", false },
        { "/guarded/x?q=%FF", false },
    };

    /// <summary>
    /// A guarded path with encoded or non-ASCII characters: the login URL is header-safe, and its return URL is the
    /// path asked for, which the login sends the user back to, and which then answers; or the root when it is refused.
    /// </summary>
    [Theory]
    [MemberData(nameof(GuardedPaths))]
    public async Task The_guards_return_url_is_header_safe_and_round_trips_through_the_login(string path, bool roundTrips)
    {
        using var client = fixture.CreateClient();

        using var denied = await client.NavigateAsync(path);
        Assert.True((int)denied.StatusCode < 500, $"{path}: {denied.StatusCode}");
        var returnUrl = ReturnUrlOf(await AssertHeaderSafeRedirectAsync(denied));
        Assert.Equal(roundTrips ? path : "/", returnUrl);

        using var login = await SignInAsync(client, returnUrl);
        Assert.Equal(returnUrl, await AssertHeaderSafeScriptRedirectAsync(login));

        if (roundTrips)
        {
            using var admitted = await client.NavigateAsync(returnUrl);
            Assert.Equal(HttpStatusCode.OK, admitted.StatusCode);
        }
    }

    /// <summary>
    /// The path base can come from a proxy's header (X-Forwarded-Prefix); whatever it says, the login URL stays on this
    /// site, with the path base when that is local and without it otherwise.
    /// </summary>
    [Theory]
    [InlineData("//evil.example", "/login")]
    [InlineData("/", "/login")]
    [InlineData("/\\evil.example", "/login")]
    [InlineData("/%2F%2Fevil.example", "/login")]
    [InlineData("/..//evil.example", "/login")]
    [InlineData("/shop", "/shop/login")]
    public async Task A_forwarded_path_base_never_takes_the_login_redirect_off_the_site(string prefix, string expectedLoginPath)
    {
        await using var app = TestAppHost.Build(configureApp: app => app.UseForwardedHeaders(new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedPrefix }));
        await app.StartAsync();
        using var client = new TestClient(new Uri(app.Urls.First()));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/guarded/page");
        request.Headers.Add("Sec-Fetch-Mode", "navigate");
        request.Headers.Add("X-Forwarded-Prefix", prefix);

        using var response = await client.SendAsync(request);

        var location = await AssertHeaderSafeRedirectAsync(response);
        Assert.StartsWith(expectedLoginPath + "?returnUrl=", location, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/connexión", "/connexi%C3%B3n")]
    [InlineData("/ログイン?from=guard", "/%E3%83%AD%E3%82%B0%E3%82%A4%E3%83%B3?from=guard")]
    [InlineData("/sign in", "/sign%20in")]
    public async Task A_login_path_that_is_not_ascii_is_percent_encoded_in_the_redirect(string loginPath, string expectedLoginPath)
    {
        await using var app = TestAppHost.Build(o => o.LoginPath = loginPath);
        await app.StartAsync();
        using var client = new TestClient(new Uri(app.Urls.First()));

        using var response = await client.NavigateAsync("/guarded/caf%C3%A9");

        var location = await AssertHeaderSafeRedirectAsync(response);
        var separator = loginPath.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        Assert.Equal($"{expectedLoginPath}{separator}returnUrl=%2Fguarded%2Fcaf%25C3%25A9", location);
    }

    public static TheoryData<string> LookalikeLoginPaths()
    {
        var table = new TheoryData<string>();
        foreach (var lookalike in LocalUrlTests.SlashLookalikes)
        {
            table.Add($"/{char.ConvertFromUtf32(lookalike)}evil.com/login");
        }

        table.Add("/login\u202E");
        table.Add("/%C0%AFevil.com");
        return table;
    }

    [Theory]
    [MemberData(nameof(LookalikeLoginPaths))]
    public async Task A_login_path_or_redirect_with_a_lookalike_slash_stops_the_start(string loginPath)
    {
        var exception = await Record.ExceptionAsync(async () =>
        {
            await using var app = TestAppHost.Build(o => o.LoginPath = loginPath);
            await app.StartAsync();
        });

        Assert.NotNull(exception);
        Assert.Contains($"SessionAuthOptions.LoginPath '{loginPath}' is not a local path", exception.Message, StringComparison.Ordinal);
        var builder = WebApplication.CreateBuilder();
        var app = builder.Build();
        Assert.Equal("redirectTo", Assert.Throws<ArgumentException>(() => app.MapGroup("/x").RequireSession(redirectTo: loginPath)).ParamName);
    }
}
