using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using SessionAuth.Generators.Analyzers;

namespace SessionAuth.Analyzers.Tests;

/// <summary>
/// Review 21d findings: each test fails on the analyzer as merged and states what SAUTH0001 should do.
/// </summary>
public sealed class Review21dFindingsTests
{
    private static Task VerifyAsync(string source, params DiagnosticResult[] expected) => AnalyzerTest.VerifyAsync<EndpointGuardAnalyzer>(source, expected);

    private static Task VerifyAppAsync(string program, params DiagnosticResult[] expected) =>
        AnalyzerTest.VerifyProjectAsync<EndpointGuardAnalyzer>(OutputKind.ConsoleApplication, [("Program.cs", program)], expected);

    // Finding 1 (false silence): calls of a [Conditional] method are removed by the compiler when the symbol is not
    // defined (Debug.Assert in a Release build), yet the guard inside the call is credited.
    [Fact]
    public Task A_guard_inside_Debug_Assert_is_compiled_away_and_leaves_the_endpoint_open() => VerifyAsync("""
        public static class Endpoints
        {
            public static void Map(WebApplication app)
            {
                var group = app.MapGroup("/admin");
                System.Diagnostics.Debug.Assert(group.RequireAuthorization() is not null);
                group.MapGet("/x", () {|SAUTH0001:=>|} "open");
            }
        }
        """);

    // Finding 2 (false silence): the same through a guard helper of the project marked [Conditional].
    [Fact]
    public Task A_guard_helper_marked_Conditional_on_an_undefined_symbol_leaves_the_endpoint_open() => VerifyAsync("""
        public static class Endpoints
        {
            public static void Map(WebApplication app)
            {
                var group = app.MapGroup("/admin");
                Secure(group);
                group.MapGet("/x", () {|SAUTH0001:=>|} "open");
            }

            [System.Diagnostics.Conditional("GUARDS")]
            private static void Secure(RouteGroupBuilder group) => group.RequireAuthorization();
        }
        """);

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

    // Finding 4 (false alarm): a group made only inside a nested branch, held by the local at the join, and guarded
    // after it: the endpoint exists only on the path where its group is guarded.
    [Fact]
    public Task A_group_made_in_a_nested_branch_and_guarded_after_the_join_is_guarded() => VerifyAsync("""
        public static class Endpoints
        {
            public static void Map(WebApplication app, int k)
            {
                var g = app.MapGroup("/g");
                if (k > 0)
                {
                    g = g.MapGroup("/n0");
                    if (k > 1)
                    {
                        g = g.MapGroup("/n1");
                        g.MapGet("/e1", () => "guarded");
                    }
                }
                g.RequireAuthorization();
            }
        }
        """);

    // Finding 5 (time): methods that pass a group around a cycle. Every question about a group in the cycle leads to every
    // other one by many paths; answered once each (the cycle's answers held until its first question is answered, the
    // calls of each method found once, the helpers of a cycle summarised together), the analysis grows with the calls,
    // not with the paths. At 40 methods and 6 calls each, walking the paths would not end in a day; a regression shows
    // as a test that does not finish.
    [Fact]
    public Task A_wide_cycle_of_methods_passing_a_guarded_group_is_guarded() => VerifyAsync(MutualRecursion(40));

    private static string MutualRecursion(int n)
    {
        var s = new StringBuilder("public static class Endpoints\n{\n");
        s.Append("    public static void Map(WebApplication app) => R0(app.MapGroup(\"/api\").RequireAuthorization(), 5);\n");
        for (var i = 0; i < n; i++)
        {
            s.Append(CultureInfo.InvariantCulture, $"    private static void R{i}(RouteGroupBuilder g, int d) {{ if (d == 0) return; g.MapGet(\"/r{i}\", () => \"guarded\");");
            for (var j = 0; j < n; j += 7)
            {
                s.Append(CultureInfo.InvariantCulture, $" R{(i + j + 1) % n}(g.MapGroup(\"/x\"), d - 1);");
            }
            s.Append(" }\n");
        }
        s.Append("}\n");
        return s.ToString();
    }
}
