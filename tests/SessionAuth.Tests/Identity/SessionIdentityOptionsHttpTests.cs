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

    [Theory]
    [InlineData(null, SessionAuthDefaults.AuthenticationScheme)]
    [InlineData(CookieAuthenticationDefaults.AuthenticationScheme, CookieAuthenticationDefaults.AuthenticationScheme)]
    public async Task The_scheme_is_the_default_unless_the_app_names_one(string? appDefault, string expectedDefault)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddSessionAuth<UserSession>(options => options.Password = TestAppHost.SessionPassword);
        var authentication = appDefault is null ? builder.Services.AddAuthentication() : builder.Services.AddAuthentication(appDefault);
        authentication.AddCookie();
        await using var app = builder.Build();

        var options = app.Services.GetRequiredService<IOptions<AuthenticationOptions>>().Value;
        var schemes = app.Services.GetRequiredService<IAuthenticationSchemeProvider>();

        Assert.Equal(expectedDefault, (await schemes.GetDefaultAuthenticateSchemeAsync())?.Name);
        Assert.Equal(expectedDefault, (await schemes.GetDefaultChallengeSchemeAsync())?.Name);
        Assert.Contains(options.Schemes, scheme => scheme.Name == SessionAuthDefaults.AuthenticationScheme);
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
