using System.Net;
using System.Reflection;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.ApplicationParts;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SessionAuth.Tests.Review21bControllers;

namespace SessionAuth.Tests;

/// <summary>
/// Review 21b: over HTTP, the shapes SAUTH0001 is silent on (tests/SessionAuth.Analyzers.Tests/Review21b*Tests.cs) serve
/// an anonymous caller, beside the part of the same shape that is guarded.
/// </summary>
public sealed class Review21bHttpTests
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

    [Fact]
    public async Task A_fallback_policy_on_named_options_or_from_an_undefined_policy_leaves_an_endpoint_open()
    {
        static void Map(WebApplication app) => app.MapGet("/orders", () => "orders");

        await using var named = await CookieAuthApp.StartAsync(Map, s => s.Configure<AuthorizationOptions>("admin", o => o.FallbackPolicy = o.DefaultPolicy));
        await using var undefined = await CookieAuthApp.StartAsync(Map, s => s.AddAuthorization(o => o.FallbackPolicy = o.GetPolicy("Members")));
        await using var unnamed = await CookieAuthApp.StartAsync(Map, s => s.AddAuthorization(o => o.FallbackPolicy = o.DefaultPolicy));
        using var namedClient = CookieAuthApp.Client(named);
        using var undefinedClient = CookieAuthApp.Client(undefined);
        using var unnamedClient = CookieAuthApp.Client(unnamed);

        using var namedResponse = await namedClient.GetAsync(new Uri("/orders", UriKind.Relative));
        using var undefinedResponse = await undefinedClient.GetAsync(new Uri("/orders", UriKind.Relative));
        using var unnamedResponse = await unnamedClient.GetAsync(new Uri("/orders", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, namedResponse.StatusCode);
        Assert.Equal(HttpStatusCode.OK, undefinedResponse.StatusCode);
        CookieAuthApp.AssertChallenged(unnamedResponse);
    }

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
                manager.ApplicationParts.Add(new AssemblyPart(typeof(Review21bHttpTests).Assembly));
                manager.FeatureProviders.Remove(manager.FeatureProviders.OfType<ControllerFeatureProvider>().Single());
                manager.FeatureProviders.Add(new ThisTestsControllers());
            }));
        using var http = CookieAuthApp.Client(app);

        using var orders = await http.GetAsync(new Uri("/review21b/Review21bOrders", UriKind.Relative));
        using var invoices = await http.GetAsync(new Uri("/review21b/invoices", UriKind.Relative));
        using var home = await http.GetAsync(new Uri("/Review21bHome/Index", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, orders.StatusCode);                  // SAUTH0001 is silent (Review21bBoundaryTests)
        Assert.Equal("Review21bOrdersController.List, open to anyone", await orders.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, invoices.StatusCode);                // SAUTH0001 is silent (Review21bBoundaryTests)
        CookieAuthApp.AssertChallenged(home);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_fallback_policy_applies_only_where_the_pipeline_runs_the_authorization_middleware(bool useAuthorization)
    {
        using var host = new HostBuilder()
            .ConfigureWebHost(web => web
                .UseKestrel()
                .UseUrls("http://127.0.0.1:0")
                .ConfigureServices(services =>
                {
                    services.AddRouting();
                    services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie();
                    services.AddAuthorization(o => o.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
                })
                .Configure(app =>
                {
                    app.UseRouting();
                    app.UseAuthentication();
                    if (useAuthorization)
                    {
                        app.UseAuthorization();
                    }

                    app.UseEndpoints(endpoints => endpoints.MapGet("/orders", () => "orders"));   // SAUTH0001 is silent (Review21bFallbackPolicyTests)
                }))
            .Build();
        await host.StartAsync();
        try
        {
            var address = host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(address) };

            using var response = await http.GetAsync(new Uri("/orders", UriKind.Relative));

            if (useAuthorization)
            {
                CookieAuthApp.AssertChallenged(response);
            }
            else
            {
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            }
        }
        finally
        {
            await host.StopAsync();
        }
    }

    /// <summary>MVC's rules, over the controllers declared for this test only.</summary>
    private sealed class ThisTestsControllers : ControllerFeatureProvider
    {
        protected override bool IsController(TypeInfo typeInfo) =>
            typeInfo.Namespace == typeof(Review21bOrdersController).Namespace && base.IsController(typeInfo);
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
