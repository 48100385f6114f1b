namespace SessionAuth.Analyzers.Tests;

/// <summary>
/// Calls that start serving, or may run the host, with no call of <c>Run</c> written where they are: <c>StartAsync</c>
/// (serving starts there, and requests are answered before any later guard); a virtual, abstract or interface call, or a
/// delegate, followed into every body it may run: the implementation of its known run-time type, or else every override
/// or implementation in the compilation; a property getter, a constructor's initializers, a <c>using</c>'s
/// <c>Dispose</c> and a user conversion, which run code with no call written; and a lambda handed to any call
/// (<c>Task.Run</c>, a thread, the thread pool), which may run at any time after. A guard before such a call counts;
/// after it, it does not.
/// </summary>
public sealed class HostRunThroughUnfollowedCallsTests
{
    /// <summary>Statements that start or may run the host, with what the program declares after them (local functions, types).</summary>
    private static readonly (string Name, string Run, string After)[] Runs =
    [
        ("await app.StartAsync()", "await app.StartAsync();", "await app.WaitForShutdownAsync();"),
        ("StartAsync, then a wait that never ends", "await app.StartAsync(); await Task.Delay(System.Threading.Timeout.Infinite);", ""),
        ("StartAsync of an IHost", "Microsoft.Extensions.Hosting.IHost h = app; await h.StartAsync();", "await h.WaitForShutdownAsync();"),
        ("the Start extension", "Microsoft.Extensions.Hosting.HostingAbstractionsHostExtensions.Start(app);", "app.WaitForShutdown();"),
        ("an override, through a base-typed local", "Runner r = new WebRunner(); r.Serve(app);", ""),
        ("an override, through a parameter of unknown run-time type", "ServeWith(new WebRunner());", "void ServeWith(Runner r) => r.Serve(app);"),
        ("an abstract member", "BaseRunner b = new AbstractImpl(); b.Serve(app);", ""),
        ("an interface member", "IServe s = new SealedServe(); s.Serve(app);", ""),
        ("an interface member, through a parameter of unknown run-time type", "ServeAll([new SealedServe()]);", "void ServeAll(IServe[] all) { foreach (var s in all) s.Serve(app); }"),
        ("a delegate made from a method group", "Action<WebApplication> s = Serve; s(app);", "static void Serve(WebApplication a) => a.Run();"),
        ("a lambda cast and invoked", "((Action)(() => app.Run()))();", ""),
        ("a Func<Task> local awaited", "Func<Task> f = () => app.RunAsync(); await f();", ""),
        ("a delegate parameter handed the host", "Invoke(a => a.Run());", "void Invoke(Action<WebApplication> serve) => serve(app);"),
        ("a property getter", "_ = new PropServer(app).Serving;", ""),
        ("an extension-block property getter", "_ = app.Serving;", ""),
        ("a primary-constructor property initializer", "_ = new PrimaryServer(app);", ""),
        ("a field initializer", "_ = new FieldServer(app);", ""),
        ("a lambda handed to Task.Run", "_ = Task.Run(() => app.Run());", ""),
        ("a lambda handed to a new Thread", "new System.Threading.Thread(() => app.Run()).Start();", ""),
        ("a lambda queued on the thread pool", "System.Threading.ThreadPool.QueueUserWorkItem(_ => app.Run());", ""),
        ("a lambda handed to Parallel.Invoke", "System.Threading.Tasks.Parallel.Invoke(() => { }, () => app.Run());", ""),
        ("a method group handed to Task.Run", "_ = Task.Run(Serve);", "void Serve() => app.Run();"),
        ("Dispose of a using", "using (new DisposeServer(app)) { }", ""),
        ("a user conversion operator", "_ = (OpServer)app;", ""),
    ];

    public static TheoryData<string, bool> RunsEachWay()
    {
        var data = new TheoryData<string, bool>();
        foreach (var run in Runs)
        {
            data.Add(run.Name, false);
            data.Add(run.Name, true);
        }

        return data;
    }

    // The guard before the call decides; after it, requests were served open (or may be) before it: reported.
    [Theory]
    [MemberData(nameof(RunsEachWay))]
    public Task A_guard_counts_only_before_a_call_that_starts_or_may_run_the_host(string shape, bool guardAfterTheRun)
    {
        var run = Runs.Single(r => r.Name == shape);
        const string Guard = "orders.RequireAuthorization();";
        var program = guardAfterTheRun ? $"{run.Run} {Guard} {run.After}" : $"{Guard} {run.Run} {run.After}";
        return HostRunShapePrograms.VerifyOrdersAsync(program, reported: guardAfterTheRun);
    }

    // Calls handed the app that are known not to run it, or not handed it: a guard after them still counts.
    [Theory]
    [InlineData("framework members of the app", "app.UseRouting(); app.MapGet(\"/other\", () => \"o\").AllowAnonymous(); _ = app.Services; Microsoft.Extensions.Logging.LoggerExtensions.LogInformation(app.Logger, \"x\");", "")]
    [InlineData("a delegate whose value is a framework method", "Action<string> log = Console.WriteLine; log(\"x\");", "")]
    [InlineData("a delegate whose lambda does not run the host", "Action<WebApplication> configure = a => a.UseRouting(); configure(app);", "")]
    [InlineData("a lambda handed to Task.Run that does not run the host", "await Task.Run(() => Console.WriteLine(\"warm\"));", "")]
    [InlineData("a virtual member whose known target does not run the host", "Runner r = new Runner(); r.Serve(app);", "")]
    [InlineData("an interface member handed the app as a route builder", "MapAll([new OrdersMaps()]); void MapAll(IMaps[] all) { foreach (var m in all) m.Map(app); }", "interface IMaps { void Map(IEndpointRouteBuilder r); } sealed class OrdersMaps : IMaps { public void Map(IEndpointRouteBuilder r) => r.MapGet(\"/m\", () => \"m\").AllowAnonymous(); }")]
    [InlineData("a configuration callback parameter invoked with the app", "Configure(a => a.UseRouting()); void Configure(Action<WebApplication>? configureApp) => configureApp?.Invoke(app);", "")]
    [InlineData("an interface member handed the app, no implementation of which runs the host", "ConfigureAll([new QuietModule()]); void ConfigureAll(IAppModule[] all) { foreach (var m in all) m.Configure(app); }", "interface IAppModule { void Configure(WebApplication a); } sealed class QuietModule : IAppModule { public void Configure(WebApplication a) => a.UseRouting(); }")]
    public Task A_guard_after_a_call_that_does_not_run_the_host_counts(string shape, string program, string types)
    {
        _ = shape;
        return HostRunShapePrograms.VerifyOrdersAsync($"{program} orders.RequireAuthorization(); app.Run();\n{types}", reported: false);
    }
}
