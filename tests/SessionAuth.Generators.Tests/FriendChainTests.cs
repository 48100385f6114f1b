using Microsoft.CodeAnalysis.Diagnostics;

namespace SessionAuth.Generators.Tests;

/// <summary>
/// Chains of friend assemblies longer than the diamond (review 22d). At C# 10 and later each project's
/// <c>MapServerFunctions()</c> is in a namespace of its own that only its own <c>global using</c> imports, so a call never
/// reaches another's, however long the chain; and an entry method maps its assembly's functions and those of every
/// assembly it maps, each once (the set of mapped assemblies).
/// </summary>
public sealed class FriendChainTests
{
    private const string CoreSource = """
        [assembly: System.Runtime.CompilerServices.InternalsVisibleTo("Shop.Functions")]

        namespace Shop.Core
        {
            [Microsoft.AspNetCore.Authorization.AllowAnonymous]
            public static class Prices
            {
                [SessionAuth.ServerFunction("/prices/count")] public static int Count() => 0;
            }
        }
        """;

    private const string FunctionsSource = """
        [assembly: System.Runtime.CompilerServices.InternalsVisibleTo("Shop.App")]

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
                public static void Map(Microsoft.AspNetCore.Builder.WebApplication app) => app.MapServerFunctions();
            }
        }
        """;

    /// <summary>
    /// Core → Functions → App → App.Tests, each granting its internals to the next: Functions maps Core's functions and
    /// grants its internals, and so does App. With ranks (C# 9) App's <c>app.MapServerFunctions()</c> saw two maps of the
    /// same shape (CS0121); in namespaces of their own it reaches App's only.
    /// </summary>
    [Fact]
    public void An_app_that_grants_its_internals_and_sees_a_library_that_maps_another_library_builds()
    {
        var core = FriendAssemblyCompiler.Library("Shop.Core", CoreSource, []);
        var functions = FriendAssemblyCompiler.Library("Shop.Functions", FunctionsSource, [core]);
        var app = FriendAssemblyCompiler.Compile("Shop.App", AppSource, [core, functions]);

        Assert.True(app.Problems.Count == 0, "Shop.App does not compile cleanly:\n" + string.Join("\n", app.Problems));
    }

    /// <summary>
    /// Core → Functions → App (App grants nothing): App sees Functions' internals, not Core's, and maps Core's functions
    /// through Functions' entry method, which maps every assembly Functions maps (once only the own were mapped, and
    /// Core's went unmapped in silence).
    /// </summary>
    [Fact]
    public async Task An_app_at_the_end_of_a_chain_of_libraries_maps_every_librarys_functions()
    {
        var appSource = AppSource.Replace("[assembly: System.Runtime.CompilerServices.InternalsVisibleTo(\"Shop.App.Tests\")]", string.Empty, StringComparison.Ordinal);
        var core = FriendAssemblyCompiler.Compile("Shop.Core", CoreSource, []);
        var functions = FriendAssemblyCompiler.Compile("Shop.Functions", FunctionsSource, [core.Image!]);
        var app = FriendAssemblyCompiler.Compile("Shop.App", appSource, [core.Image!, functions.Image!]);
        Assert.True(app.Problems.Count == 0, "Shop.App does not compile cleanly:\n" + string.Join("\n", app.Problems));

        var context = new System.Runtime.Loader.AssemblyLoadContext(nameof(FriendChainTests), isCollectible: true);
        try
        {
            context.LoadFromStream(new MemoryStream(core.Bytes!));
            context.LoadFromStream(new MemoryStream(functions.Bytes!));
            var startup = context.LoadFromStream(new MemoryStream(app.Bytes!)).GetType("Shop.App.Startup", throwOnError: true)!;

            var builder = Microsoft.AspNetCore.Builder.WebApplication.CreateSlimBuilder();
            builder.Services.AddSessionAuth<ChainSession>(static options => options.Password = new string('p', SessionAuthOptions.MinimumPasswordLength));
            await using var web = builder.Build();
            startup.GetMethod("Map")!.Invoke(null, [web]);

            var routes = ((Microsoft.AspNetCore.Routing.IEndpointRouteBuilder)web).DataSources
                .SelectMany(static source => source.Endpoints)
                .OfType<Microsoft.AspNetCore.Routing.RouteEndpoint>()
                .Select(static endpoint => endpoint.RoutePattern.RawText)
                .Where(static route => route is not null && !route.StartsWith("/_server/", StringComparison.Ordinal))
                .Order(StringComparer.Ordinal);
            Assert.Equal(["/carts/count", "/orders/count", "/prices/count"], routes);
        }
        finally
        {
            context.Unload();
        }
    }

    private sealed record ChainSession(int UserId);
}

/// <summary>The browser client of an app that maps a library's server functions (review 22d): it offers them too.</summary>
public sealed class FriendClientTests
{
    private const string LibrarySource = """
        [assembly: System.Runtime.CompilerServices.InternalsVisibleTo("Shop.App")]

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
        namespace Shop.App
        {
            [Microsoft.AspNetCore.Authorization.AllowAnonymous]
            public static class Carts
            {
                [SessionAuth.ServerFunction("/carts/count")] public static int Count() => 2;
            }
        }
        """;

    /// <summary>
    /// The app's <c>MapServerFunctions()</c> maps the library's <c>/orders/count</c> and registers the app's client as the
    /// one <c>/_server/client.js</c> serves (Register replaces any other): that client holds the library's functions too,
    /// read from the client model the library wrote into its map class.
    /// </summary>
    [Fact]
    public void The_client_of_an_app_that_maps_a_librarys_functions_offers_them_too()
    {
        var library = FriendAssemblyCompiler.Library("Shop.Functions", LibrarySource, []);
        var app = FriendAssemblyCompiler.Compile("Shop.App", AppSource, [library]);
        Assert.True(app.Problems.Count == 0, "Shop.App does not compile cleanly:\n" + string.Join("\n", app.Problems));
        Assert.Contains(FriendAssemblyCompiler.EntryCall("Shop.Functions"), app.Generated, StringComparison.Ordinal);

        var file = app.Output.SyntaxTrees.Single(static t => t.FilePath.EndsWith(Emitting.TypeScriptClientEmitter.HintName, StringComparison.Ordinal));
        var script = file.GetRoot().DescendantNodes()
            .OfType<Microsoft.CodeAnalysis.CSharp.Syntax.VariableDeclaratorSyntax>()
            .Single(static v => v.Identifier.ValueText == Emitting.TypeScriptClientEmitter.ScriptConstant)
            .Initializer!.Value.GetFirstToken().ValueText;

        Assert.Contains("\"/carts/count\"", script, StringComparison.Ordinal);
        Assert.True(script.Contains("\"/orders/count\"", StringComparison.Ordinal), "the app's client.js has no function for the library's /orders/count, which the app maps");
    }
}

/// <summary>
/// A test project that names the generated class (review 22d): at C# 10 and later by the name of the project's own,
/// <c>ServerFunctionMapOf_&lt;assembly&gt;_&lt;hash&gt;</c>, which the project's global using imports and no other
/// assembly's class shares, so it is the project's own, never the app's that the project also sees.
/// </summary>
public sealed class FriendStaticCallTests
{
    private const string AppSource = """
        [assembly: System.Runtime.CompilerServices.InternalsVisibleTo("Shop.App.Tests")]

        namespace Shop.App
        {
            [Microsoft.AspNetCore.Authorization.AllowAnonymous]
            public static class Carts
            {
                [SessionAuth.ServerFunction("/carts/count")] public static int Count() => 2;
            }
        }
        """;

    /// <summary>
    /// <c>ServerFunctionMapOf_Shop_App_Tests_&lt;hash&gt;.MapServerFunctions(app)</c> (the class named in the project's
    /// ServerFunctions.Map.g.cs), with or without <c>using SessionAuth;</c>, and the extension call, in a test project
    /// with server functions of its own that sees the app's class (once <c>SessionAuth.ServerFunctionEndpointRouteBuilderExtensions</c>
    /// in both, CS0436): each builds and calls the project's own map.
    /// </summary>
    [Theory]
    [InlineData("", "{class}.MapServerFunctions(app)")]
    [InlineData("using SessionAuth;", "{class}.MapServerFunctions(app)")]
    [InlineData("using SessionAuth;", "app.MapServerFunctions()")]
    public void A_test_project_that_names_the_generated_class_builds(string usingStatic, string call)
    {
        call = call.Replace("{class}", Parsing.ReferencedMaps.MapClassName(Parsing.ReferencedMaps.Identifier("Shop.App.Tests")), StringComparison.Ordinal);
        var app = FriendAssemblyCompiler.Library("Shop.App", AppSource, []);
        var tests = FriendAssemblyCompiler.Compile("Shop.App.Tests", $$"""
            {{usingStatic}}

            namespace Shop.App.Tests
            {
                [Microsoft.AspNetCore.Authorization.AllowAnonymous]
                public static class TestOnly
                {
                    [SessionAuth.ServerFunction("/test-only/reset")] public static int Reset() => 0;
                }

                public static class TestHost
                {
                    public static void Map(Microsoft.AspNetCore.Builder.WebApplication app) => {{call}};
                }
            }
            """, [app]);

        Assert.True(tests.Problems.Count == 0, "Shop.App.Tests does not compile cleanly:\n" + string.Join("\n", tests.Problems));
        Assert.Equal("Shop.App.Tests", FriendAssemblyCompiler.MapServerFunctionsCalled(tests.Output));
    }
}

/// <summary>
/// A library built by an earlier SessionAuth.Generators, whose <c>MapServerFunctions()</c> has no entry method this
/// version can call, referenced by an app with server functions of its own (review 22d): SAUTH0018, never silence.
/// </summary>
public sealed class FriendVersionSkewTests
{
    /// <summary>What an earlier generator wrote for the library: its map, granting its internals to the app, and no entry method.</summary>
    private const string EarlierLibrarySource = """
        [assembly: System.Runtime.CompilerServices.InternalsVisibleTo("Shop.App")]

        namespace SessionAuth
        {
            internal static class ServerFunctionEndpointRouteBuilderExtensions
            {
                public static Microsoft.AspNetCore.Builder.IEndpointConventionBuilder MapServerFunctions(this Microsoft.AspNetCore.Routing.IEndpointRouteBuilder endpoints, int rank = 0) =>
                    Microsoft.AspNetCore.Builder.EndpointRouteBuilderExtensions.MapGet(endpoints, "/orders/count", static () => 1);
            }
        }
        """;

    private const string AppSource = """
        using SessionAuth;

        namespace Shop.App
        {
            [Microsoft.AspNetCore.Authorization.AllowAnonymous]
            public static class Carts
            {
                [SessionAuth.ServerFunction("/carts/count")] public static int Count() => 2;
            }

            public static class Startup
            {
                public static void Map(Microsoft.AspNetCore.Builder.WebApplication app) => app.MapServerFunctions();
            }
        }
        """;

    /// <summary>
    /// The app sees the library's map but finds no entry method it can call: the library's functions are not mapped by
    /// the app's <c>MapServerFunctions()</c>, and SAUTH0018 says so, naming the library and what to do, where before
    /// they went unmapped in silence. The app still builds and maps its own.
    /// </summary>
    [Fact]
    public async Task An_app_that_sees_the_map_of_a_library_built_by_an_earlier_generator_is_told_the_librarys_functions_are_not_mapped()
    {
        var earlier = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create(
            "Shop.Functions",
            [Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(EarlierLibrarySource, GeneratorHarness.ParseOptions)],
            SessionAuth.Testing.FrameworkReferences.All.Add(GeneratorHarness.RuntimeReference),
            new Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions(Microsoft.CodeAnalysis.OutputKind.DynamicallyLinkedLibrary));
        using var image = new MemoryStream();
        var emitted = earlier.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        var libraryBytes = image.ToArray();

        var app = FriendAssemblyCompiler.Compile("Shop.App", AppSource, [Microsoft.CodeAnalysis.MetadataReference.CreateFromImage(libraryBytes)]);
        Assert.True(app.Problems.Count == 0, "Shop.App does not compile cleanly:\n" + string.Join("\n", app.Problems));

        var analyzed = await app.Output
            .WithAnalyzers([new Analyzers.ServerFunctionAnalyzer()], options: null)
            .GetAnalyzerDiagnosticsAsync();
        var reported = Assert.Single(analyzed, static d => d.Id == "SAUTH0018");
        Assert.Equal(Microsoft.CodeAnalysis.DiagnosticSeverity.Warning, reported.Severity);
        Assert.StartsWith(
            "The referenced assembly Shop.Functions was built by an earlier SessionAuth.Generators",
            reported.GetMessage(System.Globalization.CultureInfo.InvariantCulture),
            StringComparison.Ordinal);
        Assert.Contains("rebuild Shop.Functions with SessionAuth.Generators", reported.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);

        var context = new System.Runtime.Loader.AssemblyLoadContext(nameof(FriendVersionSkewTests), isCollectible: true);
        try
        {
            context.LoadFromStream(new MemoryStream(libraryBytes));
            var startup = context.LoadFromStream(new MemoryStream(app.Bytes!)).GetType("Shop.App.Startup", throwOnError: true)!;

            var builder = Microsoft.AspNetCore.Builder.WebApplication.CreateSlimBuilder();
            builder.Services.AddSessionAuth<SkewSession>(static options => options.Password = new string('p', SessionAuthOptions.MinimumPasswordLength));
            await using var web = builder.Build();
            startup.GetMethod("Map")!.Invoke(null, [web]);

            var routes = ((Microsoft.AspNetCore.Routing.IEndpointRouteBuilder)web).DataSources
                .SelectMany(static source => source.Endpoints)
                .OfType<Microsoft.AspNetCore.Routing.RouteEndpoint>()
                .Select(static endpoint => endpoint.RoutePattern.RawText)
                .Where(static route => route is not null && !route.StartsWith("/_server/", StringComparison.Ordinal))
                .Order(StringComparer.Ordinal);
            Assert.Equal(["/carts/count"], routes);
        }
        finally
        {
            context.Unload();
        }
    }

    /// <summary>A library built by this generator, seen by the same app: nothing to report.</summary>
    [Fact]
    public async Task An_app_that_sees_the_map_of_a_library_built_by_this_generator_is_told_nothing()
    {
        var library = FriendAssemblyCompiler.Library("Shop.Functions", """
            [assembly: System.Runtime.CompilerServices.InternalsVisibleTo("Shop.App")]

            namespace Shop.Functions
            {
                [Microsoft.AspNetCore.Authorization.AllowAnonymous]
                public static class Orders
                {
                    [SessionAuth.ServerFunction("/orders/count")] public static int Count() => 1;
                }
            }
            """, []);
        var app = FriendAssemblyCompiler.Compile("Shop.App", AppSource, [library]);

        var analyzed = await app.Output.WithAnalyzers([new Analyzers.ServerFunctionAnalyzer()], options: null).GetAnalyzerDiagnosticsAsync();
        Assert.DoesNotContain(analyzed, static d => d.Id == "SAUTH0018");
    }

    private sealed record SkewSession(int UserId);
}
