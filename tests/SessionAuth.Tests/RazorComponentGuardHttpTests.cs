using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SessionAuth.TestApp;

namespace SessionAuth.Tests;

/// <summary>
/// Why SAUTH0001 checks routable Razor components: over HTTP, a page <c>MapRazorComponents</c> maps without a decision
/// answers anyone (the rule fires on it), and the same page with <c>[RequireSession]</c> sends an anonymous browser to the
/// login page and renders for a signed-in one.
/// </summary>
public sealed class RazorComponentGuardHttpTests
{
    [Fact]
    public async Task An_unguarded_page_answers_anyone_and_a_RequireSession_page_redirects_to_login()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<IStudentDirectory, StudentDirectory>();
        builder.Services.AddSingleton(new Greeter());
        builder.Services.AddScoped<Greetings>();
        builder.Services.AddSessionAuth<UserSession>(o =>
        {
#pragma warning disable SAUTH0006 // A fixed password for a test app; it protects nothing.
            o.Password = TestAppHost.SessionPassword;
#pragma warning restore SAUTH0006
        });
        builder.Services.AddRazorComponents();
        await using var app = builder.Build();
        app.UseSessionAuth();
        app.UseAntiforgery();
        TestAppHost.MapServerFunctionsOf(app);
        app.MapRazorComponents<RazorGuardRoot>();
        await app.StartAsync();
        using var client = new TestClient(new Uri(app.Urls.First()));

        using var open = await client.NavigateAsync("/razor-guard/open");
        using var anonymous = await client.NavigateAsync("/razor-guard/session");
        await client.LoginAsync();
        using var signedIn = await client.NavigateAsync("/razor-guard/session");

        Assert.Equal(HttpStatusCode.OK, open.StatusCode);
        Assert.Contains("open page, rendered for anyone", await open.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(anonymous.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.SeeOther, $"{anonymous.StatusCode}");
        Assert.StartsWith(SessionAuthDefaults.LoginPath, anonymous.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        Assert.Contains("session page, rendered for a session", await signedIn.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}

/// <summary>The root component of the test app: a router over this assembly's pages, as a Blazor app's App/Routes are.</summary>
public sealed class RazorGuardRoot : ComponentBase
{
    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        builder.OpenComponent<Router>(0);
        builder.AddComponentParameter(1, nameof(Router.AppAssembly), typeof(RazorGuardRoot).Assembly);
        builder.AddComponentParameter(2, nameof(Router.Found), (RenderFragment<RouteData>)(route => content =>
        {
            content.OpenComponent<RouteView>(0);
            content.AddComponentParameter(1, nameof(RouteView.RouteData), route);
            content.CloseComponent();
        }));
        builder.CloseComponent();
    }
}

// SAUTH0001: MapRazorComponents<RazorGuardRoot>() routes it, and nothing decides who may see it.
[Route("/razor-guard/open")]
public sealed class RazorGuardOpenPage : ComponentBase
{
    protected override void BuildRenderTree(RenderTreeBuilder builder) => builder.AddContent(0, "open page, rendered for anyone");
}

[Route("/razor-guard/session")]
[RequireSession]
public sealed class RazorGuardSessionPage : ComponentBase
{
    protected override void BuildRenderTree(RenderTreeBuilder builder) => builder.AddContent(0, "session page, rendered for a session");
}
