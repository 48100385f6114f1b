using System.Net;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SessionAuth.TestApp;

namespace SessionAuth.Tests.Identity;

/// <summary>The identity's options over HTTP: without <c>UseClaims</c>, in server-store mode, beside an app's own default scheme, and bad values at startup.</summary>
public sealed class SessionIdentityOptionsHttpTests
{
    [Fact]
    public async Task Without_UseClaims_a_session_is_an_authenticated_identity_with_only_the_user_id()
    {
        var (app, address) = await IdentityApp.StartAsync(useClaims: false);
        await using var _ = app;
        using var harry = await IdentityApp.SignedInAsync(address, "harry");

        using var response = await harry.FetchAsync("/whoami/authorize", method: HttpMethod.Get);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("SessionAuth (no name) not-admin id=5 house=(none)", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Without_an_access_denied_path_a_refused_navigation_gets_a_plain_403()
    {
        var (app, address) = await IdentityApp.StartAsync();
        await using var _ = app;
        using var harry = await IdentityApp.SignedInAsync(address, "harry");

        using var navigation = await harry.NavigateAsync("/admin");

        Assert.Equal(HttpStatusCode.Forbidden, navigation.StatusCode);
        Assert.Null(navigation.Headers.Location);
        Assert.Equal(string.Empty, await navigation.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task In_server_store_mode_a_session_ended_everywhere_is_anonymous_to_Authorize_at_its_next_request()
    {
        var (app, address) = await IdentityApp.StartAsync(options => options.UseServerStore());
        await using var _ = app;
        using var harry = await IdentityApp.SignedInAsync(address, "harry");
        using var otherDevice = new TestClient(address);
        otherDevice.Cookies.Add(address, new Cookie("session", harry.SessionCookie!.Value));
        using (var before = await otherDevice.FetchAsync("/whoami/authorize", method: HttpMethod.Get))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        using (var ended = await harry.FetchAsync("/sign-out-everywhere"))
        {
            Assert.Equal(HttpStatusCode.NoContent, ended.StatusCode);
        }

        using var after = await otherDevice.FetchAsync("/whoami/authorize", method: HttpMethod.Get);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        using var whoami = await otherDevice.FetchAsync("/whoami", method: HttpMethod.Get);
        Assert.Equal("anonymous", await whoami.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_store_client_that_throws_before_returning_a_task_is_the_store_being_down_never_a_500()
    {
        var cache = new BreakableCache();
        var (app, address) = await IdentityApp.StartAsync(
            options => options.UseServerStore(),
            configureServices: services => services.AddSingleton<Microsoft.Extensions.Caching.Distributed.IDistributedCache>(cache));
        await using var _ = app;
        using var harry = await IdentityApp.SignedInAsync(address, "harry");
        cache.Broken = true;

        using var publicPage = await harry.FetchAsync("/whoami", method: HttpMethod.Get);
        using var guarded = await harry.FetchAsync("/whoami/authorize", method: HttpMethod.Get);
        using var signOut = await harry.FetchAsync("/sign-out-everywhere");

        Assert.Equal((HttpStatusCode.OK, "anonymous"), (publicPage.StatusCode, await publicPage.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, guarded.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, signOut.StatusCode);
    }

    /// <summary>An in-memory cache whose every call throws at once, before any task, once broken.</summary>
    private sealed class BreakableCache : Microsoft.Extensions.Caching.Distributed.IDistributedCache
    {
        private readonly Microsoft.Extensions.Caching.Distributed.MemoryDistributedCache _inner = new(Options.Create(new Microsoft.Extensions.Caching.Memory.MemoryDistributedCacheOptions()));

        public bool Broken { get; set; }

        public byte[]? Get(string key) => Check()._inner.Get(key);

        public Task<byte[]?> GetAsync(string key, CancellationToken token = default) => Check()._inner.GetAsync(key, token);

        public void Refresh(string key) => Check()._inner.Refresh(key);

        public Task RefreshAsync(string key, CancellationToken token = default) => Check()._inner.RefreshAsync(key, token);

        public void Remove(string key) => Check()._inner.Remove(key);

        public Task RemoveAsync(string key, CancellationToken token = default) => Check()._inner.RemoveAsync(key, token);

        public void Set(string key, byte[] value, Microsoft.Extensions.Caching.Distributed.DistributedCacheEntryOptions options) => Check()._inner.Set(key, value, options);

        public Task SetAsync(string key, byte[] value, Microsoft.Extensions.Caching.Distributed.DistributedCacheEntryOptions options, CancellationToken token = default) => Check()._inner.SetAsync(key, value, options, token);

        private BreakableCache Check() => Broken ? throw new InvalidOperationException("No connection is available.") : this;
    }

    [Theory]
    [InlineData(false, null, SessionAuthDefaults.AuthenticationScheme)]
    [InlineData(true, CookieAuthenticationDefaults.AuthenticationScheme, CookieAuthenticationDefaults.AuthenticationScheme)]
    [InlineData(true, SessionAuthDefaults.AuthenticationScheme, SessionAuthDefaults.AuthenticationScheme)]
    public async Task The_scheme_is_the_default_when_alone_and_an_app_that_names_one_keeps_it(bool addCookies, string? appDefault, string expectedDefault)
    {
        await using var app = BuildWithSchemes(addCookies, appDefault);
        await app.StartAsync();

        var schemes = app.Services.GetRequiredService<IAuthenticationSchemeProvider>();
        Assert.Equal(expectedDefault, (await schemes.GetDefaultAuthenticateSchemeAsync())?.Name);
        Assert.Equal(expectedDefault, (await schemes.GetDefaultChallengeSchemeAsync())?.Name);
        Assert.NotNull(await schemes.GetSchemeAsync(SessionAuthDefaults.AuthenticationScheme));
    }

    [Fact]
    public async Task Beside_another_scheme_with_no_default_named_the_start_is_refused_rather_than_the_other_scheme_replaced()
    {
        // Without SessionAuth, ASP.NET Core would make the lone cookie scheme the default: taking its place would let
        // any session through the app's [Authorize].
        await using var app = BuildWithSchemes(addCookies: true, appDefault: null);

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Equal(
            "AddSessionAuth registers the 'SessionAuth' authentication scheme beside 'Cookies', and no default scheme is named. " +
            "Name the one HttpContext.User and [Authorize] use: AddAuthentication(SessionAuthDefaults.AuthenticationScheme) for sessions, or AddAuthentication(\"Cookies\") to keep the other.",
            failure.Message);
    }

    private static WebApplication BuildWithSchemes(bool addCookies, string? appDefault)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddSessionAuth<UserSession>(options => options.Password = TestAppHost.SessionPassword);
        var authentication = appDefault is null ? builder.Services.AddAuthentication() : builder.Services.AddAuthentication(appDefault);
        if (addCookies)
        {
            authentication.AddCookie();
        }

        return builder.Build();
    }

    [Theory]
    [InlineData("LoginPath", "/login#form")]
    [InlineData("AccessDeniedPath", "/denied#top")]
    public async Task A_login_or_access_denied_path_with_a_fragment_stops_the_start(string option, string path)
    {
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => IdentityApp.StartAsync(options =>
        {
            if (option == "LoginPath")
            {
                options.LoginPath = path;
            }
            else
            {
                options.AccessDeniedPath = path;
            }
        }));

        Assert.Contains($"SessionAuthOptions.{option} '{path}' has a fragment ('#'); the return URL would land in it. Remove the fragment.", Flatten(failure), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_app_result_handler_registered_before_AddSessionAuth_keeps_answering()
    {
        var (app, address) = await IdentityApp.StartAsync(configureServices: services =>
            services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, TeapotOnForbid>());
        await using var _ = app;
        using var harry = await IdentityApp.SignedInAsync(address, "harry");

        using var refused = await harry.FetchAsync("/admin", method: HttpMethod.Get);

        Assert.Equal((HttpStatusCode)418, refused.StatusCode);
    }

    private sealed class TeapotOnForbid : Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler
    {
        private readonly Microsoft.AspNetCore.Authorization.Policy.AuthorizationMiddlewareResultHandler _default = new();

        public Task HandleAsync(Microsoft.AspNetCore.Http.RequestDelegate next, Microsoft.AspNetCore.Http.HttpContext context, Microsoft.AspNetCore.Authorization.AuthorizationPolicy policy, Microsoft.AspNetCore.Authorization.Policy.PolicyAuthorizationResult authorizeResult)
        {
            if (authorizeResult.Forbidden)
            {
                context.Response.StatusCode = 418;
                return Task.CompletedTask;
            }

            return _default.HandleAsync(next, context, policy, authorizeResult);
        }
    }

    [Fact]
    public async Task UseClaims_naming_another_type_than_the_session_data_stops_the_start_saying_what_to_call()
    {
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => IdentityApp.StartAsync(options => options.UseClaims<Owl>(owl => [])));

        Assert.Contains("UseClaims<Owl>(...) names Owl, but the session data type is UserSession. Call UseClaims<UserSession>(data => ...).", Flatten(failure), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("//evil.example/denied")]
    [InlineData("https://evil.example/denied")]
    [InlineData("denied")]
    public async Task An_access_denied_path_that_is_not_local_stops_the_start(string path)
    {
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => IdentityApp.StartAsync(options => options.AccessDeniedPath = path));

        Assert.Contains($"SessionAuthOptions.AccessDeniedPath '{path}' is not a local path.", Flatten(failure), StringComparison.Ordinal);
    }

    private static string Flatten(Exception exception) => exception is AggregateException aggregate
        ? string.Join(" | ", aggregate.Flatten().InnerExceptions.Select(Flatten))
        : exception.InnerException is null ? exception.Message : exception.Message + " | " + Flatten(exception.InnerException);
}
