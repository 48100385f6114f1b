using System.Net;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace SessionAuth.Tests;

/// <summary>
/// Why SAUTH0001 credits a guard applied through a local to the builder the local holds at that point, on every path:
/// over HTTP, a group assigned to the local after the guard is open, the group that got the guard is closed, an endpoint
/// builder guarded after a later assignment is closed, and a guard applied on one branch leaves the endpoint open on the other.
/// </summary>
public sealed class ReassignedGroupHttpTests
{
    [Fact]
    public async Task A_guard_through_a_reassigned_local_closes_only_the_builder_the_local_held()
    {
        await using var app = await StartAsync(production: false, app =>
        {
            var group = app.MapGroup("/admin");
            group.RequireAuthorization();
            group.MapGet("/users", () => "users");
            group = app.MapGroup("/public");
            group.MapGet("/open", () => "open to anyone");      // SAUTH0001: the guard went to /admin, not to this group

            RouteHandlerBuilder endpoint;
            endpoint = app.MapGet("/declared-first", () => "signed in");
            endpoint.RequireAuthorization();
        });
        using var http = Client(app);

        using var open = await http.GetAsync(new Uri("/public/open", UriKind.Relative));
        using var guarded = await http.GetAsync(new Uri("/admin/users", UriKind.Relative));
        using var declaredFirst = await http.GetAsync(new Uri("/declared-first", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, open.StatusCode);
        Assert.Equal("open to anyone", await open.Content.ReadAsStringAsync());
        AssertChallenged(guarded);
        AssertChallenged(declaredFirst);
    }

    [Fact]
    public async Task A_guard_applied_on_one_branch_leaves_the_endpoint_open_on_the_other()
    {
        static void Map(WebApplication app, bool production)
        {
            var group = app.MapGroup("/admin");
            if (production)
            {
                group.RequireAuthorization();
            }

            group.MapGet("/users", () => "open to anyone");      // SAUTH0001, guard applied conditionally
        }

        await using var production = await StartAsync(production: true, app => Map(app, production: true));
        await using var development = await StartAsync(production: false, app => Map(app, production: false));
        using var productionClient = Client(production);
        using var developmentClient = Client(development);

        using var closed = await productionClient.GetAsync(new Uri("/admin/users", UriKind.Relative));
        using var open = await developmentClient.GetAsync(new Uri("/admin/users", UriKind.Relative));

        AssertChallenged(closed);
        Assert.Equal(HttpStatusCode.OK, open.StatusCode);
    }

    private static void AssertChallenged(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/Login", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    private static async Task<WebApplication> StartAsync(bool production, Action<WebApplication> map)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = production ? "Production" : "Development" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie();
        builder.Services.AddAuthorization();
        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        map(app);
        await app.StartAsync();
        return app;
    }

    private static HttpClient Client(WebApplication app)
    {
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(address) };
    }
}
