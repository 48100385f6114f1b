using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;

namespace SessionAuth.Tests;

/// <summary>
/// Over HTTP, runs of the host the rule does not follow (a command looked up in a dictionary of delegates, an
/// <c>IHostedService</c>'s <c>StartAsync</c> reached through the framework interface, a delegate field) serve the group
/// open when the guard comes after them, and challenged when it comes before: SAUTH0001 must fire on the first
/// (A_guard_after_a_run_the_rule_does_not_follow_is_reported in tests/SessionAuth.Analyzers.Tests).
/// </summary>
public sealed class GuardAfterUnfollowedRunHttpTests
{
    private static Action? s_serve;

    public static TheoryData<string, bool, HttpStatusCode> Shapes()
    {
        var data = new TheoryData<string, bool, HttpStatusCode>();
        foreach (var shape in new[] { "dictionary", "hosted service", "delegate field" })
        {
            data.Add(shape, true, HttpStatusCode.OK);
            data.Add(shape, false, HttpStatusCode.Redirect);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public async Task A_group_guarded_after_an_unfollowed_run_answers_anyone(string shape, bool guardAfterTheRun, HttpStatusCode anonymous)
    {
        await using var app = CookieAuthApp.Build();
        var orders = app.MapGroup("/orders");
        orders.MapGet("/", () => "secret");

        var status = await GuardAfterHostRunHttpTests.RequestWhileServingAsync(app, () =>
        {
            if (!guardAfterTheRun)
            {
                orders.RequireAuthorization();
            }

            switch (shape)
            {
                case "dictionary":
                    var commands = new Dictionary<string, Action> { ["serve"] = () => app.Run() };
                    commands["serve"]();
                    break;
                case "hosted service":
                    StartAsync(new HostedServer(app)).GetAwaiter().GetResult();
                    app.WaitForShutdown();
                    break;
                default:
                    s_serve = () => app.Run();
                    s_serve();
                    break;
            }

            if (guardAfterTheRun)
            {
                orders.RequireAuthorization();
            }
        });

        Assert.Equal(anonymous, status);
    }

    private static Task StartAsync(IHostedService service) => service.StartAsync(CancellationToken.None);

    private sealed class HostedServer(WebApplication app) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => app.StartAsync(cancellationToken);

        public Task StopAsync(CancellationToken cancellationToken) => app.StopAsync(cancellationToken);
    }
}
