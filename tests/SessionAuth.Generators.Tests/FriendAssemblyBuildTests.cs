using System.Reflection;
using System.Runtime.Loader;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.Extensions.DependencyInjection;
using SessionAuth.Testing;

namespace SessionAuth.Generators.Tests;

/// <summary>
/// Test projects that see other projects' internals build, beyond two plain apps: a project whose own types move its
/// generated namespace, an app that declares a type named like the generated namespace, apps whose names need escaping
/// or differ only in case, a signed project granted internals by public key, a project held at C# 8.
/// </summary>
public sealed class FriendAssemblyBuildTests
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
    /// <c>SessionAuth.Generated2</c>, and its <c>MapServerFunctions()</c> calls the app's entry method as an extension
    /// method, naming no namespace the project's type could hide (the app's entry class at
    /// <c>global::SessionAuth.Generated.ServerFunctionsOf_App_…</c> bound to that type: CS0437, CS0117).
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
    /// in a test project that sees it and another app, <c>SessionAuth.Generated</c> is both the first app's type and the
    /// second app's namespace (CS0434 where generated code named it), so generated code does not name it.
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
            Assert.Contains(FriendAssemblyCompiler.EntryCall(name), tests.Generated, StringComparison.Ordinal);
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
            Assert.Contains(FriendAssemblyCompiler.EntryCall(name), generated, StringComparison.Ordinal);
        }
    }

    /// <summary>
    /// A test project held at C# 8 (below what generated code needs, so it gets no map of its own) that sees an app: it
    /// calls the app's <c>MapServerFunctions()</c>, whose namespace (the app's own, which only the app's global using
    /// imports) it names in a using of its own, as the README says.
    /// </summary>
    [Fact]
    public void A_test_project_at_CSharp_8_that_sees_an_app_calls_the_apps_MapServerFunctions()
    {
        var app = Library("App", Of("App"));
        var source = TestHost.Replace("using SessionAuth;", $"using SessionAuth.{Parsing.ReferencedMaps.Identifier("App")};", StringComparison.Ordinal);
        var compilation = CSharpCompilation.Create(
            "App.Tests",
            [CSharpSyntaxTree.ParseText(source, GeneratorHarness.ParseOptions.WithLanguageVersion(LanguageVersion.CSharp8), path: "Source.cs")],
            FrameworkReferences.All.Add(GeneratorHarness.RuntimeReference).Add(app),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        CSharpGeneratorDriver.Create([new ServerFunctionGenerator().AsSourceGenerator()], parseOptions: GeneratorHarness.ParseOptions.WithLanguageVersion(LanguageVersion.CSharp8))
            .RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        var problems = generatorDiagnostics.Concat(output.GetDiagnostics()).Where(static d => d.Severity >= DiagnosticSeverity.Warning).Select(static d => d.ToString()).ToList();

        Assert.True(problems.Count == 0, "App.Tests does not compile cleanly:\n" + string.Join("\n", problems));
    }

    private static string Of(string ns) => App.Replace("{0}", ns, StringComparison.Ordinal);

    private static MetadataReference Library(string assemblyName, string source) => FriendAssemblyCompiler.Library(assemblyName, source, []);

    private static (MetadataReference? Image, List<string> Problems, string Generated) Compile(string assemblyName, string source, MetadataReference[] references)
    {
        var (image, problems, generated, _, _) = FriendAssemblyCompiler.Compile(assemblyName, source, references);
        return (image, problems, generated);
    }
}

/// <summary>
/// The diamond: a library of server functions that grants its internals to the app and to the app's test project (the
/// usual pair of <c>InternalsVisibleTo</c> items), the app that maps the library's functions with its own, and the test
/// project that sees both. Each <c>MapServerFunctions()</c> ranks by what it maps (library below app below test
/// project), so every call picks one, and the one picked maps each assembly's functions once.
/// </summary>
public sealed class FriendDiamondTests
{
    private const string LibrarySource = """
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
        """;

    private const string AppSource = """
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
        """;

    private const string TestsSource = """
        using SessionAuth;

        namespace Shop.App.Tests
        {
            public static class TestHost
            {
                public static void Map(Microsoft.AspNetCore.Builder.WebApplication app) => app.MapServerFunctions();
            }
        }
        """;

    private const string TestOnlySource = """

        namespace Shop.App.Tests
        {
            [Microsoft.AspNetCore.Authorization.AllowAnonymous]
            public static class TestOnly
            {
                [SessionAuth.ServerFunction("/test-only/reset")] public static int Reset() => 0;
            }
        }
        """;

    [Fact]
    public void A_test_project_that_sees_an_app_and_the_library_of_server_functions_the_app_sees_builds()
    {
        var library = FriendAssemblyCompiler.Library("Shop.Functions", LibrarySource, []);
        var app = FriendAssemblyCompiler.Library("Shop.App", AppSource, [library]);
        var tests = FriendAssemblyCompiler.Compile("Shop.App.Tests", TestsSource, [library, app]);

        Assert.True(tests.Problems.Count == 0, "Shop.App.Tests does not compile cleanly:\n" + string.Join("\n", tests.Problems));
    }

    /// <summary>
    /// In the app, its own map (which maps the library's functions through the library's entry method) wins over the
    /// library's; in the test project, the test project's own, which maps the library's and the app's functions each
    /// through its entry method (an app's entry maps that app's functions only), wins over both.
    /// </summary>
    [Fact]
    public void In_the_diamond_each_project_calls_its_own_map_which_maps_every_assemblys_functions_once()
    {
        var library = FriendAssemblyCompiler.Compile("Shop.Functions", LibrarySource, []);
        var app = FriendAssemblyCompiler.Compile("Shop.App", AppSource, [library.Image!]);
        var tests = FriendAssemblyCompiler.Compile("Shop.App.Tests", TestsSource, [library.Image!, app.Image!]);

        Assert.Equal("Shop.App", FriendAssemblyCompiler.MapServerFunctionsCalled(app.Output));
        Assert.Equal("Shop.App.Tests", FriendAssemblyCompiler.MapServerFunctionsCalled(tests.Output));
        Assert.Equal(1, Occurrences(app.Generated, FriendAssemblyCompiler.EntryCall("Shop.Functions")));
        Assert.Equal(1, Occurrences(tests.Generated, FriendAssemblyCompiler.EntryCall("Shop.Functions")));
        Assert.Equal(1, Occurrences(tests.Generated, FriendAssemblyCompiler.EntryCall("Shop.App")));
        Assert.Equal(0, Occurrences(tests.Generated, ".MapServerFunctions("));
    }

    [Fact]
    public void A_test_project_with_server_functions_of_its_own_in_the_diamond_builds_and_calls_its_own_map()
    {
        var library = FriendAssemblyCompiler.Library("Shop.Functions", LibrarySource, []);
        var app = FriendAssemblyCompiler.Library("Shop.App", AppSource, [library]);
        var tests = FriendAssemblyCompiler.Compile("Shop.App.Tests", TestsSource + TestOnlySource, [library, app]);

        Assert.True(tests.Problems.Count == 0, "Shop.App.Tests does not compile cleanly:\n" + string.Join("\n", tests.Problems));
        Assert.Equal("Shop.App.Tests", FriendAssemblyCompiler.MapServerFunctionsCalled(tests.Output));
    }

    /// <summary>
    /// The three assemblies loaded and the test project's <c>TestHost.Map</c> run on a web application: each function is
    /// one endpoint (mapped twice, routing would answer its requests with an ambiguous match).
    /// </summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task The_test_projects_map_in_the_diamond_maps_each_function_exactly_once(bool testProjectDeclaresFunctions)
    {
        var library = FriendAssemblyCompiler.Compile("Shop.Functions", LibrarySource, []);
        var app = FriendAssemblyCompiler.Compile("Shop.App", AppSource, [library.Image!]);
        var tests = FriendAssemblyCompiler.Compile("Shop.App.Tests", TestsSource + (testProjectDeclaresFunctions ? TestOnlySource : string.Empty), [library.Image!, app.Image!]);
        Assert.True(tests.Problems.Count == 0, "Shop.App.Tests does not compile cleanly:\n" + string.Join("\n", tests.Problems));

        var context = new System.Runtime.Loader.AssemblyLoadContext(nameof(FriendDiamondTests), isCollectible: true);
        try
        {
            context.LoadFromStream(new MemoryStream(library.Bytes!));
            context.LoadFromStream(new MemoryStream(app.Bytes!));
            var host = context.LoadFromStream(new MemoryStream(tests.Bytes!)).GetType("Shop.App.Tests.TestHost", throwOnError: true)!;

            var builder = Microsoft.AspNetCore.Builder.WebApplication.CreateSlimBuilder();
            builder.Services.AddSessionAuth<DiamondSession>(static options => options.Password = new string('p', SessionAuthOptions.MinimumPasswordLength));
            await using var web = builder.Build();
            host.GetMethod("Map")!.Invoke(null, [web]);

            var routes = ((Microsoft.AspNetCore.Routing.IEndpointRouteBuilder)web).DataSources
                .SelectMany(static source => source.Endpoints)
                .OfType<Microsoft.AspNetCore.Routing.RouteEndpoint>()
                .Select(static endpoint => endpoint.RoutePattern.RawText)
                .Order(StringComparer.Ordinal);
            Assert.Equal(
                testProjectDeclaresFunctions ? ["/carts/count", "/orders/count", "/test-only/reset"] : ["/carts/count", "/orders/count"],
                routes);
        }
        finally
        {
            context.Unload();
        }
    }

    private sealed record DiamondSession(int UserId);

    private static int Occurrences(string text, string value)
    {
        var count = 0;
        for (var at = text.IndexOf(value, StringComparison.Ordinal); at >= 0; at = text.IndexOf(value, at + value.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}

/// <summary>Compiles assemblies with the generator, each a reference for the next.</summary>
internal static class FriendAssemblyCompiler
{
    public static MetadataReference Library(string assemblyName, string source, MetadataReference[] references, LanguageVersion version = LanguageVersion.Latest)
    {
        var (image, problems, _, _, _) = Compile(assemblyName, source, references, version);
        Assert.True(problems.Count == 0, assemblyName + " does not compile cleanly:\n" + string.Join("\n", problems));
        return image ?? throw new InvalidOperationException(assemblyName + " does not emit");
    }

    public static (MetadataReference? Image, List<string> Problems, string Generated, Compilation Output, byte[]? Bytes) Compile(string assemblyName, string source, MetadataReference[] references, LanguageVersion version = LanguageVersion.Latest)
    {
        var parseOptions = GeneratorHarness.ParseOptions.WithLanguageVersion(version);
        var compilation = CSharpCompilation.Create(
            assemblyName,
            [CSharpSyntaxTree.ParseText(source, parseOptions, path: "Source.cs")],
            FrameworkReferences.All.Add(GeneratorHarness.RuntimeReference).AddRange(references),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var driver = CSharpGeneratorDriver.Create([new ServerFunctionGenerator().AsSourceGenerator()], parseOptions: parseOptions).RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        var problems = generatorDiagnostics.Concat(output.GetDiagnostics())
            .Where(d => d.Severity >= DiagnosticSeverity.Warning)
            .Select(d => $"{d.Id} {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)} at {d.Location.GetLineSpan()}")
            .ToList();
        using var image = new MemoryStream();
        var emitted = output.Emit(image).Success;
        var generated = string.Join("\n", driver.GetRunResult().Results.Single().GeneratedSources.Select(s => s.SourceText.ToString()));
        var bytes = emitted ? image.ToArray() : null;
        return (bytes is null ? null : MetadataReference.CreateFromImage(bytes), problems, generated, output, bytes);
    }

    /// <summary>
    /// Compiles <paramref name="source"/> without the generator (a map as a generator of another version would write it),
    /// referencing the runtime; its image, which must emit.
    /// </summary>
    public static byte[] CompileWithoutGenerator(string assemblyName, string source)
    {
        var compilation = CSharpCompilation.Create(
            assemblyName,
            [CSharpSyntaxTree.ParseText(source, GeneratorHarness.ParseOptions, path: assemblyName + ".cs")],
            FrameworkReferences.All.Add(GeneratorHarness.RuntimeReference),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        return image.ToArray();
    }

    /// <summary>
    /// Loads <paramref name="images"/> (the app's last) into a collectible context, builds a slim app on Kestrel
    /// (127.0.0.1, port 0) with SessionAuth and the services <paramref name="services"/> adds (it is given a lookup of the
    /// loaded types by full name), and calls <c>Map(WebApplication)</c> of the <paramref name="startup"/> type: the
    /// <see cref="InvalidOperationException"/> the map refuses the start with, or <see langword="null"/> once the app has
    /// started and <paramref name="whileRunning"/> has run against its address.
    /// </summary>
    public static async Task<Exception?> StartAsync(
        byte[][] images,
        string startup,
        Action<IServiceCollection, Func<string, Type>> services,
        Func<Uri, Task>? whileRunning = null)
    {
        var context = new AssemblyLoadContext(nameof(FriendAssemblyCompiler), isCollectible: true);
        try
        {
            var loaded = images.Select(image => context.LoadFromStream(new MemoryStream(image))).ToList();
            Type TypeOf(string name) => loaded.Select(assembly => assembly.GetType(name)).FirstOrDefault(static type => type is not null)!;

            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Services.AddSessionAuth<FriendAppSession>(static options => options.Password = new string('p', SessionAuthOptions.MinimumPasswordLength));
            services(builder.Services, TypeOf);
            await using var web = builder.Build();
            try
            {
                TypeOf(startup).GetMethod("Map")!.Invoke(null, [web]);
            }
            catch (TargetInvocationException invocation) when (invocation.InnerException is InvalidOperationException refused)
            {
                return refused;
            }

            await web.StartAsync();
            if (whileRunning is not null)
            {
                await whileRunning(new Uri(web.Urls.Single()));
            }

            await web.StopAsync();
            return null;
        }
        finally
        {
            context.Unload();
        }
    }

    private sealed record FriendAppSession(int UserId);

    /// <summary>How generated code at C# 10 and later calls the entry method of <paramref name="assemblyName"/>, whose map is in a namespace of its own.</summary>
    public static string EntryCall(string assemblyName)
    {
        var identifier = Parsing.ReferencedMaps.Identifier(assemblyName);
        return $"global::SessionAuth.{identifier}.{Parsing.ReferencedMaps.MapClassName(identifier)}.{identifier}(group, services, mapped);";
    }

    /// <summary>The assembly of the <c>MapServerFunctions()</c> the user's code (Source.cs) calls.</summary>
    public static string? MapServerFunctionsCalled(Compilation output)
    {
        var tree = output.SyntaxTrees.Single(static t => t.FilePath == "Source.cs");
        var call = tree.GetRoot()
            .DescendantNodes()
            .OfType<Microsoft.CodeAnalysis.CSharp.Syntax.InvocationExpressionSyntax>()
            .Single(static i => i.Expression is Microsoft.CodeAnalysis.CSharp.Syntax.MemberAccessExpressionSyntax { Name.Identifier.ValueText: "MapServerFunctions" });
        return output.GetSemanticModel(tree).GetSymbolInfo(call).Symbol?.ContainingAssembly.Name;
    }
}
