using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.DependencyInjection;
using SessionAuth.TestApp;

namespace SessionAuth.Tests.ServerStore;

/// <summary>
/// Server-side sessions in a real Redis shared by two app instances (two Kestrel servers on 127.0.0.1), the way a
/// load-balanced deployment runs. Each test writes under its own key prefix, so tests never see each other's sessions.
/// </summary>
public sealed class RedisSessionTests(RedisServer redis) : IClassFixture<RedisServer>, IAsyncLifetime
{
    private readonly List<WebApplication> _apps = [];
    private readonly string _keyPrefix = $"test-{Guid.NewGuid():N}:";

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var app in _apps)
        {
            await app.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_login_on_one_instance_works_on_the_other_and_a_logout_on_one_ends_it_on_both()
    {
        var a = await StartInstanceAsync();
        var b = await StartInstanceAsync();
        var cookie = await LoginAsync(a, "hermione");

        Assert.Equal(HttpStatusCode.OK, await CallAsync(b, "/_server/Account/Me", cookie));
        Assert.Equal(HttpStatusCode.NoContent, await CallAsync(a, "/_server/Account/Logout", cookie));

        Assert.Equal(HttpStatusCode.Unauthorized, await CallAsync(b, "/_server/Account/Me", cookie));
        Assert.Equal(HttpStatusCode.Unauthorized, await CallAsync(a, "/_server/Account/Me", cookie));
    }

    [Fact]
    public async Task Logout_everywhere_ends_every_session_of_the_user_on_both_instances_and_no_one_elses()
    {
        var a = await StartInstanceAsync();
        var b = await StartInstanceAsync();
        string[] harry = [await LoginAsync(a, "harry"), await LoginAsync(b, "harry"), await LoginAsync(a, "harry")];
        var ron = await LoginAsync(b, "ron");
        foreach (var cookie in harry.Append(ron))
        {
            Assert.Equal(HttpStatusCode.OK, await CallAsync(a, "/_server/Account/Me", cookie));
            Assert.Equal(HttpStatusCode.OK, await CallAsync(b, "/_server/Account/Me", cookie));
        }

        Assert.Equal(HttpStatusCode.NoContent, await CallAsync(b, "/_server/Account/LogoutEverywhere", harry[1]));

        foreach (var cookie in harry)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, await CallAsync(a, "/_server/Account/Me", cookie));
            Assert.Equal(HttpStatusCode.Unauthorized, await CallAsync(b, "/_server/Account/Me", cookie));
        }

        Assert.Equal(HttpStatusCode.OK, await CallAsync(a, "/_server/Account/Me", ron));
        Assert.Equal(HttpStatusCode.OK, await CallAsync(b, "/_server/Account/Me", ron));

        // Ending sessions is not banning the user: a login after it starts a session that works.
        Assert.Equal(HttpStatusCode.OK, await CallAsync(b, "/_server/Account/Me", await LoginAsync(a, "harry")));
    }

    [Fact]
    public async Task A_session_ends_when_redis_expires_its_entry()
    {
        var instance = await StartInstanceAsync(options =>
        {
            options.ServerStore.SlidingExpiration = TimeSpan.FromSeconds(2);
            options.ServerStore.RenewalInterval = TimeSpan.Zero;
        });
        var cookie = await LoginAsync(instance, "luna");
        var sessionId = await GetSessionIdAsync(instance, cookie);
        var cache = _apps[^1].Services.GetRequiredService<IDistributedCache>();
        var key = _keyPrefix + "s:" + sessionId;
        Assert.NotNull(await cache.GetAsync(key));

        // Nothing touches the session while Redis counts its two seconds down.
        await Task.Delay(TimeSpan.FromSeconds(3.5));

        Assert.Null(await cache.GetAsync(key));
        Assert.Equal(HttpStatusCode.Unauthorized, await CallAsync(instance, "/_server/Account/Me", cookie));
    }

    [Fact]
    public async Task While_redis_is_down_guarded_calls_get_503_and_unguarded_calls_work_and_sessions_come_back_with_it()
    {
        // A short store timeout, so that each call during the outage gives up quickly.
        var instance = await StartInstanceAsync(options => options.ServerStore.Timeout = TimeSpan.FromMilliseconds(500));
        var failures = new ConcurrentQueue<string>();
        using var listener = ListenToStoreFailures(_apps[^1], failures);
        var cookie = await LoginAsync(instance, "cedric");
        Assert.Equal(HttpStatusCode.OK, await CallAsync(instance, "/_server/Account/Me", cookie));

        redis.Freeze();
        try
        {
            using (var fetch = await SendAsync(instance, "/_server/Account/Me", cookie))
            {
                Assert.Equal(HttpStatusCode.ServiceUnavailable, fetch.StatusCode);
                Assert.Equal("application/problem+json", fetch.Content.Headers.ContentType?.MediaType);
                using var problem = JsonDocument.Parse(await fetch.Content.ReadAsStringAsync());
                Assert.Equal(503, problem.RootElement.GetProperty("status").GetInt32());
            }

            // A browser is not sent to the login page, where it would only come back to the same outage.
            using (var navigation = await SendAsync(instance, "/api/students/Gryffindor", cookie, HttpMethod.Get, navigate: true))
            {
                Assert.Equal(HttpStatusCode.ServiceUnavailable, navigation.StatusCode);
                Assert.Null(navigation.Headers.Location);
            }

            using (var unguarded = await SendAsync(instance, "/minimal/maybe", cookie, HttpMethod.Get))
            {
                Assert.Equal(HttpStatusCode.OK, unguarded.StatusCode);
                Assert.Equal("anonymous", await unguarded.Content.ReadAsStringAsync());
            }

            // A login needs a store write: 503 as well, never a 500.
            Assert.Equal(HttpStatusCode.ServiceUnavailable, await CallAsync(instance, "/_server/Account/Login", null, $$"""{"username":"draco","password":"{{Account.Password}}"}"""));
        }
        finally
        {
            redis.Thaw();
        }

        Assert.Contains("operation=read", failures);
        Assert.Contains("operation=write", failures);

        // The client reconnects on its own; the session was in Redis all along.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        HttpStatusCode status;
        while ((status = await CallAsync(instance, "/_server/Account/Me", cookie)) != HttpStatusCode.OK && DateTime.UtcNow < deadline)
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
            await Task.Delay(100);
        }

        Assert.Equal(HttpStatusCode.OK, status);
    }

    [Fact]
    public async Task A_validly_sealed_cookie_with_an_id_the_store_does_not_know_is_anonymous()
    {
        var instance = await StartInstanceAsync();
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var sealer = new SessionSealer([TestAppHost.SessionPassword]);
        var forged = sealer.Seal(new SealedSessionHeader(SessionId.NewId(), now, now + 3600), "8"u8);

        Assert.Equal(HttpStatusCode.Unauthorized, await CallAsync(instance, "/_server/Account/Me", forged));
        Assert.Equal(HttpStatusCode.OK, await CallAsync(instance, "/_server/Account/Me", await LoginAsync(instance, "hermione")));
    }

    private async Task<Uri> StartInstanceAsync(Action<SessionAuthOptions>? configure = null)
    {
        var app = TestAppHost.Build(
            options =>
            {
                options.UseServerStore<UserSession>(user => user.UserId.ToString(CultureInfo.InvariantCulture));
                options.ServerStore.KeyPrefix = _keyPrefix;
                // Generous, so that a loaded machine (tests in other classes run alongside) never turns a slow
                // Redis round trip into a 503; the outage test sets a short one.
                options.ServerStore.Timeout = TimeSpan.FromSeconds(10);
                configure?.Invoke(options);
            },
            builder => builder.Services.AddStackExchangeRedisCache(cache => cache.Configuration = redis.Configuration));
        _apps.Add(app);
        await app.StartAsync();

        // The start-up warm-up may give up before the client has connected on a cold machine, and a test about sessions
        // should not begin with the first connection's latency.
        await app.Services.GetRequiredService<IDistributedCache>().GetAsync("connected");
        return new Uri(app.Urls.First());
    }

    private static MeterListener ListenToStoreFailures(WebApplication app, ConcurrentQueue<string> failures)
    {
        var meterFactory = app.Services.GetRequiredService<IMeterFactory>();
        var listener = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Name == "sessionauth.store.failures" && ReferenceEquals(instrument.Meter.Scope, meterFactory))
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((_, _, tags, _) =>
        {
            foreach (var tag in tags)
            {
                failures.Enqueue($"{tag.Key}={tag.Value}");
            }
        });
        listener.Start();
        return listener;
    }

    private static async Task<string> LoginAsync(Uri instance, string username)
    {
        using var client = new TestClient(instance);
        using var response = await client.FetchAsync("/_server/Account/Login", $$"""{"username":"{{username}}","password":"{{Account.Password}}"}""");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return client.SessionCookie!.Value;
    }

    private static async Task<string> GetSessionIdAsync(Uri instance, string cookie)
    {
        using var response = await SendAsync(instance, "/_server/Account/Me", cookie);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("sessionId").GetString()!;
    }

    private static async Task<HttpStatusCode> CallAsync(Uri instance, string path, string? cookie, string? json = null)
    {
        using var response = await SendAsync(instance, path, cookie, json: json);
        return response.StatusCode;
    }

    /// <summary>One request with the session cookie set by hand, so one cookie can travel between instances.</summary>
    private static async Task<HttpResponseMessage> SendAsync(Uri instance, string path, string? cookie, HttpMethod? method = null, bool navigate = false, string? json = null)
    {
        using var http = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = instance };
        using var request = new HttpRequestMessage(method ?? HttpMethod.Post, path);
        request.Headers.Add("Sec-Fetch-Mode", navigate ? "navigate" : "cors");
        request.Headers.Add("Accept", navigate ? "text/html" : "application/json");
        if (cookie is not null)
        {
            request.Headers.Add("Cookie", "session=" + cookie);
        }

        if (json is not null)
        {
            request.Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        }

        var response = await http.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        return response;
    }
}
