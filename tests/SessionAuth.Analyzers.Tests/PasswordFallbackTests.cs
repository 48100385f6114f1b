using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using SessionAuth.Generators.Analyzers;

namespace SessionAuth.Analyzers.Tests;

/// <summary>
/// SAUTH0006/SAUTH0012 on every literal the password can take: a fallback after <c>??</c>, a branch of <c>?:</c> or of a
/// switch expression, and literals put into <c>PreviousPasswords</c> however they get there.
/// </summary>
public sealed class PasswordFallbackTests
{
    private const string Long = "correct-horse-battery-staple-0123456789";

    private static DiagnosticResult Literal(int location) => new DiagnosticResult(Descriptors.PasswordLiteral).WithLocation(location);

    private static DiagnosticResult Short(int location, int length) =>
        new DiagnosticResult(Descriptors.PasswordTooShort).WithLocation(location).WithSeverity(DiagnosticSeverity.Error).WithArguments(length, SessionAuthOptions.MinimumPasswordLength);

    [Fact]
    public Task A_literal_fallback_after_configuration_is_reported() => AnalyzerTest.VerifyAsync<PasswordAnalyzer>(
        $$"""
        public static class Startup
        {
            public static void Configure(WebApplicationBuilder builder, bool development)
            {
                builder.Services.AddSessionAuth<UserSession>(o =>
                {
                    o.Password = builder.Configuration["SessionAuth:Password"] ?? {|#0:"{{Long}}"|};
                    o.Password = builder.Configuration["SessionAuth:Password"] ?? {|#1:"dev-secret"|};
                    o.Password = development ? {|#2:"{{Long}}"|} : builder.Configuration["SessionAuth:Password"];
                    o.Password = builder.Configuration["A"] ?? builder.Configuration["B"] ?? (development ? {|#3:"{{Long}}"|} : null);
                    o.Password = builder.Environment.EnvironmentName switch
                    {
                        "Development" => {|#4:"{{Long}}"|},
                        _ => builder.Configuration["SessionAuth:Password"],
                    };
                });
            }
        }

        public sealed record UserSession(int Id);
        """,
        Literal(0),
        Short(1, "dev-secret".Length),
        Literal(2),
        Literal(3),
        Literal(4));

    [Fact]
    public Task A_fallback_that_throws_or_leaves_the_password_unset_is_not_reported() => AnalyzerTest.VerifyAsync<PasswordAnalyzer>("""
        public static class Startup
        {
            public static void Configure(WebApplicationBuilder builder, bool development)
            {
                builder.Services.AddSessionAuth<UserSession>(o =>
                {
                    o.Password = builder.Configuration["SessionAuth:Password"] ?? throw new InvalidOperationException("Set SessionAuth:Password.");
                    o.Password = builder.Configuration["SessionAuth:Password"] ?? string.Empty;
                    o.Password = builder.Configuration["SessionAuth:Password"] ?? "";
                    o.Password = development ? null : builder.Configuration["SessionAuth:Password"];
                    o.CookieName = builder.Configuration["Cookie"] ?? "session-cookie-name-that-is-not-a-password";
                });
            }
        }

        public sealed record UserSession(int Id);
        """);

    [Fact]
    public Task Literals_put_into_PreviousPasswords_are_reported_however_they_get_there() => AnalyzerTest.VerifyAsync<PasswordAnalyzer>(
        $$"""
        public static class Startup
        {
            public static void Configure(WebApplicationBuilder builder)
            {
                builder.Services.AddSessionAuth<UserSession>(o =>
                {
                    o.PreviousPasswords.Add({|#0:"{{Long}}"|});
                    o.PreviousPasswords.Insert(0, {|#1:"old"|});
                    o.PreviousPasswords.Add(builder.Configuration["SessionAuth:Previous"] ?? {|#2:"{{Long}}"|});
                    o.PreviousPasswords.Add(builder.Configuration["SessionAuth:Previous"] ?? {|#3:""|});
                    o.PreviousPasswords.Add(builder.Configuration["SessionAuth:Previous"]!);
                    o.PreviousPasswords.Remove("{{Long}}");
                });
            }

            public static SessionAuthOptions Fixed() => new()
            {
                Password = {|#4:"{{Long}}"|},
                PreviousPasswords = { {|#5:"{{Long}}"|}, {|#6:"too-short"|} },
            };
        }

        public sealed record UserSession(int Id);
        """,
        Literal(0),
        Short(1, 3),
        Literal(2),
        Short(3, 0),
        Literal(4),
        Literal(5),
        Short(6, "too-short".Length));
}
