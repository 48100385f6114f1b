using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using SessionAuth.TestApp;

namespace SessionAuth.Tests;

/// <summary>
/// Why SAUTH0001 counts a decision added as a metadata object as it counts the convention that adds it: over HTTP,
/// <c>WithMetadata(new AuthorizeAttribute())</c> (or an <c>AuthorizationPolicy</c>) closes a minimal API endpoint,
/// <c>WithMetadata(new AllowAnonymousAttribute())</c> opens one inside a guarded group, <c>WithMetadata(new
/// RequireSessionAttribute())</c> is enforced by <c>UseSessionAuth()</c>, and metadata that is no decision leaves the
/// endpoint open (the rule fires on it).
/// </summary>
public sealed class GuardMetadataHttpTests
{
    [Fact]
    public async Task Authorization_metadata_objects_decide_as_the_conventions_do()
    {
        await using var app = await CookieAuthApp.StartAsync(app =>
        {
            app.MapGet("/authorize", () => "signed in").WithMetadata(new AuthorizeAttribute());
            app.MapGet("/policy", () => "signed in").WithMetadata(new AuthorizationPolicy([new DenyAnonymousAuthorizationRequirement()], []));
            app.MapGet("/named", () => "open to anyone").WithMetadata(new EndpointNameMetadata("named"));    // SAUTH0001: no decision
            var staff = app.MapGroup("/staff").RequireAuthorization();
            staff.MapGet("/rota", () => "signed in");
            staff.MapGet("/opening-hours", () => "open on purpose").WithMetadata(new AllowAnonymousAttribute());
        });
        using var http = CookieAuthApp.Client(app);

        using var authorize = await http.GetAsync(new Uri("/authorize", UriKind.Relative));
        using var policy = await http.GetAsync(new Uri("/policy", UriKind.Relative));
        using var named = await http.GetAsync(new Uri("/named", UriKind.Relative));
        using var rota = await http.GetAsync(new Uri("/staff/rota", UriKind.Relative));
        using var openingHours = await http.GetAsync(new Uri("/staff/opening-hours", UriKind.Relative));

        CookieAuthApp.AssertChallenged(authorize);
        CookieAuthApp.AssertChallenged(policy);
        CookieAuthApp.AssertChallenged(rota);
        Assert.Equal(HttpStatusCode.OK, named.StatusCode);
        Assert.Equal("open to anyone", await named.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, openingHours.StatusCode);
        Assert.Equal("open on purpose", await openingHours.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_RequireSessionAttribute_added_as_metadata_is_enforced_by_UseSessionAuth()
    {
        await using var app = TestAppHost.Build(configureApp: app =>
        {
            app.MapGet("/metadata/session", () => "signed in").WithMetadata(new RequireSessionAttribute());
            app.MapGet("/metadata/opened", () => "open on purpose").WithMetadata(new RequireSessionAttribute(), new AllowAnonymousAttribute());
        });
        await app.StartAsync();
        using var client = new TestClient(new Uri(app.Urls.First()));

        using var navigation = await client.NavigateAsync("/metadata/session");
        using var script = await client.FetchAsync("/metadata/session", method: HttpMethod.Get);
        using var opened = await client.NavigateAsync("/metadata/opened");
        await client.LoginAsync();
        using var signedIn = await client.NavigateAsync("/metadata/session");

        Assert.Equal(HttpStatusCode.Redirect, navigation.StatusCode);
        Assert.StartsWith(SessionAuthDefaults.LoginPath, navigation.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, script.StatusCode);
        Assert.True(script.Headers.Contains("X-Session-Redirect"));
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        Assert.Equal("open on purpose", await opened.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        Assert.Equal("signed in", await signedIn.Content.ReadAsStringAsync());
    }
}
