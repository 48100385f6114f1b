using SessionAuth.Generators.Analyzers;

namespace SessionAuth.Analyzers.Tests;

/// <summary>
/// Review of issue 19 part 1: SAUTH0002 on <c>new ServerRedirect(...)</c>. The first test shows what held (constants
/// however they are written); the second is a finding: a constant URL that the constructor refuses even with
/// <c>allowExternal: true</c> (not an absolute http/https URL) throws at every request and is not reported.
/// </summary>
public sealed class ServerRedirectConstantTests
{
    [Fact]
    public Task Constants_however_written_are_read_as_literals() => AnalyzerTest.VerifyAsync<RedirectAnalyzer>("""
        public static class Account
        {
            private const string Host = "evil.example";
            private const string Slash = "/";
            private const bool Never = false;

            [ServerFunction, AllowAnonymous]
            public static void Go(int way)
            {
                switch (way)
                {
                    case 0: throw new ServerRedirect({|SAUTH0002:$"//{Host}/login"|});
                    case 1: throw new ServerRedirect({|SAUTH0002:Slash + Slash + Host|});
                    case 2: throw new ServerRedirect({|SAUTH0002:"https://" + Host|}, allowExternal: Never);
                    case 3: throw new ServerRedirect({|SAUTH0002:"//evil.example"|}, default);
                    case 4: throw new ServerRedirect({|SAUTH0002:"//evil.example"|}, !true);
                    case 5: { ServerRedirect target = new({|SAUTH0002:"https://evil.example"|}); throw target; }
                    default: throw new ServerRedirect(Slash + "login");
                }
            }
        }
        """);

    /// <summary>
    /// Found in review: with <c>allowExternal: true</c> the constructor still refuses anything but an absolute http/https URL
    /// (ServerRedirectTests.Even_an_allowed_external_redirect_goes_only_to_an_http_or_https_url), so these constants
    /// are an ArgumentException at every request; the rule stays silent ("then the constructor decides, at the request"),
    /// though the answer is known now.
    /// </summary>
    [Fact]
    public Task A_constant_that_even_allowExternal_refuses_is_reported() => AnalyzerTest.VerifyAsync<RedirectAnalyzer>("""
        public static class Account
        {
            [ServerFunction, AllowAnonymous]
            public static void Go(int way)
            {
                switch (way)
                {
                    case 0: throw new ServerRedirect({|SAUTH0002:"javascript:alert(1)"|}, allowExternal: true);
                    case 1: throw new ServerRedirect({|SAUTH0002:"ftp://files.example/"|}, allowExternal: true);
                    case 2: throw new ServerRedirect({|SAUTH0002:"login"|}, allowExternal: true);
                    default: throw new ServerRedirect("https://portal.example/", allowExternal: true);
                }
            }
        }
        """);
}
