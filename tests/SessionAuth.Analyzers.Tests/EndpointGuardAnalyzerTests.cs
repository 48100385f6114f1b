using SessionAuth.Generators.Analyzers;

namespace SessionAuth.Analyzers.Tests;

public sealed class EndpointGuardAnalyzerTests
{
    private static Task VerifyAsync(string source) => AnalyzerTest.VerifyAsync<EndpointGuardAnalyzer>(source);

    // Server functions

    [Fact]
    public Task A_server_function_without_a_decision_is_reported() => VerifyAsync("""
        public static class Orders
        {
            [ServerFunction]
            public static int {|SAUTH0001:Count|}() => 1;
        }
        """);

    /// <summary>
    /// A server function's class and method decide with the attributes their base classes and overridden methods pass on,
    /// exactly those its endpoint carries: the generator's guard and SAUTH0001 read the same ones.
    /// </summary>
    [Fact]
    public Task A_decision_a_base_class_or_an_overridden_method_passes_on_counts_for_a_server_function() => VerifyAsync("""
        [Authorize(Roles = "Admin")]
        public class AdminBase
        {
        }

        public class Admin : AdminBase
        {
            [ServerFunction]
            public static int Users() => 1;
        }

        [RequireSession]
        public class SecureBase
        {
        }

        public class Outer : SecureBase
        {
            public static class Inner
            {
                [ServerFunction]
                public static int Count() => 1;
            }
        }

        public abstract class Service
        {
            [AllowAnonymous]
            public virtual int Ping() => 0;

            public virtual int Pong() => 0;
        }

        public sealed class Orders : Service
        {
            [ServerFunction]
            public override int Ping() => 1;

            [ServerFunction]
            public override int {|SAUTH0001:Pong|}() => 1;
        }

        // An attribute whose class says Inherited = false stays on its class.
        [AttributeUsage(AttributeTargets.Class, Inherited = false)]
        public sealed class HereOnlyAuthorizeAttribute : Attribute, IAuthorizeData
        {
            public string? Policy { get; set; }
            public string? Roles { get; set; }
            public string? AuthenticationSchemes { get; set; }
        }

        [HereOnlyAuthorize]
        public class Foyer
        {
            [ServerFunction]
            public static int Enter() => 1;
        }

        public class Hall : Foyer
        {
            [ServerFunction]
            public static int {|SAUTH0001:Cross|}() => 1;
        }
        """);

    [Fact]
    public Task Authorize_on_a_server_function_or_a_class_around_it_decides_because_the_endpoint_carries_it() => VerifyAsync("""
        public static class Orders
        {
            [ServerFunction, Authorize]
            public static int Count() => 1;

            [ServerFunction, Authorize(Roles = "Admin")]
            public static int Refunds() => 1;

            [ServerFunction, Authorize(Policy = "Auditors")]
            public static int Audit() => 1;

            [ServerFunction]
            public static int {|SAUTH0001:Open|}() => 1;
        }

        [Authorize(Roles = "Admin")]
        public static class Admin
        {
            [ServerFunction]
            public static int Users() => 1;

            public static class Reports
            {
                [ServerFunction]
                public static int Daily() => 1;
            }
        }

        public sealed class OwnAuthorizeAttribute : System.Attribute, Microsoft.AspNetCore.Authorization.IAuthorizeData
        {
            public string? Policy { get; set; }
            public string? Roles { get; set; }
            public string? AuthenticationSchemes { get; set; }
        }

        public static class Custom
        {
            [ServerFunction, OwnAuthorize]
            public static int Count() => 1;
        }
        """);

    [Fact]
    public Task Authorize_on_the_assembly_or_on_an_attribute_that_is_no_IAuthorizeData_does_not_decide_for_a_server_function() => VerifyAsync("""
        public sealed class AuthorizeLikeAttribute : System.Attribute
        {
            public string? Roles { get; set; }
        }

        public static class Orders
        {
            [ServerFunction, AuthorizeLike(Roles = "Admin")]
            public static int {|SAUTH0001:Count|}() => 1;
        }

        public static class Outside
        {
            [Authorize]
            public static class Sibling
            {
            }

            [ServerFunction]
            public static int {|SAUTH0001:NotInTheAuthorizedClass|}() => 1;
        }
        """);

    [Fact]
    public Task A_decision_on_the_method_its_class_or_an_outer_class_counts() => VerifyAsync("""
        public static class Orders
        {
            [ServerFunction, RequireSession]
            public static int Count() => 1;

            [ServerFunction, AllowAnonymous]
            public static int Health() => 1;
        }

        [RequireSession]
        public static class Admin
        {
            [ServerFunction]
            public static int Users() => 1;

            public static class Reports
            {
                [ServerFunction]
                public static int Daily() => 1;
            }
        }
        """);

    [Fact]
    public Task An_assembly_level_guard_decides_for_every_server_function() => VerifyAsync("""
        [assembly: RequireSession]

        public static class Orders
        {
            [ServerFunction]
            public static int Count() => 1;
        }
        """);

    [Fact]
    public Task A_fallback_policy_decides_for_every_endpoint() => VerifyAsync("""
        public static class Startup
        {
            public static void Configure(IServiceCollection services, WebApplication app)
            {
                services.AddAuthorization(o => o.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
                app.MapGet("/todos", () => "todos");
            }
        }

        public static class Orders
        {
            [ServerFunction]
            public static int Count() => 1;
        }

        public class OrdersController : ControllerBase
        {
            public IActionResult Index() => Ok();
        }
        """);

    [Fact]
    public Task A_fallback_policy_set_to_null_decides_nothing() => VerifyAsync("""
        public static class Startup
        {
            public static void Configure(IServiceCollection services, WebApplication app)
            {
                services.AddAuthorization(o => o.FallbackPolicy = null);
                app.MapGet("/todos", () {|SAUTH0001:=>|} "todos");
            }
        }
        """);

    // Minimal APIs

    [Fact]
    public Task A_lambda_and_a_method_group_mapped_on_the_app_are_reported() => VerifyAsync("""
        public static class Endpoints
        {
            public static void Map(WebApplication app)
            {
                app.MapGet("/todos", () {|SAUTH0001:=>|} "todos");
                app.MapPost("/todos", {|SAUTH0001:Create|});
                app.MapMethods("/todos", new[] { "PUT" }, (string id) {|SAUTH0001:=>|} id);
                app.MapFallback(() {|SAUTH0001:=>|} "not found");
            }

            private static string Create() => "created";
        }
        """);

    [Fact]
    public Task A_guard_convention_anywhere_in_the_chain_decides() => VerifyAsync("""
        public static class Endpoints
        {
            public static void Map(WebApplication app)
            {
                app.MapGet("/a", () => "a").RequireAuthorization();
                app.MapGet("/b", () => "b").WithName("b").RequireSession();
                app.MapGet("/c", () => "c").AllowAnonymous().WithTags("public");
                app.MapGet("/d", () => "d").RequireAuthorization("Admins");
                var e = app.MapGet("/e", () => "e");
                e.RequireSession();
            }
        }
        """);

    [Fact]
    public Task Attributes_on_the_handler_decide() => VerifyAsync("""
        public static class Endpoints
        {
            public static void Map(WebApplication app)
            {
                app.MapGet("/a", [RequireSession] () => "a");
                app.MapGet("/b", [Authorize(Roles = "admin")] () => "b");
                app.MapGet("/c", [AllowAnonymous] () => "c");
                app.MapGet("/d", Handlers.Guarded);
                app.MapGet("/e", Handlers.Public);
                app.MapGet("/f", Handlers.Member);
            }
        }

        public static class Handlers
        {
            [Authorize]
            public static string Guarded() => "d";

            [AllowAnonymous]
            public static string Public() => "e";

            [RequireSession]
            public static string Member() => "f";
        }
        """);

    [Fact]
    public Task A_decision_on_the_class_of_a_method_group_handler_does_not_count_because_aspnetcore_reads_only_the_method() => VerifyAsync("""
        public static class Endpoints
        {
            public static void Map(WebApplication app)
            {
                app.MapGet("/a", {|SAUTH0001:Orders.Get|});
                app.MapGet("/b", {|SAUTH0001:Members.Get|});
                app.MapGet("/c", {|SAUTH0001:Health.Get|});
                app.MapGet("/d", {|SAUTH0001:Admin.Reports.Get|});
            }
        }

        [Authorize]
        public static class Orders
        {
            public static string Get() => "a";
        }

        [RequireSession]
        public static class Members
        {
            public static string Get() => "b";
        }

        [AllowAnonymous]
        public static class Health
        {
            public static string Get() => "c";
        }

        [Authorize]
        public static class Admin
        {
            public static class Reports
            {
                public static string Get() => "d";
            }
        }
        """);

    [Fact]
    public Task A_decision_on_the_method_of_a_method_group_handler_counts_whatever_its_class_says() => VerifyAsync("""
        public static class Endpoints
        {
            public static void Map(WebApplication app)
            {
                app.MapGet("/a", Orders.Get);
                app.MapGet("/b", Orders.Open);
                app.MapGet("/c", Orders.Unmarked).RequireAuthorization();
                app.MapGet("/d", Local);
                app.MapGet("/e", {|SAUTH0001:Unguarded|});

                [Authorize]
                static string Local() => "d";

                static string Unguarded() => "e";
            }
        }

        [Authorize]
        public static class Orders
        {
            [Authorize]
            public static string Get() => "a";

            [AllowAnonymous]
            public static string Open() => "b";

            public static string Unmarked() => "c";
        }
        """);

    [Fact]
    public Task A_guarded_route_group_decides_for_endpoints_nested_two_levels_below() => VerifyAsync("""
        public static class Endpoints
        {
            public static void Map(WebApplication app)
            {
                var api = app.MapGroup("/api").RequireAuthorization();
                var v1 = api.MapGroup("/v1");
                var orders = v1.MapGroup("/orders").WithTags("orders");
                orders.MapGet("/", () => "all");
                orders.MapPost("/", () => "created");

                app.MapGroup("/inline").RequireSession().MapGet("/x", () => "x");
            }
        }
        """);

    [Fact]
    public Task A_group_variable_guarded_by_a_later_statement_decides_for_every_map_on_it() => VerifyAsync("""
        public static class Endpoints
        {
            public static void Map(WebApplication app)
            {
                var admin = app.MapGroup("/admin");
                admin.RequireSession(redirectTo: "/admin/login");
                admin.MapGet("/users", () => "users");
                admin.MapDelete("/users/{id}", (int id) => id);
            }
        }
        """);

    [Fact]
    public Task An_unguarded_group_decides_nothing() => VerifyAsync("""
        public static class Endpoints
        {
            public static void Map(WebApplication app)
            {
                var api = app.MapGroup("/api").WithTags("api");
                api.MapGet("/orders", () {|SAUTH0001:=>|} "orders");
                app.MapGroup("/other").MapGet("/x", () {|SAUTH0001:=>|} "x");
            }

            public static void MapMore(RouteGroupBuilder group)
            {
                group.MapGet("/more", () {|SAUTH0001:=>|} "more");
            }
        }
        """);

    // Controllers

    [Fact]
    public Task A_public_action_of_an_unguarded_controller_is_reported() => VerifyAsync("""
        public class OrdersController : ControllerBase
        {
            public IActionResult {|SAUTH0001:Index|}() => Ok();

            public IActionResult {|SAUTH0001:Details|}(int id) => Ok(id);

            [NonAction]
            public void Helper() { }

            protected IActionResult Internal() => Ok();

            public override string ToString() => "orders";
        }

        [ApiController]
        public class PlainController
        {
            public string {|SAUTH0001:Get|}() => "plain";
        }

        [NonController]
        public class NotAController : ControllerBase
        {
            public IActionResult Index() => Ok();
        }
        """);

    [Fact]
    public Task Authorize_on_a_base_class_decides_for_every_action() => VerifyAsync("""
        [Authorize]
        public abstract class SecureController : ControllerBase
        {
        }

        public class OrdersController : SecureController
        {
            public IActionResult Index() => Ok();

            [AllowAnonymous]
            public IActionResult Catalog() => Ok();
        }

        [RequireSession]
        public class ProfileController : ControllerBase
        {
            public IActionResult Index() => Ok();
        }
        """);

    [Fact]
    public Task AllowAnonymous_on_one_action_of_an_Authorize_controller_is_a_decision() => VerifyAsync("""
        [Authorize]
        public class AccountController : ControllerBase
        {
            public IActionResult Settings() => Ok();

            [AllowAnonymous]
            public IActionResult Login() => Ok();
        }

        public class MixedController : ControllerBase
        {
            [Authorize]
            public IActionResult Private() => Ok();

            [AllowAnonymous]
            public IActionResult Public() => Ok();

            public IActionResult {|SAUTH0001:Forgotten|}() => Ok();
        }
        """);

    [Fact]
    public Task MapControllers_with_RequireAuthorization_decides_for_every_action() => VerifyAsync("""
        public static class Startup
        {
            public static void Map(WebApplication app) => app.MapControllers().RequireAuthorization();
        }

        public class OrdersController : ControllerBase
        {
            public IActionResult Index() => Ok();
        }
        """);

    [Fact]
    public Task A_fallback_policy_set_through_the_authorization_builder_decides_for_every_endpoint() => VerifyAsync("""
        public static class Startup
        {
            public static void Configure(IServiceCollection services, WebApplication app)
            {
                services.AddAuthorizationBuilder()
                    .AddPolicy("admin", p => p.RequireRole("admin"))
                    .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
                app.MapGet("/todos", () => "todos");
            }
        }

        public class OrdersController : ControllerBase
        {
            [Route("api/orders")]
            public IActionResult Index() => Ok();
        }

        public static class Orders
        {
            [ServerFunction]
            public static int Count() => 1;
        }
        """);

    [Fact]
    public Task A_null_fallback_policy_set_through_the_authorization_builder_decides_nothing() => VerifyAsync("""
        public static class Startup
        {
            public static void Configure(IServiceCollection services, WebApplication app)
            {
                services.AddAuthorizationBuilder().SetFallbackPolicy(null);
                app.MapGet("/todos", () {|SAUTH0001:=>|} "todos");
            }
        }
        """);

    [Fact]
    public Task A_property_named_FallbackPolicy_on_another_type_decides_nothing() => VerifyAsync("""
        public sealed class CacheOptions
        {
            public string? FallbackPolicy { get; set; }
        }

        public sealed class PolicyHolder
        {
            public void SetFallbackPolicy(string policy) { }
        }

        public static class Startup
        {
            public static void Configure(IServiceCollection services, WebApplication app)
            {
                var cache = new CacheOptions { FallbackPolicy = "stale" };
                cache.FallbackPolicy = "stale-while-revalidate";
                new PolicyHolder().SetFallbackPolicy("retry");
                app.MapGet("/todos", () {|SAUTH0001:=>|} "todos");
            }
        }

        public static class Orders
        {
            [ServerFunction]
            public static int {|SAUTH0001:Count|}() => 1;
        }
        """);

    [Fact]
    public Task A_guarded_conventional_route_decides_for_conventionally_routed_actions() => VerifyAsync("""
        public static class Startup
        {
            public static void Map(WebApplication app)
            {
                app.MapControllerRoute("default", "{controller=Home}/{action=Index}/{id?}").RequireAuthorization();
                app.MapDefaultControllerRoute().RequireSession();
            }
        }

        public class HomeController : ControllerBase
        {
            public IActionResult Index() => Ok();

            [HttpGet]
            public IActionResult Verb() => Ok();
        }
        """);

    [Fact]
    public Task A_guarded_conventional_route_does_not_decide_for_attribute_routed_actions() => VerifyAsync("""
        public static class Startup
        {
            public static void Map(WebApplication app)
            {
                app.MapControllerRoute("default", "{controller=Home}/{action=Index}/{id?}").RequireAuthorization();
                app.MapControllers();
            }
        }

        [Route("api/orders")]
        public class OrdersController : ControllerBase
        {
            public IActionResult {|SAUTH0001:List|}() => Ok();
        }

        [Route("api/[controller]")]
        public abstract class ApiControllerBase : ControllerBase;

        public class UsersController : ApiControllerBase
        {
            public IActionResult {|SAUTH0001:List|}() => Ok();
        }

        public class MixedController : ControllerBase
        {
            public IActionResult Conventional() => Ok();

            [HttpGet("mixed/attribute")]
            public IActionResult {|SAUTH0001:Attribute|}() => Ok();

            [Route("mixed/route")]
            public IActionResult {|SAUTH0001:Routed|}() => Ok();
        }
        """);

    [Fact]
    public Task MapControllers_with_RequireAuthorization_decides_for_attribute_routed_actions_too() => VerifyAsync("""
        public static class Startup
        {
            public static void Map(WebApplication app) => app.MapControllers().RequireAuthorization();
        }

        [Route("api/orders")]
        public class OrdersController : ControllerBase
        {
            [HttpGet("{id}")]
            public IActionResult Get(int id) => Ok();
        }
        """);

    // SAUTH0004 on minimal APIs

    [Fact]
    public Task Session_data_on_a_minimal_api_handler_needs_an_endpoint_that_requires_a_session() => VerifyAsync("""
        public static class Endpoints
        {
            public static void Map(WebApplication app)
            {
                app.MapGet("/a", [RequireSession] (UserSession user) => user.Name);
                app.MapGet("/b", (UserSession user) => user.Name).RequireSession();
                app.MapGet("/c", (UserSession? user) => user?.Name ?? "anonymous").AllowAnonymous();
                var members = app.MapGroup("/members").RequireSession();
                members.MapGet("/d", (UserSession user) => user.Name);
                app.MapGet("/e", [AllowAnonymous] (UserSession {|SAUTH0004:user|}) => user.Name);
                app.MapGet("/f", (UserSession {|SAUTH0004:user|}) => user.Name).RequireAuthorization();
                app.MapGet("/g", Handlers.Profile).AllowAnonymous();
            }
        }

        public static class Handlers
        {
            public static string Profile(UserSession {|SAUTH0004:user|}) => user.Name;
        }

        [SessionData]
        public sealed record UserSession(int UserId, string Name);
        """);

    [Fact]
    public Task RequireSession_on_the_class_of_a_method_group_handler_does_not_guard_its_session_data() => VerifyAsync("""
        public static class Endpoints
        {
            public static void Map(WebApplication app)
            {
                app.MapGet("/a", {|SAUTH0001:Members.Profile|});
                app.MapGet("/b", Members.Guarded);
                app.MapGet("/c", Members.Profile).RequireSession();
            }
        }

        [RequireSession]
        public static class Members
        {
            public static string Profile(UserSession {|SAUTH0004:user|}) => user.Name;

            [RequireSession]
            public static string Guarded(UserSession user) => user.Name;
        }

        [SessionData]
        public sealed record UserSession(int UserId, string Name);
        """);
}
