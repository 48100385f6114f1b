using SessionAuth.Generators.Analyzers;

namespace SessionAuth.Analyzers.Tests;

/// <summary>
/// Review 21b: guarded endpoints the rule reports. Each shape guards, on every path, the very group its endpoints are
/// mapped on; ASP.NET Core challenges an anonymous caller, so the rule must stay silent.
/// </summary>
public sealed class Review21bFalseAlarmTests
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
}
