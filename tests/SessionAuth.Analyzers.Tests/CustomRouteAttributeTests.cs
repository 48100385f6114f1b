using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using SessionAuth.Generators.Analyzers;

namespace SessionAuth.Analyzers.Tests;

/// <summary>
/// SAUTH0001 and route attributes whose template MVC reads from the attribute object, not from its usage: a custom
/// <c>RouteAttribute</c> or <c>HttpGetAttribute</c> whose constructor gives the template makes its action
/// attribute-routed, so a guarded conventional route (<c>MapDefaultControllerRoute().RequireAuthorization()</c>) does not
/// reach it; one that gives no template (or <c>[AcceptVerbs]</c> without <c>Route</c>) leaves it conventionally routed,
/// and the guarded route covers it. A template that cannot be read counts as one.
/// </summary>
public sealed class CustomRouteAttributeTests
{
    private const string Program = """
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddControllersWithViews();
        var app = builder.Build();
        app.MapControllers();
        app.MapDefaultControllerRoute().RequireAuthorization();
        app.Run();

        """;

    private static Task VerifyAppAsync(string program, params DiagnosticResult[] expected) =>
        AnalyzerTest.VerifyProjectAsync<EndpointGuardAnalyzer>(OutputKind.ConsoleApplication, [("Program.cs", program)], expected);

    [Fact]
    public Task A_custom_Route_attribute_whose_base_constructor_gives_the_template_makes_the_controller_attribute_routed() => VerifyAppAsync(Program + """
        public sealed class ApiRouteAttribute : RouteAttribute
        {
            public ApiRouteAttribute() : base("api/[controller]") { }
        }

        [ApiRoute]
        public class OrdersController : ControllerBase
        {
            [HttpGet]
            public string {|SAUTH0001:List|}() => "orders";
        }
        """);

    [Fact]
    public Task A_custom_HttpGet_attribute_whose_base_constructor_gives_the_template_makes_the_action_attribute_routed() => VerifyAppAsync(Program + """
        public sealed class GetOrdersAttribute : HttpGetAttribute
        {
            public GetOrdersAttribute() : base("api/orders") { }
        }

        public class OrdersController : Controller
        {
            [GetOrders]
            public string {|SAUTH0001:List|}() => "orders";
        }
        """);

    // The usage's argument travels through this(...) and a concatenation (never null) to RouteAttribute's template.

    [Fact]
    public Task A_custom_route_attribute_that_builds_the_template_from_its_argument_makes_the_controller_attribute_routed() => VerifyAppAsync(Program + """
        public sealed class ApiRouteAttribute : RouteAttribute
        {
            public ApiRouteAttribute(string area) : this(area, 1) { }

            private ApiRouteAttribute(string area, int version) : base("api/v" + version + "/" + area) { }
        }

        [ApiRoute("orders")]
        public class OrdersController : ControllerBase
        {
            public string {|SAUTH0001:List|}() => "orders";
        }
        """);

    [Fact]
    public Task A_custom_route_attribute_with_a_primary_constructor_makes_the_action_attribute_routed() => VerifyAppAsync(Program + """
        public sealed class VersionedAttribute(string template) : RouteAttribute("v1/" + template);

        public class OrdersController : ControllerBase
        {
            [Versioned("orders")]
            public string {|SAUTH0001:List|}() => "orders";
        }
        """);

    // A template computed by a call may be anything, null included: taken as a template, so the action needs its own decision.

    [Fact]
    public Task A_custom_route_attribute_whose_template_comes_from_a_call_is_taken_as_attribute_routed() => VerifyAppAsync(Program + """
        public sealed class ConfiguredRouteAttribute : RouteAttribute
        {
            public ConfiguredRouteAttribute() : base(Routes.Prefix()) { }
        }

        public static class Routes
        {
            public static string Prefix() => "api";
        }

        [ConfiguredRoute]
        public class OrdersController : ControllerBase
        {
            public string {|SAUTH0001:List|}() => "orders";
        }
        """);

    [Fact]
    public Task A_route_attribute_with_a_Template_of_its_own_is_taken_as_attribute_routed() => VerifyAppAsync(Program + """
        [AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
        public sealed class TenantRouteAttribute : Attribute, Microsoft.AspNetCore.Mvc.Routing.IRouteTemplateProvider
        {
            public string? Template => "tenants/{tenant}/[controller]";

            public int? Order => null;

            public string? Name => null;
        }

        [TenantRoute]
        public class OrdersController : ControllerBase
        {
            public string {|SAUTH0001:List|}() => "orders";
        }
        """);

    [Fact]
    public Task AcceptVerbs_with_a_Route_makes_the_action_attribute_routed() => VerifyAppAsync(Program + """
        public class OrdersController : ControllerBase
        {
            [AcceptVerbs("GET", "POST", Route = "api/orders")]
            public string {|SAUTH0001:List|}() => "orders";
        }
        """);

    // Must not fire: attributes that give no template only constrain the verb of the conventional route, whose guard covers the action.

    [Fact]
    public Task Custom_HttpGet_attributes_that_give_no_template_leave_the_action_under_the_guarded_conventional_route() => VerifyAppAsync(Program + """
        public sealed class ReadAttribute : HttpGetAttribute
        {
        }

        public sealed class QueryAttribute : HttpGetAttribute
        {
            public QueryAttribute() : base() { }
        }

        public sealed class MaybeRoutedAttribute : Microsoft.AspNetCore.Mvc.Routing.HttpMethodAttribute
        {
            public MaybeRoutedAttribute(string? template = null) : base(["GET"], template) { }
        }

        public class OrdersController : Controller
        {
            [Read]
            public string List() => "orders";

            [Query]
            public string Find() => "orders";

            [MaybeRouted]
            public string Latest() => "orders";
        }
        """);

    [Fact]
    public Task AcceptVerbs_without_a_Route_leaves_the_action_under_the_guarded_conventional_route() => VerifyAppAsync(Program + """
        public class OrdersController : Controller
        {
            [AcceptVerbs("GET", "POST")]
            public string List() => "orders";
        }
        """);
}
