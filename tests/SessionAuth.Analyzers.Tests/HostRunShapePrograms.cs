using Microsoft.CodeAnalysis;
using SessionAuth.Generators.Analyzers;

namespace SessionAuth.Analyzers.Tests;

/// <summary>Programs for the host-run, extension-block and common-app shapes: an endpoint on the group <c>orders</c>, then a program, with the types its rows use.</summary>
internal static class HostRunShapePrograms
{
    public const string Slice = "interface IEndpoint { void MapEndpoint(IEndpointRouteBuilder app); } sealed class GetOrders : IEndpoint { public void MapEndpoint(IEndpointRouteBuilder app) => app.MapGet(\"/orders\", () => \"orders\"); }";

    /// <summary>Verifies <paramref name="program"/> after an endpoint on the group <c>orders</c>, reported or not.</summary>
    public static Task VerifyOrdersAsync(string program, bool reported) => VerifyAsync($$"""
        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        var orders = app.MapGroup("/orders");
        orders.MapGet("/", () {{(reported ? "{|SAUTH0001:=>|}" : "=>")}} "x");
        {{program}}
        """);

    /// <summary>The names of a table of runs (statements that run the host, and what the program declares after them), for a theory.</summary>
    public static TheoryData<string> NamesOf((string Name, string Run, string After)[] runs)
    {
        var data = new TheoryData<string>();
        foreach (var run in runs)
        {
            data.Add(run.Name);
        }

        return data;
    }

    /// <summary>Verifies the run <paramref name="shape"/> of <paramref name="runs"/> with <c>orders</c> guarded before it (no diagnostic) or after it (reported: the endpoint was served open).</summary>
    public static Task VerifyGuardAroundRunAsync((string Name, string Run, string After)[] runs, string shape, bool guardAfterTheRun)
    {
        var run = runs.Single(r => r.Name == shape);
        const string Guard = "orders.RequireAuthorization();";
        return VerifyOrdersAsync(guardAfterTheRun ? $"{run.Run} {Guard} {run.After}" : $"{Guard} {run.Run} {run.After}", reported: guardAfterTheRun);
    }

    /// <summary>Verifies <paramref name="program"/> followed by <c>app.Run()</c>.</summary>
    public static Task VerifyRunAsync(string program) => VerifyAsync($$"""
        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        {{program}}
        app.Run();
        """);

    /// <summary>Verifies an app that maps through <paramref name="program"/> and declares <paramref name="types"/>, expecting no diagnostic.</summary>
    public static Task VerifyAppAsync(string program, string types) => AnalyzerTest.VerifyProjectAsync<EndpointGuardAnalyzer>(OutputKind.ConsoleApplication,
    [
        ("Program.cs", "using System.Linq;\nusing Microsoft.Extensions.Hosting;\n" + $$"""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddAuthorization();
            var app = builder.Build();
            {{program}}
            app.Run();

            {{types}}
            """),
    ]);

    private static Task VerifyAsync(string program) => AnalyzerTest.VerifyProjectAsync<EndpointGuardAnalyzer>(
        OutputKind.ConsoleApplication,
        [
            ("Program.cs", "using Microsoft.Extensions.Hosting;\n" + program + """

                class Runner { public virtual void Serve(WebApplication a) { } }
                class WebRunner : Runner { public override void Serve(WebApplication a) => a.Run(); }
                abstract class BaseRunner { public abstract void Serve(WebApplication a); }
                class AbstractImpl : BaseRunner { public override void Serve(WebApplication a) => a.Run(); }
                class PrimaryServer(WebApplication a) { public Task Running { get; } = a.RunAsync(); }
                class FieldServer { private static WebApplication? s; private readonly int _x = Go(); public FieldServer(WebApplication a) { s = a; } private static int Go() { s?.Run(); return 0; } }
                class PropServer(WebApplication a) { public bool Serving { get { a.Run(); return true; } } }
                class ChainedServer { public ChainedServer(WebApplication a) : this(a, 0) { } private ChainedServer(WebApplication a, int n) { a.Run(); } }
                interface IDefaultServe { void Serve(WebApplication a) => a.Run(); }
                class DefaultServe : IDefaultServe { }
                interface IServe { void Serve(WebApplication a); }
                sealed class SealedServe : IServe { public void Serve(WebApplication a) => a.Run(); }
                static class StaticServer { public static WebApplication? App; static StaticServer() { } public static void Touch() => App!.Run(); }
                sealed class DisposeServer(WebApplication a) : IDisposable { public void Dispose() => a.Run(); }
                sealed class OpServer { public static explicit operator OpServer(WebApplication a) { a.Run(); return new OpServer(); } }
                static class Iter { public static System.Collections.Generic.IEnumerable<int> Steps(WebApplication a) { yield return 1; a.Run(); } }
                class GenHost<T> where T : Microsoft.Extensions.Hosting.IHost { public void Serve(T h) => h.Run(); }
                static class GenericHosting { public static void Serve<T>(T h) where T : Microsoft.Extensions.Hosting.IHost => Microsoft.Extensions.Hosting.HostingAbstractionsHostExtensions.Run(h); }
                static class Holder { public static RouteGroupBuilder? G; }
                static class Flags { public static bool On; }
                static class HostExt
                {
                    extension(WebApplication app)
                    {
                        public bool Serving { get { app.Run(); return true; } }
                        public void ServeIt() => app.Run();
                        public static void ServeStatic(WebApplication a) => a.Run();
                    }

                    extension(RouteGroupBuilder group)
                    {
                        public void SecureInner() { group = group.MapGroup("/inner"); group.RequireAuthorization(); }
                        public void SecureLater() { Action a = () => group.RequireAuthorization(); }
                        public RouteGroupBuilder Inner { get { group = group.MapGroup("/in"); return group; } }
                        public void GuardHeld() { Holder.G = group.MapGroup("/h"); Holder.G.RequireAuthorization(); }
                        public void GuardIfFlag() { if (Flags.On) group.RequireAuthorization(); }
                        public void GuardThenThrowFirst() { if (Flags.On) throw new InvalidOperationException(); group.RequireAuthorization(); }
                    }

                    extension<T>(T b) where T : IEndpointConventionBuilder
                    {
                        public void MaybeGuard(bool on) { if (on) b.RequireAuthorization(); }
                    }
                }

                static class Classic
                {
                    public static void SecureInnerClassic(this RouteGroupBuilder g) { g = g.MapGroup("/inner"); g.RequireAuthorization(); }
                    public static RouteGroupBuilder Pick(RouteGroupBuilder a, RouteGroupBuilder b, bool f) => f ? a : b;
                    public static RouteGroupBuilder A(RouteGroupBuilder x, RouteGroupBuilder y, int n) => n > 0 ? B(y, x, n - 1) : x;
                    public static RouteGroupBuilder B(RouteGroupBuilder x, RouteGroupBuilder y, int n) => n > 0 ? A(x, y, n - 1) : x;
                    public static RouteGroupBuilder Swap(RouteGroupBuilder x, RouteGroupBuilder y, int n) => n > 0 ? Swap(y, x, n - 1) : x;
                }
                """),
        ]);
}
