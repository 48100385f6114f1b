using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using SessionAuth.Generators.Analyzers;

namespace SessionAuth.Analyzers.Tests;

public sealed class Review21eProbeTests
{
    private static Task VerifyAsync(string source, params DiagnosticResult[] expected) => AnalyzerTest.VerifyAsync<EndpointGuardAnalyzer>(source, expected);

    private static Task VerifyAppAsync(string program, params DiagnosticResult[] expected) =>
        AnalyzerTest.VerifyProjectAsync<EndpointGuardAnalyzer>(OutputKind.ConsoleApplication, [("Program.cs", program)], expected);

    [Fact]
    public Task StaleHeld() => VerifyAsync("""
        public static class Endpoints
        {
            private static void R(RouteGroupBuilder g, int d) { if (d == 0) return; var c = g.MapGroup("/r"); c.MapGet("/", () {|SAUTH0001:=>|} "r"); J(c, d - 1); }
            private static void H(RouteGroupBuilder g, int d) { if (d == 0) return; var c = g.MapGroup("/h"); c.MapGet("/", () {|SAUTH0001:=>|} "h"); Q(c, d - 1); Qp(c, d - 1); }
            private static void Q(RouteGroupBuilder g, int d) { if (d == 0) return; var c = g.MapGroup("/q"); c.MapGet("/", () {|SAUTH0001:=>|} "q"); H(c, d - 1); J(c, d - 1); }
            private static void Qp(RouteGroupBuilder g, int d) { if (d == 0) return; var c = g.MapGroup("/qp"); c.MapGet("/", () {|SAUTH0001:=>|} "qp"); J(c, d - 1); }
            private static void J(RouteGroupBuilder g, int d) { if (d == 0) return; var c = g.MapGroup("/j"); c.MapGet("/", () {|SAUTH0001:=>|} "j"); R(c, d - 1); Q(c, d - 1); }
            public static void Map(WebApplication app) => R(app.MapGroup("/open"), 6);
        }
        """);

    [Fact]
    public Task BaseImplementsInterface() => VerifyAppAsync("""
        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        IModule module = new Derived();
        module.Map(app.MapGroup("/open"));
        new Base().Map(app.MapGroup("/guarded").RequireAuthorization());
        app.Run();

        interface IModule { void Map(RouteGroupBuilder group); }
        class Base { public void Map(RouteGroupBuilder group) { group.MapGet("/x", () {|SAUTH0001:=>|} "x"); } }
        class Derived : Base, IModule { }
        """);

    [Fact]
    public Task CollectionInitializerAdd() => VerifyAppAsync("""
        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        var modules = new Modules();
        modules.Add(app.MapGroup("/guarded").RequireAuthorization());
        _ = new Modules { app.MapGroup("/open") };
        app.Run();

        class Modules : System.Collections.IEnumerable
        {
            public void Add(RouteGroupBuilder group) { group.MapGet("/x", () {|SAUTH0001:=>|} "x"); }
            public System.Collections.IEnumerator GetEnumerator() => Array.Empty<object>().GetEnumerator();
        }
        """);
}
