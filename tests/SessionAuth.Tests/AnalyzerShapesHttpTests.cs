using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Mvc.Authorization;
using Microsoft.Extensions.DependencyInjection;

namespace SessionAuth.Tests;

/// <summary>
/// Review of issue 21: what ASP.NET Core does with the shapes of the issue 21 analyzer tests, over HTTP on Kestrel, as an
/// anonymous client. Where a shape is open here and SAUTH0001 is silent on it (or guarded here and SAUTH0001 fires), the
/// analyzer is wrong.
/// </summary>
public sealed class AnalyzerShapesHttpTests
{
    [Fact]
    public async Task A_method_group_bound_through_an_interface_carries_the_implementation_attributes_not_the_interface_ones()
    {
        IOrders orders = new Orders();
        await using var app = await CookieAuthApp.StartAsync(app => app.MapGet("/orders", orders.List));
        using var http = CookieAuthApp.Client(app);

        using var response = await http.GetAsync(new Uri("/orders", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);                   // SAUTH0001 is silent: Authorize_on_the_interface_method_...
        Assert.Equal("orders", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_guarded_conventional_route_does_not_reach_the_actions_another_conventional_route_serves()
    {
        await using var app = await ControllerGuardHttpTests.StartAsync(null, app =>
        {
            app.MapControllerRoute("admin", "admin/{controller}/{action}").RequireAuthorization();
            app.MapDefaultControllerRoute();
        });
        using var http = CookieAuthApp.Client(app);

        using var admin = await http.GetAsync(new Uri("/admin/Conventional/Index", UriKind.Relative));
        using var open = await http.GetAsync(new Uri("/Conventional/Index", UriKind.Relative));

        CookieAuthApp.AssertChallenged(admin);
        Assert.Equal(HttpStatusCode.OK, open.StatusCode);                       // SAUTH0001 is silent on ConventionalController.Index
    }

    [Fact]
    public async Task A_guarded_conventional_route_does_not_reach_the_action_MapFallbackToController_serves()
    {
        await using var app = await ControllerGuardHttpTests.StartAsync(null, app =>
        {
            app.MapControllerRoute("default", "{controller}/{action}").RequireAuthorization();
            app.MapFallbackToController("Index", "Conventional");
        });
        using var http = CookieAuthApp.Client(app);

        using var routed = await http.GetAsync(new Uri("/Conventional/Index", UriKind.Relative));
        using var fallback = await http.GetAsync(new Uri("/any/path/at/all", UriKind.Relative));

        CookieAuthApp.AssertChallenged(routed);
        Assert.Equal(HttpStatusCode.OK, fallback.StatusCode);                   // SAUTH0001 is silent on ConventionalController.Index
        Assert.Equal("ConventionalController.Index", await fallback.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_global_AuthorizeFilter_and_MapControllers_on_a_guarded_group_close_attribute_routed_actions()
    {
        await using var filtered = await ControllerGuardHttpTests.StartAsync(
            services => services.Configure<Microsoft.AspNetCore.Mvc.MvcOptions>(o => o.Filters.Add(new AuthorizeFilter())),
            app => app.MapControllers());
        await using var grouped = await ControllerGuardHttpTests.StartAsync(null, app => app.MapGroup("/api").RequireAuthorization().MapControllers());
        using var filteredHttp = CookieAuthApp.Client(filtered);
        using var groupedHttp = CookieAuthApp.Client(grouped);

        using var byFilter = await filteredHttp.GetAsync(new Uri("/attribute-routed", UriKind.Relative));
        using var byGroup = await groupedHttp.GetAsync(new Uri("/api/attribute-routed", UriKind.Relative));

        CookieAuthApp.AssertChallenged(byFilter);                               // SAUTH0001 fires: A_global_AuthorizeFilter_...
        CookieAuthApp.AssertChallenged(byGroup);                                // SAUTH0001 fires: MapControllers_on_a_guarded_route_group_decides
    }

    public interface IOrders
    {
        [Authorize]
        string List();
    }

    private sealed class Orders : IOrders
    {
        public string List() => "orders";
    }
}
