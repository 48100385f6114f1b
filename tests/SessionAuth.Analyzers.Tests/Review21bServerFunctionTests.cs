using SessionAuth.Generators.Analyzers;

namespace SessionAuth.Analyzers.Tests;

/// <summary>
/// Review 21b: the loop finding of <see cref="Review21bFlowTests"/> reaches server functions too: a guard on what the
/// last <c>MapServerFunctions()</c> of a loop returned is credited to what every iteration returned, and every server
/// function stays silent while the earlier mappings serve it to anyone.
/// </summary>
public sealed class Review21bServerFunctionTests
{
    [Fact]
    public Task MapServerFunctions_in_a_do_while_loop_guarded_after_it_leaves_the_earlier_mappings_open() => MinimalApiFlowTests.VerifyWithServerFunctionsAsync("""
        public static class Startup
        {
            public static void Map(WebApplication app, string[] prefixes)
            {
                IEndpointConventionBuilder functions;
                var i = 0;
                do
                {
                    functions = app.MapGroup(prefixes[i]).MapServerFunctions();
                }
                while (++i < prefixes.Length);

                functions.RequireSession();
            }
        }

        public static class Reports
        {
            [ServerFunction]
            public static int {|SAUTH0001:Daily|}() => 1;
        }
        """);
}
