using SessionAuth.CodeFixes;
using SessionAuth.Generators.Analyzers;

namespace SessionAuth.Analyzers.Tests;

/// <summary>SAUTH0005 on a local function: it is no symbol a symbol action sees, so it is reached through its operation.</summary>
public sealed class LocalFunctionConflictTests
{
    [Fact]
    public Task RequireSession_and_AllowAnonymous_on_a_local_function_are_reported() => AnalyzerTest.VerifyAsync<ConflictingGuardAnalyzer>("""
        public static class Orders
        {
            public static int Total()
            {
                Func<int> later = () =>
                {
                    return Nested();

                    [{|SAUTH0005:RequireSession|}]
                    [AllowAnonymous]
                    int Nested() => 3;
                };

                return Count() + Sum() + Open() + later();

                [{|SAUTH0005:RequireSession|}, AllowAnonymous]
                static int Count() => 1;

                [RequireSession]
                static int Sum() => 2;

                [AllowAnonymous]
                static int Open() => 4;
            }
        }
        """);

    [Fact]
    public Task Remove_AllowAnonymous_from_a_local_function_keeps_RequireSession() => AnalyzerTest.VerifyFixAsync<ConflictingGuardAnalyzer, ConflictingGuardCodeFixProvider>(
        """
        using Microsoft.AspNetCore.Authorization;
        using SessionAuth;

        public static class Orders
        {
            public static int Total()
            {
                return Count();

                [{|SAUTH0005:RequireSession|}, AllowAnonymous]
                static int Count() => 1;
            }
        }
        """,
        """
        using Microsoft.AspNetCore.Authorization;
        using SessionAuth;

        public static class Orders
        {
            public static int Total()
            {
                return Count();

                [RequireSession]
                static int Count() => 1;
            }
        }
        """,
        "Remove [AllowAnonymous]");
}
