using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using SessionAuth.TestApp;

namespace SessionAuth.Tests.Blazor;

/// <summary>
/// Review 17b (fixed): whether a login page is a Blazor page is read from the endpoints whose route template matches its path,
/// but the template is matched without its route constraints. A Razor component whose route has a constraint the login
/// path does not meet (<c>{UserId:int}</c>, <c>{*Slug:nonfile}</c>) is taken for the login page, though the router never
/// picks it: the page the browser gets is another endpoint's (a minimal API's HTML, a static file). The guard then answers
/// an enhanced navigation with a 302 that blazor.web.js follows to a page without <c>blazor-enhanced-nav: allow</c>, and
/// blazor.web.js loads the guarded URL a second time with a console warning (a link) or throws and stays put (a form post)
/// — what the 200 with <c>blazor-enhanced-nav-redirect-location</c> is there to prevent.
/// </summary>
public sealed class ConstrainedRouteLoginPageTests
{
    public static TheoryData<string, string> LoginPages => new()
    {
        // case, login path
        { "a minimal API page beside a component whose {UserId:int} it does not meet", "/r17b/account/login" },
        { "a static file (UseStaticFiles) beside a component whose {*Slug:nonfile} it does not meet", "/r17b/site/login.html" },
    };

    [Theory]
    [MemberData(nameof(LoginPages))]
    public async Task An_enhanced_navigation_is_sent_to_a_login_page_that_a_constrained_component_route_does_not_render_for_blazor_web_js_to_load(string @case, string loginPath)
    {
        await using var app = await ConstrainedRoutesApp.StartAsync(loginPath);
        using var client = new TestClient(app.Address);

        // What the router really serves at the login path: not a Razor component, so no "blazor-enhanced-nav: allow", which
        // blazor.web.js requires of every 2xx answer to an enhanced navigation (else it falls back or throws).
        using var loginPage = await client.SendAsync(Enhanced(HttpMethod.Get, loginPath));
        Assert.True(loginPage.StatusCode == HttpStatusCode.OK, $"{@case}: the login page answers {(int)loginPage.StatusCode}");
        Assert.Contains("Plain login", await loginPage.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(loginPage.Headers.Contains("blazor-enhanced-nav"), @case);

        // The component the constraint rules out really is a Blazor page where the constraint holds.
        var componentPath = loginPath.Replace("login.html", "about", StringComparison.Ordinal).Replace("login", "7", StringComparison.Ordinal);
        using var component = await client.SendAsync(Enhanced(HttpMethod.Get, componentPath));
        Assert.Equal(["allow"], component.Headers.GetValues("blazor-enhanced-nav"));

        using var denied = await client.SendAsync(Enhanced(HttpMethod.Get, "/minimal/me"));

        var expected = $"{loginPath}?returnUrl=%2Fminimal%2Fme";
        Assert.True(
            denied.StatusCode == HttpStatusCode.OK,
            $"{@case}: {(int)denied.StatusCode} to {denied.Headers.Location}, which blazor.web.js follows to a page it does not accept (a second request and a console warning for a link, an exception for a form post)");
        Assert.Equal([expected], denied.Headers.GetValues("blazor-enhanced-nav-redirect-location"));
        Assert.Equal(["allow"], denied.Headers.GetValues("blazor-enhanced-nav"));
    }

    /// <summary>A request as blazor.web.js sends it: a no-cors fetch with its one Accept value.</summary>
    private static HttpRequestMessage Enhanced(HttpMethod method, string path)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.TryAddWithoutValidation("Accept", "text/html; blazor-enhanced-nav=on");
        request.Headers.Add("Sec-Fetch-Mode", "no-cors");
        request.Headers.Add("Sec-Fetch-Dest", "empty");
        request.Headers.Add("Sec-Fetch-Site", "same-origin");
        return request;
    }

    /// <summary>
    /// The test app with Razor components (this assembly's, among them <see cref="ProfilePage"/> and
    /// <see cref="SitePage"/>), an older part of the site whose account pages are a minimal API writing HTML, and
    /// a static <c>login.html</c> served by <c>UseStaticFiles()</c>.
    /// </summary>
    private sealed class ConstrainedRoutesApp : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private readonly string _webRoot;

        private ConstrainedRoutesApp(WebApplication app, string webRoot)
        {
            _app = app;
            _webRoot = webRoot;
            Address = new Uri(app.Urls.First());
        }

        public Uri Address { get; }

        public static async Task<ConstrainedRoutesApp> StartAsync(string loginPath)
        {
            var webRoot = Directory.CreateTempSubdirectory("r17b-site-").FullName;
            await File.WriteAllTextAsync(Path.Combine(webRoot, "login.html"), "<!doctype html><title>Log in</title><h1>Plain login</h1>");
            var app = TestAppHost.Build(
                options => options.LoginPath = loginPath,
                builder => builder.Services.AddRazorComponents(),
                app => app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(webRoot), RequestPath = "/r17b/site" }));
            app.UseAntiforgery();
            app.MapRazorComponents<GuardedKindsRoot>();
            app.MapGet("/r17b/account/{page}", (string page) => Results.Content($"<!doctype html><title>{page}</title><h1>Plain {page}</h1>", "text/html; charset=utf-8")).AllowAnonymous();
            await app.StartAsync();
            return new ConstrainedRoutesApp(app, webRoot);
        }

        public async ValueTask DisposeAsync()
        {
            await _app.DisposeAsync();
            Directory.Delete(_webRoot, recursive: true);
        }
    }
}

/// <summary>A Blazor page for numeric ids only: <c>/r17b/account/login</c> is not its.</summary>
[Route("/r17b/account/{UserId:int}")]
[AllowAnonymous]
public sealed class ProfilePage : ComponentBase
{
    [Parameter]
    public int UserId { get; set; }

    protected override void BuildRenderTree(RenderTreeBuilder builder) => builder.AddContent(0, $"profile {UserId}");
}

/// <summary>A Blazor page for every path under <c>/r17b/site</c> that does not name a file, as <c>MapFallbackToPage</c> maps one.</summary>
[Route("/r17b/site/{*Slug:nonfile}")]
[AllowAnonymous]
public sealed class SitePage : ComponentBase
{
    [Parameter]
    public string? Slug { get; set; }

    protected override void BuildRenderTree(RenderTreeBuilder builder) => builder.AddContent(0, $"site page {Slug}");
}
