namespace SessionAuth.Tests.Client;

/// <summary>
/// <c>configure({ baseUrl })</c> as an app that bundles the written client sets it: relative to the page, and read as a
/// directory whether or not it ends with a slash. The functions are the test app's <c>ClientProbes</c>.
/// </summary>
public sealed class ClientBaseUrlTests(TestAppFixture fixture) : IClassFixture<TestAppFixture>
{
    /// <summary>
    /// The README tells an app that bundles the written client to <c>configure({ baseUrl: "/" })</c>. The client resolves
    /// every route with <c>new URL(route, baseUrl)</c>, which needs an absolute base: a relative one throws "Invalid URL"
    /// on every call, so the documented set-up calls nothing. A relative baseUrl is taken relative to the page, as a link on
    /// it is: from the page <c>/students/page</c>, <c>"../"</c> is the app's root.
    /// </summary>
    [Theory]
    [InlineData("/")]
    [InlineData("../")]
    public async Task A_relative_base_url_as_the_readme_gives_it_reaches_the_app(string baseUrl)
    {
        var outcome = await ClientProbeCalls.RunAsync(fixture, "BaseUrl.mjs", baseUrl);

        Assert.True(outcome.TryGetProperty("value", out var value), outcome.ToString());
        Assert.Equal("x", value.GetString());
    }

    /// <summary>
    /// <c>baseUrl</c> is "the app's root URL"; written without a trailing slash (<c>https://school.example/hogwarts</c>, as
    /// a root is usually written) the URL resolution drops its last segment, and every call goes to
    /// <c>https://school.example/client-probes/...</c>, outside the app.
    /// </summary>
    [Fact]
    public async Task A_base_url_without_a_trailing_slash_keeps_its_last_segment()
    {
        var outcome = await ClientProbeCalls.RunAsync(fixture, "BaseUrl.mjs", "https://school.example/hogwarts");

        Assert.StartsWith("https://school.example/hogwarts/client-probes/letter", outcome.GetProperty("fetched")[0].GetString(), StringComparison.Ordinal);
    }
}
