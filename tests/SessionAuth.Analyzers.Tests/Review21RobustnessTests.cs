using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using SessionAuth.Generators.Analyzers;

namespace SessionAuth.Analyzers.Tests;

/// <summary>
/// Review of issue 21: code as it is while being typed, and odd but legal code, must never make the endpoint analyzer
/// throw (AD0001): an analyzer that throws reports nothing for the whole compilation.
/// </summary>
public sealed class Review21RobustnessTests
{
    public static TheoryData<string> Shapes => new()
    {
        // Incomplete code.
        """app.MapGet("/x", );""",
        """app.MapGroup(""",
        """app.MapGet("/x", () => "x").RequireAuthorization(""",
        """var g = app.MapGroup("/a"); g = ; g.MapGet("/x", () => 1);""",
        """app.MapGet("/x", Missing.Handler);""",
        """app.MapGet("/x", default(Delegate)!);""",
        """app.MapHub<>("/h");""",
        """app.MapGet("/x", () => "x").WithMetadata(new );""",
        """app.MapGet("/x", () => "x").WithMetadata(new Missing());""",
        """app.MapGroup("/a").MapGroup().MapGet("/x", () => 1);""",
        """RouteGroupBuilder g; g.MapGet("/x", () => 1);""",
        """app.MapGet("/x", [Authorize( () => 1);""",
        """app.MapControllers().RequireAuthorization(""",
        """app.MapRazorComponents<>();""",
        """app.MapServerFunctions().RequireSession();""",
        // Legal but odd.
        """var g = app.MapGroup("/a"); for (;;) { g = g.MapGroup("/b"); g.MapGet("/x", () => 1); }""",
        """Recurse(app.MapGroup("/a")); static void Recurse(RouteGroupBuilder g) { g.MapGet("/x", () => 1); Recurse(g.MapGroup("/b")); }""",
        """Holder.Api.MapGet("/x", () => 1); static class Holder { public static RouteGroupBuilder Api => Api; }""",
        """Holder.A.MapGet("/x", () => 1); static class Holder { public static RouteGroupBuilder A => B; public static RouteGroupBuilder B => A; }""",
        """Ping(app).MapGet("/x", () => 1); static RouteGroupBuilder Ping(WebApplication a) => Pong(a); static RouteGroupBuilder Pong(WebApplication a) => Ping(a);""",
        """Holder.G = Holder.G; Holder.G.MapGet("/x", () => 1); static class Holder { public static RouteGroupBuilder G = G; }""",
        """app.MapGet("/x", () => 1).RequireAuthorization(null!);""",
        """dynamic d = app; d.MapGet("/x", (Func<int>)(() => 1));""",
        """IEndpointRouteBuilder e = app; var r = e.MapGet("/x", () => 1) switch { { } b => b.RequireAuthorization(), _ => null };""",
        """
        #if DEBUG
        var g = app.MapGroup("/a");
        #else
        var g = app.MapGroup("/a").RequireAuthorization();
        #endif
        g.MapGet("/x", () => 1);
        """,
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public async Task The_endpoint_analyzer_does_not_throw(string statements)
    {
        var source = AnalyzerTest.Usings + "var app = WebApplication.Create(args);\n" + statements + "\napp.Run();\n";
        var compilation = CSharpCompilation.Create(
            "Probe",
            [CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Preview))],
            AnalyzerTest.References,
            new CSharpCompilationOptions(OutputKind.ConsoleApplication));
        var analyzers = compilation.WithAnalyzers([new EndpointGuardAnalyzer()], new CompilationWithAnalyzersOptions(
            new AnalyzerOptions([]), onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: false));
        var diagnostics = await analyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None);
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
    }
}
