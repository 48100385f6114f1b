using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using SessionAuth.Generators.Analyzers;

namespace SessionAuth.Analyzers.Tests;

/// <summary>
/// Issue 21 review, false silence (S1–S9): each class of shape as a table, the open rows reported and the guarded rows quiet.
/// </summary>
public sealed class FalseSilenceShapeTests
{
    private static Task VerifyAsync(string source, params DiagnosticResult[] expected) => AnalyzerTest.VerifyAsync<EndpointGuardAnalyzer>(source, expected);

    private static Task VerifyAppAsync(string program, params DiagnosticResult[] expected) =>
        AnalyzerTest.VerifyProjectAsync<EndpointGuardAnalyzer>(OutputKind.ConsoleApplication, [("Program.cs", program)], expected);

    // S1: the method a method group's delegate invokes is the one whose attributes count; unknown → the rule fires.

    [Theory]
    [InlineData("IOrders orders = new PlainOrders();", "orders.List", true)]
    [InlineData("IOrders orders = new GuardedOrders();", "orders.List", false)]
    [InlineData("var orders = new GuardedOrders();", "orders.List", false)]
    [InlineData("IOrders orders = flag ? new GuardedOrders() : new PlainOrders();", "orders.List", true)]
    [InlineData("IOrders orders = flag ? new GuardedOrders() : new GuardedOrders();", "orders.List", false)]
    [InlineData("BaseOrders orders = new PlainOrders();", "orders.List", true)]
    [InlineData("BaseOrders orders = new GuardedOrders();", "orders.List", false)]
    [InlineData("BaseOrders orders = new PlainOrders();", "orders.Count", false)]
    [InlineData("var orders = (IOrders)new GuardedOrders(); orders = Pick();", "orders.List", true)]
    public Task A_method_group_decides_by_the_method_it_really_invokes(string declaration, string handler, bool reported) => VerifyAsync($$"""
        public interface IOrders
        {
            [Authorize]
            string List();
        }

        public abstract class BaseOrders : IOrders
        {
            public abstract string List();

            [Authorize]
            public abstract string Count();
        }

        public sealed class PlainOrders : BaseOrders
        {
            public override string List() => "orders";

            public override string Count() => "1";
        }

        public sealed class GuardedOrders : BaseOrders
        {
            [Authorize]
            public override string List() => "orders";

            [AllowAnonymous]
            public override string Count() => "1";
        }

        public static class Endpoints
        {
            public static void Map(WebApplication app, bool flag)
            {
                {{declaration}}
                app.MapGet("/orders", {{(reported ? "{|SAUTH0001:" + handler + "|}" : handler)}});
            }

            private static IOrders Pick() => new PlainOrders();
        }
        """);

    // S6: a guard is the framework's (or SessionAuth's) method, not any method of that name.

    [Theory]
    [InlineData("RequireAuthorization(enabled: false)", true)]
    [InlineData("AllowAnonymous(\"why\")", true)]
    [InlineData("RequireSession(0)", true)]
    [InlineData("RequireAuthorization()", false)]
    [InlineData("RequireSession()", false)]
    public Task A_guard_is_recognised_by_its_method_not_its_name(string call, bool reported) => VerifyAsync($$"""
        public static class Endpoints
        {
            public static void Map(WebApplication app)
            {
                app.MapGet("/orders", () {{(reported ? "{|SAUTH0001:=>|}" : "=>")}} "orders").{{call}};
            }
        }

        public static class Lookalikes
        {
            public static RouteHandlerBuilder RequireAuthorization(this RouteHandlerBuilder builder, bool enabled) => builder;

            public static RouteHandlerBuilder AllowAnonymous(this RouteHandlerBuilder builder, string reason) => builder;

            public static RouteHandlerBuilder RequireSession(this RouteHandlerBuilder builder, int level) => builder;
        }
        """);

    // S2/S3: a conventionally routed action is decided only when every conventional route of the app is guarded.

    [Theory]
    [InlineData("app.MapDefaultControllerRoute();", true)]
    [InlineData("app.MapFallbackToController(\"Index\", \"Home\");", true)]
    [InlineData("app.MapAreaControllerRoute(\"shop\", \"shop\", \"shop/{controller}/{action}\");", false)] // reaches only the actions of area "shop" (AreaRouteTests)
    [InlineData("var route = app.MapDefaultControllerRoute(); route = app.MapControllerRoute(\"other\", \"x/{controller}/{action}\"); route.RequireAuthorization();", true)]
    [InlineData("app.MapDefaultControllerRoute().RequireAuthorization();", false)]
    [InlineData("app.MapFallbackToController(\"Index\", \"Home\").AllowAnonymous();", false)]
    [InlineData("var route = app.MapDefaultControllerRoute(); route.RequireSession();", false)]
    public Task A_conventional_action_is_decided_when_every_conventional_route_is_guarded(string second, bool reported) => VerifyAppAsync($$"""
        var app = WebApplication.Create(args);
        app.MapControllerRoute("admin", "admin/{controller}/{action}").RequireAuthorization();
        {{second}}
        app.Run();

        public class HomeController : Controller
        {
            public string {{(reported ? "{|SAUTH0001:Index|}" : "Index")}}() => "home";
        }
        """);

    // S4: the fallback policy counts when it holds on every path and no write may leave it null.

    [Theory]
    [InlineData("builder.Services.AddAuthorization(o => o.FallbackPolicy = o.DefaultPolicy);", false)]
    [InlineData("builder.Services.AddAuthorizationBuilder().SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());", false)]
    [InlineData("builder.Services.AddAuthorization(o => { if (args.Length > 0) { return; } o.FallbackPolicy = o.DefaultPolicy; });", true)]
    [InlineData("builder.Services.AddAuthorization(o => { foreach (var a in args) { o.FallbackPolicy = o.DefaultPolicy; } });", true)]
    [InlineData("builder.Services.AddAuthorization(o => { try { o.FallbackPolicy = o.DefaultPolicy; } catch (Exception) { } });", true)]
    [InlineData("if (args.Length > 0) { builder.Services.AddAuthorization(o => o.FallbackPolicy = o.DefaultPolicy); }", true)]
    [InlineData("builder.Services.AddAuthorization(o => o.FallbackPolicy = o.DefaultPolicy); builder.Services.AddAuthorizationBuilder().SetFallbackPolicy(null);", true)]
    [InlineData("#nullable enable\nbuilder.Services.AddAuthorization(o => o.FallbackPolicy = args.Length > 0 ? o.DefaultPolicy : o.GetPolicy(\"x\"));", true)]
    [InlineData("#nullable enable\nbuilder.Services.AddAuthorization(o => o.FallbackPolicy = o.GetPolicy(\"x\"));", true)]
    [InlineData("builder.Services.AddAuthorization(o => o.FallbackPolicy = o.GetPolicy(\"x\") ?? o.DefaultPolicy);", false)]
    public Task A_fallback_policy_decides_only_when_it_holds_on_every_path(string configuration, bool reported) => VerifyAppAsync($$"""
        var builder = WebApplication.CreateBuilder(args);
        {{configuration}}
        var app = builder.Build();
        app.MapGet("/orders", () {{(reported ? "{|SAUTH0001:=>|}" : "=>")}} "orders");
        app.Run();
        """);

    // S5: MapControllers guarded on every path, or decided on the other one too.

    [Theory]
    [InlineData("app.MapControllers().AllowAnonymous();", false)]
    [InlineData("app.MapControllers();", true)]
    [InlineData("app.MapControllers().RequireAuthorization();", false)]
    public Task MapControllers_under_an_if_decides_when_every_path_decides(string otherwise, bool reported) => VerifyAppAsync($$"""
        var app = WebApplication.Create(args);
        if (args.Length > 0)
        {
            app.MapControllers().RequireAuthorization();
        }
        else
        {
            {{otherwise}}
        }

        app.Run();

        [Route("orders")]
        public class OrdersController : ControllerBase
        {
            [HttpGet]
            public string {{(reported ? "{|SAUTH0001:List|}" : "List")}}() => "orders";
        }
        """);

    // S7: connection handlers read their class's attributes, as hubs do; raw connections only their builder.

    [Theory]
    [InlineData("[Authorize]", "app.MapConnectionHandler<Echo>(\"/echo\");")]
    [InlineData("", "app.MapConnectionHandler<Echo>(\"/echo\").RequireSession();")]
    [InlineData("", "app.MapConnections(\"/raw\", c => c.Use(next => next)).RequireAuthorization();")]
    [InlineData("", "app.MapGroup(\"/ws\").AllowAnonymous().MapConnections(\"/raw\", c => c.Use(next => next));")]
    [InlineData("[Authorize]", "app.{|SAUTH0001:MapConnections|}(\"/raw\", c => c.Use(next => next));")]
    public Task Connection_endpoints_are_decided_by_their_class_or_builder(string attribute, string mapping)
    {
        return VerifyAppAsync($$"""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddConnections();
            var app = builder.Build();
            {{mapping}}
            app.Run();

            {{attribute}}
            public sealed class Echo : Microsoft.AspNetCore.Connections.ConnectionHandler
            {
                public override Task OnConnectedAsync(Microsoft.AspNetCore.Connections.ConnectionContext connection) => Task.CompletedTask;
            }
            """);
    }

    // S8: a hub mapped through a type parameter is decided by every hub the helper is called with.

    [Theory]
    [InlineData("Hubs.Map<SecureChat>(app, \"/chat\");", false)]
    [InlineData("Hubs.Map<SecureChat>(app, \"/chat\"); Hubs.Map<Chat>(app, \"/open\");", true)]
    public Task A_hub_mapped_through_a_type_parameter_decides_by_every_hub_it_stands_for(string calls, bool reported) => VerifyAppAsync($$"""
        var app = WebApplication.Create(args);
        {{calls}}
        app.Run();

        public static class Hubs
        {
            public static void Map<THub>(WebApplication app, string path) where THub : Microsoft.AspNetCore.SignalR.Hub =>
                app.{{(reported ? "{|SAUTH0001:MapHub<THub>|}" : "MapHub<THub>")}}(path);
        }

        public sealed class Chat : Microsoft.AspNetCore.SignalR.Hub
        {
        }

        [Authorize]
        public sealed class SecureChat : Microsoft.AspNetCore.SignalR.Hub
        {
        }
        """);

    // S9: without InternalsVisibleTo the internal method's callers are all visible, and decide.

    [Fact]
    public Task A_group_parameter_of_an_internal_method_of_a_library_without_friends_is_decided_by_its_callers() => VerifyAsync("""
        public static class Startup
        {
            public static void Map(WebApplication app) => Endpoints.MapOrders(app.MapGroup("/orders").RequireAuthorization());
        }

        internal static class Endpoints
        {
            internal static void MapOrders(RouteGroupBuilder group) => group.MapGet("/", () => "orders");
        }
        """);
}
