using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SessionAuth.TestApp;

namespace SessionAuth.Tests.ServerStore;

/// <summary>The server store's set-up checks and its cost per request, counted at the cache.</summary>
public sealed class ServerStoreTests
{
    [Theory]
    [InlineData("timeout", "SessionAuthOptions.ServerStore.Timeout is 00:00:00")]
    [InlineData("sliding", "SessionAuthOptions.ServerStore.SlidingExpiration is 00:00:00.5000000")]
    [InlineData("renewal", "SessionAuthOptions.ServerStore.RenewalInterval is 00:10:00")]
    [InlineData("prefix", "SessionAuthOptions.ServerStore.KeyPrefix is empty")]
    public async Task A_bad_server_store_option_stops_the_start_and_says_what_to_set(string option, string message)
    {
        var exception = await Record.ExceptionAsync(async () =>
        {
            await using var app = TestAppHost.Build(options =>
            {
                options.UseServerStore();
                switch (option)
                {
                    case "timeout": options.ServerStore.Timeout = TimeSpan.Zero; break;
                    case "sliding": options.ServerStore.SlidingExpiration = TimeSpan.FromMilliseconds(500); break;
                    case "renewal": options.ServerStore.SlidingExpiration = TimeSpan.FromMinutes(5); options.ServerStore.RenewalInterval = TimeSpan.FromMinutes(10); break;
                    default: options.ServerStore.KeyPrefix = ""; break;
                }
            });
            await app.StartAsync();
        });

        Assert.IsType<OptionsValidationException>(exception);
        Assert.Contains(message, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_user_id_for_another_session_type_stops_the_start()
    {
        var exception = await Record.ExceptionAsync(async () =>
        {
            await using var app = TestAppHost.Build(options => options.UseServerStore<UserView>(view => view.Name));
            await app.StartAsync();
        });

        Assert.NotNull(exception);
        Assert.Contains("IdentifyUser<UserView>(...) names UserView, but the session data type is UserSession", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ending_a_users_sessions_with_cookie_sessions_says_what_to_configure()
    {
        await using var app = TestAppHost.Build();

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => app.Services.GetRequiredService<IUserSessions>().EndAllAsync("5"));

        Assert.Contains("options.UseServerStore<UserSession>(data => data.UserId)", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_request_reads_the_store_once_and_writes_nothing_unless_the_session_changes()
    {
        var cache = new TestCache();
        await using var app = await StartSignedInAsync(cache, options => options.UseServerStore());
        var client = app.Client;
        // One read at startup connects the store; the login then writes once.
        Assert.Equal((1, 1), (cache.Reads, cache.Writes));

        for (var i = 0; i < 5; i++)
        {
            // Me takes the session twice (data and Session<T>) and the guard reads it first: still one read.
            using var me = await client.FetchAsync("/_server/Account/Me");
            Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        }

        Assert.Equal((6, 1), (cache.Reads, cache.Writes));
        (await client.FetchAsync("/_server/Account/Rename", """{"name":"Neville Longbottom"}""")).Dispose();
        Assert.Equal((7, 2), (cache.Reads, cache.Writes));
    }

    [Fact]
    public async Task With_a_user_id_the_revocation_time_is_read_beside_the_session()
    {
        var cache = new TestCache();
        await using var app = await StartSignedInAsync(cache, options => options.UseServerStore<UserSession>(user => user.UserId.ToString(CultureInfo.InvariantCulture)));
        var client = app.Client;

        (await client.FetchAsync("/_server/Account/Me")).Dispose();

        Assert.Equal(["sessionauth:s:", "sessionauth:u:7", "sessionauth:warm-up"], cache.ReadKeys.Select(key => key.StartsWith("sessionauth:s:", StringComparison.Ordinal) ? "sessionauth:s:" : key).Order());
        Assert.Equal(1, cache.Writes);
    }

    [Fact]
    public async Task Sliding_expiry_renews_a_busy_session_once_per_interval()
    {
        var cache = new TestCache();
        var clock = new ManualClock();
        await using var app = await StartSignedInAsync(cache, options =>
        {
            options.UseServerStore();
            options.ServerStore.SlidingExpiration = TimeSpan.FromMinutes(20);
            options.ServerStore.RenewalInterval = TimeSpan.FromMinutes(5);
        }, clock);
        var client = app.Client;
        var writes = new List<int>();

        foreach (var minutes in new[] { 0, 1, 4, 6, 7, 10, 12 })
        {
            clock.Now = ManualClock.Start.AddMinutes(minutes);
            using var me = await client.FetchAsync("/_server/Account/Me");
            Assert.Equal(HttpStatusCode.OK, me.StatusCode);
            writes.Add(cache.Writes);
        }

        // The login wrote once; renewals at minute 6 (five since the login) and at minute 12 (six since the last).
        Assert.Equal([1, 1, 1, 2, 2, 2, 3], writes);
    }

    [Fact]
    public async Task An_idle_session_ends_after_the_sliding_window_even_before_the_store_forgets_it()
    {
        var clock = new ManualClock();
        await using var app = await StartSignedInAsync(new TestCache(), options =>
        {
            options.UseServerStore();
            options.ServerStore.SlidingExpiration = TimeSpan.FromMinutes(20);
        }, clock);

        clock.Now = ManualClock.Start.AddMinutes(21);
        using var me = await app.Client.FetchAsync("/_server/Account/Me");

        Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
    }

    /// <summary>Starts the test app on <paramref name="cache"/> and logs neville in; the login's write is counted.</summary>
    private static async Task<SignedInApp> StartSignedInAsync(TestCache cache, Action<SessionAuthOptions> configure, TimeProvider? clock = null)
    {
        var app = TestAppHost.Build(configure, builder =>
        {
            builder.Services.AddSingleton<IDistributedCache>(cache);
            if (clock is not null)
            {
                builder.Services.AddSingleton(clock);
            }
        });
        await app.StartAsync();
        var client = new TestClient(new Uri(app.Urls.First()));
        (await client.FetchAsync("/_server/Account/Login", $$"""{"username":"neville","password":"{{Account.Password}}"}""")).Dispose();
        return new SignedInApp(app, client);
    }

    private sealed record SignedInApp(WebApplication App, TestClient Client) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            Client.Dispose();
            await App.DisposeAsync();
        }
    }
}
