using System.Text;
using Xunit.Abstractions;

namespace SessionAuth.Corpus.Tests.Differential;

/// <summary>
/// Requests the other differential tests do not send, to functions of <see cref="SessionAuth.Differential.App.ProbeFunctions"/>
/// (<c>/sf-probe</c>) and their minimal API twins (<c>/twin-probe</c>): JSON bodies with a byte-order mark, comments,
/// white space only or deep nesting; JSON media types spelt otherwise (<c>text/json</c>, a <c>+json</c> suffix, upper
/// case, no space before the charset); digits outside ASCII, a header parameter given in the query; HEAD, OPTIONS and POST sent to a GET
/// function. Both must agree in status class (a 5xx in status) and, on success, in what they bound.
/// </summary>
public sealed class BodyAndVerbProbeDifferentialTests(DifferentialFixture fixture, ITestOutputHelper output) : IClassFixture<DifferentialFixture>
{
    private const string Order = "{\"id\":1,\"name\":\"a\"}";

    public static TheoryData<string, string, string?, string?> Requests() => new()
    {
        { "POST", "/body-order", "application/json", "\uFEFF" + Order },
        { "POST", "/body-order", "text/json", Order },
        { "POST", "/body-order", "application/vnd.api+json", Order },
        { "POST", "/body-order", "APPLICATION/JSON", Order },
        { "POST", "/body-order", "application/json;charset=UTF-8", Order },
        { "POST", "/body-order", "application/json", "/* c */" + Order },
        { "POST", "/body-order", "application/json", "  \r\n " + Order + " \n" },
        { "POST", "/body-order", "application/json", "{\"id\":1,\"name\":\"a\",\"extra\":{\"deep\":[1,2,{}]}}" },
        { "POST", "/body-nullable-order", "application/json", "   " },
        { "POST", "/body-nullable-order", "application/json", "\uFEFF" },
        { "POST", "/body-ints", "application/json", new string('[', 70) + new string(']', 70) },
        { "POST", "/body-ints", "application/json", "[1,2,]" },
        { "POST", "/body-string", "application/json", "\"\\ud800\"" },
        { "POST", "/body-string", "application/json", "\uFEFF\"hi\"" },
        { "GET", "/int?num=%D9%A5", null, null },
        { "GET", "/int?num=%EF%BC%95", null, null },
        { "GET", "/int?num=5&x=1", null, null },
        { "HEAD", "/int?num=5", null, null },
        { "OPTIONS", "/int?num=5", null, null },
        { "POST", "/int?num=5", "application/json", "{}" },
        { "PUT", "/int?num=5", "application/json", "{}" },
        { "GET", "/header-int?count=5", null, null },
        { "GET", "/route-date/2024-01-02T03:04:05%2B02:00", null, null },
        { "GET", "/route-date/2024-01-02%2003:04:05", null, null },
        { "GET", "/guid?id=6f9619ff-8b86-d011-b42d-00cf4fc964ff", null, null },
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task A_request_gets_the_same_answer_from_both(string verb, string pathAndQuery, string? contentType, string? body)
    {
        var server = await SendAsync(verb, "/sf-probe" + pathAndQuery, contentType, body);
        var twin = await SendAsync(verb, "/twin-probe" + pathAndQuery, contentType, body);
        output.WriteLine($"server function: {server}");
        output.WriteLine($"minimal API:     {twin}");

        var agree = server.Status / 100 == twin.Status / 100 && (server.Status / 100 != 5 || server.Status == twin.Status) && (server.Status / 100 != 2 || server.Body == twin.Body);
        Assert.True(agree, $"{verb} {pathAndQuery} {contentType} {body}\n  server function: {server}\n  minimal API:     {twin}");
    }

    /// <summary>
    /// A quoted charset (RFC 9110 allows <c>charset="utf-8"</c>) is the same charset to a server function; a minimal API
    /// fails the request with a 500. A documented difference (README, "Where server functions differ").
    /// </summary>
    [Fact]
    public async Task A_quoted_charset_is_read_as_the_charset_where_a_minimal_API_fails()
    {
        var server = await SendAsync("POST", "/sf-probe/body-order", "application/json; charset=\"utf-8\"", Order);
        var twin = await SendAsync("POST", "/twin-probe/body-order", "application/json; charset=\"utf-8\"", Order);
        output.WriteLine($"server function: {server}");
        output.WriteLine($"minimal API:     {twin}");

        var plain = await SendAsync("POST", "/sf-probe/body-order", "application/json", Order);
        Assert.Equal(plain, server);
        Assert.Equal(500, twin.Status);
    }

    private async Task<(int Status, string Body)> SendAsync(string verb, string path, string? contentType, string? body)
    {
        using var request = new HttpRequestMessage(new HttpMethod(verb), new Uri(path, UriKind.Relative));
        if (body is not null)
        {
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
            request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }

        using var response = await fixture.Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, text.Length > 200 ? text[..200] : text);
    }
}
