using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Mvc;
using SessionAuth.TestApp;

namespace SessionAuth.Tests;

/// <summary>
/// Why SAUTH0004 fires on session data under <c>RequireSession()</c> when an <c>AllowAnonymous()</c> also reaches the
/// endpoint (tests/SessionAuth.Analyzers.Tests/SessionDataUnderAllowAnonymousTests.cs): over HTTP, <c>UseSessionAuth()</c>
/// skips such an endpoint, so an anonymous caller reaches the handler with no session data, while a sibling endpoint of
/// the same group stays guarded.
/// </summary>
public sealed class SessionDataUnderAllowAnonymousHttpTests
{
    [Fact]
    public async Task AllowAnonymous_under_a_RequireSession_group_lets_anonymous_callers_in_without_session_data()
    {
        await using var app = TestAppHost.Build(configureApp: app =>
        {
            var members = app.MapGroup("/anonymous-members").RequireSession();
            members.MapGet("/me", ([FromServices] UserSession? user) => user is null ? "no session data" : user.Name).AllowAnonymous();
            members.MapGet("/guarded", (UserSession user) => user.Name);
        });
        await app.StartAsync();
        using var client = new TestClient(new Uri(app.Urls.First()));

        using var me = await client.FetchAsync("/anonymous-members/me", method: HttpMethod.Get);
        using var guarded = await client.FetchAsync("/anonymous-members/guarded", method: HttpMethod.Get);

        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Equal("no session data", await me.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, guarded.StatusCode);
    }
}
