using System.Net;
using Microsoft.AspNetCore.Builder;
using SessionAuth.TestApp;

namespace SessionAuth.Tests;

/// <summary>One test app on real Kestrel (127.0.0.1, a free port) for a test class; sessions in sealed cookies.</summary>
public class TestAppFixture : IAsyncLifetime
{
    private WebApplication? _app;

    public Uri Address { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        (_app, Address) = await TestAppHost.StartAsync(Configure);
    }

    /// <summary>Sessions say who they belong to, as the README asks of apps; tests without a user id build their own app.</summary>
    protected virtual void Configure(SessionAuthOptions options) =>
        options.IdentifyUser<UserSession>(user => user.UserId.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    /// <summary>A browser-like client: its own cookie jar, and redirects left for the test to see.</summary>
    public TestClient CreateClient() => new(Address);
}

/// <summary>The same test app with sessions in the server store (the in-memory <c>IDistributedCache</c> default).</summary>
public sealed class ServerStoreTestAppFixture : TestAppFixture
{
    protected override void Configure(SessionAuthOptions options) =>
        options.UseServerStore<UserSession>(user => user.UserId.ToString(System.Globalization.CultureInfo.InvariantCulture));
}

public sealed class TestClient : IDisposable
{
    private readonly HttpClient _http;

    public TestClient(Uri address)
    {
        Cookies = new CookieContainer();
        Address = address;
        _http = new HttpClient(new HttpClientHandler { CookieContainer = Cookies, AllowAutoRedirect = false }) { BaseAddress = address };
    }

    public CookieContainer Cookies { get; }

    public Uri Address { get; }

    public Cookie? SessionCookie => Cookies.GetCookies(Address)["session"];

    public Task<HttpResponseMessage> SendAsync(HttpRequestMessage request) => _http.SendAsync(request);

    /// <summary>A call as fetch() makes it from a page: JSON in, JSON out, Sec-Fetch-Mode: cors.</summary>
    public Task<HttpResponseMessage> FetchAsync(string path, string? json = null, HttpMethod? method = null)
    {
        var request = new HttpRequestMessage(method ?? HttpMethod.Post, path);
        request.Headers.Add("Sec-Fetch-Mode", "cors");
        request.Headers.Add("Accept", "application/json");
        if (json is not null)
        {
            request.Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        }

        return _http.SendAsync(request);
    }

    /// <summary>A browser navigation: Sec-Fetch-Mode: navigate, Accept: text/html.</summary>
    public Task<HttpResponseMessage> NavigateAsync(string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Sec-Fetch-Mode", "navigate");
        request.Headers.Add("Accept", "text/html,application/xhtml+xml");
        return _http.SendAsync(request);
    }

    /// <summary>A plain HTML form post, as a browser sends it.</summary>
    public Task<HttpResponseMessage> PostFormAsync(string path, params (string Name, string Value)[] fields)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))),
        };
        request.Headers.Add("Sec-Fetch-Mode", "navigate");
        request.Headers.Add("Accept", "text/html");
        return _http.SendAsync(request);
    }

    public async Task LoginAsync(string username = "harry")
    {
        using var response = await FetchAsync("/_server/Account/Login", $$"""{"username":"{{username}}","password":"{{SessionAuth.TestApp.Account.Password}}"}""");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    public void Dispose() => _http.Dispose();
}
