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

    // Guard helpers that call each other are read together until nothing changes: SecureAgain guards through Secure,
    // which was still being read when SecureAgain was first read (and taken then to guard nothing).
    [Fact]
    public Task Guard_helpers_calling_each_other_are_credited_for_each_once_their_cycle_is_read() => VerifyAsync("""
        public static class Endpoints
        {
            public static void Map(WebApplication app)
            {
                var a = app.MapGroup("/a");
                Secure(a);
                a.MapGet("/x", () => "guarded");
                var b = app.MapGroup("/b");
                SecureAgain(b);
                b.MapGet("/y", () => "guarded");
            }

            private static void Secure(RouteGroupBuilder group)
            {
                group.RequireAuthorization();
                if (group.ToString() == "again")
                {
                    SecureAgain(group);
                }
            }

            private static void SecureAgain(RouteGroupBuilder group) => Secure(group);
        }
        """);

    // A guard reached only through a recursion that may never end is not credited (the least fixed point).
    [Fact]
    public Task A_guard_reached_only_through_mutual_recursion_is_not_credited() => VerifyAsync("""
        public static class Endpoints
        {
            public static void Map(WebApplication app)
            {
                var a = app.MapGroup("/a");
                Ping(a);
                a.MapGet("/x", () {|SAUTH0001:=>|} "open");
            }

            private static void Ping(RouteGroupBuilder group) => Pong(group);

            private static void Pong(RouteGroupBuilder group) => Ping(group);
        }
        """);

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
