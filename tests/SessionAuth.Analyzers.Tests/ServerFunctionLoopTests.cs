using SessionAuth.Generators.Analyzers;

namespace SessionAuth.Analyzers.Tests;

/// <summary>
/// SAUTH0001 for server functions mapped in a loop (<see cref="LoopIterationFlowTests"/>): a guard on what the last
/// <c>MapServerFunctions()</c> of a loop returned does not reach what the earlier iterations returned, which serve every
/// server function to anyone.
/// </summary>
public sealed class ServerFunctionLoopTests
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
