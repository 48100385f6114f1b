using System.Net;
using Microsoft.AspNetCore.Builder;
using SessionAuth.TestApp;

namespace SessionAuth.Tests;

public sealed class CrossSiteTests : IAsyncLifetime
{
    private const string TrustedOrigin = "https://front.example";
    private WebApplication _app = null!;
    private Uri _address = null!;

    public async Task InitializeAsync()
    {
        _app = TestAppHost.Build(o => o.TrustedOrigins.Add(TrustedOrigin));
        await _app.StartAsync();
        _address = new Uri(_app.Urls.First());
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private string OwnOrigin => _address.GetLeftPart(UriPartial.Authority);

    /// <summary>Logs in without browser headers (a server-side caller), then calls a state-changing function with the given ones.</summary>
    private async Task<HttpStatusCode> EnrollAsync(string? fetchSite, string? origin)
    {
        using var client = new TestClient(_address);
        await client.LoginAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/_server/Students/Enroll")
        {
            Content = new FormUrlEncodedContent([new("name", "Neville"), new("house", "Gryffindor")]),
        };
        if (fetchSite is not null)
        {
            request.Headers.Add("Sec-Fetch-Site", fetchSite);
        }

        if (origin is not null)
        {
            request.Headers.Add("Origin", origin == "own" ? OwnOrigin : origin);
        }

        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    [Theory]
    [InlineData("same-origin", null)]
    [InlineData("none", null)]
    [InlineData("same-origin", "own")]
    [InlineData(null, "own")]
    [InlineData(null, null)]
    [InlineData("cross-site", TrustedOrigin)]
    [InlineData(null, TrustedOrigin)]
    public async Task Same_site_calls_trusted_origins_and_non_browser_callers_pass(string? fetchSite, string? origin)
    {
        Assert.Equal(HttpStatusCode.OK, await EnrollAsync(fetchSite, origin));
    }

    [Theory]
    [InlineData("cross-site", null)]
    [InlineData("cross-site", "https://evil.example")]
    [InlineData("same-site", "https://sibling.example")]
    [InlineData(null, "https://evil.example")]
    [InlineData(null, "null")]
    [InlineData(null, "http://127.0.0.1")]
    public async Task Cross_site_calls_to_state_changing_functions_get_403(string? fetchSite, string? origin)
    {
        Assert.Equal(HttpStatusCode.Forbidden, await EnrollAsync(fetchSite, origin));
    }

    [Fact]
    public async Task A_cross_site_login_is_refused_before_any_cookie_is_set()
    {
        using var client = new TestClient(_address);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/_server/Account/Login")
        {
            Content = new FormUrlEncodedContent([new("username", "harry"), new("password", Account.Password)]),
        };
        request.Headers.Add("Sec-Fetch-Site", "cross-site");
        request.Headers.Add("Origin", "https://evil.example");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task A_cross_site_GET_is_not_a_state_change_and_passes()
    {
        using var client = new TestClient(_address);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/_server/Greetings/Hello?name=Hagrid");
        request.Headers.Add("Sec-Fetch-Site", "cross-site");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("front.example")]
    [InlineData("https://front.example/path")]
    [InlineData("ftp://front.example")]
    public async Task A_trusted_origin_that_is_not_an_origin_stops_the_start(string origin)
    {
        var exception = await Record.ExceptionAsync(async () =>
        {
            await using var app = TestAppHost.Build(o => o.TrustedOrigins.Add(origin));
            await app.StartAsync();
        });

        Assert.NotNull(exception);
        Assert.Contains($"SessionAuthOptions.TrustedOrigins has '{origin}'", exception.Message, StringComparison.Ordinal);
    }
}
