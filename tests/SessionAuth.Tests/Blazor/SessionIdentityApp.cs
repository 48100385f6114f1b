using System.Globalization;
using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SessionAuth.TestApp;

namespace SessionAuth.Tests.Blazor;

/// <summary>
/// The test app with the session as its identity, the identity of a signed-in request kept as a Blazor circuit keeps it
/// (long after the request), and ways to end the session afterwards.
/// </summary>
internal sealed class SessionIdentityApp : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly TestCache _cache;
    private readonly ManualClock _clock;
    private readonly TestClient _client;
    private ClaimsPrincipal? _user;

    private SessionIdentityApp(WebApplication app, TestCache cache, ManualClock clock)
    {
        _app = app;
        _cache = cache;
        _clock = clock;
        _client = new TestClient(new Uri(app.Urls.First()));
    }

    public IServiceProvider Services => _app.Services;

    public static async Task<SessionIdentityApp> StartAsync(bool serverStore)
    {
        var cache = new TestCache();
        var clock = new ManualClock();
        SessionIdentityApp? running = null;
        var app = TestAppHost.Build(
            options =>
            {
                options.CircuitRevalidationInterval = TimeSpan.FromSeconds(1);
                if (serverStore)
                {
                    options.UseServerStore<UserSession>(user => user.UserId.ToString(CultureInfo.InvariantCulture));
                }
            },
            builder =>
            {
                builder.Services.AddSingleton<IDistributedCache>(cache);
                builder.Services.AddSingleton<TimeProvider>(clock);
            },
            app => app.MapGet("/circuit/user", (HttpContext context) =>
            {
                running!._user = context.User;
                return Results.NoContent();
            }).AllowAnonymous());
        await app.StartAsync();
        running = new SessionIdentityApp(app, cache, clock);
        return running;
    }

    public async Task<ClaimsPrincipal> SignedInUserAsync(string name = "neville")
    {
        await _client.LoginAsync(name);
        using var response = await _client.FetchAsync("/circuit/user", method: HttpMethod.Get);
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.True(_user?.Identity?.IsAuthenticated);
        return _user!;
    }

    public async Task EndAsync(string ending)
    {
        switch (ending)
        {
            case "nothing":
                break;
            case "another session of the user logs in":
                using (var other = new TestClient(_client.Address))
                {
                    await other.LoginAsync("neville");
                }

                break;
            case "logout":
                (await _client.FetchAsync("/_server/Account/Logout")).Dispose();
                break;
            case "logout everywhere":
                using (var response = await _client.FetchAsync("/_server/Account/LogoutEverywhere"))
                {
                    Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
                }

                break;
            case "store unavailable":
                _cache.Unavailable = true;
                break;
            case "expired":
                _clock.Now = ManualClock.Start.AddDays(15);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(ending), ending, "not an ending this test knows");
        }
    }

    public Task<bool> StillStandsAsync(ClaimsPrincipal user)
    {
        var identity = Assert.IsType<Authentication.SessionClaimsIdentity>(user.Identity);
        var sessions = (IServerSessionMode)_app.Services.GetRequiredService<ISessionManager>();
        return sessions.StillStandsAsync(identity.SessionData, identity.SessionId, identity.ExpiresAt);
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
    }
}
