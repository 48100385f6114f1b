using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.Extensions.DependencyInjection;
using SessionAuth.Components;
using SessionAuth.TestApp;

namespace SessionAuth.Tests.Blazor;

/// <summary>Review of issue 17 (these held: kept as regression tests): registration orders the branch's own tests do not name.</summary>
public sealed class AuthenticationStateRegistrationTests
{
    [Theory]
    [InlineData("AddServerSideBlazor before AddSessionAuth", typeof(SessionAuthenticationStateProvider))]
    [InlineData("AddServerSideBlazor after AddSessionAuth", typeof(SessionAuthenticationStateProvider))]
    [InlineData("the app's own provider from a factory before AddSessionAuth", typeof(AppProvider))]
    [InlineData("the app's own ServerAuthenticationStateProvider subclass before AddSessionAuth", typeof(AppServerProvider))]
    public void The_session_provides_the_authentication_state_unless_the_app_provides_its_own(string registration, Type expected)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        void AddSessionAuth() => services.AddSessionAuth<UserSession>(options => options.Password = TestAppHost.SessionPassword);
        switch (registration)
        {
            case "AddServerSideBlazor before AddSessionAuth":
                services.AddServerSideBlazor();
                AddSessionAuth();
                break;
            case "AddServerSideBlazor after AddSessionAuth":
                AddSessionAuth();
                services.AddServerSideBlazor();
                break;
            case "the app's own provider from a factory before AddSessionAuth":
                services.AddScoped<AuthenticationStateProvider>(_ => new AppProvider());
                AddSessionAuth();
                services.AddRazorComponents().AddInteractiveServerComponents();
                break;
            default:
                services.AddScoped<AuthenticationStateProvider, AppServerProvider>();
                AddSessionAuth();
                services.AddRazorComponents();
                break;
        }

        using var provider = services.BuildServiceProvider();
        using var scope = provider.CreateScope();

        Assert.IsType(expected, scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>());
    }

    internal sealed class AppProvider : AuthenticationStateProvider
    {
        public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(new ClaimsPrincipal()));
    }

    internal sealed class AppServerProvider : ServerAuthenticationStateProvider;
}
