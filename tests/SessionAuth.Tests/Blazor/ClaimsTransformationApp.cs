using System.Globalization;
using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using SessionAuth.Components;
using SessionAuth.TestApp;
using SessionAuth.Tests.Identity;

namespace SessionAuth.Tests.Blazor;

/// <summary>
/// The test app in server-store mode (so logout everywhere ends every session) with the app's own claims transformation,
/// a one-second circuit revalidation interval, and <c>/circuit/user</c>, which keeps the principal a request carried after
/// the transformation: the principal a circuit opened by that request would hold.
/// </summary>
internal sealed class ClaimsTransformationApp : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Holder _holder;

    private ClaimsTransformationApp(WebApplication app, Holder holder)
    {
        _app = app;
        _holder = holder;
        Client = new TestClient(new Uri(app.Urls.First()));
    }

    public TestClient Client { get; }

    public IServiceProvider Services => _app.Services;

    /// <param name="transformation">The app's claims transformation.</param>
    /// <param name="userEndpointRequiresSession">Whether <c>/circuit/user</c> is guarded (<c>RequireSession()</c>) or open.</param>
    public static async Task<ClaimsTransformationApp> StartAsync(IClaimsTransformation transformation, bool userEndpointRequiresSession)
    {
        var holder = new Holder();
        var app = TestAppHost.Build(
            options =>
            {
                options.CircuitRevalidationInterval = TimeSpan.FromSeconds(1);
                options.UseClaims<UserSession>(user => IdentityApp.ClaimsOf(user));
                options.UseServerStore<UserSession>(user => user.UserId.ToString(CultureInfo.InvariantCulture));
            },
            builder =>
            {
                builder.Services.AddDistributedMemoryCache();
                builder.Services.AddSingleton(transformation);
            },
            app =>
            {
                var user = app.MapGet("/circuit/user", (HttpContext context) =>
                {
                    holder.User = context.User;
                    return Results.NoContent();
                });
                _ = userEndpointRequiresSession ? user.RequireSession() : user.AllowAnonymous();
            });
        await app.StartAsync();
        return new ClaimsTransformationApp(app, holder);
    }

    /// <summary>Logs <paramref name="name"/> in and returns the principal the next request carried.</summary>
    public async Task<ClaimsPrincipal> SignedInUserAsync(string name)
    {
        await Client.LoginAsync(name);
        using var response = await Client.FetchAsync("/circuit/user", method: HttpMethod.Get);
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.True(_holder.User?.Identities.Any(identity => identity.IsAuthenticated), "the signed-in request carried no authenticated identity");
        return _holder.User!;
    }

    /// <summary>What the circuit's provider decides at its next revalidation, asked directly (no waiting on the interval).</summary>
    public async Task<bool> ValidateAsync(ClaimsPrincipal user)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var provider = Assert.IsType<SessionAuthenticationStateProvider>(scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>());
        return await provider.ValidateAsync(new AuthenticationState(user), CancellationToken.None);
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
