using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using SessionAuth.Generators.Analyzers;

namespace SessionAuth.Analyzers.Tests;

/// <summary>
/// SAUTH0001 follows route groups and endpoint builders the way values flow: through reassigned locals and branches
/// (the control flow graph), and across methods of the compilation (parameters, returns, fields, interface calls).
/// </summary>
public sealed class MinimalApiFlowTests
{
    private static Task VerifyAsync(string source, params DiagnosticResult[] expected) => AnalyzerTest.VerifyAsync<EndpointGuardAnalyzer>(source, expected);

    private static Task VerifyAppAsync(string program, params DiagnosticResult[] expected) =>
        AnalyzerTest.VerifyProjectAsync<EndpointGuardAnalyzer>(OutputKind.ConsoleApplication, [("Program.cs", program)], expected);

    private static DiagnosticResult Conditional(int location, string endpoint) =>
        new DiagnosticResult(Descriptors.EndpointWithoutGuardDecision).WithLocation(location).WithArguments(endpoint, Descriptors.ConditionalGuardAdvice);

    // Reassigned locals

    [Fact]
    public Task An_open_group_assigned_to_a_local_after_a_guarded_one_is_reported() => VerifyAsync("""
        public static class Endpoints
        {
            public static void Map(WebApplication app)
            {
                var group = app.MapGroup("/admin").RequireAuthorization();
                group.MapGet("/users", () => "users");
                group = app.MapGroup("/public");
                group.MapGet("/open", () {|SAUTH0001:=>|} "open");
            }
        }
        """);

    [Fact]
    public Task A_guard_through_a_local_is_credited_to_the_group_it_holds_then_not_to_the_next() => VerifyAsync("""
        public static class Endpoints
        {
            public static void Map(WebApplication app)
            {
                var group = app.MapGroup("/admin");
                group.MapGet("/users", () => "users");
                group.RequireSession();
                group = app.MapGroup("/public");
                group.MapGet("/open", () {|SAUTH0001:=>|} "open");
            }
        }
        """);

    [Fact]
    public Task A_guard_after_the_local_is_reassigned_does_not_reach_the_group_it_held_before() => VerifyAsync("""
        public static class Endpoints
        {
            public static void Map(WebApplication app)
            {
                var group = app.MapGroup("/public");
                group.MapGet("/open", () {|SAUTH0001:=>|} "open");
                group = app.MapGroup("/admin");
                group.MapGet("/users", () => "users");
                group.RequireAuthorization();
            }
        }
        """);

    [Fact]
    public Task A_guarded_endpoint_builder_declared_first_and_assigned_later_is_not_reported() => VerifyAsync("""
        public static class Endpoints
        {
            public static void Map(WebApplication app)
            {
                RouteHandlerBuilder endpoint;
                endpoint = app.MapGet("/a", () => "a");
                endpoint.RequireAuthorization();

                IEndpointConventionBuilder other;
                other = app.MapGet("/b", () {|SAUTH0001:=>|} "b");
                other = app.MapGet("/c", () => "c");
                other.AllowAnonymous();
            }
        }
        """);

    [Fact]
    public Task Groups_made_and_guarded_in_a_loop_decide_for_the_endpoints_mapped_on_them() => VerifyAsync("""
        public static class Endpoints
        {
            public static void Map(WebApplication app, string[] prefixes)
            {
                foreach (var prefix in prefixes)
                {
                    var group = app.MapGroup(prefix);
                    group.RequireSession();
                    group.MapGet("/x", () => "x");
                }

                RouteGroupBuilder? last = null;
                foreach (var prefix in prefixes)
                {
                    last = app.MapGroup(prefix);
                    last.MapGet("/y", () {|SAUTH0001:=>|} "y");
                }

                last?.RequireSession();
            }
        }
        """);

    // Branches: a guard on some paths only is no decision

    [Fact]
    public Task A_guard_applied_on_one_branch_only_is_reported_as_conditional() => VerifyAsync("""
        public static class Endpoints
        {
            public static void Map(WebApplication app, bool production)
            {
                var group = app.MapGroup("/admin");
                if (production)
                {
                    group.RequireAuthorization();
                }

                group.MapGet("/users", () {|#0:=>|} "users");

                var single = app.MapGet("/single", () {|#1:=>|} "single");
                if (production)
                {
                    single.RequireSession();
                }
            }
        }
        """,
        Conditional(0, "Endpoint GET /users"),
        Conditional(1, "Endpoint GET /single"));

    [Fact]
    public Task A_decision_on_every_branch_decides() => VerifyAsync("""
        public static class Endpoints
        {
            public static void Map(WebApplication app, bool production)
            {
                var group = app.MapGroup("/admin");
                if (production)
                {
                    group.RequireAuthorization();
                }
                else
                {
                    group.AllowAnonymous();
                }

                group.MapGet("/users", () => "users");

                var other = production ? app.MapGroup("/a").RequireSession() : app.MapGroup("/b").RequireAuthorization();
                other.MapGet("/x", () => "x");
            }
        }
        """);

    [Fact]
    public Task A_group_created_and_guarded_on_one_branch_decides_for_the_endpoints_mapped_on_it_there() => VerifyAsync("""
        public static class Endpoints
        {
            public static void Map(WebApplication app, bool withAdmin)
            {
                if (withAdmin)
                {
                    var admin = app.MapGroup("/admin").RequireSession();
                    admin.MapGet("/users", () => "users");
                }

                app.MapGet("/home", () {|SAUTH0001:=>|} "home");
            }
        }
        """);

    [Fact]
    public Task A_guard_through_a_local_that_may_hold_either_of_two_groups_decides_for_neither() => VerifyAsync("""
        public static class Endpoints
        {
            public static void Map(WebApplication app, bool flag)
            {
                var a = app.MapGroup("/a");
                var b = app.MapGroup("/b");
                var either = flag ? a : b;
                either.RequireAuthorization();
                a.MapGet("/x", () {|SAUTH0001:=>|} "x");
                b.MapGet("/y", () {|SAUTH0001:=>|} "y");
            }
        }
        """);

    // Across methods

    [Fact]
    public Task A_group_returned_by_a_helper_is_decided_when_every_return_is() => VerifyAsync("""
        public static class Endpoints
        {
            public static void Map(WebApplication app)
            {
                Guarded(app).MapGet("/a", () => "a");
                var open = Open(app);
                open.MapGet("/b", () {|SAUTH0001:=>|} "b");
                Mixed(app, true).MapGet("/c", () {|SAUTH0001:=>|} "c");
                app.MapGroup("/d").WithApiDefaults().MapGet("/d", () {|SAUTH0001:=>|} "d");
                app.MapGroup("/e").RequireSession().WithApiDefaults().MapGet("/e", () => "e");
            }

            private static RouteGroupBuilder Guarded(WebApplication app) => app.MapGroup("/api").RequireAuthorization();

            private static RouteGroupBuilder Open(WebApplication app)
            {
                var group = app.MapGroup("/open");
                return group;
            }

            private static RouteGroupBuilder Mixed(WebApplication app, bool flag)
            {
                if (flag)
                {
                    return app.MapGroup("/x").RequireAuthorization();
                }

                return app.MapGroup("/y");
            }
        }

        internal static class GroupExtensions
        {
            public static RouteGroupBuilder WithApiDefaults(this RouteGroupBuilder group) => group.WithTags("api");
        }
        """);

    [Fact]
    public Task A_builder_a_helper_returns_is_decided_by_a_guard_every_caller_applies_to_it() => VerifyAsync("""
        public static class Endpoints
        {
            public static void Map(WebApplication app, bool flag)
            {
                MapList(app).RequireAuthorization();
                MapOrders(app).RequireSession();
                var reports = MapReports(app);
                reports.WithMetadata(new AllowAnonymousAttribute());
                if (flag)
                {
                    var api = Api(app);
                    api.RequireAuthorization();
                    api.MapGet("/in-branch", () => "in a branch");
                }
            }

            private static RouteHandlerBuilder MapList(WebApplication app) => app.MapGet("/list", () => "list");

            // Endpoints mapped on a group before it is returned are covered by the guard the caller adds after.
            private static RouteGroupBuilder MapOrders(WebApplication app)
            {
                var group = app.MapGroup("/orders");
                group.MapGet("/", () => "orders");
                return group;
            }

            private static RouteHandlerBuilder MapReports(WebApplication app) => MapDaily(app);

            private static RouteHandlerBuilder MapDaily(WebApplication app) => app.MapGet("/reports/daily", () => "daily");

            private static RouteGroupBuilder Api(WebApplication app) => app.MapGroup("/api");
        }
        """);

    [Fact]
    public Task A_builder_a_helper_returns_is_open_when_a_caller_or_a_path_leaves_it_unguarded() => VerifyAsync("""
        public static class Endpoints
        {
            public static void Map(WebApplication app, bool flag)
            {
                MapOpen(app);
                MapMixed(app).RequireAuthorization();
                MapMixed(app);
                var conditional = MapConditional(app);
                if (flag)
                {
                    conditional.RequireAuthorization();
                }

                MapDropped(app, flag).RequireAuthorization();
                MapPublic(app).RequireAuthorization();
            }

            private static RouteHandlerBuilder MapOpen(WebApplication app) => app.MapGet("/open", () {|SAUTH0001:=>|} "open");

            private static RouteHandlerBuilder MapMixed(WebApplication app) => app.MapGet("/mixed", () {|#0:=>|} "mixed");

            private static RouteHandlerBuilder MapConditional(WebApplication app) => app.MapGet("/conditional", () {|#1:=>|} "conditional");

            // On one path the endpoint is neither guarded nor returned: no caller can guard it there.
            private static RouteHandlerBuilder MapDropped(WebApplication app, bool flag)
            {
                var dropped = app.MapGet("/dropped", () {|SAUTH0001:=>|} "dropped");
                if (flag)
                {
                    return dropped;
                }

                return app.MapGet("/kept", () => "kept");
            }

            // A library's public method: callers in other assemblies may leave what it returns open.
            public static RouteHandlerBuilder MapPublic(WebApplication app) => app.MapGet("/public", () {|SAUTH0001:=>|} "public");
        }
        """,
        Conditional(0, "Endpoint GET /mixed"),
        Conditional(1, "Endpoint GET /conditional"));

    [Fact]
    public Task A_parameter_is_decided_when_every_call_in_the_compilation_passes_a_decided_group() => VerifyAsync("""
        public static class Endpoints
        {
            public static void Map(WebApplication app)
            {
                var api = app.MapGroup("/api").RequireAuthorization();
                MapOrders(api);
                MapOrders(api.MapGroup("/v2"));

                MapUsers(api);
                MapUsers(app.MapGroup("/open"));

                MapNothing();
            }

            private static void MapOrders(RouteGroupBuilder group) => group.MapGet("/orders", () => "orders");

            private static void MapUsers(RouteGroupBuilder group) => group.MapGet("/users", () {|SAUTH0001:=>|} "users");

            private static void MapNothing() { }

            private static void NeverCalled(RouteGroupBuilder group) => group.MapGet("/never", () {|SAUTH0001:=>|} "never");
        }
        """);

    [Fact]
    public Task A_parameter_of_a_method_callers_outside_the_compilation_can_reach_is_not_decided() => VerifyAsync("""
        public static class Endpoints
        {
            public static void Map(WebApplication app)
            {
                var api = app.MapGroup("/api").RequireAuthorization();
                MapPublic(api);
                MapReferenced(api);
                Action<RouteGroupBuilder> later = MapReferenced;
                later(api);
            }

            // A library's public method: another assembly may call it with any group.
            public static void MapPublic(RouteGroupBuilder group) => group.MapGet("/public", () {|SAUTH0001:=>|} "public");

            // Turned into a delegate: whoever holds the delegate can call it with any group.
            private static void MapReferenced(RouteGroupBuilder group) => group.MapGet("/referenced", () {|SAUTH0001:=>|} "referenced");
        }
        """);

    [Fact]
    public Task A_parameter_read_in_a_lambda_of_its_method_is_followed_from_the_method_calls() => VerifyAsync("""
        public static class Endpoints
        {
            public static void Map(WebApplication app, string[] names)
            {
                MapNames(app.MapGroup("/api").RequireAuthorization(), names);
                MapOthers(app.MapGroup("/open"), names);
            }

            private static void MapNames(RouteGroupBuilder group, string[] names) =>
                Array.ForEach(names, name => group.MapGet("/" + name, () => name));

            private static void MapOthers(RouteGroupBuilder group, string[] names) =>
                Array.ForEach(names, name => group.MapGet("/" + name, () {|SAUTH0001:=>|} name));
        }
        """);

    [Fact]
    public Task A_guard_applied_to_the_parameter_inside_the_method_decides_for_its_endpoints() => VerifyAsync("""
        public static class Endpoints
        {
            public static void MapAdmin(RouteGroupBuilder group)
            {
                group.RequireSession();
                group.MapGet("/admin", () => "admin");
            }
        }
        """);

    [Fact]
    public Task The_vertical_slice_pattern_is_decided_when_every_interface_call_passes_a_guarded_group() => VerifyAppAsync("""
        var app = WebApplication.CreateBuilder(args).Build();
        var api = app.MapGroup("/api").RequireAuthorization();
        IEndpoint[] endpoints = [new GetOrders(), new GetUsers()];
        foreach (var endpoint in endpoints)
        {
            endpoint.MapEndpoint(api);
        }

        app.Run();

        public interface IEndpoint
        {
            void MapEndpoint(RouteGroupBuilder group);
        }

        public sealed class GetOrders : IEndpoint
        {
            public void MapEndpoint(RouteGroupBuilder group) => group.MapGet("/orders", () => "orders");
        }

        public sealed class GetUsers : IEndpoint
        {
            void IEndpoint.MapEndpoint(RouteGroupBuilder group) => group.MapGet("/users", () => "users");
        }
        """);

    [Fact]
    public Task The_vertical_slice_pattern_is_reported_when_one_interface_call_passes_an_open_group() => VerifyAppAsync("""
        var app = WebApplication.CreateBuilder(args).Build();
        var api = app.MapGroup("/api").RequireAuthorization();
        IEndpoint orders = new GetOrders();
        orders.MapEndpoint(api);
        orders.MapEndpoint(app.MapGroup("/open"));
        app.Run();

        public interface IEndpoint
        {
            void MapEndpoint(RouteGroupBuilder group);
        }

        public sealed class GetOrders : IEndpoint
        {
            public void MapEndpoint(RouteGroupBuilder group) => group.MapGet("/orders", () {|SAUTH0001:=>|} "orders");
        }
        """);

    [Fact]
    public Task A_local_function_of_the_top_level_statements_is_followed_from_its_calls() => VerifyAppAsync("""
        var app = WebApplication.CreateBuilder(args).Build();
        MapOrders(app.MapGroup("/orders").RequireSession());
        MapUsers(app.MapGroup("/users"));
        app.Run();

        static void MapOrders(RouteGroupBuilder group) => group.MapGet("/", () => "orders");

        static void MapUsers(RouteGroupBuilder group) => group.MapGet("/", () {|SAUTH0001:=>|} "users");
        """);

    [Fact]
    public Task A_group_held_in_a_field_or_property_is_decided_when_every_write_is() => VerifyAsync("""
        internal sealed class Api
        {
            private readonly RouteGroupBuilder _guarded;

            public Api(WebApplication app)
            {
                _guarded = app.MapGroup("/api").RequireAuthorization();
                Open = app.MapGroup("/open");
            }

            internal RouteGroupBuilder Open { get; }

            public void Map()
            {
                _guarded.MapGet("/a", () => "a");
                Open.MapGet("/b", () {|SAUTH0001:=>|} "b");
            }
        }
        """);

    [Fact]
    public Task A_lambda_parameter_is_not_followed_because_its_callers_are_not_visible() => VerifyAsync("""
        public static class Endpoints
        {
            public static void Map(WebApplication app)
            {
                Action<RouteGroupBuilder> map = group => group.MapGet("/x", () {|SAUTH0001:=>|} "x");
                map(app.MapGroup("/api").RequireAuthorization());
            }
        }
        """);

    [Fact]
    public Task An_endpoint_mapped_in_a_lambda_on_a_guarded_group_of_the_outer_body_is_decided() => VerifyAsync("""
        public static class Endpoints
        {
            public static void Map(WebApplication app, string[] names)
            {
                var api = app.MapGroup("/api").RequireAuthorization();
                Array.ForEach(names, name => api.MapGet("/" + name, () => name));
                var open = app.MapGroup("/open");
                Array.ForEach(names, name => open.MapGet("/" + name, () {|SAUTH0001:=>|} name));
            }
        }
        """);

    // Server functions: a guard convention on what MapServerFunctions() returns reaches every one of them

    internal const string GeneratedMapServerFunctions = """
        namespace SessionAuth
        {
            internal static class ServerFunctionEndpointRouteBuilderExtensions
            {
                public static IEndpointConventionBuilder MapServerFunctions(this IEndpointRouteBuilder endpoints) =>
                    SessionAuth.Infrastructure.ServerFunctionRoutes.MapGroup(endpoints);
            }
        }
        """;

    internal static Task VerifyWithServerFunctionsAsync(string source, params DiagnosticResult[] expected) =>
        AnalyzerTest.VerifyProjectAsync<EndpointGuardAnalyzer>(
            OutputKind.DynamicallyLinkedLibrary, [("Startup.cs", source), ("ServerFunctions.Map.g.cs", GeneratedMapServerFunctions)], expected);

    [Fact]
    public Task A_guard_on_every_MapServerFunctions_call_decides_for_server_functions_without_a_decision() => VerifyWithServerFunctionsAsync("""
        public static class Startup
        {
            public static void Map(WebApplication app) => app.MapServerFunctions().RequireSession();
        }

        public static class Reports
        {
            [ServerFunction]
            public static int Daily() => 1;
        }
        """);

    [Fact]
    public Task A_guard_on_MapServerFunctions_through_a_local_decides_too() => VerifyWithServerFunctionsAsync("""
        public static class Startup
        {
            public static void Map(WebApplication app)
            {
                var functions = app.MapServerFunctions();
                functions.RequireAuthorization();
            }
        }

        public static class Reports
        {
            [ServerFunction]
            public static int Daily() => 1;
        }
        """);

    [Theory]
    [InlineData("Functions(app).RequireSession();", false)]
    [InlineData("Functions(app).WithMetadata(new AuthorizeAttribute());", false)]
    [InlineData("Functions(app);", true)]
    public Task MapServerFunctions_returned_by_a_helper_is_decided_by_its_callers_guard(string call, bool fire) => VerifyWithServerFunctionsAsync($$"""
        public static class Startup
        {
            public static void Map(WebApplication app) => {{call}}

            private static IEndpointConventionBuilder Functions(IEndpointRouteBuilder endpoints) => endpoints.MapServerFunctions();
        }

        public static class Reports
        {
            [ServerFunction]
            public static int {{(fire ? "{|SAUTH0001:Daily|}" : "Daily")}}() => 1;
        }
        """);

    [Fact]
    public Task MapServerFunctions_without_a_guard_decides_nothing() => VerifyWithServerFunctionsAsync("""
        public static class Startup
        {
            public static void Map(WebApplication app) => app.MapServerFunctions().WithTags("functions");
        }

        public static class Reports
        {
            [ServerFunction]
            public static int {|SAUTH0001:Daily|}() => 1;
        }
        """);

    [Fact]
    public Task One_MapServerFunctions_call_without_a_guard_leaves_every_function_open() => VerifyWithServerFunctionsAsync("""
        public static class Startup
        {
            public static void Map(WebApplication app, bool production)
            {
                if (production)
                {
                    app.MapServerFunctions().RequireSession();
                }
                else
                {
                    app.MapServerFunctions();
                }
            }
        }

        public static class Reports
        {
            [ServerFunction]
            public static int {|SAUTH0001:Daily|}() => 1;
        }
        """);

    // Endpoint kinds beyond MapGet and friends

    [Fact]
    public Task A_hub_is_decided_by_its_class_or_a_convention_and_not_by_its_methods() => VerifyAsync("""
        public static class Hubs
        {
            public static void Map(WebApplication app)
            {
                app.{|SAUTH0001:MapHub<OpenHub>|}("/open");
                app.{|SAUTH0001:MapHub<MethodGuardedHub>|}("/methods");
                app.MapHub<ClassGuardedHub>("/class");
                app.MapHub<InheritedGuardHub>("/inherited");
                app.MapHub<OpenHub>("/convention").RequireSession();
                app.MapGroup("/admin").RequireAuthorization().MapHub<OpenHub>("/group");
            }
        }

        public sealed class OpenHub : Microsoft.AspNetCore.SignalR.Hub;

        public sealed class MethodGuardedHub : Microsoft.AspNetCore.SignalR.Hub
        {
            [Authorize]
            public string Send(string message) => message;
        }

        [Authorize]
        public class ClassGuardedHub : Microsoft.AspNetCore.SignalR.Hub;

        public sealed class InheritedGuardHub : ClassGuardedHub;
        """);

    [Fact]
    public Task A_health_check_endpoint_needs_a_decision_like_any_other() => VerifyAsync("""
        public static class Health
        {
            public static void Map(WebApplication app)
            {
                app.{|SAUTH0001:MapHealthChecks|}("/health");
                app.MapHealthChecks("/ready").AllowAnonymous();
                app.MapHealthChecks("/details").RequireAuthorization("ops");
            }
        }
        """);

    [Fact]
    public Task Static_files_the_SPA_fallback_file_and_the_Identity_API_are_not_reported() => VerifyAsync("""
        public static class Assets
        {
            public static void Map(WebApplication app)
            {
                app.MapStaticAssets();
                app.MapFallbackToFile("index.html");
                app.MapIdentityApi<Microsoft.AspNetCore.Identity.IdentityUser>();
                app.MapRazorPages();
            }
        }
        """);
}
