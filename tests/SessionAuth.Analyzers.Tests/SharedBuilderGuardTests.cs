using SessionAuth.Generators.Analyzers;

namespace SessionAuth.Analyzers.Tests;

/// <summary>
/// SAUTH0001 where a guard and the endpoints reach the same builder without the flow knowing which one it is: a local
/// given one of several groups (a conditional, a switch expression, if/else) is guarded and mapped on through that local,
/// and a foreach over a listed collection of groups guards each element on every pass. ASP.NET Core challenges an
/// anonymous caller there, so the rule stays silent; it fires where the guard reaches only some of them.
/// </summary>
public sealed class SharedBuilderGuardTests
{
    private static Task VerifyAsync(string source) => AnalyzerTest.VerifyAsync<EndpointGuardAnalyzer>(source);

    // Whichever group the conditional picks, the guard and the endpoint go to that same object.

    [Fact]
    public Task A_group_picked_by_a_conditional_then_guarded_guards_the_endpoints_mapped_on_it() => VerifyAsync("""
        public static class Endpoints
        {
            public static void Map(WebApplication app, bool development)
            {
                var api = development ? app.MapGroup("/dev-api") : app.MapGroup("/api");
                api.RequireAuthorization();
                api.MapGet("/orders", () => "orders");
            }
        }
        """);

    // Every group of the array gets the guard in the loop.

    [Fact]
    public Task Groups_guarded_in_a_loop_over_an_array_of_them_are_guarded() => VerifyAsync("""
        public static class Endpoints
        {
            public static void Map(WebApplication app)
            {
                var admin = app.MapGroup("/admin");
                var reports = app.MapGroup("/reports");
                admin.MapGet("/users", () => "users");
                reports.MapGet("/daily", () => "daily");
                foreach (var group in new[] { admin, reports })
                {
                    group.RequireAuthorization();
                }
            }
        }
        """);

    [Fact]
    public Task A_group_picked_by_if_and_else_then_guarded_guards_the_endpoints_mapped_on_it() => VerifyAsync("""
        public static class Endpoints
        {
            public static void Map(WebApplication app, bool development)
            {
                RouteGroupBuilder api;
                if (development)
                {
                    api = app.MapGroup("/dev-api");
                }
                else
                {
                    api = app.MapGroup("/api");
                }

                api.RequireAuthorization();
                api.MapGet("/orders", () => "orders");
            }
        }
        """);

    [Fact]
    public Task A_guard_on_the_picked_group_does_not_reach_endpoints_mapped_on_either_group_directly() => VerifyAsync("""
        public static class Endpoints
        {
            public static void Map(WebApplication app, bool development)
            {
                var dev = app.MapGroup("/dev-api");
                var prod = app.MapGroup("/api");
                dev.MapGet("/orders", () {|SAUTH0001:=>|} "orders");
                var api = development ? dev : prod;
                api.RequireAuthorization();
            }
        }
        """);

    [Fact]
    public Task Groups_guarded_in_a_loop_over_a_collection_expression_of_them_are_guarded() => VerifyAsync("""
        public static class Endpoints
        {
            public static void Map(WebApplication app)
            {
                var admin = app.MapGroup("/admin");
                var reports = app.MapGroup("/reports");
                admin.MapGet("/users", () => "users");
                reports.MapGet("/daily", () => "daily");
                foreach (var group in (RouteGroupBuilder[])[admin, reports])
                {
                    group.RequireAuthorization().WithTags("secured");
                }
            }
        }
        """);

    [Fact]
    public Task Groups_guarded_under_a_condition_in_a_loop_over_an_array_of_them_are_reported() => VerifyAsync("""
        public static class Endpoints
        {
            public static void Map(WebApplication app, Func<RouteGroupBuilder, bool> secured)
            {
                var admin = app.MapGroup("/admin");
                var reports = app.MapGroup("/reports");
                admin.MapGet("/users", () {|SAUTH0001:=>|} "users");
                reports.MapGet("/daily", () {|SAUTH0001:=>|} "daily");
                foreach (var group in new[] { admin, reports })
                {
                    if (secured(group))
                    {
                        group.RequireAuthorization();
                    }
                }
            }
        }
        """);

    [Fact]
    public Task Groups_of_an_array_loop_that_may_break_before_the_guard_are_reported() => VerifyAsync("""
        public static class Endpoints
        {
            public static void Map(WebApplication app, Func<bool> stop)
            {
                var admin = app.MapGroup("/admin");
                var reports = app.MapGroup("/reports");
                admin.MapGet("/users", () {|SAUTH0001:=>|} "users");
                reports.MapGet("/daily", () {|SAUTH0001:=>|} "daily");
                foreach (var group in new[] { admin, reports })
                {
                    if (stop())
                    {
                        break;
                    }

                    group.RequireAuthorization();
                }
            }
        }
        """);
}
