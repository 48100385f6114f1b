using SessionAuth.CodeFixes;
using SessionAuth.Generators.Analyzers;

namespace SessionAuth.Analyzers.Tests;

public sealed class CodeFixTests
{
    private static Task VerifyGuardFixAsync(string source, string fixedSource, string title) =>
        AnalyzerTest.VerifyFixAsync<EndpointGuardAnalyzer, EndpointGuardCodeFixProvider>(source, fixedSource, title);

    private static Task VerifyConflictFixAsync(string source, string fixedSource, string title) =>
        AnalyzerTest.VerifyFixAsync<ConflictingGuardAnalyzer, ConflictingGuardCodeFixProvider>(source, fixedSource, title);

    [Fact]
    public Task Add_RequireSession_to_a_server_function_adds_the_attribute_on_its_own_line_and_the_using() => VerifyGuardFixAsync(
        """
        using Microsoft.AspNetCore.Authorization;

        namespace Shop;

        public static class Orders
        {
            /// <summary>Counts orders.</summary>
            [SessionAuth.ServerFunction]
            public static int {|SAUTH0001:Count|}() => 1;
        }
        """,
        """
        using Microsoft.AspNetCore.Authorization;
        using SessionAuth;

        namespace Shop;

        public static class Orders
        {
            /// <summary>Counts orders.</summary>
            [SessionAuth.ServerFunction]
            [RequireSession]
            public static int Count() => 1;
        }
        """,
        "Add [RequireSession]");

    [Fact]
    public Task Add_AllowAnonymous_to_a_controller_action_keeps_the_doc_comment_above_it() => VerifyGuardFixAsync(
        """
        using Microsoft.AspNetCore.Mvc;

        public class HomeController : ControllerBase
        {
            /// <summary>The home page.</summary>
            public IActionResult {|SAUTH0001:Index|}() => Ok();
        }
        """,
        """
        using Microsoft.AspNetCore.Authorization;
        using Microsoft.AspNetCore.Mvc;

        public class HomeController : ControllerBase
        {
            /// <summary>The home page.</summary>
            [AllowAnonymous]
            public IActionResult Index() => Ok();
        }
        """,
        "Add [AllowAnonymous]");

    [Fact]
    public Task Append_RequireSession_to_a_map_call() => VerifyGuardFixAsync(
        """
        using Microsoft.AspNetCore.Builder;

        public static class Endpoints
        {
            public static void Map(WebApplication app)
            {
                app.MapGet("/orders", Handler);
                app.MapPost("/orders", () {|SAUTH0001:=>|} "created");
            }

            private static string Handler() => "orders";
        }
        """.Replace("app.MapGet(\"/orders\", Handler)", "app.MapGet(\"/orders\", {|SAUTH0001:Handler|})", StringComparison.Ordinal),
        """
        using Microsoft.AspNetCore.Builder;
        using SessionAuth;

        public static class Endpoints
        {
            public static void Map(WebApplication app)
            {
                app.MapGet("/orders", Handler).RequireSession();
                app.MapPost("/orders", () => "created").RequireSession();
            }

            private static string Handler() => "orders";
        }
        """,
        "Append .RequireSession() to the endpoint");

    [Fact]
    public Task Add_AllowAnonymous_to_a_lambda_handler() => VerifyGuardFixAsync(
        """
        using Microsoft.AspNetCore.Authorization;
        using Microsoft.AspNetCore.Builder;

        public static class Endpoints
        {
            public static void Map(WebApplication app) => app.MapGet("/health", () {|SAUTH0001:=>|} "ok");
        }
        """,
        """
        using Microsoft.AspNetCore.Authorization;
        using Microsoft.AspNetCore.Builder;

        public static class Endpoints
        {
            public static void Map(WebApplication app) => app.MapGet("/health", [AllowAnonymous] () => "ok");
        }
        """,
        "Add [AllowAnonymous] to the handler");

    [Fact]
    public Task Remove_AllowAnonymous_keeps_RequireSession() => VerifyConflictFixAsync(
        """
        using Microsoft.AspNetCore.Authorization;
        using SessionAuth;

        public static class Orders
        {
            [ServerFunction, {|SAUTH0005:RequireSession|}, AllowAnonymous]
            public static int Count() => 1;
        }
        """,
        """
        using Microsoft.AspNetCore.Authorization;
        using SessionAuth;

        public static class Orders
        {
            [ServerFunction, RequireSession]
            public static int Count() => 1;
        }
        """,
        "Remove [AllowAnonymous]");

    /// <summary>An [AllowAnonymous] that opens a [RequireSession] from a base class is no edit of the member: the fix removes the [RequireSession].</summary>
    [Fact]
    public Task An_AllowAnonymous_on_a_base_class_is_fixed_by_removing_the_RequireSession() => VerifyConflictFixAsync(
        """
        using Microsoft.AspNetCore.Authorization;
        using SessionAuth;

        [AllowAnonymous]
        public class PublicBase
        {
        }

        [{|SAUTH0005:RequireSession|}]
        public class Ledger : PublicBase
        {
            [ServerFunction]
            public static int Balance() => 1;
        }
        """,
        """
        using Microsoft.AspNetCore.Authorization;
        using SessionAuth;

        [AllowAnonymous]
        public class PublicBase
        {
        }

        public class Ledger : PublicBase
        {
            [ServerFunction]
            public static int Balance() => 1;
        }
        """,
        "Remove [RequireSession]");

    [Fact]
    public Task Remove_RequireSession_removes_its_whole_line() => VerifyConflictFixAsync(
        """
        using Microsoft.AspNetCore.Authorization;
        using SessionAuth;

        public static class Orders
        {
            /// <summary>Counts orders.</summary>
            [{|SAUTH0005:RequireSession|}]
            [ServerFunction]
            [AllowAnonymous]
            public static int Count() => 1;
        }
        """,
        """
        using Microsoft.AspNetCore.Authorization;
        using SessionAuth;

        public static class Orders
        {
            /// <summary>Counts orders.</summary>
            [ServerFunction]
            [AllowAnonymous]
            public static int Count() => 1;
        }
        """,
        "Remove [RequireSession]");

    [Fact]
    public Task Remove_RequireSession_removes_the_rule_attribute_that_AllowAnonymous_opens() => VerifyConflictFixAsync(
        """
        using Microsoft.AspNetCore.Authorization;
        using SessionAuth;

        public static class Orders
        {
            [ServerFunction, {|SAUTH0005:RequireSession<Prefect>|}, AllowAnonymous]
            public static int Count() => 1;
        }

        [SessionData]
        public sealed record UserSession(int UserId, bool IsPrefect);

        public sealed class Prefect : ISessionRule<UserSession>
        {
            public static bool Allows(UserSession user) => user.IsPrefect;
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

        [SessionData]
        public sealed record UserSession(int UserId, bool IsPrefect);

        public sealed class Prefect : ISessionRule<UserSession>
        {
            public static bool Allows(UserSession user) => user.IsPrefect;
        }
        """,
        "Remove [RequireSession]");

    private static Task VerifyRuleArgumentFixAsync(string source, string fixedSource, string title) =>
        AnalyzerTest.VerifyFixAsync<SessionRuleAnalyzer, SessionRuleArgumentCodeFixProvider>(source + SessionRuleAnalyzerTests.Rules, fixedSource + SessionRuleAnalyzerTests.Rules, title);

    [Fact]
    public Task Remove_Argument_from_a_one_argument_rule_drops_the_empty_parentheses_too() => VerifyRuleArgumentFixAsync(
        """
        using SessionAuth;

        public static class Houses
        {
            [ServerFunction, RequireSession<Prefect>({|SAUTH0014:Argument = nameof(house)|})]
            public static string CommonRoom(House house) => house.ToString();

            [ServerFunction, RequireSession<Prefect>(RedirectTo = "/login", {|SAUTH0014:Argument = "house"|})]
            public static string Hall(House house) => house.ToString();
        }
        """,
        """
        using SessionAuth;

        public static class Houses
        {
            [ServerFunction, RequireSession<Prefect>]
            public static string CommonRoom(House house) => house.ToString();

            [ServerFunction, RequireSession<Prefect>(RedirectTo = "/login")]
            public static string Hall(House house) => house.ToString();
        }
        """,
        "Remove Argument");

    [Fact]
    public Task Set_Argument_names_the_one_parameter_the_rule_can_read() => VerifyRuleArgumentFixAsync(
        """
        using SessionAuth;

        public static class Houses
        {
            [ServerFunction, {|SAUTH0014:RequireSession<OwnHouse>|}]
            public static string CommonRoom(House house, int points, UserSession user) => house.ToString();

            [ServerFunction, {|SAUTH0014:RequireSession<OwnHouse>(RedirectTo = "/login")|}]
            public static string Hall(int points, House house) => house.ToString();
        }
        """,
        """
        using SessionAuth;

        public static class Houses
        {
            [ServerFunction, RequireSession<OwnHouse>(Argument = nameof(house))]
            public static string CommonRoom(House house, int points, UserSession user) => house.ToString();

            [ServerFunction, RequireSession<OwnHouse>(RedirectTo = "/login", Argument = nameof(house))]
            public static string Hall(int points, House house) => house.ToString();
        }
        """,
        "Set Argument = nameof(house)");

    /// <summary>With two parameters the rule could read, which one is meant is the author's call: no fix is offered.</summary>
    [Fact]
    public Task Set_Argument_is_not_offered_when_two_parameters_could_be_the_argument()
    {
        var source = """
            using SessionAuth;

            public static class Houses
            {
                [ServerFunction, {|SAUTH0014:RequireSession<OwnHouse>|}]
                public static string Swap(House from, House to) => from.ToString();
            }
            """ + SessionRuleAnalyzerTests.Rules;
        return AnalyzerTest.VerifyFixAsync<SessionRuleAnalyzer, SessionRuleArgumentCodeFixProvider>(source, source, "Set Argument = nameof(from)");
    }
}
