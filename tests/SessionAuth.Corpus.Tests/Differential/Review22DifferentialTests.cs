using System.Net.Http.Headers;
using System.Text;
using Xunit.Abstractions;

namespace SessionAuth.Corpus.Tests.Differential;

/// <summary>
/// Review 22: hand-written requests the differential plan does not send, each to a function of
/// <c>Review22Functions</c> as a server function (<c>/sf22</c>) and as its minimal API twin (<c>/twin22</c>) on Kestrel.
/// The two answers must agree: the same status class (the same status for a 5xx) and, on success, the same echoed values.
/// </summary>
public sealed class Review22DifferentialTests(DifferentialFixture fixture, ITestOutputHelper output) : IClassFixture<DifferentialFixture>
{
    /// <summary>One request: verb, path and query under the prefix, extra header lines, and an optional body.</summary>
    public sealed record Probe(string Verb, string PathAndQuery, string[][]? Headers = null, string? ContentType = null, string? Body = null, bool Multipart = false)
    {
        public override string ToString() => $"{Verb} {PathAndQuery}{(Headers is null ? "" : " " + string.Join(" ", Headers.Select(h => h[0] + ":" + h[1])))}{(Body is null ? "" : " body " + Body)}";
    }

    public static TheoryData<Probe> Probes() =>
    [
        // numbers in the invariant culture, as minimal APIs parse them
        new("GET", "/decimal?dec=1e3"), new("GET", "/decimal?dec=5-"), new("GET", "/decimal?dec=1,000.5"), new("GET", "/decimal?dec=(5)"),
        new("GET", "/decimal?dec=%205%20"), new("GET", "/decimal?dec=1,5"),
        new("GET", "/nullable-decimal?cost=1e3"), new("GET", "/nullable-decimal?cost=5-"), new("GET", "/decimal-array?prices=1e3&prices=2"),
        new("GET", "/double?dbl=1,000"), new("GET", "/double?dbl=1e3"), new("GET", "/double?dbl=Infinity"), new("GET", "/double?dbl=%E2%88%9E"),
        new("GET", "/double?dbl=NaN"), new("GET", "/double?dbl=1,5"), new("GET", "/double?dbl=0x10"),
        new("GET", "/int?num=1,000"), new("GET", "/int?num=%205%20"), new("GET", "/int?num=%2B5"), new("GET", "/int?num=2147483648"), new("GET", "/int?num=1e3"),
        new("GET", "/big?big=1,000"), new("GET", "/big?big=123456789012345678901234567890"), new("GET", "/big?big=1e3"),
        // Uri, TimeSpan, DateTimeOffset, bool, char, Guid, enums
        new("GET", "/uri?link=http%3A%2F%2Fexample.com%2Fa"), new("GET", "/uri?link=relative%2Fpath"), new("GET", "/uri?link="), new("GET", "/uri"),
        new("GET", "/uri?link=http%3A%2F%2F%5B%3A%3A1"), new("GET", "/nullable-uri"), new("GET", "/nullable-uri?maybeLink="),
        new("GET", "/nullable-uri?maybeLink=https%3A%2F%2Fexample.com%2F"), new("GET", "/route-uri/abc"),
        new("GET", "/ip?address=127.0.0.1"), new("GET", "/ip?address=::1"), new("GET", "/ip?address=x"), new("GET", "/ip-network?network=10.0.0.0%2F8"),
        new("GET", "/header-date", [["X-When", "2024-01-02T03:04:05Z"]]), new("GET", "/header-date", [["X-When", "Tue, 02 Jan 2024 03:04:05 GMT"]]),
        new("GET", "/header-bool", [["X-On", "true"]]), new("GET", "/header-bool", [["X-On", ""]]), new("GET", "/header-bool"),
        new("GET", "/as-parameters-class"), new("GET", "/as-parameters-class?values=a&values=b&number=3", [["X-Alpha", "z"]]), new("GET", "/as-parameters-class?number="),
        new("POST", "/form-file-named", Multipart: true, Body: "doc"), new("POST", "/form-file-named", Multipart: true, Body: "document"),
        new("POST", "/form-files", Multipart: true, Body: "any"), new("POST", "/form-files"), new("POST", "/form-files", ContentType: "application/json", Body: "{}"),
        new("POST", "/form-collection", ContentType: "application/x-www-form-urlencoded", Body: "a=1&b=2"), new("POST", "/form-collection"),
        new("POST", "/form-collection", ContentType: "application/json", Body: "{}"),
        new("GET", "/int?NUM=5"), new("GET", "/int?num=5&NUM=6"),
        // ContentType: "application/json", Body: bodies with [FromBody]
        new("POST", "/body-order", ContentType: "application/json", Body: "{\"id\":1,\"name\":\"a\"}"), new("POST", "/body-order", ContentType: "application/json", Body: "{\"ID\":1,\"NAME\":\"a\"}"),
        new("POST", "/body-order", ContentType: "application/json", Body: "{\"id\":\"1\",\"name\":\"a\"}"), new("POST", "/body-order", ContentType: "application/json", Body: "{\"id\":1,\"name\":\"a\",}"),
        new("POST", "/body-order", ContentType: "application/json", Body: "null"), new("POST", "/body-order", ContentType: "application/json", Body: ""), new("POST", "/body-order", ContentType: "application/json", Body: "{\"id\":1}"),
        new("POST", "/body-order", ContentType: "application/json", Body: "{\"id\":1,\"name\":null}"), new("POST", "/body-order", ContentType: "application/json", Body: "{\"id\":1.5,\"name\":\"a\"}"),
        new("POST", "/body-order", ContentType: "application/json", Body: "{\"id\":1,\"name\":\"a\",\"id\":2}"), new("POST", "/body-order", ContentType: "application/json", Body: "{\"id\":1,\"name\":\"a\"} x"),
        new("POST", "/body-order", ContentType: "text/plain", Body: "{\"id\":1,\"name\":\"a\"}"),
        new("POST", "/body-order", ContentType: "application/json; charset=iso-8859-1", Body: "{\"id\":1,\"name\":\"a\"}"),
        new("POST", "/body-order", ContentType: "application/problem+json", Body: "{\"id\":1,\"name\":\"a\"}"),
        new("POST", "/body-order", ContentType: "application/x-www-form-urlencoded", Body: "id=1&name=a"),
        new("POST", "/body-order"),
        new("POST", "/body-nullable-order", ContentType: "application/json", Body: "null"), new("POST", "/body-nullable-order", ContentType: "application/json", Body: ""), new("POST", "/body-nullable-order"),
        new("POST", "/body-nullable-order", ContentType: "text/plain", Body: "x"),
        new("POST", "/body-ints", ContentType: "application/json", Body: "[1,2]"), new("POST", "/body-ints", ContentType: "application/json", Body: "[1,null]"), new("POST", "/body-ints", ContentType: "application/json", Body: "[\"1\"]"), new("POST", "/body-ints", ContentType: "application/json", Body: "1"),
        new("POST", "/body-string", ContentType: "application/json", Body: "\"hi\""), new("POST", "/body-string", ContentType: "application/json", Body: "5"), new("POST", "/body-string", ContentType: "application/json", Body: "null"),
        new("POST", "/body-map", ContentType: "application/json", Body: "{\"a\":1,\"A\":2}"), new("POST", "/body-map", ContentType: "application/json", Body: "{\"a\":\"1\"}"),
        // routes and query text
        new("GET", "/route-date/2024-01-02T03:04:05Z"), new("GET", "/route-date/2024-01-02"), new("GET", "/route-date/x"),
        new("GET", "/route-optional-int"), new("GET", "/route-optional-int/4"), new("GET", "/route-optional-int?slot=3"),
        new("GET", "/route-and-query/5?spot=6"),
        // binding attributes of the app's own, through ASP.NET Core's metadata interfaces or derived from theirs
        new("GET", "/custom-header", [["X-H", "5"]]), new("GET", "/custom-header?hdr=6"), new("GET", "/custom-header?hdr=6", [["X-H", "5"]]),
        new("POST", "/custom-query?q=5", ContentType: "application/json", Body: "{}"), new("POST", "/custom-query?q=5", ContentType: "application/json", Body: "{\"qry\":7}"),
        new("POST", "/derived-query?dq=5", ContentType: "application/json", Body: "{}"), new("POST", "/derived-query?dq=5", ContentType: "application/json", Body: "{\"dq\":7}"),
        new("GET", "/text?words=a+b"), new("GET", "/text?words=%FF"), new("GET", "/text?%77ords=x"), new("GET", "/text?words=a%00b"), new("GET", "/text?words"),
        new("GET", "/time-span?span=1.02:03:04"), new("GET", "/time-span?span=10"), new("GET", "/time-span?span=1:2"),
        new("GET", "/date-time-offset?moment=2024-01-01"), new("GET", "/date-time-offset?moment=2024-01-01T10:00:00%2B02:00"),
        new("GET", "/date-time-offset?moment=01/02/2024"),
        new("GET", "/bool?flag=True"), new("GET", "/bool?flag=TRUE"), new("GET", "/bool?flag=1"), new("GET", "/bool?flag=%20true%20"),
        new("GET", "/char?letter=ab"), new("GET", "/char?letter=%F0%9F%98%80"), new("GET", "/char?letter=%20"),
        new("GET", "/guid?id=%7B6F9619FF-8B86-D011-B42D-00CF4FC964FF%7D"), new("GET", "/guid?id=6F9619FF8B86D011B42D00CF4FC964FF"),
        new("GET", "/guid?id=(6F9619FF-8B86-D011-B42D-00CF4FC964FF)"), new("GET", "/guid?id=%206F9619FF-8B86-D011-B42D-00CF4FC964FF"),
        new("GET", "/enum?hue=green"), new("GET", "/enum?hue=%201"), new("GET", "/enum?hue=Red,Green"), new("GET", "/enum?hue=-1"), new("GET", "/enum?hue=1.0"),
        new("GET", "/flags?rights=read,write"), new("GET", "/flags?rights=Read%2C%20Write"), new("GET", "/flags?rights=Read%7CWrite"),
        // StringValues, headers
        new("GET", "/string-values?values=a&values=b"), new("GET", "/string-values?values="), new("GET", "/string-values"), new("GET", "/string-values?Values=x"),
        new("GET", "/header-string-values", [["X-Lines", "a, b"]]), new("GET", "/header-string-values", [["X-Lines", "a"], ["X-Lines", "b"]]),
        new("GET", "/header-string-values"),
        new("GET", "/header-int", [["X-Count", "5"]]), new("GET", "/header-int", [["X-Count", " 5 "]]), new("GET", "/header-int", [["X-Count", "1, 2"]]),
        new("GET", "/header-int", [["x-count", "5"]]), new("GET", "/header-int"), new("GET", "/header-int", [["X-Count", ""]]),
        new("GET", "/header-string", [["X-Word", "hi"]]), new("GET", "/header-string"), new("GET", "/header-string", [["X-Word", "a, b"]]),
        new("GET", "/header-strings", [["X-Tags", "\"a,b\", c"]]), new("GET", "/header-strings", [["X-Tags", "a,,b"]]), new("GET", "/header-strings"),
        // names, routes, optional values
        new("GET", "/query-named?q=a&q=b"), new("GET", "/query-named?terms=a"), new("GET", "/query-named?Q=a"),
        new("GET", "/route-named/5"), new("GET", "/route-named/x"),
        new("GET", "/nullable-date-only"), new("GET", "/nullable-date-only?day="), new("GET", "/nullable-date-only?day=2024-02-30"), new("GET", "/nullable-date-only?day=%202024-01-02"),
        new("GET", "/nullable-default"), new("GET", "/nullable-default?take="), new("GET", "/nullable-default?take=x"), new("GET", "/nullable-default?TAKE=3"),
        new("GET", "/time-only?clock=13:45"), new("GET", "/time-only?clock=1:45%20PM"), new("GET", "/time-only?clock=25:00"),
        // the request's own values and services
        new("GET", "/request"), new("GET", "/missing-service"), new("GET", "/optional-service"),
        // forms and files
        new("POST", "/form-file", ContentType: "application/x-www-form-urlencoded", Body: "a=b"), new("POST", "/form-file", Multipart: true, Body: "upload"),
        new("POST", "/form-file", Multipart: true, Body: "other"), new("POST", "/form-file", Multipart: true, Body: "UPLOAD"),
        new("POST", "/nullable-form-file", ContentType: "application/x-www-form-urlencoded", Body: "a=b"), new("POST", "/nullable-form-file"),
        new("POST", "/nullable-form-file", Multipart: true, Body: "attachment"),
        new("POST", "/form-strings", ContentType: "application/x-www-form-urlencoded", Body: "labels=a&labels=&labels=b"),
        new("POST", "/form-strings", ContentType: "application/x-www-form-urlencoded", Body: "x=1"),
        new("POST", "/form-double", ContentType: "application/x-www-form-urlencoded", Body: "amount=1,000"),
        new("POST", "/form-double", ContentType: "application/x-www-form-urlencoded", Body: "amount=1e3"),
        new("POST", "/form-decimal", ContentType: "application/x-www-form-urlencoded", Body: "price=1e3"),
        new("POST", "/form-decimal", ContentType: "application/x-www-form-urlencoded", Body: "price=5-"),
        // [AsParameters] and [FromForm] records with defaults on constructor parameters
        new("GET", "/as-parameters-record"), new("GET", "/as-parameters-record?limit=3&word=x&day=2024-01-02"), new("GET", "/as-parameters-record?limit="),
        new("POST", "/form-defaults", ContentType: "application/x-www-form-urlencoded", Body: "id=1"),
        new("POST", "/form-defaults", ContentType: "application/x-www-form-urlencoded", Body: "id=1&label=x"),
        new("POST", "/form-defaults", ContentType: "application/x-www-form-urlencoded", Body: "label=x"),
    ];

    [Theory]
    [MemberData(nameof(Probes))]
    public async Task Review22_server_function_answers_as_its_minimal_api_twin(Probe probe)
    {
        var server = await SendAsync(probe, "/sf22");
        var twin = await SendAsync(probe, "/twin22");
        output.WriteLine($"server function: {server}");
        output.WriteLine($"minimal API:     {twin}");
        var agree = server.Status / 100 == twin.Status / 100 && (server.Status / 100 != 5 || server.Status == twin.Status) && (server.Status / 100 != 2 || server.Body == twin.Body);
        Assert.True(agree, $"{probe}\n  server function: {server}\n  minimal API:     {twin}");
    }

    private async Task<(int Status, string Body)> SendAsync(Probe probe, string prefix)
    {
        using var request = new HttpRequestMessage(new HttpMethod(probe.Verb), prefix + probe.PathAndQuery);
        foreach (var header in probe.Headers ?? [])
        {
            request.Headers.TryAddWithoutValidation(header[0], header[1]);
        }

        if (probe.Multipart)
        {
            var content = new MultipartFormDataContent();
            var file = new ByteArrayContent(Encoding.UTF8.GetBytes("file content"));
            file.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
            content.Add(file, probe.Body!, "upload.txt");
            request.Content = content;
        }
        else if (probe.Body is not null)
        {
            request.Content = new StringContent(probe.Body, Encoding.UTF8);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(probe.ContentType!);
        }

        using var response = await fixture.Client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, (int)response.StatusCode / 100 == 2 ? body : body.Length > 200 ? body[..200] : body);
    }
}
