using System.Net;
using System.Text.Json;
using SessionAuth.TestApp;

namespace SessionAuth.Tests;

public sealed class BigSessionTests(TestAppFixture fixture) : IClassFixture<TestAppFixture>
{
    private static readonly string LongName = new('h', 6_000);

    private static async Task<string?> NameAsync(TestClient client)
    {
        using var me = await client.FetchAsync("/_server/Account/Me");
        if (me.StatusCode != HttpStatusCode.OK)
        {
            return null;
        }

        using var body = JsonDocument.Parse(await me.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("name").GetString();
    }

    private static async Task<HttpResponseMessage> RenameAsync(TestClient client, string name) =>
        await client.FetchAsync("/_server/Account/Rename", JsonSerializer.Serialize(new { name }));

    [Fact]
    public async Task A_session_over_one_cookie_is_split_into_chunks_and_reassembled()
    {
        using var client = fixture.CreateClient();
        await client.LoginAsync();

        using var rename = await RenameAsync(client, LongName);

        Assert.Equal(HttpStatusCode.NoContent, rename.StatusCode);
        var cookies = rename.Headers.GetValues("Set-Cookie").ToList();
        Assert.StartsWith("session=chunks-", cookies[0], StringComparison.Ordinal);
        Assert.Contains(cookies, c => c.StartsWith("sessionC1=v1.", StringComparison.Ordinal));
        Assert.Contains(cookies, c => c.StartsWith("sessionC2=", StringComparison.Ordinal));
        Assert.All(cookies, c => Assert.Contains("httponly", c, StringComparison.OrdinalIgnoreCase));
        Assert.Equal(LongName, await NameAsync(client));
    }

    [Fact]
    public async Task A_missing_chunk_is_an_anonymous_request()
    {
        using var client = fixture.CreateClient();
        await client.LoginAsync();
        (await RenameAsync(client, LongName)).Dispose();

        client.Cookies.GetCookies(client.Address)["sessionC2"]!.Expired = true;

        Assert.Null(await NameAsync(client));
    }

    [Fact]
    public async Task An_extra_chunk_is_ignored()
    {
        using var client = fixture.CreateClient();
        await client.LoginAsync();
        (await RenameAsync(client, LongName)).Dispose();

        client.Cookies.Add(client.Address, new Cookie("sessionC9", "v1.garbage"));

        Assert.Equal(LongName, await NameAsync(client));
    }

    [Fact]
    public async Task Clearing_a_chunked_session_removes_every_chunk()
    {
        using var client = fixture.CreateClient();
        await client.LoginAsync();
        (await RenameAsync(client, LongName)).Dispose();

        using var logout = await client.FetchAsync("/_server/Account/Logout");

        var deleted = logout.Headers.GetValues("Set-Cookie").Select(c => c[..c.IndexOf('=', StringComparison.Ordinal)]).ToList();
        Assert.Contains("session", deleted);
        Assert.Contains("sessionC1", deleted);
        Assert.Contains("sessionC2", deleted);
        Assert.DoesNotContain(client.Cookies.GetCookies(client.Address), c => c.Name.StartsWith("session", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Shrinking_a_chunked_session_back_into_one_cookie_still_opens()
    {
        using var client = fixture.CreateClient();
        await client.LoginAsync();
        (await RenameAsync(client, LongName)).Dispose();

        (await RenameAsync(client, "Harry")).Dispose();

        Assert.Equal("Harry", await NameAsync(client));
    }

    [Fact]
    public async Task A_session_over_the_configured_limit_fails_the_call_not_the_cookie()
    {
        using var client = fixture.CreateClient();
        await client.LoginAsync();

        // UpdateAsync throws (naming size and limit) inside the function: the call fails, no cookie is written.
        using var rename = await RenameAsync(client, new string('x', 20_000));

        Assert.Equal(HttpStatusCode.InternalServerError, rename.StatusCode);
        Assert.False(rename.Headers.Contains("Set-Cookie"));
        Assert.Equal("harry", await NameAsync(client));
    }
}
