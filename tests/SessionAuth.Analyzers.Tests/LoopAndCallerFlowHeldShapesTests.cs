using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using SessionAuth.Generators.Analyzers;

namespace SessionAuth.Analyzers.Tests;

/// <summary>
/// Review 21b: shapes attacked that the rule already gets right, kept so that a fix of the findings in
/// <see cref="LoopIterationFlowTests"/> and the other flow tests does not lose them. A local that starts as null and is assigned in the loop may hold
/// either after it, so the guard after the loop is not credited.
/// </summary>
public sealed class LoopAndCallerFlowHeldShapesTests
{
    private static Task VerifyAsync(string source, params DiagnosticResult[] expected) => AnalyzerTest.VerifyAsync<EndpointGuardAnalyzer>(source, expected);

    private static Task VerifyAppAsync(string program, params DiagnosticResult[] expected) =>
        AnalyzerTest.VerifyProjectAsync<EndpointGuardAnalyzer>(OutputKind.ConsoleApplication, [("Program.cs", program)], expected);

    [Fact]
    public Task A_group_made_in_a_loop_and_guarded_after_it_leaves_the_earlier_groups_open() => VerifyAsync("""
        public static class Endpoints
        {
            public static void Map(WebApplication app)
            {
                RouteGroupBuilder? last = null;
                foreach (var name in new[] { "a", "b" })
                {
                    last = app.MapGroup(name);
                    last.MapGet("/x", () {|SAUTH0001:=>|} "open");
                }

                last!.RequireAuthorization();
            }
        }
        """);

    [Fact]
    public Task A_group_made_in_a_for_loop_and_guarded_after_it_in_top_level_statements_leaves_the_earlier_groups_open() => VerifyAppAsync("""
        var app = WebApplication.Create(args);
        string[] tenants = ["north", "south"];
        RouteGroupBuilder tenant = null!;
        for (var i = 0; i < tenants.Length; i++)
        {
            tenant = app.MapGroup("/" + tenants[i]);
            tenant.MapGet("/orders", () {|SAUTH0001:=>|} "orders");
        }

        tenant.RequireAuthorization();
        app.Run();
        """);

    [Fact]
    public Task An_endpoint_mapped_in_a_loop_and_guarded_after_it_leaves_the_earlier_endpoints_open() => VerifyAsync("""
        public static class Endpoints
        {
            public static void Map(WebApplication app)
            {
                RouteHandlerBuilder? endpoint = null;
                foreach (var path in new[] { "/a", "/b" })
                {
                    endpoint = app.MapGet(path, () {|SAUTH0001:=>|} "open");
                }

                endpoint!.RequireAuthorization();
            }
        }
        """);

    [Fact]
    public Task A_group_a_helper_makes_in_a_loop_and_guarded_after_it_leaves_the_earlier_groups_open() => VerifyAsync("""
        public static class Endpoints
        {
            public static void Map(WebApplication app)
            {
                RouteGroupBuilder group = null!;
                foreach (var name in new[] { "a", "b" })
                {
                    group = Tenant(app, name);
                }

                group.RequireAuthorization();
            }

            private static RouteGroupBuilder Tenant(WebApplication app, string name)
            {
                var group = app.MapGroup(name);
                group.MapGet("/x", () {|SAUTH0001:=>|} "open");
                return group;
            }
        }
        """);

    [Fact]
    public Task A_switch_expression_that_picks_an_open_group_is_reported() => VerifyAsync("""
        public static class Endpoints
        {
            public static void Map(WebApplication app, string mode)
            {
                var g = mode switch { "admin" => app.MapGroup("/admin").RequireAuthorization(), _ => app.MapGroup("/public") };
                g.MapGet("/x", () {|SAUTH0001:=>|} "x");
            }
        }
        """);

    [Fact]
    public Task A_vertical_slice_with_one_unguarded_call_site_is_reported() => VerifyAppAsync("""
        var app = WebApplication.Create(args);
        IEndpoint[] endpoints = [new GetOrders()];
        var api = app.MapGroup("/api").RequireAuthorization();
        foreach (var e in endpoints) e.MapEndpoint(api);
        var pub = app.MapGroup("/public");
        foreach (var e in endpoints) e.MapEndpoint(pub);
        app.Run();

        public interface IEndpoint { void MapEndpoint(RouteGroupBuilder group); }

        public sealed class GetOrders : IEndpoint
        {
            public void MapEndpoint(RouteGroupBuilder group) => group.MapGet("/orders", () {|SAUTH0001:=>|} "orders");
        }
        """);

    [Fact]
    public Task An_extension_helper_returning_its_group_with_one_unguarded_caller_is_reported() => VerifyAppAsync("""
        var app = WebApplication.Create(args);
        app.MapGroup("/a").MapOrders().RequireAuthorization();
        app.MapGroup("/b").MapOrders();
        app.Run();

        static class OrdersEndpoints
        {
            public static RouteGroupBuilder MapOrders(this RouteGroupBuilder g)
            {
                g.MapGet("/orders", () {|SAUTH0001:=>|} "orders");
                return g;
            }
        }
        """);

    [Fact]
    public Task A_field_guarded_in_one_method_and_replaced_in_another_is_reported() => VerifyAppAsync("""
        var app = WebApplication.Create(args);
        var m = new Module();
        m.Init(app);
        m.Reset(app);
        m.Map();
        app.Run();

        sealed class Module
        {
            private RouteGroupBuilder _g = null!;
            public void Init(WebApplication app) { _g = app.MapGroup("/a"); _g.RequireAuthorization(); }
            public void Reset(WebApplication app) => _g = app.MapGroup("/b");
            public void Map() => _g.MapGet("/x", () {|SAUTH0001:=>|} "x");
        }
        """);

    [Fact]
    public Task A_helper_called_twice_with_only_the_last_result_guarded_is_reported() => VerifyAppAsync("""
        var app = WebApplication.Create(args);
        RouteGroupBuilder g;
        g = Make(app, "/a");
        g = Make(app, "/b");
        g.RequireAuthorization();
        app.Run();

        static RouteGroupBuilder Make(WebApplication app, string p)
        {
            var group = app.MapGroup(p);
            group.MapGet("/x", () {|SAUTH0001:=>|} "x");
            return group;
        }
        """);

    [Fact]
    public Task A_recursive_local_function_making_nested_groups_is_reported() => VerifyAsync("""
        public static class Endpoints
        {
            public static void Map(WebApplication app)
            {
                var root = app.MapGroup("/r");
                var leaf = Nest(root, 3);
                leaf.RequireAuthorization();

                static RouteGroupBuilder Nest(RouteGroupBuilder g, int depth)
                {
                    var child = g.MapGroup("/n");
                    child.MapGet("/x", () {|SAUTH0001:=>|} "x");
                    return depth == 0 ? child : Nest(child, depth - 1);
                }
            }
        }
        """);

    [Fact]
    public Task A_guard_helper_that_guards_after_an_await_is_not_credited() => VerifyAppAsync("""
        var app = WebApplication.Create(args);
        var api = app.MapGroup("/api");
        api.MapGet("/orders", () {|SAUTH0001:=>|} "orders");
        _ = SecureLaterAsync(api);
        app.Run();

        static async Task SecureLaterAsync(RouteGroupBuilder group)
        {
            await Task.Delay(TimeSpan.FromSeconds(5));
            group.RequireAuthorization();
        }
        """);

    [Fact]
    public Task A_coalescing_assignment_of_an_open_group_to_a_field_is_reported() => VerifyAppAsync("""
        var app = WebApplication.Create(args);
        var m = new Module();
        m.Map(app);
        app.Run();

        sealed class Module
        {
            private RouteGroupBuilder? _g;
            public void Map(WebApplication app)
            {
                _g ??= app.MapGroup("/open");
                _g.MapGet("/x", () {|SAUTH0001:=>|} "x");
            }
        }
        """);

    [Fact]
    public Task MapServerFunctions_through_a_field_reused_for_a_second_mapping_leaves_it_open() => MinimalApiFlowTests.VerifyWithServerFunctionsAsync("""
        public sealed class Startup
        {
            private IEndpointConventionBuilder _functions = null!;

            public void Map(WebApplication app)
            {
                _functions = app.MapGroup("/members").MapServerFunctions();
                _functions.RequireSession();
                _functions = app.MapGroup("/open").MapServerFunctions();
            }
        }

        public static class Reports
        {
            [ServerFunction]
            public static int {|SAUTH0001:Daily|}() => 1;
        }
        """);

    [Fact]
    public Task A_group_made_guarded_and_mapped_on_in_each_iteration_is_guarded() => VerifyAsync("""
        public static class Endpoints
        {
            public static void Map(WebApplication app, string[] tenants)
            {
                foreach (var tenant in tenants)
                {
                    var group = app.MapGroup("/" + tenant);
                    group.MapGet("/orders", () => "orders");
                    group.RequireAuthorization();
                }
            }
        }
        """);
}
