using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SessionAuth.Testing;

namespace SessionAuth.Generators.Tests;

/// <summary>
/// Projects that see another project's internals (<c>InternalsVisibleTo</c>), as test projects do. The
/// generator must neither break their build nor drop the server functions they declare themselves.
/// </summary>
public sealed class FriendAssemblyTests
{
    private const string App = """
        using SessionAuth;

        [assembly: System.Runtime.CompilerServices.InternalsVisibleTo("App.Tests")]

        namespace {0};

        [SessionData]
        public sealed record UserSession(int UserId);

        [Microsoft.AspNetCore.Authorization.AllowAnonymous]
        public static class Orders
        {
            [ServerFunction("/{0}/count")] public static int Count() => 1;
        }
        """;

    [Fact]
    public void A_test_project_that_sees_the_apps_internals_and_declares_a_server_function_maps_it_too()
    {
        var app = Library("App", App.Replace("{0}", "App", StringComparison.Ordinal), []);
        var tests = Build("App.Tests", """
            using Microsoft.AspNetCore.Builder;
            using SessionAuth;

            namespace App.Tests;

            [Microsoft.AspNetCore.Authorization.AllowAnonymous]
            public static class TestOnly
            {
                [ServerFunction("/test-only/reset")] public static int Reset() => 0;
            }

            public static class TestHost
            {
                public static void Map(WebApplication app) => app.MapServerFunctions();
            }
            """, [app]);

        Assert.True(tests.Problems.Count == 0, "App.Tests does not compile cleanly:\n" + string.Join("\n", tests.Problems));
        Assert.True(tests.Generated.Contains("TestOnly.Reset", StringComparison.Ordinal), "TestOnly.Reset is in no generated file: the test project's own server function is silently not mapped");
    }

    [Fact]
    public void A_test_project_that_sees_the_internals_of_two_apps_builds()
    {
        var one = Library("App.One", App.Replace("{0}", "AppOne", StringComparison.Ordinal), []);
        var two = Library("App.Two", App.Replace("{0}", "AppTwo", StringComparison.Ordinal), []);
        var tests = Build("App.Tests", """
            using Microsoft.AspNetCore.Builder;
            using SessionAuth;

            namespace App.Tests;

            public static class TestHost
            {
                public static void Map(WebApplication app) => app.MapServerFunctions();
            }
            """, [one, two]);

        Assert.True(tests.Problems.Count == 0, "App.Tests does not compile cleanly:\n" + string.Join("\n", tests.Problems));
    }

    /// <summary>
    /// The test project's own <c>MapServerFunctions()</c> maps both apps' server functions through their entry methods,
    /// and wins over theirs whatever the receiver's static type (C# ranks theirs, with an optional parameter, below it).
    /// </summary>
    [Fact]
    public void A_test_project_that_sees_two_apps_maps_both_apps_functions_from_any_builder()
    {
        var one = Library("App.One", App.Replace("{0}", "AppOne", StringComparison.Ordinal), []);
        var two = Library("App.Two", App.Replace("{0}", "AppTwo", StringComparison.Ordinal), []);
        var tests = Build("App.Tests", """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Routing;
            using SessionAuth;

            namespace App.Tests;

            public static class TestHost
            {
                public static IEndpointConventionBuilder OnTheApp(WebApplication app) => app.MapServerFunctions();

                public static IEndpointConventionBuilder OnAnyBuilder(IEndpointRouteBuilder endpoints) => endpoints.MapServerFunctions();

                public static IEndpointConventionBuilder OnAGroup(RouteGroupBuilder group) => group.MapServerFunctions();
            }
            """, [one, two]);

        Assert.True(tests.Problems.Count == 0, "App.Tests does not compile cleanly:\n" + string.Join("\n", tests.Problems));
        Assert.Contains(FriendAssemblyCompiler.EntryCall("App.One"), tests.Generated, StringComparison.Ordinal);
        Assert.Contains(FriendAssemblyCompiler.EntryCall("App.Two"), tests.Generated, StringComparison.Ordinal);
    }

    private static readonly string[] NamesAlikeAsIdentifiers = ["App.One", "App_One", "App-One", "App One"];

    [Fact]
    public void Assemblies_whose_names_differ_only_in_characters_an_identifier_cannot_hold_get_different_entry_methods()
    {
        var names = NamesAlikeAsIdentifiers.Select(Parsing.ReferencedMaps.EntryMethodName).ToList();

        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
        Assert.All(names, static name => Assert.True(Microsoft.CodeAnalysis.CSharp.SyntaxFacts.IsValidIdentifier(name), name));
    }

    /// <summary>Compiles an app with the generator, as a reference for the test project.</summary>
    private static MetadataReference Library(string assemblyName, string source, ImmutableArray<MetadataReference> references) =>
        Compile(assemblyName, source, references).Image ?? throw new InvalidOperationException(assemblyName + " does not emit");

    /// <summary>Runs the generator on <paramref name="source"/>: the emitted image, every warning or error, and the generated text.</summary>
    private static (MetadataReference? Image, List<string> Problems, string Generated) Compile(string assemblyName, string source, ImmutableArray<MetadataReference> references)
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
        using var image = new MemoryStream();
        var emitted = output.Emit(image).Success;
        var generated = string.Join("\n", driver.GetRunResult().Results.Single().GeneratedSources.Select(s => s.SourceText.ToString()));
        return (emitted ? MetadataReference.CreateFromImage(image.ToArray()) : null, problems, generated);
    }

    /// <summary>Compiles the test project with the generator.</summary>
    private static (List<string> Problems, string Generated) Build(string assemblyName, string source, MetadataReference[] references)
    {
        var (_, problems, generated) = Compile(assemblyName, source, [.. references]);
        return (problems, generated);
    }
}
