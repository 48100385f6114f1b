using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using SessionAuth.Generators.Analyzers;

namespace SessionAuth.Analyzers.Tests;

/// <summary>
/// Review 21b: shapes in which SAUTH0001 stays silent while ASP.NET Core serves the endpoint to anyone. Each
/// test states the run-time behaviour of the shape; the markup is what the rule must report.
/// </summary>
public sealed class Review21bFlowTests
{
    private static Task VerifyAsync(string source, params DiagnosticResult[] expected) => AnalyzerTest.VerifyAsync<EndpointGuardAnalyzer>(source, expected);

    private static Task VerifyAppAsync(string program, params DiagnosticResult[] expected) =>
        AnalyzerTest.VerifyProjectAsync<EndpointGuardAnalyzer>(OutputKind.ConsoleApplication, [("Program.cs", program)], expected);

    // One creation site in a loop makes one group per iteration; a guard after the loop reaches only the last one. Without
    // an initial value the local holds only the loop's creation after the loop (a do/while assigns it on every path), so
    // the guard looks certain to the flow (one value) and is credited to the groups of every iteration.

    [Fact]
    public Task A_group_made_in_a_do_while_loop_and_guarded_after_it_leaves_the_earlier_groups_open() => VerifyAsync("""
        public static class Endpoints
        {
            public static void Map(WebApplication app, string[] tenants)
            {
                RouteGroupBuilder tenant;
                var i = 0;
                do
                {
                    tenant = app.MapGroup("/" + tenants[i]);
                    tenant.MapGet("/orders", () {|SAUTH0001:=>|} "orders");
                }
                while (++i < tenants.Length);

                tenant.RequireAuthorization();
            }
        }
        """);

    [Fact]
    public Task An_endpoint_mapped_in_a_do_while_loop_and_guarded_after_it_leaves_the_earlier_endpoints_open() => VerifyAsync("""
        public static class Endpoints
        {
            public static void Map(WebApplication app, string[] paths)
            {
                RouteHandlerBuilder endpoint;
                var i = 0;
                do
                {
                    endpoint = app.MapGet(paths[i], () {|SAUTH0001:=>|} "open");
                }
                while (++i < paths.Length);

                endpoint.RequireAuthorization();
            }
        }
        """);

    [Fact]
    public Task A_group_a_helper_makes_in_a_do_while_loop_and_guarded_after_it_leaves_the_earlier_groups_open() => VerifyAsync("""
        public static class Endpoints
        {
            public static void Map(WebApplication app, string[] tenants)
            {
                RouteGroupBuilder group;
                var i = 0;
                do
                {
                    group = Tenant(app, tenants[i]);
                }
                while (++i < tenants.Length);

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
    public Task A_group_made_in_a_while_true_loop_and_guarded_after_it_leaves_the_earlier_groups_open() => VerifyAsync("""
        public static class Endpoints
        {
            public static void Map(WebApplication app, System.Collections.Generic.Queue<string> tenants)
            {
                RouteGroupBuilder tenant;
                while (true)
                {
                    tenant = app.MapGroup("/" + tenants.Dequeue());
                    tenant.MapGet("/orders", () {|SAUTH0001:=>|} "orders");
                    if (tenants.Count == 0)
                    {
                        break;
                    }
                }

                tenant.RequireAuthorization();
            }
        }
        """);

    // A field (or auto-property) is one value to the flow: a guard on it is credited to every group ever written to it.

    [Fact]
    public Task A_field_reused_for_a_second_group_after_guarding_the_first_leaves_the_second_open() => VerifyAsync("""
        public sealed class Endpoints
        {
            private RouteGroupBuilder _group = null!;

            public void Map(WebApplication app)
            {
                _group = app.MapGroup("/admin");
                _group.RequireAuthorization();
                _group.MapGet("/users", () => "users");

                _group = app.MapGroup("/public");
                _group.MapGet("/orders", () {|SAUTH0001:=>|} "orders");
            }
        }
        """);

    [Fact]
    public Task A_field_written_twice_and_guarded_once_leaves_the_first_group_open() => VerifyAsync("""
        public sealed class Endpoints
        {
            private RouteGroupBuilder _group = null!;

            public void Map(WebApplication app)
            {
                _group = app.MapGroup("/public");
                _group.MapGet("/orders", () {|SAUTH0001:=>|} "orders");

                _group = app.MapGroup("/admin");
                _group.MapGet("/users", () => "users");
                _group.RequireAuthorization();
            }
        }
        """);

    [Fact]
    public Task An_auto_property_reused_for_a_second_group_leaves_the_second_open() => VerifyAsync("""
        public abstract class EndpointModule
        {
            protected RouteGroupBuilder Group { get; set; } = null!;
        }

        public sealed class OrdersModule : EndpointModule
        {
            public void Map(WebApplication app)
            {
                Group = app.MapGroup("/admin").RequireAuthorization();
                Group.MapGet("/users", () => "users");
                Group.RequireAuthorization();

                Group = app.MapGroup("/public");
                Group.MapGet("/orders", () {|SAUTH0001:=>|} "orders");
            }
        }
        """);

    // A local function or lambda that writes a local of the body around it, called before the endpoint is mapped.

    [Fact]
    public Task A_local_function_that_replaces_a_captured_group_leaves_the_endpoint_open() => VerifyAsync("""
        public static class Endpoints
        {
            public static void Map(WebApplication app)
            {
                var api = app.MapGroup("/api").RequireAuthorization();
                void UseVersion2() => api = app.MapGroup("/v2");
                UseVersion2();
                api.MapGet("/orders", () {|SAUTH0001:=>|} "orders");
            }
        }
        """);

    // A catch block runs when its try throws; the group it makes is the one the endpoint is mapped on.

    [Fact]
    public Task A_group_a_catch_block_makes_leaves_the_endpoint_open() => VerifyAsync("""
        public static class Endpoints
        {
            public static void Map(WebApplication app, Func<string> prefix)
            {
                RouteGroupBuilder api;
                try
                {
                    api = app.MapGroup(prefix()).RequireAuthorization();
                }
                catch (InvalidOperationException)
                {
                    api = app.MapGroup("/api");
                }

                api.MapGet("/orders", () {|SAUTH0001:=>|} "orders");
            }
        }
        """);

    // A member is one value to the flow whatever instance it is read through: a guard on admin.Group is credited to
    // open.Group, another object's group (classes, records, tuples).

    [Fact]
    public Task A_group_field_of_one_instance_guarded_is_credited_to_the_field_of_another_instance() => VerifyAppAsync("""
        var app = WebApplication.Create(args);
        var admin = new Area { Group = app.MapGroup("/admin") };
        var open = new Area { Group = app.MapGroup("/public") };
        admin.Group.RequireAuthorization();
        admin.Group.MapGet("/users", () => "users");
        open.Group.MapGet("/orders", () {|SAUTH0001:=>|} "orders");
        app.Run();

        public sealed class Area
        {
            public RouteGroupBuilder Group = null!;
        }
        """);

    [Fact]
    public Task A_group_property_of_one_record_guarded_is_credited_to_the_property_of_another_record() => VerifyAppAsync("""
        var app = WebApplication.Create(args);
        var admin = new ApiArea("admin", app.MapGroup("/admin"));
        var open = new ApiArea("public", app.MapGroup("/public"));
        admin.Group.RequireAuthorization();
        open.Group.MapGet("/orders", () {|SAUTH0001:=>|} "orders");
        app.Run();

        public sealed record ApiArea(string Name, RouteGroupBuilder Group);
        """);

    [Fact]
    public Task A_group_in_one_tuple_guarded_is_credited_to_the_group_in_another_tuple() => VerifyAppAsync("""
        var app = WebApplication.Create(args);
        var admin = (Name: "admin", Group: app.MapGroup("/admin"));
        var open = (Name: "public", Group: app.MapGroup("/public"));
        admin.Group.RequireAuthorization();
        open.Group.MapGet("/orders", () {|SAUTH0001:=>|} "orders");
        app.Run();
        """);

    [Fact]
    public Task A_nested_group_made_in_a_do_while_loop_and_guarded_after_it_leaves_the_earlier_groups_open() => VerifyAsync("""
        public static class Endpoints
        {
            public static void Map(WebApplication app, string[] names)
            {
                var outer = app.MapGroup("/o");
                RouteGroupBuilder inner;
                var i = 0;
                do { inner = outer.MapGroup(names[i]); inner.MapGet("/x", () {|SAUTH0001:=>|} "x"); } while (++i < names.Length);
                inner.RequireAuthorization();
            }
        }
        """);

    // A finally block always runs: the endpoint is mapped on the group it made. (Like a catch block, its region has no
    // predecessor in the control flow graph, so the flow never enters it.)

    [Fact]
    public Task A_group_a_finally_block_makes_leaves_the_endpoint_open() => VerifyAsync("""
        public static class Endpoints
        {
            public static void Map(WebApplication app, Action load)
            {
                var api = app.MapGroup("/api").RequireAuthorization();
                try
                {
                    load();
                }
                finally
                {
                    api = app.MapGroup("/open");
                }

                api.MapGet("/orders", () {|SAUTH0001:=>|} "orders");
            }
        }
        """);
}
