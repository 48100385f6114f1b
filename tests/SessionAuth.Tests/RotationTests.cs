using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using SessionAuth.TestApp;

namespace SessionAuth.Tests;

/// <summary>Password rotation across real deployments: the same cookie presented to apps with different password lists.</summary>
public sealed class RotationTests
{
    private const string OldPassword = "the-password-we-are-retiring-0123456789";
    private const string NewPassword = "the-password-we-are-moving-to-9876543210";

    private static async Task<(WebApplication App, TestClient Client)> StartAsync(string password, params string[] previous)
    {
        var app = TestAppHost.Build(o =>
        {
            o.Password = password;
            o.IdentifyUser<UserSession>(user => user.UserId.ToString(System.Globalization.CultureInfo.InvariantCulture));
            foreach (var old in previous)
            {
                o.PreviousPasswords.Add(old);
            }
        });
        await app.StartAsync();
        return (app, new TestClient(new Uri(app.Urls.First())));
    }

    private static void Present(TestClient client, string cookie) => client.Cookies.Add(client.Address, new Cookie("session", cookie));

    private static string KeyId(string cookie) => cookie.Split('.')[1];

    private static async Task<string> SessionIdAsync(TestClient client)
    {
        using var me = await client.FetchAsync("/_server/Account/Me");
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        using var body = JsonDocument.Parse(await me.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("sessionId").GetString()!;
    }

    [Fact]
    public async Task A_cookie_sealed_with_a_retired_password_still_opens_and_is_resealed_with_the_newest_on_the_next_write()
    {
        string oldCookie;
        string sessionId;
        var (before, beforeClient) = await StartAsync(OldPassword);
        await using (before)
        using (beforeClient)
        {
            await beforeClient.LoginAsync("harry");
            oldCookie = beforeClient.SessionCookie!.Value;
            sessionId = await SessionIdAsync(beforeClient);
        }

        var (rotated, client) = await StartAsync(NewPassword, OldPassword);
        await using (rotated)
        using (client)
        {
            Present(client, oldCookie);
            Assert.Equal(sessionId, await SessionIdAsync(client));

            using var rename = await client.FetchAsync("/_server/Account/Rename", """{"name":"Harry J. Potter"}""");
            Assert.Equal(HttpStatusCode.NoContent, rename.StatusCode);
            var newCookie = client.SessionCookie!.Value;

            Assert.NotEqual(KeyId(oldCookie), KeyId(newCookie));
            Assert.Equal(sessionId, await SessionIdAsync(client));
        }

        var (retired, afterClient) = await StartAsync(NewPassword);
        await using (retired)
        using (afterClient)
        {
            Present(afterClient, oldCookie);
            using var me = await afterClient.FetchAsync("/_server/Account/Me");
            Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
        }
    }
}
