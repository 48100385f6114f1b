using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using SessionAuth.TestApp;

namespace SessionAuth.Tests.Identity;

/// <summary>
/// Over HTTP on Kestrel: the session is the request's identity for ASP.NET Core (<c>HttpContext.User</c>,
/// <c>[Authorize]</c> with roles and policies on minimal APIs and controllers, SignalR, rate limiting), and the
/// SessionAuth scheme denies with the guard's answers.
/// </summary>
public sealed class SessionIdentityHttpTests : IAsyncLifetime
{
    private readonly ClaimsCalls _claimsCalls = new();
    private WebApplication _app = null!;
    private Uri _address = null!;

    public async Task InitializeAsync() =>
        (_app, _address) = await IdentityApp.StartAsync(options => options.AccessDeniedPath = "/no-entry", claimsCalls: _claimsCalls);

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_request_with_a_session_has_the_sessions_identity_with_the_claims_given_and_the_user_id()
    {
        using var harry = await IdentityApp.SignedInAsync(_address, "harry");
        using var albus = await IdentityApp.SignedInAsync(_address, IdentityApp.Admin);
        using var anonymous = new TestClient(_address);

        Assert.Equal("SessionAuth harry not-admin id=5 house=Gryffindor", await TextAsync(harry, "/whoami"));
        Assert.Equal("SessionAuth albus admin id=5 house=Gryffindor", await TextAsync(albus, "/whoami"));
        Assert.Equal("anonymous", await TextAsync(anonymous, "/whoami"));
    }

    [Fact]
    public async Task Authorize_with_a_role_lets_the_role_in_and_answers_others_403_or_the_access_denied_page()
    {
        using var albus = await IdentityApp.SignedInAsync(_address, IdentityApp.Admin);
        using var harry = await IdentityApp.SignedInAsync(_address, "harry");

        Assert.Equal("admin albus", await TextAsync(albus, "/admin"));
        Assert.Equal("controller admin albus", await TextAsync(albus, "/mvc/identity/admin"));

        foreach (var path in new[] { "/admin", "/mvc/identity/admin" })
        {
            using var script = await harry.FetchAsync(path, method: HttpMethod.Get);
            Assert.Equal(HttpStatusCode.Forbidden, script.StatusCode);
            Assert.Equal("application/problem+json", script.Content.Headers.ContentType?.MediaType);
            using var problem = JsonDocument.Parse(await script.Content.ReadAsStringAsync());
            Assert.Equal(403, problem.RootElement.GetProperty("status").GetInt32());
            Assert.Equal("roles", problem.RootElement.GetProperty("refusedBy").GetString());

            using var navigation = await harry.NavigateAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, navigation.StatusCode);
            Assert.Equal($"/no-entry?returnUrl={Uri.EscapeDataString(path)}", navigation.Headers.Location?.OriginalString);
        }
    }

    [Fact]
    public async Task Authorize_with_a_policy_over_a_claim_lets_the_claim_in_and_refuses_others()
    {
        using var draco = await IdentityApp.SignedInAsync(_address, IdentityApp.Slytherin);
        using var harry = await IdentityApp.SignedInAsync(_address, "harry");

        Assert.Equal("slytherin draco", await TextAsync(draco, "/slytherin"));
        using var refused = await harry.FetchAsync("/slytherin", method: HttpMethod.Get);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        using var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Equal("policy 'Slytherins'", problem.RootElement.GetProperty("refusedBy").GetString());
        Assert.Equal("The session is not allowed to use this endpoint: policy 'Slytherins' refused it.", problem.RootElement.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task An_anonymous_request_to_an_Authorize_endpoint_gets_the_guards_answers()
    {
        using var anonymous = new TestClient(_address);
        foreach (var path in new[] { "/whoami/authorize", "/admin", "/mvc/identity/me" })
        {
            using var script = await anonymous.FetchAsync(path, method: HttpMethod.Get);
            Assert.Equal(HttpStatusCode.Unauthorized, script.StatusCode);
            Assert.Equal("application/problem+json", script.Content.Headers.ContentType?.MediaType);
            Assert.Equal($"/login?returnUrl={Uri.EscapeDataString(path)}", script.Headers.GetValues(SessionAuthDefaults.SessionRedirectHeaderName).Single());

            using var navigation = await anonymous.NavigateAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, navigation.StatusCode);
            Assert.Equal($"/login?returnUrl={Uri.EscapeDataString(path)}", navigation.Headers.Location?.OriginalString);
        }
    }

    [Theory]
    [InlineData("/after-login", "/after-login")]
    [InlineData("//evil.example/", "/challenge?then=%2F%2Fevil.example%2F")]
    [InlineData("https://evil.example/", "/challenge?then=https%3A%2F%2Fevil.example%2F")]
    public async Task A_challenge_returns_to_its_redirect_uri_only_when_it_is_local(string then, string expectedReturnUrl)
    {
        using var anonymous = new TestClient(_address);

        using var navigation = await anonymous.NavigateAsync($"/challenge?then={Uri.EscapeDataString(then)}");

        Assert.Equal(HttpStatusCode.Redirect, navigation.StatusCode);
        Assert.Equal($"/login?returnUrl={Uri.EscapeDataString(expectedReturnUrl)}", navigation.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task The_claims_function_runs_once_per_request_that_reads_claims_and_never_for_one_that_does_not()
    {
        using var harry = await IdentityApp.SignedInAsync(_address, "harry");
        var before = _claimsCalls.Count;

        // Authenticated by UseAuthentication() and admitted by [Authorize], which asks only whether it is authenticated.
        Assert.Equal("signed in", await TextAsync(harry, "/authorized-only"));
        Assert.Equal(before, _claimsCalls.Count);

        Assert.StartsWith("SessionAuth harry", await TextAsync(harry, "/whoami"), StringComparison.Ordinal);
        Assert.Equal(before + 1, _claimsCalls.Count); // five reads of the identity, one run

        Assert.Equal("controller harry", await TextAsync(harry, "/mvc/identity/me"));
        Assert.Equal(before + 2, _claimsCalls.Count);
    }

    [Fact]
    public async Task A_hub_connection_carrying_the_session_cookie_sees_the_user_and_one_without_is_refused()
    {
        using var harry = await IdentityApp.SignedInAsync(_address, "harry");
        var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(_address, "/hubs/whoami"), options => options.Cookies = harry.Cookies)
            .Build();
        await using (hub)
        {
            await hub.StartAsync();
            Assert.Equal("harry", await hub.InvokeAsync<string>("WhoAmI"));
        }

        var anonymousHub = new HubConnectionBuilder().WithUrl(new Uri(_address, "/hubs/whoami")).Build();
        await using (anonymousHub)
        {
            var refused = await Assert.ThrowsAsync<HttpRequestException>(() => anonymousHub.StartAsync());
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }
    }

    [Fact]
    public async Task A_rate_limiter_partitioned_by_the_identity_limits_each_user_separately()
    {
        using var ron = await IdentityApp.SignedInAsync(_address, "ron");
        using var ginny = await IdentityApp.SignedInAsync(_address, "ginny");

        var ronAnswers = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await ron.FetchAsync("/limited", method: HttpMethod.Get);
            ronAnswers.Add(response.StatusCode);
        }

        using var ginnys = await ginny.FetchAsync("/limited", method: HttpMethod.Get);

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], ronAnswers);
        Assert.Equal(HttpStatusCode.OK, ginnys.StatusCode);
        Assert.Equal("limited ginny", await ginnys.Content.ReadAsStringAsync());
    }

    private static async Task<string> TextAsync(TestClient client, string path)
    {
        using var response = await client.FetchAsync(path, method: HttpMethod.Get);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {body}");
        return body;
    }
}
