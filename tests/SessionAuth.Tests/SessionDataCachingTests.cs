using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using SessionAuth.TestApp;

namespace SessionAuth.Tests;

/// <summary>
/// Every response the library writes session data into is kept out of every cache: the session script on an unguarded,
/// unpreloaded page, <c>/_session</c>, and the session cookie itself.
/// </summary>
public sealed class SessionDataCachingTests : IAsyncLifetime
{
    /// <summary>A request header the test app's first middleware copies into the response's Cache-Control.</summary>
    private const string EarlierCacheControlHeader = "X-Test-Cache-Control";

    private WebApplication _app = null!;
    private Uri _address = null!;

    public async Task InitializeAsync()
    {
        _app = TestAppHost.Build(
            o => o.ExposeToClient<UserSession, UserView>(user => new UserView(user.Name)),
            configureApp: app => app.Use((context, next) =>
            {
                if (context.Request.Headers.TryGetValue(EarlierCacheControlHeader, out var cacheControl))
                {
                    context.Response.Headers.CacheControl = cacheControl;
                }

                return next(context);
            }));
        await _app.StartAsync();
        _address = new Uri(_app.Urls.First());
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private static readonly string[] Paths = ["/page", "/_session", "/page/then-public"];

    /// <summary>What an earlier middleware set, and whether it is as strict as ours (says no-store) and so survives.</summary>
    private static readonly (string? CacheControl, bool Survives)[] EarlierCacheControls =
    [
        (null, false),
        ("public, max-age=60", false),
        ("private, max-age=60", false),
        ("max-age=0", false),
        ("no-cache", false),
        ("public", false),
        ("s-maxage=600, stale-while-revalidate=60", false),
        ("x-no-store-ish", false),
        ("no-store", true),
        ("public, NO-STORE", true),
        ("private, no-store, max-age=0", true),
        ("no-cache, no-store, must-revalidate", true),
    ];

    public static TheoryData<string, bool, string?, bool> Cases()
    {
        var table = new TheoryData<string, bool, string?, bool>();
        foreach (var path in Paths)
        {
            foreach (var signedIn in new[] { false, true })
            {
                foreach (var (cacheControl, survives) in EarlierCacheControls)
                {
                    table.Add(path, signedIn, cacheControl, survives);
                }
            }
        }

        return table;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_response_carrying_session_data_is_never_stored_by_a_cache(string path, bool signedIn, string? earlierCacheControl, bool survives)
    {
        using var client = new TestClient(_address);
        if (signedIn)
        {
            await client.LoginAsync("luna");
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (earlierCacheControl is not null)
        {
            request.Headers.TryAddWithoutValidation(EarlierCacheControlHeader, earlierCacheControl);
        }

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(signedIn, body.Contains("\"name\":\"luna\"", StringComparison.Ordinal));
        var cacheControl = response.Headers.NonValidated["Cache-Control"].ToString();

        // The page that sets "public" after rendering is held to no-store whatever came before it.
        var expected = survives && path != "/page/then-public" ? earlierCacheControl : "private, no-store";
        Assert.Equal(expected, cacheControl);
    }

    [Theory]
    [InlineData("private, no-store", true)]
    [InlineData("no-store", true)]
    [InlineData("NO-STORE, max-age=0", true)]
    [InlineData("public, max-age=60", false)]
    [InlineData("private", false)]
    [InlineData("no-cache", false)]
    [InlineData("no-store-please", false)]
    [InlineData("=,,garbage", false)]
    [InlineData("", false)]
    public void No_store_is_read_as_a_directive_not_as_text(string cacheControl, bool forbidsStoring) =>
        Assert.Equal(forbidsStoring, SessionAuth.Infrastructure.PersonalisedResponse.ForbidsStoring(cacheControl));

    /// <summary>Responses that set or delete the session cookie: a cache that kept one would hand the cookie to the next caller.</summary>
    [Fact]
    public async Task Responses_that_set_or_delete_the_session_cookie_are_never_stored()
    {
        using var client = new TestClient(_address);
        using var login = await client.FetchAsync("/_server/Account/Login", $$"""{"username":"luna","password":"{{Account.Password}}"}""");
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.True(login.Headers.NonValidated.Contains("Set-Cookie"));
        Assert.Equal("private, no-store", login.Headers.NonValidated["Cache-Control"].ToString());

        using var request = new HttpRequestMessage(HttpMethod.Post, "/_server/Account/Logout");
        request.Headers.TryAddWithoutValidation(EarlierCacheControlHeader, "public, max-age=60");
        using var logout = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);
        Assert.True(logout.Headers.NonValidated.Contains("Set-Cookie"));
        Assert.Equal("private, no-store", logout.Headers.NonValidated["Cache-Control"].ToString());
    }

    [Fact]
    public async Task Session_data_is_refused_once_the_response_has_started_without_no_store()
    {
        var context = new DefaultHttpContext { RequestServices = _app.Services };
        var started = new StartedResponseFeature();
        context.Features.Set<Microsoft.AspNetCore.Http.Features.IHttpResponseFeature>(started);

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(async () => await context.RenderSessionScriptAsync());

        Assert.Contains("no-store", exception.Message, StringComparison.Ordinal);
        started.Headers.CacheControl = "no-store";
        Assert.Contains("<script", await context.RenderSessionScriptAsync(), StringComparison.Ordinal);
    }

    private sealed class StartedResponseFeature : Microsoft.AspNetCore.Http.Features.HttpResponseFeature
    {
        public override bool HasStarted => true;
    }
}

/// <summary>
/// A middleware that runs before <c>UseSessionAuth()</c> and makes every response public as it starts (a common way to
/// let a CDN cache pages): its <c>OnStarting</c> callback runs after ours would, yet a response carrying session data
/// still leaves with <c>private, no-store</c>.
/// </summary>
public sealed class SessionDataCachingUnderAnEarlierOnStartingTests : IAsyncLifetime
{
    private const string Public = "public, max-age=600";
    private WebApplication _app = null!;
    private Uri _address = null!;

    public async Task InitializeAsync()
    {
        _app = TestAppHost.Build(
            o => o.ExposeToClient<UserSession, UserView>(user => new UserView(user.Name)),
            configureApp: app => app.Use((context, next) =>
            {
                context.Response.OnStarting(() =>
                {
                    context.Response.Headers.CacheControl = Public;
                    return Task.CompletedTask;
                });
                return next(context);
            }));
        await _app.StartAsync();
        _address = new Uri(_app.Urls.First());
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData("/page")]
    [InlineData("/_session")]
    public async Task Session_data_is_never_left_public(string path)
    {
        using var client = new TestClient(_address);
        await client.LoginAsync();

        using var response = await client.NavigateAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("harry", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(SessionAuth.Infrastructure.PersonalisedResponse.ForbidsStoring(new Microsoft.Extensions.Primitives.StringValues(response.Headers.CacheControl?.ToString())), $"Cache-Control: {response.Headers.CacheControl}");
    }

    [Fact]
    public async Task A_login_response_that_sets_the_session_cookie_is_never_left_public()
    {
        using var client = new TestClient(_address);
        using var login = await client.FetchAsync("/_server/Account/Login", $$"""{"username":"harry","password":"{{Account.Password}}"}""");

        Assert.True(login.Headers.Contains("Set-Cookie"));
        Assert.True(SessionAuth.Infrastructure.PersonalisedResponse.ForbidsStoring(new Microsoft.Extensions.Primitives.StringValues(login.Headers.CacheControl?.ToString())), $"Cache-Control: {login.Headers.CacheControl}");
    }

    /// <summary>The middleware does what it says on responses without session data, so the tests above can fail.</summary>
    [Fact]
    public async Task A_response_without_session_data_keeps_what_the_middleware_set()
    {
        using var client = new TestClient(_address);

        using var response = await client.NavigateAsync("/preload/none");

        Assert.Equal(Public, response.Headers.CacheControl?.ToString());
    }
}
