using Microsoft.CodeAnalysis;
using SessionAuth.Generators.Analyzers;

namespace SessionAuth.Analyzers.Tests;

/// <summary>
/// Members of C# 14 extension blocks are followed as the classic extension methods the compiler emits for them: a member
/// that guards or returns its receiver is a guard helper, a member that maps on its receiver leaves the decision to its
/// callers, in either call form, for static members, generic blocks, extension properties and blocks on any builder type.
/// Each row runs twice: with the guard written (no diagnostic) and without it (the endpoint is reported).
/// </summary>
public sealed class ExtensionBlockMemberTests
{
    public static TheoryData<string, string, string, bool> Shapes()
    {
        (string Way, string Program, string Members)[] shapes =
        [
            ("instance member guarding and returning its receiver",
                "app.MapGroup(\"/a\").Guarded().MapGet(\"/\", () {ARROW} \"a\");",
                "extension(RouteGroupBuilder group) { public RouteGroupBuilder Guarded() => group{GUARD}; }"),
            ("instance member guarding its receiver, called on a local",
                "var g = app.MapGroup(\"/a\"); g.Secure(); g.MapGet(\"/\", () {ARROW} \"a\");",
                "extension(RouteGroupBuilder group) { public void Secure() { _ = group{GUARD}; } }"),
            ("guard helper called in its static form",
                "GroupExtensions.Guarded(app.MapGroup(\"/a\")).MapGet(\"/\", () {ARROW} \"a\");",
                "extension(RouteGroupBuilder group) { public RouteGroupBuilder Guarded() => group{GUARD}; }"),
            ("instance member mapping on its receiver, the caller's group guarded",
                "var g = app.MapGroup(\"/b\"){GUARD}; g.MapOrders();",
                "extension(RouteGroupBuilder group) { public void MapOrders() { group.MapGet(\"/orders\", () {ARROW} \"x\"); } }"),
            ("member mapping on its receiver, called in its static form",
                "GroupExtensions.MapOrders(app.MapGroup(\"/b\"){GUARD});",
                "extension(RouteGroupBuilder group) { public void MapOrders() { group.MapGet(\"/orders\", () {ARROW} \"x\"); } }"),
            ("member mapping on its receiver and returning it, the guard on the result",
                "app.MapGroup(\"/b\").MapOrders(){GUARD};",
                "extension(RouteGroupBuilder group) { public RouteGroupBuilder MapOrders() { group.MapGet(\"/orders\", () {ARROW} \"x\"); return group; } }"),
            ("static member returning a group it made",
                "RouteGroupBuilder.Make(app).MapGet(\"/\", () {ARROW} \"x\");",
                "extension(RouteGroupBuilder) { public static RouteGroupBuilder Make(WebApplication app) => app.MapGroup(\"/x\"){GUARD}; }"),
            ("static member mapping on a group parameter",
                "RouteGroupBuilder.MapAll(app.MapGroup(\"/x\"){GUARD});",
                "extension(RouteGroupBuilder group) { public static void MapAll(RouteGroupBuilder g) { g.MapGet(\"/\", () {ARROW} \"x\"); } }"),
            ("instance member guarding its parameter, not its receiver",
                "var a = app.MapGroup(\"/a\"); var b = app.MapGroup(\"/b\"); a.GuardOther(b); b.MapGet(\"/\", () {ARROW} \"b\"); a.MapGet(\"/\", () {|SAUTH0001:=>|} \"a\");",
                "extension(RouteGroupBuilder group) { public void GuardOther(RouteGroupBuilder other) { _ = other{GUARD}; } }"),
            ("instance member returning its parameter, not its receiver",
                "var a = app.MapGroup(\"/a\"); var b = app.MapGroup(\"/b\"); a.Other(b){GUARD}; b.MapGet(\"/\", () {ARROW} \"b\"); a.MapGet(\"/\", () {|SAUTH0001:=>|} \"a\");",
                "extension(RouteGroupBuilder group) { public RouteGroupBuilder Other(RouteGroupBuilder other) { group.WithName(\"n\"); return other; } }"),
            ("generic block on a route builder, mapping on its receiver",
                "app.MapGroup(\"/a\"){GUARD}.MapOrders();",
                "extension<T>(T g) where T : IEndpointRouteBuilder { public void MapOrders() { g.MapGet(\"/orders\", () {ARROW} \"x\"); } }"),
            ("generic block on a convention builder, guarding its receiver",
                "app.MapGroup(\"/a\").Guarded().MapGet(\"/\", () {ARROW} \"a\");",
                "extension<T>(T b) where T : IEndpointConventionBuilder { public T Guarded() => b{GUARD}; }"),
            ("members calling each other, guarding",
                "app.MapGroup(\"/a\").Guarded().MapGet(\"/\", () {ARROW} \"a\");",
                "extension(RouteGroupBuilder group) { public RouteGroupBuilder Guarded() => group.Inner(); public RouteGroupBuilder Inner() => group{GUARD}; }"),
            ("members calling each other, mapping",
                "app.MapGroup(\"/b\"){GUARD}.MapOrders();",
                "extension(RouteGroupBuilder group) { public void MapOrders() => group.MapMore(); public void MapMore() { group.MapGet(\"/more\", () {ARROW} \"x\"); } }"),
            ("block on IEndpointRouteBuilder making a group",
                "app.Orders().MapGet(\"/\", () {ARROW} \"x\");",
                "extension(IEndpointRouteBuilder endpoints) { public RouteGroupBuilder Orders() => endpoints.MapGroup(\"/orders\"){GUARD}; }"),
            ("block on IEndpointRouteBuilder mapping on its receiver",
                "app.MapGroup(\"/a\"){GUARD}.MapOrders();",
                "extension(IEndpointRouteBuilder endpoints) { public void MapOrders() { endpoints.MapGet(\"/orders\", () {ARROW} \"x\"); } }"),
            ("block on RouteHandlerBuilder guarding an endpoint",
                "app.MapGet(\"/\", () {ARROW} \"x\").Secured();",
                "extension(RouteHandlerBuilder endpoint) { public RouteHandlerBuilder Secured() => endpoint{GUARD}; }"),
            ("block on IEndpointConventionBuilder guarding an endpoint",
                "app.MapGet(\"/\", () {ARROW} \"x\").Secure();",
                "extension(IEndpointConventionBuilder endpoint) { public void Secure() { _ = endpoint{GUARD}; } }"),
            ("member mapping on its receiver in a local function",
                "app.MapGroup(\"/b\"){GUARD}.MapOrders();",
                "extension(RouteGroupBuilder group) { public void MapOrders() { void Map() => group.MapGet(\"/orders\", () {ARROW} \"x\"); Map(); } }"),
            ("extension property guarding and returning its receiver",
                "app.MapGroup(\"/a\").Guarded.MapGet(\"/\", () {ARROW} \"a\");",
                "extension(RouteGroupBuilder group) { public RouteGroupBuilder Guarded => group{GUARD}; }"),
            ("extension property returning its receiver, the caller's group guarded",
                "app.MapGroup(\"/a\"){GUARD}.Same.MapGet(\"/\", () {ARROW} \"a\");",
                "extension(RouteGroupBuilder group) { public RouteGroupBuilder Same => group; }"),
        ];
        var data = new TheoryData<string, string, string, bool>();
        foreach (var (way, program, members) in shapes)
        {
            data.Add(way, program, members, true);
            data.Add(way, program, members, false);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public Task An_extension_block_member_is_followed_as_the_equivalent_extension_method(string way, string program, string members, bool guarded)
    {
        _ = way;
        return VerifyAppAsync(Fill(program, guarded), Fill(members, guarded));
    }

    /// <summary><paramref name="code"/> with <c>{GUARD}</c> the guard written, or nothing, and <c>{ARROW}</c> an endpoint's arrow, reported when the guard is not written.</summary>
    internal static string Fill(string code, bool guarded) =>
        code.Replace("{GUARD}", guarded ? ".RequireAuthorization()" : string.Empty).Replace("{ARROW}", guarded ? "=>" : "{|SAUTH0001:=>|}");

    // A member that may return another group than its receiver (it writes the receiver first, or a lambda it runs does)
    // is no identity: the guard on its result does not reach the receiver's endpoint.
    [Theory]
    [InlineData("public RouteGroupBuilder Swap() { group = group.MapGroup(\"/v\"); return group; }")]
    [InlineData("public RouteGroupBuilder Swap() { Action write = () => group = group.MapGroup(\"/v\"); write(); return group; }")]
    [InlineData("public RouteGroupBuilder Swap() => group.MapGroup(\"/v\");")]
    public Task A_guard_on_what_a_member_returns_reaches_its_receiver_only_when_it_returns_it_as_given(string member) => VerifyAppAsync(
        "var a = app.MapGroup(\"/a\"); a.MapGet(\"/\", () {|SAUTH0001:=>|} \"a\"); a.Swap().RequireAuthorization();",
        $"extension(RouteGroupBuilder group) {{ {member} }}");

    // An extension property's getter runs at each read with the group it is read on, as a call of its static form does: a
    // group it maps on is decided by every read and call together, so one on an open group leaves its endpoint reported.
    [Theory]
    [InlineData("app.MapGroup(\"/a\").Orders.WithName(\"o\");")]
    [InlineData("GroupExtensions.get_Orders(app.MapGroup(\"/a\").RequireAuthorization()); app.MapGroup(\"/b\").Orders.WithName(\"o\");")]
    [InlineData("app.MapGroup(\"/a\").RequireAuthorization().Orders.WithName(\"o\"); GroupExtensions.get_Orders(app.MapGroup(\"/b\"));")]
    public Task A_group_an_extension_property_maps_on_is_reported_when_a_read_passes_an_open_group(string program) => VerifyAppAsync(
        program, "extension(RouteGroupBuilder group) { public RouteHandlerBuilder Orders => group.MapGet(\"/orders\", () {|SAUTH0001:=>|} \"x\"); }");

    /// <summary>Runs SAUTH0001 over an app's top-level <paramref name="program"/> with <paramref name="members"/> declared in <c>static class GroupExtensions</c>.</summary>
    internal static Task VerifyAppAsync(string program, string members) =>
        AnalyzerTest.VerifyProjectAsync<EndpointGuardAnalyzer>(OutputKind.ConsoleApplication, [("Program.cs", $$"""
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            {{program}}
            app.Run();

            static class GroupExtensions
            {
                {{members}}
            }
            """)]);
}
