using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using SessionAuth.Generators.Analyzers;

namespace SessionAuth.Analyzers.Tests;

public sealed class HeldGuardFlowShapesTests
{
    private static Task VerifyAsync(string source, params DiagnosticResult[] expected) => AnalyzerTest.VerifyAsync<EndpointGuardAnalyzer>(source, expected);

    private static Task VerifyAppAsync(string program, params DiagnosticResult[] expected) =>
        AnalyzerTest.VerifyProjectAsync<EndpointGuardAnalyzer>(OutputKind.ConsoleApplication, [("Program.cs", program)], expected);

    [Fact]
    public Task P01_null_coalescing_assignment_of_an_open_group() => VerifyAsync("""
        public static class Endpoints
        {
            public static void Map(WebApplication app, bool flag)
            {
                RouteGroupBuilder? group = null;
                if (flag)
                {
                    group = app.MapGroup("/a");
                    group.RequireAuthorization();
                }
                group ??= app.MapGroup("/open");
                group.MapGet("/x", () {|SAUTH0001:=>|} "open");
            }
        }
        """);

    [Fact]
    public Task P02_guard_in_a_local_function_never_called() => VerifyAsync("""
        public static class Endpoints
        {
            public static void Map(WebApplication app)
            {
                var group = app.MapGroup("/admin");
                group.MapGet("/x", () {|SAUTH0001:=>|} "open");
                void Secure() => group.RequireAuthorization();
            }
        }
        """);

    [Fact]
    public Task P03_guard_in_a_lambda_never_invoked() => VerifyAsync("""
        public static class Endpoints
        {
            public static void Map(WebApplication app)
            {
                var group = app.MapGroup("/admin");
                Action secure = () => group.RequireAuthorization();
                group.MapGet("/x", () {|SAUTH0001:=>|} "open");
            }
        }
        """);

    [Fact]
    public Task P04_guard_skipped_by_an_early_return() => VerifyAsync("""
        public static class Endpoints
        {
            public static void Map(WebApplication app, bool flag)
            {
                var group = app.MapGroup("/admin");
                group.MapGet("/x", () {|SAUTH0001:=>|} "open");
                if (flag) return;
                group.RequireAuthorization();
            }
        }
        """);

    [Fact]
    public Task P07_guard_extension_with_an_early_return() => VerifyAsync("""
        public static class Endpoints
        {
            public static void Map(WebApplication app, bool dev)
            {
                var group = app.MapGroup("/admin").Secure(dev);
                group.MapGet("/x", () {|SAUTH0001:=>|} "open");
            }

            private static RouteGroupBuilder Secure(this RouteGroupBuilder group, bool dev)
            {
                if (dev) return group;
                return group.RequireAuthorization();
            }
        }
        """);

    [Fact]
    public Task P08_guard_helper_that_guards_another_group() => VerifyAsync("""
        public static class Endpoints
        {
            public static void Map(WebApplication app)
            {
                var group = app.MapGroup("/admin");
                Secure(group, app);
                group.MapGet("/x", () {|SAUTH0001:=>|} "open");
            }

            private static void Secure(RouteGroupBuilder group, WebApplication app) => app.MapGroup("/other").RequireAuthorization();
        }
        """);

    [Fact]
    public Task P09_delegate_reassigned_to_a_no_op_before_the_call() => VerifyAsync("""
        public static class Endpoints
        {
            public static void Map(WebApplication app)
            {
                Action<RouteGroupBuilder> secure = g => g.RequireAuthorization();
                secure = g => { };
                var group = app.MapGroup("/admin");
                secure(group);
                group.MapGet("/x", () {|SAUTH0001:=>|} "open");
            }
        }
        """);

    [Fact]
    public Task P10_virtual_guard_method_overridden_by_a_no_op() => VerifyAsync("""
        public class Module
        {
            public virtual void Secure(RouteGroupBuilder group) => group.RequireAuthorization();
        }

        public sealed class OpenModule : Module
        {
            public override void Secure(RouteGroupBuilder group) { }
        }

        public static class Endpoints
        {
            public static void Map(WebApplication app, Module module)
            {
                var group = app.MapGroup("/admin");
                module.Secure(group);
                group.MapGet("/x", () {|SAUTH0001:=>|} "open");
            }
        }
        """);

    [Fact]
    public Task P11_interface_guard_with_a_no_op_implementation() => VerifyAsync("""
        public interface IGuard { void Apply(RouteGroupBuilder group); }
        public sealed class AuthGuard : IGuard { public void Apply(RouteGroupBuilder group) => group.RequireAuthorization(); }
        public sealed class NoGuard : IGuard { public void Apply(RouteGroupBuilder group) { } }

        public static class Endpoints
        {
            public static void Map(WebApplication app, IGuard guard)
            {
                var group = app.MapGroup("/admin");
                guard.Apply(group);
                group.MapGet("/x", () {|SAUTH0001:=>|} "open");
            }
        }
        """);

    [Fact]
    public Task P12_local_function_mapping_called_with_an_open_group() => VerifyAsync("""
        public static class Endpoints
        {
            public static void Map(WebApplication app)
            {
                var admin = app.MapGroup("/admin").RequireAuthorization();
                MapAll(admin);
                MapAll(app.MapGroup("/open"));

                static void MapAll(RouteGroupBuilder g) => g.MapGet("/x", () {|SAUTH0001:=>|} "open");
            }
        }
        """);

    [Fact]
    public Task P13_mapping_lambda_invoked_with_an_open_group() => VerifyAsync("""
        public static class Endpoints
        {
            public static void Map(WebApplication app)
            {
                Action<RouteGroupBuilder> map = g => g.MapGet("/x", () {|SAUTH0001:=>|} "open");
                map(app.MapGroup("/admin").RequireAuthorization());
                map(app.MapGroup("/open"));
            }
        }
        """);

    [Fact]
    public Task P14_groups_picked_by_a_switch_expression_then_guarded_stay_quiet() => VerifyAsync("""
        public static class Endpoints
        {
            public static void Map(WebApplication app, int kind)
            {
                var group = kind switch { 1 => app.MapGroup("/a"), 2 => app.MapGroup("/b"), _ => app.MapGroup("/c") };
                group.MapGet("/x", () => "guarded");
                group.RequireAuthorization();
            }
        }
        """);

    [Fact]
    public Task P17_fallback_policy_reset_by_a_later_Configure() => VerifyAppAsync("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddAuthorization(o => o.FallbackPolicy = o.DefaultPolicy);
        builder.Services.Configure<AuthorizationOptions>(o => o.FallbackPolicy = null);
        var app = builder.Build();
        app.UseAuthorization();
        app.MapGet("/orders", () {|SAUTH0001:=>|} "orders");
        app.Run();
        """);

    [Fact]
    public Task P18_fallback_policy_reset_by_PostConfigure() => VerifyAppAsync("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddAuthorization(o => o.FallbackPolicy = o.DefaultPolicy);
        builder.Services.PostConfigure<AuthorizationOptions>(o => o.FallbackPolicy = null);
        var app = builder.Build();
        app.UseAuthorization();
        app.MapGet("/orders", () {|SAUTH0001:=>|} "orders");
        app.Run();
        """);

    [Fact]
    public Task P19_SetFallbackPolicy_null() => VerifyAppAsync("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddAuthorizationBuilder().SetFallbackPolicy(null);
        var app = builder.Build();
        app.UseAuthorization();
        app.MapGet("/orders", () {|SAUTH0001:=>|} "orders");
        app.Run();
        """);

    [Fact]
    public Task P20_fallback_policy_from_PostConfigure_counts() => VerifyAppAsync("""
        using Microsoft.AspNetCore.Authorization;
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddAuthorization();
        builder.Services.PostConfigure<AuthorizationOptions>(o => o.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        var app = builder.Build();
        app.UseAuthorization();
        app.MapGet("/orders", () => "orders");
        app.Run();
        """);

    [Fact]
    public Task P22_fallback_policy_set_then_cleared_in_the_same_callback() => VerifyAppAsync("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddAuthorization(o =>
        {
            o.FallbackPolicy = o.DefaultPolicy;
            o.FallbackPolicy = null;
        });
        var app = builder.Build();
        app.UseAuthorization();
        app.MapGet("/orders", () {|SAUTH0001:=>|} "orders");
        app.Run();
        """);

    [Fact]
    public Task P23_conventional_route_guard_reaches_HttpGet_without_template() => VerifyAppAsync("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddControllersWithViews();
        var app = builder.Build();
        app.UseAuthorization();
        app.MapControllerRoute("default", "{controller=Home}/{action=Index}/{id?}").RequireAuthorization();
        app.Run();

        public class OrdersController : Controller
        {
            [HttpGet]
            public IActionResult Index() => View();

            [HttpPost]
            public IActionResult Create(string name) => RedirectToAction("Index");
        }
        """);

    [Fact]
    public Task P24_override_of_a_NonAction_method_is_not_an_action() => VerifyAsync("""
        [Authorize]
        public abstract class BaseController : ControllerBase
        {
            [NonAction]
            public virtual string Helper() => "x";
        }

        [AllowAnonymous]
        [Route("open")]
        public class OpenController : ControllerBase
        {
        }

        [Route("orders")]
        public class OrdersController : BaseController
        {
            [HttpGet]
            public string Get() => "guarded";

            public override string Helper() => "y";
        }
        """);

    [Fact]
    public Task P26_guard_in_a_catch_only() => VerifyAsync("""
        public static class Endpoints
        {
            public static void Map(WebApplication app)
            {
                var group = app.MapGroup("/admin");
                try { group.MapGet("/x", () {|SAUTH0001:=>|} "open"); }
                catch (InvalidOperationException) { group.RequireAuthorization(); }
            }
        }
        """);

    [Fact]
    public Task P27_guard_in_a_while_loop_that_may_not_run() => VerifyAsync("""
        public static class Endpoints
        {
            public static void Map(WebApplication app, int n)
            {
                var group = app.MapGroup("/admin");
                group.MapGet("/x", () {|SAUTH0001:=>|} "open");
                var i = 0;
                while (i < n) { group.RequireAuthorization(); i++; }
            }
        }
        """);

    [Fact]
    public Task P28_guard_on_a_group_from_a_dictionary_indexer_does_not_reach_another_key() => VerifyAsync("""
        using System.Collections.Generic;
        public static class Endpoints
        {
            public static void Map(WebApplication app)
            {
                var groups = new Dictionary<string, RouteGroupBuilder>
                {
                    ["admin"] = app.MapGroup("/admin"),
                    ["open"] = app.MapGroup("/open"),
                };
                groups["admin"].RequireAuthorization();
                groups["open"].MapGet("/x", () {|SAUTH0001:=>|} "open");
            }
        }
        """);

    [Fact]
    public Task P29_static_property_with_backing_logic_swapping_group() => VerifyAsync("""
        public static class Groups
        {
            private static RouteGroupBuilder? _current;
            private static int _reads;
            public static RouteGroupBuilder Current
            {
                get { _reads++; return _current!; }
                set => _current = value;
            }
        }

        public static class Endpoints
        {
            public static void Map(WebApplication app)
            {
                Groups.Current = app.MapGroup("/admin");
                Groups.Current.RequireAuthorization();
                Groups.Current = app.MapGroup("/open");
                Groups.Current.MapGet("/x", () {|SAUTH0001:=>|} "open");
            }
        }
        """);

    [Fact]
    public Task P30_group_from_an_async_local_function_awaited() => VerifyAsync("""
        public static class Endpoints
        {
            public static async Task Map(WebApplication app)
            {
                var group = await Make();
                group.MapGet("/x", () {|SAUTH0001:=>|} "open");

                async Task<RouteGroupBuilder> Make()
                {
                    await Task.Yield();
                    return app.MapGroup("/open");
                }
            }
        }
        """);

    [Fact]
    public Task P31_goto_skips_the_guard() => VerifyAsync("""
        public static class Endpoints
        {
            public static void Map(WebApplication app, bool flag)
            {
                var group = app.MapGroup("/admin");
                if (flag) goto done;
                group.RequireAuthorization();
            done:
                group.MapGet("/x", () {|SAUTH0001:=>|} "open");
            }
        }
        """);

    [Fact]
    public Task P32_guard_on_this_struct_receiver_field_then_map_quiet() => VerifyAsync("""
        public struct Module
        {
            private RouteGroupBuilder _group;
            public void Map(WebApplication app)
            {
                _group = app.MapGroup("/admin");
                _group.RequireAuthorization();
                _group.MapGet("/x", () => "guarded");
            }
        }
        """);
}
