using System.Net;
using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Mvc.ApplicationParts;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.Extensions.DependencyInjection;
using SessionAuth.Tests.AreaRouteControllers;

namespace SessionAuth.Tests;

/// <summary>
/// Over HTTP, why SAUTH0001 matches conventional routes to actions by area (tests/SessionAuth.Analyzers.Tests/AreaRouteTests.cs):
/// an area's actions are reached only by a route that carries their area (<c>MapAreaControllerRoute</c>, or an
/// <c>area</c> default), so its guard decides for them; the default route reaches only the actions without an area.
/// </summary>
public sealed class AreaRouteHttpTests
{
    // AreaRouteTests.An_area_controller_reached_only_by_a_guarded_area_route_is_guarded: silent on the area controller,
    // fires on the other.

    [Fact]
    public async Task An_area_controller_is_reached_only_by_its_area_route_and_the_default_route_reaches_only_the_others()
    {
        await using var app = await StartAsync(app =>
        {
            app.MapAreaControllerRoute("admin", "AreaRouteAdmin", "AreaRouteAdmin/{controller}/{action=Index}").RequireAuthorization();
            app.MapDefaultControllerRoute();
        });
        using var http = CookieAuthApp.Client(app);

        using var areaAction = await http.GetAsync(new Uri("/AreaRouteAdmin/AreaRouteUsers/Index", UriKind.Relative));
        using var areaActionByDefaultRoute = await http.GetAsync(new Uri("/AreaRouteUsers/Index", UriKind.Relative));
        using var home = await http.GetAsync(new Uri("/AreaRouteHome/Index", UriKind.Relative));

        CookieAuthApp.AssertChallenged(areaAction);
        Assert.Equal(HttpStatusCode.NotFound, areaActionByDefaultRoute.StatusCode);
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);                       // SAUTH0001 rightly fires on it
    }

    // AreaRouteTests.A_guarded_MapControllerRoute_with_an_area_default_decides_for_that_area, and the area compared
    // without case (An_area_route_reaches_its_area_whatever_the_case_of_the_names).

    [Theory]
    [InlineData("AreaRouteAdmin")]
    [InlineData("AREAROUTEADMIN")]
    public async Task A_route_with_an_area_default_reaches_that_areas_actions_and_no_others(string area)
    {
        await using var app = await StartAsync(app =>
        {
            app.MapControllerRoute("admin", "Admin/{controller}/{action=Index}", defaults: new { area }).RequireAuthorization();
            app.MapDefaultControllerRoute();
        });
        using var http = CookieAuthApp.Client(app);

        using var areaAction = await http.GetAsync(new Uri("/Admin/AreaRouteUsers/Index", UriKind.Relative));
        using var otherByAreaRoute = await http.GetAsync(new Uri("/Admin/AreaRouteHome/Index", UriKind.Relative));

        CookieAuthApp.AssertChallenged(areaAction);
        Assert.Equal(HttpStatusCode.NotFound, otherByAreaRoute.StatusCode);
    }

    // AreaRouteTests.An_unguarded_route_with_an_area_parameter_does_not_reach_the_actions_without_an_area_once_an_action_has_one:
    // once an action has an area, every action has an area route value, and an {area} parameter cannot hold a null one.

    [Fact]
    public async Task A_route_with_an_area_parameter_does_not_reach_the_actions_without_an_area_when_another_has_one()
    {
        await using var app = await StartAsync(app =>
        {
            app.MapControllerRoute("areas", "{area:exists}/{controller}/{action=Index}");
            app.MapDefaultControllerRoute().RequireAuthorization();
        });
        using var http = CookieAuthApp.Client(app);

        using var areaAction = await http.GetAsync(new Uri("/AreaRouteAdmin/AreaRouteUsers/Index", UriKind.Relative));
        using var otherByAreaRoute = await http.GetAsync(new Uri("/AreaRouteAdmin/AreaRouteHome/Index", UriKind.Relative));
        using var other = await http.GetAsync(new Uri("/AreaRouteHome/Index", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, areaAction.StatusCode);                  // SAUTH0001 rightly fires on it
        Assert.Equal(HttpStatusCode.NotFound, otherByAreaRoute.StatusCode);
        CookieAuthApp.AssertChallenged(other);
    }

    private static Task<WebApplication> StartAsync(Action<WebApplication> map) => CookieAuthApp.StartAsync(
        map,
        services => services.AddControllers().ConfigureApplicationPartManager(manager =>
        {
            manager.ApplicationParts.Add(new AssemblyPart(typeof(AreaRouteHttpTests).Assembly));
            manager.FeatureProviders.Remove(manager.FeatureProviders.OfType<ControllerFeatureProvider>().Single());
            manager.FeatureProviders.Add(new ThisTestsControllers());
        }));

    /// <summary>MVC's rules, over the controllers declared for this test only.</summary>
    private sealed class ThisTestsControllers : ControllerFeatureProvider
    {
        protected override bool IsController(TypeInfo typeInfo) =>
            typeInfo.Namespace == typeof(AreaRouteUsersController).Namespace && base.IsController(typeInfo);
    }
}
