using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using SessionAuth.Generators.Analyzers;

namespace SessionAuth.Generators.Tests;

/// <summary>A Razor component's generated C#, compiled as Razor's source generator or as a file of the project, with SessionAuth's generator and analyzers.</summary>
internal static class RazorHarness
{
    /// <summary>Stands in for the Razor SDK's source generator, whose output no other generator sees.</summary>
    private sealed class RazorLikeGenerator(string hintName, string component) : IIncrementalGenerator
    {
        public void Initialize(IncrementalGeneratorInitializationContext context) =>
            context.RegisterSourceOutput(context.AdditionalTextsProvider.Collect(), (output, _) => output.AddSource(hintName, SourceText.From(component, System.Text.Encoding.UTF8)));
    }

    /// <summary>
    /// Runs SessionAuth's generator and every SessionAuth analyzer over <paramref name="component"/> (a file of the project
    /// when Razor does not generate it, otherwise the output of a Razor-like generator) and <paramref name="projectFiles"/>.
    /// </summary>
    public static async Task<(Compilation Output, string SessionAuthFiles, ImmutableArray<Diagnostic> Diagnostics)> RunAsync(
        string component, bool razorGenerates, params (string Path, string Text)[] projectFiles)
    {
        var trees = projectFiles.Select(static f => CSharpSyntaxTree.ParseText(f.Text, GeneratorHarness.ParseOptions, path: f.Path)).ToList();
        if (!razorGenerates)
        {
            trees.Add(CSharpSyntaxTree.ParseText(component, GeneratorHarness.ParseOptions, path: "obj/Razor/Component.g.cs"));
        }

        var compilation = CSharpCompilation.Create(
            "RazorLib",
            trees,
            SessionAuth.Testing.FrameworkReferences.All.Add(GeneratorHarness.RuntimeReference),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        ISourceGenerator[] generators = razorGenerates
            ? [new ServerFunctionGenerator().AsSourceGenerator(), new RazorLikeGenerator("Component_razor.g.cs", component).AsSourceGenerator()]
            : [new ServerFunctionGenerator().AsSourceGenerator()];
        var driver = CSharpGeneratorDriver.Create(generators, parseOptions: GeneratorHarness.ParseOptions)
            .RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        Assert.Empty(generatorDiagnostics);
        var sessionAuthFiles = string.Join("\n", driver.GetRunResult().Results
            .Single(static r => r.Generator.GetGeneratorType() == typeof(ServerFunctionGenerator))
            .GeneratedSources.Select(static s => s.SourceText.ToString()));
        var analyzers = typeof(SessionAuthAnalyzer).Assembly.GetTypes()
            .Where(static t => !t.IsAbstract && t.GetCustomAttributes(typeof(DiagnosticAnalyzerAttribute), inherit: false).Length > 0)
            .Select(static t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToImmutableArray();
        var diagnostics = await output.WithAnalyzers(analyzers).GetAnalyzerDiagnosticsAsync();
        return (output, sessionAuthFiles, diagnostics);
    }
}
