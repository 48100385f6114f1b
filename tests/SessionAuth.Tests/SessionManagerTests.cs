using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SessionAuth.TestApp;

namespace SessionAuth.Tests;

public sealed class SessionManagerTests : IDisposable
{
    private readonly ManualClock _clock = new(DateTimeOffset.Parse("2026-11-23T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
    private readonly ListLoggerProvider _log = new();
    private readonly ServiceProvider _services;

    public SessionManagerTests()
    {
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddProvider(_log).SetMinimumLevel(LogLevel.Debug));
        services.AddSingleton<TimeProvider>(_clock);
        services.AddSessionAuth<UserSession>(o =>
        {
            o.Password = TestAppHost.SessionPassword;
            o.MaxAge = TimeSpan.FromHours(1);
            o.IdentifyUser<UserSession>(user => user.UserId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        });
        _services = services.BuildServiceProvider();
    }

    public void Dispose() => _services.Dispose();

    private SessionManager<UserSession> Manager => _services.GetRequiredService<SessionManager<UserSession>>();

    private DefaultHttpContext NewRequest(string? cookie = null)
    {
        var context = new DefaultHttpContext { RequestServices = _services };
        if (cookie is not null)
        {
            context.Request.Headers.Cookie = "session=" + cookie;
        }

        return context;
    }

    private static string SetCookieValue(HttpContext context)
    {
        var header = context.Response.Headers.SetCookie.ToString();
        return header["session=".Length..header.IndexOf(';', StringComparison.Ordinal)];
    }

    private async Task<string> LoginAsync(UserSession user)
    {
        var context = NewRequest();
        var session = await context.GetSessionAsync<UserSession>();
        await session.UpdateAsync(user);
        return SetCookieValue(context);
    }

    [Fact]
    public async Task The_cookie_is_opened_once_per_request_and_every_read_shares_the_result()
    {
        var cookie = await LoginAsync(new UserSession(1, "Harry"));
        var context = NewRequest(cookie);

        var first = await context.GetSessionAsync<UserSession>();
        context.Request.Headers.Cookie = "session=changed-after-the-first-read";
        var second = await context.GetSessionAsync<UserSession>();
        var untyped = await _services.GetRequiredService<ISessionManager>().GetSessionAsync(context);

        Assert.Same(first, second);
        Assert.Same(first, untyped);
        Assert.Equal("Harry", second.Data?.Name);
    }

    [Fact]
    public async Task Update_seals_the_data_with_a_new_id_and_a_cookie_that_ends_before_the_seal()
    {
        var context = NewRequest();
        var session = await context.GetSessionAsync<UserSession>();
        Assert.False(session.IsAuthenticated);
        Assert.Equal(string.Empty, session.Id);

        await session.UpdateAsync(new UserSession(7, "Hermione"));

        Assert.True(session.IsAuthenticated);
        Assert.Equal(22, session.Id.Length);
        Assert.Equal(_clock.GetUtcNow(), session.CreatedAt);
        Assert.Equal(_clock.GetUtcNow().AddHours(1), session.ExpiresAt);
        var header = context.Response.Headers.SetCookie.ToString();
        Assert.Contains("max-age=3540", header, StringComparison.OrdinalIgnoreCase);

        var reopened = await NewRequest(SetCookieValue(context)).GetSessionAsync<UserSession>();
        Assert.Equal(new UserSession(7, "Hermione"), reopened.Data);
        Assert.Equal(session.Id, reopened.Id);
    }

    [Fact]
    public async Task Updating_an_existing_session_keeps_its_id_and_creation_time()
    {
        var cookie = await LoginAsync(new UserSession(1, "Ron"));
        _clock.Advance(TimeSpan.FromMinutes(10));
        var context = NewRequest(cookie);
        var session = await context.GetSessionAsync<UserSession>();
        var id = session.Id;
        var createdAt = session.CreatedAt;

        await session.UpdateAsync(session.Data! with { Name = "Ronald" });

        Assert.Equal(id, session.Id);
        Assert.Equal(createdAt, session.CreatedAt);
        Assert.Equal(_clock.GetUtcNow().AddHours(1), session.ExpiresAt);
    }

    [Fact]
    public async Task A_session_that_comes_to_belong_to_another_user_gets_a_new_id_and_creation_time()
    {
        var planted = await LoginAsync(new UserSession(666, "Draco"));
        _clock.Advance(TimeSpan.FromMinutes(10));
        var context = NewRequest(planted);
        var session = await context.GetSessionAsync<UserSession>();
        var plantedId = session.Id;

        await session.UpdateAsync(new UserSession(1, "Harry"));

        Assert.NotEqual(plantedId, session.Id);
        Assert.Equal(_clock.GetUtcNow(), session.CreatedAt);
        var reopened = await NewRequest(SetCookieValue(context)).GetSessionAsync<UserSession>();
        Assert.Equal(session.Id, reopened.Id);
        Assert.Equal("Harry", reopened.Data?.Name);
    }

    [Fact]
    public async Task Without_a_user_id_every_update_starts_a_new_session_id()
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(_clock);
        services.AddSessionAuth<UserSession>(o => o.Password = TestAppHost.SessionPassword);
        using var provider = services.BuildServiceProvider();
        var login = new DefaultHttpContext { RequestServices = provider };
        var first = await login.GetSessionAsync<UserSession>();
        await first.UpdateAsync(new UserSession(1, "Ron"));
        _clock.Advance(TimeSpan.FromMinutes(10));

        var update = new DefaultHttpContext { RequestServices = provider };
        update.Request.Headers.Cookie = "session=" + SetCookieValue(login);
        var session = await update.GetSessionAsync<UserSession>();
        await session.UpdateAsync(session.Data! with { Name = "Ronald" });

        Assert.NotEqual(first.Id, session.Id);
        Assert.Equal(_clock.GetUtcNow(), session.CreatedAt);
    }

    [Fact]
    public async Task Renewing_keeps_the_data_and_starts_a_new_id_and_creation_time()
    {
        var cookie = await LoginAsync(new UserSession(1, "Ron"));
        _clock.Advance(TimeSpan.FromMinutes(10));
        var context = NewRequest(cookie);
        var session = await context.GetSessionAsync<UserSession>();
        var id = session.Id;

        await session.RenewAsync();

        Assert.NotEqual(id, session.Id);
        Assert.Equal(_clock.GetUtcNow(), session.CreatedAt);
        var reopened = await NewRequest(SetCookieValue(context)).GetSessionAsync<UserSession>();
        Assert.Equal((session.Id, new UserSession(1, "Ron")), (reopened.Id, reopened.Data));
    }

    [Fact]
    public async Task Renewing_without_a_session_says_to_start_one()
    {
        var session = await NewRequest().GetSessionAsync<UserSession>();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(session.RenewAsync);

        Assert.Contains("UpdateAsync", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cookie_opened_while_valid_is_refused_once_it_expires()
    {
        var cookie = await LoginAsync(new UserSession(1, "Neville"));
        Assert.NotNull((await NewRequest(cookie).GetSessionAsync<UserSession>()).Data);

        // The second open is answered from what the first one read; the expiry is still checked on it.
        _clock.Advance(TimeSpan.FromHours(1));

        Assert.Null((await NewRequest(cookie).GetSessionAsync<UserSession>()).Data);
    }

    [Fact]
    public async Task Requests_with_the_same_cookie_share_one_object_of_an_immutable_session_type()
    {
        // UserSession is a sealed record of an int and a string: the generator declared it immutable (TestApp).
        var cookie = await LoginAsync(new UserSession(1, "Neville"));

        var first = (await NewRequest(cookie).GetSessionAsync<UserSession>()).Data;
        var second = (await NewRequest(cookie).GetSessionAsync<UserSession>()).Data;

        Assert.Equal(new UserSession(1, "Neville"), first);
        Assert.Same(first, second);
    }

    [Fact]
    public async Task Requests_with_the_same_cookie_never_share_an_object_of_a_mutable_session_type()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSessionAuth<MutableSession>(o => o.Password = TestAppHost.SessionPassword);
        using var provider = services.BuildServiceProvider();
        var login = new DefaultHttpContext { RequestServices = provider };
        await (await login.GetSessionAsync<MutableSession>()).UpdateAsync(new MutableSession(1, ["Gryffindor"]));
        var cookie = SetCookieValue(login);

        async Task<MutableSession> ReadAsync()
        {
            var request = new DefaultHttpContext { RequestServices = provider };
            request.Request.Headers.Cookie = "session=" + cookie;
            return (await request.GetSessionAsync<MutableSession>()).Data!;
        }

        var first = await ReadAsync();
        first.Houses[0] = "Slytherin";
        var second = await ReadAsync();

        Assert.NotSame(first, second);
        Assert.Equal("Gryffindor", second.Houses[0]);
    }

    /// <summary>A session type whose array anyone holding the object can change: never shared between requests.</summary>
    public sealed record MutableSession(int UserId, string[] Houses);

    [Fact]
    public async Task An_expired_session_is_anonymous_and_the_reason_is_logged_at_debug()
    {
        var cookie = await LoginAsync(new UserSession(1, "Neville"));
        _clock.Advance(TimeSpan.FromHours(1));

        var session = await NewRequest(cookie).GetSessionAsync<UserSession>();

        Assert.Null(session.Data);
        Assert.Contains(_log.Messages, m => m.Level == LogLevel.Debug && m.Text.Contains("rejected (Expired)", StringComparison.Ordinal));
        Assert.DoesNotContain(_log.Messages, m => m.Text.Contains(cookie[^20..], StringComparison.Ordinal) || m.Text.Contains("Neville", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_sealed_value_whose_data_no_longer_fits_the_session_type_is_anonymous()
    {
        var sealer = new SessionSealer([TestAppHost.SessionPassword]);
        var now = _clock.GetUtcNow().ToUnixTimeSeconds();
        var cookie = sealer.Seal(new SealedSessionHeader(SessionId.NewId(), now, now + 60), Encoding.UTF8.GetBytes("[1,2,3]"));

        var session = await NewRequest(cookie).GetSessionAsync<UserSession>();

        Assert.Null(session.Data);
        Assert.Contains(_log.Messages, m => m.Text.Contains("rejected (InvalidData)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Clear_deletes_the_cookie_and_forgets_the_session_for_the_rest_of_the_request()
    {
        var context = NewRequest(await LoginAsync(new UserSession(1, "Luna")));
        var session = await context.GetSessionAsync<UserSession>();

        await session.ClearAsync();

        Assert.False(session.IsAuthenticated);
        Assert.Equal(string.Empty, session.Id);
        Assert.StartsWith("session=;", context.Response.Headers.SetCookie.ToString(), StringComparison.Ordinal);
        Assert.False((await context.GetSessionAsync<UserSession>()).IsAuthenticated);
    }

    [Fact]
    public async Task A_session_over_the_limit_is_refused_with_the_size_and_the_limit()
    {
        var session = await NewRequest().GetSessionAsync<UserSession>();

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => session.UpdateAsync(new UserSession(1, new string('x', 20_000))));

        Assert.Matches(@"The sealed session is \d+ bytes, over SessionAuthOptions.MaxSessionSize \(16384 bytes\)", exception.Message);
        Assert.False(session.IsAuthenticated);
    }

    [Fact]
    public async Task Reading_a_session_type_that_was_not_registered_says_what_to_call()
    {
        var exception = await Assert.ThrowsAsync<InvalidOperationException>(async () => await NewRequest().GetSessionAsync<Student>());

        Assert.Contains("AddSessionAuth<Student>", exception.Message, StringComparison.Ordinal);
    }

    private sealed class ManualClock(DateTimeOffset now) : TimeProvider
    {
        private DateTimeOffset _now = now;

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
