using System.Net;
using Microsoft.AspNetCore.Builder;

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
        await using var app = await CookieAuthApp.StartAsync(app =>
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
        using var http = CookieAuthApp.Client(app);

        using var open = await http.GetAsync(new Uri("/public/open", UriKind.Relative));
        using var guarded = await http.GetAsync(new Uri("/admin/users", UriKind.Relative));
        using var declaredFirst = await http.GetAsync(new Uri("/declared-first", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, open.StatusCode);
        Assert.Equal("open to anyone", await open.Content.ReadAsStringAsync());
        CookieAuthApp.AssertChallenged(guarded);
        CookieAuthApp.AssertChallenged(declaredFirst);
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

        await using var production = await CookieAuthApp.StartAsync(app => Map(app, production: true), environment: "Production");
        await using var development = await CookieAuthApp.StartAsync(app => Map(app, production: false), environment: "Development");
        using var productionClient = CookieAuthApp.Client(production);
        using var developmentClient = CookieAuthApp.Client(development);

        using var closed = await productionClient.GetAsync(new Uri("/admin/users", UriKind.Relative));
        using var open = await developmentClient.GetAsync(new Uri("/admin/users", UriKind.Relative));

        CookieAuthApp.AssertChallenged(closed);
        Assert.Equal(HttpStatusCode.OK, open.StatusCode);
    }
}
