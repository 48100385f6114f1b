using SessionAuth.Generators.Analyzers;

namespace SessionAuth.Analyzers.Tests;

/// <summary>
/// SAUTH0001 and SAUTH0004 read <c>[RequireSession&lt;TRule&gt;]</c> as the <c>[RequireSession]</c> it implies, where the
/// framework reads it: on a server function, its class or an outer class; on a minimal API handler's method only.
/// </summary>
public sealed class SessionRuleDecisionTests
{
    private const string Rules = """

        [SessionData]
        public sealed record Member(int Id, bool IsPrefect, int House);

        public sealed class Prefect : ISessionRule<Member>
        {
            public static bool Allows(Member member) => member.IsPrefect;
        }

        public sealed class OwnHouse : ISessionRule<Member, int>
        {
            public static bool Allows(Member member, int house) => member.House == house;
        }
        """;

    private static Task VerifyAsync(string source) => AnalyzerTest.VerifyAsync<EndpointGuardAnalyzer>(source + Rules);

    [Fact]
    public Task A_rule_on_a_server_function_or_its_class_is_a_decision() => VerifyAsync("""
        public static class Houses
        {
            [ServerFunction, RequireSession<Prefect>]
            public static int Award(Member member) => 1;

            [ServerFunction("/houses/{house}", Method = "GET"), RequireSession<OwnHouse>(Argument = nameof(house))]
            public static int CommonRoom(int house, Member member) => house;

            [ServerFunction]
            public static int {|SAUTH0001:Unguarded|}() => 1;
        }

        [RequireSession<Prefect>]
        public static class Prefects
        {
            [ServerFunction]
            public static int Lounge(Member member) => 1;

            public static class Inner
            {
                [ServerFunction]
                public static int Office() => 1;
            }
        }
        """);

    [Fact]
    public Task A_rule_on_a_minimal_API_handler_is_a_decision_and_its_session_data_needs_no_other_guard() => VerifyAsync("""
        public static class Endpoints
        {
            public static void Map(WebApplication app)
            {
                app.MapGet("/a", [RequireSession<Prefect>] (Member member) => member.Id);
                app.MapGet("/b/{house}", [RequireSession<OwnHouse>(Argument = "house")] (int house) => house);
                app.MapGet("/c", Handlers.Award);
                app.MapGet("/d", () {|SAUTH0001:=>|} "d");
            }
        }

        public static class Handlers
        {
            [RequireSession<Prefect>]
            public static int Award(Member member) => member.Id;
        }
        """);

    [Fact]
    public Task A_rule_on_the_class_of_a_method_group_handler_is_no_decision_because_aspnetcore_reads_only_the_method() => VerifyAsync("""
        public static class Endpoints
        {
            public static void Map(WebApplication app)
            {
                app.MapGet("/a", {|SAUTH0001:Prefects.Get|});
                app.MapGet("/b", {|SAUTH0001:Prefects.Mine|});
            }
        }

        [RequireSession<Prefect>]
        public static class Prefects
        {
            public static string Get() => "a";

            public static int Mine(Member {|SAUTH0004:member|}) => member.Id;
        }
        """);

    [Fact]
    public Task A_rule_on_a_controller_or_its_action_is_a_decision() => VerifyAsync("""
        [ApiController]
        [RequireSession<Prefect>]
        public sealed class PrefectsController : ControllerBase
        {
            [HttpGet("/prefects")]
            public string Get() => "prefects";
        }

        [ApiController]
        public sealed class HousesController : ControllerBase
        {
            [HttpGet("/houses/{house}")]
            [RequireSession<OwnHouse>(Argument = "house")]
            public int Get(int house) => house;

            [HttpGet("/houses")]
            public string {|SAUTH0001:All|}() => "all";
        }
        """);
}
