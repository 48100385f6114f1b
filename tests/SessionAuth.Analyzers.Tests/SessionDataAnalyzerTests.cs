using Microsoft.CodeAnalysis.Testing;
using SessionAuth.Generators.Analyzers;

namespace SessionAuth.Analyzers.Tests;

public sealed class SessionDataAnalyzerTests
{
    private static Task VerifyAsync(string source, params DiagnosticResult[] expected) =>
        AnalyzerTest.VerifyAsync<SessionDataAnalyzer>(source, expected);

    private static DiagnosticResult SessionData(int location, string message) =>
        new DiagnosticResult(Descriptors.SessionDataType).WithLocation(location).WithMessage(message);

    private static DiagnosticResult SessionDataCount(int location, string message) =>
        new DiagnosticResult(Descriptors.SessionDataTypeCount).WithLocation(location).WithArguments(message);

    [Fact]
    public Task Records_and_classes_json_can_read_back_are_fine() => VerifyAsync("""
        [SessionData]
        public sealed record UserSession(int UserId, string Name);

        public sealed class Settable
        {
            public int Id { get; set; }
        }

        [RequireSession]
        public static class Orders
        {
            [ServerFunction]
            public static int Count(UserSession user) => user.UserId;
        }
        """);

    [Fact]
    public Task Guarded_server_functions_without_a_session_data_type_are_reported_once() => VerifyAsync(
        """
        [RequireSession]
        public static class Orders
        {
            [ServerFunction]
            public static int {|#0:Count|}() => 1;

            [ServerFunction]
            public static int Sum() => 2;
        }
        """,
        SessionDataCount(0, "This assembly has guarded server functions but no [SessionData] type; mark the record that holds the session, for example [SessionData] public sealed record UserSession(int UserId, string Name)"));

    [Fact]
    public Task Server_functions_that_never_require_a_session_need_no_session_data_type() => VerifyAsync("""
        [AllowAnonymous]
        public static class Catalogue
        {
            [ServerFunction]
            public static int Count() => 1;
        }
        """);

    [Fact]
    public Task Two_session_data_types_are_both_reported() => VerifyAsync(
        """
        [SessionData]
        public sealed record {|#0:UserSession|}(int UserId);

        [SessionData]
        public sealed record {|#1:AdminSession|}(int AdminId);
        """,
        SessionDataCount(0, "An assembly has one session data type, but AdminSession, UserSession are all marked [SessionData]; keep one"),
        SessionDataCount(1, "An assembly has one session data type, but AdminSession, UserSession are all marked [SessionData]; keep one"));

    [Fact]
    public Task A_type_json_cannot_construct_or_fill_is_reported() => VerifyAsync(
        """
        [SessionData]
        public sealed class {|#0:UserSession|}
        {
            private UserSession()
            {
            }

            public int UserId { get; private set; }
        }
        """,
        SessionData(0, "Session data type UserSession cannot round-trip through System.Text.Json: it has no public constructor"));

    [Fact]
    public Task A_type_with_nowhere_to_put_the_data_is_reported() => VerifyAsync(
        """
        [SessionData]
        public sealed class {|#0:UserSession|}
        {
            public int UserId { get; }
        }
        """,
        SessionData(0, "Session data type UserSession cannot round-trip through System.Text.Json: it has no constructor parameters or settable public members to carry the data"));
}
