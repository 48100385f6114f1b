using System.Globalization;
using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SessionAuth.Components;
using SessionAuth.TestApp;

namespace SessionAuth.Tests.Blazor;

/// <summary>
/// Blazor's authentication state comes from the session: the provider AddSessionAuth registers hands a circuit the
/// identity of the request that opened it, and every <c>CircuitRevalidationInterval</c> asks whether that session still
/// stands. A circuit makes no requests, so this is the only way a session ended elsewhere reaches an open page.
/// </summary>
public sealed class CircuitRevalidationTests
{
    public static TheoryData<string, string, bool> Endings => new()
    {
        // store, what happens after the circuit opened, whether its session still stands
        { "server", "nothing", true },
        { "server", "another session of the user logs in", true },
        { "server", "logout", false },
        { "server", "logout everywhere", false },
        { "server", "store unavailable", false },
        { "server", "expired", false },
        { "cookie", "nothing", true },
        { "cookie", "logout", true }, // a sealed cookie copied before the logout is still valid: nothing on the server can end it
        { "cookie", "expired", false },
    };

    [Theory]
    [MemberData(nameof(Endings))]
    public async Task Whether_the_session_of_an_open_circuit_still_stands(string store, string ending, bool stands)
    {
        await using var app = await SessionIdentityApp.StartAsync(serverStore: store == "server");
        var user = await app.SignedInUserAsync();

        await app.EndAsync(ending);

        Assert.Equal(stands, await app.StillStandsAsync(user));
    }

    [Fact]
    public async Task An_open_circuit_is_signed_out_within_the_interval_after_logout_everywhere()
    {
        await using var app = await SessionIdentityApp.StartAsync(serverStore: true);
        var user = await app.SignedInUserAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var provider = scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>();
        var signedOut = new TaskCompletionSource<ClaimsPrincipal>(TaskCreationOptions.RunContinuationsAsynchronously);
        ((IHostEnvironmentAuthenticationStateProvider)provider).SetAuthenticationState(Task.FromResult(new AuthenticationState(user)));
        Assert.True((await provider.GetAuthenticationStateAsync()).User.Identity?.IsAuthenticated);
        provider.AuthenticationStateChanged += async state => signedOut.TrySetResult((await state).User);

        await app.EndAsync("logout everywhere");

        // The wait bounds a hang, it measures nothing: the interval is one second.
        var after = await signedOut.Task.WaitAsync(TimeSpan.FromMinutes(1));
        Assert.False(after.Identity?.IsAuthenticated);
    }

    [Theory]
    [InlineData("AddRazorComponents before AddSessionAuth", typeof(SessionAuthenticationStateProvider))]
    [InlineData("AddRazorComponents after AddSessionAuth", typeof(SessionAuthenticationStateProvider))]
    [InlineData("AddInteractiveServerComponents before AddSessionAuth", typeof(SessionAuthenticationStateProvider))]
    [InlineData("the app's own provider before AddSessionAuth", typeof(AppProvider))]
    [InlineData("the app's own provider after AddSessionAuth", typeof(AppProvider))]
    public void The_session_provides_Blazors_authentication_state_unless_the_app_provides_its_own(string registration, Type expected)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        void AddSessionAuth() => services.AddSessionAuth<UserSession>(options => options.Password = TestAppHost.SessionPassword);
        switch (registration)
        {
            case "AddRazorComponents before AddSessionAuth":
                services.AddRazorComponents();
                AddSessionAuth();
                break;
            case "AddRazorComponents after AddSessionAuth":
                AddSessionAuth();
                services.AddRazorComponents().AddInteractiveServerComponents();
                break;
            case "AddInteractiveServerComponents before AddSessionAuth":
                services.AddRazorComponents().AddInteractiveServerComponents();
                AddSessionAuth();
                break;
            case "the app's own provider before AddSessionAuth":
                services.AddScoped<AuthenticationStateProvider, AppProvider>();
                AddSessionAuth();
                services.AddRazorComponents();
                break;
            default:
                AddSessionAuth();
                services.AddRazorComponents();
                services.AddScoped<AuthenticationStateProvider, AppProvider>();
                break;
        }

        using var provider = services.BuildServiceProvider();
        using var scope = provider.CreateScope();

        Assert.IsType(expected, scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>());
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(-1)]
    [InlineData(60 * 60 * 25)]
    public async Task A_revalidation_interval_out_of_range_stops_the_start_and_says_what_to_set(double seconds)
    {
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(async () =>
        {
            await using var app = TestAppHost.Build(options => options.CircuitRevalidationInterval = TimeSpan.FromSeconds(seconds));
            await app.StartAsync();
        });

        Assert.Contains("SessionAuthOptions.CircuitRevalidationInterval", failure.Message, StringComparison.Ordinal);
        Assert.Contains("between one second and one day", failure.Message, StringComparison.Ordinal);
    }

    internal sealed class AppProvider : AuthenticationStateProvider
    {
        public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(new ClaimsPrincipal()));
    }
}
