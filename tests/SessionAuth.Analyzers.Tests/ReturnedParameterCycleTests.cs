using Microsoft.CodeAnalysis;
using SessionAuth.Generators.Analyzers;

namespace SessionAuth.Analyzers.Tests;

/// <summary>
/// Helpers that call each other and return one of two builder parameters are read to the greatest fixed point for each
/// parameter, not only the first: a guard on what the cycle returns is credited to the group it returns, whichever
/// parameter that is and in whatever order the helpers declare their parameters, and never to the other group. Each row
/// runs twice: the caller guards the result (the returned group's endpoint is silent) or does not (both are reported);
/// the other group's endpoint is reported either way.
/// </summary>
public sealed class ReturnedParameterCycleTests
{
    [Theory]
    [InlineData("two helpers returning their second parameter", "Helpers.A(o, g, 3)",
        "public static RouteGroupBuilder A(RouteGroupBuilder other, RouteGroupBuilder g, int d) => d == 0 ? g : B(other, g, d - 1); public static RouteGroupBuilder B(RouteGroupBuilder other, RouteGroupBuilder g, int d) => d == 0 ? g : A(other, g, d - 1);")]
    [InlineData("two helpers returning their first parameter", "Helpers.A(g, o, 3)",
        "public static RouteGroupBuilder A(RouteGroupBuilder g, RouteGroupBuilder other, int d) => d == 0 ? g : B(g, other, d - 1); public static RouteGroupBuilder B(RouteGroupBuilder g, RouteGroupBuilder other, int d) => d == 0 ? g : A(g, other, d - 1);")]
    [InlineData("two helpers with their parameters in either order", "Helpers.A(o, g, 3)",
        "public static RouteGroupBuilder A(RouteGroupBuilder other, RouteGroupBuilder g, int d) => d == 0 ? g : B(g, other, d - 1); public static RouteGroupBuilder B(RouteGroupBuilder g, RouteGroupBuilder other, int d) => d == 0 ? g : A(other, g, d - 1);")]
    [InlineData("the cycle entered from the helper declared second", "Helpers.B(g, o, 3)",
        "public static RouteGroupBuilder A(RouteGroupBuilder other, RouteGroupBuilder g, int d) => d == 0 ? g : B(g, other, d - 1); public static RouteGroupBuilder B(RouteGroupBuilder g, RouteGroupBuilder other, int d) => d == 0 ? g : A(other, g, d - 1);")]
    [InlineData("three helpers returning their second parameter", "Helpers.A(o, g, 3)",
        "public static RouteGroupBuilder A(RouteGroupBuilder other, RouteGroupBuilder g, int d) => d == 0 ? g : B(other, g, d - 1); public static RouteGroupBuilder B(RouteGroupBuilder other, RouteGroupBuilder g, int d) => C(other, g, d); public static RouteGroupBuilder C(RouteGroupBuilder other, RouteGroupBuilder g, int d) => d == 1 ? g : A(other, g, d - 1);")]
    [InlineData("three helpers with their parameters in either order", "Helpers.A(o, g, 3)",
        "public static RouteGroupBuilder A(RouteGroupBuilder other, RouteGroupBuilder g, int d) => d == 0 ? g : B(g, other, d - 1); public static RouteGroupBuilder B(RouteGroupBuilder g, RouteGroupBuilder other, int d) => C(other, g, d); public static RouteGroupBuilder C(RouteGroupBuilder other, RouteGroupBuilder g, int d) => d == 1 ? g : A(other, g, d - 1);")]
    [InlineData("an extension helper returning its second builder parameter through another", "o.A(g, 3)",
        "public static RouteGroupBuilder A(this RouteGroupBuilder other, RouteGroupBuilder g, int d) { other.WithName(\"o\"); return d == 0 ? g : B(other, g, d - 1); } static RouteGroupBuilder B(RouteGroupBuilder other, RouteGroupBuilder g, int d) => other.A(g, d);")]
    public Task The_group_a_cycle_returns_gets_the_guard_on_its_result(string way, string call, string helpers) =>
        VerifyAsync(way, call, helpers, returned: "g");

    // The cycle returns neither parameter on every path: the guard on its result is credited to neither group.
    [Theory]
    [InlineData("a helper of the cycle returns the other parameter on some path", "Helpers.A(o, g, 3)",
        "public static RouteGroupBuilder A(RouteGroupBuilder other, RouteGroupBuilder g, int d) => d == 0 ? g : B(other, g, d - 1); public static RouteGroupBuilder B(RouteGroupBuilder other, RouteGroupBuilder g, int d) => d == 1 ? other : A(other, g, d - 1);")]
    [InlineData("the cycle swaps its parameters", "Helpers.A(o, g, 3)",
        "public static RouteGroupBuilder A(RouteGroupBuilder other, RouteGroupBuilder g, int d) => d == 0 ? g : B(g, other, d - 1); public static RouteGroupBuilder B(RouteGroupBuilder other, RouteGroupBuilder g, int d) => d == 0 ? g : A(other, g, d - 1);")]
    [InlineData("the cycle passes the same group for both", "Helpers.A(o, g, 3)",
        "public static RouteGroupBuilder A(RouteGroupBuilder other, RouteGroupBuilder g, int d) => d == 0 ? g : B(other, other, d - 1); public static RouteGroupBuilder B(RouteGroupBuilder other, RouteGroupBuilder g, int d) => d == 0 ? g : A(other, g, d - 1);")]
    public Task A_cycle_returning_either_group_guards_neither(string way, string call, string helpers) =>
        VerifyAsync(way, call, helpers, returned: null);

    /// <summary>Runs the program twice, the result guarded and not; <paramref name="way"/> names the row only.</summary>
    private static async Task VerifyAsync(string way, string call, string helpers, string? returned)
    {
        _ = way;
        foreach (var guarded in new[] { true, false })
        {
            string Arrow(string group) => guarded && group == returned ? "=>" : "{|SAUTH0001:=>|}";
            await AnalyzerTest.VerifyProjectAsync<EndpointGuardAnalyzer>(OutputKind.ConsoleApplication, [("Program.cs", $$"""
                var builder = WebApplication.CreateBuilder(args);
                var app = builder.Build();
                var o = app.MapGroup("/o");
                var g = app.MapGroup("/g");
                {{call}}{{(guarded ? ".RequireAuthorization()" : ".WithName(\"r\")")}};
                o.MapGet("/", () {{Arrow("o")}} "o");
                g.MapGet("/", () {{Arrow("g")}} "g");
                app.Run();

                static class Helpers
                {
                    {{helpers}}
                }
                """)]);
        }
    }
}
