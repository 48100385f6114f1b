using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using SessionAuth.AttributeApp;

namespace SessionAuth.Tests.Identity;

/// <summary>
/// Over HTTP on Kestrel, the endpoint conventions a minimal API takes as attributes, on server functions: rate limiting
/// turned off, request timeouts, CORS, output caching, and the description metadata. Output caching never stores a
/// guarded or personalised answer, whatever the app's policies say.
/// </summary>
public sealed class ServerFunctionConventionHttpTests : IAsyncLifetime
{
    private WebApplication _app = null!;
    private Uri _address = null!;

    public async Task InitializeAsync() => (_app, _address) = await StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task DisableRateLimiting_on_a_function_wins_over_its_classs_EnableRateLimiting()
    {
        using var client = new TestClient(_address);
        Assert.Equal("watered", await ValueAsync(client, "/_server/Greenhouse/Water"));
        Assert.Equal("watered", await ValueAsync(client, "/_server/Greenhouse/Water"));
        using var limited = await client.FetchAsync("/_server/Greenhouse/Water");
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);

        // Its sibling shares the class's policy (and the partition), and is not limited.
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal("looked", await ValueAsync(client, "/_server/Greenhouse/Look"));
        }
    }

    [Fact]
    public async Task RequestTimeout_on_a_function_cancels_its_token_and_answers_the_frameworks_504()
    {
        using var client = new TestClient(_address);
        using var timedOut = await client.FetchAsync("/_server/Divination/Gaze");
        Assert.Equal(HttpStatusCode.GatewayTimeout, timedOut.StatusCode);

        Assert.Equal("a glimpse", await ValueAsync(client, "/_server/Divination/Glance"));
    }

    [Fact]
    public async Task EnableCors_on_a_function_answers_the_preflight_and_lets_its_origin_call_with_the_session()
    {
        using var harry = await IdentityApp.SignedInAsync(_address, "harry");

        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/_server/OwlPost/Deliver");
        preflight.Headers.Add("Origin", ConventionPolicies.PartnerOrigin);
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        preflight.Headers.Add("Access-Control-Request-Headers", "content-type");
        using var allowed = await harry.SendAsync(preflight);
        Assert.Equal(HttpStatusCode.NoContent, allowed.StatusCode);
        Assert.Equal(ConventionPolicies.PartnerOrigin, Assert.Single(allowed.Headers.GetValues("Access-Control-Allow-Origin")));
        Assert.Equal("true", Assert.Single(allowed.Headers.GetValues("Access-Control-Allow-Credentials")));

        // The call itself: a state-changing function refuses cross-site calls, but the origin its CORS policy names passes.
        using var call = await harry.SendAsync(CrossOriginCall("/_server/OwlPost/Deliver", ConventionPolicies.PartnerOrigin));
        Assert.Equal(HttpStatusCode.OK, call.StatusCode);
        Assert.Equal(ConventionPolicies.PartnerOrigin, Assert.Single(call.Headers.GetValues("Access-Control-Allow-Origin")));
        Assert.Equal("delivered for harry", JsonSerializer.Deserialize<string>(await call.Content.ReadAsStringAsync()));

        // Any other origin is still refused, by the cross-site guard, and gets no CORS header.
        using var other = await harry.SendAsync(CrossOriginCall("/_server/OwlPost/Deliver", "http://knockturn.example"));
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        Assert.False(other.Headers.Contains("Access-Control-Allow-Origin"));

        // The app's default policy, which allows another origin, does not open the cross-site guard: only the function's own policy does.
        using var byDefault = await harry.SendAsync(CrossOriginCall("/_server/OwlPost/Deliver", IdentityApp.DefaultCorsOrigin));
        Assert.Equal(HttpStatusCode.Forbidden, byDefault.StatusCode);
    }

    [Fact]
    public async Task DisableCors_on_a_function_leaves_out_the_headers_the_apps_default_policy_adds_to_its_siblings()
    {
        using var client = new TestClient(_address);

        using var timetable = await client.SendAsync(CrossOriginGet("/_server/OwlPost/Timetable", IdentityApp.DefaultCorsOrigin));
        Assert.Equal(HttpStatusCode.OK, timetable.StatusCode);
        Assert.Equal(IdentityApp.DefaultCorsOrigin, Assert.Single(timetable.Headers.GetValues("Access-Control-Allow-Origin")));

        using var @internal = await client.SendAsync(CrossOriginGet("/_server/OwlPost/Internal", IdentityApp.DefaultCorsOrigin));
        Assert.Equal(HttpStatusCode.OK, @internal.StatusCode);
        Assert.False(@internal.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task OutputCache_on_an_open_function_caches_its_answer()
    {
        using var client = new TestClient(_address);
        var first = await GetAsync(client, "/_server/Kitchen/Serve");
        Assert.Equal(first, await GetAsync(client, "/_server/Kitchen/Serve"));

        using var other = new TestClient(_address);
        Assert.Equal(first, await GetAsync(other, "/_server/Kitchen/Serve"));
    }

    [Theory]
    [InlineData("/_server/Kitchen/Diary", "diary")]
    [InlineData("/_server/Kitchen/Locker", "locker")]
    public async Task OutputCache_never_stores_a_guarded_answer_even_under_a_policy_that_stores_everything(string path, string what)
    {
        await AssertNeverSharedAsync(_address, path, what);
    }

    [Fact]
    public async Task OutputCache_never_stores_an_open_functions_answer_that_read_the_session()
    {
        using var harry = await IdentityApp.SignedInAsync(_address, "harry");
        using var draco = await IdentityApp.SignedInAsync(_address, IdentityApp.Slytherin);
        using var anonymous = new TestClient(_address);

        Assert.Equal("\"hello, harry\"", await GetAsync(harry, "/_server/Kitchen/Greeting"));
        Assert.Equal("\"hello, draco\"", await GetAsync(draco, "/_server/Kitchen/Greeting"));
        Assert.Equal("\"hello, stranger\"", await GetAsync(anonymous, "/_server/Kitchen/Greeting"));
        Assert.Equal("\"hello, harry\"", await GetAsync(harry, "/_server/Kitchen/Greeting"));
    }

    [Fact]
    public async Task An_apps_base_policy_that_stores_everything_never_stores_a_guarded_answer()
    {
        var (app, address) = await StartAsync(services => services.Configure<OutputCacheOptions>(caching => caching.AddBasePolicy(new CacheEveryonePolicy())));
        await using (app)
        {
            await AssertNeverSharedAsync(address, "/_server/Kitchen/Pantry", "pantry");

            // The same base policy does store an open answer: it is the guard that keeps the guarded one out.
            using var client = new TestClient(address);
            var first = await GetAsync(client, "/_server/Kitchen/Serve");
            Assert.Equal(first, await GetAsync(client, "/_server/Kitchen/Serve"));
        }
    }

    [Fact]
    public void ExcludeFromDescription_and_EndpointDescription_are_the_frameworks_metadata_on_the_endpoint()
    {
        var endpoints = _app.Services.GetRequiredService<EndpointDataSource>().Endpoints;
        var books = Assert.Single(endpoints, e => e.Metadata.GetMetadata<ServerFunctionMetadata>()?.Name == "Catalogue.Books");
        Assert.True(books.Metadata.GetRequiredMetadata<IExcludeFromDescriptionMetadata>().ExcludeFromDescription);
        Assert.Equal("Every book in the library, by shelf", books.Metadata.GetRequiredMetadata<IEndpointDescriptionMetadata>().Description);

        var serve = Assert.Single(endpoints, e => e.Metadata.GetMetadata<ServerFunctionMetadata>()?.Name == "Kitchen.Serve");
        Assert.Null(serve.Metadata.GetMetadata<IExcludeFromDescriptionMetadata>());
    }

    /// <summary>
    /// An anonymous navigation's redirect (no body), then Harry's answer, then Draco's, then an anonymous script's,
    /// then Harry's again: each gets their own, and nobody gets another's answer from the cache.
    /// </summary>
    private static async Task AssertNeverSharedAsync(Uri address, string path, string what)
    {
        using var harry = await IdentityApp.SignedInAsync(address, "harry");
        using var draco = await IdentityApp.SignedInAsync(address, IdentityApp.Slytherin);
        using var anonymous = new TestClient(address);

        using var redirected = await anonymous.NavigateAsync(path);
        Assert.Equal(HttpStatusCode.Redirect, redirected.StatusCode);

        Assert.Equal($"\"harry's {what}\"", await GetAsync(harry, path));
        Assert.Equal($"\"draco's {what}\"", await GetAsync(draco, path));

        using var refused = await anonymous.FetchAsync(path, method: HttpMethod.Get);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.DoesNotContain("harry", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Assert.Equal($"\"harry's {what}\"", await GetAsync(harry, path));
    }

    private static Task<(WebApplication App, Uri Address)> StartAsync(Action<IServiceCollection>? configureServices = null) =>
        IdentityApp.StartAsync(configureServices: configureServices, mapMore: static app => AttributeFunctions.Map(app));

    private static async Task<string?> ValueAsync(TestClient client, string path)
    {
        using var response = await client.FetchAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonSerializer.Deserialize<string>(await response.Content.ReadAsStringAsync());
    }

    private static async Task<string> GetAsync(TestClient client, string path)
    {
        using var response = await client.FetchAsync(path, method: HttpMethod.Get);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>A fetch() from a page of another origin on the same site, with credentials (so with the session cookie).</summary>
    private static HttpRequestMessage CrossOriginCall(string path, string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Sec-Fetch-Site", "same-site");
        request.Headers.Add("Sec-Fetch-Mode", "cors");
        request.Headers.Add("Accept", "application/json");
        return request;
    }

    private static HttpRequestMessage CrossOriginGet(string path, string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Sec-Fetch-Site", "cross-site");
        request.Headers.Add("Sec-Fetch-Mode", "cors");
        request.Headers.Add("Accept", "application/json");
        return request;
    }
}
