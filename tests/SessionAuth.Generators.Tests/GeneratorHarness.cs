using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace SessionAuth.Generators.Tests;

/// <summary>Runs the generator on source text the way the compiler does, and checks what every run must satisfy.</summary>
internal static class GeneratorHarness
{
    internal static readonly CSharpParseOptions ParseOptions = CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Latest);

    private static readonly string[] TrackedSteps = [TrackingNames.ServerFunctions, TrackingNames.DeclaringTypes, TrackingNames.EndpointShapes, TrackingNames.MapEntries, TrackingNames.ReferencesRuntime, TrackingNames.ImmutableSessionData];

    /// <summary>The framework this test runs on (ASP.NET Core included), plus the SessionAuth runtime.</summary>
    internal static readonly ImmutableArray<MetadataReference> FrameworkReferences =
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(path => Path.GetFileName(path) is var name && (name.StartsWith("System.", StringComparison.Ordinal) || name.StartsWith("Microsoft.AspNetCore.", StringComparison.Ordinal) || name.StartsWith("Microsoft.Extensions.", StringComparison.Ordinal) || name is "netstandard.dll" or "mscorlib.dll"))
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray();

    internal static readonly MetadataReference RuntimeReference = MetadataReference.CreateFromFile(typeof(ServerFunctionAttribute).Assembly.Location);

    public static CSharpCompilation CreateCompilation(string source, bool referenceRuntime = true) =>
        CSharpCompilation.Create(
            "Shop",
            [CSharpSyntaxTree.ParseText(source, ParseOptions, path: "Functions.cs")],
            referenceRuntime ? FrameworkReferences.Add(RuntimeReference) : FrameworkReferences,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, allowUnsafe: true));

    public static CSharpGeneratorDriver CreateDriver() => CSharpGeneratorDriver.Create(
        [new ServerFunctionGenerator().AsSourceGenerator()],
        parseOptions: ParseOptions,
        driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>
    /// Runs the generator on <paramref name="source"/> and returns what it wrote, after checking that the input compiles,
    /// the output compiles without errors or warnings, and an unrelated edit leaves every tracked step cached.
    /// </summary>
    public static GeneratorRun Run(string source, bool referenceRuntime = true)
    {
        var compilation = CreateCompilation(source, referenceRuntime);
        GeneratorDriver driver = CreateDriver();

        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        var result = driver.GetRunResult().Results.Single();
        Assert.Empty(generatorDiagnostics);
        Assert.Null(result.Exception);
        AssertCompilesCleanly(output);

        AssertCachedAfterUnrelatedEdit(driver, compilation);
        return new GeneratorRun(result);
    }

    private static void AssertCompilesCleanly(Compilation output)
    {
        var problems = output.GetDiagnostics()
            .Where(d => d.Severity >= DiagnosticSeverity.Warning)
            .Select(d => $"{d.Id} {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)} at {d.Location.SourceTree?.FilePath}:{d.Location.GetLineSpan().StartLinePosition}")
            .ToList();
        Assert.True(problems.Count == 0, "The generated code does not compile cleanly:\n" + string.Join("\n", problems));
    }

    private static void AssertCachedAfterUnrelatedEdit(GeneratorDriver driver, Compilation compilation)
    {
        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace Unrelated { internal static class Edit { public const int Value = 1; } }", ParseOptions, path: "Unrelated.cs"));
        var rerun = driver.RunGenerators(edited).GetRunResult().Results.Single();

        foreach (var stepName in TrackedSteps)
        {
            if (!rerun.TrackedSteps.TryGetValue(stepName, out var steps))
            {
                continue;
            }

            foreach (var output in steps.SelectMany(step => step.Outputs))
            {
                Assert.True(
                    output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
                    $"Step {stepName} produced {output.Reason} after an unrelated edit.");
            }
        }

        foreach (var output in rerun.TrackedOutputSteps.SelectMany(step => step.Value).SelectMany(step => step.Outputs))
        {
            Assert.True(output.Reason == IncrementalStepRunReason.Cached, $"A source output produced {output.Reason} after an unrelated edit.");
        }
    }
}

internal sealed class GeneratorRun(GeneratorRunResult result)
{
    public GeneratorRunResult Result { get; } = result;

    public IReadOnlyList<GeneratedSourceResult> Sources { get; } = result.GeneratedSources.OrderBy(s => s.HintName, StringComparer.Ordinal).ToList();

    /// <summary>Every generated file, each under a line naming it, for one approved snapshot per test.</summary>
    public string Text => string.Concat(Sources.Select(s => $"//----- {s.HintName}\n{s.SourceText}"));

    public IEnumerable<object?> TrackedValues(string stepName) =>
        Result.TrackedSteps.TryGetValue(stepName, out var steps)
            ? steps.SelectMany(step => step.Outputs).Select(output => output.Value)
            : [];
}
