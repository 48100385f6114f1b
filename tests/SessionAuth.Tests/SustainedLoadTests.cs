using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text;
using SessionAuth.TestApp;
using Xunit.Abstractions;

namespace SessionAuth.Tests;

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SustainedLoadGroup
{
    public const string Name = "Sustained load";
}

/// <summary>
/// Many clients at once on 127.0.0.1 for a bounded time (SESSIONAUTH_LOAD_SECONDS, 10 unless set) and request count:
/// valid, missing, tampered and expired cookies, and whole login/logout cycles. Every answer must be the one its cookie
/// calls for, never a 5xx, and the managed heap after the run must be within a small margin of before.
/// bench/load.sh runs the same test for longer.
/// </summary>
[Collection(SustainedLoadGroup.Name)]
public sealed class SustainedLoadTests(ITestOutputHelper output)
{
    private const int Clients = 16;
    private const long MaxRequests = 2_000_000;
    private const long HeapMarginBytes = 16 * 1024 * 1024;

    private static int Seconds => int.TryParse(Environment.GetEnvironmentVariable("SESSIONAUTH_LOAD_SECONDS"), out var seconds) && seconds > 0 ? seconds : 10;

    [Fact]
    public async Task Mixed_cookies_and_logins_under_load_get_the_right_answers_without_errors_or_growth()
    {
        var (app, address) = await TestAppHost.StartAsync();
        await using var _ = app;
        using var http = new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false, MaxConnectionsPerServer = Clients }) { BaseAddress = address };

        var valid = await LoginAsync(http, "harry");
        var tampered = valid[..^6] + (valid.EndsWith("AAAAAA", StringComparison.Ordinal) ? "BBBBBB" : "AAAAAA");
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var expired = new SessionSealer([TestAppHost.SessionPassword]).Seal(
            new SealedSessionHeader(SessionId.NewId(), now - 7200, now - 60),
            Encoding.UTF8.GetBytes("""{"userId":5,"name":"harry"}"""));

        await RunAsync(http, valid, tampered, expired, TimeSpan.FromSeconds(1), MaxRequests);
        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);

        var stopwatch = Stopwatch.StartNew();
        var result = await RunAsync(http, valid, tampered, expired, TimeSpan.FromSeconds(Seconds), MaxRequests);
        stopwatch.Stop();

        var heapAfter = GC.GetTotalMemory(forceFullCollection: true);
        output.WriteLine($"{result.Requests} requests in {stopwatch.Elapsed.TotalSeconds:F1} s from {Clients} clients; 5xx: {result.ServerErrors}; wrong answers: {result.Wrong.Length}");
        output.WriteLine($"managed heap before: {heapBefore / 1024} KiB, after: {heapAfter / 1024} KiB");

        Assert.True(result.Requests > 0);
        Assert.Equal(0, result.ServerErrors);
        Assert.Empty(result.Wrong);
        Assert.True(heapAfter - heapBefore < HeapMarginBytes, $"The managed heap grew from {heapBefore} to {heapAfter} bytes.");
    }

    private static async Task<LoadResult> RunAsync(HttpClient http, string valid, string tampered, string expired, TimeSpan duration, long maxRequests)
    {
        var deadline = DateTime.UtcNow + duration;
        long requests = 0;
        long serverErrors = 0;
        var wrong = new ConcurrentQueue<string>();

        async Task ClientAsync(int client)
        {
            for (var turn = client; DateTime.UtcNow < deadline && Interlocked.Read(ref requests) < maxRequests; turn++)
            {
                var (name, statuses) = (turn % 5) switch
                {
                    0 => ("valid", await GetAsync(http, valid, HttpStatusCode.OK)),
                    1 => ("missing", await GetAsync(http, null, HttpStatusCode.Unauthorized)),
                    2 => ("tampered", await GetAsync(http, tampered, HttpStatusCode.Unauthorized)),
                    3 => ("expired", await GetAsync(http, expired, HttpStatusCode.Unauthorized)),
                    _ => ("login/logout", await LoginLogoutAsync(http, $"user{client}")),
                };
                foreach (var (actual, expected) in statuses)
                {
                    Interlocked.Increment(ref requests);
                    if ((int)actual >= 500)
                    {
                        Interlocked.Increment(ref serverErrors);
                    }

                    if (actual != expected && wrong.Count < 20)
                    {
                        wrong.Enqueue($"{name}: {actual}, expected {expected}");
                    }
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, Clients).Select(ClientAsync));
        return new LoadResult(requests, serverErrors, [.. wrong]);
    }

    /// <summary>A guarded GET as a script makes it: 200 with a valid cookie, 401 without one.</summary>
    private static async Task<(HttpStatusCode, HttpStatusCode)[]> GetAsync(HttpClient http, string? cookie, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/students/Gryffindor");
        request.Headers.Add("Accept", "application/json");
        if (cookie is not null)
        {
            request.Headers.Add("Cookie", "session=" + cookie);
        }

        using var response = await http.SendAsync(request);
        return [(response.StatusCode, expected)];
    }

    private static async Task<(HttpStatusCode, HttpStatusCode)[]> LoginLogoutAsync(HttpClient http, string username)
    {
        using var login = await PostAsync(http, "/_server/Account/Login", $$"""{"username":"{{username}}","password":"{{Account.Password}}"}""", cookie: null);
        var cookie = SessionCookie(login);
        using var logout = await PostAsync(http, "/_server/Account/Logout", "{}", cookie);
        return [(login.StatusCode, HttpStatusCode.OK), (logout.StatusCode, HttpStatusCode.NoContent)];
    }

    private static async Task<string> LoginAsync(HttpClient http, string username)
    {
        using var login = await PostAsync(http, "/_server/Account/Login", $$"""{"username":"{{username}}","password":"{{Account.Password}}"}""", cookie: null);
        return SessionCookie(login) ?? throw new InvalidOperationException("Login set no cookie.");
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient http, string path, string json, string? cookie)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (cookie is not null)
        {
            request.Headers.Add("Cookie", "session=" + cookie);
        }

        return await http.SendAsync(request);
    }

    private static string? SessionCookie(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values)
            ? values.Select(v => v[..v.IndexOf(';', StringComparison.Ordinal)]).FirstOrDefault(v => v.StartsWith("session=", StringComparison.Ordinal))?["session=".Length..]
            : null;

    private sealed record LoadResult(long Requests, long ServerErrors, string[] Wrong);
}
