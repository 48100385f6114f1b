using System.Net;
using System.Reflection;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Mvc.ApplicationParts;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using SessionAuth.Tests.Review21cAreaControllers;

namespace SessionAuth.Tests;

/// <summary>
/// Review 21c: over HTTP, what the shapes of tests/SessionAuth.Analyzers.Tests/Review21c*Tests.cs do at run time. The
/// false silences answer anyone while SAUTH0001 says nothing; the false alarms are guarded while SAUTH0001 fires.
/// </summary>
public sealed class Review21cHttpTests
{
    // Review21cFlowTests.A_group_swapped_by_a_deconstruction_after_the_guard_leaves_the_endpoint_open: the rule is silent.

    [Fact]
    public async Task A_group_swapped_by_a_deconstruction_after_the_guard_answers_anyone()
    {
        await using var app = await CookieAuthApp.StartAsync(app =>
        {
            var admin = app.MapGroup("/admin");
            var open = app.MapGroup("/open");
            admin.RequireAuthorization();
            (admin, open) = (open, admin);
            admin.MapGet("/x", () => "open to anyone");
        });
        using var http = CookieAuthApp.Client(app);

        using var response = await http.GetAsync(new Uri("/open/x", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("open to anyone", await response.Content.ReadAsStringAsync());
    }

    // Review21cFlowTests.A_computed_static_property_that_makes_a_group_per_read_is_not_guarded_by_a_guard_on_another_read.

    [Fact]
    public async Task A_guard_on_one_read_of_a_computed_group_property_does_not_reach_the_group_of_the_next_read()
    {
        await using var app = await CookieAuthApp.StartAsync(app =>
        {
            var api = new ComputedApi(app);
            api.Group.RequireAuthorization();
            api.Group.MapGet("/x", () => "open to anyone");
        });
        using var http = CookieAuthApp.Client(app);

        using var response = await http.GetAsync(new Uri("/api/x", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    // Review21cFallbackTests.A_fallback_policy_on_a_new_ServiceCollection_leaves_every_endpoint_open: the rule is silent.

    [Fact]
    public async Task A_fallback_policy_on_a_service_collection_the_app_never_builds_leaves_the_endpoint_open()
    {
        await using var app = await CookieAuthApp.StartAsync(app =>
        {
            var tools = new ServiceCollection();
            tools.AddAuthorization(o => o.FallbackPolicy = o.DefaultPolicy);
            app.MapGet("/orders", () => "open to anyone");
        });
        using var http = CookieAuthApp.Client(app);

        using var response = await http.GetAsync(new Uri("/orders", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    // Review21cFlowTests.Groups_made_and_mapped_on_through_one_local_in_each_branch_and_guarded_after_it_are_guarded: the rule fires.

    [Fact]
    public async Task A_guard_after_an_if_else_reaches_the_group_each_branch_made_and_mapped_on()
    {
        static void Map(WebApplication app, bool v2)
        {
            RouteGroupBuilder group;
            if (v2)
            {
                group = app.MapGroup("/v2");
                group.MapGet("/x", () => "signed in");
            }
            else
            {
                group = app.MapGroup("/v1");
                group.MapGet("/x", () => "signed in");
            }

            group.RequireAuthorization();
        }

        await using var v1 = await CookieAuthApp.StartAsync(app => Map(app, v2: false));
        await using var v2 = await CookieAuthApp.StartAsync(app => Map(app, v2: true));
        using var v1Client = CookieAuthApp.Client(v1);
        using var v2Client = CookieAuthApp.Client(v2);

        using var first = await v1Client.GetAsync(new Uri("/v1/x", UriKind.Relative));
        using var second = await v2Client.GetAsync(new Uri("/v2/x", UriKind.Relative));

        CookieAuthApp.AssertChallenged(first);
        CookieAuthApp.AssertChallenged(second);
    }

    // Review21cControllerTests.An_area_controller_reached_only_by_a_guarded_area_route_is_guarded: the rule fires on it.

    [Fact]
    public async Task An_area_controller_is_reached_only_by_its_area_route_and_the_default_route_reaches_only_the_others()
    {
        await using var app = await CookieAuthApp.StartAsync(
            app =>
            {
                app.MapAreaControllerRoute("admin", "Review21cAdmin", "Review21cAdmin/{controller}/{action=Index}").RequireAuthorization();
                app.MapDefaultControllerRoute();
            },
            services => services.AddControllers().ConfigureApplicationPartManager(manager =>
            {
                manager.ApplicationParts.Add(new AssemblyPart(typeof(Review21cHttpTests).Assembly));
                manager.FeatureProviders.Remove(manager.FeatureProviders.OfType<ControllerFeatureProvider>().Single());
                manager.FeatureProviders.Add(new ThisTestsControllers());
            }));
        using var http = CookieAuthApp.Client(app);

        using var areaAction = await http.GetAsync(new Uri("/Review21cAdmin/Review21cUsers/Index", UriKind.Relative));
        using var areaActionByDefaultRoute = await http.GetAsync(new Uri("/Review21cUsers/Index", UriKind.Relative));
        using var home = await http.GetAsync(new Uri("/Review21cHome/Index", UriKind.Relative));

        CookieAuthApp.AssertChallenged(areaAction);
        Assert.Equal(HttpStatusCode.NotFound, areaActionByDefaultRoute.StatusCode);
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);                       // SAUTH0001 rightly fires on it
    }

    /// <summary>MVC's rules, over the controllers declared for this test only.</summary>
    private sealed class ThisTestsControllers : ControllerFeatureProvider
    {
        protected override bool IsController(TypeInfo typeInfo) =>
            typeInfo.Namespace == typeof(Review21cUsersController).Namespace && base.IsController(typeInfo);
    }

    /// <summary>A holder whose group property makes a new group each time it is read.</summary>
    private sealed class ComputedApi(WebApplication app)
    {
        public RouteGroupBuilder Group => app.MapGroup("/api");
    }
}
