namespace SessionAuth.Tests;

public sealed class LocalUrlTests
{
    [Theory]
    [InlineData("/")]
    [InlineData("/login")]
    [InlineData("/students?house=Gryffindor")]
    [InlineData("/a/b/c#top")]
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
    public void Anything_a_browser_could_read_as_another_host_is_not_local(string url) => Assert.False(LocalUrl.IsLocal(url));
}
