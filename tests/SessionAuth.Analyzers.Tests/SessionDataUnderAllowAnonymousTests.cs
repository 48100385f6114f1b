using Microsoft.CodeAnalysis.Testing;
using SessionAuth.Generators.Analyzers;

namespace SessionAuth.Analyzers.Tests;

/// <summary>
/// SAUTH0004 and <c>IAllowAnonymous</c>: a session requirement is undone by any <c>IAllowAnonymous</c> that reaches the
/// endpoint, before or after it, on the endpoint or a group around it (<c>SessionEndpointMetadata</c> drops the
/// requirement, so <c>UseSessionAuth()</c> skips the endpoint and its session data is null for anonymous callers).
/// </summary>
public sealed class SessionDataUnderAllowAnonymousTests
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

    [Fact]
    public Task AllowAnonymous_on_a_group_around_a_RequireSession_endpoint_leaves_its_session_data_null() => VerifyAsync("""
        public static class Endpoints
        {
            public static void Map(WebApplication app)
            {
                var open = app.MapGroup("/open").AllowAnonymous();
                var members = open.MapGroup("/members");
                members.MapGet("/b", (UserSession {|SAUTH0004:user|}) => user.Name).RequireSession();
            }
        }

        [SessionData]
        public sealed record UserSession(int UserId, string Name);
        """);

    [Fact]
    public Task AllowAnonymous_on_some_paths_only_leaves_the_session_data_null_on_those() => VerifyAsync("""
        public static class Endpoints
        {
            public static void Map(WebApplication app, bool demo)
            {
                var members = app.MapGroup("/members").RequireSession();
                if (demo)
                {
                    members.AllowAnonymous();
                }

                members.MapGet("/b", (UserSession {|SAUTH0004:user|}) => user.Name);
            }
        }

        [SessionData]
        public sealed record UserSession(int UserId, string Name);
        """);

    [Fact]
    public Task AllowAnonymous_on_the_group_a_helper_is_passed_leaves_its_session_data_null() => VerifyAsync("""
        public static class Endpoints
        {
            public static void Map(WebApplication app)
            {
                MapMembers(app.MapGroup("/members").RequireSession());
                MapMembers(app.MapGroup("/demo").RequireSession().AllowAnonymous());
            }

            private static void MapMembers(RouteGroupBuilder members) =>
                members.MapGet("/b", (UserSession {|SAUTH0004:user|}) => user.Name);
        }

        [SessionData]
        public sealed record UserSession(int UserId, string Name);
        """);

    [Fact]
    public Task A_helper_that_applies_AllowAnonymous_to_an_endpoint_leaves_its_session_data_null() => VerifyAsync("""
        public static class Endpoints
        {
            public static void Map(WebApplication app)
            {
                var members = app.MapGroup("/members").RequireSession();
                Open(members.MapGet("/b", (UserSession {|SAUTH0004:user|}) => user.Name));
            }

            private static void Open(RouteHandlerBuilder endpoint) => endpoint.AllowAnonymous();
        }

        [SessionData]
        public sealed record UserSession(int UserId, string Name);
        """);

    // Must not fire: an AllowAnonymous on another endpoint or a sibling group does not reach this one.

    [Fact]
    public Task AllowAnonymous_on_a_sibling_endpoint_or_group_leaves_the_session_requirement_in_place() => VerifyAsync("""
        public static class Endpoints
        {
            public static void Map(WebApplication app)
            {
                var members = app.MapGroup("/members").RequireSession();
                members.MapGet("/login", () => "login").AllowAnonymous();
                app.MapGroup("/public").AllowAnonymous().MapGet("/about", () => "about");
                members.MapGet("/b", (UserSession user) => user.Name);
            }
        }

        [SessionData]
        public sealed record UserSession(int UserId, string Name);
        """);
}
