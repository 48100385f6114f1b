using System.Net;
using Microsoft.AspNetCore.Builder;
using SessionAuth.TestApp;

namespace SessionAuth.Tests.Blazor;

/// <summary>
/// A form post's return URL is read from the Referer (review of issue 17: these held, kept as regression tests). Whatever
/// the Referer says, the login URL's return URL is a local path, and it is the Referer's page only when that page is this
/// app's (scheme, host, port, path base). The posts are Blazor's enhanced ones, to a login page that is not a component:
/// the login URL comes back in <c>blazor-enhanced-nav-redirect-location</c> for blazor.web.js to load.
/// </summary>
public sealed class FormPostRefererTests
{
    private const string Fallback = "/app/_server/Students/Enroll";

    public static TheoryData<string, string> HostileReferers => new()
    {
        // Referer ({origin} is the app's own scheme, host and port), the return URL the login page should get
        { "{origin}/app/students", "/app/students" },
        { "{origin}/APP/students?x=1", "/APP/students?x=1" },
        { "{origin}/application/students", Fallback },
        { "{origin}/other/students", Fallback },
        { "{origin}/app/../other/students", Fallback },
        { "{origin}/app%2F..%2Fother", Fallback },
        { "{origin}//evil.example/app/x", Fallback },
        { "{origin}/app//evil.example", "/app//evil.example" },
        { "{origin}/app/\\evil.example", "/app//evil.example" }, // System.Uri reads a backslash in an http path as a slash
        { "{origin}\\\\evil.example/app", Fallback },
        { "{origin}/app/%5C%5Cevil.example", Fallback }, // ReturnUrls refuses an encoded backslash
        { "{otherport}/app/students", Fallback },
        { "http://evil.example@{hostport}/app/students", "/app/students" },
        { "http://{hostport}@evil.example/app/students", Fallback },
        { "http://localhost:{port}/app/students", Fallback },
        { "https://{hostport}/app/students", Fallback },
        { "http://xn--80ak6aa92e.com:{port}/app/students", Fallback },
        { "{origin}/app/%E2%81%84evil.example", Fallback }, // a fraction slash looks like a delimiter
        { "{origin}/app/%0d%0aSet-Cookie:%20x=1", Fallback },
        { "{origin}/app/" + new string('a', 9000), "/app/" + new string('a', 9000) },
        { "javascript:alert(1)//{hostport}/app/", Fallback },
        { "data:text/html,{origin}/app/", Fallback },
    };

    [Theory]
    [MemberData(nameof(HostileReferers))]
    public async Task A_hostile_referer_never_makes_a_return_url_that_leaves_the_app(string referer, string expected)
    {
        await using var app = TestAppHost.Build(configureApp: app => app.UsePathBase("/app"));
        await app.StartAsync();
        var address = new Uri(app.Urls.First());
        using var client = new TestClient(address);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/app/_server/Students/Enroll")
        {
            Content = new FormUrlEncodedContent([new("name", "Neville"), new("house", "Gryffindor")]),
        };
        request.Headers.Add("Sec-Fetch-Mode", "no-cors");
        request.Headers.Add("Sec-Fetch-Site", "same-origin");
        request.Headers.TryAddWithoutValidation("Accept", "text/html; blazor-enhanced-nav=on");
        request.Headers.TryAddWithoutValidation("Referer", referer
            .Replace("{origin}", address.GetLeftPart(UriPartial.Authority), StringComparison.Ordinal)
            .Replace("{otherport}", $"http://{address.Host}:{address.Port + 1}", StringComparison.Ordinal)
            .Replace("{hostport}", $"{address.Host}:{address.Port}", StringComparison.Ordinal)
            .Replace("{port}", address.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var location = Assert.Single(response.Headers.GetValues("blazor-enhanced-nav-redirect-location"));
        const string prefix = "/app/login?returnUrl=";
        Assert.StartsWith(prefix, location, StringComparison.Ordinal);
        var returnUrl = Uri.UnescapeDataString(location[prefix.Length..]);
        Assert.True(ReturnUrls.IsLocal(returnUrl), returnUrl);
        Assert.Equal(expected, returnUrl);
    }
}
