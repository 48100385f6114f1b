using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using SessionAuth.Generators.Analyzers;

namespace SessionAuth.Analyzers.Tests;

/// <summary>
/// Review of issue 21: code as it is while being typed, and odd but legal code, must never make the endpoint analyzer
/// throw (AD0001): an analyzer that throws reports nothing for the whole compilation.
/// </summary>
public sealed class AnalyzerRobustnessTests
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
        """app.MapControllers(); public class BrokenController : ControllerBase { public string Get( }""",
        """app.MapControllers(); public class CycleController : Base<CycleController> { } public abstract class Base<T> : ControllerBase where T : Base<T> { public string List() => ""; }""",
        """app.MapControllers(); public class SelfController : SelfController { }""",
        """app.MapControllers(); public partial class SplitController : ControllerBase { public partial string Get(); } public partial class SplitController { public partial string Get() => ""; }""",
        """app.MapControllers(); public record RecordController(int Id) { public string Get() => ""; }""",
        """Hubs.Map<Microsoft.AspNetCore.SignalR.Hub>(app); static class Hubs { public static void Map<T>(WebApplication a) where T : Microsoft.AspNetCore.SignalR.Hub => a.MapHub<T>("/h"); }""",
        """app.MapRazorComponents<Missing>();""",
        """Ui.Map<Ui>(app); class Ui : Microsoft.AspNetCore.Components.ComponentBase { public static void Map<T>(WebApplication a) where T : Microsoft.AspNetCore.Components.IComponent => a.MapRazorComponents<T>(); }""",
        """app.MapGet("/x", (Func<int>)(() => 1)).RequireAuthorization().RequireAuthorization(.WithMetadata();""",
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
    public async Task The_endpoint_analyzer_does_not_throw(string statements) =>
        Assert.DoesNotContain(await RunAsync(new EndpointGuardAnalyzer(), statements), d => d.Id == "AD0001");

    /// <summary>The harness sees an analyzer that throws: its exception comes back as AD0001.</summary>
    [Fact]
    public async Task The_harness_reports_an_analyzer_that_throws() =>
        Assert.Contains(await RunAsync(new Throwing(), """app.MapGet("/x", () => 1);"""), d => d.Id == "AD0001");

    private static async Task<System.Collections.Immutable.ImmutableArray<Diagnostic>> RunAsync(DiagnosticAnalyzer analyzer, string statements)
    {
        var source = AnalyzerTest.Usings + "var app = WebApplication.Create(args);\n" + statements + "\napp.Run();\n";
        var compilation = CSharpCompilation.Create(
            "Probe",
            [CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Preview))],
            AnalyzerTest.References,
            new CSharpCompilationOptions(OutputKind.ConsoleApplication));
        var analyzers = compilation.WithAnalyzers([analyzer], new CompilationWithAnalyzersOptions(
            new AnalyzerOptions([]), onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: false));
        return await analyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None);
    }

#pragma warning disable RS1001, RS1036, RS1025, RS1026, RS2008 // a throwaway analyzer for the harness check
    private sealed class Throwing : DiagnosticAnalyzer
    {
        private static readonly DiagnosticDescriptor Never = new("R21X", "never", "never", "Test", DiagnosticSeverity.Warning, isEnabledByDefault: true);

        public override System.Collections.Immutable.ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Never];

        public override void Initialize(AnalysisContext context) =>
            context.RegisterSyntaxTreeAction(_ => throw new InvalidOperationException("thrown on purpose"));
    }
#pragma warning restore RS1001, RS1036, RS1025, RS1026, RS2008
}
