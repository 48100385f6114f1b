using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SessionAuth.TestApp;

namespace SessionAuth.Tests;

public sealed class StartupTests
{
    private static async Task<Exception> StartFailsAsync(Action<SessionAuthOptions> configure)
    {
        var exception = await Record.ExceptionAsync(async () =>
        {
            await using var app = TestAppHost.Build(configure);
            await app.StartAsync();
        });
        Assert.NotNull(exception);
        return exception;
    }

    [Fact]
    public async Task A_missing_password_stops_the_start_outside_development_and_says_what_to_set()
    {
        var exception = await StartFailsAsync(o => o.Password = null);

        Assert.Contains("SessionAuthOptions.Password is not set", exception.Message, StringComparison.Ordinal);
        Assert.Contains("SessionAuth__Password", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_short_password_stops_the_start()
    {
        var exception = await StartFailsAsync(o => o.Password = "too-short");

        Assert.Contains("SessionAuthOptions.Password has 9 characters; it needs at least 32", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_short_previous_password_stops_the_start()
    {
        var exception = await StartFailsAsync(o => o.PreviousPasswords.Add("old"));

        Assert.Contains("PreviousPasswords[0]", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://evil.example/login")]
    [InlineData("//evil.example")]
    [InlineData("login")]
    public async Task A_login_path_that_is_not_local_stops_the_start(string loginPath)
    {
        var exception = await StartFailsAsync(o => o.LoginPath = loginPath);

        Assert.Contains("SessionAuthOptions.LoginPath", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SameSite_none_without_secure_cookies_stops_the_start()
    {
        var exception = await StartFailsAsync(o => o.CookieSameSite = SameSiteMode.None);

        Assert.Contains("CookieSecurePolicy to Always", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_cookie_name_stops_the_start()
    {
        var exception = await StartFailsAsync(o => o.CookieName = "my session;");

        Assert.Contains("SessionAuthOptions.CookieName", exception.Message, StringComparison.Ordinal);
    }

    /// <summary>Each chunk cookie repeats the name, domain and path; the cookie reader counts on room for the session in each.</summary>
    [Fact]
    public async Task A_cookie_name_domain_and_path_too_long_to_leave_room_for_the_session_stop_the_start()
    {
        var exception = await StartFailsAsync(o =>
        {
            o.CookieDomain = new string('a', 1_000) + ".example";
            o.CookiePath = "/" + new string('p', 1_100);
        });

        Assert.Contains("CookieName, CookieDomain and CookiePath add up to 2116 characters; keep them to 2048 or fewer", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_host_prefixed_cookie_name_needs_secure_cookies()
    {
        var exception = await StartFailsAsync(o => o.CookieName = "__Host-session");

        Assert.Contains("__Host- prefix", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_host_prefixed_cookie_name_with_secure_cookies_starts()
    {
        await using var app = TestAppHost.Build(o =>
        {
            o.CookieName = "__Host-session";
            o.CookieSecurePolicy = Microsoft.AspNetCore.Http.CookieSecurePolicy.Always;
        });

        await app.StartAsync();
    }

    [Fact]
    public void Mapping_server_functions_without_AddSessionAuth_says_what_to_call()
    {
        var builder = WebApplication.CreateBuilder();
        builder.Logging.ClearProviders();
        var app = builder.Build();

        var exception = Assert.Throws<InvalidOperationException>(() => TestAppHost.MapServerFunctionsOf(app));

        Assert.Contains("AddSessionAuth", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UseSessionAuth_without_AddSessionAuth_says_what_to_call()
    {
        var builder = WebApplication.CreateBuilder();
        builder.Logging.ClearProviders();
        var app = builder.Build();

        var exception = Assert.Throws<InvalidOperationException>(() => app.UseSessionAuth());

        Assert.Contains("AddSessionAuth", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Adding_a_second_session_type_is_refused()
    {
        var services = new ServiceCollection();
        services.AddSessionAuth<UserSession>(o => o.Password = TestAppHost.SessionPassword);

        var exception = Assert.Throws<InvalidOperationException>(() => services.AddSessionAuth<Student>(o => o.Password = TestAppHost.SessionPassword));

        Assert.Contains("one session data type", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Development_without_a_password_generates_one_and_sessions_work()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Development });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var log = new ListLoggerProvider();
        builder.Logging.AddProvider(log);
        builder.Services.AddSingleton<IStudentDirectory, StudentDirectory>();
        builder.Services.AddSingleton(new Greeter());
        builder.Services.AddScoped<Greetings>();
        builder.Services.AddSessionAuth<UserSession>(_ => { });
        await using var app = builder.Build();
        TestAppHost.MapServerFunctionsOf(app);
        await app.StartAsync();
        using var client = new TestClient(new Uri(app.Urls.First()));

        await client.LoginAsync();
        using var me = await client.FetchAsync("/_server/Account/Me");

        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Single(log.Messages, m => m.Level == LogLevel.Warning && m.Text.Contains("random password was generated for Development", StringComparison.Ordinal));
    }
}
