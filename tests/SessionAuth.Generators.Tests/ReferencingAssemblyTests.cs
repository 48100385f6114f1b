using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SessionAuth.Testing;

namespace SessionAuth.Generators.Tests;

/// <summary>
/// Two assemblies that both reference SessionAuth, compiled in memory with the generator as a build would: an app, and a
/// test project that references it and maps its server functions on a test host with <c>app.MapServerFunctions()</c>.
/// </summary>
public sealed class ReferencingAssemblyTests
{
    private const string App = """
        using SessionAuth;

        {0}

        namespace App;

        [SessionData]
        public sealed record UserSession(int UserId);

        [RequireSession]
        public static class Orders
        {
            [ServerFunction] public static int Count() => 1;
        }
        """;

    private const string TestProject = """
        using Microsoft.AspNetCore.Builder;
        using SessionAuth;

        namespace App.Tests;

        public static class TestHost
        {
            public static void Map(WebApplication app) => app.MapServerFunctions();
        }
        """;

    [Fact]
    public void A_test_project_that_sees_the_apps_internals_maps_the_apps_server_functions()
    {
        var app = Build("App", App.Replace("{0}", "[assembly: System.Runtime.CompilerServices.InternalsVisibleTo(\"App.Tests\")]", StringComparison.Ordinal), []);
        var tests = Build("App.Tests", TestProject, [app.Image]);

        // Its own map, in a namespace of its own, maps the app's functions through the app's entry method.
        Assert.Equal([ClientFile, MapFile], tests.GeneratedHintNames);
        Assert.Equal("App.Tests", tests.MapServerFunctionsAssembly);
        Assert.Contains(FriendAssemblyCompiler.EntryCall("App"), tests.Generated, StringComparison.Ordinal);
    }

    [Fact]
    public void A_project_that_sees_no_other_MapServerFunctions_gets_its_own()
    {
        var app = Build("App", App.Replace("{0}", string.Empty, StringComparison.Ordinal), []);
        var tests = Build("App.Tests", TestProject, [app.Image]);

        Assert.Equal([ClientFile, MapFile], tests.GeneratedHintNames);
        Assert.Equal("App.Tests", tests.MapServerFunctionsAssembly);
    }

    private const string MapFile = "ServerFunctions.Map.g.cs";
    private const string ClientFile = "ServerFunctions.Client.g.cs";

    /// <summary>Runs the generator on <paramref name="source"/>, checks that the result compiles without a warning, and emits it.</summary>
    private static Built Build(string assemblyName, string source, ImmutableArray<MetadataReference> references)
    {
        var compilation = CSharpCompilation.Create(
            assemblyName,
            [CSharpSyntaxTree.ParseText(source, GeneratorHarness.ParseOptions, path: assemblyName + ".cs")],
            FrameworkReferences.All.Add(GeneratorHarness.RuntimeReference).AddRange(references),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var driver = GeneratorHarness.CreateDriver().RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);

        var problems = generatorDiagnostics.Concat(output.GetDiagnostics())
            .Where(d => d.Severity >= DiagnosticSeverity.Warning)
            .Select(d => $"{d.Id} {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)} at {d.Location.GetLineSpan()}")
            .ToList();
        Assert.True(problems.Count == 0, $"{assemblyName} does not compile cleanly:\n" + string.Join("\n", problems));

        using var image = new MemoryStream();
        Assert.True(output.Emit(image).Success);

        var call = output.SyntaxTrees.First()
            .GetRoot()
            .DescendantNodes()
            .OfType<InvocationExpressionSyntax>()
            .FirstOrDefault(i => i.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "MapServerFunctions" });
        var target = call is null ? null : output.GetSemanticModel(call.SyntaxTree).GetSymbolInfo(call).Symbol;

        return new Built(
            MetadataReference.CreateFromImage(image.ToArray()),
            driver.GetRunResult().Results.Single().GeneratedSources.Select(s => s.HintName).Order(StringComparer.Ordinal).ToList(),
            target?.ContainingAssembly.Name,
            string.Join("\n", driver.GetRunResult().Results.Single().GeneratedSources.Select(static s => s.SourceText.ToString())));
    }

    private sealed record Built(MetadataReference Image, List<string> GeneratedHintNames, string? MapServerFunctionsAssembly, string Generated);
}
