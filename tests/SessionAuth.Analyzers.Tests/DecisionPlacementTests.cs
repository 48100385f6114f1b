using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using SessionAuth.Generators.Analyzers;

namespace SessionAuth.Analyzers.Tests;

/// <summary>
/// Review of issue 21: where ASP.NET Core reads a decision for handlers, controllers and project-wide guards, in shapes the
/// other tests do not contain. The behaviour each test states was checked on Kestrel (.NET 10) where it says so.
/// </summary>
public sealed class DecisionPlacementTests
{
    private static Task VerifyAsync(string source, params DiagnosticResult[] expected) => AnalyzerTest.VerifyAsync<EndpointGuardAnalyzer>(source, expected);

    private static Task VerifyAppAsync(string program, params DiagnosticResult[] expected) =>
        AnalyzerTest.VerifyProjectAsync<EndpointGuardAnalyzer>(OutputKind.ConsoleApplication, [("Program.cs", program)], expected);

    // A method group bound through an interface: Delegate.Method is the implementing method, whose attributes the
    // endpoint carries; an interface method's [Authorize] is not inherited by the implementation. Checked on Kestrel:
    // GET answers 200 to an anonymous caller.

    [Fact]
    public Task Authorize_on_the_interface_method_of_a_method_group_handler_does_not_decide() => VerifyAsync("""
        public interface IOrders
        {
            [Authorize]
            string List();
        }

        public static class Endpoints
        {
            public static void Map(WebApplication app, IOrders orders)
            {
                app.MapGet("/orders", {|SAUTH0001:orders.List|});
            }
        }
        """);

    // A global AuthorizeFilter is run by MVC for every action (checked on Kestrel: 401 for an anonymous caller, on a
    // ControllerBase controller and on a POCO controller alike).

    [Fact]
    public Task A_global_AuthorizeFilter_decides_for_every_controller_action() => VerifyAppAsync("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddControllers(o => o.Filters.Add(new Microsoft.AspNetCore.Mvc.Authorization.AuthorizeFilter()));
        var app = builder.Build();
        app.MapControllers();
        app.Run();

        [Route("orders")]
        public class OrdersController : ControllerBase
        {
            [HttpGet]
            public string List() => "orders";
        }
        """);

    // MapControllers() guarded under an if leaves every action open on the other path.

    [Fact]
    public Task MapControllers_guarded_on_some_paths_only_does_not_decide() => VerifyAppAsync("""
        var app = WebApplication.Create(args);
        if (app.Environment.EnvironmentName == "Production")
        {
            app.MapControllers().RequireAuthorization();
        }
        else
        {
            app.MapControllers();
        }

        app.Run();

        [Route("orders")]
        public class OrdersController : ControllerBase
        {
            [HttpGet]
            public string {|SAUTH0001:List|}() => "orders";
        }
        """);

    [Fact]
    public Task MapControllers_guarded_through_a_local_decides() => VerifyAppAsync("""
        var app = WebApplication.Create(args);
        var controllers = app.MapControllers();
        controllers.RequireAuthorization();
        app.Run();

        [Route("orders")]
        public class OrdersController : ControllerBase
        {
            [HttpGet]
            public string List() => "orders";
        }
        """);

    // An executable that never adds MVC routes no controller: a class whose name ends in Controller is just a class.

    [Fact]
    public Task A_class_named_like_a_controller_in_an_app_without_MVC_is_not_an_endpoint() => VerifyAppAsync("""
        var app = WebApplication.Create(args);
        var cache = new CacheController();
        app.MapGet("/flush", () => cache.Flush()).RequireAuthorization();
        app.Run();

        public class CacheController
        {
            public string Flush() => "flushed";
        }
        """);

    // A fallback policy that is set, then removed, covers nothing.

    [Fact]
    public Task A_fallback_policy_removed_later_does_not_decide() => VerifyAppAsync("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddAuthorization(o => o.FallbackPolicy = o.DefaultPolicy);
        builder.Services.PostConfigure<AuthorizationOptions>(o => o.FallbackPolicy = null);
        var app = builder.Build();
        app.MapGet("/orders", () {|SAUTH0001:=>|} "orders");
        app.Run();
        """);

    [Fact]
    public Task A_fallback_policy_set_under_an_if_only_does_not_decide() => VerifyAppAsync("""
        var builder = WebApplication.CreateBuilder(args);
        var requireLogin = builder.Configuration["RequireLogin"] == "true";
        builder.Services.AddAuthorization(o =>
        {
            if (requireLogin)
            {
                o.FallbackPolicy = o.DefaultPolicy;
            }
        });
        var app = builder.Build();
        app.MapGet("/orders", () {|SAUTH0001:=>|} "orders");
        app.Run();
        """);

    [Fact]
    public Task A_default_policy_alone_is_not_a_fallback_policy() => VerifyAppAsync("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddAuthorizationBuilder().SetDefaultPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        var app = builder.Build();
        app.MapGet("/orders", () {|SAUTH0001:=>|} "orders");
        app.Run();
        """);

    // Endpoint kinds: a connection handler is an endpoint that answers anyone, like a hub.

    [Fact]
    public Task MapConnectionHandler_without_a_guard_is_reported() => VerifyAppAsync("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddConnections();
        var app = builder.Build();
        app.{|SAUTH0001:MapConnectionHandler<Echo>|}("/echo");
        app.Run();

        public sealed class Echo : Microsoft.AspNetCore.Connections.ConnectionHandler
        {
            public override Task OnConnectedAsync(Microsoft.AspNetCore.Connections.ConnectionContext connection) => Task.CompletedTask;
        }
        """);

    [Fact]
    public Task MapConnections_without_a_guard_is_reported() => VerifyAppAsync("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddConnections();
        var app = builder.Build();
        app.{|SAUTH0001:MapConnections|}("/raw", connection => connection.Use(next => next));
        app.Run();
        """);

    // Conventional routes: each one makes its own endpoints for every conventionally routed action it matches. A guard on
    // one route does not reach the endpoints of another (checked on Kestrel: with a guarded MapAreaControllerRoute and an
    // unguarded MapDefaultControllerRoute, GET /home/index answers 200 to an anonymous caller).

    [Fact]
    public Task A_guarded_conventional_route_beside_an_unguarded_one_does_not_decide() => VerifyAppAsync("""
        var app = WebApplication.Create(args);
        app.MapControllerRoute("admin", "admin/{controller}/{action}").RequireAuthorization();
        app.MapDefaultControllerRoute();
        app.Run();

        public class HomeController : Controller
        {
            public string {|SAUTH0001:Index|}() => "home";
        }
        """);

    // MapControllers on a guarded route group: the group's conventions reach every action it maps (checked on Kestrel:
    // 401 for an anonymous caller).

    [Fact]
    public Task MapControllers_on_a_guarded_route_group_decides() => VerifyAppAsync("""
        var app = WebApplication.Create(args);
        app.MapGroup("/api").RequireAuthorization().MapControllers();
        app.Run();

        [Route("orders")]
        public class OrdersController : ControllerBase
        {
            [HttpGet]
            public string List() => "orders";
        }
        """);

    // SAUTH0004 reads the same place: [RequireSession] on the interface method does not reach the implementation the
    // delegate is bound to, so the session data parameter is null for an anonymous caller.

    [Fact]
    public Task RequireSession_on_the_interface_method_of_a_method_group_handler_does_not_guard_its_session_data() => VerifyAsync("""
        public interface IMembers
        {
            [RequireSession]
            string Profile(UserSession user);
        }

        public sealed class Members : IMembers
        {
            public string Profile(UserSession {|SAUTH0004:user|}) => user.Name;
        }

        public static class Endpoints
        {
            public static void Map(WebApplication app, Members members)
            {
                IMembers handlers = members;
                app.MapGet("/profile", {|SAUTH0001:handlers.Profile|});
            }
        }

        [SessionData]
        public sealed record UserSession(int UserId, string Name);
        """);

    // A hub mapped by a generic helper is an endpoint all the same: the type argument is a type parameter, not a hub type.

    [Fact]
    public Task A_hub_mapped_through_a_type_parameter_is_reported() => VerifyAppAsync("""
        var app = WebApplication.Create(args);
        Hubs.Map<Chat>(app, "/chat");
        app.Run();

        public static class Hubs
        {
            public static void Map<THub>(WebApplication app, string path) where THub : Microsoft.AspNetCore.SignalR.Hub =>
                app.{|SAUTH0001:MapHub<THub>|}(path);
        }

        public sealed class Chat : Microsoft.AspNetCore.SignalR.Hub
        {
        }
        """);

    // MapFallbackToController reaches the action through the data source's inert endpoints, which carry the MapControllers
    // conventions but not a conventional route's own (checked on Kestrel: with MapControllerRoute(...).RequireAuthorization()
    // and MapFallbackToController("Index", "Home"), GET /home/index answers 401 and GET /x/y/z/w runs Home.Index with 200).

    [Fact]
    public Task A_guarded_conventional_route_does_not_reach_the_action_MapFallbackToController_serves() => VerifyAppAsync("""
        var app = WebApplication.Create(args);
        app.MapControllerRoute("default", "{controller}/{action}").RequireAuthorization();
        app.MapFallbackToController("Index", "Home");
        app.Run();

        public class HomeController : Controller
        {
            public string {|SAUTH0001:Index|}() => "home";
        }
        """);

    // A fallback policy that is null at run time removes the fallback: these forms set null, or null on some paths.

    [Theory]
    [InlineData("o.FallbackPolicy = default;")]
    [InlineData("o.FallbackPolicy = (AuthorizationPolicy?)null;")]
    [InlineData("o.FallbackPolicy = requireLogin ? o.DefaultPolicy : null;")]
    public Task A_fallback_policy_that_is_null_at_run_time_does_not_decide(string assignment) => VerifyAppAsync($$"""
        var builder = WebApplication.CreateBuilder(args);
        var requireLogin = builder.Configuration["RequireLogin"] == "true";
        builder.Services.AddAuthorization(o => { {{assignment}} });
        var app = builder.Build();
        app.MapGet("/orders", () {|SAUTH0001:=>|} "orders");
        app.Run();
        """);
}
