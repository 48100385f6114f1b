using System.Net;
using SessionAuth.Testing;

namespace SessionAuth.Tests.Client;

/// <summary>
/// The page a script call returns to after the login is read from the Referer, a header the
/// page's URL decides: it must never make the login's return URL another site, nor another origin's page.
/// </summary>
public sealed class RefererReturnUrlTests(TestAppFixture fixture) : IClassFixture<TestAppFixture>
{
    [Theory]
    [InlineData("{origin}//evil.example/x")]
    [InlineData("{origin}/\\evil.example/x")]
    [InlineData("{origin}/%2F%2Fevil.example/x")]
    [InlineData("http://evil.example/houses")]
    [InlineData("{scheme}://localhost:{port}/houses")]
    public async Task A_Referer_never_makes_the_return_url_another_site(string referer)
    {
        using var client = fixture.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/_server/Students/Enroll");
        request.Headers.Add("Sec-Fetch-Mode", "cors");
        request.Headers.Add("Accept", "application/json");
        var origin = fixture.Address.GetLeftPart(UriPartial.Authority);
        request.Headers.TryAddWithoutValidation("Referer", referer.Replace("{origin}", origin, StringComparison.Ordinal)
            .Replace("{scheme}", fixture.Address.Scheme, StringComparison.Ordinal).Replace("{port}", fixture.Address.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var login = Assert.Single(response.Headers.GetValues("X-Session-Redirect"));
        var returnUrl = Uri.UnescapeDataString(login[(login.IndexOf("returnUrl=", StringComparison.Ordinal) + "returnUrl=".Length)..]);
        Assert.True(ReturnUrls.IsLocal(returnUrl), $"{referer}: return URL {returnUrl}");
        Assert.DoesNotContain("evil", returnUrl, StringComparison.Ordinal);
        Assert.DoesNotContain("/houses", returnUrl, StringComparison.Ordinal);
    }
}
