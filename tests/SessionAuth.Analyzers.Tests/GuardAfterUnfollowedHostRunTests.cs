namespace SessionAuth.Analyzers.Tests;

/// <summary>
/// Calls that run the host with no run the rule follows: a delegate held in a field, a dictionary, an array or an event,
/// returned by a call or picked by a conditional; a lambda a framework method runs at once (<c>Lazy.Value</c>,
/// <c>Parallel.For</c>, <c>List.ForEach</c>, <c>ContinueWith</c>, <c>DynamicInvoke</c>); a framework interface member
/// (<c>IHostedService.StartAsync</c>, <c>IAsyncDisposable.DisposeAsync</c>) implemented in the compilation; code run with
/// no call written (a static field initializer, a <c>Deconstruct</c>, a <c>foreach</c>'s <c>MoveNext</c> in a helper, a
/// custom awaiter); and a guard written after the run inside the helper or local function that runs it. A guard after
/// each answers no request (the endpoint was served open), so the rule must fire.
/// </summary>
public sealed class GuardAfterUnfollowedHostRunTests
{
    /// <summary>Statements that run the host, and what the program declares after them (local functions, types).</summary>
    internal static readonly (string Name, string Run, string After)[] Runs =
    [
        ("a delegate field assigned a lambda capturing the app", "Hold.Serve = () => app.Run(); Hold.Serve();", "static class Hold { public static Action Serve = () => { }; }"),
        ("a delegate a local function returns, invoked", "Make()();", "Action Make() => () => app.Run();"),
        ("an event raised by a method of the compilation", "var signals = new Signals(); signals.Ready += () => app.Run(); signals.Raise();", "sealed class Signals { public event Action? Ready; public void Raise() => Ready?.Invoke(); }"),
        ("Lazy<Task>.Value", "var lazy = new Lazy<Task>(() => app.RunAsync()); var running = lazy.Value;", "await running;"),
        ("Parallel.For", "System.Threading.Tasks.Parallel.For(0, 1, _ => app.Run());", ""),
        ("List.ForEach", "new System.Collections.Generic.List<WebApplication> { app }.ForEach(a => a.Run());", ""),
        ("Delegate.DynamicInvoke", "Action f = () => app.Run(); f.DynamicInvoke();", ""),
        ("ContinueWith waited", "Task.CompletedTask.ContinueWith(_ => app.Run()).Wait();", ""),
        ("a dictionary of commands", "var commands = new System.Collections.Generic.Dictionary<string, Action> { [\"serve\"] = () => app.Run() }; commands[\"serve\"]();", ""),
        ("an array of steps iterated", "Func<Task>[] steps = [() => app.RunAsync()]; foreach (var step in steps) await step();", ""),
        ("a conditional of two lambdas", "Func<Task> serve = args.Length > 99 ? () => Task.CompletedTask : () => app.RunAsync(); await serve();", ""),
        ("IHostedService.StartAsync through a parameter", "await Start(new HostedServer(app));", "static Task Start(Microsoft.Extensions.Hosting.IHostedService s) => s.StartAsync(default); sealed class HostedServer(WebApplication a) : Microsoft.Extensions.Hosting.IHostedService { public Task StartAsync(System.Threading.CancellationToken c) => a.StartAsync(c); public Task StopAsync(System.Threading.CancellationToken c) => a.StopAsync(c); }"),
        ("IAsyncDisposable.DisposeAsync through a parameter", "await DisposeAll(new AsyncServer(app));", "static async Task DisposeAll(params IAsyncDisposable[] all) { foreach (var d in all) await d.DisposeAsync(); } sealed class AsyncServer(WebApplication a) : IAsyncDisposable { public async ValueTask DisposeAsync() => await a.RunAsync(); }"),
        ("a static field initializer run by a field read", "RunnerApp.App = app; _ = StaticRunner.Ready;", "static class RunnerApp { public static WebApplication App = null!; } static class StaticRunner { public static readonly bool Ready = Go(); static StaticRunner() { } static bool Go() { RunnerApp.App.Run(); return true; } }"),
        ("a Deconstruct", "var (x, y) = new DeconServer(app);", "sealed class DeconServer(WebApplication a) { public void Deconstruct(out int x, out int y) { a.Run(); x = 0; y = 0; } }"),
        ("a foreach's MoveNext in a helper", "Serve(app);", "static void Serve(WebApplication a) { foreach (var _ in new Loop(a)) { } } sealed class Loop(WebApplication a) { public Loop GetEnumerator() => this; public int Current => 0; public bool MoveNext() { a.Run(); return false; } }"),
        ("a custom awaiter", "await new AwaitServer(app);", "sealed class AwaitServer(WebApplication a) { public System.Runtime.CompilerServices.TaskAwaiter GetAwaiter() => a.RunAsync().GetAwaiter(); }"),
    ];

    public static TheoryData<string> RunNames() => HostRunShapePrograms.NamesOf(Runs);

    // The run serves the endpoint before the guard is added: reported.
    [Theory]
    [MemberData(nameof(RunNames))]
    public Task A_guard_after_a_run_the_rule_does_not_follow_is_reported(string shape)
        => HostRunShapePrograms.VerifyGuardAroundRunAsync(Runs, shape, guardAfterTheRun: true);
}
