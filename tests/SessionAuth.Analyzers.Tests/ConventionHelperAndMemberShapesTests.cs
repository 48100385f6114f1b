using Microsoft.CodeAnalysis;
using SessionAuth.Generators.Analyzers;

namespace SessionAuth.Analyzers.Tests;

/// <summary>
/// SAUTH0001 on three ways of deciding the rule once missed, each shape run both ways (the guarded form silent, the open
/// one reported): a convention written by hand that adds authorization metadata (<c>Add(b =&gt; b.Metadata.Add(...))</c>),
/// read as <c>WithMetadata</c> of the same object is; a local function used as a guard helper, read as a method is; and a
/// group property whose initializer is <c>null!</c> (or another null), which is no group and so no undecided write.
/// </summary>
public sealed class ConventionHelperAndMemberShapesTests
{
    /// <summary>
    /// Top-level statements mapping <c>/x</c> on a group; <c>{guard}</c> stands for the statement that guards (or does not
    /// guard) the group, <c>{open}</c> for the group's guard call in the open form.
    /// </summary>
    public static TheoryData<string, string, string> Shapes => new()
    {
        // A convention written by hand, on the group (through the interface, as RouteGroupBuilder implements Add
        // explicitly) and on an endpoint's builder (RouteHandlerBuilder.Add).
        {
            "convention adding [Authorize]",
            "((IEndpointConventionBuilder)group).Add(b => b.Metadata.Add(new AuthorizeAttribute()));",
            "((IEndpointConventionBuilder)group).Add(b => b.Metadata.Add(new Microsoft.AspNetCore.Routing.RouteNameMetadata(\"n\")));"
        },
        {
            "convention adding [AllowAnonymous] in a block",
            "((IEndpointConventionBuilder)group).Add(b => { b.Metadata.Add(new AllowAnonymousAttribute()); });",
            "((IEndpointConventionBuilder)group).Add(b => { if (b.DisplayName is null) b.Metadata.Add(new AllowAnonymousAttribute()); });"
        },
        {
            "convention adding [RequireSession] through a generic helper",
            "Conventions.Secure(group);",
            "Conventions.Label(group);"
        },
        // A local function as a guard helper.
        {
            "static local function guard helper",
            "Guard(group); static RouteGroupBuilder Guard(RouteGroupBuilder g) => g.RequireAuthorization();",
            "Guard(group); static RouteGroupBuilder Guard(RouteGroupBuilder g) => g.WithTags(\"t\");"
        },
        {
            "local function guard helper with a block body",
            "Secure(group); void Secure(RouteGroupBuilder g) { g.RequireSession(); }",
            "Secure(group); void Secure(RouteGroupBuilder g) { if (args.Length > 0) g.RequireSession(); }"
        },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public Task A_guarded_group_is_silent(string shape, string guard, string open)
    {
        _ = (shape, open);
        return AnalyzerTest.VerifyProjectAsync<EndpointGuardAnalyzer>(OutputKind.ConsoleApplication, [("Program.cs", Program(guard, fire: false))]);
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public Task An_open_group_is_reported(string shape, string guard, string open)
    {
        _ = (shape, guard);
        return AnalyzerTest.VerifyProjectAsync<EndpointGuardAnalyzer>(OutputKind.ConsoleApplication, [("Program.cs", Program(open, fire: true))]);
    }

    [Fact]
    public Task A_convention_on_an_endpoint_builder_decides_it() =>
        AnalyzerTest.VerifyProjectAsync<EndpointGuardAnalyzer>(OutputKind.ConsoleApplication, [("Program.cs", """
            var app = WebApplication.Create(args);
            app.MapGet("/a", () => "a").Add(b => b.Metadata.Add(new AuthorizeAttribute("staff")));
            app.MapGet("/b", () {|SAUTH0001:=>|} "b").Add(b => b.Metadata.Add(new Microsoft.AspNetCore.Routing.RouteNameMetadata("b")));
            app.Run();
            """)]);

    /// <summary>
    /// A group property initialized with a null (<c>null!</c>, <c>null</c>, <c>default</c>) and later assigned a group: the
    /// null maps nothing, so the group assigned decides, guarded or not.
    /// </summary>
    [Theory]
    [InlineData("null!")]
    [InlineData("default!")]
    [InlineData("(RouteGroupBuilder)null!")]
    public async Task A_null_initializer_of_a_group_member_is_no_write(string initializer)
    {
        await AnalyzerTest.VerifyProjectAsync<EndpointGuardAnalyzer>(OutputKind.ConsoleApplication, [("Program.cs", Holder(initializer, guarded: true))]);
        await AnalyzerTest.VerifyProjectAsync<EndpointGuardAnalyzer>(OutputKind.ConsoleApplication, [("Program.cs", Holder(initializer, guarded: false))]);
    }

    /// <summary>A property assigned null by a statement (not only its initializer) and a guarded group: still decided.</summary>
    [Fact]
    public Task A_null_assigned_to_a_group_member_is_no_write() =>
        AnalyzerTest.VerifyProjectAsync<EndpointGuardAnalyzer>(OutputKind.ConsoleApplication, [("Program.cs", """
            var app = WebApplication.Create(args);
            Api.Group = null!;
            Api.Group = app.MapGroup("/api").RequireAuthorization();
            Api.Map();
            app.Run();

            static class Api
            {
                public static RouteGroupBuilder Group { get; set; } = null!;

                public static void Map() => Group.MapGet("/x", () => "x");
            }
            """)]);

    private static string Holder(string initializer, bool guarded) => $$"""
        var app = WebApplication.Create(args);
        Api.Group = app.MapGroup("/api"){{(guarded ? ".RequireAuthorization()" : "")}};
        Api.Map();
        app.Run();

        static class Api
        {
            public static RouteGroupBuilder Group { get; set; } = {{initializer}};

            public static void Map() => Group.MapGet("/x", () {{(guarded ? "=>" : "{|SAUTH0001:=>|}")}} "x");
        }
        """;

    private static string Program(string guard, bool fire) => $$"""
        var app = WebApplication.Create(args);
        var group = app.MapGroup("/api");
        {{guard}}
        group.MapGet("/x", () {{(fire ? "{|SAUTH0001:=>|}" : "=>")}} "x");
        app.Run();

        static class Conventions
        {
            public static TBuilder Secure<TBuilder>(TBuilder builder) where TBuilder : IEndpointConventionBuilder
            {
                builder.Add(b => b.Metadata.Add(new RequireSessionAttribute()));
                return builder;
            }

            public static TBuilder Label<TBuilder>(TBuilder builder) where TBuilder : IEndpointConventionBuilder
            {
                builder.Add(b => b.Metadata.Add(new Microsoft.AspNetCore.Routing.RouteNameMetadata("n")));
                return builder;
            }
        }
        """;
}
