namespace SessionAuth.Tests;

public sealed class LocalUrlTests
{
    [Theory]
    [InlineData("/")]
    [InlineData("/login")]
    [InlineData("/students?house=Gryffindor")]
    [InlineData("/a/b/c#top")]
    [InlineData("/files/a%2Fb")]
    [InlineData("/search?q=%2F%2Fanything")]
    [InlineData("/caf%C3%A9")]
    public void Local_paths_are_local(string url) => Assert.True(LocalUrl.IsLocal(url));

    [Theory]
    [InlineData("")]
    [InlineData("login")]
    [InlineData("//evil.com")]
    [InlineData("/\\evil.com")]
    [InlineData("\\\\evil.com")]
    [InlineData("https://evil.com")]
    [InlineData("http:evil.com")]
    [InlineData("/\t/evil.com")]
    [InlineData("/\r\n/evil.com")]
    [InlineData(" /login")]
    [InlineData("/a\\b")]
    [InlineData("/%2F%2Fevil.com")]
    [InlineData("/%2f%2fevil.com")]
    [InlineData("/%5Cevil.com")]
    [InlineData("/%09/evil.com")]
    [InlineData("/%0D%0A/evil.com")]
    [InlineData("/%252F%252Fevil.com")]
    [InlineData("/%25252F%25252Fevil.com")]
    [InlineData("  /login")]
    [InlineData("/login\t")]
    public void Anything_a_browser_could_read_as_another_host_is_not_local(string url) => Assert.False(LocalUrl.IsLocal(url));

    [Theory]
    [InlineData("//evil.com")]
    [InlineData("/%2F%2Fevil.com")]
    [InlineData("https://evil.com")]
    [InlineData(null)]
    [InlineData("")]
    public void A_rejected_return_url_falls_back_to_the_root(string? url) => Assert.Equal("/", ReturnUrls.LocalOrDefault(url));

    [Fact]
    public void A_local_return_url_is_kept() => Assert.Equal("/students/Ravenclaw?page=2", ReturnUrls.LocalOrDefault("/students/Ravenclaw?page=2"));
}
