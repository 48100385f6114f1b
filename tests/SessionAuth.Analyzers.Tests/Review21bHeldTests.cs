using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using SessionAuth.Generators.Analyzers;

namespace SessionAuth.Analyzers.Tests;

/// <summary>
/// Review 21b: shapes attacked that the rule already gets right, kept so that a fix of the findings in
/// <see cref="Review21bFlowTests"/> does not lose them. A local that starts as null and is assigned in the loop may hold
/// either after it, so the guard after the loop is not credited.
/// </summary>
public sealed class Review21bHeldTests
{
    private static Task VerifyAsync(string source, params DiagnosticResult[] expected) => AnalyzerTest.VerifyAsync<EndpointGuardAnalyzer>(source, expected);

    private static Task VerifyAppAsync(string program, params DiagnosticResult[] expected) =>
        AnalyzerTest.VerifyProjectAsync<EndpointGuardAnalyzer>(OutputKind.ConsoleApplication, [("Program.cs", program)], expected);

    [Fact]
    public Task A_group_made_in_a_loop_and_guarded_after_it_leaves_the_earlier_groups_open() => VerifyAsync("""
        public static class Endpoints
        {
            public static void Map(WebApplication app)
            {
                RouteGroupBuilder? last = null;
                foreach (var name in new[] { "a", "b" })
                {
                    last = app.MapGroup(name);
                    last.MapGet("/x", () {|SAUTH0001:=>|} "open");
                }

                last!.RequireAuthorization();
            }
        }
        """);

    [Fact]
    public Task A_group_made_in_a_for_loop_and_guarded_after_it_in_top_level_statements_leaves_the_earlier_groups_open() => VerifyAppAsync("""
        var app = WebApplication.Create(args);
        string[] tenants = ["north", "south"];
        RouteGroupBuilder tenant = null!;
        for (var i = 0; i < tenants.Length; i++)
        {
            tenant = app.MapGroup("/" + tenants[i]);
            tenant.MapGet("/orders", () {|SAUTH0001:=>|} "orders");
        }

        tenant.RequireAuthorization();
        app.Run();
        """);

    [Fact]
    public Task An_endpoint_mapped_in_a_loop_and_guarded_after_it_leaves_the_earlier_endpoints_open() => VerifyAsync("""
        public static class Endpoints
        {
            public static void Map(WebApplication app)
            {
                RouteHandlerBuilder? endpoint = null;
                foreach (var path in new[] { "/a", "/b" })
                {
                    endpoint = app.MapGet(path, () {|SAUTH0001:=>|} "open");
                }

                endpoint!.RequireAuthorization();
            }
        }
        """);

    [Fact]
    public Task A_group_a_helper_makes_in_a_loop_and_guarded_after_it_leaves_the_earlier_groups_open() => VerifyAsync("""
        public static class Endpoints
        {
            public static void Map(WebApplication app)
            {
                RouteGroupBuilder group = null!;
                foreach (var name in new[] { "a", "b" })
                {
                    group = Tenant(app, name);
                }

                group.RequireAuthorization();
            }

            private static RouteGroupBuilder Tenant(WebApplication app, string name)
            {
                var group = app.MapGroup(name);
                group.MapGet("/x", () {|SAUTH0001:=>|} "open");
                return group;
            }
        }
        """);
}
