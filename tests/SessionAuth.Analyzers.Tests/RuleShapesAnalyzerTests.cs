using SessionAuth.CodeFixes;
using SessionAuth.Generators.Analyzers;

namespace SessionAuth.Analyzers.Tests;

/// <summary>
/// Review of issue 16: the rule analyzers (SAUTH0013 to SAUTH0016) and the SAUTH0014 code fix against shapes their
/// tests did not write. Must-not-fire shapes the runtime enforces, must-fire shapes it cannot, and fixes whose output
/// must compile (the code fix test fails on any compiler error in the fixed code).
/// </summary>
public sealed class RuleShapesAnalyzerTests
{
    private static Task VerifyAsync(string source) => AnalyzerTest.VerifyAsync<SessionRuleAnalyzer>(source + SessionRuleAnalyzerTests.Rules);

    /// <summary>
    /// False alarm: a two-argument rule on the base class of a routable component, whose every derived page in the project
    /// declares the route value. Razor components' endpoint metadata holds inherited attributes, so the rule reaches the
    /// page and reads the value (CarriedAttributesHttpTests.A_two_argument_rule_on_a_components_base_class_is_enforced_on_the_page);
    /// SAUTH0015 refuses it as "set on a class".
    /// </summary>
    [Fact]
    public Task A_two_argument_rule_on_a_routable_components_base_class_whose_pages_declare_the_value_is_silent() => VerifyAsync("""
        using ComponentRoute = Microsoft.AspNetCore.Components.RouteAttribute;
        using Microsoft.AspNetCore.Components;

        [RequireSession<OwnHouse>(Argument = "house")]
        public abstract class HousePageBase : ComponentBase
        {
            [Parameter]
            public string House { get; set; } = "";
        }

        [ComponentRoute("/houses/{house}")]
        public sealed class HousePage : HousePageBase
        {
        }
        """);

    /// <summary>
    /// False alarm: a Razor Pages page model. MVC puts the handler type's attributes (<c>GetCustomAttributes(inherit:
    /// true)</c>) into the page's endpoint metadata (DefaultPageApplicationModelProvider: HandlerTypeAttributes), which is
    /// how <c>[Authorize]</c> on a PageModel works; <c>UseSessionAuth()</c> then evaluates the rule. SAUTH0016 says no
    /// endpoint reads it.
    /// </summary>
    [Fact]
    public Task A_rule_on_a_Razor_Pages_page_model_is_read_by_the_pages_endpoint() => VerifyAsync("""
        [RequireSession<Prefect>]
        public sealed class PrefectsModel : Microsoft.AspNetCore.Mvc.RazorPages.PageModel
        {
            public void OnGet()
            {
            }
        }
        """);

    /// <summary>
    /// Must fire: an MVC action parameter bound by a model binder of the app's own (<c>[ModelBinder(typeof(...))]</c>),
    /// which may read the value from anywhere (a header, a cookie, the body); the middleware reads the route or query
    /// value under the parameter's name. SAUTH0015 refuses a binding attribute of the app's own for the same reason.
    /// </summary>
    [Fact]
    public Task An_action_parameter_bound_by_the_apps_own_model_binder_is_no_value_the_middleware_can_find() => VerifyAsync("""
        using Microsoft.AspNetCore.Mvc.ModelBinding;

        public sealed class HouseFromHeader : IModelBinder
        {
            public Task BindModelAsync(ModelBindingContext context)
            {
                var text = context.HttpContext.Request.Headers["X-House"].ToString();
                context.Result = Enum.TryParse<House>(text, out var house) ? ModelBindingResult.Success(house) : ModelBindingResult.Failed();
                return Task.CompletedTask;
            }
        }

        public sealed class HousesController : ControllerBase
        {
            [HttpGet("/api/houses"), RequireSession<OwnHouse>({|SAUTH0015:Argument = nameof(house)|})]
            public string Get([ModelBinder(typeof(HouseFromHeader))] House house) => house.ToString();
        }
        """);

    /// <summary>
    /// The SAUTH0014 fix on a minimal API lambda: <c>Argument = nameof(house)</c> inside the lambda's attribute must
    /// compile (C# binds nameof of a lambda parameter there).
    /// </summary>
    [Fact]
    public Task Set_Argument_on_a_lambda_compiles() => AnalyzerTest.VerifyFixAsync<SessionRuleAnalyzer, SessionRuleArgumentCodeFixProvider>(
        AnalyzerTest.Usings + """
        public static class Houses
        {
            public static void Map(WebApplication app) => app.MapGet("/houses/{house}", [{|SAUTH0014:RequireSession<OwnHouse>|}] (House house) => house.ToString());
        }
        """ + SessionRuleAnalyzerTests.Rules,
        AnalyzerTest.Usings + """
        public static class Houses
        {
            public static void Map(WebApplication app) => app.MapGet("/houses/{house}", [RequireSession<OwnHouse>(Argument = nameof(house))] (House house) => house.ToString());
        }
        """ + SessionRuleAnalyzerTests.Rules,
        "Set Argument = nameof(house)",
        Microsoft.CodeAnalysis.OutputKind.DynamicallyLinkedLibrary);

    /// <summary>
    /// The SAUTH0014 fix on a routable component: <c>Argument = nameof(Name)</c> in the class's attribute names its
    /// parameter property and must compile.
    /// </summary>
    [Fact]
    public Task Set_Argument_on_a_component_compiles() => AnalyzerTest.VerifyFixAsync<SessionRuleAnalyzer, SessionRuleArgumentCodeFixProvider>(
        AnalyzerTest.Usings + """
        using Microsoft.AspNetCore.Components;

        [Microsoft.AspNetCore.Components.Route("/students/{name}"), {|SAUTH0014:RequireSession<ByName>|}]
        public sealed class StudentPage : ComponentBase
        {
            [Parameter]
            public string Name { get; set; } = "";
        }

        public sealed class ByName : ISessionRule<UserSession, string>
        {
            public static bool Allows(UserSession user, string name) => name.Length > 0;
        }
        """ + SessionRuleAnalyzerTests.Rules,
        AnalyzerTest.Usings + """
        using Microsoft.AspNetCore.Components;

        [Microsoft.AspNetCore.Components.Route("/students/{name}"), RequireSession<ByName>(Argument = nameof(Name))]
        public sealed class StudentPage : ComponentBase
        {
            [Parameter]
            public string Name { get; set; } = "";
        }

        public sealed class ByName : ISessionRule<UserSession, string>
        {
            public static bool Allows(UserSession user, string name) => name.Length > 0;
        }
        """ + SessionRuleAnalyzerTests.Rules,
        "Set Argument = nameof(Name)",
        Microsoft.CodeAnalysis.OutputKind.DynamicallyLinkedLibrary);
}
