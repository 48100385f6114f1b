using System.Net;
using System.Text.Json;
using SessionAuth.TestApp;

namespace SessionAuth.Tests;

/// <summary>
/// Over HTTP, in both session modes: a session that comes to belong to another user — a login over a session someone
/// planted — starts with a new id and creation time; the same user keeps theirs; <c>RenewAsync</c> renews on request.
/// </summary>
public abstract class SessionOwnerHttpTests<TFixture>(TFixture fixture)
    where TFixture : TestAppFixture
{
    private static async Task<Account.SessionInfo> MeAsync(TestClient client)
    {
        using var me = await client.FetchAsync("/_server/Account/Me");
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        return JsonSerializer.Deserialize<Account.SessionInfo>(await me.Content.ReadAsStringAsync(), JsonSerializerOptions.Web)!;
    }

    /// <summary>Creation times are kept to the second in the sealed cookie: let one pass so a new one can be told apart.</summary>
    private static Task NextSecondAsync() => Task.Delay(TimeSpan.FromMilliseconds(1_100));

    [Fact]
    public async Task A_login_over_a_planted_session_starts_a_new_session_id_and_creation_time()
    {
        using var attacker = fixture.CreateClient();
        await attacker.LoginAsync("draco");
        var planted = await MeAsync(attacker);
        using var victim = fixture.CreateClient();
        victim.Cookies.Add(victim.Address, new Cookie("session", attacker.SessionCookie!.Value));
        await NextSecondAsync();

        await victim.LoginAsync("hermione");

        var mine = await MeAsync(victim);
        Assert.Equal("hermione", mine.Name);
        Assert.NotEqual(planted.SessionId, mine.SessionId);
        Assert.True(mine.CreatedAt > planted.CreatedAt, $"created {mine.CreatedAt:O}, planted {planted.CreatedAt:O}");

        // The planted session itself is left as it was in cookie mode; the store removes the entry the login replaced.
        using var plantedMe = await attacker.FetchAsync("/_server/Account/Me");
        Assert.Equal(fixture is ServerStoreTestAppFixture ? HttpStatusCode.Unauthorized : HttpStatusCode.OK, plantedMe.StatusCode);
    }

    [Fact]
    public async Task Signing_in_again_as_the_same_user_keeps_the_session()
    {
        using var client = fixture.CreateClient();
        await client.LoginAsync("harry");
        var first = await MeAsync(client);

        await client.LoginAsync("harry");

        var again = await MeAsync(client);
        Assert.Equal((first.SessionId, first.CreatedAt), (again.SessionId, again.CreatedAt));
    }

    [Fact]
    public async Task Renewing_starts_a_new_session_id_with_the_same_data_and_the_old_cookie_stops_counting_in_the_store()
    {
        using var client = fixture.CreateClient();
        await client.LoginAsync("harry");
        var before = await MeAsync(client);
        var oldCookie = client.SessionCookie!.Value;
        await NextSecondAsync();

        using var renew = await client.FetchAsync("/_server/Account/Renew");

        Assert.Equal(HttpStatusCode.NoContent, renew.StatusCode);
        var after = await MeAsync(client);
        Assert.Equal((before.UserId, before.Name), (after.UserId, after.Name));
        Assert.NotEqual(before.SessionId, after.SessionId);
        Assert.True(after.CreatedAt > before.CreatedAt);

        using var stale = fixture.CreateClient();
        stale.Cookies.Add(stale.Address, new Cookie("session", oldCookie));
        using var staleMe = await stale.FetchAsync("/_server/Account/Me");
        Assert.Equal(fixture is ServerStoreTestAppFixture ? HttpStatusCode.Unauthorized : HttpStatusCode.OK, staleMe.StatusCode);
    }
}

public sealed class CookieModeSessionOwnerHttpTests(TestAppFixture fixture)
    : SessionOwnerHttpTests<TestAppFixture>(fixture), IClassFixture<TestAppFixture>;

public sealed class ServerStoreSessionOwnerHttpTests(ServerStoreTestAppFixture fixture)
    : SessionOwnerHttpTests<ServerStoreTestAppFixture>(fixture), IClassFixture<ServerStoreTestAppFixture>;
