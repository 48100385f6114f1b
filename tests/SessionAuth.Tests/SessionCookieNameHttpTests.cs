using System.Net;
using System.Text;
using SessionAuth.TestApp;

namespace SessionAuth.Tests;

/// <summary>
/// Over HTTP, in both session modes: the session is read from, and cleared by, the cookie with exactly its name; a
/// cookie that differs only in case, or that hides the name inside another cookie's value, is another cookie.
/// </summary>
public abstract class SessionCookieNameHttpTests<TFixture>(TFixture fixture)
    where TFixture : TestAppFixture
{
    private async Task<string> SignedInCookieAsync()
    {
        using var client = fixture.CreateClient();
        await client.LoginAsync();
        return client.SessionCookie!.Value;
    }

    /// <summary>A client without a cookie jar, so each test writes its Cookie header exactly.</summary>
    private async Task<HttpResponseMessage> SendAsync(string path, string cookieHeader)
    {
        using var http = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = fixture.Address };
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
        request.Headers.Add("Sec-Fetch-Mode", "cors");
        request.Headers.TryAddWithoutValidation("Cookie", cookieHeader);
        return await http.SendAsync(request);
    }

    [Theory]
    [InlineData("session={0}", HttpStatusCode.OK)]
    [InlineData("Session={0}", HttpStatusCode.Unauthorized)]
    [InlineData("SESSION={0}; theme=dark", HttpStatusCode.Unauthorized)]
    [InlineData("theme=dark, session={0}", HttpStatusCode.Unauthorized)]
    [InlineData("theme=a session={0}", HttpStatusCode.Unauthorized)]
    [InlineData("session=v1.garbage; Session={0}", HttpStatusCode.Unauthorized)]
    [InlineData("Session=v1.garbage; session={0}; SESSION=v1.garbage", HttpStatusCode.OK)]
    [InlineData("session=chunks-1; SessionC1={0}", HttpStatusCode.Unauthorized)]
    [InlineData("session=chunks-1; sessionC1={0}", HttpStatusCode.OK)]
    public async Task Only_the_cookie_with_exactly_the_session_name_opens(string cookieHeader, HttpStatusCode expected)
    {
        var cookie = await SignedInCookieAsync();

        using var response = await SendAsync("/_server/Account/Me", string.Format(System.Globalization.CultureInfo.InvariantCulture, cookieHeader, cookie));

        Assert.Equal(expected, response.StatusCode);
    }

    [Theory]
    [InlineData("session={0}; SESSION=chunks-2147483647")]
    [InlineData("session={0}; Session=chunks-100000000; SessionC1=x")]
    [InlineData("session={0}; theme=x, session=chunks-2147483647")]
    public async Task Logout_expires_only_the_session_cookie_whatever_its_case_variants_claim(string cookieHeader)
    {
        var cookie = await SignedInCookieAsync();

        using var response = await SendAsync("/_server/Account/Logout", string.Format(System.Globalization.CultureInfo.InvariantCulture, cookieHeader, cookie));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var setCookie = Assert.Single(response.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith("session=;", setCookie, StringComparison.Ordinal);
    }
}

public sealed class CookieModeSessionCookieNameHttpTests(TestAppFixture fixture)
    : SessionCookieNameHttpTests<TestAppFixture>(fixture), IClassFixture<TestAppFixture>;

public sealed class ServerStoreSessionCookieNameHttpTests(ServerStoreTestAppFixture fixture)
    : SessionCookieNameHttpTests<ServerStoreTestAppFixture>(fixture), IClassFixture<ServerStoreTestAppFixture>;
