using System.Net;
using Microsoft.AspNetCore.Builder;
using SessionAuth.TestApp;

namespace SessionAuth.Tests;

/// <summary>Run twice: with sessions in sealed cookies, and in the server store; guards must not tell the difference.</summary>
public abstract class PreloadTests(TestAppFixture fixture)
{
    private static async Task<(string Body, string? CacheControl)> GetAsync(TestClient client, string path)
    {
        using var response = await client.FetchAsync(path, method: HttpMethod.Get);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadAsStringAsync(), response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task PreloadSession_on_a_handler_opens_the_session_before_it_runs_and_keeps_the_response_private()
    {
        using var client = fixture.CreateClient();
        await client.LoginAsync();

        var (body, cacheControl) = await GetAsync(client, "/preload/attribute");

        Assert.Equal("preloaded, signed in", body);
        Assert.Equal("no-store, private", cacheControl);
    }

    [Fact]
    public async Task An_anonymous_request_is_preloaded_too()
    {
        using var client = fixture.CreateClient();

        Assert.Equal("preloaded, anonymous", (await GetAsync(client, "/preload/attribute")).Body);
    }

    [Theory]
    [InlineData("/preload/paths/a")]
    [InlineData("/preload/paths/a/b/c")]
    [InlineData("/PRELOAD/Paths/x")]
    public async Task Paths_in_the_options_match_as_route_patterns(string path)
    {
        using var client = fixture.CreateClient();

        var (body, cacheControl) = await GetAsync(client, path);

        Assert.Equal("preloaded, anonymous", body);
        Assert.Equal("no-store, private", cacheControl);
    }

    [Fact]
    public async Task Other_endpoints_keep_their_caching_though_authentication_opened_the_session()
    {
        using var client = fixture.CreateClient();
        await client.LoginAsync();

        var (body, cacheControl) = await GetAsync(client, "/preload/none");

        // UseAuthentication() (which WebApplication adds once a scheme is registered) opened it to set HttpContext.User;
        // that says nothing about what the response carries, so only preloading and guards mark it private.
        Assert.Equal("preloaded, signed in", body);
        Assert.Null(cacheControl);
    }

    [Fact]
    public async Task A_handler_that_sets_its_own_cache_control_keeps_it()
    {
        using var client = fixture.CreateClient();

        var cacheControl = (await GetAsync(client, "/preload/own-cache-control")).CacheControl;

        Assert.Equal("max-age=60, private", cacheControl);
        Assert.DoesNotContain("no-store", cacheControl, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PreloadSession_on_a_server_function_is_honoured_by_UseSessionAuth()
    {
        using var client = fixture.CreateClient();

        var (body, cacheControl) = await GetAsync(client, "/_server/Students/Preloaded");

        Assert.Equal("true", body);
        Assert.Equal("no-store, private", cacheControl);
    }

    [Fact]
    public async Task A_guarded_server_function_answers_private_no_store()
    {
        using var client = fixture.CreateClient();
        await client.LoginAsync();

        using var response = await client.FetchAsync("/_server/Account/Me");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-store, private", response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task PreloadAllRequests_preloads_every_endpoint()
    {
        await using var app = TestAppHost.Build(o => o.PreloadAllRequests = true);
        await app.StartAsync();
        using var client = new TestClient(new Uri(app.Urls.First()));

        Assert.Equal("preloaded, anonymous", (await GetAsync(client, "/preload/none")).Body);
    }

    [Fact]
    public async Task A_preload_path_that_is_not_a_route_pattern_stops_the_start()
    {
        var exception = await Record.ExceptionAsync(async () =>
        {
            await using var app = TestAppHost.Build(o => o.PreloadPaths.Add("/students/{house"));
            await app.StartAsync();
        });

        Assert.NotNull(exception);
        Assert.Contains("SessionAuthOptions.PreloadPaths has '/students/{house'", exception.Message, StringComparison.Ordinal);
    }
}

public sealed class CookiePreloadTests(TestAppFixture fixture) : PreloadTests(fixture), IClassFixture<TestAppFixture>;

public sealed class ServerStorePreloadTests(ServerStoreTestAppFixture fixture) : PreloadTests(fixture), IClassFixture<ServerStoreTestAppFixture>;
