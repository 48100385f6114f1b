using System.Net;
using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Mvc.ApplicationParts;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.Extensions.DependencyInjection;
using SessionAuth.Tests.CustomRouteAttributeControllers;

namespace SessionAuth.Tests;

/// <summary>
/// Over HTTP, why SAUTH0001 fires on actions under custom route attributes (tests/SessionAuth.Analyzers.Tests/CustomRouteAttributeTests.cs):
/// a template given by the attribute's base constructor makes the action attribute-routed, and a guarded conventional
/// route does not reach it; an action without one is reached, and guarded.
/// </summary>
public sealed class CustomRouteAttributeHttpTests
{
    [Fact]
    public async Task A_custom_route_attribute_routes_by_attribute_so_a_guarded_conventional_route_does_not_reach_the_action()
    {
        await using var app = await CookieAuthApp.StartAsync(
            app =>
            {
                app.MapControllers();
                app.MapDefaultControllerRoute().RequireAuthorization();
            },
            services => services.AddControllers().ConfigureApplicationPartManager(manager =>
            {
                manager.ApplicationParts.Add(new AssemblyPart(typeof(CustomRouteAttributeHttpTests).Assembly));
                manager.FeatureProviders.Remove(manager.FeatureProviders.OfType<ControllerFeatureProvider>().Single());
                manager.FeatureProviders.Add(new ThisTestsControllers());
            }));
        using var http = CookieAuthApp.Client(app);

        using var orders = await http.GetAsync(new Uri("/custom/CustomRouteOrders", UriKind.Relative));
        using var invoices = await http.GetAsync(new Uri("/custom/invoices", UriKind.Relative));
        using var home = await http.GetAsync(new Uri("/CustomRouteHome/Index", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, orders.StatusCode);                  // SAUTH0001 fires (CustomRouteAttributeTests)
        Assert.Equal("CustomRouteOrdersController.List, open to anyone", await orders.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, invoices.StatusCode);                // SAUTH0001 fires (CustomRouteAttributeTests)
        CookieAuthApp.AssertChallenged(home);
    }

    /// <summary>MVC's rules, over the controllers declared for this test only.</summary>
    private sealed class ThisTestsControllers : ControllerFeatureProvider
    {
        protected override bool IsController(TypeInfo typeInfo) =>
            typeInfo.Namespace == typeof(CustomRouteOrdersController).Namespace && base.IsController(typeInfo);
    }
}
