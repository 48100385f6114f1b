using System.Net;
using Microsoft.AspNetCore.Builder;

namespace SessionAuth.Tests;

/// <summary>
/// Over HTTP, a program that runs the host through a helper (<c>Serve(app)</c>, whose body calls <c>app.Run()</c>) and
/// guards a group after that call serves the group open: the guard is applied only once <c>Serve</c> returns, when the
/// app has stopped serving. SAUTH0001 must fire on it (HostRunThroughHelpersTests in tests/SessionAuth.Analyzers.Tests),
/// and must not when the guard comes before the call.
/// </summary>
public sealed class GuardAfterHostRunHttpTests
{
    // Guarded after Serve(app): the group answers anyone while the app serves. Guarded before: it is challenged.
    [Theory]
    [InlineData(true, HttpStatusCode.OK)]
    [InlineData(false, HttpStatusCode.Redirect)]
    public async Task A_group_is_guarded_only_by_a_guard_before_the_helper_that_runs_the_host(bool guardAfterTheRun, HttpStatusCode anonymous)
    {
        await using var app = CookieAuthApp.Build();
        var orders = app.MapGroup("/orders");
        orders.MapGet("/", () => "secret");

        var status = await RequestWhileServingAsync(app, () =>
        {
            if (!guardAfterTheRun)
            {
                orders.RequireAuthorization();
            }

            Serve(app);
            if (guardAfterTheRun)
            {
                orders.RequireAuthorization();
            }
        });

        Assert.Equal(anonymous, status);
    }

    private static void Serve(WebApplication app) => app.Run();

    /// <summary>
    /// Runs <paramref name="program"/> (which runs the host) on a thread of its own, sends an anonymous GET /orders/ once
    /// the app has started, stops the app so that the program runs to its end (its guard after the run included), and returns the response's status.
    /// </summary>
    internal static async Task<HttpStatusCode> RequestWhileServingAsync(WebApplication app, Action program)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var registration = app.Lifetime.ApplicationStarted.Register(started.SetResult);
        var running = Task.Run(program);
        if (await Task.WhenAny(started.Task, running) == running)
        {
            await running;
            Assert.Fail("The program ended before the app started.");
        }

        HttpStatusCode status;
        using (var http = CookieAuthApp.Client(app))
        {
            using var response = await http.GetAsync(new Uri("/orders/", UriKind.Relative));
            status = response.StatusCode;
        }

        await app.StopAsync();
        await running;
        return status;
    }
}
