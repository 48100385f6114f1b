using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using SessionAuth.Generators.Analyzers;

namespace SessionAuth.Analyzers.Tests;

/// <summary>
/// Review 21c: failing tests for the fallback policy and conventional routes. A fallback policy counts only on the
/// app's own options; a conventional route reaches only the actions whose route values it can hold (an area's actions
/// only through a route with their area).
/// </summary>
public sealed class Review21cStartupTests
{
    private static Task VerifyAppAsync(string program, params DiagnosticResult[] expected) =>
        AnalyzerTest.VerifyProjectAsync<EndpointGuardAnalyzer>(OutputKind.ConsoleApplication, [("Program.cs", program)], expected);

    // Finding 3 (false silence): AddAuthorization(o => o.FallbackPolicy = ...) in startup code counts whatever service
    // collection it is called on; only the one the app is built from feeds the authorization middleware
    // (Review21cHttpTests: 200 for an anonymous caller).

    [Fact]
    public Task A_fallback_policy_on_a_new_ServiceCollection_leaves_every_endpoint_open() => VerifyAppAsync("""
        var builder = WebApplication.CreateBuilder(args);
        var tools = new ServiceCollection();
        tools.AddAuthorization(o => o.FallbackPolicy = o.DefaultPolicy);
        var app = builder.Build();
        app.MapGet("/orders", () {|SAUTH0001:=>|} "orders");
        app.Run();
        """);

    [Fact]
    public Task A_fallback_policy_on_the_services_of_a_builder_that_is_never_built_leaves_every_endpoint_open() => VerifyAppAsync("""
        var builder = WebApplication.CreateBuilder(args);
        var other = WebApplication.CreateBuilder(args);
        other.Services.AddAuthorization(o => o.FallbackPolicy = o.DefaultPolicy);
        var app = builder.Build();
        app.MapGet("/orders", () {|SAUTH0001:=>|} "orders");
        app.Run();
        """);

    [Fact]
    public Task A_fallback_policy_set_by_a_helper_given_a_new_ServiceCollection_leaves_every_endpoint_open() => VerifyAppAsync("""
        var builder = WebApplication.CreateBuilder(args);
        Security.Add(new ServiceCollection());
        var app = builder.Build();
        app.MapGet("/orders", () {|SAUTH0001:=>|} "orders");
        app.Run();

        static class Security
        {
            public static void Add(IServiceCollection services) => services.AddAuthorization(o => o.FallbackPolicy = o.DefaultPolicy);
        }
        """);

    // Finding 11 (false alarm, minor): the options-builder form of the same registration is not recognised.

    [Fact]
    public Task A_fallback_policy_set_through_AddOptions_Configure_decides_for_every_endpoint() => VerifyAppAsync("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddAuthorization();
        builder.Services.AddOptions<AuthorizationOptions>().Configure(o => o.FallbackPolicy = o.DefaultPolicy);
        var app = builder.Build();
        app.MapGet("/orders", () => "orders");
        app.Run();
        """);

    // Finding 10 (false alarm): an area's actions are reached only by conventional routes that carry their area (the
    // default route has no `area` value for them: 404 over HTTP, Review21cHttpTests), so a guarded area route decides
    // them; the rule reads every conventional route as reaching every conventionally routed action.

    [Fact]
    public Task An_area_controller_reached_only_by_a_guarded_area_route_is_guarded() => VerifyAppAsync("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddControllersWithViews();
        var app = builder.Build();
        app.MapAreaControllerRoute("admin", "Admin", "Admin/{controller=Home}/{action=Index}").RequireAuthorization();
        app.MapDefaultControllerRoute();
        app.Run();

        [Area("Admin")]
        public class UsersController : Controller
        {
            public string Index() => "users";
        }

        public class HomeController : Controller
        {
            public string {|SAUTH0001:Index|}() => "home";
        }
        """);
}
