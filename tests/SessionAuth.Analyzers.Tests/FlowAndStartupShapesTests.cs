using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using SessionAuth.Generators.Analyzers;

namespace SessionAuth.Analyzers.Tests;

/// <summary>
/// SAUTH0001/SAUTH0004 on shapes a review attacked that the rules get right (loops, members by receiver, captured writes,
/// catch filters, AllowAnonymous under RequireSession, fallback policies, custom and inherited route templates), kept so
/// that changes to the flow or the start-up reading do not lose them. Some are right only because the rule errs on the
/// side of firing (a group from an iterator, an async helper, a dictionary), as the rule page says.
/// </summary>
public sealed class FlowAndStartupShapesTests
{
    private static Task VerifyAsync(string source, params DiagnosticResult[] expected) => AnalyzerTest.VerifyAsync<EndpointGuardAnalyzer>(source, expected);

    private static Task VerifyAppAsync(string program, params DiagnosticResult[] expected) =>
        AnalyzerTest.VerifyProjectAsync<EndpointGuardAnalyzer>(OutputKind.ConsoleApplication, [("Program.cs", program)], expected);

    private const string Conventional = """
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddControllersWithViews();
        var app = builder.Build();
        app.MapControllers();
        app.MapDefaultControllerRoute().RequireAuthorization();
        app.Run();

        """;

    [Fact]
    public Task A_guard_through_a_holder_local_does_not_reach_the_holder_assigned_after_it() => VerifyAsync("""
        public sealed class Holder(RouteGroupBuilder group) { public RouteGroupBuilder Group { get; } = group; }
        public static class Endpoints
        {
            public static void Map(WebApplication app)
            {
                var holder = new Holder(app.MapGroup("/admin"));
                holder.Group.RequireAuthorization();
                holder = new Holder(app.MapGroup("/open"));
                holder.Group.MapGet("/x", () {|SAUTH0001:=>|} "open");
            }
        }
        """);

    [Fact]
    public Task A_guard_through_one_array_element_does_not_reach_another() => VerifyAsync("""
        public sealed class Holder(RouteGroupBuilder group) { public RouteGroupBuilder Group { get; } = group; }
        public static class Endpoints
        {
            public static void Map(WebApplication app)
            {
                var holders = new[] { new Holder(app.MapGroup("/admin")), new Holder(app.MapGroup("/open")) };
                holders[0].Group.RequireAuthorization();
                holders[1].Group.MapGet("/x", () {|SAUTH0001:=>|} "open");
            }
        }
        """);

    [Fact]
    public Task A_guard_through_an_array_element_does_not_reach_it_after_the_index_changes() => VerifyAsync("""
        public sealed class Holder(RouteGroupBuilder group) { public RouteGroupBuilder Group { get; } = group; }
        public static class Endpoints
        {
            public static void Map(WebApplication app)
            {
                var holders = new[] { new Holder(app.MapGroup("/admin")), new Holder(app.MapGroup("/open")) };
                var i = 0;
                holders[i].Group.RequireAuthorization();
                i++;
                holders[i].Group.MapGet("/x", () {|SAUTH0001:=>|} "open");
            }
        }
        """);

    [Fact]
    public Task A_guard_through_a_call_result_does_not_reach_the_result_of_the_next_call() => VerifyAsync("""
        public sealed class Holder(RouteGroupBuilder group) { public RouteGroupBuilder Group { get; } = group; }
        public static class Endpoints
        {
            private static int _n;
            public static void Map(WebApplication app)
            {
                Next(app).Group.RequireAuthorization();
                Next(app).Group.MapGet("/x", () {|SAUTH0001:=>|} "open");
            }

            private static Holder Next(WebApplication app) => new Holder(app.MapGroup("/t" + _n++));
        }
        """);

    [Fact]
    public Task A_guard_on_a_struct_copy_does_not_reach_the_original() => VerifyAsync("""
        public struct Api { public RouteGroupBuilder Group; }
        public static class Endpoints
        {
            public static void Map(WebApplication app)
            {
                var a = new Api { Group = app.MapGroup("/a") };
                var b = a;
                b.Group = app.MapGroup("/b");
                b.Group.RequireAuthorization();
                a.Group.MapGet("/x", () {|SAUTH0001:=>|} "open");
            }
        }
        """);

    [Fact]
    public Task A_guard_does_not_reach_the_group_a_with_expression_puts_in_the_record() => VerifyAsync("""
        public sealed record Api(RouteGroupBuilder Group);
        public static class Endpoints
        {
            public static void Map(WebApplication app)
            {
                var a = new Api(app.MapGroup("/a"));
                a.Group.RequireAuthorization();
                a = a with { Group = app.MapGroup("/b") };
                a.Group.MapGet("/x", () {|SAUTH0001:=>|} "open");
            }
        }
        """);

    [Fact]
    public Task An_endpoint_on_a_pattern_matched_local_is_reported() => VerifyAsync("""
        public static class Endpoints
        {
            public static void Map(WebApplication app)
            {
                var admin = app.MapGroup("/admin");
                admin.RequireAuthorization();
                object o = app.MapGroup("/open");
                if (o is RouteGroupBuilder g)
                {
                    g.MapGet("/x", () {|SAUTH0001:=>|} "open");
                }
            }
        }
        """);

    [Fact]
    public Task A_switch_section_that_makes_an_unguarded_group_leaves_the_endpoint_open() => VerifyAsync("""
        public static class Endpoints
        {
            public static void Map(WebApplication app, int mode)
            {
                RouteGroupBuilder g;
                switch (mode)
                {
                    case 1:
                        g = app.MapGroup("/a").RequireAuthorization();
                        break;
                    case 2:
                        g = app.MapGroup("/b").RequireAuthorization();
                        break;
                    default:
                        g = app.MapGroup("/c");
                        break;
                }
                g.MapGet("/x", () {|SAUTH0001:=>|} "open");
            }
        }
        """);

    [Fact]
    public Task A_group_picked_by_a_switch_statement_then_guarded_is_guarded() => VerifyAsync("""
        public static class Endpoints
        {
            public static void Map(WebApplication app, int mode)
            {
                RouteGroupBuilder g;
                switch (mode)
                {
                    case 1:
                        g = app.MapGroup("/a");
                        break;
                    default:
                        g = app.MapGroup("/c");
                        break;
                }
                g.RequireAuthorization();
                g.MapGet("/x", () => "guarded");
            }
        }
        """);

    [Fact]
    public Task A_loop_over_listed_groups_does_not_guard_the_group_its_body_assigns_to_a_listed_local() => VerifyAsync("""
        public static class Endpoints
        {
            public static void Map(WebApplication app)
            {
                var admin = app.MapGroup("/admin");
                var reports = app.MapGroup("/reports");
                foreach (var g in new[] { admin, reports })
                {
                    admin = app.MapGroup("/open");
                    g.RequireAuthorization();
                }
                admin.MapGet("/x", () {|SAUTH0001:=>|} "open");
            }
        }
        """);

    [Fact]
    public Task A_guard_in_a_lambda_in_a_loop_over_listed_groups_is_not_credited() => VerifyAsync("""
        public static class Endpoints
        {
            public static void Map(WebApplication app)
            {
                var admin = app.MapGroup("/admin");
                var reports = app.MapGroup("/reports");
                admin.MapGet("/x", () {|SAUTH0001:=>|} "open");
                foreach (var g in new[] { admin, reports })
                {
                    Action later = () => g.RequireAuthorization();
                }
            }
        }
        """);

    [Fact]
    public Task Endpoints_mapped_in_loops_on_one_group_guarded_after_them_are_guarded() => VerifyAsync("""
        public static class Endpoints
        {
            public static void Map(WebApplication app, string[] paths)
            {
                var api = app.MapGroup("/api");
                foreach (var p in paths)
                {
                    api.MapGet(p, () => "guarded");
                }
                for (var i = 0; i < paths.Length; i++)
                {
                    api.MapPost(paths[i], () => "guarded");
                }
                api.RequireAuthorization();
            }
        }
        """);

    [Fact]
    public Task A_group_made_in_an_inner_loop_and_guarded_in_the_outer_leaves_the_earlier_groups_open() => VerifyAsync("""
        public static class Endpoints
        {
            public static void Map(WebApplication app, string[] tenants, string[] areas)
            {
                foreach (var t in tenants)
                {
                    var g = app.MapGroup(t);
                    foreach (var a in areas)
                    {
                        g = g.MapGroup(a);
                        g.MapGet("/x", () {|SAUTH0001:=>|} "open");
                    }
                    g.RequireAuthorization();
                }
            }
        }
        """);

    [Fact]
    public Task A_group_guarded_in_each_outer_iteration_after_an_inner_loop_maps_on_it_is_guarded() => VerifyAsync("""
        public static class Endpoints
        {
            public static void Map(WebApplication app, string[] tenants, string[] areas)
            {
                foreach (var t in tenants)
                {
                    var g = app.MapGroup(t);
                    foreach (var a in areas)
                    {
                        g.MapGet(a, () => "guarded");
                    }
                    g.RequireAuthorization();
                }
            }
        }
        """);

    [Fact]
    public Task A_recursive_helper_that_guards_the_group_it_makes_is_guarded() => VerifyAsync("""
        public static class Endpoints
        {
            public static void Map(WebApplication app) => Level(app, 3);

            private static void Level(IEndpointRouteBuilder routes, int depth)
            {
                var g = routes.MapGroup("/l" + depth);
                g.MapGet("/x", () => "guarded");
                if (depth > 0)
                {
                    Level(g, depth - 1);
                }
                g.RequireAuthorization();
            }
        }
        """);

    [Fact]
    public Task A_group_a_recursive_helper_returns_unguarded_is_reported() => VerifyAsync("""
        public static class Endpoints
        {
            public static void Map(WebApplication app) => Make(app, 3).MapGet("/x", () {|SAUTH0001:=>|} "open");

            private static RouteGroupBuilder Make(WebApplication app, int n) => n == 0 ? app.MapGroup("/x") : Make(app, n - 1);
        }
        """);

    [Fact]
    public Task Groups_an_iterator_yields_are_reported() => VerifyAsync("""
        using System.Collections.Generic;
        public static class Endpoints
        {
            public static void Map(WebApplication app)
            {
                foreach (var g in Groups(app))
                {
                    g.MapGet("/x", () {|SAUTH0001:=>|} "open");
                }
            }

            private static IEnumerable<RouteGroupBuilder> Groups(WebApplication app)
            {
                yield return app.MapGroup("/a");
                yield return app.MapGroup("/b");
            }
        }
        """);

    [Fact]
    public Task A_group_an_async_helper_returns_is_reported() => VerifyAsync("""
        public static class Endpoints
        {
            public static async Task Map(WebApplication app)
            {
                var g = await MakeAsync(app);
                g.MapGet("/x", () {|SAUTH0001:=>|} "open");
            }

            private static async Task<RouteGroupBuilder> MakeAsync(WebApplication app)
            {
                await Task.Yield();
                return app.MapGroup("/a");
            }
        }
        """);

    [Fact]
    public Task A_guard_on_an_array_slot_does_not_reach_the_group_written_to_it_later() => VerifyAsync("""
        public static class Endpoints
        {
            public static void Map(WebApplication app)
            {
                var groups = new RouteGroupBuilder[1];
                groups[0] = app.MapGroup("/admin");
                groups[0].RequireAuthorization();
                groups[0] = app.MapGroup("/open");
                groups[0].MapGet("/x", () {|SAUTH0001:=>|} "open");
            }
        }
        """);

    [Fact]
    public Task An_anonymous_method_that_replaces_a_captured_group_leaves_the_endpoint_open() => VerifyAsync("""
        public static class Endpoints
        {
            public static void Map(WebApplication app)
            {
                var g = app.MapGroup("/admin");
                g.RequireAuthorization();
                Action swap = delegate { g = app.MapGroup("/open"); };
                swap();
                g.MapGet("/x", () {|SAUTH0001:=>|} "open");
            }
        }
        """);

    [Fact]
    public Task A_group_a_catch_filter_assigns_leaves_the_endpoint_open() => VerifyAsync("""
        public static class Endpoints
        {
            public static void Map(WebApplication app)
            {
                var g = app.MapGroup("/admin");
                g.RequireAuthorization();
                try
                {
                    Console.WriteLine();
                }
                catch (Exception) when ((g = app.MapGroup("/open")) is not null)
                {
                }
                g.MapGet("/x", () {|SAUTH0001:=>|} "open");
            }
        }
        """);

    [Fact]
    public Task A_using_statement_around_the_mapping_keeps_the_guard() => VerifyAsync("""
        public static class Endpoints
        {
            public static void Map(WebApplication app, IDisposable resource)
            {
                var g = app.MapGroup("/api");
                using (resource)
                {
                    g.MapGet("/x", () => "guarded");
                }
                g.RequireAuthorization();
            }
        }
        """);

    [Fact]
    public Task SetFallbackPolicy_chained_after_AddPolicy_decides_for_every_endpoint() => VerifyAppAsync("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy("admin", p => p.RequireRole("admin"))
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        var app = builder.Build();
        app.MapGet("/orders", () => "orders");
        app.Run();
        """);

    [Fact]
    public Task A_fallback_policy_from_a_captured_non_null_local_decides_for_every_endpoint() => VerifyAppAsync("""
        #nullable enable
        var builder = WebApplication.CreateBuilder(args);
        var policy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
        builder.Services.AddAuthorization(o => o.FallbackPolicy = policy);
        var app = builder.Build();
        app.MapGet("/orders", () => "orders");
        app.Run();
        """);

    [Fact]
    public Task A_fallback_policy_in_a_Startup_class_with_UseAuthorization_decides_for_every_endpoint() => VerifyAsync("""
        public class Startup
        {
            public void ConfigureServices(IServiceCollection services)
            {
                services.AddAuthorization(o => o.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
            }

            public void Configure(IApplicationBuilder app)
            {
                app.UseRouting();
                app.UseAuthorization();
                app.UseEndpoints(e => e.MapGet("/orders", () => "orders"));
            }
        }
        """);

    [Fact]
    public Task A_fallback_policy_in_an_app_helper_nothing_in_the_app_calls_leaves_every_endpoint_open() => VerifyAppAsync("""
        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        app.MapGet("/orders", () {|SAUTH0001:=>|} "orders");
        app.Run();

        public static class Security
        {
            public static IServiceCollection AddSecurity(this IServiceCollection services) =>
                services.AddAuthorization(o => o.FallbackPolicy = o.DefaultPolicy);
        }
        """);

    [Fact]
    public Task A_fallback_policy_beside_an_IPostConfigureOptions_class_that_may_null_it_is_reported() => VerifyAppAsync("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddAuthorization(o => o.FallbackPolicy = o.DefaultPolicy);
        builder.Services.AddSingleton<Microsoft.Extensions.Options.IPostConfigureOptions<AuthorizationOptions>, Open>();
        var app = builder.Build();
        app.MapGet("/orders", () {|SAUTH0001:=>|} "orders");
        app.Run();

        sealed class Open : Microsoft.Extensions.Options.IPostConfigureOptions<AuthorizationOptions>
        {
            public void PostConfigure(string? name, AuthorizationOptions options) => options.FallbackPolicy = null;
        }
        """);

    [Fact]
    public Task AllowAnonymous_on_the_class_of_a_handler_does_not_open_its_session() => VerifyAsync("""
        public static class Endpoints
        {
            public static void Map(WebApplication app)
            {
                var members = app.MapGroup("/members").RequireSession();
                members.MapGet("/me", Handlers.Me);
            }
        }

        [AllowAnonymous]
        public static class Handlers
        {
            public static string Me(UserSession user) => user.Name;
        }

        [SessionData]
        public sealed record UserSession(int UserId, string Name);
        """);

    [Fact]
    public Task A_custom_IAllowAnonymous_on_a_lambda_leaves_its_session_data_null() => VerifyAsync("""
        public sealed class PublicAttribute : Attribute, Microsoft.AspNetCore.Authorization.IAllowAnonymous { }
        public static class Endpoints
        {
            public static void Map(WebApplication app)
            {
                var members = app.MapGroup("/members").RequireSession();
                members.MapGet("/me", [Public] (UserSession {|SAUTH0004:user|}) => user.Name);
            }
        }

        [SessionData]
        public sealed record UserSession(int UserId, string Name);
        """);

    [Fact]
    public Task AllowAnonymous_on_a_local_function_handler_leaves_its_session_data_null() => VerifyAsync("""
        public static class Endpoints
        {
            public static void Map(WebApplication app)
            {
                var members = app.MapGroup("/members").RequireSession();
                members.MapGet("/me", Me);

                [AllowAnonymous]
                static string Me(UserSession {|SAUTH0004:user|}) => user.Name;
            }
        }

        [SessionData]
        public sealed record UserSession(int UserId, string Name);
        """);

    [Fact]
    public Task AllowAnonymousAttribute_in_an_object_array_of_WithMetadata_leaves_the_session_data_null() => VerifyAsync("""
        public static class Endpoints
        {
            public static void Map(WebApplication app)
            {
                var members = app.MapGroup("/members").RequireSession();
                members.MapGet("/me", (UserSession {|SAUTH0004:user|}) => user.Name).WithMetadata(new object[] { new AllowAnonymousAttribute() });
            }
        }

        [SessionData]
        public sealed record UserSession(int UserId, string Name);
        """);

    [Fact]
    public Task AllowAnonymous_on_the_base_method_of_a_handler_override_leaves_its_session_data_null() => VerifyAsync("""
        public abstract class HandlersBase
        {
            [AllowAnonymous]
            public abstract string Me(UserSession user);
        }

        public sealed class Handlers : HandlersBase
        {
            public override string Me(UserSession {|SAUTH0004:user|}) => user.Name;
        }

        public static class Endpoints
        {
            public static void Map(WebApplication app)
            {
                var members = app.MapGroup("/members").RequireSession();
                members.MapGet("/me", new Handlers().Me);
            }
        }

        [SessionData]
        public sealed record UserSession(int UserId, string Name);
        """);

    [Fact]
    public Task A_guarded_group_passed_to_every_registered_IEndpoint_in_a_loop_is_guarded() => VerifyAppAsync("""
        using System.Collections.Generic;
        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        var api = app.MapGroup("/api").RequireAuthorization();
        foreach (var endpoint in app.Services.GetServices<IEndpoint>())
        {
            endpoint.MapEndpoint(api);
        }
        app.Run();

        public interface IEndpoint { void MapEndpoint(RouteGroupBuilder group); }
        public sealed class ListOrders : IEndpoint
        {
            public void MapEndpoint(RouteGroupBuilder group) => group.MapGet("/orders", () => "orders");
        }
        """);

    [Fact]
    public Task Groups_guarded_per_iteration_and_passed_to_a_helper_are_guarded() => VerifyAppAsync("""
        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        foreach (var v in new[] { 1, 2 })
        {
            var g = app.MapGroup($"/v{v}").RequireAuthorization();
            Orders.Map(g);
        }
        app.Run();

        static class Orders
        {
            public static void Map(RouteGroupBuilder group)
            {
                group.MapGet("/orders", () => "orders");
                group.MapPost("/orders", () => "created");
            }
        }
        """);

    [Fact]
    public Task An_extended_partial_method_given_an_open_group_is_reported() => VerifyAsync("""
        public static partial class Endpoints
        {
            public static void Map(WebApplication app) => MapMore(app.MapGroup("/api"));

            private static partial void MapMore(RouteGroupBuilder group);
        }

        public static partial class Endpoints
        {
            private static partial void MapMore(RouteGroupBuilder group) => group.MapGet("/x", () {|SAUTH0001:=>|} "open");
        }
        """);

    [Fact]
    public Task A_guard_on_one_init_only_property_does_not_reach_another_instances() => VerifyAsync("""
        public sealed class Holder { public RouteGroupBuilder Group { get; init; } = null!; }
        public static class Endpoints
        {
            public static void Map(WebApplication app)
            {
                var a = new Holder { Group = app.MapGroup("/a") };
                var b = new Holder { Group = app.MapGroup("/b") };
                a.Group.RequireAuthorization();
                b.Group.MapGet("/x", () {|SAUTH0001:=>|} "open");
            }
        }
        """);

    [Fact]
    public Task Endpoints_on_the_last_group_a_while_loop_nests_guarded_after_it_are_guarded() => VerifyAsync("""
        public static class Endpoints
        {
            public static void Map(WebApplication app, string[] parts)
            {
                var g = app.MapGroup("/a");
                var i = 0;
                while (i < parts.Length)
                {
                    g = g.MapGroup(parts[i++]);
                }
                g.MapGet("/x", () => "guarded");
                g.RequireAuthorization();
            }
        }
        """);

    [Fact]
    public Task RequireSession_in_a_loop_over_listed_groups_covers_session_data() => VerifyAsync("""
        public static class Endpoints
        {
            public static void Map(WebApplication app)
            {
                var a = app.MapGroup("/a");
                var b = app.MapGroup("/b");
                foreach (var g in new[] { a, b })
                {
                    g.RequireSession();
                }
                a.MapGet("/x", (UserSession user) => user.Name);
            }
        }

        [SessionData]
        public sealed record UserSession(int UserId, string Name);
        """);

    [Fact]
    public Task A_guard_on_one_list_element_does_not_reach_another() => VerifyAsync("""
        using System.Collections.Generic;
        public static class Endpoints
        {
            public static void Map(WebApplication app)
            {
                var groups = new List<RouteGroupBuilder> { app.MapGroup("/a"), app.MapGroup("/b") };
                groups[0].RequireAuthorization();
                groups[1].MapGet("/x", () {|SAUTH0001:=>|} "open");
            }
        }
        """);

    [Fact]
    public Task Groups_guarded_in_a_loop_over_dictionary_values_are_reported() => VerifyAsync("""
        using System.Collections.Generic;
        public static class Endpoints
        {
            public static void Map(WebApplication app)
            {
                var groups = new Dictionary<string, RouteGroupBuilder> { ["a"] = app.MapGroup("/a"), ["b"] = app.MapGroup("/b") };
                foreach (var g in groups.Values)
                {
                    g.RequireAuthorization();
                }
                groups["a"].MapGet("/x", () {|SAUTH0001:=>|} "conservative");
            }
        }
        """);

    [Fact]
    public Task A_guard_on_this_objects_field_does_not_reach_a_parameters_field() => VerifyAsync("""
        public sealed class Api
        {
            public static RouteGroupBuilder Shared = null!;
            public RouteGroupBuilder Own = null!;
            public void Map(WebApplication app, Api other)
            {
                Own = app.MapGroup("/own");
                other.Own = app.MapGroup("/other");
                Own.RequireAuthorization();
                other.Own.MapGet("/x", () {|SAUTH0001:=>|} "open");
            }
        }
        """);

    [Fact]
    public Task A_guard_on_a_copy_of_this_struct_does_not_reach_its_own_field() => VerifyAsync("""
        public struct Api
        {
            public RouteGroupBuilder Group;
            public void Map(WebApplication app)
            {
                Group = app.MapGroup("/a");
                var copy = this;
                copy.Group = app.MapGroup("/b");
                copy.Group.RequireAuthorization();
                Group.MapGet("/x", () {|SAUTH0001:=>|} "open");
            }
        }
        """);

    [Fact]
    public Task An_endpoint_on_a_property_pattern_local_is_reported() => VerifyAsync("""
        public sealed record Api(RouteGroupBuilder Group, bool Public);
        public static class Endpoints
        {
            public static void Map(WebApplication app, Api api)
            {
                var admin = app.MapGroup("/admin").RequireAuthorization();
                if (api is { Public: true, Group: var g })
                {
                    g.MapGet("/x", () {|SAUTH0001:=>|} "open");
                }
            }
        }
        """);

    [Fact]
    public Task An_IRouteTemplateProvider_implemented_directly_makes_the_controller_attribute_routed() => VerifyAppAsync(Conventional + """
        public sealed class VersionedRouteAttribute : Attribute, Microsoft.AspNetCore.Mvc.Routing.IRouteTemplateProvider
        {
            public string? Template => "api/v1/[controller]";
            public int? Order => null;
            public string? Name => null;
        }

        [VersionedRoute]
        public class OrdersController : ControllerBase
        {
            public string {|SAUTH0001:List|}() => "orders";
        }
        """);

    [Fact]
    public Task A_generic_custom_route_attribute_makes_the_controller_attribute_routed() => VerifyAppAsync(Conventional + """
        public sealed class ApiRouteAttribute<T> : RouteAttribute
        {
            public ApiRouteAttribute() : base("api/items") { }
        }

        [ApiRoute<int>]
        public class OrdersController : ControllerBase
        {
            public string {|SAUTH0001:List|}() => "orders";
        }
        """);

    [Fact]
    public Task Route_on_an_abstract_base_controller_makes_the_derived_controller_attribute_routed() => VerifyAppAsync(Conventional + """
        [Route("api/[controller]")]
        public abstract class ApiControllerBase : ControllerBase { }

        public class OrdersController : ApiControllerBase
        {
            [HttpGet]
            public string {|SAUTH0001:List|}() => "orders";
        }
        """);

    [Fact]
    public Task Route_on_a_generic_base_controller_makes_its_inherited_action_attribute_routed() => VerifyAppAsync(Conventional + """
        [Route("api/[controller]")]
        public abstract class CrudController<T> : ControllerBase
        {
            [HttpGet]
            public string List() => "list";
        }

        public class {|SAUTH0001:OrdersController|} : CrudController<int> { }
        """);

    [Fact]
    public Task A_custom_route_attribute_on_a_base_controller_makes_the_derived_controller_attribute_routed() => VerifyAppAsync(Conventional + """
        public sealed class ApiRouteAttribute : RouteAttribute
        {
            public ApiRouteAttribute() : base("api/[controller]") { }
        }

        [ApiRoute]
        public abstract class ApiControllerBase : ControllerBase { }

        public class OrdersController : ApiControllerBase
        {
            public string {|SAUTH0001:List|}() => "orders";
        }
        """);

    [Fact]
    public Task An_HttpGet_template_on_an_overridden_base_method_makes_the_override_attribute_routed() => VerifyAppAsync(Conventional + """
        public abstract class ListControllerBase : ControllerBase
        {
            [HttpGet("api/list")]
            public abstract string List();
        }

        public class OrdersController : ListControllerBase
        {
            public override string {|SAUTH0001:List|}() => "orders";
        }
        """);

    [Fact]
    public Task A_custom_route_attribute_through_a_generic_project_base_makes_the_controller_attribute_routed() => VerifyAppAsync(Conventional + """
        public abstract class PrefixedRouteAttribute<T> : RouteAttribute
        {
            protected PrefixedRouteAttribute(string template) : base("api/" + template) { }
        }

        public sealed class OrdersRouteAttribute : PrefixedRouteAttribute<int>
        {
            public OrdersRouteAttribute() : base("orders") { }
        }

        [OrdersRoute]
        public class OrdersController : ControllerBase
        {
            public string {|SAUTH0001:List|}() => "orders";
        }
        """);

    [Fact]
    public Task A_finally_block_that_guards_the_group_its_try_block_made_and_mapped_on_is_guarded() => VerifyAsync("""
        public static class Endpoints
        {
            public static void Map(WebApplication app)
            {
                var g = app.MapGroup("/x");
                try
                {
                    g = app.MapGroup("/a");
                    g.MapGet("/y", () => "guarded");
                }
                finally
                {
                    g.RequireAuthorization();
                }
            }
        }
        """);

    [Fact]
    public Task A_group_a_generated_helper_returns_guarded_is_guarded() => AnalyzerTest.VerifyProjectAsync<EndpointGuardAnalyzer>(OutputKind.DynamicallyLinkedLibrary, [
        ("Endpoints.cs", """
        public static class Endpoints
        {
            public static void Map(WebApplication app)
            {
                var g = Generated.Api(app);
                g.MapGet("/x", () => "guarded");
            }
        }
        """),
        ("Generated.g.cs", """
        // <auto-generated/>
        internal static class Generated
        {
            public static RouteGroupBuilder Api(WebApplication app) => app.MapGroup("/api").RequireAuthorization();
        }
        """)]);

    [Fact]
    public Task A_fallback_policy_in_a_public_helper_of_a_library_that_never_runs_UseAuthorization_is_not_counted() => VerifyAsync("""
        public static class OrdersModule
        {
            public static IServiceCollection AddOrdersSecurity(this IServiceCollection services) =>
                services.AddAuthorization(o => o.FallbackPolicy = o.DefaultPolicy);

            public static void MapOrders(this IEndpointRouteBuilder app) => app.MapGet("/orders", () {|SAUTH0001:=>|} "orders");
        }
        """);
}
