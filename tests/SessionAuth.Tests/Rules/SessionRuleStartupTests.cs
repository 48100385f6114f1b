using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SessionAuth.Infrastructure;
using SessionAuth.TestApp;

namespace SessionAuth.Tests.Rules;

/// <summary>
/// Rules that <c>UseSessionAuth()</c> could not evaluate fail closed, at start-up: a rule never registered (this test
/// project does not run the SessionAuth generator, so its own rules are not), one registered over another session type,
/// and an <c>Argument</c> that does not fit the rule. Without rules, a navigation a rule refuses gets a plain 403.
/// </summary>
public sealed class SessionRuleStartupTests
{
    [Fact]
    public async Task A_rule_that_was_never_registered_refuses_the_start_and_says_what_to_reference()
    {
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            StartAsync(app => app.MapGet("/unregistered", [RequireSession<UnregisteredRule>] () => "never")));

        Assert.Contains("/unregistered", failure.Message, StringComparison.Ordinal);
        Assert.Contains("the rule UnregisteredRule was never registered", failure.Message, StringComparison.Ordinal);
        Assert.Contains("reference the SessionAuth package (which carries the generator)", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rule_over_another_session_type_refuses_the_start()
    {
        SessionRules.Register<OtherSessionRule, OtherSession>();

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            StartAsync(app => app.MapGet("/other", [RequireSession<OtherSessionRule>] () => "never")));

        Assert.Contains($"reads sessions of type {typeof(OtherSession).FullName}, but the app's session data type is {typeof(UserSession).FullName}", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_two_argument_rule_without_its_Argument_refuses_the_start()
    {
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            StartAsync(app => app.MapGet("/houses/{house}", [RequireSession<OwnHouse>] (House house) => "never")));

        Assert.Contains("name the parameter it reads with Argument = nameof(parameter)", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_one_argument_rule_given_an_Argument_refuses_the_start()
    {
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            StartAsync(app => app.MapGet("/prefects/{house}", [RequireSession<Prefect>(Argument = "house")] (House house) => "never")));

        Assert.Contains("reads the session alone, but Argument names 'house'", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Registered_rules_with_fitting_arguments_start_and_a_refused_navigation_without_an_access_denied_path_is_a_plain_403()
    {
        await using var app = await StartAsync(app => app.MapGet("/prefects", [RequireSession<Prefect>] () => "prefects"));
        using var harry = await SessionRulesApp.SignedInAsync(new Uri(app.Urls.First()), "harry");

        using var navigation = await harry.NavigateAsync("/prefects");

        Assert.Equal(HttpStatusCode.Forbidden, navigation.StatusCode);
        Assert.Null(navigation.Headers.Location);
        Assert.Equal(0, navigation.Content.Headers.ContentLength);
    }

    private static async Task<WebApplication> StartAsync(Action<WebApplication> map)
    {
        var app = TestAppHost.Build(configureBuilder: builder => builder.Logging.ClearProviders());
        map(app);
        try
        {
            await app.StartAsync();
            return app;
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }
}

/// <summary>A rule in a project without the generator: never registered.</summary>
public sealed class UnregisteredRule : ISessionRule<UserSession>
{
    public static bool Allows(UserSession user) => true;
}

public sealed record OtherSession(int Id);

public sealed class OtherSessionRule : ISessionRule<OtherSession>
{
    public static bool Allows(OtherSession session) => true;
}
