using System.Net;
using Microsoft.AspNetCore.Builder;

namespace SessionAuth.Tests;

/// <summary>
/// Over HTTP: a guard applied after the app started serving reaches no request. <c>await app.StartAsync()</c> starts
/// serving at once, and the first request builds the endpoints for good, so a guard written after <c>StartAsync</c> leaves
/// the group open; and a call that runs the host answers anyone until it returns, however the call reaches
/// <c>app.Run()</c> (an override, an interface, a delegate, an extension property). SAUTH0001 fires on each; the same
/// guard moved before the call challenges the request.
/// </summary>
public sealed class HostStartedOrRunThroughDispatchHttpTests
{
    // A request served between StartAsync and the guard fixes the endpoints: the group stays open after the guard too.
    [Fact]
    public async Task A_guard_after_StartAsync_leaves_the_group_open_once_a_request_was_served()
    {
        await using var app = CookieAuthApp.Build();
        var orders = app.MapGroup("/orders");
        orders.MapGet("/", () => "secret");
        await app.StartAsync();
        using var http = CookieAuthApp.Client(app);
        using var beforeTheGuard = await http.GetAsync(new Uri("/orders/", UriKind.Relative));

        orders.RequireAuthorization();
        using var afterTheGuard = await http.GetAsync(new Uri("/orders/", UriKind.Relative));
        await app.StopAsync();

        Assert.Equal(HttpStatusCode.OK, beforeTheGuard.StatusCode);
        Assert.Equal(HttpStatusCode.OK, afterTheGuard.StatusCode);
    }

    // The same group guarded before StartAsync: the first request is challenged.
    [Fact]
    public async Task A_guard_before_StartAsync_challenges_the_first_request()
    {
        await using var app = CookieAuthApp.Build();
        var orders = app.MapGroup("/orders");
        orders.MapGet("/", () => "secret");
        orders.RequireAuthorization();
        await app.StartAsync();
        using var http = CookieAuthApp.Client(app);
        using var response = await http.GetAsync(new Uri("/orders/", UriKind.Relative));
        await app.StopAsync();

        CookieAuthApp.AssertChallenged(response);
    }

    public static TheoryData<string> Dispatches() => ["an override", "an interface", "a delegate", "an extension property"];

    // However the call dispatches to app.Run(), the group guarded after it answers anyone while the app serves.
    [Theory]
    [MemberData(nameof(Dispatches))]
    public async Task A_group_guarded_after_a_dispatched_call_that_runs_the_host_answers_anyone(string dispatch)
    {
        using var response = await GetOrdersWhileServingAsync(dispatch, guardFirst: false);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    // The guard moved before the same call: the request is challenged.
    [Theory]
    [MemberData(nameof(Dispatches))]
    public async Task A_group_guarded_before_a_dispatched_call_that_runs_the_host_is_challenged(string dispatch)
    {
        using var response = await GetOrdersWhileServingAsync(dispatch, guardFirst: true);

        CookieAuthApp.AssertChallenged(response);
    }

    /// <summary>Serves the app through <paramref name="dispatch"/>, guarding the group before or after that call, and asks for it while it serves.</summary>
    private static async Task<HttpResponseMessage> GetOrdersWhileServingAsync(string dispatch, bool guardFirst)
    {
        await using var app = CookieAuthApp.Build();
        var orders = app.MapGroup("/orders");
        orders.MapGet("/", () => "secret");
        Action<WebApplication> serve = dispatch switch
        {
            "an override" => a => ((Runner)new HostRunner()).Serve(a),
            "an interface" => a => ((IRunner)new HostRunner()).Serve(a),
            "a delegate" => a => new Action<WebApplication>(x => x.Run())(a),
            _ => a => _ = a.Serving,
        };

        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var registration = app.Lifetime.ApplicationStarted.Register(started.SetResult);
        var running = Task.Run(() =>
        {
            if (guardFirst)
            {
                orders.RequireAuthorization();
            }

            serve(app);
            if (!guardFirst)
            {
                orders.RequireAuthorization();
            }
        });
        await started.Task.WaitAsync(TimeSpan.FromSeconds(30));
        using var http = CookieAuthApp.Client(app);
        var response = await http.GetAsync(new Uri("/orders/", UriKind.Relative));
        await app.StopAsync();
        await running;
        return response;
    }

    private interface IRunner
    {
        void Serve(WebApplication app);
    }

    private class Runner
    {
        public virtual void Serve(WebApplication app)
        {
        }
    }

    private sealed class HostRunner : Runner, IRunner
    {
        public override void Serve(WebApplication app) => app.Run();
    }
}

/// <summary>An extension property whose getter runs the host.</summary>
internal static class ServingExtensions
{
    extension(WebApplication app)
    {
        public bool Serving
        {
            get
            {
                app.Run();
                return true;
            }
        }
    }
}
