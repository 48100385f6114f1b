using Xunit.Abstractions;

namespace SessionAuth.Corpus.Tests.Differential;

/// <summary>
/// Oblivious (#nullable disable) parameters of every kind (review 22c): requests to <see cref="SessionAuth.Differential.App.ObliviousProbeFunctions"/> as server functions
/// (<c>/sf-r22c</c>) and as their minimal API twins (<c>/twin-r22c</c>): oblivious parameters of every kind review 22b
/// left untried. Both must agree in status class (a 5xx in status) and, on success, in what they bound.
/// </summary>
public sealed class ObliviousBindingDifferentialTests(DifferentialFixture fixture, ITestOutputHelper output) : IClassFixture<DifferentialFixture>
{
    private const string Form = "application/x-www-form-urlencoded";

    /// <summary>Verb, path and query, a header (<c>name: value</c>) or none, the body's content type and the body.</summary>
    public static TheoryData<string, string, string?, string?, string?> ObliviousRequests() => new()
    {
        { "GET", "/oblivious-versions", null, null, null }, { "GET", "/oblivious-versions?vers=1.2&vers=", null, null, null },
        { "GET", "/oblivious-versions?vers=", null, null, null }, { "GET", "/oblivious-versions?vers=x", null, null, null },
        { "GET", "/oblivious-uri", null, null, null }, { "GET", "/oblivious-uri?link=", null, null, null }, { "GET", "/oblivious-uri?link=http://a/b", null, null, null },
        { "GET", "/oblivious-code", null, null, null }, { "GET", "/oblivious-code?code=", null, null, null }, { "GET", "/oblivious-code?code=bad", null, null, null },
        { "GET", "/oblivious-code?code=ok", null, null, null },
        { "GET", "/oblivious-codes", null, null, null }, { "GET", "/oblivious-codes?codes=a&codes=", null, null, null }, { "GET", "/oblivious-codes?codes=bad", null, null, null },
        { "GET", "/oblivious-header-version", null, null, null }, { "GET", "/oblivious-header-version", "X-Version: ", null, null },
        { "GET", "/oblivious-header-version", "X-Version: 1.2", null, null }, { "GET", "/oblivious-header-version", "X-Version: x", null, null },
        { "POST", "/oblivious-form-version", null, Form, "other=1" }, { "POST", "/oblivious-form-version", null, Form, "fver=" },
        { "POST", "/oblivious-form-version", null, Form, "fver=1.2" }, { "POST", "/oblivious-form-version", null, Form, "fver=x" },
        { "POST", "/oblivious-form-versions", null, Form, "other=1" }, { "POST", "/oblivious-form-versions", null, Form, "fvers=1.2&fvers=" },
        { "GET", "/oblivious-bound", null, null, null }, { "GET", "/oblivious-bound?ticket=4", null, null, null },
        { "POST", "/oblivious-file", null, Form, "other=1" }, { "POST", "/oblivious-file", null, "multipart/form-data; boundary=b", "--b\r\nContent-Disposition: form-data; name=\"upload\"; filename=\"a.txt\"\r\n\r\nhi\r\n--b--\r\n" },
        { "POST", "/oblivious-record", null, null, null }, { "POST", "/oblivious-record", null, "application/json", "null" },
        { "POST", "/oblivious-record", null, "application/json", "{\"label\":null,\"weight\":2}" }, { "POST", "/oblivious-record", null, "application/json", "{\"weight\":2}" },
        { "GET", "/oblivious-query-strings", null, null, null }, { "GET", "/oblivious-query-strings?qs=&qs=a", null, null, null },
        { "GET", "/oblivious-header-string", null, null, null }, { "GET", "/oblivious-header-string", "X-Word: ", null, null }, { "GET", "/oblivious-header-string", "X-Word: a", null, null },
        { "GET", "/header-string", "X-Word: ", null, null }, { "GET", "/header-version", "X-Version: ", null, null },
    };

    [Theory]
    [MemberData(nameof(ObliviousRequests))]
    public async Task An_oblivious_parameter_of_any_kind_binds_as_the_minimal_api_twin_binds_it(string verb, string pathAndQuery, string? header, string? contentType, string? body)
    {
        var server = await SendAsync(new HttpMethod(verb), "/sf-r22c" + pathAndQuery, header, contentType, body);
        var twin = await SendAsync(new HttpMethod(verb), "/twin-r22c" + pathAndQuery, header, contentType, body);
        output.WriteLine($"server function: {server}");
        output.WriteLine($"minimal API:     {twin}");

        var agree = server.Status / 100 == twin.Status / 100 && (server.Status / 100 != 5 || server.Status == twin.Status) && (server.Status / 100 != 2 || server.Body == twin.Body);
        Assert.True(agree, $"{verb} {pathAndQuery} [{header}] {body}\n  server function: {server}\n  minimal API:     {twin}");
    }

    private async Task<(int Status, string Body)> SendAsync(HttpMethod method, string path, string? header, string? contentType, string? body)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (header is not null)
        {
            var colon = header.IndexOf(':', StringComparison.Ordinal);
            request.Headers.TryAddWithoutValidation(header[..colon], header[(colon + 1)..].Trim());
        }

        if (body is not null)
        {
            request.Content = new StringContent(body, System.Text.Encoding.UTF8);
            request.Content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType ?? "text/plain");
        }

        using var response = await fixture.Client.SendAsync(request);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
