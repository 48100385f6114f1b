using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using SessionAuth.Generators.Analyzers;

namespace SessionAuth.Analyzers.Tests;

/// <summary>
/// A helper whose every return returns a parameter as it was given (a <c>MapOrders(this RouteGroupBuilder group)</c>
/// that maps on the group and returns it) is that argument at its call: a guard on its result guards the argument.
/// </summary>
public sealed class ParameterReturningHelperTests
{
    private static Task VerifyAppAsync(string program, params DiagnosticResult[] expected) =>
        AnalyzerTest.VerifyProjectAsync<EndpointGuardAnalyzer>(OutputKind.ConsoleApplication, [("Program.cs", program)], expected);

    // Finding 3 (false alarm, common shape): a "MapXxx" extension that maps on the group it is given and returns it;
    // the caller guards the returned builder, which is the same group.
    [Fact]
    public Task An_extension_that_maps_on_its_parameter_and_returns_it_is_guarded_by_the_callers_guard_on_the_result() => VerifyAppAsync("""
        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        app.MapGroup("/orders").MapOrders().RequireAuthorization();
        app.Run();

        static class OrderEndpoints
        {
            public static RouteGroupBuilder MapOrders(this RouteGroupBuilder group)
            {
                group.MapGet("/", () => "guarded");
                return group;
            }
        }
        """);

    [Theory]
    [InlineData("app.MapGroup(\"/orders\").MapOrders();", false)]
    [InlineData("app.MapGroup(\"/orders\").MapOrders().MapOrders().RequireAuthorization();", true)]
    [InlineData("var orders = app.MapGroup(\"/orders\").MapOrders(); orders.RequireSession();", true)]
    [InlineData("app.MapGroup(\"/orders\").MapOrdersOnACopy().RequireAuthorization();", false)]
    [InlineData("app.MapGroup(\"/orders\").MapOrdersOrANewGroup(true).RequireAuthorization();", false)]
    public Task A_guard_on_the_result_decides_only_when_every_return_gives_back_the_parameter(string mapping, bool decides) => VerifyAppAsync($$"""
        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        {{mapping}}
        app.Run();

        static class OrderEndpoints
        {
            public static RouteGroupBuilder MapOrders(this RouteGroupBuilder group)
            {
                group.MapGet("/", () {{(decides ? "=>" : "{|SAUTH0001:=>|}")}} "orders");
                return group;
            }

            public static RouteGroupBuilder MapOrdersOnACopy(this RouteGroupBuilder group)
            {
                group.MapGet("/", () {|SAUTH0001:=>|} "orders");
                return group.MapGroup("/copy");
            }

            public static RouteGroupBuilder MapOrdersOrANewGroup(this RouteGroupBuilder group, bool inPlace)
            {
                group.MapGet("/", () {|SAUTH0001:=>|} "orders");
                return inPlace ? group : group.MapGroup("/v2");
            }
        }
        """);
}
