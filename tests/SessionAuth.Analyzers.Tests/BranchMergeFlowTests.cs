using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using SessionAuth.Generators.Analyzers;

namespace SessionAuth.Analyzers.Tests;

/// <summary>
/// SAUTH0001 for a local given a different new group on each path into a merge (the branches of an if/else, the
/// sections of a switch, the arms of a conditional): from the merge it holds the group its path made, so a guard through it
/// after the merge guards each, and endpoints mapped on them in the branches are guarded (checked over HTTP in
/// tests/SessionAuth.Tests/GroupValueFlowHttpTests.cs). A group another path also leaves open is not decided this way.
/// </summary>
public sealed class BranchMergeFlowTests
{
    private static Task VerifyAsync(string source, params DiagnosticResult[] expected) => AnalyzerTest.VerifyAsync<EndpointGuardAnalyzer>(source, expected);

    [Fact]
    public Task Groups_made_and_mapped_on_through_one_local_in_each_branch_and_guarded_after_it_are_guarded() => VerifyAsync("""
        public static class Endpoints
        {
            public static void Map(WebApplication app, bool v2)
            {
                RouteGroupBuilder g;
                if (v2)
                {
                    g = app.MapGroup("/v2");
                    g.MapGet("/x", () => "guarded");
                }
                else
                {
                    g = app.MapGroup("/v1");
                    g.MapGet("/x", () => "guarded");
                }

                g.RequireAuthorization();
            }
        }
        """);

    [Fact]
    public Task Groups_made_and_mapped_on_through_one_local_in_each_switch_section_and_guarded_after_it_are_guarded() => VerifyAsync("""
        public static class Endpoints
        {
            public static void Map(WebApplication app, int version)
            {
                RouteGroupBuilder g;
                switch (version)
                {
                    case 1:
                        g = app.MapGroup("/v1");
                        g.MapGet("/x", () => "guarded");
                        break;
                    default:
                        g = app.MapGroup("/v2");
                        g.MapGet("/x", () => "guarded");
                        break;
                }

                g.RequireAuthorization();
            }
        }
        """);

    [Fact]
    public Task Groups_made_in_nested_branches_and_guarded_after_them_are_guarded() => VerifyAsync("""
        public static class Endpoints
        {
            public static void Map(WebApplication app, bool v2, bool beta)
            {
                RouteGroupBuilder g;
                if (v2)
                {
                    if (beta)
                    {
                        g = app.MapGroup("/v2-beta");
                    }
                    else
                    {
                        g = app.MapGroup("/v2");
                    }

                    g.MapGet("/x", () => "guarded");
                }
                else
                {
                    g = app.MapGroup("/v1");
                    g.MapGet("/x", () => "guarded");
                }

                g.RequireAuthorization();
            }
        }
        """);

    [Fact]
    public Task A_group_a_branch_makes_and_the_local_no_longer_holds_at_the_merge_stays_open() => VerifyAsync("""
        public static class Endpoints
        {
            public static void Map(WebApplication app, bool v2)
            {
                RouteGroupBuilder g;
                if (v2)
                {
                    g = app.MapGroup("/v2");
                    g.MapGet("/x", () {|SAUTH0001:=>|} "open");
                    g = app.MapGroup("/v2b");
                }
                else
                {
                    g = app.MapGroup("/v1");
                    g.MapGet("/x", () => "guarded");
                }

                g.RequireAuthorization();
            }
        }
        """);

    [Fact]
    public Task A_group_left_open_on_both_paths_is_not_guarded_by_the_merge() => VerifyAsync("""
        public static class Endpoints
        {
            public static void Map(WebApplication app, bool v2)
            {
                var shared = app.MapGroup("/shared");
                shared.MapGet("/x", () {|SAUTH0001:=>|} "open");
                RouteGroupBuilder g;
                if (v2)
                {
                    g = shared;
                }
                else
                {
                    g = app.MapGroup("/v1");
                    shared.WithTags("v1");
                }

                g.RequireAuthorization();
            }
        }
        """);

    [Fact]
    public Task Groups_a_helper_makes_in_each_branch_and_returns_through_one_local_are_guarded_by_the_caller() => VerifyAsync("""
        public static class Endpoints
        {
            public static void Map(WebApplication app, bool v2) => Make(app, v2).RequireAuthorization();

            private static RouteGroupBuilder Make(WebApplication app, bool v2)
            {
                RouteGroupBuilder g;
                if (v2)
                {
                    g = app.MapGroup("/v2");
                    g.MapGet("/x", () => "guarded");
                }
                else
                {
                    g = app.MapGroup("/v1");
                    g.MapGet("/x", () => "guarded");
                }

                return g;
            }
        }
        """);

    [Fact]
    public Task Groups_made_before_a_conditional_that_returns_one_of_them_leave_the_other_open() => VerifyAsync("""
        public static class Endpoints
        {
            public static void Map(WebApplication app, bool v2) => Make(app, v2).RequireAuthorization();

            private static RouteGroupBuilder Make(WebApplication app, bool v2)
            {
                var a = app.MapGroup("/v2");
                a.MapGet("/x", () {|SAUTH0001:=>|} "open when v1");
                var b = app.MapGroup("/v1");
                b.MapGet("/x", () {|SAUTH0001:=>|} "open when v2");
                return v2 ? a : b;
            }
        }
        """);

    [Fact]
    public Task AllowAnonymous_through_the_local_after_the_merge_reaches_each_branch_group() => VerifyAsync("""
        public static class Endpoints
        {
            public static void Map(WebApplication app, bool v2)
            {
                var members = app.MapGroup("/members").RequireSession();
                RouteGroupBuilder g;
                if (v2)
                {
                    g = members.MapGroup("/v2");
                    g.MapGet("/me", (UserSession {|SAUTH0004:user|}) => user.Name);
                }
                else
                {
                    g = members.MapGroup("/v1");
                    g.MapGet("/me", (UserSession {|SAUTH0004:user|}) => user.Name);
                }

                g.AllowAnonymous();
            }
        }

        [SessionData]
        public sealed record UserSession(int UserId, string Name);
        """);
}
