using System.Runtime.Loader;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.CodeAnalysis.CSharp;

namespace SessionAuth.Generators.Tests;

/// <summary>
/// Friend chains and diamonds of any length at run time: each project's <c>MapServerFunctions()</c> maps every function
/// of every assembly it reaches through its friends' entry methods exactly once (two endpoints of one route would be an
/// ambiguous match at run time), and its client offers each of them once.
/// </summary>
public sealed class FriendChainMappingTests
{
    // With "using SessionAuth;", which C# 9 needs to reach the shared class (C# 10 and later need none).
    private static string Library(string name, string type, string route, params string[] friends) => $$"""
        using SessionAuth;

        {{string.Concat(friends.Select(static f => $"[assembly: System.Runtime.CompilerServices.InternalsVisibleTo(\"{f}\")]\n"))}}
        namespace {{name}}
        {
            [Microsoft.AspNetCore.Authorization.AllowAnonymous]
            public static class {{type}}
            {
                [SessionAuth.ServerFunction("{{route}}")] public static int Count() => 0;
            }

            public static class Startup
            {
                public static void Map(Microsoft.AspNetCore.Builder.WebApplication app) => app.MapServerFunctions();
            }
        }
        """;

    /// <summary>
    /// Core → Functions → App → App.Tests, each granting its internals to the next only: every project builds, the test
    /// project's map maps all four assemblies' functions once, the app's its three.
    /// </summary>
    [Fact]
    public async Task A_chain_of_four_maps_every_function_once_at_every_level()
    {
        var core = FriendAssemblyCompiler.Compile("Shop.Core", Library("Shop.Core", "Prices", "/prices", "Shop.Functions"), []);
        var functions = FriendAssemblyCompiler.Compile("Shop.Functions", Library("Shop.Functions", "Orders", "/orders", "Shop.App"), [core.Image!]);
        var app = FriendAssemblyCompiler.Compile("Shop.App", Library("Shop.App", "Carts", "/carts", "Shop.App.Tests"), [core.Image!, functions.Image!]);
        var tests = FriendAssemblyCompiler.Compile("Shop.App.Tests", Library("Shop.App.Tests", "TestOnly", "/test-only"), [core.Image!, functions.Image!, app.Image!]);
        foreach (var (name, built) in new[] { ("Shop.Core", core.Problems), ("Shop.Functions", functions.Problems), ("Shop.App", app.Problems), ("Shop.App.Tests", tests.Problems) })
        {
            Assert.True(built.Count == 0, name + " does not compile cleanly:\n" + string.Join("\n", built));
        }

        byte[][] images = [core.Bytes!, functions.Bytes!, app.Bytes!, tests.Bytes!];
        Assert.Equal(["/carts", "/orders", "/prices", "/test-only"], await MappedRoutes(images, "Shop.App.Tests.Startup"));
        Assert.Equal(["/carts", "/orders", "/prices"], await MappedRoutes(images, "Shop.App.Startup"));
        Assert.Equal(["/orders", "/prices"], await MappedRoutes(images, "Shop.Functions.Startup"));
    }

    /// <summary>
    /// Core seen by Left and Right, both seen by App: App reaches Core twice (through each) and maps it once; App's client
    /// offers Core's function once.
    /// </summary>
    [Fact]
    public async Task A_library_reached_twice_through_a_diamond_is_mapped_once()
    {
        var core = FriendAssemblyCompiler.Compile("Shop.Core", Library("Shop.Core", "Prices", "/prices", "Shop.Left", "Shop.Right"), []);
        var left = FriendAssemblyCompiler.Compile("Shop.Left", Library("Shop.Left", "Orders", "/orders", "Shop.App"), [core.Image!]);
        var right = FriendAssemblyCompiler.Compile("Shop.Right", Library("Shop.Right", "Stock", "/stock", "Shop.App"), [core.Image!]);
        var app = FriendAssemblyCompiler.Compile("Shop.App", Library("Shop.App", "Carts", "/carts"), [core.Image!, left.Image!, right.Image!]);
        Assert.True(app.Problems.Count == 0, "Shop.App does not compile cleanly:\n" + string.Join("\n", app.Problems));

        Assert.Equal(["/carts", "/orders", "/prices", "/stock"], await MappedRoutes([core.Bytes!, left.Bytes!, right.Bytes!, app.Bytes!], "Shop.App.Startup"));
        var script = ClientScript(app.Output);
        Assert.Equal(1, Occurrences(script, "\"/prices\""));
        Assert.Equal(1, Occurrences(script, "export { Prices$ as Prices };"));
    }

    /// <summary>
    /// App → Functions → Core: App cannot see Core's internals, yet its client offers Core's function, which its map maps
    /// (through Functions' entry method): read from the client model Functions wrote, which holds Core's section.
    /// </summary>
    [Fact]
    public void The_client_of_an_app_offers_the_functions_of_a_library_that_only_its_library_sees()
    {
        var core = FriendAssemblyCompiler.Library("Shop.Core", Library("Shop.Core", "Prices", "/prices", "Shop.Functions"), []);
        var functions = FriendAssemblyCompiler.Library("Shop.Functions", Library("Shop.Functions", "Orders", "/orders", "Shop.App"), [core]);
        var app = FriendAssemblyCompiler.Compile("Shop.App", Library("Shop.App", "Carts", "/carts"), [core, functions]);
        Assert.True(app.Problems.Count == 0, "Shop.App does not compile cleanly:\n" + string.Join("\n", app.Problems));

        var script = ClientScript(app.Output);
        Assert.Contains("export { Prices$ as Prices };", script, StringComparison.Ordinal);
        Assert.Contains("\"/prices\"", script, StringComparison.Ordinal);
        Assert.Contains("\"/orders\"", script, StringComparison.Ordinal);
        Assert.Contains("\"/carts\"", script, StringComparison.Ordinal);
    }

    /// <summary>
    /// A library's declaring type named like one of the app's (<c>Orders</c> in both): the app's keeps its name, the
    /// library's is numbered, in the module and in its declarations, so the module stays one with distinct exports.
    /// </summary>
    [Fact]
    public void A_librarys_declaring_type_named_like_one_of_the_apps_is_numbered_in_the_apps_client()
    {
        var library = FriendAssemblyCompiler.Library("Shop.Functions", Library("Shop.Functions", "Orders", "/library-orders", "Shop.App"), []);
        var app = FriendAssemblyCompiler.Compile("Shop.App", Library("Shop.App", "Orders", "/app-orders"), [library]);
        Assert.True(app.Problems.Count == 0, "Shop.App does not compile cleanly:\n" + string.Join("\n", app.Problems));

        var script = ClientScript(app.Output);
        Assert.Equal(1, Occurrences(script, "export { Orders$ as Orders };"));
        Assert.Equal(1, Occurrences(script, "export { Orders2$ as Orders2 };"));
        Assert.Contains("\"/app-orders\"", ExportOf(script, "Orders"), StringComparison.Ordinal);
        Assert.Contains("\"/library-orders\"", ExportOf(script, "Orders2"), StringComparison.Ordinal);

        var declarations = ClientConstant(app.Output, Emitting.TypeScriptClientEmitter.DeclarationsConstant);
        Assert.Equal(1, Occurrences(declarations, "export declare const Orders:"));
        Assert.Equal(1, Occurrences(declarations, "export declare const Orders2:"));
    }

    /// <summary>
    /// Code of the test project inside <c>namespace SessionAuth</c>, which once held every project's map class, and a
    /// <c>MapServerFunctions</c> extension of the user's own in another namespace: the project's call still reaches its
    /// own map, never the app's.
    /// </summary>
    [Fact]
    public void A_test_project_with_code_in_namespace_SessionAuth_calls_its_own_map()
    {
        var app = FriendAssemblyCompiler.Library("Shop.App", Library("Shop.App", "Carts", "/carts", "Shop.App.Tests"), []);
        var tests = FriendAssemblyCompiler.Compile("Shop.App.Tests", """
            namespace Shop.Elsewhere
            {
                public static class OwnExtensions
                {
                    public static void MapServerFunctions(this Microsoft.AspNetCore.Routing.IEndpointRouteBuilder endpoints, string unused) { }
                }
            }

            namespace SessionAuth.Testing.Hosts
            {
                public static class TestHost
                {
                    public static Microsoft.AspNetCore.Builder.IEndpointConventionBuilder Map(Microsoft.AspNetCore.Builder.WebApplication app) => app.MapServerFunctions();
                }
            }
            """, [app]);

        Assert.True(tests.Problems.Count == 0, "Shop.App.Tests does not compile cleanly:\n" + string.Join("\n", tests.Problems));
        Assert.Equal("Shop.App.Tests", FriendAssemblyCompiler.MapServerFunctionsCalled(tests.Output));
        Assert.Contains(FriendAssemblyCompiler.EntryCall("Shop.App"), tests.Generated, StringComparison.Ordinal);
    }

    /// <summary>
    /// At C# 9 (no global using) the maps share a class and rank: the diamond (a library seen by the app and its test
    /// project, the app seen by the test project) still maps each function once at each level.
    /// </summary>
    [Fact]
    public async Task At_CSharp_9_the_diamond_maps_each_function_once()
    {
        const LanguageVersion version = LanguageVersion.CSharp9;
        var library = FriendAssemblyCompiler.Compile("Shop.Functions", Library("Shop.Functions", "Orders", "/orders", "Shop.App", "Shop.App.Tests"), [], version);
        var app = FriendAssemblyCompiler.Compile("Shop.App", Library("Shop.App", "Carts", "/carts", "Shop.App.Tests"), [library.Image!], version);
        var tests = FriendAssemblyCompiler.Compile("Shop.App.Tests", Library("Shop.App.Tests", "TestOnly", "/test-only"), [library.Image!, app.Image!], version);
        Assert.True(tests.Problems.Count == 0, "Shop.App.Tests does not compile cleanly:\n" + string.Join("\n", tests.Problems));
        Assert.Contains("namespace SessionAuth\n", tests.Generated.Replace("\r\n", "\n", StringComparison.Ordinal), StringComparison.Ordinal);

        byte[][] images = [library.Bytes!, app.Bytes!, tests.Bytes!];
        Assert.Equal(["/carts", "/orders", "/test-only"], await MappedRoutes(images, "Shop.App.Tests.Startup"));
        Assert.Equal(["/carts", "/orders"], await MappedRoutes(images, "Shop.App.Startup"));
    }

    /// <summary>
    /// At C# 9 a chain four deep is the documented limit of ranks: the app, which maps a library that maps another and
    /// grants its internals, sees two maps of the same rank (CS0121). At C# 10 the same chain builds (<see cref="A_chain_of_four_maps_every_function_once_at_every_level"/>).
    /// </summary>
    [Fact]
    public void At_CSharp_9_a_chain_of_four_is_ambiguous_in_the_app_as_the_README_says()
    {
        const LanguageVersion version = LanguageVersion.CSharp9;
        var core = FriendAssemblyCompiler.Library("Shop.Core", Library("Shop.Core", "Prices", "/prices", "Shop.Functions"), [], version);
        var functions = FriendAssemblyCompiler.Library("Shop.Functions", Library("Shop.Functions", "Orders", "/orders", "Shop.App"), [core], version);
        var app = FriendAssemblyCompiler.Compile("Shop.App", Library("Shop.App", "Carts", "/carts", "Shop.App.Tests"), [core, functions], version);

        Assert.Contains(app.Problems, static problem => problem.StartsWith("CS0121 ", StringComparison.Ordinal));
    }

    /// <summary>A library built at C# 9 (its map in the shared class) is mapped, with the library it maps, by an app at C# 10 or later, and offered by its client.</summary>
    [Fact]
    public async Task A_library_at_CSharp_9_is_mapped_by_an_app_at_a_later_version()
    {
        var core = FriendAssemblyCompiler.Compile("Shop.Core", Library("Shop.Core", "Prices", "/prices", "Shop.Functions"), [], LanguageVersion.CSharp9);
        var functions = FriendAssemblyCompiler.Compile("Shop.Functions", Library("Shop.Functions", "Orders", "/orders", "Shop.App"), [core.Image!], LanguageVersion.CSharp9);
        var app = FriendAssemblyCompiler.Compile("Shop.App", Library("Shop.App", "Carts", "/carts"), [core.Image!, functions.Image!]);
        Assert.True(app.Problems.Count == 0, "Shop.App does not compile cleanly:\n" + string.Join("\n", app.Problems));

        Assert.Equal(["/carts", "/orders", "/prices"], await MappedRoutes([core.Bytes!, functions.Bytes!, app.Bytes!], "Shop.App.Startup"));
        Assert.Contains("\"/prices\"", ClientScript(app.Output), StringComparison.Ordinal);
    }

    private static async Task<List<string>> MappedRoutes(byte[][] images, string startupType)
    {
        var context = new AssemblyLoadContext(nameof(FriendChainMappingTests), isCollectible: true);
        try
        {
            var loaded = images.Select(image => context.LoadFromStream(new MemoryStream(image))).ToList();
            var startup = loaded.Select(assembly => assembly.GetType(startupType)).Single(static type => type is not null)!;

            var builder = WebApplication.CreateSlimBuilder();
            builder.Services.AddSessionAuth<ChainSession>(static options => options.Password = new string('p', SessionAuthOptions.MinimumPasswordLength));
            await using var web = builder.Build();
            startup.GetMethod("Map")!.Invoke(null, [web]);

            return ((IEndpointRouteBuilder)web).DataSources
                .SelectMany(static source => source.Endpoints)
                .OfType<RouteEndpoint>()
                .Select(static endpoint => endpoint.RoutePattern.RawText!)
                .Where(static route => !route.StartsWith("/_server/", StringComparison.Ordinal))
                .Order(StringComparer.Ordinal)
                .ToList();
        }
        finally
        {
            context.Unload();
        }
    }

    private static string ClientScript(Microsoft.CodeAnalysis.Compilation output) => ClientConstant(output, Emitting.TypeScriptClientEmitter.ScriptConstant);

    private static string ClientConstant(Microsoft.CodeAnalysis.Compilation output, string name) =>
        output.SyntaxTrees.Single(static t => t.FilePath.EndsWith(Emitting.TypeScriptClientEmitter.HintName, StringComparison.Ordinal))
            .GetRoot().DescendantNodes()
            .OfType<Microsoft.CodeAnalysis.CSharp.Syntax.VariableDeclaratorSyntax>()
            .Single(v => v.Identifier.ValueText == name)
            .Initializer!.Value.GetFirstToken().ValueText;

    /// <summary>The text of one exported object of the module, from its <c>export const</c> to its closing <c>});</c>.</summary>
    private static string ExportOf(string script, string name)
    {
        var start = script.IndexOf($"const {name}$ = ", StringComparison.Ordinal);
        Assert.True(start >= 0, $"the module exports no {name}");
        return script[start..script.IndexOf("});", start, StringComparison.Ordinal)];
    }

    private static int Occurrences(string text, string value)
    {
        var count = 0;
        for (var at = text.IndexOf(value, StringComparison.Ordinal); at >= 0; at = text.IndexOf(value, at + value.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    private sealed record ChainSession(int UserId);
}
