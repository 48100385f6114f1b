using System.Security.Cryptography;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

namespace Hogwarts.BrowserTests;

/// <summary>
/// Review 17b (fixed): Hogwarts with its login page at <c>/account/login</c>, a page of an older part of the site (a minimal API
/// writing HTML at <c>/account/{page}</c>), beside a Blazor profile page for numeric ids (<c>/account/{UserId:int}</c>).
/// The router serves <c>/account/login</c> from the minimal API, but the guard, matching route templates without their
/// constraints, takes it for the Blazor page and answers an enhanced navigation with a 302. blazor.web.js follows it to a
/// page without <c>blazor-enhanced-nav: allow</c>, warns "Enhanced navigation failed ... Falling back to full page load"
/// and requests the guarded URL a second time — what issue 17 requires never to happen.
/// </summary>
[Collection(HogwartsInChromium.Name)]
public sealed class ConstrainedRouteLoginBrowserTests(ChromiumFixture chromium, ConstrainedRouteLoginFixture fixture) : IClassFixture<ConstrainedRouteLoginFixture>
{
    [Fact]
    public async Task An_anonymous_enhanced_navigation_lands_on_a_login_page_beside_a_constrained_Blazor_route_with_one_request_and_no_warning()
    {
        var observed = await ObservedPage.OpenAsync(chromium, fixture, "/access-denied", "/students");
        var page = observed.Page;
        await using var _ = page.Context;

        await observed.FollowLinkAsync("/students");
        await page.WaitForAddressAsync(@"/account/login\?returnUrl=");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        Assert.Equal("Plain login", await page.TextContentAsync("h1"));
        Assert.Equal("/account/login?returnUrl=%2Fstudents", new Uri(page.Url).PathAndQuery);
        Assert.Equal(["GET"], observed.Requests);
        Assert.True(observed.Console.Count == 0, string.Join(Environment.NewLine, observed.Console));
    }
}

/// <summary>The Hogwarts sample with LoginPath <c>/account/login</c>, the minimal API account pages and the Blazor profile page.</summary>
public sealed class ConstrainedRouteLoginFixture : HogwartsFixture
{
    protected override void Configure(WebApplicationBuilder builder) =>
        builder.Services.Configure<SessionAuth.SessionAuthOptions>(options => options.LoginPath = "/account/login");

    protected override void Map(WebApplication app)
    {
        app.MapGet("/account/{page}", (string page) => Results.Content($"<!doctype html><title>{page}</title><link rel=\"icon\" href=\"data:,\"><h1>Plain {page}</h1>", "text/html; charset=utf-8")).AllowAnonymous();
        app.MapRazorComponents<ProfilePagesRoot>();
    }
}

/// <summary>The root of this assembly's Blazor pages: a router over them.</summary>
public sealed class ProfilePagesRoot : ComponentBase
{
    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        builder.OpenComponent<Router>(0);
        builder.AddComponentParameter(1, nameof(Router.AppAssembly), typeof(ProfilePagesRoot).Assembly);
        builder.AddComponentParameter(2, nameof(Router.Found), (RenderFragment<RouteData>)(routeData => page =>
        {
            page.OpenComponent<RouteView>(0);
            page.AddComponentParameter(1, nameof(RouteView.RouteData), routeData);
            page.CloseComponent();
        }));
        builder.CloseComponent();
    }
}

/// <summary>A Blazor profile page for numeric ids only: <c>/account/login</c> is not its.</summary>
[Route("/account/{UserId:int}")]
[AllowAnonymous]
public sealed class ProfilePage : ComponentBase
{
    [Parameter]
    public int UserId { get; set; }

    protected override void BuildRenderTree(RenderTreeBuilder builder) => builder.AddContent(0, $"profile {UserId}");
}
