using System.Globalization;
using System.Net;
using System.Reflection;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using SessionAuth.Components;
using SessionAuth.TestApp;

namespace SessionAuth.Tests.Blazor;

/// <summary>
/// Review of issue 17: a circuit's session identity after the app touched it. An app that copies the session identity
/// (<see cref="ClaimsIdentity.Clone"/>, the copy <c>SessionClaimsIdentity</c>'s own remarks recommend) in an
/// <see cref="IClaimsTransformation"/> keeps an authenticated identity of the SessionAuth scheme — and the circuit
/// must still be signed out when that session ends, and rules must still see the session.
/// </summary>
public sealed class Review17CircuitTests
{
    [Fact]
    public async Task A_circuit_whose_session_identity_the_app_cloned_is_signed_out_after_logout_everywhere()
    {
        await using var app = await ClonedIdentityApp.StartAsync();
        var user = await app.SignedInUserAsync();
        Assert.Equal(SessionAuthDefaults.AuthenticationScheme, user.Identity?.AuthenticationType);
        Assert.True(user.HasClaim("house", "Gryffindor"));

        using (var response = await app.Client.FetchAsync("/_server/Account/LogoutEverywhere"))
        {
            Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        }

        Assert.False(await app.ValidateAsync(user), "the session was ended by logout everywhere, yet the circuit's identity still validates");
    }

    [Fact]
    public async Task Rules_in_components_see_the_session_behind_a_cloned_session_identity()
    {
        await using var app = await ClonedIdentityApp.StartAsync();
        var user = await app.SignedInUserAsync();

        Assert.Equal("neville", new AuthenticationState(user).GetSession<UserSession>()?.Name);
    }

    /// <summary>The test app in server-store mode with a claims transformation that adds a claim to a copy of the identity.</summary>
    private sealed class ClonedIdentityApp : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private readonly Holder _holder;

        private ClonedIdentityApp(WebApplication app, Holder holder)
        {
            _app = app;
            _holder = holder;
            Client = new TestClient(new Uri(app.Urls.First()));
        }

        public TestClient Client { get; }

        public static async Task<ClonedIdentityApp> StartAsync()
        {
            var holder = new Holder();
            var app = TestAppHost.Build(
                options =>
                {
                    options.CircuitRevalidationInterval = TimeSpan.FromSeconds(1);
                    options.UseServerStore<UserSession>(user => user.UserId.ToString(CultureInfo.InvariantCulture));
                },
                builder =>
                {
                    builder.Services.AddDistributedMemoryCache();
                    builder.Services.AddSingleton<IClaimsTransformation, AddHouseClaim>();
                },
                app => app.MapGet("/circuit/user", (HttpContext context) =>
                {
                    holder.User = context.User;
                    return Results.NoContent();
                }).AllowAnonymous());
            await app.StartAsync();
            return new ClonedIdentityApp(app, holder);
        }

        public async Task<ClaimsPrincipal> SignedInUserAsync()
        {
            await Client.LoginAsync("neville");
            using var response = await Client.FetchAsync("/circuit/user", method: HttpMethod.Get);
            Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
            Assert.True(_holder.User?.Identity?.IsAuthenticated);
            return _holder.User!;
        }

        /// <summary>What the circuit's provider decides at its next revalidation, asked directly (no waiting on the interval).</summary>
        public async Task<bool> ValidateAsync(ClaimsPrincipal user)
        {
            await using var scope = _app.Services.CreateAsyncScope();
            var provider = Assert.IsType<SessionAuthenticationStateProvider>(scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>());
            var validate = typeof(SessionAuthenticationStateProvider).GetMethod("ValidateAuthenticationStateAsync", BindingFlags.Instance | BindingFlags.NonPublic)!;
            return await (Task<bool>)validate.Invoke(provider, [new AuthenticationState(user), CancellationToken.None])!;
        }

        public async ValueTask DisposeAsync()
        {
            Client.Dispose();
            await _app.DisposeAsync();
        }

        private sealed class Holder
        {
            public ClaimsPrincipal? User { get; set; }
        }
    }

    /// <summary>The usual shape of a claims transformation: copy the identity, add to the copy, return a new principal.</summary>
    private sealed class AddHouseClaim : IClaimsTransformation
    {
        public Task<ClaimsPrincipal> TransformAsync(ClaimsPrincipal principal)
        {
            if (principal.Identity is not ClaimsIdentity { IsAuthenticated: true } identity || identity.HasClaim("house", "Gryffindor"))
            {
                return Task.FromResult(principal);
            }

            var copy = identity.Clone();
            copy.AddClaim(new Claim("house", "Gryffindor"));
            return Task.FromResult(new ClaimsPrincipal(copy));
        }
    }
}
