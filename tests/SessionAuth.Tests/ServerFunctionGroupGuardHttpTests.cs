using System.Net;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SessionAuth.TestApp;

namespace SessionAuth.Tests;

/// <summary>
/// Why SAUTH0001 counts a guard convention on <c>MapServerFunctions()</c> as the decision of every server function
/// without one of its own: over HTTP, <c>MapServerFunctions().RequireSession()</c> (or <c>.RequireAuthorization()</c>)
/// closes such a function, which is open without it, and leaves an <c>[AllowAnonymous]</c> function open.
/// </summary>
public sealed class ServerFunctionGroupGuardHttpTests
{
    private const string Undecided = "/_server/Undecided/Report";
    private const string Anonymous = "/_server/Students/Count";

    [Fact]
    public async Task Without_a_guard_on_MapServerFunctions_a_function_without_a_decision_answers_anyone()
    {
        await using var app = await StartAsync(map => map());
        using var client = new TestClient(new Uri(app.Urls.First()));

        using var response = await client.FetchAsync(Undecided);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("\"undecided report\"", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task RequireSession_on_MapServerFunctions_guards_a_function_without_a_decision_and_leaves_AllowAnonymous_open()
    {
        await using var app = await StartAsync(map => map().RequireSession());
        using var client = new TestClient(new Uri(app.Urls.First()));

        using var anonymous = await client.FetchAsync(Undecided);
        using var navigation = await client.SendAsync(new HttpRequestMessage(HttpMethod.Post, Undecided)
        {
            Headers = { { "Sec-Fetch-Mode", "navigate" }, { "Accept", "text/html" } },
        });
        using var open = await client.FetchAsync(Anonymous);
        await client.LoginAsync();
        using var signedIn = await client.FetchAsync(Undecided);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.True(anonymous.Headers.Contains("X-Session-Redirect"));
        Assert.Equal(HttpStatusCode.SeeOther, navigation.StatusCode);
        Assert.Equal(HttpStatusCode.OK, open.StatusCode);
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        Assert.Equal("\"undecided report\"", await signedIn.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task RequireAuthorization_on_MapServerFunctions_guards_a_function_without_a_decision_and_leaves_AllowAnonymous_open()
    {
        await using var app = await StartAsync(
            map => map().RequireAuthorization(),
            builder =>
            {
                builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie();
                builder.Services.AddAuthorization();
            },
            pipeline =>
            {
                pipeline.UseAuthentication();
                pipeline.UseAuthorization();
            });
        using var client = new TestClient(new Uri(app.Urls.First()));

        using var closed = await client.FetchAsync(Undecided);
        using var open = await client.FetchAsync(Anonymous);

        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        Assert.Contains("/Account/Login", closed.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, open.StatusCode);
    }

    [Fact]
    public async Task RequireSession_on_MapServerFunctions_without_UseSessionAuth_fails_closed_at_startup()
    {
        await using var app = Build(map => map().RequireSession(), configure: null, pipeline: null, useSessionAuth: false);

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => app.StartAsync());

        Assert.Contains("app.UseSessionAuth() was never called", exception.Message, StringComparison.Ordinal);
        Assert.Contains("Undecided.Report", exception.Message, StringComparison.Ordinal);
    }

    private static async Task<WebApplication> StartAsync(
        Action<Func<IEndpointConventionBuilder>> map,
        Action<WebApplicationBuilder>? configure = null,
        Action<WebApplication>? pipeline = null)
    {
        var app = Build(map, configure, pipeline, useSessionAuth: true);
        await app.StartAsync();
        return app;
    }

    private static WebApplication Build(
        Action<Func<IEndpointConventionBuilder>> map,
        Action<WebApplicationBuilder>? configure,
        Action<WebApplication>? pipeline,
        bool useSessionAuth)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<IStudentDirectory, StudentDirectory>();
        builder.Services.AddSingleton(new Greeter());
        builder.Services.AddScoped<Greetings>();
        builder.Services.AddSessionAuth<UserSession>(o =>
        {
#pragma warning disable SAUTH0006 // A fixed password for a test app; it protects nothing.
            o.Password = TestAppHost.SessionPassword;
#pragma warning restore SAUTH0006
        });
        configure?.Invoke(builder);
        var app = builder.Build();
        app.UseRouting();
        if (useSessionAuth)
        {
            app.UseSessionAuth();
        }

        pipeline?.Invoke(app);
        map(() => TestAppHost.MapServerFunctionsOf(app));
        return app;
    }
}
