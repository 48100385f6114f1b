using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.Extensions.DependencyInjection;
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
        await using var app = TestAppHost.Build(configureBuilder: builder => builder.Services.AddRazorComponents());
        app.UseAntiforgery();
        app.MapRazorComponents<GuardedKindsRoot>();
        await app.StartAsync();
        using var client = new TestClient(new Uri(app.Urls.First()));

        using var open = await client.NavigateAsync("/razor-guard/open");
        using var anonymous = await client.NavigateAsync("/razor-guard/session");
        await client.LoginAsync();
        using var signedIn = await client.NavigateAsync("/razor-guard/session");

        Assert.Equal(HttpStatusCode.OK, open.StatusCode);
        Assert.Contains("open page, rendered for anyone", await open.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith(SessionAuthDefaults.LoginPath, anonymous.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        Assert.Contains("session page, rendered for a session", await signedIn.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}

// SAUTH0001: MapRazorComponents<GuardedKindsRoot>() routes it (the root's assembly is this one), and nothing decides who may see it.
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
