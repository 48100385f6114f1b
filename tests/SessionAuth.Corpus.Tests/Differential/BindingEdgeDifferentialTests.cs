using Xunit.Abstractions;

namespace SessionAuth.Corpus.Tests.Differential;

/// <summary>
/// GET requests to <see cref="SessionAuth.Differential.App.BindingEdgeProbeFunctions"/> as server functions
/// (<c>/sf-r22b</c>) and as their minimal API twins (<c>/twin-r22b</c>): route defaults, complex segments, optional and
/// constrained route values with defaults, a catch-all bound to a number, enums with negative members, nullable
/// parameters with non-null defaults. Both must agree in status class (a 5xx in status) and, on success, in what they bound.
/// </summary>
public sealed class BindingEdgeDifferentialTests(DifferentialFixture fixture, ITestOutputHelper output) : IClassFixture<DifferentialFixture>
{
    public static TheoryData<string> Requests() =>
    [
        "/route-default", "/route-default/", "/route-default/3", "/route-default/x",
        "/route-default-override", "/route-default-override/2",
        "/route-complex/1-a", "/route-complex/1-a-b", "/route-complex/x-a", "/route-complex/-1-a",
        "/route-optional-default", "/route-optional-default/5", "/route-optional-default/x",
        "/route-range", "/route-range/5", "/route-range/10",
        "/catch-all-int/5", "/catch-all-int/5/6", "/catch-all-int", "/catch-all-int/x",
        "/negative-enum?temp=-10", "/negative-enum?temp=Cold", "/negative-enum?temp=cold", "/negative-enum?temp=-5", "/negative-enum?temp=Cold,Hot", "/negative-enum",
        "/nullable-negative-enum", "/nullable-negative-enum?chill=", "/nullable-negative-enum?chill=Cold", "/nullable-negative-enum?chill=-10",
        "/nullable-double-nan", "/nullable-double-nan?level=", "/nullable-double-nan?level=2.5", "/nullable-double-nan?level=NaN",
        "/own-result", "/own-result-task",
        "/nullable-bool-default", "/nullable-bool-default?enabled=", "/nullable-bool-default?enabled=false", "/nullable-bool-default?enabled=x",
    ];

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task A_route_or_query_value_binds_as_the_minimal_api_twin_binds_it(string pathAndQuery)
    {
        var server = await SendAsync(HttpMethod.Get, "/sf-r22b" + pathAndQuery, null, null);
        var twin = await SendAsync(HttpMethod.Get, "/twin-r22b" + pathAndQuery, null, null);
        output.WriteLine($"server function: {server}");
        output.WriteLine($"minimal API:     {twin}");

        var agree = server.Status / 100 == twin.Status / 100 && (server.Status / 100 != 5 || server.Status == twin.Status) && (server.Status / 100 != 2 || server.Body == twin.Body);
        Assert.True(agree, $"GET {pathAndQuery}\n  server function: {server}\n  minimal API:     {twin}");
    }

    /// <summary>Oblivious (<c>#nullable disable</c>) reference types through the query, a header, a form and a JSON body.</summary>
    public static TheoryData<string, string, string?, string?> ObliviousRequests() => new()
    {
        { "GET", "/oblivious-string", null, null }, { "GET", "/oblivious-string?word=", null, null }, { "GET", "/oblivious-string?word=a", null, null },
        { "GET", "/oblivious-version", null, null }, { "GET", "/oblivious-version?ver=", null, null }, { "GET", "/oblivious-version?ver=1.2", null, null },
        { "GET", "/oblivious-strings", null, null }, { "GET", "/oblivious-strings?many=a&many=", null, null },
        { "GET", "/oblivious-header", null, null },
        { "GET", "/oblivious-as-parameters", null, null }, { "GET", "/oblivious-as-parameters?term=a&level=1.2", null, null }, { "GET", "/oblivious-as-parameters?term=&level=", null, null },
        { "POST", "/oblivious-form", "application/x-www-form-urlencoded", "x=1" }, { "POST", "/oblivious-form", "application/x-www-form-urlencoded", "fw=a" },
        { "POST", "/oblivious-body", null, null }, { "POST", "/oblivious-body", "application/json", "null" }, { "POST", "/oblivious-body", "application/json", "{\"id\":1,\"name\":\"a\"}" },
    };

    [Theory]
    [MemberData(nameof(ObliviousRequests))]
    public async Task An_oblivious_reference_parameter_binds_as_the_minimal_api_twin_binds_it(string verb, string pathAndQuery, string? contentType, string? body)
    {
        var server = await SendAsync(new HttpMethod(verb), "/sf-r22b" + pathAndQuery, contentType, body);
        var twin = await SendAsync(new HttpMethod(verb), "/twin-r22b" + pathAndQuery, contentType, body);
        output.WriteLine($"server function: {server}");
        output.WriteLine($"minimal API:     {twin}");

        var agree = server.Status / 100 == twin.Status / 100 && (server.Status / 100 != 5 || server.Status == twin.Status) && (server.Status / 100 != 2 || server.Body == twin.Body);
        Assert.True(agree, $"{verb} {pathAndQuery} {body}\n  server function: {server}\n  minimal API:     {twin}");
    }

    private async Task<(int Status, string Body)> SendAsync(HttpMethod method, string path, string? contentType, string? body)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (body is not null)
        {
            request.Content = new StringContent(body, System.Text.Encoding.UTF8, contentType ?? "text/plain");
        }

        using var response = await fixture.Client.SendAsync(request);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
