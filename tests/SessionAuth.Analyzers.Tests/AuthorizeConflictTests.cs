using Microsoft.CodeAnalysis.Testing;
using SessionAuth.CodeFixes;
using SessionAuth.Generators.Analyzers;

namespace SessionAuth.Analyzers.Tests;

/// <summary>
/// SAUTH0005 on a server function's <c>[Authorize]</c> (ServerFunctionGuard decides; NearestDecisionTests checks the same
/// shapes against the generated endpoint): opened by an <c>[AllowAnonymous]</c> on its own level (beside it, a base class,
/// an overridden method), which ASP.NET Core's ASP0026 reports on controllers only; and overriding an
/// <c>[AllowAnonymous]</c> on a class around it, where a server function's nearest decision wins while ASP.NET Core's rule
/// would open it.
/// </summary>
public sealed class AuthorizeConflictTests
{
    private static Task VerifyAsync(string source, params DiagnosticResult[] expected) => AnalyzerTest.VerifyAsync<ConflictingGuardAnalyzer>(source, expected);

    private static DiagnosticResult Conflict(int location, string member, string where, string outcome) =>
        new DiagnosticResult(Descriptors.ConflictingGuardAttributes).WithLocation(location).WithArguments(member, "Authorize", where, outcome);

    [Fact]
    public Task An_Authorize_that_AllowAnonymous_opens_on_its_own_level_is_reported() => VerifyAsync("""
        public static class Orders
        {
            [ServerFunction, {|#0:Authorize(Roles = "Admin")|}, AllowAnonymous]
            public static int Count() => 1;
        }

        [AllowAnonymous]
        public class OpenBase
        {
            public virtual int Total() => 1;
        }

        [{|#1:Authorize(Roles = "Admin")|}]
        public class Staff : OpenBase
        {
            [ServerFunction]
            public int Rota() => 1;
        }

        public class Service
        {
            [AllowAnonymous]
            public virtual int Sum() => 1;
        }

        public class Ledger : Service
        {
            [ServerFunction, {|#2:Authorize(Roles = "Admin")|}]
            public override int Sum() => 2;
        }
        """,
        Conflict(0, "Orders.Count", "beside it", Descriptors.AllowAnonymousWins),
        Conflict(1, "Staff", "on its base class OpenBase", Descriptors.AllowAnonymousWins),
        Conflict(2, "Ledger.Sum", "on Service.Sum, which it overrides,", Descriptors.AllowAnonymousWins));

    [Fact]
    public Task An_Authorize_that_overrides_an_AllowAnonymous_around_it_is_reported() => VerifyAsync("""
        [AllowAnonymous]
        public static class Open
        {
            [{|#0:Authorize(Roles = "Admin")|}]
            public static class Vault
            {
                [ServerFunction]
                public static string Secret() => "secret";

                [ServerFunction]
                public static string Key() => "key";
            }

            [ServerFunction, RequireSession, {|#1:Authorize(Roles = "Admin")|}]
            public static string Payroll() => "payroll";
        }
        """,
        Conflict(0, "Vault", "on its outer class Open", Descriptors.NearestDecisionWins),
        Conflict(1, "Open.Payroll", "on its class Open", Descriptors.NearestDecisionWins));

    [Fact]
    public Task Nearest_decisions_that_surprise_no_one_are_silent() => VerifyAsync("""
        // A method's [RequireSession] in an open class: SessionAuth's own attribute, whose nearest decision has always won.
        [AllowAnonymous]
        public static class Open
        {
            [ServerFunction, RequireSession]
            public static int Count() => 1;
        }

        // A nearer [AllowAnonymous] opts out of a farther [Authorize], as on a controller.
        [Authorize(Roles = "Admin")]
        public static class Staff
        {
            [ServerFunction, AllowAnonymous]
            public static int Health() => 1;

            [AllowAnonymous]
            public static class Public
            {
                [ServerFunction]
                public static int Hours() => 1;
            }
        }

        // [Authorize] under an [AllowAnonymous] class that a nearer [AllowAnonymous] opens again: nothing is overridden.
        [AllowAnonymous]
        public static class Foyer
        {
            [Authorize(Roles = "Admin")]
            public static class Office
            {
                [ServerFunction, AllowAnonymous]
                public static int Bell() => 1;
            }
        }

        // A controller is ASP0026's: an [Authorize] action in an [AllowAnonymous] controller is left to it.
        [AllowAnonymous]
        public class OpenController : ControllerBase
        {
            [Authorize(Roles = "Admin")]
            public IActionResult Admin() => Ok();
        }

        // No server function: a plain class's [Authorize] is not ours to judge.
        [AllowAnonymous]
        public static class Helpers
        {
            [Authorize]
            public static int Help() => 1;
        }
        """);

    [Fact]
    public Task Remove_Authorize_keeps_the_AllowAnonymous_beside_it() => AnalyzerTest.VerifyFixAsync<ConflictingGuardAnalyzer, ConflictingGuardCodeFixProvider>(
        """
        using Microsoft.AspNetCore.Authorization;
        using SessionAuth;

        public static class Orders
        {
            [ServerFunction, {|SAUTH0005:Authorize(Roles = "Admin")|}, AllowAnonymous]
            public static int Count() => 1;
        }
        """,
        """
        using Microsoft.AspNetCore.Authorization;
        using SessionAuth;

        public static class Orders
        {
            [ServerFunction, AllowAnonymous]
            public static int Count() => 1;
        }
        """,
        "Remove [Authorize]");
}
