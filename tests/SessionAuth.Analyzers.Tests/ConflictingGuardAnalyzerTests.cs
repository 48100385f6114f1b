using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using SessionAuth.Generators.Analyzers;

namespace SessionAuth.Analyzers.Tests;

/// <summary>
/// SAUTH0005: a <c>[RequireSession]</c> that an <c>[AllowAnonymous]</c> opens from the same member or from farther away
/// (a base class, an overridden method, an action's controller) is reported; one a nearer <c>[AllowAnonymous]</c> opts
/// out of (a method of a guarded class, a derived class, an action of a guarded controller), or that a server function's
/// nearest decision keeps, is not. Each case is what the runtime does with the pair, checked over HTTP in
/// SessionAuth.Tests (<c>ConflictingGuardHttpTests</c>).
/// </summary>
public sealed class ConflictingGuardAnalyzerTests
{
    private static Task VerifyAsync(string source, params DiagnosticResult[] expected) => AnalyzerTest.VerifyAsync<ConflictingGuardAnalyzer>(source, expected);

    private static DiagnosticResult Conflict(int location, string member, string attribute, string where) =>
        new DiagnosticResult(Descriptors.ConflictingGuardAttributes).WithLocation(location).WithArguments(member, attribute, where, Descriptors.AllowAnonymousWins);

    [Fact]
    public Task RequireSession_and_AllowAnonymous_on_one_member_are_reported() => VerifyAsync("""
        public static class Orders
        {
            [ServerFunction, {|SAUTH0005:RequireSession|}, AllowAnonymous]
            public static int Count() => 1;

            [ServerFunction, RequireSession]
            public static int Sum() => 1;
        }

        [{|SAUTH0005:RequireSession(RedirectTo = "/login")|}]
        [AllowAnonymous]
        public class HomeController : ControllerBase
        {
            public IActionResult Index() => Ok();
        }

        public static class Endpoints
        {
            public static void Map(WebApplication app) => app.MapGet("/x", [{|SAUTH0005:RequireSession|}, AllowAnonymous] () => "x");
        }
        """);

    /// <summary>
    /// A partial method is two symbols with one set of attributes: the pair split across its parts, either way round, is
    /// one conflict, reported once; a part with only one of them is none.
    /// </summary>
    [Fact]
    public Task RequireSession_and_AllowAnonymous_on_the_parts_of_a_partial_method_are_reported_once() => VerifyAsync("""
        public static partial class Orders
        {
            [ServerFunction, AllowAnonymous]
            public static partial int Count();

            [{|#0:RequireSession|}]
            public static partial int Count() => 1;

            [ServerFunction, {|#1:RequireSession|}]
            public static partial int Sum();

            [AllowAnonymous]
            public static partial int Sum() => 1;

            [ServerFunction, {|#2:RequireSession|}, AllowAnonymous]
            public static partial int Both();

            public static partial int Both() => 1;

            [ServerFunction]
            public static partial int Guarded();

            [RequireSession]
            public static partial int Guarded() => 1;

            [ServerFunction]
            public static partial int Open();

            [AllowAnonymous]
            public static partial int Open() => 1;
        }
        """,
        Conflict(0, "Orders.Count", "RequireSession", "beside it"),
        Conflict(1, "Orders.Sum", "RequireSession", "beside it"),
        Conflict(2, "Orders.Both", "RequireSession", "beside it"));

    [Fact]
    public Task A_rule_attribute_is_a_RequireSession_that_AllowAnonymous_opens_too() => AnalyzerTest.VerifyAsync<ConflictingGuardAnalyzer>(
        """
        public static class Orders
        {
            [ServerFunction, {|#0:RequireSession<Prefect>|}, RequireSession<Prefect>, AllowAnonymous]
            public static int Count() => 1;

            // A rule beside [RequireSession], without [AllowAnonymous], says one thing twice.
            [ServerFunction, RequireSession, RequireSession<Prefect>]
            public static int Sum() => 1;

            public static void Map(WebApplication app) => app.MapGet("/x", [AllowAnonymous, {|#1:RequireSession<Prefect>|}] () => "x");
        }

        [SessionData]
        public sealed record UserSession(int UserId, bool IsPrefect);

        public sealed class Prefect : ISessionRule<UserSession>
        {
            public static bool Allows(UserSession user) => user.IsPrefect;
        }
        """,
        new Microsoft.CodeAnalysis.Testing.DiagnosticResult(Descriptors.ConflictingGuardAttributes).WithLocation(0).WithArguments("Orders.Count", "RequireSession<Prefect>", "beside it", Descriptors.AllowAnonymousWins),
        new Microsoft.CodeAnalysis.Testing.DiagnosticResult(Descriptors.ConflictingGuardAttributes).WithLocation(1).WithArguments("lambda in Orders.Map", "RequireSession<Prefect>", "beside it", Descriptors.AllowAnonymousWins));

    [Fact]
    public Task On_server_functions_an_AllowAnonymous_passed_on_by_a_base_class_or_an_overridden_method_opens_the_RequireSession() => VerifyAsync(
        """
        [AllowAnonymous]
        public class PublicBase
        {
        }

        // Its GetCustomAttributes(inherit: true) holds both, as the endpoint's metadata does: [AllowAnonymous] wins.
        [{|#0:RequireSession|}]
        public class Ledger : PublicBase
        {
            [ServerFunction]
            public static int Balance() => 1;
        }

        // Farther still: the base of a base.
        [{|#1:RequireSession<Prefect>|}]
        public class Awards : Ledger
        {
            [ServerFunction]
            public static int Points() => 1;
        }

        public abstract class Service
        {
            [AllowAnonymous]
            public virtual int Count() => 0;
        }

        public sealed class Orders : Service
        {
            [ServerFunction, {|#2:RequireSession|}]
            public override int Count() => 1;
        }

        [SessionData]
        public sealed record UserSession(int UserId, bool IsPrefect);

        public sealed class Prefect : ISessionRule<UserSession>
        {
            public static bool Allows(UserSession user) => user.IsPrefect;
        }
        """,
        Conflict(0, "Ledger", "RequireSession", "on its base class PublicBase"),
        Conflict(1, "Awards", "RequireSession<Prefect>", "on its base class PublicBase"),
        Conflict(2, "Orders.Count", "RequireSession", "on Service.Count, which it overrides,"));

    [Fact]
    public Task On_server_functions_a_nearer_decision_is_no_conflict() => VerifyAsync("""
        // A server function's nearest decision wins: the method's [RequireSession] guards it in an [AllowAnonymous] class.
        [AllowAnonymous]
        public static class Catalogue
        {
            [ServerFunction, RequireSession]
            public static int Restricted() => 1;
        }

        // An opt-out: the derived class, nearer, opens what its base guards.
        [RequireSession]
        public class SecureBase
        {
        }

        [AllowAnonymous]
        public class Lobby : SecureBase
        {
            [ServerFunction]
            public static int Open() => 1;
        }

        public abstract class Service
        {
            [RequireSession]
            public virtual int Count() => 0;
        }

        public sealed class Orders : Service
        {
            [ServerFunction, AllowAnonymous]
            public override int Count() => 1;
        }

        // An IAllowAnonymous attribute that says Inherited = false is not passed on, so the derived class is guarded.
        [AttributeUsage(AttributeTargets.Class, Inherited = false)]
        public sealed class OpenHereOnlyAttribute : Attribute, Microsoft.AspNetCore.Authorization.IAllowAnonymous;

        [OpenHereOnly]
        public class Foyer
        {
        }

        [RequireSession]
        public class Study : Foyer
        {
            [ServerFunction]
            public static int Read() => 1;
        }
        """);

    /// <summary>
    /// The runtime reads the <c>AttributeUsage</c> an attribute class declares itself: one without its own is inherited,
    /// whatever its base attribute class says, so its <c>[AllowAnonymous]</c> reaches the derived class.
    /// </summary>
    [Fact]
    public Task An_AllowAnonymous_class_without_an_AttributeUsage_of_its_own_is_passed_on_whatever_its_base_says() => VerifyAsync(
        """
        [AttributeUsage(AttributeTargets.Class, Inherited = false)]
        public class OpenHereOnlyAttribute : Attribute, Microsoft.AspNetCore.Authorization.IAllowAnonymous;

        public sealed class OpenAttribute : OpenHereOnlyAttribute;

        [Open]
        public class Foyer
        {
        }

        [{|#0:RequireSession|}]
        public class Study : Foyer
        {
            [ServerFunction]
            public static int Read() => 1;
        }
        """,
        Conflict(0, "Study", "RequireSession", "on its base class Foyer"));

    [Fact]
    public Task An_AllowAnonymous_controller_opens_the_RequireSession_of_its_actions() => VerifyAsync(
        """
        [AllowAnonymous]
        public class PublicController : ControllerBase
        {
            [{|#0:RequireSession|}]
            public IActionResult Account() => Ok();

            [{|#1:RequireSession<Prefect>|}]
            public IActionResult Awards() => Ok();

            public IActionResult Index() => Ok();

            // Not an action: no endpoint carries its attribute.
            [NonAction, RequireSession]
            public IActionResult Helper() => Ok();
        }

        [AllowAnonymous]
        public abstract class OpenControllerBase : ControllerBase
        {
        }

        public class ShopController : OpenControllerBase
        {
            [{|#2:RequireSession|}]
            public IActionResult Basket() => Ok();
        }

        public abstract class Pages : ControllerBase
        {
            [RequireSession]
            public IActionResult Profile() => Ok();
        }

        // The inherited action is this controller's endpoint: reported here, where it is opened.
        [AllowAnonymous]
        public class {|#3:MembersController|} : Pages
        {
        }

        [SessionData]
        public sealed record UserSession(int UserId, bool IsPrefect);

        public sealed class Prefect : ISessionRule<UserSession>
        {
            public static bool Allows(UserSession user) => user.IsPrefect;
        }
        """,
        Conflict(0, "Action PublicController.Account", "RequireSession", "on its controller"),
        Conflict(1, "Action PublicController.Awards", "RequireSession<Prefect>", "on its controller"),
        Conflict(2, "Action ShopController.Basket", "RequireSession", "on its controller's base class OpenControllerBase"),
        Conflict(3, "Action MembersController.Profile (inherited from Pages)", "RequireSession", "on its controller"));

    [Fact]
    public Task An_action_that_opts_out_of_its_controllers_RequireSession_is_no_conflict() => VerifyAsync("""
        [RequireSession]
        public class AccountController : ControllerBase
        {
            public IActionResult Index() => Ok();

            [AllowAnonymous]
            public IActionResult Login() => Ok();
        }

        [RequireSession]
        public abstract class SecureControllerBase : ControllerBase
        {
        }

        [AllowAnonymous]
        public class LobbyController : SecureControllerBase
        {
            public IActionResult Index() => Ok();
        }

        // The class of a minimal API handler is never read: its [AllowAnonymous] opens nothing.
        [AllowAnonymous]
        public static class Handlers
        {
            [RequireSession]
            public static string Profile() => "profile";

            public static void Map(WebApplication app) => app.MapGet("/profile", Profile);
        }
        """);

    [Fact]
    public Task A_page_whose_base_component_carries_AllowAnonymous_is_reported_also_when_the_Razor_generator_wrote_it() => AnalyzerTest.VerifyProjectAsync<ConflictingGuardAnalyzer>(
        OutputKind.DynamicallyLinkedLibrary,
        [
            ("Bases.cs", """
                [AllowAnonymous]
                public abstract class PublicPage : Microsoft.AspNetCore.Components.ComponentBase
                {
                }

                [RequireSession]
                public abstract class SecurePage : Microsoft.AspNetCore.Components.ComponentBase
                {
                }

                [Microsoft.AspNetCore.Components.Route("/houses"), {|#0:RequireSession|}]
                public sealed class Houses : PublicPage
                {
                }

                // An opt-out: the page is nearer than its base.
                [Microsoft.AspNetCore.Components.Route("/login"), AllowAnonymous]
                public sealed class Login : SecurePage
                {
                }
                """),
            ("Components_Pages_Students_razor.g.cs", """
                // <auto-generated/>
                namespace Hogwarts.Components.Pages
                {
                    [global::Microsoft.AspNetCore.Components.RouteAttribute("/students")]
                    [{|#1:global::SessionAuth.RequireSession|}]
                    public partial class Students : global::PublicPage
                    {
                    }
                }
                """),
        ],
        Conflict(0, "Houses", "RequireSession", "on its base class PublicPage"),
        Conflict(1, "Students", "RequireSession", "on its base class PublicPage"));
}
