using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using SessionAuth.Generators.Analyzers;

namespace SessionAuth.Analyzers.Tests;

/// <summary>
/// Review of issue 21: shapes of route groups and endpoint builders that the flow tests do not contain. Each test states
/// what ASP.NET Core does with the shape: an open endpoint must be reported, a guarded one must not.
/// </summary>
public sealed class GroupAndBuilderShapeFlowTests
{
    private static Task VerifyAsync(string source, params DiagnosticResult[] expected) => AnalyzerTest.VerifyAsync<EndpointGuardAnalyzer>(source, expected);

    private static Task VerifyAppAsync(string program, params DiagnosticResult[] expected) =>
        AnalyzerTest.VerifyProjectAsync<EndpointGuardAnalyzer>(OutputKind.ConsoleApplication, [("Program.cs", program)], expected);

    // Writes of a field that are not simple assignments: the field then holds an open group.

    [Fact]
    public Task A_field_overwritten_through_a_ref_argument_holds_an_open_group() => VerifyAsync("""
        public static class Endpoints
        {
            private static RouteGroupBuilder _api = null!;

            public static void Map(WebApplication app)
            {
                _api = app.MapGroup("/api").RequireAuthorization();
                System.Threading.Interlocked.Exchange(ref _api, app.MapGroup("/open"));
                _api.MapGet("/orders", () {|SAUTH0001:=>|} "orders");
            }
        }
        """);

    [Fact]
    public Task A_field_written_through_an_out_argument_holds_an_open_group() => VerifyAsync("""
        public static class Endpoints
        {
            private static RouteGroupBuilder _api = null!;

            public static void Map(WebApplication app)
            {
                _api = app.MapGroup("/api").RequireAuthorization();
                Open(app, out _api);
                _api.MapGet("/orders", () {|SAUTH0001:=>|} "orders");
            }

            private static void Open(WebApplication app, out RouteGroupBuilder group) => group = app.MapGroup("/open");
        }
        """);

    [Fact]
    public Task A_field_written_by_a_deconstruction_holds_an_open_group() => VerifyAsync("""
        public static class Endpoints
        {
            private static RouteGroupBuilder _api = null!;

            public static void Map(WebApplication app)
            {
                _api = app.MapGroup("/api").RequireAuthorization();
                (_api, var version) = (app.MapGroup("/open"), 2);
                _api.MapGet("/orders", () {|SAUTH0001:=>|} "orders");
            }
        }
        """);

    [Fact]
    public Task A_field_written_through_a_ref_local_holds_an_open_group() => VerifyAsync("""
        public static class Endpoints
        {
            private static RouteGroupBuilder _api = null!;

            public static void Map(WebApplication app)
            {
                _api = app.MapGroup("/api").RequireAuthorization();
                ref var slot = ref _api;
                slot = app.MapGroup("/open");
                _api.MapGet("/orders", () {|SAUTH0001:=>|} "orders");
            }
        }
        """);

    // Guards that never run.

    [Fact]
    public Task A_guard_inside_a_lambda_that_is_never_invoked_does_not_decide() => VerifyAsync("""
        public static class Endpoints
        {
            public static void Map(WebApplication app)
            {
                var group = app.MapGroup("/api");
                Action secure = () => group.RequireAuthorization();
                group.MapGet("/orders", () {|SAUTH0001:=>|} "orders");
            }
        }
        """);

    [Fact]
    public Task A_guard_inside_a_local_function_that_is_never_called_does_not_decide() => VerifyAsync("""
        public static class Endpoints
        {
            public static void Map(WebApplication app)
            {
                var group = app.MapGroup("/api");
                group.MapGet("/orders", () {|SAUTH0001:=>|} "orders");

                void Secure() => group.RequireAuthorization();
            }
        }
        """);

    // A method of the project named like a guard convention is not the framework's.

    [Fact]
    public Task A_project_method_named_RequireAuthorization_that_adds_nothing_does_not_decide() => VerifyAsync("""
        public static class Endpoints
        {
            public static void Map(WebApplication app, bool secure)
            {
                app.MapGet("/orders", () {|SAUTH0001:=>|} "orders").RequireAuthorization(secure);
            }
        }

        public static class Conventions
        {
            public static RouteHandlerBuilder RequireAuthorization(this RouteHandlerBuilder builder, bool enabled) =>
                enabled ? AuthorizationEndpointConventionBuilderExtensions.RequireAuthorization(builder) : builder;
        }
        """);

    // Guarded shapes that must stay quiet.

    [Fact]
    public Task A_guard_wrapped_in_an_extension_method_of_the_project_decides() => VerifyAsync("""
        public static class Endpoints
        {
            public static void Map(WebApplication app)
            {
                app.MapGet("/orders", () => "orders").RequireAdmin();
                app.MapGroup("/admin").RequireAdmin().MapGet("/users", () => "users");
            }
        }

        public static class Conventions
        {
            public static TBuilder RequireAdmin<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
                builder.RequireAuthorization("admin");
        }
        """);

    [Fact]
    public Task A_guard_decided_in_every_arm_of_a_switch_decides() => VerifyAsync("""
        public static class Endpoints
        {
            public static void Map(WebApplication app, int mode)
            {
                var group = app.MapGroup("/api");
                switch (mode)
                {
                    case 0:
                        group.RequireAuthorization();
                        break;
                    case 1:
                        group.RequireSession();
                        break;
                    default:
                        group.AllowAnonymous();
                        break;
                }

                group.MapGet("/orders", () => "orders");
            }
        }
        """);

    [Fact]
    public Task A_guard_in_a_try_block_with_a_finally_decides() => VerifyAsync("""
        public static class Endpoints
        {
            public static void Map(WebApplication app)
            {
                var group = app.MapGroup("/api");
                try
                {
                    group.RequireAuthorization();
                }
                finally
                {
                    Console.WriteLine("mapped");
                }

                group.MapGet("/orders", () => "orders");
            }
        }
        """);

    [Fact]
    public Task A_guard_through_a_null_conditional_call_on_a_group_that_is_never_null_decides() => VerifyAsync("""
        public static class Endpoints
        {
            public static void Map(WebApplication app)
            {
                RouteGroupBuilder? group = app.MapGroup("/api");
                group?.RequireAuthorization();
                group!.MapGet("/orders", () => "orders");
            }
        }
        """);

    [Fact]
    public Task A_guard_in_a_ternary_whose_both_arms_decide_decides() => VerifyAsync("""
        public static class Endpoints
        {
            public static void Map(WebApplication app, bool admin)
            {
                var group = app.MapGroup("/api");
                _ = admin ? group.RequireAuthorization("admin") : group.RequireAuthorization();
                group.MapGet("/orders", () => "orders");
            }
        }
        """);

    [Fact]
    public Task A_group_from_a_deconstructed_tuple_keeps_its_own_guard_decision() => VerifyAsync("""
        public static class Endpoints
        {
            public static void Map(WebApplication app)
            {
                var (admin, open) = (app.MapGroup("/admin").RequireAuthorization(), app.MapGroup("/open"));
                open.MapGet("/orders", () {|SAUTH0001:=>|} "orders");
            }
        }
        """);

    [Fact]
    public Task A_record_property_holding_an_open_group_does_not_decide() => VerifyAsync("""
        public static class Endpoints
        {
            public static void Map(WebApplication app)
            {
                var routes = new Routes(app.MapGroup("/open"));
                routes = routes with { Api = app.MapGroup("/api").RequireAuthorization() };
                var first = new Routes(app.MapGroup("/open2"));
                first.Api.MapGet("/orders", () {|SAUTH0001:=>|} "orders");
            }
        }

        public sealed record Routes(RouteGroupBuilder Api);
        """);

    [Fact]
    public Task A_server_function_mapping_guarded_under_an_if_only_does_not_decide() => MinimalApiFlowTests.VerifyWithServerFunctionsAsync("""
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

        public static class Orders
        {
            [ServerFunction]
            public static string {|SAUTH0001:List|}() => "orders";
        }
        """);

    [Fact]
    public Task A_field_overwritten_with_an_open_group_inside_a_lambda_does_not_decide() => VerifyAsync("""
        public static class Endpoints
        {
            private static RouteGroupBuilder _api = null!;

            public static void Map(WebApplication app)
            {
                _api = app.MapGroup("/api").RequireAuthorization();
                Action reset = () => _api = app.MapGroup("/open");
                reset();
                _api.MapGet("/orders", () {|SAUTH0001:=>|} "orders");
            }
        }
        """);

    [Fact]
    public Task A_property_overwritten_through_a_setter_it_calls_with_an_open_group_does_not_decide() => VerifyAsync("""
        public sealed class Routes
        {
            private RouteGroupBuilder _api = null!;

            public RouteGroupBuilder Api { get => _api; set => _api = value; }

            public void Map(WebApplication app)
            {
                Api = app.MapGroup("/open");
                Api.MapGet("/orders", () {|SAUTH0001:=>|} "orders");
            }
        }
        """);

    [Fact]
    public Task A_group_guarded_by_a_helper_it_is_passed_to_is_decided() => VerifyAsync("""
        public static class Endpoints
        {
            public static void Map(WebApplication app)
            {
                var api = app.MapGroup("/api");
                Secure(api);
                api.MapGet("/orders", () => "orders");
            }

            private static void Secure(RouteGroupBuilder group) => group.RequireAuthorization("staff");
        }
        """);

    // A library's internal method is callable from its friend assemblies: those callers are not visible either.

    [Fact]
    public Task A_group_parameter_of_an_internal_method_of_a_library_with_InternalsVisibleTo_is_not_decided() => VerifyAsync("""
        [assembly: System.Runtime.CompilerServices.InternalsVisibleTo("Orders.Host")]

        public static class Startup
        {
            public static void Map(WebApplication app) => Endpoints.MapOrders(app.MapGroup("/orders").RequireAuthorization());
        }

        internal static class Endpoints
        {
            internal static void MapOrders(RouteGroupBuilder group) => group.MapGet("/", () {|SAUTH0001:=>|} "orders");
        }
        """);
}
