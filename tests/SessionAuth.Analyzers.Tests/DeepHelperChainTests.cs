using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using SessionAuth.Generators.Analyzers;

namespace SessionAuth.Analyzers.Tests;

/// <summary>
/// SAUTH0001 through helper chains and rings thousands of methods deep, analysed on a thread with the stack a compiler's
/// worker thread has: the analysis never overflows the stack (which would crash the compiler and break the build), and
/// where the chain is too deep to follow the rule reports the endpoints it maps rather than stay silent.
/// </summary>
public sealed class DeepHelperChainTests
{
    /// <summary>The stack of a thread the compiler runs analyzers on: 1 MB on Windows, the smallest any host gives.</summary>
    private const int CompilerThreadStack = 1024 * 1024;

    public static TheoryData<string, int> Shapes => new()
    {
        { "chain", 1000 }, { "chain", 3000 }, { "ring", 1000 }, { "ring", 3000 }, { "returned", 1000 }, { "returned", 3000 },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void An_open_group_through_a_deep_helper_chain_reports_every_endpoint(string shape, int depth)
    {
        var diagnostics = Run(Program(shape, depth, guarded: false));
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        Assert.Equal(Endpoints(shape, depth), diagnostics.Count(d => d.Id == DiagnosticIds.EndpointWithoutGuardDecision));
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void A_guarded_group_through_a_deep_helper_chain_is_silent_or_reported_as_too_deep(string shape, int depth)
    {
        var diagnostics = Run(Program(shape, depth, guarded: true));
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        Assert.All(diagnostics.Where(d => d.Id == DiagnosticIds.EndpointWithoutGuardDecision), d => Assert.Contains("too deep", d.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
    }

    /// <summary>
    /// A group guarded (or not) by the last of a chain of helpers each passing it to the next: the chain is read in pieces
    /// as deep as the stack allows; the guard at its end is credited, or, where the stack still runs short, the endpoint is
    /// reported as too deep to follow: never a crash, and never silence for the open chain.
    /// </summary>
    [Theory]
    [InlineData(1000)]
    [InlineData(3000)]
    public void A_guard_at_the_end_of_a_deep_helper_chain_is_credited_or_reported_as_too_deep(int depth)
    {
        var guarded = Run(GuardChain(depth, guarded: true));
        Assert.DoesNotContain(guarded, d => d.Id == "AD0001");
        Assert.All(guarded.Where(d => d.Id == DiagnosticIds.EndpointWithoutGuardDecision), d =>
            Assert.Contains("too deep", d.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));

        var open = Run(GuardChain(depth, guarded: false));
        Assert.Single(open, d => d.Id == DiagnosticIds.EndpointWithoutGuardDecision);
    }

    private static string GuardChain(int depth, bool guarded)
    {
        var source = new StringBuilder("var app = WebApplication.Create(args);\nvar group = app.MapGroup(\"/b\");\nH.G0(group);\n")
            .Append("group.MapGet(\"/x\", () => \"x\");\napp.Run();\nstatic class H\n{\n");
        for (var i = 0; i < depth; i++)
        {
            source.Append("    public static void G").Append(i).Append("(RouteGroupBuilder g) => ")
                .Append(i + 1 < depth ? $"G{i + 1}(g);\n" : guarded ? "g.RequireAuthorization();\n" : "g.WithTags(\"t\");\n");
        }

        return source.Append("}\n").ToString();
    }

    private static int Endpoints(string shape, int depth) => shape == "returned" ? 1 : depth;

    private static string Program(string shape, int depth, bool guarded)
    {
        var group = guarded ? "app.MapGroup(\"/b\").RequireAuthorization()" : "app.MapGroup(\"/b\")";
        var source = new StringBuilder("var app = WebApplication.Create(args);\n");
        if (shape == "returned")
        {
            source.Append("H.R0(").Append(group).Append(").MapGet(\"/x\", () => \"x\");\napp.Run();\nstatic class H\n{\n");
            for (var i = 0; i < depth; i++)
            {
                source.Append("    public static RouteGroupBuilder R").Append(i).Append("(RouteGroupBuilder g) => ")
                    .Append(i + 1 < depth ? $"R{i + 1}(g);\n" : "g;\n");
            }
        }
        else
        {
            source.Append("H.M0(").Append(group).Append(");\napp.Run();\nstatic class H\n{\n");
            for (var i = 0; i < depth; i++)
            {
                var next = i + 1 < depth ? $" M{i + 1}(g);" : shape == "ring" ? " M0(g);" : "";
                source.Append("    public static void M").Append(i).Append("(RouteGroupBuilder g) { g.MapGet(\"/").Append(i).Append("\", () => \"x\");").Append(next).Append(" }\n");
            }
        }

        return source.Append("}\n").ToString();
    }

    internal static ImmutableArray<Diagnostic> Run(string program)
    {
        var compilation = CSharpCompilation.Create(
            "Deep",
            [CSharpSyntaxTree.ParseText(AnalyzerTest.Usings + program, new CSharpParseOptions(LanguageVersion.Preview))],
            AnalyzerTest.References,
            new CSharpCompilationOptions(OutputKind.ConsoleApplication));
        var diagnostics = ImmutableArray<Diagnostic>.Empty;
        var thread = new Thread(
            () =>
            {
                var analyzers = compilation.WithAnalyzers([new EndpointGuardAnalyzer()], new CompilationWithAnalyzersOptions(
                    new AnalyzerOptions([]), onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: false));
                diagnostics = analyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult();
            },
            CompilerThreadStack);
        thread.Start();
        thread.Join();
        return diagnostics;
    }
}
