using System.Collections.Immutable;
using System.Diagnostics;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using SessionAuth.Testing;

namespace SessionAuth.Benchmarks.Scale;

/// <summary>One generator over one synthetic compilation: a full run, then a run after an unrelated one-line edit.</summary>
internal sealed record DriverMeasurement(string Generator, int Count, int GeneratedFiles, double FullRunMs, long FullRunAllocatedBytes, double EditRunMs, string EditStepReasons);

/// <summary>Times generators in process with Roslyn's driver, the way the IDE runs them on every keystroke.</summary>
internal static class DriverTiming
{

    private static readonly CSharpParseOptions ParseOptions = CSharpParseOptions.Default
        .WithLanguageVersion(LanguageVersion.Preview)
        .WithPreprocessorSymbols("WITH_GENERATOR")
        .WithFeatures([new("InterceptorsNamespaces", "Microsoft.AspNetCore.Http.Generated;SessionAuth.Generated")]);

    private static readonly ImmutableArray<MetadataReference> References =
        [.. ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator).Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))];

    public static IIncrementalGenerator SessionAuthGenerator() => new SessionAuth.Generators.ServerFunctionGenerator();

    /// <summary>
    /// Roslyn's share of a run: the same attribute lookup over the same compilation, with nothing parsed or written.
    /// What SessionAuth takes beyond it is its own work.
    /// </summary>
    public static IIncrementalGenerator BaselineGenerator() => new AttributeLookupOnly();

    /// <summary>ASP.NET Core's Request Delegate Generator, from the SDK's targeting pack as builds load it.</summary>
    public static ISourceGenerator RequestDelegateGenerator()
    {
        var dotnetRoot = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "..", "..", ".."));
        var pack = Directory.GetDirectories(Path.Combine(dotnetRoot, "packs", "Microsoft.AspNetCore.App.Ref"))
            .OrderBy(directory => Version.Parse(Path.GetFileName(directory).Split('-')[0]))
            .Last();
        var path = Path.Combine(pack, "analyzers", "dotnet", "cs", "Microsoft.AspNetCore.Http.RequestDelegateGenerator.dll");
        return new AnalyzerFileReference(path, new FrameworkAssemblyLoader()).GetGenerators(LanguageNames.CSharp).Single();
    }

    public static DriverMeasurement Measure(string name, ISourceGenerator generator, IEnumerable<(string Name, string Text)> sources, int count)
    {
        var trees = sources.Select(source => CSharpSyntaxTree.ParseText(source.Text, ParseOptions, source.Name))
            .Append(CSharpSyntaxTree.ParseText(WebSdkUsings.GlobalUsings, ParseOptions, "GlobalUsings.cs"))
            .ToList();
        var compilation = CSharpCompilation.Create(
            "Synthetic",
            trees,
            References,
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));

        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            [generator],
            parseOptions: ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: Environment.GetEnvironmentVariable("SCALE_NO_TRACKING") is null));

        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var stopwatch = Stopwatch.StartNew();
        driver = driver.RunGenerators(compilation);
        var fullRun = stopwatch.Elapsed.TotalMilliseconds;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        var generatedFiles = driver.GetRunResult().Results.Single().GeneratedSources.Length;

        var unrelated = trees.Single(tree => tree.FilePath == SyntheticProjects.UnrelatedFile);
        var edited = compilation.ReplaceSyntaxTree(unrelated, CSharpSyntaxTree.ParseText(SyntheticProjects.UnrelatedSource(1), ParseOptions, unrelated.FilePath));
        stopwatch.Restart();
        driver = driver.RunGenerators(edited);
        var editRun = stopwatch.Elapsed.TotalMilliseconds;

        return new DriverMeasurement(name, count, generatedFiles, fullRun, allocated, editRun, DescribeReasons(driver.GetRunResult().Results.Single()));
    }

    /// <summary>How each output step answered the edit, e.g. <c>Cached 5000, Modified 1</c>: anything but Cached or Unchanged is work redone.</summary>
    private static string DescribeReasons(GeneratorRunResult result)
    {
        var reasons = result.TrackedOutputSteps
            .SelectMany(step => step.Value)
            .SelectMany(run => run.Outputs)
            .GroupBy(output => output.Reason)
            .OrderBy(group => group.Key)
            .Select(group => $"{group.Key} {group.Count()}");
        return string.Join(", ", reasons);
    }

    private sealed class AttributeLookupOnly : IIncrementalGenerator
    {
        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            var found = context.SyntaxProvider
                .ForAttributeWithMetadataName("SessionAuth.ServerFunctionAttribute", static (node, _) => node is Microsoft.CodeAnalysis.CSharp.Syntax.MethodDeclarationSyntax, static (attribute, _) => attribute.TargetSymbol.Name)
                .WithTrackingName("Lookup");
            context.RegisterSourceOutput(found.Collect(), static (_, _) => { });
        }
    }

    private sealed class FrameworkAssemblyLoader : IAnalyzerAssemblyLoader
    {
        public void AddDependencyLocation(string fullPath)
        {
        }

        public Assembly LoadFromPath(string fullPath) => Assembly.LoadFrom(fullPath);
    }
}
