using System.Net;
using SessionAuth.Testing;

namespace SessionAuth.Tests.Client;

/// <summary>
/// Where the login page sends the browser back after the generated client followed the guard's 401: the client
/// navigates the page to <c>X-Session-Redirect</c>, so its return URL must be a page. For a POST the guard reads the page
/// from the same-origin <c>Referer</c>; for a GET it uses the request's own URL, which for a script call is the server
/// function's (<c>/api/students/Gryffindor</c>, JSON): after logging in the user lands on the function's JSON instead of
/// the page they were on. Found with the Hogwarts sample's client (issue 19): its Students.List is a POST because of this.
/// </summary>
public sealed class ScriptCallReturnUrlTests(TestAppFixture fixture) : IClassFixture<TestAppFixture>
{
    /// <summary>A script that fetches a guarded page (asking for HTML) is sent back to that page, as a navigation to it would be.</summary>
    [Fact]
    public async Task A_script_that_fetches_a_page_is_returned_to_that_page()
    {
        using var client = fixture.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/students/Gryffindor");
        request.Headers.Add("Sec-Fetch-Mode", "cors");
        request.Headers.Add("Accept", "text/html");
        request.Headers.Referrer = new Uri(fixture.Address, "/login");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var login = Assert.Single(response.Headers.GetValues("X-Session-Redirect"));
        Assert.EndsWith("returnUrl=" + Uri.EscapeDataString("/api/students/Gryffindor"), login, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("POST", "/_server/Students/Enroll")]
    [InlineData("GET", "/api/students/Gryffindor")]
    public async Task A_script_call_without_a_session_returns_the_user_to_the_page_it_was_made_from(string method, string path)
    {
        using var client = fixture.CreateClient();
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        request.Headers.Add("Sec-Fetch-Mode", "cors");
        request.Headers.Add("Accept", "application/json");
        request.Headers.Referrer = new Uri(fixture.Address, "/houses/gryffindor?tab=students");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var login = Assert.Single(response.Headers.GetValues("X-Session-Redirect"));
        Assert.EndsWith("returnUrl=" + Uri.EscapeDataString("/houses/gryffindor?tab=students"), login, StringComparison.Ordinal);
    }
}
