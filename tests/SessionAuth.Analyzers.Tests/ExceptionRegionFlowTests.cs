using Microsoft.CodeAnalysis.Testing;
using SessionAuth.Generators.Analyzers;

namespace SessionAuth.Analyzers.Tests;

/// <summary>
/// SAUTH0001 for catch and finally blocks: a catch block starts from any state its try block passed through (an
/// exception may leave it anywhere), and a finally block runs on the way out of the try block, so what it assigns is
/// what the code after it sees.
/// </summary>
public sealed class ExceptionRegionFlowTests
{
    private static Task VerifyAsync(string source, params DiagnosticResult[] expected) => AnalyzerTest.VerifyAsync<EndpointGuardAnalyzer>(source, expected);

    // A catch block runs when its try throws; a finally block always runs: the group either makes is the one mapped on.

    [Fact]
    public Task A_group_a_catch_block_makes_leaves_the_endpoint_open() => VerifyAsync("""
        public static class Endpoints
        {
            public static void Map(WebApplication app, Func<string> prefix)
            {
                RouteGroupBuilder api;
                try
                {
                    api = app.MapGroup(prefix()).RequireAuthorization();
                }
                catch (InvalidOperationException)
                {
                    api = app.MapGroup("/api");
                }

                api.MapGet("/orders", () {|SAUTH0001:=>|} "orders");
            }
        }
        """);

    // A later AllowAnonymous() removes the session requirement: UseSessionAuth() skips an endpoint with IAllowAnonymous.

    [Fact]
    public Task A_group_a_finally_block_makes_leaves_the_endpoint_open() => VerifyAsync("""
        public static class Endpoints
        {
            public static void Map(WebApplication app, Action load)
            {
                var api = app.MapGroup("/api").RequireAuthorization();
                try
                {
                    load();
                }
                finally
                {
                    api = app.MapGroup("/open");
                }

                api.MapGet("/orders", () {|SAUTH0001:=>|} "orders");
            }
        }
        """);

    [Fact]
    public Task A_group_a_filtered_catch_block_makes_leaves_the_endpoint_open() => VerifyAsync("""
        public static class Endpoints
        {
            public static void Map(WebApplication app, Func<string> prefix)
            {
                RouteGroupBuilder api;
                try
                {
                    api = app.MapGroup(prefix()).RequireAuthorization();
                }
                catch (InvalidOperationException e) when (e.Message.Length > 0)
                {
                    api = app.MapGroup("/api");
                }

                api.MapGet("/orders", () {|SAUTH0001:=>|} "orders");
            }
        }
        """);

    [Fact]
    public Task A_catch_block_that_maps_on_a_group_the_try_made_before_guarding_it_leaves_the_endpoint_open() => VerifyAsync("""
        public static class Endpoints
        {
            public static void Map(WebApplication app, Action load)
            {
                var api = app.MapGroup("/api");
                try
                {
                    load();
                    api.RequireAuthorization();
                }
                catch (InvalidOperationException)
                {
                    api.MapGet("/fallback", () {|SAUTH0001:=>|} "fallback");
                }
            }
        }
        """);

    [Fact]
    public Task A_group_guarded_in_a_try_block_whose_finally_does_not_touch_it_is_guarded() => VerifyAsync("""
        public static class Endpoints
        {
            public static void Map(WebApplication app, Action log)
            {
                RouteGroupBuilder api;
                try
                {
                    api = app.MapGroup("/api").RequireAuthorization();
                }
                finally
                {
                    log();
                }

                api.MapGet("/orders", () => "orders");
            }
        }
        """);

    [Fact]
    public Task Groups_guarded_in_both_the_try_and_the_catch_block_are_guarded() => VerifyAsync("""
        public static class Endpoints
        {
            public static void Map(WebApplication app, Func<string> prefix)
            {
                RouteGroupBuilder api;
                try
                {
                    api = app.MapGroup(prefix()).RequireAuthorization();
                }
                catch (InvalidOperationException)
                {
                    api = app.MapGroup("/api").RequireAuthorization();
                }

                api.MapGet("/orders", () => "orders");
            }
        }
        """);
}
