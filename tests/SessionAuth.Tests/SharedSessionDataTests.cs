using System.Net;

namespace SessionAuth.Tests;

/// <summary>
/// The test app's session type is immutable, so in cookie mode requests that carry the same cookie are given one
/// object of it (no JSON read per request); sessions in the server store are read from it on every request.
/// </summary>
public abstract class SharedSessionDataTests(TestAppFixture fixture, bool sharesData)
{
    [Fact]
    public async Task Requests_with_the_same_session_cookie_share_the_data_object_only_in_cookie_mode()
    {
        using var client = fixture.CreateClient();
        await client.LoginAsync("hermione");

        var first = await DataIdentityAsync(client);
        var second = await DataIdentityAsync(client);

        if (sharesData)
        {
            Assert.Equal(first, second);
        }
        else
        {
            Assert.NotEqual(first, second);
        }
    }

    [Fact]
    public async Task A_new_session_gets_its_own_data_object()
    {
        using var harry = fixture.CreateClient();
        using var ron = fixture.CreateClient();
        await harry.LoginAsync("harry");
        await ron.LoginAsync("ron");

        Assert.NotEqual(await DataIdentityAsync(harry), await DataIdentityAsync(ron));
    }

    private static async Task<int> DataIdentityAsync(TestClient client)
    {
        using var response = await client.FetchAsync("/_server/Account/DataIdentity", method: HttpMethod.Get);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return int.Parse(await response.Content.ReadAsStringAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}

public sealed class CookieSharedSessionDataTests(TestAppFixture fixture) : SharedSessionDataTests(fixture, sharesData: true), IClassFixture<TestAppFixture>;

public sealed class ServerStoreSharedSessionDataTests(ServerStoreTestAppFixture fixture) : SharedSessionDataTests(fixture, sharesData: false), IClassFixture<ServerStoreTestAppFixture>;
