using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace SessionAuth.Tests;

/// <summary>
/// Review 21b: over HTTP, the shapes SAUTH0001 is silent on (tests/SessionAuth.Analyzers.Tests: LoopIterationFlowTests, MemberValueFlowTests, SharedBuilderGuardTests and the other flow tests) serve
/// an anonymous caller, beside the part of the same shape that is guarded.
/// </summary>
public sealed class AnalyzerGroupFlowHttpTests
{
    [Fact]
    public async Task A_guard_after_a_loop_that_made_a_group_per_iteration_closes_only_the_last_group()
    {
        await using var app = await CookieAuthApp.StartAsync(app =>
        {
            string[] tenants = ["north", "south"];
            RouteGroupBuilder tenant;
            var i = 0;
            do
            {
                tenant = app.MapGroup("/" + tenants[i]);
                tenant.MapGet("/orders", () => "orders");     // SAUTH0001 reports it (LoopIterationFlowTests)
            }
            while (++i < tenants.Length);

            tenant.RequireAuthorization();
        });
        using var http = CookieAuthApp.Client(app);

        using var first = await http.GetAsync(new Uri("/north/orders", UriKind.Relative));
        using var last = await http.GetAsync(new Uri("/south/orders", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        CookieAuthApp.AssertChallenged(last);
    }

    [Fact]
    public async Task A_guard_on_one_objects_group_does_not_close_another_objects_group()
    {
        await using var app = await CookieAuthApp.StartAsync(app =>
        {
            var admin = new Area { Group = app.MapGroup("/admin") };
            var open = new Area { Group = app.MapGroup("/public") };
            admin.Group.RequireAuthorization();
            admin.Group.MapGet("/users", () => "users");
            open.Group.MapGet("/orders", () => "orders");    // SAUTH0001 reports it (MemberValueFlowTests)
        });
        using var http = CookieAuthApp.Client(app);

        using var open = await http.GetAsync(new Uri("/public/orders", UriKind.Relative));
        using var guarded = await http.GetAsync(new Uri("/admin/users", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, open.StatusCode);
        CookieAuthApp.AssertChallenged(guarded);
    }

    [Fact]
    public async Task A_field_reused_for_a_second_group_leaves_the_second_group_open()
    {
        var module = new Module();
        await using var app = await CookieAuthApp.StartAsync(module.Map);
        using var http = CookieAuthApp.Client(app);

        using var open = await http.GetAsync(new Uri("/public/orders", UriKind.Relative));
        using var guarded = await http.GetAsync(new Uri("/admin/users", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, open.StatusCode);
        CookieAuthApp.AssertChallenged(guarded);
    }

    [Fact]
    public async Task A_local_function_that_replaces_a_captured_group_maps_the_endpoint_on_the_open_group()
    {
        await using var app = await CookieAuthApp.StartAsync(app =>
        {
            var api = app.MapGroup("/api").RequireAuthorization();
            void UseVersion2() => api = app.MapGroup("/v2");
            UseVersion2();
            api.MapGet("/orders", () => "orders");           // SAUTH0001 reports it (CapturedWriteFlowTests)
        });
        using var http = CookieAuthApp.Client(app);

        using var open = await http.GetAsync(new Uri("/v2/orders", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, open.StatusCode);
    }

    private sealed class Area
    {
        public RouteGroupBuilder Group { get; set; } = null!;
    }

    private sealed class Module
    {
        private RouteGroupBuilder _group = null!;

        public void Map(WebApplication app)
        {
            _group = app.MapGroup("/admin");
            _group.RequireAuthorization();
            _group.MapGet("/users", () => "users");

            _group = app.MapGroup("/public");
            _group.MapGet("/orders", () => "orders");        // SAUTH0001 reports it (MemberValueFlowTests)
        }
    }
}
