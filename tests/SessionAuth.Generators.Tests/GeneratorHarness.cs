using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SessionAuth.Generators.Emitting;
using SessionAuth.Testing;

namespace SessionAuth.Generators.Tests;

/// <summary>Runs the generator on source text the way the compiler does, and checks what every run must satisfy.</summary>
internal static class GeneratorHarness
{
    internal static readonly CSharpParseOptions ParseOptions = CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Latest);

    /// <summary>Every tracking name the generator declares: each step must be tracked, unless a test says it is absent.</summary>
    internal static readonly string[] TrackedSteps = typeof(TrackingNames)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(static field => field.IsLiteral)
        .Select(static field => (string)field.GetRawConstantValue()!)
        .ToArray();

    internal static readonly MetadataReference RuntimeReference = MetadataReference.CreateFromFile(typeof(ServerFunctionAttribute).Assembly.Location);

    public static CSharpCompilation CreateCompilation(string source, bool referenceRuntime = true) =>
        CSharpCompilation.Create(
            "Shop",
            [CSharpSyntaxTree.ParseText(source, ParseOptions, path: "Functions.cs")],
            referenceRuntime ? FrameworkReferences.All.Add(RuntimeReference) : FrameworkReferences.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, allowUnsafe: true));

    public static CSharpGeneratorDriver CreateDriver() => CSharpGeneratorDriver.Create(
        [new ServerFunctionGenerator().AsSourceGenerator()],
        parseOptions: ParseOptions,
        driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>
    /// Runs the generator on <paramref name="source"/> and returns what it wrote, after checking that the output compiles
    /// without errors or warnings, and that after an unrelated edit every tracked step ran and is cached, apart from
    /// <paramref name="absentSteps"/>, which must not have run at all (a source without session data has no
    /// <see cref="TrackingNames.ImmutableSessionData"/> step, for one).
    /// </summary>
    public static GeneratorRun Run(string source, bool referenceRuntime = true, params string[] absentSteps)
    {
        var compilation = CreateCompilation(source, referenceRuntime);
        GeneratorDriver driver = CreateDriver();

        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        var result = driver.GetRunResult().Results.Single();
        Assert.Empty(generatorDiagnostics);
        Assert.Null(result.Exception);
        AssertCompilesCleanly(output);

        AssertCachedAfterUnrelatedEdit(driver, compilation, absentSteps);
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

    private static void AssertCachedAfterUnrelatedEdit(GeneratorDriver driver, Compilation compilation, string[] absentSteps)
    {
        Assert.All(absentSteps, step => Assert.Contains(step, TrackedSteps));
        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace Unrelated { internal static class Edit { public const int Value = 1; } }", ParseOptions, path: "Unrelated.cs"));
        var rerun = driver.RunGenerators(edited).GetRunResult().Results.Single();

        foreach (var stepName in TrackedSteps)
        {
            var tracked = rerun.TrackedSteps.TryGetValue(stepName, out var steps);
            if (absentSteps.Contains(stepName))
            {
                Assert.False(tracked, $"Step {stepName} ran, but the test says it is absent.");
                continue;
            }

            Assert.True(tracked, $"Step {stepName} is missing from the run: is its WithTrackingName lost, or is it absent for this source (say so)?");
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

    /// <summary>
    /// Whether a file is one that every assembly gets whatever its functions are (<c>MapServerFunctions()</c>, the
    /// immutable session data declaration, the session rules' registration): one test approves each, the others leave them
    /// out of their snapshots.
    /// </summary>
    public static bool IsSharedFile(string hintName) =>
        hintName == "ServerFunctions.Map.g.cs" || hintName == TypeScriptClientEmitter.HintName || hintName.StartsWith("SessionData.", StringComparison.Ordinal) || hintName.StartsWith("SessionRules.", StringComparison.Ordinal);

    /// <summary>The generated files that <paramref name="include"/> accepts, each under a line naming it, for one approved snapshot.</summary>
    public string Text(Func<string, bool> include) =>
        string.Concat(Sources.Where(s => include(s.HintName)).Select(s => $"//----- {s.HintName}\n{s.SourceText}"));

    /// <summary>
    /// The generated client of the run without its shared core (which <see cref="IsSharedFile"/> approves once): the
    /// declarations and the module as the constants of <see cref="TypeScriptClientEmitter.HintName"/> hold them.
    /// </summary>
    public string ClientText()
    {
        var file = Sources.Single(static s => s.HintName == TypeScriptClientEmitter.HintName);
        var constants = file.SyntaxTree.GetRoot().DescendantNodes()
            .OfType<Microsoft.CodeAnalysis.CSharp.Syntax.VariableDeclaratorSyntax>()
            .ToDictionary(static v => v.Identifier.ValueText, static v => v.Initializer!.Value.GetFirstToken().ValueText);
        return "//----- client.d.ts\n" + WithoutCore(constants[TypeScriptClientEmitter.DeclarationsConstant], TypeScriptClientEmitter.CoreDeclarations)
            + "//----- client.js\n" + WithoutCore(constants[TypeScriptClientEmitter.ScriptConstant], TypeScriptClientEmitter.CoreScript);

        static string WithoutCore(string text, string core)
        {
            Assert.StartsWith(core + "\n", text, StringComparison.Ordinal);
            return text.Substring(core.Length + 1).TrimStart('\n');
        }
    }

    public IEnumerable<object?> TrackedValues(string stepName) =>
        Result.TrackedSteps.TryGetValue(stepName, out var steps)
            ? steps.SelectMany(step => step.Outputs).Select(output => output.Value)
            : [];
}
