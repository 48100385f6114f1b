using CsCheck;

namespace SessionAuth.Tests;

/// <summary>
/// A <see cref="ServerRedirect"/> goes to a path on this site, checked as every other redirect of SessionAuth is, unless
/// made with <c>allowExternal: true</c> — and even then only to an absolute http or https URL; the URL it keeps always
/// fits in a response header.
/// </summary>
public sealed class ServerRedirectTests
{
    private static readonly bool[] AllowExternal = [false, true];

    [Theory]
    [MemberData(nameof(LocalUrlTests.HostileCharacters), MemberType = typeof(LocalUrlTests))]
    public void A_local_redirect_keeps_the_header_safe_form_of_a_local_path_and_refuses_anything_else(string url, string? expected)
    {
        if (expected is null)
        {
            var refused = Assert.Throws<ArgumentException>(() => new ServerRedirect(url));
            Assert.Equal("url", refused.ParamName);
            Assert.Contains("allowExternal: true", refused.Message, StringComparison.Ordinal);
        }
        else
        {
            var redirect = new ServerRedirect(url);
            Assert.Equal(expected, redirect.Url);
            Assert.False(redirect.IsExternal);
        }
    }

    [Theory]
    [InlineData("//evil.example")]
    [InlineData("/\\evil.example")]
    [InlineData("https://evil.example")]
    [InlineData("http:evil.example")]
    [InlineData("javascript:alert(1)")]
    [InlineData("")]
    [InlineData("login")]
    [InlineData("~//evil.example")]
    [InlineData("~evil.example")]
    public void A_url_off_the_site_is_refused_at_construction(string url) =>
        Assert.Equal("url", Assert.Throws<ArgumentException>(() => new ServerRedirect(url)).ParamName);

    [Theory]
    [InlineData("https://accounts.example/sign-in?next=%2F", "https://accounts.example/sign-in?next=%2F")]
    [InlineData("http://accounts.example", "http://accounts.example/")]
    [InlineData("https://bücher.example/café", "https://xn--bcher-kva.example/caf%C3%A9")]
    [InlineData("/login", "/login")]
    [InlineData("~/login", "~/login")]
    public void An_allowed_external_redirect_keeps_an_absolute_http_url_in_its_header_form(string url, string expected)
    {
        var redirect = new ServerRedirect(url, allowExternal: true);
        Assert.Equal(expected, redirect.Url);
        Assert.Equal(url[0] is not ('/' or '~'), redirect.IsExternal);
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("data:text/html,<script>alert(1)</script>")]
    [InlineData("file:///etc/passwd")]
    [InlineData("//evil.example")]
    [InlineData("/\\evil.example")]
    [InlineData("ftp://files.example/")]
    [InlineData("login")]
    public void Even_an_allowed_external_redirect_goes_only_to_an_http_or_https_url(string url) =>
        Assert.Equal("url", Assert.Throws<ArgumentException>(() => new ServerRedirect(url, allowExternal: true)).ParamName);

    [Fact]
    public void Any_string_is_either_refused_or_kept_as_a_header_safe_url()
    {
        Gen.String.Sample(url =>
        {
            foreach (var allowExternal in AllowExternal)
            {
                ServerRedirect redirect;
                try
                {
                    redirect = new ServerRedirect(url, allowExternal);
                }
                catch (ArgumentException refused) when (refused.ParamName == "url")
                {
                    continue;
                }

                Assert.All(redirect.Url, c => Assert.InRange(c, '!', '~'));
                Assert.True(redirect.IsExternal ? allowExternal && redirect.Url.StartsWith("http", StringComparison.Ordinal) : LocalUrl.IsLocal(redirect.Url.TrimStart('~')), redirect.Url);
            }
        });
    }
}
