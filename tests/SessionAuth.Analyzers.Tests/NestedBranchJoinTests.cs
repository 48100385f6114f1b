using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using SessionAuth.Generators.Analyzers;

namespace SessionAuth.Analyzers.Tests;

/// <summary>
/// Flow facts merge at joins: a local that holds a different group on each path into a merge holds, after it, the one
/// its path made, and a guard through it guards that one on every path; a group left unguarded on a path where the local
/// moved on to a group nested in it stays unguarded.
/// </summary>
public sealed class NestedBranchJoinTests
{
    private static Task VerifyAsync(string source, params DiagnosticResult[] expected) => AnalyzerTest.VerifyAsync<EndpointGuardAnalyzer>(source, expected);

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

    [Fact]
    public Task An_endpoint_on_the_group_a_nested_group_was_made_on_stays_open_when_the_local_moved_on() => VerifyAsync("""
        public static class Endpoints
        {
            public static void Map(WebApplication app, int k)
            {
                var g = app.MapGroup("/g");
                if (k > 0)
                {
                    g = g.MapGroup("/n0");
                    g.MapGet("/e0", () {|SAUTH0001:=>|} "open when k > 1");
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

    [Fact]
    public Task An_endpoint_on_the_outer_group_stays_open_when_a_branch_moved_the_local_on() => VerifyAsync("""
        public static class Endpoints
        {
            public static void Map(WebApplication app, bool nested)
            {
                var g = app.MapGroup("/g");
                g.MapGet("/top", () {|SAUTH0001:=>|} "open when nested");
                if (nested)
                {
                    g = g.MapGroup("/n");
                    g.MapGet("/inner", () => "guarded");
                }
                g.RequireAuthorization();
            }
        }
        """);
}
