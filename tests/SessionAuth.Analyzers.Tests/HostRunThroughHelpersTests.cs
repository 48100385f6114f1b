using Microsoft.CodeAnalysis;
using SessionAuth.Generators.Analyzers;

namespace SessionAuth.Analyzers.Tests;

/// <summary>
/// A guard counts only where no path of its body reaches it through a call that runs the host: <c>app.Run()</c>,
/// <c>await app.RunAsync()</c>, <c>WaitForShutdown()</c>, or a method of the compilation that makes one of those on some
/// path, through any chain of methods (a local function, a static or instance method of any class, an extension method,
/// an awaited async helper, a helper in another file of a partial class, helpers that call each other). Such a call
/// returns once the app has stopped serving, so a guard after it reaches no request. "After" is control flow, not text:
/// a run in one branch is not before the other branch, nor before what follows a <c>return</c> after it.
/// </summary>
public sealed class HostRunThroughHelpersTests
{
    private const string Policy = "new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build()";

    /// <summary>Ways a program runs the host: the statement that runs it, and what it declares (statements, then types).</summary>
    private static readonly (string Name, string Run, string Statements, string Types)[] HostRuns =
    [
        ("app.Run()", "app.Run();", "", ""),
        ("await app.RunAsync()", "await app.RunAsync();", "", ""),
        ("a helper that waits for shutdown", "Hosting.Wait(app);", "", ""),
        ("a static local function", "Serve(app);", "static void Serve(WebApplication a) => a.Run();", ""),
        ("a static method of another class", "Hosting.Serve(app);", "", ""),
        ("a helper that runs the host through another helper", "Hosting.ServeThroughStart(app);", "", ""),
        ("an instance method", "new Server().Serve(app);", "", "class Server { public void Serve(WebApplication a) => a.Run(); }"),
        ("an extension method", "app.Serve();", "", "static class HostingExtensions { public static void Serve(this WebApplication a) => a.Run(); }"),
        ("an awaited async helper", "await Hosting.ServeAsync(app);", "", ""),
        ("an async helper not awaited", "var serving = Hosting.ServeAsync(app);", "", ""),
        ("a helper that only may run the host", "Hosting.MaybeServe(app, args);", "", ""),
        ("helpers that call each other", "Hosting.Ping(app, 2);", "", ""),
        ("a helper in another file of a partial class", "Hosting.ServeFromAnotherFile(app);", "", ""),
        ("a virtual helper, by the body the call binds to", "new VirtualServer().Serve(app);", "", "class VirtualServer { public virtual void Serve(WebApplication a) => a.Run(); }"),
    ];

    /// <summary>Ways to decide for an endpoint: what maps it (<c>{D}</c> marks where SAUTH0001 reports), the statement that decides, whether it is a controller action.</summary>
    private static readonly (string Name, string Endpoints, string Guard, bool Controller)[] Guards =
    [
        ("RequireAuthorization on a group", "var orders = app.MapGroup(\"/orders\"); orders.MapGet(\"/\", () {D} \"x\");", "orders.RequireAuthorization();", false),
        ("RequireAuthorization on an endpoint", "var endpoint = app.MapGet(\"/\", () {D} \"x\");", "endpoint.RequireAuthorization();", false),
        ("AllowAnonymous on an endpoint", "var endpoint = app.MapGet(\"/\", () {D} \"x\");", "endpoint.AllowAnonymous();", false),
        ("an authorize convention", "var orders = app.MapGroup(\"/orders\"); orders.MapGet(\"/\", () {D} \"x\");", "orders.WithMetadata(new AuthorizeAttribute());", false),
        ("a guard helper", "var orders = app.MapGroup(\"/orders\"); orders.MapGet(\"/\", () {D} \"x\");", "Guards.Secure(orders);", false),
        ("MapControllers().RequireAuthorization()", "var controllers = app.MapControllers();", "controllers.RequireAuthorization();", true),
        ("a fallback policy", "app.MapGet(\"/x\", () {D} \"x\");", "builder.Services.AddAuthorization(o => o.FallbackPolicy = " + Policy + ");", false),
        ("a global AuthorizeFilter", "app.MapControllers();", "builder.Services.Configure<MvcOptions>(o => o.Filters.Add(new Microsoft.AspNetCore.Mvc.Authorization.AuthorizeFilter()));", true),
    ];

    public static TheoryData<string, string, bool> GuardsAroundHostRuns()
    {
        var data = new TheoryData<string, string, bool>();
        foreach (var run in HostRuns)
        {
            foreach (var guard in Guards)
            {
                data.Add(run.Name, guard.Name, false);
                data.Add(run.Name, guard.Name, true);
            }
        }

        return data;
    }

    // Each way of running the host with each way of deciding: the decision before the run counts, after it does not.
    [Theory]
    [MemberData(nameof(GuardsAroundHostRuns))]
    public Task A_guard_counts_only_before_the_call_that_runs_the_host(string hostRun, string guardKind, bool guardAfterTheRun)
    {
        var run = HostRuns.Single(r => r.Name == hostRun);
        var guard = Guards.Single(g => g.Name == guardKind);
        var endpoints = guard.Endpoints.Replace("{D}", guardAfterTheRun && !guard.Controller ? "{|SAUTH0001:=>|}" : "=>");
        var action = guardAfterTheRun && guard.Controller ? "{|SAUTH0001:List|}" : "List";
        return VerifyAsync($$"""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddControllers();
            var app = builder.Build();
            {{endpoints}}
            {{(guardAfterTheRun ? "" : guard.Guard)}}
            {{run.Run}}
            {{(guardAfterTheRun ? guard.Guard : "")}}
            {{run.Statements}}

            {{(guard.Controller ? $$"""[Route("orders")] public class OrdersController : ControllerBase { [HttpGet] public string {{action}}() => "orders"; }""" : "")}}
            {{run.Types}}
            """);
    }

    // Shapes where the answer is not "before or after": a run on some paths only, names that only look like a run, calls
    // that are not followed (documented on the rule page), and dispatched calls followed to what they may run.
    [Theory]
    [InlineData("a helper that runs the host, called in one branch, then a guard after the if", "if (args.Length > 0) Hosting.Serve(app); orders.RequireAuthorization(); app.Run();", true)]
    [InlineData("a local function that runs the host, called in one branch", "if (args.Length > 0) Serve(app); orders.RequireAuthorization(); app.Run(); static void Serve(WebApplication a) => a.Run();", true)]
    [InlineData("a helper named Serve that never runs the host", "Serve(app); orders.RequireAuthorization(); app.Run(); static void Serve(WebApplication a) => Console.WriteLine(a.Environment.ApplicationName);", false)]
    [InlineData("a Run of a type that is not a host", "new Job().Run(); orders.RequireAuthorization(); app.Run();", false)]
    [InlineData("a helper that runs the host only in a call the compiler leaves out", "Hosting.ServeInDebugOnly(app); orders.RequireAuthorization(); app.Run();", false)]
    [InlineData("a helper that keeps a run in a framework list it never invokes (a framework call handed a runner may run it)", "Hosting.KeepServer(app); orders.RequireAuthorization(); app.Run();", true)]
    [InlineData("a helper that runs the host only in a lambda it makes, never calls nor hands over", "Hosting.MakeServerOnly(app); orders.RequireAuthorization(); app.Run();", false)]
    [InlineData("a call through an interface, followed to the implementation of the type the local holds", "IServer server = new Server(); server.Serve(app); orders.RequireAuthorization(); app.Run();", true)]
    [InlineData("a call of a delegate, followed into the lambda the local holds", "Action<WebApplication> serve = a => a.Run(); serve(app); orders.RequireAuthorization(); app.Run();", true)]
    public Task Where_a_run_may_come_before_the_guard_decides(string shape, string program, bool reported)
    {
        _ = shape;
        return VerifyOrdersAsync(program + """

            interface IServer { void Serve(WebApplication a); }
            class Server : IServer { public void Serve(WebApplication a) => a.Run(); }
            class Job { public void Run() => Console.WriteLine("job"); }
            """, reported);
    }

    // Position is not control flow: a guard counts unless some path from the body's entry reaches it through a run.
    [Theory]
    [InlineData("if/else, each branch guarding then running", "if (args.Length > 0) { orders.RequireAuthorization(); app.Run(); } else { orders.RequireAuthorization(); app.Run(); }", false)]
    [InlineData("if/else, each branch guarding then running through a helper", "if (args.Length > 0) { orders.RequireAuthorization(); Hosting.Serve(app); } else { orders.RequireAuthorization(); await Hosting.ServeAsync(app); }", false)]
    [InlineData("early return after a guarded run, then the guard", "if (args.Contains(\"--migrate\")) { Migrate(app); orders.RequireAuthorization(); app.Run(); return; } orders.RequireAuthorization(); app.Run(); static void Migrate(WebApplication a) => Console.WriteLine(a.Environment.EnvironmentName);", false)]
    [InlineData("early return after a guarded helper's run, then the guard", "if (args.Length > 0) { orders.RequireAuthorization(); Hosting.Serve(app); return; } orders.RequireAuthorization(); Hosting.Serve(app);", false)]
    [InlineData("early return after an unguarded run: that path serves the group open", "if (args.Contains(\"--migrate\")) { Migrate(app); app.Run(); return; } orders.RequireAuthorization(); app.Run(); static void Migrate(WebApplication a) => Console.WriteLine(a.Environment.EnvironmentName);", true)]
    [InlineData("a guard after a loop that may run the host", "foreach (var arg in args) { if (arg == \"--serve\") app.Run(); } orders.RequireAuthorization(); app.Run();", true)]
    [InlineData("a guard after a loop that may run the host through a helper", "for (var i = 0; i < args.Length; i++) { Hosting.MaybeServe(app, args); } orders.RequireAuthorization(); app.Run();", true)]
    [InlineData("the run in try, the guard in finally", "try { app.Run(); } finally { orders.RequireAuthorization(); }", true)]
    [InlineData("a helper's run in try, the guard in finally", "try { Hosting.Serve(app); } finally { orders.RequireAuthorization(); }", true)]
    [InlineData("the run in finally, the guard after the try", "try { Console.WriteLine(\"serving\"); } finally { app.Run(); } orders.RequireAuthorization();", true)]
    [InlineData("the guard in try, the run in finally", "try { orders.RequireAuthorization(); } finally { app.Run(); }", false)]
    [InlineData("the run in try, the guard in catch", "try { app.Run(); } catch (InvalidOperationException) { orders.RequireAuthorization(); }", true)]
    [InlineData("the guard and then the run in try, a finally after", "try { orders.RequireAuthorization(); app.Run(); } finally { Console.WriteLine(\"stopped\"); }", false)]
    public Task A_guard_is_after_the_run_only_on_a_path_through_it(string shape, string program, bool reported)
    {
        _ = shape;
        return VerifyOrdersAsync(program, reported);
    }

    // In a guard helper's own body, a guard after a helper that runs the host guards nothing either.
    [Theory]
    [InlineData("Guards.SecureThenServe(app, orders);", false)]
    [InlineData("Guards.ServeThenSecure(app, orders);", true)]
    public Task A_guard_helper_that_runs_the_host_before_its_guard_guards_nothing(string call, bool reported) => VerifyOrdersAsync(call, reported);

    /// <summary>Verifies <paramref name="program"/> after an endpoint it may guard through the group <c>orders</c>, reported or not.</summary>
    private static Task VerifyOrdersAsync(string program, bool reported) => VerifyAsync($$"""
        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        var orders = app.MapGroup("/orders");
        orders.MapGet("/", () {{(reported ? "{|SAUTH0001:=>|}" : "=>")}} "x");
        {{program}}
        """);

    private static Task VerifyAsync(string program) => AnalyzerTest.VerifyProjectAsync<EndpointGuardAnalyzer>(
        OutputKind.ConsoleApplication,
        [
            ("Program.cs", program + """

                static class Guards
                {
                    public static void Secure(RouteGroupBuilder g) => g.RequireAuthorization();

                    public static void SecureThenServe(WebApplication a, RouteGroupBuilder g)
                    {
                        g.RequireAuthorization();
                        Hosting.Serve(a);
                    }

                    public static void ServeThenSecure(WebApplication a, RouteGroupBuilder g)
                    {
                        Hosting.Serve(a);
                        g.RequireAuthorization();
                    }
                }

                static partial class Hosting
                {
                    public static void Serve(WebApplication a) => a.Run();

                    public static void ServeThroughStart(WebApplication a) => Start(a);

                    private static void Start(WebApplication a) => a.Run();

                    public static void Wait(WebApplication a)
                    {
                        a.StartAsync().GetAwaiter().GetResult();
                        Microsoft.Extensions.Hosting.HostingAbstractionsHostExtensions.WaitForShutdown(a);
                    }

                    public static async Task ServeAsync(WebApplication a) => await a.RunAsync();

                    public static void MaybeServe(WebApplication a, string[] args)
                    {
                        if (args.Length > 3)
                        {
                            a.Run();
                        }
                    }

                    public static void Ping(WebApplication a, int n)
                    {
                        if (n > 0)
                        {
                            Pong(a, n - 1);
                        }
                    }

                    private static void Pong(WebApplication a, int n)
                    {
                        if (n == 0)
                        {
                            a.Run();
                        }
                        else
                        {
                            Ping(a, n);
                        }
                    }

                    public static void ServeInDebugOnly(WebApplication a) => RunInDebug(a);

                    [System.Diagnostics.Conditional("NEVER_DEFINED")]
                    private static void RunInDebug(WebApplication a) => a.Run();

                    public static void KeepServer(WebApplication a) => Kept.Add(() => a.Run());

                    public static void MakeServerOnly(WebApplication a) { Action serve = () => a.Run(); _ = serve; }

                    private static readonly System.Collections.Generic.List<Action> Kept = new();
                }
                """),
            ("Hosting.cs", """
                static partial class Hosting
                {
                    public static void ServeFromAnotherFile(WebApplication a) => Serve(a);
                }
                """),
        ]);
}
