using System.Collections.Immutable;
using System.Diagnostics;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using SessionAuth.Generators.Analyzers;
using SessionAuth.Testing;

namespace SessionAuth.Benchmarks.Scale;

/// <summary>SAUTH0001's time on one synthetic program, beside the time the same program takes to compile without analyzers.</summary>
internal sealed record AnalyzerMeasurement(string Shape, int Count, double AnalyzerMs, double CompileMs, int Diagnostics);

/// <summary>
/// Times the endpoint analyzer in process (<see cref="CompilationWithAnalyzers"/> with execution-time logging, the time
/// Roslyn charges to the analyzer), on programs that stress how it follows route groups across methods and writes:
/// <list type="bullet">
/// <item><c>helpers</c>: N endpoints, each mapped in a helper of its own on a guarded group passed to it;</item>
/// <item><c>returned-chain</c>: a group passed through N helpers, each returning the next one's result, the last its parameter;</item>
/// <item><c>reassigned-local</c>: one local assigned N guarded groups in turn, an endpoint mapped through it after each.</item>
/// </list>
/// The peer is the same compilation emitted without analyzers, in the same run, so the ratio says what the rule adds to a build.
/// </summary>
internal static class AnalyzerTiming
{
    public static readonly string[] Shapes = ["helpers", "returned-chain", "reassigned-local"];

    private static readonly CSharpParseOptions ParseOptions = CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Preview);

    private static readonly ImmutableArray<MetadataReference> References =
        [.. ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator).Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))];

    /// <summary>The median of three runs, each on a fresh compilation (no semantic model or analyzer state carried over).</summary>
    public static AnalyzerMeasurement Measure(string shape, int count)
    {
        var source = Program(shape, count);
        var runs = Enumerable.Range(0, 3).Select(_ => MeasureOnce(shape, count, source)).ToArray();
        return new AnalyzerMeasurement(
            shape, count, Median(runs.Select(r => r.AnalyzerMs)), Median(runs.Select(r => r.CompileMs)), runs[0].Diagnostics);
    }

    public static string Program(string shape, int count)
    {
        var source = new StringBuilder("var app = WebApplication.Create(args);\n");
        switch (shape)
        {
            case "helpers":
                source.Append("var api = app.MapGroup(\"/api\").RequireAuthorization();\n");
                for (var i = 0; i < count; i++)
                {
                    source.Append("Endpoints.Map").Append(i).Append("(api);\n");
                }

                source.Append("app.Run();\n\nstatic class Endpoints\n{\n");
                for (var i = 0; i < count; i++)
                {
                    source.Append("    public static void Map").Append(i).Append("(RouteGroupBuilder group) => group.MapGet(\"/e").Append(i).Append("\", () => \"").Append(i).Append("\");\n");
                }

                break;
            case "returned-chain":
                source.Append("Chain.R0(app.MapGroup(\"/api\")).RequireAuthorization().MapGet(\"/x\", () => \"x\");\napp.Run();\n\nstatic class Chain\n{\n");
                for (var i = 0; i < count; i++)
                {
                    source.Append("    public static RouteGroupBuilder R").Append(i).Append("(RouteGroupBuilder g) => ").Append(i + 1 < count ? $"R{i + 1}(g);\n" : "g;\n");
                }

                break;
            case "reassigned-local":
                source.Append("var g = app.MapGroup(\"/g0\").RequireAuthorization();\ng.MapGet(\"/0\", () => \"0\");\n");
                for (var i = 1; i < count; i++)
                {
                    source.Append("g = app.MapGroup(\"/g").Append(i).Append("\").RequireAuthorization();\ng.MapGet(\"/").Append(i).Append("\", () => \"").Append(i).Append("\");\n");
                }

                source.Append("app.Run();\n\nstatic class Unused\n{\n");
                break;
            default:
                throw new ArgumentException($"unknown shape {shape}", nameof(shape));
        }

        return source.Append("}\n").ToString();
    }

    private static AnalyzerMeasurement MeasureOnce(string shape, int count, string source)
    {
        var compile = Stopwatch.StartNew();
        var emitted = Compilation(source).Emit(Stream.Null);
        var compileMs = compile.Elapsed.TotalMilliseconds;
        if (!emitted.Success)
        {
            throw new InvalidOperationException($"{shape} N={count} does not compile: {emitted.Diagnostics.First(d => d.Severity == DiagnosticSeverity.Error)}");
        }

        var analyzer = new EndpointGuardAnalyzer();
        var analyzers = Compilation(source).WithAnalyzers([analyzer], new CompilationWithAnalyzersOptions(
            new AnalyzerOptions([]), onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: true, reportSuppressedDiagnostics: false));
        var result = analyzers.GetAnalysisResultAsync(CancellationToken.None).GetAwaiter().GetResult();
        var diagnostics = result.GetAllDiagnostics().Count(d => d.Id.StartsWith("SAUTH", StringComparison.Ordinal) || d.Id == "AD0001");
        return new AnalyzerMeasurement(shape, count, result.AnalyzerTelemetryInfo[analyzer].ExecutionTime.TotalMilliseconds, compileMs, diagnostics);
    }

    private static CSharpCompilation Compilation(string source) => CSharpCompilation.Create(
        "AnalyzerScale",
        [CSharpSyntaxTree.ParseText(source, ParseOptions, "Program.cs"), CSharpSyntaxTree.ParseText(WebSdkUsings.GlobalUsings, ParseOptions, "GlobalUsings.cs")],
        References,
        new CSharpCompilationOptions(OutputKind.ConsoleApplication));

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.OrderBy(v => v).ToArray();
        return sorted[sorted.Length / 2];
    }
}
