using Microsoft.CodeAnalysis;
using SessionAuth.Generators.Analyzers;

namespace SessionAuth.Analyzers.Tests;

/// <summary>
/// Runs of the host the rule follows precisely (what the compiler binds with no call written, dispatch into a framework
/// member implemented in the app, delegate values through arms and loops) and those it cannot follow, which fail closed
/// once the compilation holds a delegate or a framework-entered body that runs the host: a delegate of a runner's type
/// whose value is not known, a framework call handed an object whose body the framework may enter, and any framework
/// call handed a value that may hold a runner once one has escaped. Each row both ways: a guard before the run counts,
/// one after it is reported. Common app shapes with such a runner stay silent when guarded.
/// </summary>
public sealed class UnfollowedRunnerFailsClosedTests
{
    /// <summary>Statements that run the host, by the rule that sees them, and what the program declares after them.</summary>
    internal static readonly (string Name, string Run, string After)[] Runs =
    [
        // A delegate whose values are not known, of a runner's delegate type (or Delegate): taken to run the host.
        ("unknown delegate: a field handed to a helper that invokes it", "Hold.Serve = () => app.Run(); Invoke(Hold.Serve);", "static void Invoke(Action a) => a(); static class Hold { public static Action Serve = () => { }; }"),
        ("unknown delegate: a property invoked with the app", "Hosting.Runner = a => a.RunAsync(); await Hosting.Runner(app);", "static class Hosting { public static Func<WebApplication, Task> Runner { get; set; } = _ => Task.CompletedTask; }"),
        ("unknown delegate: a Delegate from a call, DynamicInvoked", "Delegate d = Pick(); d.DynamicInvoke();", "Delegate Pick() => new Action(() => app.Run());"),
        ("unknown delegate: a pattern variable invoked", "object o = (Action)(() => app.Run()); if (o is Action run) { run(); }", ""),

        // A framework call handed a runner, or an object (or type) whose body the framework may enter.
        ("framework call: CancellationToken.Register", "var cts = new System.Threading.CancellationTokenSource(); cts.Token.Register(() => app.Run()); cts.Cancel();", ""),
        ("framework call: a runner kept in a list, which may hand it on", "var later = new System.Collections.Generic.List<Action> { () => app.Run() }; later.Add(() => app.Run());", ""),
        ("framework call: Enumerable.Select", "System.Linq.Enumerable.ToList(System.Linq.Enumerable.Select(new[] { app }, a => a.RunAsync()));", ""),
        ("framework call: a container constructs a type whose constructor runs", "Microsoft.Extensions.DependencyInjection.ActivatorUtilities.CreateInstance<Starter>(app.Services);", "sealed class Starter { public Starter(WebApplication a) => a.Run(); }"),
        ("framework call: BackgroundService.StartAsync enters ExecuteAsync", "await new Worker(app).StartAsync(default);", "sealed class Worker(WebApplication a) : Microsoft.Extensions.Hosting.BackgroundService { protected override Task ExecuteAsync(System.Threading.CancellationToken c) => a.RunAsync(c); }"),

        // Once a runner escapes, a framework call handed a value that may hold it.
        ("escaped runner: reflection invokes a method of an object holding it", "var box = new Box { Serve = () => app.Run() }; typeof(Box).GetMethod(\"Go\")!.Invoke(box, null);", "sealed class Box { public Action Serve = () => { }; public void Go() => Serve(); }"),
        ("escaped runner: the thread pool runs a work item holding it", "var item = new Item { Serve = () => app.Run() }; System.Threading.ThreadPool.UnsafeQueueUserWorkItem(item, preferLocal: false);", "sealed class Item : System.Threading.IThreadPoolWorkItem { public Action Serve = () => { }; public void Execute() => Serve(); }"),

        // Followed precisely: what the compiler binds, dispatch into framework members, delegate values.
        ("followed: a nested deconstruction", "var ((x, y), z) = (new DeconServer(app), 1);", "sealed class DeconServer(WebApplication a) { public void Deconstruct(out int x, out int y) { a.Run(); x = 0; y = 0; } }"),
        ("followed: a static property initializer with no static constructor written", "AppHolder.App = app; _ = Ready.Value;", "static class AppHolder { public static WebApplication App = null!; } static class Ready { public static int Value { get; } = Go(); static int Go() { AppHolder.App.Run(); return 0; } }"),
        ("followed: an await foreach's MoveNextAsync", "await foreach (var _ in new AsyncLoop(app)) { }", "sealed class AsyncLoop(WebApplication a) { public AsyncLoop GetAsyncEnumerator() => this; public int Current => 0; public async ValueTask<bool> MoveNextAsync() { await a.RunAsync(); return false; } }"),
        ("followed: a switch expression of lambdas", "Func<Task> serve = args.Length switch { 99 => () => Task.CompletedTask, _ => () => app.RunAsync() }; await serve();", ""),
        ("followed: IDisposable.Dispose through a parameter", "Close(new Closer(app));", "static void Close(IDisposable d) => d.Dispose(); sealed class Closer(WebApplication a) : IDisposable { public void Dispose() => a.Run(); }"),
    ];

    public static TheoryData<string> RunNames() => HostRunShapePrograms.NamesOf(Runs);

    [Theory]
    [MemberData(nameof(RunNames))]
    public Task A_guard_after_the_run_is_reported(string shape)
        => HostRunShapePrograms.VerifyGuardAroundRunAsync(Runs, shape, guardAfterTheRun: true);

    [Theory]
    [MemberData(nameof(RunNames))]
    public Task A_guard_before_the_run_counts(string shape)
        => HostRunShapePrograms.VerifyGuardAroundRunAsync(Runs, shape, guardAfterTheRun: false);

    // An app holding a runner the rule cannot follow stays silent where what comes between the map and the guard is
    // inert: framework calls on the app, its builders and groups, configuration and logging, with strings and lambdas.
    [Theory]
    [InlineData("an escaped runner before the map", "Hold.Serve = () => app.Run();", "Console.WriteLine(\"mapped\"); _ = app.Environment.EnvironmentName; orders.WithTags(\"orders\"); _ = builder.Configuration[\"Orders\"]; app.UseHttpsRedirection();", "Hold.Serve();")]
    [InlineData("an escaped runner after the guard", "", "orders.WithName(\"orders\").MapGet(\"/ping\", () => \"pong\").AllowAnonymous();", "var lazy = new Lazy<Task>(() => app.RunAsync()); await lazy.Value;")]
    [InlineData("a delegate field that never holds a runner, invoked with the app", "Func<Task> later = () => app.RunAsync();", "Setup.ConfigurePipeline(app);", "")]
    [InlineData("a framework-entered body that runs the host, its type unused between", "", "app.Services.GetRequiredService<Microsoft.Extensions.Logging.ILoggerFactory>(); orders.MapGet(\"/list\", () => new[] { 1, 2 });", "await new Worker(app).StartAsync(default);")]
    public Task A_guarded_app_with_a_runner_elsewhere_stays_silent(string shape, string before, string between, string after)
    {
        _ = shape;
        return HostRunShapePrograms.VerifyAppAsync(
            $"{before} var orders = app.MapGroup(\"/orders\"); orders.MapGet(\"/\", () => \"x\"); {between} orders.RequireAuthorization(); {after}",
            """
            static class Hold { public static Action Serve = () => { }; }
            static class Setup { public static Action<WebApplication> ConfigurePipeline = a => a.UseHttpsRedirection(); }
            sealed class Worker(WebApplication a) : BackgroundService { protected override Task ExecuteAsync(System.Threading.CancellationToken c) => a.RunAsync(c); }
            """);
    }

    // The System.CommandLine shape: the whole app is built, guarded and run in a lambda handed to a framework method.
    // The lambda is a runner handed outside; the guard in it counts when it comes before the lambda's own run.
    [Theory]
    [InlineData("Task.Run", "await Task.Run(async () => { BODY });", false)]
    [InlineData("Lazy<Task>", "var command = new Lazy<Task>(async () => { BODY }); await command.Value;", false)]
    [InlineData("Task.Run, guard after the run", "await Task.Run(async () => { BODY });", true)]
    [InlineData("Lazy<Task>, guard after the run", "var command = new Lazy<Task>(async () => { BODY }); await command.Value;", true)]
    public Task An_app_built_guarded_and_run_in_a_lambda_handed_to_the_framework_is_read_in_the_lambda(string shape, string program, bool guardAfterTheRun)
    {
        _ = shape;
        var body = $$"""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddAuthorization();
            var app = builder.Build();
            var orders = app.MapGroup("/orders");
            orders.MapGet("/", () {{(guardAfterTheRun ? "{|SAUTH0001:=>|}" : "=>")}} "x");
            {{(guardAfterTheRun ? "await app.RunAsync(); orders.RequireAuthorization();" : "orders.RequireAuthorization(); await app.RunAsync();")}}
            """;
        return AnalyzerTest.VerifyProjectAsync<EndpointGuardAnalyzer>(OutputKind.ConsoleApplication,
            [("Program.cs", "using Microsoft.Extensions.Hosting;\n" + program.Replace("BODY", body))]);
    }
}
