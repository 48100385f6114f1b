using Microsoft.CodeAnalysis.Testing;
using SessionAuth.Generators.Analyzers;

namespace SessionAuth.Analyzers.Tests;

/// <summary>
/// Review 21b: shapes in which SAUTH0004 stays silent while ASP.NET Core serves the endpoint to anyone. Each
/// test states the run-time behaviour of the shape; the markup is what the rule must report.
/// </summary>
public sealed class Review21bFlowTests
{
    private static Task VerifyAsync(string source, params DiagnosticResult[] expected) => AnalyzerTest.VerifyAsync<EndpointGuardAnalyzer>(source, expected);

    // A later AllowAnonymous() removes the session requirement: UseSessionAuth() skips an endpoint with IAllowAnonymous.

    [Fact]
    public Task Session_data_under_RequireSession_then_AllowAnonymous_is_null_for_anonymous_callers() => VerifyAsync("""
        public static class Endpoints
        {
            public static void Map(WebApplication app)
            {
                app.MapGet("/a", (UserSession {|SAUTH0004:user|}) => user.Name).RequireSession().AllowAnonymous();
                var members = app.MapGroup("/members").RequireSession();
                members.MapGet("/b", (UserSession {|SAUTH0004:user|}) => user.Name).AllowAnonymous();
            }
        }

        [SessionData]
        public sealed record UserSession(int UserId, string Name);
        """);

    [Fact]
    public Task AllowAnonymous_on_the_handler_under_a_RequireSession_group_leaves_its_session_data_null() => VerifyAsync("""
        public static class Endpoints
        {
            public static void Map(WebApplication app)
            {
                var members = app.MapGroup("/members").RequireSession();
                members.MapGet("/b", [AllowAnonymous] (UserSession {|SAUTH0004:user|}) => user.Name);
            }
        }

        [SessionData]
        public sealed record UserSession(int UserId, string Name);
        """);

    [Fact]
    public Task WithMetadata_AllowAnonymousAttribute_on_an_endpoint_under_a_RequireSession_group_leaves_its_session_data_null() => VerifyAsync("""
        public static class Endpoints
        {
            public static void Map(WebApplication app)
            {
                var members = app.MapGroup("/members").RequireSession();
                members.MapGet("/b", (UserSession {|SAUTH0004:user|}) => user.Name).WithMetadata(new AllowAnonymousAttribute());
            }
        }

        [SessionData]
        public sealed record UserSession(int UserId, string Name);
        """);
}
