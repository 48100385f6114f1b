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
/// Review 17b: Hogwarts with its login page at <c>/account/login</c>, a page of an older part of the site (a minimal API
/// writing HTML at <c>/account/{page}</c>), beside a Blazor profile page for numeric ids (<c>/account/{UserId:int}</c>).
/// The router serves <c>/account/login</c> from the minimal API, but the guard, matching route templates without their
/// constraints, takes it for the Blazor page and answers an enhanced navigation with a 302. blazor.web.js follows it to a
/// page without <c>blazor-enhanced-nav: allow</c>, warns "Enhanced navigation failed ... Falling back to full page load"
/// and requests the guarded URL a second time — what issue 17 requires never to happen.
/// </summary>
public sealed class Review17bConstrainedRouteLoginBrowserTests(Review17bConstrainedRouteLoginFixture fixture) : IClassFixture<Review17bConstrainedRouteLoginFixture>
{
    [Fact]
    public async Task An_anonymous_enhanced_navigation_lands_on_a_login_page_beside_a_constrained_Blazor_route_with_one_request_and_no_warning()
    {
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = fixture.Address.ToString().TrimEnd('/') });
        await using var _ = context;
        var page = await context.NewPageAsync();
        var console = new List<string>();
        var requests = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                console.Add($"{message.Type}: {message.Text}");
            }
        };
        page.PageError += (_, error) => console.Add(error);
        page.Request += (_, request) =>
        {
            if (new Uri(request.Url).AbsolutePath == "/students")
            {
                requests.Add(request.Method);
            }
        };
        await page.GotoAsync("/access-denied");
        await page.WaitForFunctionAsync("() => window.Blazor !== undefined");

        await page.EvaluateAsync("""
            () => {
                const link = Object.assign(document.createElement('a'), { href: '/students', textContent: 'Students' });
                document.body.append(link);
                link.click();
            }
            """);
        await page.WaitForURLAsync("**/account/login?returnUrl=**");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        Assert.Equal("Plain login", await page.TextContentAsync("h1"));
        Assert.Equal("/account/login?returnUrl=%2Fstudents", new Uri(page.Url).PathAndQuery);
        Assert.True(requests.Count == 1, $"requests for /students: {string.Join(", ", requests)}; console: {string.Join(" | ", console)}");
        Assert.True(console.Count == 0, string.Join(Environment.NewLine, console));
    }
}

/// <summary>The Hogwarts sample with LoginPath <c>/account/login</c>, the minimal API account pages and the Blazor profile page.</summary>
public sealed class Review17bConstrainedRouteLoginFixture : IAsyncLifetime
{
    private readonly string _database = Path.Combine(Path.GetTempPath(), $"hogwarts-r17b-{Guid.NewGuid():N}.db");
    private WebApplication? _app;
    private IPlaywright? _playwright;

    public Uri Address { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _app = HogwartsApp.Build(
            new WebApplicationOptions
            {
                EnvironmentName = Environments.Production,
                ContentRootPath = Path.Combine(HogwartsFixture.RepositoryRoot, "samples", "Hogwarts"),
                ApplicationName = "Hogwarts",
            },
            builder =>
            {
                builder.WebHost.UseUrls("http://127.0.0.1:0");
                builder.WebHost.UseStaticWebAssets();
                builder.Services.Configure<SessionAuth.SessionAuthOptions>(options => options.LoginPath = "/account/login");
                builder.Logging.ClearProviders();
                builder.Configuration["SESSION_SECRET"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48));
                builder.Configuration["ConnectionStrings:Hogwarts"] = $"Data Source={_database};Pooling=False";
            });
        _app.MapGet("/account/{page}", (string page) => Results.Content($"<!doctype html><title>{page}</title><link rel=\"icon\" href=\"data:,\"><h1>Plain {page}</h1>", "text/html; charset=utf-8")).AllowAnonymous();
        _app.MapRazorComponents<Review17bRoot>();
        await _app.StartAsync();
        Address = new Uri(_app.Urls.First());

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = HogwartsFixture.ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        File.Delete(_database);
    }
}

/// <summary>The root of this assembly's Blazor pages: a router over them.</summary>
public sealed class Review17bRoot : ComponentBase
{
    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        builder.OpenComponent<Router>(0);
        builder.AddComponentParameter(1, nameof(Router.AppAssembly), typeof(Review17bRoot).Assembly);
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
public sealed class Review17bProfilePage : ComponentBase
{
    [Parameter]
    public int UserId { get; set; }

    protected override void BuildRenderTree(RenderTreeBuilder builder) => builder.AddContent(0, $"profile {UserId}");
}
