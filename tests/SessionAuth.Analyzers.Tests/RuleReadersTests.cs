using Microsoft.CodeAnalysis.Testing;
using SessionAuth.Generators.Analyzers;

namespace SessionAuth.Analyzers.Tests;

/// <summary>
/// Where a rule is read and what its argument can be, in the shapes review 16 found: a two-argument rule on a base class of
/// routable components (checked on each page derived from it), Razor Pages (the page model's attributes are the page's
/// endpoint metadata; a handler method's and a page-with-a-model's are not), and MVC parameters bound by a model binder of
/// the app's own. Each with cases that must fire and cases that must not.
/// </summary>
public sealed class RuleReadersTests
{
    // A two-argument rule on a base class of routable components

    [Fact]
    public Task A_base_class_rule_every_derived_page_can_read_is_silent() => VerifyAsync("""
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

        [ComponentRoute("/houses/{house}/notices"), ComponentRoute("/notices/{House}")]
        public sealed class NoticesPage : HousePageBase
        {
        }

        // The query value a derived page supplies is read as well.
        [RequireSession<OwnHouse>(Argument = "chosen")]
        public abstract class ChooserBase : ComponentBase
        {
        }

        [ComponentRoute("/choose")]
        public sealed class ChooserPage : ChooserBase
        {
            [SupplyParameterFromQuery]
            public string Chosen { get; set; } = "";
        }
        """);

    [Fact]
    public Task A_base_class_rule_a_derived_page_cannot_read_names_that_page() => VerifyAsync("""
        using ComponentRoute = Microsoft.AspNetCore.Components.RouteAttribute;
        using Microsoft.AspNetCore.Components;

        [RequireSession<OwnHouse>({|#0:Argument = "house"|})]
        public abstract class HousePageBase : ComponentBase
        {
            [Parameter]
            public string House { get; set; } = "";
        }

        [ComponentRoute("/houses/{house}")]
        public sealed class HousePage : HousePageBase
        {
        }

        // No {house} in its route: the rule would have no argument here.
        [ComponentRoute("/houses")]
        public sealed class AllHousesPage : HousePageBase
        {
        }

        // A routable base: its own route reads the value, a derived page's does not.
        [ComponentRoute("/wings/{wing}"), RequireSession<OwnHouse>({|#1:Argument = "wing"|})]
        public class WingPage : ComponentBase
        {
            [Parameter]
            public string Wing { get; set; } = "";
        }

        [ComponentRoute("/wings")]
        public sealed class AllWingsPage : WingPage
        {
        }
        """,
        new DiagnosticResult(Descriptors.SessionRuleArgumentUnreadable).WithLocation(0).WithArguments(
            "OwnHouse", "HousePageBase", "house",
            "on the page AllHousesPage, which derives from HousePageBase, it names property 'House', which is a [Parameter] that no route of the component names ({House}); UseSessionAuth() reads a rule's argument from the route values and the query string only"),
        new DiagnosticResult(Descriptors.SessionRuleArgumentUnreadable).WithLocation(1).WithArguments(
            "OwnHouse", "WingPage", "wing",
            "on the page AllWingsPage, which derives from WingPage, it names property 'Wing', which is a [Parameter] that no route of the component names ({Wing}); UseSessionAuth() reads a rule's argument from the route values and the query string only"));

    [Fact]
    public Task A_base_class_rule_without_Argument_offers_the_value_every_page_reads() => VerifyAsync("""
        using ComponentRoute = Microsoft.AspNetCore.Components.RouteAttribute;
        using Microsoft.AspNetCore.Components;

        [{|SAUTH0014:RequireSession<OwnHouse>|}]
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

    // Razor Pages

    [Fact]
    public Task Rules_on_page_models_and_their_bases_are_read() => VerifyAsync("""
        using Microsoft.AspNetCore.Mvc.RazorPages;

        [RequireSession<Prefect>]
        public sealed class PrefectsModel : PageModel
        {
            public void OnGet()
            {
            }
        }

        // A base page model: the attribute is inherited, and PageModel's [PageModel] marks the derived models.
        [RequireSession<Prefect>]
        public abstract class StaffPageModel : PageModel
        {
        }

        public sealed class RotaModel : StaffPageModel
        {
            public void OnGet()
            {
            }
        }

        // A POCO page model marked [PageModel] itself.
        [Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure.PageModel, RequireSession<Prefect>]
        public sealed class PlainModel
        {
            public void OnGet()
            {
            }
        }
        """);

    [Fact]
    public Task A_rule_on_a_page_handler_method_is_never_read() => VerifyAsync("""
        using Microsoft.AspNetCore.Mvc.RazorPages;

        public sealed class PrefectsModel : PageModel
        {
            [{|#0:RequireSession<Prefect>|}]
            public void OnGet()
            {
            }
        }
        """,
        new DiagnosticResult(Descriptors.SessionRuleNeverChecked).WithLocation(0).WithArguments(
            "Prefect", "PrefectsModel.OnGet",
            "Razor Pages puts the page model's attributes into the page's endpoint metadata, never a handler method's; put the rule on the page model class"));

    [Fact]
    public Task A_rule_on_a_page_is_read_unless_the_page_has_a_page_model() => VerifyAsync("""
        using Microsoft.AspNetCore.Mvc.RazorPages;

        public sealed class RotaModel : PageModel
        {
        }

        // A page whose model is a page model: MVC reads RotaModel's attributes, not the page's.
        [{|#0:RequireSession<Prefect>|}]
        public abstract class RotaPage : Page
        {
            public RotaModel Model => (RotaModel)PageContext.ViewData.Model!;
        }

        // A page without a page model: the page is its own handler type.
        [RequireSession<Prefect>]
        public abstract class NoticesPage : Page
        {
            public NoticesPage Model => this;
        }
        """,
        new DiagnosticResult(Descriptors.SessionRuleNeverChecked).WithLocation(0).WithArguments(
            "Prefect", "RotaPage",
            "the page's model RotaModel is a page model, and Razor Pages puts the page model's attributes into the page's endpoint metadata instead of the page's; put the rule on RotaModel"));

    [Fact]
    public Task A_two_argument_rule_on_a_page_model_is_left_to_the_run_time_which_judges_the_bound_value() => VerifyAsync("""
        using Microsoft.AspNetCore.Mvc.RazorPages;

        [RequireSession<OwnHouse>(Argument = "house")]
        public sealed class HouseModel : PageModel
        {
            public void OnGet(House house)
            {
            }
        }
        """);

    // MVC model binders

    [Fact]
    public Task Values_bound_by_the_apps_model_binder_are_refused_on_the_parameter_or_its_type() => VerifyAsync("""
        using Microsoft.AspNetCore.Mvc.ModelBinding;

        public sealed class FromHeader : IModelBinder
        {
            public Task BindModelAsync(ModelBindingContext context) => Task.CompletedTask;
        }

        [ModelBinder(typeof(FromHeader))]
        public enum Wing { East, West }

        public sealed class WingRule : ISessionRule<UserSession, Wing>
        {
            public static bool Allows(UserSession user, Wing wing) => true;
        }

        public sealed class HousesController : ControllerBase
        {
            [HttpGet("/api/houses/{house}"), RequireSession<OwnHouse>({|#0:Argument = nameof(house)|})]
            public string ByConstructor([ModelBinder(typeof(FromHeader))] House house) => house.ToString();

            [HttpGet("/api/houses/named/{house}"), RequireSession<OwnHouse>({|#1:Argument = nameof(house)|})]
            public string ByProperty([ModelBinder(BinderType = typeof(FromHeader))] House house) => house.ToString();

            [HttpGet("/api/wings/{wing}"), RequireSession<WingRule>({|#2:Argument = nameof(wing)|})]
            public string ByType(Wing wing) => wing.ToString();
        }
        """,
        Binder(0, "OwnHouse", "ByConstructor", "house", "ModelBinder", string.Empty),
        Binder(1, "OwnHouse", "ByProperty", "house", "ModelBinder", string.Empty),
        Binder(2, "WingRule", "ByType", "wing", "ModelBinder", " on its type Wing"));

    [Fact]
    public Task A_value_MVC_never_binds_is_refused() => VerifyAsync("""
        using Microsoft.AspNetCore.Mvc.ModelBinding;

        public sealed class HousesController : ControllerBase
        {
            [HttpGet("/api/houses/{house}"), RequireSession<OwnHouse>({|#0:Argument = nameof(house)|})]
            public string Never([BindNever] House house) => house.ToString();

            [HttpGet("/api/houses/behaviour/{house}"), RequireSession<OwnHouse>({|#1:Argument = nameof(house)|})]
            public string Behaviour([BindingBehavior(BindingBehavior.Never)] House house) => house.ToString();

            // Required is bound as usual.
            [HttpGet("/api/houses/required/{house}"), RequireSession<OwnHouse>(Argument = nameof(house))]
            public string Required([BindRequired] House house) => house.ToString();
        }
        """,
        new DiagnosticResult(Descriptors.SessionRuleArgumentUnreadable).WithLocation(0).WithArguments(
            "OwnHouse", "HousesController.Never", "house",
            "names parameter 'house', which is [BindNever]: MVC does not bind it, so the action gets its default value whatever the request says; UseSessionAuth() reads a rule's argument from the route values and the query string only"),
        new DiagnosticResult(Descriptors.SessionRuleArgumentUnreadable).WithLocation(1).WithArguments(
            "OwnHouse", "HousesController.Behaviour", "house",
            "names parameter 'house', which is [BindingBehavior]: MVC does not bind it, so the action gets its default value whatever the request says; UseSessionAuth() reads a rule's argument from the route values and the query string only"));

    [Fact]
    public Task A_ModelBinder_that_only_names_the_value_under_its_own_name_is_silent() => VerifyAsync("""
        public sealed class HousesController : ControllerBase
        {
            [HttpGet("/api/houses/{house}"), RequireSession<OwnHouse>(Argument = nameof(house))]
            public string Get([ModelBinder(Name = "house")] House house) => house.ToString();
        }
        """);

    private static Task VerifyAsync(string source, params DiagnosticResult[] expected) =>
        AnalyzerTest.VerifyAsync<SessionRuleAnalyzer>(source + SessionRuleAnalyzerTests.Rules, expected);

    private static DiagnosticResult Binder(int location, string rule, string action, string name, string attribute, string where) =>
        new DiagnosticResult(Descriptors.SessionRuleArgumentUnreadable).WithLocation(location).WithArguments(
            rule, $"HousesController.{action}", name,
            $"names parameter '{name}', which is bound by the model binder FromHeader ([{attribute}(typeof(FromHeader))]{where}), which can read the value from anywhere in the request; UseSessionAuth() reads a rule's argument from the route values and the query string only");
}
