using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using SessionAuth.Generators.Analyzers;

namespace SessionAuth.Analyzers.Tests;

/// <summary>
/// SAUTH0001 for builders held in fields, properties and tuple elements: a member is known by the receiver it is read
/// through and by the writes seen. A guard through one receiver reaches endpoints mapped through the same receiver while
/// nothing may have written the member since (a write, a call of a method of the compilation, a lambda that writes it);
/// any other read is decided by every write of the member.
/// </summary>
public sealed class MemberValueFlowTests
{
    private static Task VerifyAsync(string source, params DiagnosticResult[] expected) => AnalyzerTest.VerifyAsync<EndpointGuardAnalyzer>(source, expected);

    private static Task VerifyAppAsync(string program, params DiagnosticResult[] expected) =>
        AnalyzerTest.VerifyProjectAsync<EndpointGuardAnalyzer>(OutputKind.ConsoleApplication, [("Program.cs", program)], expected);

    // (Test names that say "is credited to" name the fault the test was written for: the rule must fire.)

    [Fact]
    public Task A_field_reused_for_a_second_group_after_guarding_the_first_leaves_the_second_open() => VerifyAsync("""
        public sealed class Endpoints
        {
            private RouteGroupBuilder _group = null!;

            public void Map(WebApplication app)
            {
                _group = app.MapGroup("/admin");
                _group.RequireAuthorization();
                _group.MapGet("/users", () => "users");

                _group = app.MapGroup("/public");
                _group.MapGet("/orders", () {|SAUTH0001:=>|} "orders");
            }
        }
        """);

    [Fact]
    public Task A_field_written_twice_and_guarded_once_leaves_the_first_group_open() => VerifyAsync("""
        public sealed class Endpoints
        {
            private RouteGroupBuilder _group = null!;

            public void Map(WebApplication app)
            {
                _group = app.MapGroup("/public");
                _group.MapGet("/orders", () {|SAUTH0001:=>|} "orders");

                _group = app.MapGroup("/admin");
                _group.MapGet("/users", () => "users");
                _group.RequireAuthorization();
            }
        }
        """);

    [Fact]
    public Task An_auto_property_reused_for_a_second_group_leaves_the_second_open() => VerifyAsync("""
        public abstract class EndpointModule
        {
            protected RouteGroupBuilder Group { get; set; } = null!;
        }

        public sealed class OrdersModule : EndpointModule
        {
            public void Map(WebApplication app)
            {
                Group = app.MapGroup("/admin").RequireAuthorization();
                Group.MapGet("/users", () => "users");
                Group.RequireAuthorization();

                Group = app.MapGroup("/public");
                Group.MapGet("/orders", () {|SAUTH0001:=>|} "orders");
            }
        }
        """);

    // A local function or lambda that writes a local of the body around it, called before the endpoint is mapped.

    [Fact]
    public Task A_group_field_of_one_instance_guarded_is_credited_to_the_field_of_another_instance() => VerifyAppAsync("""
        var app = WebApplication.Create(args);
        var admin = new Area { Group = app.MapGroup("/admin") };
        var open = new Area { Group = app.MapGroup("/public") };
        admin.Group.RequireAuthorization();
        admin.Group.MapGet("/users", () => "users");
        open.Group.MapGet("/orders", () {|SAUTH0001:=>|} "orders");
        app.Run();

        public sealed class Area
        {
            public RouteGroupBuilder Group = null!;
        }
        """);

    [Fact]
    public Task A_group_property_of_one_record_guarded_is_credited_to_the_property_of_another_record() => VerifyAppAsync("""
        var app = WebApplication.Create(args);
        var admin = new ApiArea("admin", app.MapGroup("/admin"));
        var open = new ApiArea("public", app.MapGroup("/public"));
        admin.Group.RequireAuthorization();
        open.Group.MapGet("/orders", () {|SAUTH0001:=>|} "orders");
        app.Run();

        public sealed record ApiArea(string Name, RouteGroupBuilder Group);
        """);

    [Fact]
    public Task A_group_in_one_tuple_guarded_is_credited_to_the_group_in_another_tuple() => VerifyAppAsync("""
        var app = WebApplication.Create(args);
        var admin = (Name: "admin", Group: app.MapGroup("/admin"));
        var open = (Name: "public", Group: app.MapGroup("/public"));
        admin.Group.RequireAuthorization();
        open.Group.MapGet("/orders", () {|SAUTH0001:=>|} "orders");
        app.Run();
        """);

    // The member read through another receiver of the same class, a member a called method replaces, a member a lambda
    // may replace, and the same receiver read twice.

    [Fact]
    public Task A_guard_on_this_objects_group_field_does_not_reach_another_objects() => VerifyAsync("""
        public sealed class Area
        {
            private RouteGroupBuilder _group = null!;

            public Area(RouteGroupBuilder group) => _group = group;

            public void Map(Area other)
            {
                _group.RequireAuthorization();
                other._group.MapGet("/orders", () {|SAUTH0001:=>|} "orders");
            }
        }

        public static class Startup
        {
            public static void Map(WebApplication app) => new Area(app.MapGroup("/a")).Map(new Area(app.MapGroup("/b")));
        }
        """);

    [Fact]
    public Task A_group_property_a_called_method_replaces_after_the_guard_leaves_the_endpoint_open() => VerifyAppAsync("""
        var app = WebApplication.Create(args);
        var area = new Area { Group = app.MapGroup("/admin") };
        area.Group.RequireAuthorization();
        Reset(area, app);
        area.Group.MapGet("/orders", () {|SAUTH0001:=>|} "orders");
        app.Run();

        static void Reset(Area area, WebApplication app) => area.Group = app.MapGroup("/public");

        public sealed class Area
        {
            public RouteGroupBuilder Group { get; set; } = null!;
        }
        """);

    [Fact]
    public Task A_group_field_a_lambda_replaces_after_the_guard_leaves_the_endpoint_open() => VerifyAsync("""
        public sealed class Endpoints
        {
            private RouteGroupBuilder _group = null!;

            public void Map(WebApplication app)
            {
                _group = app.MapGroup("/admin").RequireAuthorization();
                Action reset = () => _group = app.MapGroup("/public");
                reset();
                _group.MapGet("/orders", () {|SAUTH0001:=>|} "orders");
            }
        }
        """);

    [Fact]
    public Task A_group_property_guarded_and_mapped_on_through_the_same_object_is_guarded() => VerifyAppAsync("""
        var app = WebApplication.Create(args);
        var admin = new Area { Group = app.MapGroup("/admin") };
        var open = new Area { Group = app.MapGroup("/public") };
        admin.Group.RequireAuthorization();
        admin.Group.MapGet("/users", () => "users");
        open.Group.RequireAuthorization();
        open.Group.MapGet("/orders", () => "orders");
        app.Run();

        public sealed class Area
        {
            public RouteGroupBuilder Group { get; init; } = null!;
        }
        """);

    // A property whose getter has a body runs it at each read, as a call does: each read is its own group.

    [Fact]
    public Task A_computed_static_property_that_makes_a_group_per_read_is_not_guarded_by_a_guard_on_another_read() => VerifyAsync("""
        public static class Endpoints
        {
            private static WebApplication _app = null!;
            private static RouteGroupBuilder Api => _app.MapGroup("/api");

            public static void Map(WebApplication app)
            {
                _app = app;
                Api.RequireAuthorization();
                Api.MapGet("/x", () {|SAUTH0001:=>|} "open");
            }
        }
        """);

    [Fact]
    public Task A_computed_instance_property_that_makes_a_group_per_read_is_not_guarded_by_a_guard_on_another_read() => VerifyAsync("""
        public sealed class Holder(WebApplication app)
        {
            public RouteGroupBuilder Group => app.MapGroup("/g");
        }

        public static class Endpoints
        {
            public static void Map(WebApplication app)
            {
                var holder = new Holder(app);
                holder.Group.RequireAuthorization();
                holder.Group.MapGet("/x", () {|SAUTH0001:=>|} "open");
            }
        }
        """);

    [Fact]
    public Task A_property_with_a_getter_block_that_makes_a_group_per_read_is_not_guarded_by_a_guard_on_another_read() => VerifyAsync("""
        public sealed class Holder(WebApplication app)
        {
            public RouteGroupBuilder Group
            {
                get { return app.MapGroup("/g"); }
            }
        }

        public static class Endpoints
        {
            public static void Map(WebApplication app)
            {
                var holder = new Holder(app);
                holder.Group.RequireAuthorization();
                holder.Group.MapGet("/x", () {|SAUTH0001:=>|} "open");
            }
        }
        """);

    [Fact]
    public Task A_virtual_property_an_override_may_compute_is_not_guarded_by_a_guard_on_another_read() => VerifyAsync("""
        public class Holder
        {
            public virtual RouteGroupBuilder Group { get; set; } = null!;
        }

        public sealed class Computed(WebApplication app) : Holder
        {
            public override RouteGroupBuilder Group { get => app.MapGroup("/g"); set { } }
        }

        public static class Endpoints
        {
            public static void Map(WebApplication app, Holder holder)
            {
                holder.Group.RequireAuthorization();
                holder.Group.MapGet("/x", () {|SAUTH0001:=>|} "open");
            }
        }
        """);

    [Fact]
    public Task A_computed_property_whose_getter_returns_a_guarded_group_is_guarded() => VerifyAsync("""
        public static class Endpoints
        {
            private static WebApplication _app = null!;
            private static RouteGroupBuilder Api => _app.MapGroup("/api").RequireAuthorization();

            public static void Map(WebApplication app)
            {
                _app = app;
                Api.MapGet("/x", () => "guarded");
            }
        }
        """);

    [Theory]
    [InlineData("public RouteGroupBuilder Group => _group;")]
    [InlineData("public RouteGroupBuilder Group { get { return _group; } }")]
    [InlineData("public RouteGroupBuilder Group { get => _group; }")]
    public Task A_property_that_returns_its_field_as_it_is_holds_one_group_between_reads(string property) => VerifyAsync($$"""
        public sealed class Holder(RouteGroupBuilder group)
        {
            private readonly RouteGroupBuilder _group = group;
            {{property}}
        }

        public static class Endpoints
        {
            public static void Map(WebApplication app)
            {
                var holder = new Holder(app.MapGroup("/g"));
                holder.Group.RequireAuthorization();
                holder.Group.MapGet("/x", () => "guarded");
            }
        }
        """);

    [Fact]
    public Task A_guard_through_a_computed_receiver_does_not_reach_the_member_of_the_next_read() => VerifyAsync("""
        public sealed class Holder(RouteGroupBuilder group) { public RouteGroupBuilder Group { get; } = group; }

        public sealed class Api(WebApplication app)
        {
            public Holder Current => new Holder(app.MapGroup("/g"));
        }

        public static class Endpoints
        {
            public static void Map(WebApplication app)
            {
                var api = new Api(app);
                api.Current.Group.RequireAuthorization();
                api.Current.Group.MapGet("/x", () {|SAUTH0001:=>|} "open");
            }
        }
        """);
}
