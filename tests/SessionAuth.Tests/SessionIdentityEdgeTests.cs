using System.Net;
using SessionAuth.Tests.Identity;

namespace SessionAuth.Tests;

/// <summary>Review of issue 16: the session as the request's identity, with cookies and claims functions the tests did not try.</summary>
public sealed class SessionIdentityEdgeTests
{
    /// <summary>A tampered session cookie is no identity: anonymous to HttpContext.User, and [Authorize] answers as the guard does.</summary>
    [Fact]
    public async Task A_tampered_cookie_is_anonymous_to_the_identity_and_to_Authorize()
    {
        var (app, address) = await IdentityApp.StartAsync();
        await using var _ = app;
        using var harry = await IdentityApp.SignedInAsync(address, "harry");
        var cookie = harry.SessionCookie!;
        var last = cookie.Value[^2];
        cookie.Value = string.Concat(cookie.Value.AsSpan(0, cookie.Value.Length - 2), last == 'A' ? "B" : "A", cookie.Value.AsSpan(cookie.Value.Length - 1));
        harry.Cookies.Add(address, cookie);

        using var whoami = await harry.FetchAsync("/whoami", method: HttpMethod.Get);
        Assert.Equal("anonymous", await whoami.Content.ReadAsStringAsync());
        using var authorize = await harry.FetchAsync("/authorized-only", method: HttpMethod.Get);
        Assert.Equal(HttpStatusCode.Unauthorized, authorize.StatusCode);
        Assert.True(authorize.Headers.Contains(SessionAuthDefaults.SessionRedirectHeaderName));
    }

    /// <summary>
    /// A claims function that throws: a plain [Authorize] never reads the claims and still admits the session; whatever
    /// reads them fails the request (the app's bug surfaces as a 500, never as an identity without its roles).
    /// </summary>
    [Fact]
    public async Task A_claims_function_that_throws_fails_only_what_reads_the_claims()
    {
        var (app, address) = await IdentityApp.StartAsync(options =>
            options.UseClaims<SessionAuth.TestApp.UserSession>(user => user.Name == "peeves" ? throw new InvalidOperationException("no claims") : IdentityApp.ClaimsOf(user)));
        await using var _ = app;
        using var peeves = await IdentityApp.SignedInAsync(address, "peeves");

        using (var plain = await peeves.FetchAsync("/authorized-only", method: HttpMethod.Get))
        {
            Assert.Equal(HttpStatusCode.OK, plain.StatusCode);
        }

        using var admin = await peeves.FetchAsync("/admin", method: HttpMethod.Get);
        Assert.Equal(HttpStatusCode.InternalServerError, admin.StatusCode);
    }
}
