using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis;
using SessionAuth.Generators.Analyzers;

namespace SessionAuth.Analyzers.Tests;

/// <summary>
/// "Returns its parameter as it was given" is read to the greatest fixed point within a cycle of helpers: assumed for a
/// helper met again while its own body is read, kept while no path that returns refutes it. So fluent helpers that return
/// their parameter through each other, or through themselves, pass the caller's guard on to the group; a helper a path
/// of which returns another group does not.
/// </summary>
public sealed class FluentHelperCycleTests
{
    private static Task VerifyAppAsync(string helpers, bool reported) => AnalyzerTest.VerifyProjectAsync<EndpointGuardAnalyzer>(
        OutputKind.ConsoleApplication,
        [("Program.cs", $$"""
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.MapGroup("/orders").MapOrders(2).RequireAuthorization();
            app.Run();

            static class OrderEndpoints
            {
                {{helpers.Replace("{ARROW}", reported ? "{|SAUTH0001:=>|}" : "=>")}}
            }
            """)]);

    [Theory]
    // Through each other, the review's shape.
    [InlineData("public static RouteGroupBuilder MapOrders(this RouteGroupBuilder group, int d) { group.MapGet(\"/\", () {ARROW} \"orders\"); return d == 0 ? group : group.MapMore(d - 1); } public static RouteGroupBuilder MapMore(this RouteGroupBuilder group, int d) => group.MapOrders(d);", false)]
    // Through itself.
    [InlineData("public static RouteGroupBuilder MapOrders(this RouteGroupBuilder group, int d) { group.MapGet(\"/\", () {ARROW} \"orders\"); return d == 0 ? group : group.MapOrders(d - 1); }", false)]
    // Three helpers in a row, the group passed second in one of them.
    [InlineData("public static RouteGroupBuilder MapOrders(this RouteGroupBuilder group, int d) { group.MapGet(\"/\", () {ARROW} \"orders\"); return d == 0 ? group : MapA(d - 1, group); } static RouteGroupBuilder MapA(int d, RouteGroupBuilder g) => MapB(g, d); static RouteGroupBuilder MapB(RouteGroupBuilder g, int d) => g.MapOrders(d);", false)]
    // One helper of the cycle returns a nested group on some path: the cycle does not return its parameter.
    [InlineData("public static RouteGroupBuilder MapOrders(this RouteGroupBuilder group, int d) { group.MapGet(\"/\", () {ARROW} \"orders\"); return d == 0 ? group : group.MapMore(d - 1); } public static RouteGroupBuilder MapMore(this RouteGroupBuilder group, int d) => d == 1 ? group.MapGroup(\"/more\") : group.MapOrders(d);", true)]
    // The cycle passes on a group it made: what comes back is not the parameter.
    [InlineData("public static RouteGroupBuilder MapOrders(this RouteGroupBuilder group, int d) { group.MapGet(\"/\", () {ARROW} \"orders\"); return d == 0 ? group : group.MapGroup(\"/v\").MapMore(d - 1); } public static RouteGroupBuilder MapMore(this RouteGroupBuilder group, int d) => group.MapOrders(d);", true)]
    public Task Helpers_returning_their_parameter_through_a_cycle_pass_the_callers_guard_on(string helpers, bool reported) => VerifyAppAsync(helpers, reported);

    private static Task VerifyProgramAsync(string program, params DiagnosticResult[] expected) =>
        AnalyzerTest.VerifyProjectAsync<EndpointGuardAnalyzer>(OutputKind.ConsoleApplication, [("Program.cs", program)], expected);

    // Finding 6 (false alarm, medium): fluent helpers returning their parameter through each other (MapOrders returns
    // the group or MapMore's result, MapMore returns MapOrders's result) are read to the least fixed point, where a
    // helper still open returns "something else": neither is found to return its parameter, so the guard on the result
    // of app.MapGroup("/orders").MapOrders(2) is not credited, though every return that returns gives back the group.
    [Fact]
    public Task Fluent_helpers_returning_their_parameter_through_each_other_pass_the_callers_guard_on() => VerifyProgramAsync("""
        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        app.MapGroup("/orders").MapOrders(2).RequireAuthorization();
        app.Run();

        static class OrderEndpoints
        {
            public static RouteGroupBuilder MapOrders(this RouteGroupBuilder group, int d)
            {
                group.MapGet("/", () => "orders");
                return d == 0 ? group : group.MapMore(d - 1);
            }

            public static RouteGroupBuilder MapMore(this RouteGroupBuilder group, int d) => group.MapOrders(d);
        }
        """);
}
