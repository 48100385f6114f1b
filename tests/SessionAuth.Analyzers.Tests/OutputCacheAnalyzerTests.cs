using Microsoft.CodeAnalysis.Testing;
using SessionAuth.Generators.Analyzers;

namespace SessionAuth.Analyzers.Tests;

/// <summary>SAUTH0017: <c>[OutputCache]</c> where the runtime never stores the answer, because it depends on the session.</summary>
public sealed class OutputCacheAnalyzerTests
{
    private const string SessionType = """

        [SessionData]
        public sealed record UserSession(int UserId, string Name);
        """;

    private static DiagnosticResult Personalised(int location, string function, string reason) =>
        new DiagnosticResult(Descriptors.OutputCacheOnPersonalisedFunction).WithLocation(location).WithArguments(function, reason);

    [Fact]
    public Task OutputCache_on_a_function_that_requires_reads_or_preloads_the_session_is_refused() => AnalyzerTest.VerifyAsync<ServerFunctionAnalyzer>(
        """
        public static class Kitchen
        {
            [ServerFunction(Method = "GET"), RequireSession, Microsoft.AspNetCore.OutputCaching.OutputCache]
            public static string {|#0:Diary|}() => "diary";

            [ServerFunction(Method = "GET"), AllowAnonymous, Microsoft.AspNetCore.OutputCaching.OutputCache(Duration = 60)]
            public static string {|#1:Greeting|}(UserSession? user) => user?.Name ?? "stranger";

            [ServerFunction(Method = "GET"), AllowAnonymous, Microsoft.AspNetCore.OutputCaching.OutputCache]
            public static string {|#2:Visits|}(Session session) => "visits";

            [ServerFunction(Method = "GET"), AllowAnonymous, PreloadSession, Microsoft.AspNetCore.OutputCaching.OutputCache]
            public static int {|#3:Menu|}() => 1;
        }

        [RequireSession, Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = "everyone")]
        public static class Lockers
        {
            public static class Inner
            {
                [ServerFunction(Method = "GET")]
                public static string {|#4:Open|}(UserSession user) => user.Name;
            }
        }
        """ + SessionType,
        Personalised(0, "Kitchen.Diary", "requires a session"),
        Personalised(1, "Kitchen.Greeting", "reads the session"),
        Personalised(2, "Kitchen.Visits", "reads the session"),
        Personalised(3, "Kitchen.Menu", "preloads the session"),
        Personalised(4, "Lockers.Inner.Open", "requires a session"));

    [Fact]
    public Task OutputCache_on_a_function_that_does_not_touch_the_session_and_a_guarded_function_without_it_pass() => AnalyzerTest.VerifyAsync<ServerFunctionAnalyzer>(
        """
        public static class Kitchen
        {
            [ServerFunction(Method = "GET"), AllowAnonymous, Microsoft.AspNetCore.OutputCaching.OutputCache]
            public static int Serve() => 1;

            [ServerFunction(Method = "GET"), AllowAnonymous, Microsoft.AspNetCore.OutputCaching.OutputCache]
            public static int Count(int shelf, HttpContext context) => shelf;

            [ServerFunction(Method = "GET"), RequireSession]
            public static string Pantry(UserSession user) => user.Name;
        }
        """ + SessionType);
}
