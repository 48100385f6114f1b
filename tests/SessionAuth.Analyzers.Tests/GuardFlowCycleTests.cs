using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis.Testing;
using SessionAuth.Generators.Analyzers;

namespace SessionAuth.Analyzers.Tests;

/// <summary>Groups passed around a cycle of methods: each question about them is answered once, however many paths lead to it.</summary>
public sealed class GuardFlowCycleTests
{
    private static Task VerifyAsync(string source, params DiagnosticResult[] expected) => AnalyzerTest.VerifyAsync<EndpointGuardAnalyzer>(source, expected);

    // Finding 5 (time): methods that pass a group around a cycle. Every question about a group in the cycle leads to every
    // other one by many paths; answered once each (the cycle's answers held until its first question is answered, the
    // calls of each method found once, the helpers of a cycle summarised together), the analysis grows with the calls,
    // not with the paths. Walking the paths, 21 methods and 3 calls each did not finish in 75 s; at 40 methods and 6
    // calls each a regression shows as a test that does not finish.
    [Fact]
    public Task A_wide_cycle_of_methods_passing_a_guarded_group_is_guarded() => VerifyAsync(MutualRecursion(40));

    [Fact]
    public Task A_wide_cycle_of_methods_entered_with_an_open_group_reports_every_endpoint() => VerifyAsync(MutualRecursion(40, guarded: false));

    private static string MutualRecursion(int n, bool guarded = true)
    {
        var s = new StringBuilder("public static class Endpoints\n{\n");
        s.Append("    public static void Map(WebApplication app) => R0(app.MapGroup(\"/api\")" + (guarded ? ".RequireAuthorization()" : string.Empty) + ", 5);\n");
        var arrow = guarded ? "=>" : "{|SAUTH0001:=>|}";
        for (var i = 0; i < n; i++)
        {
            s.Append(CultureInfo.InvariantCulture, $"    private static void R{i}(RouteGroupBuilder g, int d) {{ if (d == 0) return; g.MapGet(\"/r{i}\", () {arrow} \"guarded\");");
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
