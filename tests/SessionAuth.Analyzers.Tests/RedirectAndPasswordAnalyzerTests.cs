using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using SessionAuth.Generators.Analyzers;

namespace SessionAuth.Analyzers.Tests;

public sealed class RedirectAndPasswordAnalyzerTests
{
    [Fact]
    public Task Redirect_literals_that_are_not_local_paths_are_reported() => AnalyzerTest.VerifyAsync<RedirectAnalyzer>("""
        public static class Startup
        {
            public static void Configure(IServiceCollection services, WebApplication app)
            {
                services.AddSessionAuth<UserSession>(o => o.LoginPath = {|SAUTH0002:"https://evil.example/login"|});
                app.MapGroup("/admin").RequireSession(redirectTo: {|SAUTH0002:"//evil.example"|});
                app.MapGet("/back", () => Results.LocalRedirect({|SAUTH0002:"http:evil.example"|}));
            }
        }

        public static class Orders
        {
            [ServerFunction, RequireSession(RedirectTo = {|SAUTH0002:"/\\evil.example"|})]
            public static int Count() => 1;

            [ServerFunction, RequireSession<Member>(RedirectTo = {|SAUTH0002:"https://evil.example/rule"|})]
            public static int Total() => 1;

            [ServerFunction, RequireSession<Member>(RedirectTo = "/login")]
            public static int Sum() => 1;
        }

        public sealed record UserSession(int Id);

        public sealed class Member : ISessionRule<UserSession>
        {
            public static bool Allows(UserSession user) => user.Id > 0;
        }
        """);

    /// <summary>
    /// ServerRedirect's constructor refuses a URL off the site unless allowExternal: true is passed: a literal it would
    /// refuse at the request is reported now; with allowExternal anything but a constant false, the constructor decides.
    /// </summary>
    [Fact]
    public Task ServerRedirect_literals_that_are_not_local_paths_are_reported_unless_another_site_is_allowed() => AnalyzerTest.VerifyAsync<RedirectAnalyzer>("""
        public static class Account
        {
            private const string Portal = "https://portal.example/";

            [ServerFunction, AllowAnonymous]
            public static void Go(int way, bool external)
            {
                switch (way)
                {
                    case 0: throw new ServerRedirect({|SAUTH0002:"https://evil.example/login"|});
                    case 1: throw new ServerRedirect({|SAUTH0002:"//evil.example"|}, allowExternal: false);
                    case 2: throw new ServerRedirect(allowExternal: false, url: {|SAUTH0002:"/\\evil.example"|});
                    case 3: throw new SessionAuth.ServerRedirect({|SAUTH0002:Portal|});
                    case 4: throw new ServerRedirect({|SAUTH0002:"/\uFF0Fevil.example"|});
                    case 5: throw new ServerRedirect("https://portal.example/", allowExternal: true);
                    case 6: throw new ServerRedirect(Portal, external);
                    case 7: throw new ServerRedirect("/login?returnUrl=%2F");
                    case 8: throw new ServerRedirect("/connexión");
                    default: throw new ServerRedirect(way.ToString());
                }
            }
        }
        """);

    [Fact]
    public Task Slash_lookalikes_and_invisible_characters_are_not_local_paths() => AnalyzerTest.VerifyAsync<RedirectAnalyzer>("""
        public static class Startup
        {
            public static void Configure(IServiceCollection services, WebApplication app)
            {
                services.AddSessionAuth<UserSession>(o => o.LoginPath = {|SAUTH0002:"/\uFF0Fevil.example"|});
                app.MapGroup("/admin").RequireSession(redirectTo: {|SAUTH0002:"/\u2215evil.example"|});
                app.MapGet("/back", () => Results.LocalRedirect({|SAUTH0002:"/\uFF3Cevil.example"|}));
                app.MapGet("/bidi", () => Results.LocalRedirect({|SAUTH0002:"/login\u202E"|}));
                app.MapGet("/overlong", () => Results.LocalRedirect({|SAUTH0002:"/%C0%AFevil.example"|}));
            }
        }

        public static class Orders
        {
            [ServerFunction, RequireSession(RedirectTo = {|SAUTH0002:"/\u2044evil.example"|})]
            public static int Count() => 1;
        }

        public sealed record UserSession(int Id);
        """);

    /// <summary>
    /// SessionAuth encodes its own login paths; ASP.NET Core's LocalRedirect puts its argument in the Location header as
    /// it is, where Kestrel refuses non-ASCII, so there the literal must be written percent-encoded.
    /// </summary>
    [Fact]
    public Task Non_ascii_paths_are_local_but_LocalRedirect_needs_them_percent_encoded() => AnalyzerTest.VerifyAsync<RedirectAnalyzer>("""
        public static class Startup
        {
            public static void Configure(IServiceCollection services, WebApplication app)
            {
                services.AddSessionAuth<UserSession>(o => o.LoginPath = "/connexión");
                app.MapGroup("/admin").RequireSession(redirectTo: "/ログイン");
                app.MapGet("/back", () => Results.LocalRedirect({|#0:"/café"|}));
                app.MapGet("/encoded", () => Results.LocalRedirect("/caf%C3%A9"));
            }
        }

        public sealed record UserSession(int Id);
        """,
        new DiagnosticResult(Descriptors.OpenRedirect).WithLocation(0).WithArguments("LocalRedirect(localUrl)", "/café", "cannot stand in a Location header as it is: write it percent-encoded, '/caf%C3%A9'"));

    [Fact]
    public Task RequireSession_is_found_by_symbol_however_it_is_spelled() => AnalyzerTest.VerifyAsync<RedirectAnalyzer>("""
        using Guard = SessionAuth.RequireSessionAttribute;
        using GateAttribute = SessionAuth.RequireSessionAttribute;

        [assembly: RequireSession(RedirectTo = {|SAUTH0002:"https://evil.example/assembly"|})]

        public static class Orders
        {
            [ServerFunction, Guard(RedirectTo = {|SAUTH0002:"//evil.example/alias"|})]
            public static int Alias() => 1;

            [ServerFunction, Gate(RedirectTo = {|SAUTH0002:"//evil.example/alias-without-suffix"|})]
            public static int AliasWithoutSuffix() => 1;

            [ServerFunction, SessionAuth.RequireSession(RedirectTo = {|SAUTH0002:"//evil.example/qualified"|})]
            public static int Qualified() => 1;

            [ServerFunction, SessionAuth.RequireSessionAttribute(RedirectTo = {|SAUTH0002:"//evil.example/qualified-suffix"|})]
            public static int QualifiedWithSuffix() => 1;

            [ServerFunction, RequireSessionAttribute(RedirectTo = {|SAUTH0002:"//evil.example/suffix"|})]
            public static int WithSuffix() => 1;

            [ServerFunction, global::SessionAuth.RequireSession(RedirectTo = {|SAUTH0002:"//evil.example/global"|})]
            public static int Global() => 1;

            [ServerFunction, global::SessionAuth.RequireSessionAttribute(RedirectTo = {|SAUTH0002:"//evil.example/global-suffix"|})]
            public static int GlobalWithSuffix() => 1;
        }
        """);

    [Fact]
    public Task An_aliased_RequireSession_with_a_local_path_and_other_attributes_named_alike_are_not_reported() => AnalyzerTest.VerifyAsync<RedirectAnalyzer>("""
        using Guard = SessionAuth.RequireSessionAttribute;

        public static class Orders
        {
            [ServerFunction, Guard(RedirectTo = "/login")]
            public static int Alias() => 1;

            [ServerFunction, AllowAnonymous, RequireSessionLike(RedirectTo = "//not-a-session-guard.example")]
            public static int Other() => 1;
        }

        [AttributeUsage(AttributeTargets.Method)]
        public sealed class RequireSessionLikeAttribute : Attribute
        {
            public string? RedirectTo { get; set; }
        }
        """);

    [Fact]
    public Task Local_paths_and_values_from_configuration_are_not_reported() => AnalyzerTest.VerifyAsync<RedirectAnalyzer>("""
        public static class Startup
        {
            public static void Configure(IServiceCollection services, WebApplication app, string fromConfiguration)
            {
                services.AddSessionAuth<UserSession>(o => o.LoginPath = "/account/login");
                services.AddSessionAuth<UserSession>(o => o.LoginPath = fromConfiguration);
                app.MapGroup("/admin").RequireSession(redirectTo: "/admin/login");
                app.MapGet("/back", () => Results.LocalRedirect("/home"));
                app.MapGet("/idp", () => Results.Redirect("https://login.example/authorize"));
            }
        }

        [RequireSession(RedirectTo = "/login")]
        public static class Orders
        {
            [ServerFunction]
            public static int Count() => 1;
        }

        public sealed record UserSession(int Id);
        """);

    [Fact]
    public Task A_password_literal_is_a_warning_and_a_short_one_an_error_of_its_own() => AnalyzerTest.VerifyAsync<PasswordAnalyzer>(
        """
        public static class Startup
        {
            private const string Secret = "a-constant-is-still-a-literal-in-source-code";

            public static void Configure(IServiceCollection services)
            {
                services.AddSessionAuth<UserSession>(o =>
                {
                    o.Password = {|#0:"correct-horse-battery-staple-0123456789"|};
                    o.Password = {|#1:"short"|};
                    o.PreviousPasswords.Add({|#2:Secret|});
                });
            }
        }

        public sealed record UserSession(int Id);
        """,
        new DiagnosticResult(Descriptors.PasswordLiteral).WithLocation(0).WithArguments(string.Empty),
        new DiagnosticResult(Descriptors.PasswordTooShort).WithLocation(1).WithSeverity(DiagnosticSeverity.Error).WithArguments(5, 32),
        new DiagnosticResult(Descriptors.PasswordLiteral).WithLocation(2).WithArguments(string.Empty));

    [Fact]
    public Task The_short_password_limit_is_the_runtime_s_own_minimum() => AnalyzerTest.VerifyAsync<PasswordAnalyzer>(
        $$"""
        public static class Startup
        {
            public static void Configure(IServiceCollection services)
            {
                services.AddSessionAuth<UserSession>(o =>
                {
                    o.Password = {|#0:"{{new string('x', SessionAuthOptions.MinimumPasswordLength - 1)}}"|};
                    o.Password = {|#1:"{{new string('x', SessionAuthOptions.MinimumPasswordLength)}}"|};
                });
            }
        }

        public sealed record UserSession(int Id);
        """,
        new DiagnosticResult(Descriptors.PasswordTooShort).WithLocation(0).WithArguments(SessionAuthOptions.MinimumPasswordLength - 1, SessionAuthOptions.MinimumPasswordLength),
        new DiagnosticResult(Descriptors.PasswordLiteral).WithLocation(1));

    [Fact]
    public Task A_password_from_configuration_is_not_reported() => AnalyzerTest.VerifyAsync<PasswordAnalyzer>("""
        public static class Startup
        {
            public static void Configure(WebApplicationBuilder builder)
            {
                builder.Services.AddSessionAuth<UserSession>(o =>
                {
                    o.Password = builder.Configuration["SessionAuth:Password"];
                    o.PreviousPasswords.Add(builder.Configuration["SessionAuth:PreviousPassword"]!);
                });
            }
        }

        public sealed record UserSession(int Id);
        """);
}
