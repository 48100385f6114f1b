using Microsoft.CodeAnalysis;
using SessionAuth.Generators.Analyzers;

namespace SessionAuth.Analyzers.Tests;

/// <summary>
/// A C# 14 extension-block property is read as the method form of the same member: its getter is the implementation
/// method the compiler emits (<c>get_Orders(RouteGroupBuilder g)</c>), each read of it (<c>group.Orders</c>) a call that
/// passes the group it is read on. A group the getter makes from its receiver is a nested group of that receiver, an
/// endpoint the getter maps on its receiver is decided by the reads, and a getter that guards its receiver guards the
/// group it is read on; for instance and static members, generic blocks, properties read through properties, and blocks
/// on any builder type. Each row runs twice: with the guard written (no diagnostic) and without it (reported).
/// </summary>
public sealed class ExtensionPropertyGroupTests
{
    internal const string Ext = """
        static class GuardExt
        {
            public static TBuilder RequireAdmin<TBuilder>(this TBuilder b) where TBuilder : IEndpointConventionBuilder => b.RequireAuthorization("admin");

            extension<TBuilder>(TBuilder b) where TBuilder : IEndpointConventionBuilder
            {
                public TBuilder Secure() { b.RequireAuthorization(); return b; }
            }

            extension(IEndpointRouteBuilder r)
            {
                public RouteGroupBuilder SecureApi => r.MapGroup("/secure").RequireAuthorization();
                public RouteGroupBuilder OpenApi => r.MapGroup("/open");
                public static RouteGroupBuilder MakeSecure(IEndpointRouteBuilder a) => a.MapGroup("/s2").RequireAuthorization();
                public static RouteGroupBuilder MakeOpen(IEndpointRouteBuilder a) => a.MapGroup("/o2");
            }

            extension(RouteGroupBuilder g)
            {
                public RouteGroupBuilder Secured { get { g.RequireAuthorization(); return g; } }
                public RouteGroupBuilder Orders => g.MapGroup("/orders");
                public RouteGroupBuilder OrdersM() => g.MapGroup("/orders");
                public RouteGroupBuilder Wrong { get { g.MapGroup("/x").RequireAuthorization(); return g; } }
            }
        }
        """;

    // A group an extension-block property makes from its receiver (`g.MapGroup("/orders")`) is a nested group of the
    // receiver: guarded when the receiver is. The method form (`g.OrdersM()`) and a classic extension are read so.
    [Theory]
    [InlineData("extension properties chained", "app.SecureApi.Orders.MapGet(\"/x\", () => \"x\");")]
    [InlineData("extension property on a guarded group", "app.MapGroup(\"/api\").RequireAuthorization().Orders.MapGet(\"/x\", () => \"x\");")]
    public Task A_group_an_extension_property_makes_from_a_guarded_receiver_is_guarded(string shape, string program)
    {
        _ = shape;
        return VerifyAsync(program);
    }

    public static TheoryData<string, bool> Shapes()
    {
        var data = new TheoryData<string, bool>();
        foreach (var (way, _, _) in Table)
        {
            data.Add(way, true);
            data.Add(way, false);
        }

        return data;
    }

    // {GUARD} and {ARROW} as ExtensionBlockMemberTests.Fill replaces them.
    private static readonly (string Way, string Program, string Members)[] Table =
    [
        ("a property making a group from its receiver, read on a group",
            "app.MapGroup(\"/api\"){GUARD}.Orders.MapGet(\"/x\", () {ARROW} \"x\");",
            "extension(RouteGroupBuilder g) { public RouteGroupBuilder Orders => g.MapGroup(\"/orders\"); }"),
        ("a property making a group from its receiver, read on a local",
            "var api = app.MapGroup(\"/api\"){GUARD}; var orders = api.Orders; orders.MapGet(\"/x\", () {ARROW} \"x\");",
            "extension(RouteGroupBuilder g) { public RouteGroupBuilder Orders => g.MapGroup(\"/orders\"); }"),
        ("a property with a block body making a group from its receiver",
            "app.MapGroup(\"/api\"){GUARD}.Orders.MapGet(\"/x\", () {ARROW} \"x\");",
            "extension(RouteGroupBuilder g) { public RouteGroupBuilder Orders { get { var made = g.MapGroup(\"/orders\"); return made; } } }"),
        ("a property read with ?.",
            "RouteGroupBuilder? api = app.MapGroup(\"/api\"){GUARD}; api?.Orders.MapGet(\"/x\", () {ARROW} \"x\");",
            "extension(RouteGroupBuilder g) { public RouteGroupBuilder Orders => g.MapGroup(\"/orders\"); }"),
        ("properties chained, the first making the guarded group",
            "app.Api.Orders.MapGet(\"/x\", () {ARROW} \"x\");",
            "extension(IEndpointRouteBuilder r) { public RouteGroupBuilder Api => r.MapGroup(\"/api\"){GUARD}; } extension(RouteGroupBuilder g) { public RouteGroupBuilder Orders => g.MapGroup(\"/orders\"); }"),
        ("a property returning a property of its receiver",
            "app.MapGroup(\"/api\"){GUARD}.V1Orders.MapGet(\"/x\", () {ARROW} \"x\");",
            "extension(RouteGroupBuilder g) { public RouteGroupBuilder Orders => g.MapGroup(\"/orders\"); public RouteGroupBuilder V1Orders => g.Orders.MapGroup(\"/v1\"); }"),
        ("a property of a generic block",
            "app.MapGroup(\"/api\"){GUARD}.Orders.MapGet(\"/x\", () {ARROW} \"x\");",
            "extension<T>(T g) where T : IEndpointRouteBuilder { public RouteGroupBuilder Orders => g.MapGroup(\"/orders\"); }"),
        ("a property of a block on IEndpointRouteBuilder, read on the app",
            "app.Orders.MapGet(\"/x\", () {ARROW} \"x\");",
            "extension(IEndpointRouteBuilder r) { public RouteGroupBuilder Orders => r.MapGroup(\"/orders\"){GUARD}; }"),
        ("a property that guards the group it makes, read on an open group",
            "app.MapGroup(\"/api\").Orders.MapGet(\"/x\", () {ARROW} \"x\");",
            "extension(RouteGroupBuilder g) { public RouteGroupBuilder Orders => g.MapGroup(\"/orders\"){GUARD}; }"),
        ("a property guarding its receiver, read for its effect",
            "var api = app.MapGroup(\"/api\"); _ = api.Secured; api.MapGet(\"/x\", () {ARROW} \"x\");",
            "extension(RouteGroupBuilder g) { public RouteGroupBuilder Secured { get { _ = g{GUARD}; return g; } } }"),
        ("a property returning its receiver, guarded through the result",
            "var api = app.MapGroup(\"/api\"); _ = api.Same{GUARD}; api.MapGet(\"/x\", () {ARROW} \"x\");",
            "extension(RouteGroupBuilder g) { public RouteGroupBuilder Same => g; }"),
        ("a property of a block on IEndpointConventionBuilder returning its receiver guarded",
            "_ = app.MapGet(\"/x\", () {ARROW} \"x\").Secured;",
            "extension(IEndpointConventionBuilder b) { public IEndpointConventionBuilder Secured => b{GUARD}; }"),
        ("a property of a generic block on a convention builder returning its receiver guarded",
            "app.MapGroup(\"/api\").Secured.MapGet(\"/x\", () {ARROW} \"x\");",
            "extension<T>(T b) where T : IEndpointConventionBuilder { public T Secured { get { _ = b{GUARD}; return b; } } }"),
        ("a property mapping on its receiver, every read on a guarded group",
            "_ = app.MapGroup(\"/api\"){GUARD}.MapsOrders; _ = app.MapGroup(\"/admin\"){GUARD}.MapsOrders;",
            "extension(RouteGroupBuilder g) { public RouteGroupBuilder MapsOrders { get { g.MapGet(\"/orders\", () {ARROW} \"x\"); return g; } } }"),
        ("a property mapping on its receiver, read and called in its static form",
            "GroupExtensions.get_MapsOrders(app.MapGroup(\"/api\"){GUARD}); _ = app.MapGroup(\"/admin\"){GUARD}?.MapsOrders;",
            "extension(RouteGroupBuilder g) { public RouteGroupBuilder MapsOrders { get { g.MapGet(\"/orders\", () {ARROW} \"x\"); return g; } } }"),
        ("a property mapping on its receiver, read on a guarded group and written on an open one",
            "_ = app.MapGroup(\"/api\"){GUARD}.MapsOrders; app.MapGroup(\"/other\").MapsOrders = null!;",
            "extension(RouteGroupBuilder g) { public RouteGroupBuilder MapsOrders { get { g.MapGet(\"/orders\", () {ARROW} \"x\"); return g; } set { } } }"),
        ("a static member making a group from its parameter",
            "RouteGroupBuilder.Nested(app.MapGroup(\"/api\"){GUARD}).MapGet(\"/x\", () {ARROW} \"x\");",
            "extension(RouteGroupBuilder) { public static RouteGroupBuilder Nested(RouteGroupBuilder g) => g.MapGroup(\"/n\"); }"),
        ("a static property making a group from the app",
            "Root.App = app; IEndpointRouteBuilder.Shared.MapGet(\"/x\", () {ARROW} \"x\");",
            "extension(IEndpointRouteBuilder) { public static RouteGroupBuilder Shared => Root.App.MapGroup(\"/shared\"){GUARD}; } } static class Root { public static WebApplication App = null!;"),
    ];

    [Theory]
    [MemberData(nameof(Shapes))]
    public Task An_extension_property_is_read_as_its_method_form(string way, bool guarded)
    {
        var (_, program, members) = Table.Single(row => row.Way == way);
        return ExtensionBlockMemberTests.VerifyAppAsync(ExtensionBlockMemberTests.Fill(program, guarded), ExtensionBlockMemberTests.Fill(members, guarded));
    }

    // A property that makes its group from something other than its receiver: the receiver's guard does not reach it.
    [Theory]
    [InlineData("public RouteGroupBuilder Orders => Root.App.MapGroup(\"/orders\");")]
    [InlineData("public RouteGroupBuilder Orders { get { var other = Root.App.MapGroup(\"/other\"); g.WithName(\"g\"); return other; } }")]
    [InlineData("public RouteGroupBuilder Orders => Root.App.MapGroup(\"/other\").OrdersM();")]
    public Task A_group_an_extension_property_makes_from_another_group_is_not_guarded_by_its_receiver(string member) => ExtensionBlockMemberTests.VerifyAppAsync(
        "Root.App = app; app.MapGroup(\"/api\").RequireAuthorization().Orders.MapGet(\"/x\", () {|SAUTH0001:=>|} \"x\");",
        $"extension(RouteGroupBuilder g) {{ {member} public RouteGroupBuilder OrdersM() => g.MapGroup(\"/m\"); }} }} static class Root {{ public static WebApplication App = null!;");

    // One read on an open group: what the getter makes from that read's receiver is open, as for the method form.
    [Theory]
    [InlineData("app.MapGroup(\"/a\").RequireAuthorization().Orders.WithName(\"a\"); app.MapGroup(\"/b\").Orders.MapGet(\"/x\", () {|SAUTH0001:=>|} \"x\");")]
    [InlineData("app.MapGroup(\"/a\").RequireAuthorization().OrdersM().WithName(\"a\"); app.MapGroup(\"/b\").OrdersM().MapGet(\"/x\", () {|SAUTH0001:=>|} \"x\");")]
    [InlineData("_ = app.MapGroup(\"/a\").RequireAuthorization().MapsOrders; _ = app.MapGroup(\"/b\").MapsOrders;")]
    [InlineData("_ = app.MapGroup(\"/a\").RequireAuthorization().MapsOrders; if (app.MapGroup(\"/b\") is { MapsOrders: not null }) { }")]
    public Task A_read_on_an_open_group_leaves_what_the_getter_makes_or_maps_open(string program) => ExtensionBlockMemberTests.VerifyAppAsync(
        program,
        "extension(RouteGroupBuilder g) { public RouteGroupBuilder Orders => g.MapGroup(\"/orders\"); public RouteGroupBuilder OrdersM() => g.MapGroup(\"/orders\"); "
            + "public RouteGroupBuilder MapsOrders { get { g.MapGet(\"/orders\", () {|SAUTH0001:=>|} \"x\"); return g; } } }");

    internal static Task VerifyAsync(string program) => AnalyzerTest.VerifyProjectAsync<EndpointGuardAnalyzer>(OutputKind.ConsoleApplication,
    [
        ("Program.cs", "using Microsoft.Extensions.Hosting;\n" + $$"""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddAuthorization();
            var app = builder.Build();
            {{program.Split(" static class ")[0]}}
            app.Run();
            {{(program.Contains(" static class ") ? "static class " + program.Split(" static class ")[1] : "")}}

            {{Ext}}
            """),
    ]);
}
