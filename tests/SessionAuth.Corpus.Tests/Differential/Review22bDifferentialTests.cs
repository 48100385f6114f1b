using Xunit.Abstractions;

namespace SessionAuth.Corpus.Tests.Differential;

/// <summary>
/// Review 22b: GET requests to <see cref="SessionAuth.Differential.App.Review22bProbeFunctions"/> as server functions
/// (<c>/sf-r22b</c>) and as their minimal API twins (<c>/twin-r22b</c>): route defaults, complex segments, optional and
/// constrained route values with defaults, a catch-all bound to a number, enums with negative members, nullable
/// parameters with non-null defaults. Both must agree in status class (a 5xx in status) and, on success, in what they bound.
/// </summary>
public sealed class Review22bDifferentialTests(DifferentialFixture fixture, ITestOutputHelper output) : IClassFixture<DifferentialFixture>
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
        "/nullable-bool-default", "/nullable-bool-default?enabled=", "/nullable-bool-default?enabled=false", "/nullable-bool-default?enabled=x",
    ];

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task A_route_or_query_value_binds_as_the_minimal_api_twin_binds_it(string pathAndQuery)
    {
        var server = await GetAsync("/sf-r22b" + pathAndQuery);
        var twin = await GetAsync("/twin-r22b" + pathAndQuery);
        output.WriteLine($"server function: {server}");
        output.WriteLine($"minimal API:     {twin}");

        var agree = server.Status / 100 == twin.Status / 100 && (server.Status / 100 != 5 || server.Status == twin.Status) && (server.Status / 100 != 2 || server.Body == twin.Body);
        Assert.True(agree, $"GET {pathAndQuery}\n  server function: {server}\n  minimal API:     {twin}");
    }

    private async Task<(int Status, string Body)> GetAsync(string path)
    {
        using var response = await fixture.Client.GetAsync(new Uri(path, UriKind.Relative));
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
