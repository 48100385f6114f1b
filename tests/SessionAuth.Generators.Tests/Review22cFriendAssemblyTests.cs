using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SessionAuth.Testing;

namespace SessionAuth.Generators.Tests;

/// <summary>
/// Review 22c: projects that see other projects' internals, beyond review 22b's two apps — a project whose own types
/// move its generated namespace, an app that declares a type where another's entry class lives, four apps whose names
/// need escaping or differ only in case.
/// </summary>
public sealed class Review22cFriendAssemblyTests
{
    private const string App = """
        using SessionAuth;

        [assembly: System.Runtime.CompilerServices.InternalsVisibleTo("App.Tests")]

        namespace {0}
        {
            [Microsoft.AspNetCore.Authorization.AllowAnonymous]
            public static class Orders
            {
                [ServerFunction("/{0}/count")] public static int Count() => 1;
            }
        }
        """;

    private const string TestHost = """
        using SessionAuth;

        namespace App.Tests
        {
            public static class TestHost
            {
                public static Microsoft.AspNetCore.Builder.IEndpointConventionBuilder Map(Microsoft.AspNetCore.Routing.IEndpointRouteBuilder app) =>
                    app.MapServerFunctions();
            }
        }
        """;

    /// <summary>
    /// A test project with a type <c>SessionAuth.Generated</c> of its own: its generated code moves to
    /// <c>SessionAuth.Generated2</c>, yet its <c>MapServerFunctions()</c> still names the app's entry class as
    /// <c>global::SessionAuth.Generated.ServerFunctionsOf_App_…</c>, which now binds to the project's type.
    /// </summary>
    [Fact]
    public void A_test_project_with_a_type_named_like_the_generated_namespace_maps_the_apps_functions()
    {
        var app = Library("App", Of("App"));
        var tests = Compile("App.Tests", TestHost + """

            namespace SessionAuth
            {
                internal static class Generated { }
            }

            namespace App.Tests
            {
                [Microsoft.AspNetCore.Authorization.AllowAnonymous]
                public static class TestOnly
                {
                    [SessionAuth.ServerFunction("/test-only/reset")] public static int Reset() => 0;
                }
            }
            """, [app]);

        Assert.True(tests.Problems.Count == 0, "App.Tests does not compile cleanly:\n" + string.Join("\n", tests.Problems));
    }

    /// <summary>
    /// One app declares a type <c>SessionAuth.Generated</c> (its generated code moves to <c>SessionAuth.Generated2</c>);
    /// a test project that sees it and another app names the other's entry class through <c>SessionAuth.Generated</c>,
    /// which in the test project is both the first app's type and the second app's namespace.
    /// </summary>
    [Fact]
    public void A_test_project_that_sees_an_app_with_a_type_named_like_the_generated_namespace_and_another_app_builds()
    {
        var one = Library("App.One", Of("AppOne") + "\nnamespace SessionAuth { internal static class Generated { } }");
        var two = Library("App.Two", Of("AppTwo"));
        var tests = Compile("App.Tests", TestHost, [one, two]);

        Assert.True(tests.Problems.Count == 0, "App.Tests does not compile cleanly:\n" + string.Join("\n", tests.Problems));
    }

    private static readonly string[] HostileAssemblyNames = ["1App", "My-App.Web", "Äpp.Ünïcode", "app", "App", "App.𝔘"];

    /// <summary>Six apps, names digit-first, with dashes and dots, non-ASCII, astral, and two differing only in case: every one mapped.</summary>
    [Fact]
    public void A_test_project_that_sees_apps_whose_names_need_escaping_maps_each_of_them()
    {
        var apps = HostileAssemblyNames.Select((name, i) => Library(name, Of("App" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)))).ToArray();
        var tests = Compile("App.Tests", TestHost + """

            namespace App.Tests
            {
                [Microsoft.AspNetCore.Authorization.AllowAnonymous]
                public static class TestOnly
                {
                    [SessionAuth.ServerFunction("/test-only/reset")] public static int Reset() => 0;
                }
            }
            """, apps);

        Assert.True(tests.Problems.Count == 0, "App.Tests does not compile cleanly:\n" + string.Join("\n", tests.Problems));
        foreach (var name in HostileAssemblyNames)
        {
            Assert.Contains($"{Parsing.ReferencedMaps.EntryClassName(name)}.Map(group, services);", tests.Generated, StringComparison.Ordinal);
        }
    }

    /// <summary>
    /// <c>InternalsVisibleTo</c> with a public key, granted to a (publicly) signed test project that sees four apps and
    /// declares a server function of its own: every app's functions and its own mapped.
    /// </summary>
    [Fact]
    public void A_signed_test_project_granted_internals_by_public_key_sees_four_apps_and_maps_them_all()
    {
        var publicKey = typeof(Microsoft.AspNetCore.Http.HttpContext).Assembly.GetName().GetPublicKey()!;
        var grant = $"[assembly: System.Runtime.CompilerServices.InternalsVisibleTo(\"App.Tests, PublicKey={Convert.ToHexString(publicKey)}\")]";
        var names = new[] { "App.A", "App.B", "App.C", "App.D" };
        var apps = names.Select(name => Library(name, Of(name.Replace(".", string.Empty, StringComparison.Ordinal)).Replace(
            "[assembly: System.Runtime.CompilerServices.InternalsVisibleTo(\"App.Tests\")]", grant, StringComparison.Ordinal))).ToArray();
        var compilation = CSharpCompilation.Create(
            "App.Tests",
            [CSharpSyntaxTree.ParseText(TestHost + """

                namespace App.Tests
                {
                    [Microsoft.AspNetCore.Authorization.AllowAnonymous]
                    public static class TestOnly
                    {
                        [SessionAuth.ServerFunction("/test-only/reset")] public static int Reset() => 0;
                    }
                }
                """, GeneratorHarness.ParseOptions, path: "Source.cs")],
            FrameworkReferences.All.Add(GeneratorHarness.RuntimeReference).AddRange(apps),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable)
                .WithPublicSign(true).WithCryptoPublicKey([.. publicKey]));
        var driver = GeneratorHarness.CreateDriver().RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);
        var problems = output.GetDiagnostics().Where(static d => d.Severity >= DiagnosticSeverity.Warning).Select(static d => d.ToString()).ToList();
        var generated = string.Join("\n", driver.GetRunResult().Results.Single().GeneratedSources.Select(static s => s.SourceText.ToString()));

        Assert.True(problems.Count == 0, "App.Tests does not compile cleanly:\n" + string.Join("\n", problems));
        Assert.Contains("TestOnly.Reset", generated, StringComparison.Ordinal);
        foreach (var name in names)
        {
            Assert.Contains($"{Parsing.ReferencedMaps.EntryClassName(name)}.Map(group, services);", generated, StringComparison.Ordinal);
        }
    }

    /// <summary>A test project held at C# 8 (below what generated code needs) that sees an app: it calls the app's <c>MapServerFunctions()</c>.</summary>
    [Fact]
    public void A_test_project_at_CSharp_8_that_sees_an_app_calls_the_apps_MapServerFunctions()
    {
        var app = Library("App", Of("App"));
        var compilation = CSharpCompilation.Create(
            "App.Tests",
            [CSharpSyntaxTree.ParseText(TestHost, GeneratorHarness.ParseOptions.WithLanguageVersion(LanguageVersion.CSharp8), path: "Source.cs")],
            FrameworkReferences.All.Add(GeneratorHarness.RuntimeReference).Add(app),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        CSharpGeneratorDriver.Create([new ServerFunctionGenerator().AsSourceGenerator()], parseOptions: GeneratorHarness.ParseOptions.WithLanguageVersion(LanguageVersion.CSharp8))
            .RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        var problems = generatorDiagnostics.Concat(output.GetDiagnostics()).Where(static d => d.Severity >= DiagnosticSeverity.Warning).Select(static d => d.ToString()).ToList();

        Assert.True(problems.Count == 0, "App.Tests does not compile cleanly:\n" + string.Join("\n", problems));
    }

    private static string Of(string ns) => App.Replace("{0}", ns, StringComparison.Ordinal);

    private static MetadataReference Library(string assemblyName, string source) => Review22cFriendAssemblies.Library(assemblyName, source, []);

    private static (MetadataReference? Image, List<string> Problems, string Generated) Compile(string assemblyName, string source, MetadataReference[] references) =>
        Review22cFriendAssemblies.Compile(assemblyName, source, references);
}

/// <summary>
/// Review 22c: the documented friend-chain leftover in its most common form — a library of server functions that grants
/// its internals to the app and to the app's test project (the usual pair of <c>InternalsVisibleTo</c> items), and the
/// test project that sees both.
/// </summary>
public sealed class Review22cFriendDiamondTests
{
    [Fact]
    public void A_test_project_that_sees_an_app_and_the_library_of_server_functions_the_app_sees_builds()
    {
        var library = Review22cFriendAssemblies.Library("Shop.Functions", """
            [assembly: System.Runtime.CompilerServices.InternalsVisibleTo("Shop.App")]
            [assembly: System.Runtime.CompilerServices.InternalsVisibleTo("Shop.App.Tests")]

            namespace Shop.Functions
            {
                [Microsoft.AspNetCore.Authorization.AllowAnonymous]
                public static class Orders
                {
                    [SessionAuth.ServerFunction("/orders/count")] public static int Count() => 1;
                }
            }
            """, []);
        var app = Review22cFriendAssemblies.Library("Shop.App", """
            using SessionAuth;

            [assembly: System.Runtime.CompilerServices.InternalsVisibleTo("Shop.App.Tests")]

            namespace Shop.App
            {
                [Microsoft.AspNetCore.Authorization.AllowAnonymous]
                public static class Carts
                {
                    [SessionAuth.ServerFunction("/carts/count")] public static int Count() => 2;
                }

                public static class Startup
                {
                    public static void Map(Microsoft.AspNetCore.Routing.IEndpointRouteBuilder app) => app.MapServerFunctions();
                }
            }
            """, [library]);
        var tests = Review22cFriendAssemblies.Compile("Shop.App.Tests", """
            using SessionAuth;

            namespace Shop.App.Tests
            {
                public static class TestHost
                {
                    public static void Map(Microsoft.AspNetCore.Builder.WebApplication app) => app.MapServerFunctions();
                }
            }
            """, [library, app]);

        Assert.True(tests.Problems.Count == 0, "Shop.App.Tests does not compile cleanly:\n" + string.Join("\n", tests.Problems));
    }
}

/// <summary>Compiles assemblies with the generator, each a reference for the next.</summary>
internal static class Review22cFriendAssemblies
{
    public static MetadataReference Library(string assemblyName, string source, MetadataReference[] references)
    {
        var (image, problems, _) = Compile(assemblyName, source, references);
        Assert.True(problems.Count == 0, assemblyName + " does not compile cleanly:\n" + string.Join("\n", problems));
        return image ?? throw new InvalidOperationException(assemblyName + " does not emit");
    }

    public static (MetadataReference? Image, List<string> Problems, string Generated) Compile(string assemblyName, string source, MetadataReference[] references)
    {
        var compilation = CSharpCompilation.Create(
            assemblyName,
            [CSharpSyntaxTree.ParseText(source, GeneratorHarness.ParseOptions, path: "Source.cs")],
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
}
