using SessionAuth.Generators.Analyzers;

namespace SessionAuth.Analyzers.Tests;

/// <summary>SAUTH0013 to SAUTH0016: every [RequireSession&lt;TRule&gt;] names a rule that can run, with an argument it can read, where an endpoint reads it.</summary>
public sealed class SessionRuleAnalyzerTests
{
    /// <summary>The rules over the app's one session type (the code fix tests use them too).</summary>
    internal const string Rules = """

        [SessionData]
        public sealed record UserSession(int UserId, House House, bool IsPrefect);

        public enum House { Gryffindor, Slytherin }

        public sealed class Prefect : ISessionRule<UserSession>
        {
            public static bool Allows(UserSession user) => user.IsPrefect;
        }

        public sealed class OwnHouse : ISessionRule<UserSession, House>
        {
            public static bool Allows(UserSession user, House house) => user.House == house;
        }

        """;

    private static Task VerifyAsync(string source) => AnalyzerTest.VerifyAsync<SessionRuleAnalyzer>(source + Rules);

    // Allowed everywhere the runtime reads it

    [Fact]
    public Task Rules_on_every_supported_target_with_arguments_they_can_read_are_silent() => VerifyAsync("""
        using ComponentRoute = Microsoft.AspNetCore.Components.RouteAttribute;

        public static class Houses
        {
            [ServerFunction, RequireSession<Prefect>]
            public static Task AwardPoints(House house, int points, UserSession user) => Task.CompletedTask;

            [ServerFunction("/houses/{house}/common-room", Method = "GET"), RequireSession<OwnHouse>(Argument = nameof(house))]
            public static string CommonRoom(House house, UserSession user) => house.ToString();

            // A server function passes the bound value itself: a body value and a nullable wrapping are fine.
            [ServerFunction, RequireSession<OwnHouse>(Argument = nameof(house)), RequireSession<MaybeHouse>(Argument = nameof(house))]
            public static int Points(House house) => 1;

            public static void Map(WebApplication app)
            {
                app.MapGet("/houses/{house}", [RequireSession<OwnHouse>(Argument = nameof(house))] (House house) => house.ToString());
                app.MapGet("/rooms", [RequireSession<MaybeHouse>(Argument = nameof(house)), RequireSession<Prefect>] ([FromQuery] House? house) => "x");
                app.MapGet("/prefects", Prefects);
            }

            [RequireSession<Prefect>]
            public static string Prefects() => "prefects";
        }

        [RequireSession<Prefect>]
        public static class Staff
        {
            [ServerFunction]
            public static int Count() => 1;
        }

        [RequireSession<Prefect>]
        public sealed class HousesController : ControllerBase
        {
            [HttpGet("/api/houses/{house}"), RequireSession<OwnHouse>(Argument = nameof(house))]
            public string Get(House house) => house.ToString();

            [HttpGet("/api/search"), RequireSession<OwnHouse>(Argument = nameof(house))]
            public string Search([FromQuery] House house) => house.ToString();
        }

        // The router hands the page its route text: the rule parses it as a House, whatever the property's type.
        [ComponentRoute("/houses/{house}/room"), RequireSession<OwnHouse>(Argument = nameof(House))]
        public sealed class CommonRoomPage : Microsoft.AspNetCore.Components.ComponentBase
        {
            [Microsoft.AspNetCore.Components.Parameter]
            public string House { get; set; } = "";
        }

        // Route values are found without regard to case, as routing finds them.
        [ComponentRoute("/houses/{house}/notices"), RequireSession<OwnHouse>(Argument = "house")]
        public sealed class NoticesPage : Microsoft.AspNetCore.Components.ComponentBase
        {
            [Microsoft.AspNetCore.Components.Parameter]
            public string House { get; set; } = "";
        }

        [ComponentRoute("/houses"), RequireSession<MaybeHouse>(Argument = nameof(House))]
        public sealed class HousesPage : Microsoft.AspNetCore.Components.ComponentBase
        {
            [Microsoft.AspNetCore.Components.SupplyParameterFromQuery]
            public House? House { get; set; }
        }

        [RequireSession<Prefect>]
        public sealed class HouseHub : Microsoft.AspNetCore.SignalR.Hub
        {
        }

        public sealed class MaybeHouse : ISessionRule<UserSession, House?>
        {
            public static bool Allows(UserSession user, House? house) => house is null || user.House == house;
        }
        """);

    // SAUTH0013: the rule type

    [Fact]
    public Task A_rule_that_implements_only_the_marker_has_no_Allows_to_call() => VerifyAsync("""
        public sealed class Marker : ISessionRule
        {
        }

        public static class Houses
        {
            [ServerFunction, {|SAUTH0013:RequireSession<Marker>|}]
            public static int Count() => 1;
        }
        """);

    [Fact]
    public Task A_rule_with_two_Allows_is_ambiguous_whether_over_two_arities_or_two_session_types() => VerifyAsync("""
        [SessionData]
        public sealed record AdminSession(int AdminId);

        public sealed class Both : ISessionRule<UserSession>, ISessionRule<UserSession, House>
        {
            public static bool Allows(UserSession user) => true;
            public static bool Allows(UserSession user, House house) => true;
        }

        public sealed class TwoSessions : ISessionRule<UserSession>, ISessionRule<AdminSession>
        {
            public static bool Allows(UserSession user) => true;
            public static bool Allows(AdminSession admin) => true;
        }

        public static class Houses
        {
            [ServerFunction, {|SAUTH0013:RequireSession<Both>|}]
            public static int Count() => 1;

            [ServerFunction, {|SAUTH0013:RequireSession<TwoSessions>|}]
            public static int Total() => 1;
        }
        """);

    [Fact]
    public Task An_interface_is_no_rule_even_with_a_default_Allows_because_only_a_type_parameter_could_call_it() => VerifyAsync("""
        public interface IStaff : ISessionRule<UserSession>
        {
            static bool ISessionRule<UserSession>.Allows(UserSession user) => user.IsPrefect;
        }

        public static class Houses
        {
            [ServerFunction, {|SAUTH0013:RequireSession<IStaff>|}]
            public static int Count() => 1;
        }
        """);

    [Fact]
    public Task A_rule_over_a_type_that_is_not_the_apps_session_data_is_reported_on_every_target() => VerifyAsync("""
        public sealed record Visitor(string Name);

        public sealed class Named : ISessionRule<Visitor>
        {
            public static bool Allows(Visitor visitor) => visitor.Name.Length > 0;
        }

        public static class Houses
        {
            [ServerFunction, {|SAUTH0013:RequireSession<Named>|}]
            public static int Count() => 1;

            public static void Map(WebApplication app) => app.MapGet("/x", [{|SAUTH0013:RequireSession<Named>|}] () => "x");
        }
        """);

    [Fact]
    public Task A_server_function_checks_the_rule_against_the_session_its_parameters_take() => VerifyAsync("""
        [SessionData]
        public sealed record AdminSession(int AdminId);

        public static class Houses
        {
            [ServerFunction, {|SAUTH0013:RequireSession<Prefect>|}]
            public static int Count(AdminSession admin) => 1;

            [ServerFunction, {|SAUTH0013:RequireSession<Prefect>|}]
            public static int Total(Session<AdminSession> session) => 1;

            [ServerFunction, RequireSession<Prefect>]
            public static int Mine(Session<UserSession> session) => 1;
        }
        """);

    [Fact]
    public Task Without_a_SessionData_type_in_the_project_the_rules_session_type_must_carry_the_attribute() => AnalyzerTest.VerifyAsync<SessionRuleAnalyzer>("""
        public sealed record Visitor(string Name);

        public sealed class Named : ISessionRule<Visitor>
        {
            public static bool Allows(Visitor visitor) => true;
        }

        public static class Houses
        {
            public static void Map(WebApplication app) => app.MapGet("/x", [{|SAUTH0013:RequireSession<Named>|}] () => "x");
        }
        """);

    [Fact]
    public Task A_rule_the_generated_endpoint_cannot_reach_is_reported_on_server_functions_only() => VerifyAsync("""
        public static class Houses
        {
            private sealed class Hidden : ISessionRule<UserSession>
            {
                public static bool Allows(UserSession user) => true;
            }

            [ServerFunction, {|SAUTH0013:RequireSession<Hidden>|}]
            public static int Count() => 1;

            public static void Map(WebApplication app) => app.MapGet("/x", [RequireSession<Hidden>] () => "x");
        }
        """);

    // SAUTH0014: Argument missing or not wanted

    [Fact]
    public Task A_two_argument_rule_without_Argument_is_reported() => VerifyAsync("""
        public static class Houses
        {
            [ServerFunction, {|SAUTH0014:RequireSession<OwnHouse>|}]
            public static string CommonRoom(House house) => house.ToString();

            public static void Map(WebApplication app) => app.MapGet("/{house}", [{|SAUTH0014:RequireSession<OwnHouse>|}] (House house) => "x");
        }
        """);

    [Fact]
    public Task A_one_argument_rule_given_an_Argument_is_reported_on_the_Argument() => VerifyAsync("""
        public static class Houses
        {
            [ServerFunction, RequireSession<Prefect>({|SAUTH0014:Argument = nameof(house)|})]
            public static string CommonRoom(House house) => house.ToString();
        }
        """);

    // SAUTH0015: Argument names no value the rule can read

    [Fact]
    public Task Argument_naming_no_parameter_is_reported() => VerifyAsync("""
        public static class Houses
        {
            [ServerFunction, RequireSession<OwnHouse>({|SAUTH0015:Argument = "hose"|})]
            public static string CommonRoom(House house) => house.ToString();
        }
        """);

    [Fact]
    public Task Argument_naming_a_parameter_the_rules_argument_type_cannot_take_is_reported() => VerifyAsync("""
        #nullable enable
        public static class Houses
        {
            [ServerFunction, RequireSession<OwnHouse>({|SAUTH0015:Argument = nameof(id)|})]
            public static string ById(int id) => "x";

            // A missing value would reach a rule that says it never gets null.
            [ServerFunction, RequireSession<OwnHouse>({|SAUTH0015:Argument = nameof(house)|})]
            public static string Maybe(House? house) => "x";

            [ServerFunction, RequireSession<Named>({|SAUTH0015:Argument = nameof(name)|})]
            public static string ByName(string? name) => "x";

            // A reference conversion is fine where the generated endpoint passes the bound value itself.
            [ServerFunction, RequireSession<Any>(Argument = nameof(name))]
            public static string Anything(string name) => "x";

            // A numeric conversion is not: the rule would see another value than the function.
            [ServerFunction, RequireSession<Wide>({|SAUTH0015:Argument = nameof(id)|})]
            public static string Widened(int id) => "x";
        }

        public sealed class Named : ISessionRule<UserSession, string>
        {
            public static bool Allows(UserSession user, string name) => true;
        }

        public sealed class Any : ISessionRule<UserSession, object>
        {
            public static bool Allows(UserSession user, object value) => true;
        }

        public sealed class Wide : ISessionRule<UserSession, long>
        {
            public static bool Allows(UserSession user, long value) => true;
        }
        """);

    [Fact]
    public Task On_a_minimal_API_handler_or_action_Argument_must_name_a_route_or_query_value_under_its_own_name() => VerifyAsync("""
        public sealed record Room(House House);

        public static class Houses
        {
            public static void Map(WebApplication app)
            {
                app.MapPost("/body", [RequireSession<OwnHouse>({|SAUTH0015:Argument = nameof(house)|})] ([FromBody] House house) => "x");
                app.MapPost("/header", [RequireSession<OwnHouse>({|SAUTH0015:Argument = nameof(house)|})] ([FromHeader] House house) => "x");
                app.MapPost("/renamed", [RequireSession<OwnHouse>({|SAUTH0015:Argument = nameof(house)|})] ([FromQuery(Name = "h")] House house) => "x");
                app.MapPost("/complex", [RequireSession<RoomRule>({|SAUTH0015:Argument = nameof(room)|})] (Room room) => "x");
                app.MapGet("/any/{name}", [RequireSession<Any>({|SAUTH0015:Argument = nameof(name)|})] (string name) => "x");
                app.MapGet("/same/{name}", [RequireSession<Named>(Argument = nameof(name))] (string name) => "x");
            }
        }

        public sealed class HousesController : ControllerBase
        {
            [HttpPost("/api/houses"), RequireSession<OwnHouse>({|SAUTH0015:Argument = nameof(house)|})]
            public string Post([FromBody] House house) => "x";

            [HttpPost("/api/rooms"), RequireSession<OwnHouse>({|SAUTH0015:Argument = nameof(house)|})]
            public string Form([FromForm] House house) => "x";

            // MVC binds these under another name than the parameter's, which the middleware would not look up.
            [HttpGet("/api/model-binder"), RequireSession<OwnHouse>({|SAUTH0015:Argument = nameof(house)|})]
            public string ModelBinder([ModelBinder(Name = "h")] House house) => "x";

            [HttpGet("/api/bind"), RequireSession<OwnHouse>({|SAUTH0015:Argument = nameof(house)|})]
            public string Bind([Bind(Prefix = "h")] House house) => "x";

            [HttpGet("/api/own-attribute"), RequireSession<OwnHouse>({|SAUTH0015:Argument = nameof(house)|})]
            public string OwnAttribute([Q("h")] House house) => "x";

            [HttpGet("/api/same-name"), RequireSession<OwnHouse>(Argument = nameof(house))]
            public string SameName([ModelBinder(Name = "house")] House house) => "x";
        }

        /// <summary>A binding attribute of the app's own: the name it binds is set in its constructor.</summary>
        [AttributeUsage(AttributeTargets.Parameter)]
        public sealed class QAttribute(string name) : Attribute, Microsoft.AspNetCore.Http.Metadata.IFromQueryMetadata
        {
            public string? Name { get; } = name;
        }

        public sealed class RoomRule : ISessionRule<UserSession, Room>
        {
            public static bool Allows(UserSession user, Room room) => true;
        }

        public sealed class Named : ISessionRule<UserSession, string>
        {
            public static bool Allows(UserSession user, string name) => true;
        }

        public sealed class Any : ISessionRule<UserSession, object>
        {
            public static bool Allows(UserSession user, object value) => true;
        }
        """);

    [Fact]
    public Task Argument_on_a_class_is_refused_because_it_names_no_one_members_parameter() => VerifyAsync("""
        [RequireSession<OwnHouse>({|SAUTH0015:Argument = "house"|})]
        public static class Houses
        {
            [ServerFunction]
            public static string CommonRoom(House house) => house.ToString();
        }

        [RequireSession<OwnHouse>({|SAUTH0015:Argument = "house"|})]
        public sealed class HousesController : ControllerBase
        {
            [HttpGet("/api/houses/{house}")]
            public string Get(House house) => "x";
        }

        [{|SAUTH0014:RequireSession<OwnHouse>|}]
        public sealed class RoomsController : ControllerBase
        {
            [HttpGet("/api/rooms/{house}")]
            public string Get(House house) => "x";
        }
        """);

    [Fact]
    public Task On_a_component_Argument_names_a_parameter_property_every_route_has_or_a_query_property() => VerifyAsync("""
        using ComponentRoute = Microsoft.AspNetCore.Components.RouteAttribute;
        using Microsoft.AspNetCore.Components;

        [ComponentRoute("/room"), RequireSession<OwnHouse>({|SAUTH0015:Argument = nameof(House)|})]
        public sealed class NoRouteValue : ComponentBase
        {
            [Parameter]
            public House House { get; set; }
        }

        [ComponentRoute("/room/{house}"), ComponentRoute("/room"), RequireSession<OwnHouse>({|SAUTH0015:Argument = nameof(House)|})]
        public sealed class SomeRoutes : ComponentBase
        {
            [Parameter]
            public House House { get; set; }
        }

        [ComponentRoute("/room/{house}"), RequireSession<OwnHouse>({|SAUTH0015:Argument = nameof(Title)|})]
        public sealed class NotAParameter : ComponentBase
        {
            [Parameter]
            public House House { get; set; }

            public House Title { get; set; }
        }

        [ComponentRoute("/rooms"), RequireSession<OwnHouse>({|SAUTH0015:Argument = nameof(House)|})]
        public sealed class RenamedQuery : ComponentBase
        {
            [SupplyParameterFromQuery(Name = "h")]
            public House House { get; set; }
        }

        [ComponentRoute("/orders/{order}"), RequireSession<OwnOrder>({|SAUTH0015:Argument = nameof(Order)|})]
        public sealed class NotText : ComponentBase
        {
            [Parameter]
            public string Order { get; set; } = "";
        }

        public sealed record OrderRef(int Id);

        public sealed class OwnOrder : ISessionRule<UserSession, OrderRef>
        {
            public static bool Allows(UserSession user, OrderRef order) => order.Id > 0;
        }
        """);

    // SAUTH0016: where nothing reads the rule

    [Fact]
    public Task A_rule_on_a_method_no_endpoint_uses_is_reported() => VerifyAsync("""
        public static class Houses
        {
            [{|SAUTH0016:RequireSession<Prefect>|}]
            public static string Helper() => "x";

            // Handed over as a delegate: ASP.NET Core reads a handler method's own attributes.
            [RequireSession<Prefect>]
            public static string Handler() => "x";

            public static void Map(WebApplication app) => app.MapGet("/x", Handler);
        }
        """);

    [Fact]
    public Task A_rule_on_the_class_of_minimal_API_handlers_is_reported_because_ASP_NET_Core_reads_only_the_method() => VerifyAsync("""
        [{|SAUTH0016:RequireSession<Prefect>|}]
        public static class Handlers
        {
            public static string List() => "x";

            public static void Map(WebApplication app) => app.MapGet("/x", List);
        }
        """);

    [Fact]
    public Task A_rule_on_a_hub_method_is_reported_and_on_the_hub_class_it_is_not() => VerifyAsync("""
        [RequireSession<Prefect>]
        public sealed class HouseHub : Microsoft.AspNetCore.SignalR.Hub
        {
            [{|SAUTH0016:RequireSession<Prefect>|}]
            public Task Send(string message) => Task.CompletedTask;
        }
        """);

    [Fact]
    public Task A_rule_on_a_base_class_counts_when_a_controller_or_routable_component_derives_from_it() => VerifyAsync("""
        using ComponentRoute = Microsoft.AspNetCore.Components.RouteAttribute;

        [RequireSession<Prefect>]
        public abstract class StaffControllerBase : ControllerBase
        {
            [HttpGet("/api/staff"), RequireSession<Prefect>]
            public string List() => "x";

            // MVC reads an abstract action's attributes on the override.
            [HttpGet("/api/staff/count"), RequireSession<Prefect>]
            public abstract int Count();
        }

        public sealed class PrefectsController : StaffControllerBase
        {
            public override int Count() => 1;
        }

        [RequireSession<Prefect>]
        public class StaffPageBase : Microsoft.AspNetCore.Components.ComponentBase
        {
        }

        [ComponentRoute("/staff")]
        public sealed class StaffPage : StaffPageBase
        {
        }

        [{|SAUTH0016:RequireSession<Prefect>|}]
        public class Unused : Microsoft.AspNetCore.Components.ComponentBase
        {
        }
        """);

    /// <summary>
    /// A server function's class and method carry what their base classes and overridden methods pass on, so a rule there
    /// is checked by the generated endpoint: it is held to what a rule on the class or the function is held to.
    /// </summary>
    [Fact]
    public Task A_rule_on_a_base_class_of_server_functions_or_a_method_one_overrides_counts_and_is_checked_as_there() => VerifyAsync("""
        [RequireSession<Prefect>]
        public abstract class PrefectsOnly
        {
        }

        public sealed class Awards : PrefectsOnly
        {
            [ServerFunction]
            public static int Points() => 1;
        }

        // Farther out: the base of a class around the server function's class.
        [RequireSession<Prefect>]
        public class OuterBase
        {
        }

        public class Outer : OuterBase
        {
            public static class Inner
            {
                [ServerFunction]
                public static int Count() => 1;
            }
        }

        // Argument on a class is refused there as on the class of the functions itself.
        [RequireSession<OwnHouse>({|SAUTH0015:Argument = "house"|})]
        public abstract class HouseRooms
        {
        }

        public sealed class Rooms : HouseRooms
        {
            [ServerFunction]
            public static string Open(House house) => house.ToString();
        }

        public abstract class Common
        {
            [RequireSession<OwnHouse>(Argument = nameof(house))]
            public virtual string Enter(House house) => house.ToString();

            [RequireSession<OwnHouse>({|SAUTH0015:Argument = "nowhere"|})]
            public virtual string Leave(House house) => house.ToString();

            // No server function overrides it: nothing reads the rule.
            [{|SAUTH0016:RequireSession<Prefect>|}]
            public virtual string Stay() => "x";
        }

        public sealed class CommonRoom : Common
        {
            [ServerFunction]
            public override string Enter(House house) => house.ToString();

            [ServerFunction]
            public override string Leave(House house) => house.ToString();
        }

        [{|SAUTH0016:RequireSession<Prefect>|}]
        public abstract class NobodysBase
        {
        }
        """);

    [Fact]
    public Task A_rule_on_a_component_that_is_not_routable_is_reported() => VerifyAsync("""
        [{|SAUTH0016:RequireSession<Prefect>|}]
        public sealed class Badge : Microsoft.AspNetCore.Components.ComponentBase
        {
        }
        """);
}
