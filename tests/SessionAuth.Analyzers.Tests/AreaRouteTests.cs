using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using SessionAuth.Generators.Analyzers;

namespace SessionAuth.Analyzers.Tests;

/// <summary>
/// SAUTH0001 and conventional routes by area (review 21c finding 10): a conventional route reaches only the actions whose
/// route values its pattern can hold (<c>RoutePatternTransformer.SubstituteRequiredValues</c>), so an area's actions are
/// reached only by routes that carry their area (<c>MapAreaControllerRoute</c>, an <c>area</c> default, an <c>{area}</c>
/// parameter) and the others only by routes without one (AreaRouteHttpTests shows both over HTTP).
/// </summary>
public sealed class AreaRouteTests
{
    private static Task VerifyAppAsync(string program, params DiagnosticResult[] expected) =>
        AnalyzerTest.VerifyProjectAsync<EndpointGuardAnalyzer>(OutputKind.ConsoleApplication, [("Program.cs", program)], expected);

    /// <summary>An area controller and one outside any area, the one whose action is expected reported marked so.</summary>
    private static string Controllers(bool areaReported, bool otherReported) => $$"""

        [Area("Admin")]
        public class UsersController : Controller
        {
            public string {{Mark("Index", areaReported)}}() => "users";
        }

        public class HomeController : Controller
        {
            public string {{Mark("Index", otherReported)}}() => "home";
        }
        """;

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

    // The default route does not reach an area's actions, so its guard decides only for the others.

    [Fact]
    public Task An_area_controller_behind_an_unguarded_area_route_is_reported_whatever_guards_the_default_route() => VerifyAppAsync("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddControllersWithViews();
        var app = builder.Build();
        app.MapAreaControllerRoute("admin", "Admin", "Admin/{controller=Home}/{action=Index}");
        app.MapDefaultControllerRoute().RequireAuthorization();
        app.Run();

        [Area("Admin")]
        public class UsersController : Controller
        {
            public string {|SAUTH0001:Index|}() => "users";
        }

        public class HomeController : Controller
        {
            public string Index() => "home";
        }
        """);

    [Fact]
    public Task A_guarded_route_of_another_area_does_not_decide_for_an_area_controller() => VerifyAppAsync("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddControllersWithViews();
        var app = builder.Build();
        app.MapAreaControllerRoute("blog", "Blog", "Blog/{controller=Home}/{action=Index}").RequireAuthorization();
        app.MapAreaControllerRoute("admin", "Admin", "Admin/{controller=Home}/{action=Index}");
        app.MapDefaultControllerRoute().RequireAuthorization();
        app.Run();

        [Area("Admin")]
        public class UsersController : Controller
        {
            public string {|SAUTH0001:Index|}() => "users";
        }
        """);

    // RouteValueEqualityComparer and StringRouteConstraint compare an area without case.

    [Fact]
    public Task An_area_route_reaches_its_area_whatever_the_case_of_the_names() => VerifyAppAsync("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddControllersWithViews();
        var app = builder.Build();
        app.MapAreaControllerRoute("admin", "ADMIN", "Admin/{controller=Home}/{action=Index}").RequireAuthorization();
        app.MapDefaultControllerRoute();
        app.Run();

        [Area("admin")]
        public class UsersController : Controller
        {
            public string Index() => "users";
        }
        """);

    // MapControllerRoute with an area default and no {area} parameter holds that area only, as MapAreaControllerRoute does.

    [Fact]
    public Task A_guarded_MapControllerRoute_with_an_area_default_decides_for_that_area() => VerifyAppAsync("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddControllersWithViews();
        var app = builder.Build();
        app.MapControllerRoute("admin", "Admin/{controller=Home}/{action=Index}", defaults: new { area = "Admin" }).RequireAuthorization();
        app.MapDefaultControllerRoute();
        app.Run();
        """ + Controllers(areaReported: false, otherReported: true));

    [Fact]
    public Task A_guarded_MapControllerRoute_without_an_area_does_not_reach_an_area_controller() => VerifyAppAsync("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddControllersWithViews();
        var app = builder.Build();
        app.MapControllerRoute("default", "{controller=Home}/{action=Index}/{id?}", new { id = 1 }).RequireAuthorization();
        app.MapAreaControllerRoute("admin", "Admin", "Admin/{controller=Home}/{action=Index}");
        app.Run();
        """ + Controllers(areaReported: true, otherReported: false));

    // An {area} parameter holds any area, and the actions without one only when no action of the app has an area (then
    // MVC gives no action an area route value): known not to be so when a controller of the compilation has an area.

    [Fact]
    public Task A_guarded_route_with_an_area_parameter_decides_for_every_area() => VerifyAppAsync("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddControllersWithViews();
        var app = builder.Build();
        app.MapControllerRoute("areas", "{area:exists}/{controller=Home}/{action=Index}/{id?}").RequireAuthorization();
        app.MapDefaultControllerRoute();
        app.Run();
        """ + Controllers(areaReported: false, otherReported: true));

    [Fact]
    public Task An_unguarded_route_with_an_area_parameter_does_not_reach_the_actions_without_an_area_once_an_action_has_one() => VerifyAppAsync("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddControllersWithViews();
        var app = builder.Build();
        app.MapControllerRoute("areas", "{area:exists}/{controller=Home}/{action=Index}/{id?}");
        app.MapDefaultControllerRoute().RequireAuthorization();
        app.Run();
        """ + Controllers(areaReported: true, otherReported: false));

    [Fact]
    public Task An_unguarded_route_with_an_area_parameter_is_taken_to_reach_the_actions_without_an_area_when_no_action_of_the_compilation_has_one() => VerifyAppAsync("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddControllersWithViews();
        var app = builder.Build();
        app.MapControllerRoute("areas", "{area}/{controller=Home}/{action=Index}/{id?}");
        app.MapDefaultControllerRoute().RequireAuthorization();
        app.Run();

        public class HomeController : Controller
        {
            public string {|SAUTH0001:Index|}() => "home";
        }
        """);

    // MVC gives an action's own route values before its controller's, and [Area] is inherited from a base controller.

    [Fact]
    public Task An_area_on_the_action_or_on_a_base_controller_is_the_actions_area() => VerifyAppAsync("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddControllersWithViews();
        var app = builder.Build();
        app.MapAreaControllerRoute("admin", "Admin", "Admin/{controller=Home}/{action=Index}").RequireAuthorization();
        app.MapDefaultControllerRoute();
        app.Run();

        [Area("Admin")]
        public abstract class AdminController : Controller { }

        public class UsersController : AdminController
        {
            public string Index() => "users";
        }

        public class ReportsController : Controller
        {
            [Area("Admin")]
            public string Index() => "reports";

            public string {|SAUTH0001:Summary|}() => "summary";
        }
        """);

    // What is not read is taken to reach every action: an area name that is no constant, a custom route value attribute.

    [Fact]
    public Task An_area_route_whose_area_is_not_a_constant_is_taken_to_reach_every_action() => VerifyAppAsync("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddControllersWithViews();
        var app = builder.Build();
        var area = args[0];
        app.MapAreaControllerRoute("admin", area, "Admin/{controller=Home}/{action=Index}");
        app.MapDefaultControllerRoute().RequireAuthorization();
        app.Run();
        """ + Controllers(areaReported: true, otherReported: true));

    [Fact]
    public Task A_controller_with_a_custom_area_attribute_is_taken_to_be_reached_by_every_route() => VerifyAppAsync("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddControllersWithViews();
        var app = builder.Build();
        app.MapAreaControllerRoute("admin", "Admin", "Admin/{controller=Home}/{action=Index}").RequireAuthorization();
        app.MapDefaultControllerRoute();
        app.Run();

        public sealed class AdminAreaAttribute : AreaAttribute
        {
            public AdminAreaAttribute() : base("Admin") { }
        }

        [AdminArea]
        public class UsersController : Controller
        {
            public string {|SAUTH0001:Index|}() => "users";
        }
        """);

    private static string Mark(string name, bool reported) => reported ? $"{{|SAUTH0001:{name}|}}" : name;
}
