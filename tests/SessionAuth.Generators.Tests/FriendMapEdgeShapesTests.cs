using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SessionAuth.Testing;

namespace SessionAuth.Generators.Tests;

/// <summary>
/// Friend maps at the edges (review 22e, shapes that held): a friend with no functions mid-chain, internals granted both
/// ways, hostile names and a long route through the client model, a C# 9 project above a C# 14 library, assembly names
/// that need escaping through a chain.
/// </summary>
public sealed class FriendMapEdgeShapesTests
{
    private static string Functions(string name, string type, string route, params string[] friends) => $$"""
        using SessionAuth;

        {{string.Concat(friends.Select(static f => $"[assembly: System.Runtime.CompilerServices.InternalsVisibleTo(\"{f}\")]\n"))}}
        namespace {{name}}
        {
            [Microsoft.AspNetCore.Authorization.AllowAnonymous]
            public static class {{type}}
            {
                [SessionAuth.ServerFunction("{{route}}")] public static int Count() => 0;
            }
        }
        """;

    [Fact]
    public void A_friend_with_no_functions_in_the_middle_of_a_chain_passes_its_librarys_functions_on()
    {
        var core = FriendAssemblyCompiler.Library("Shop.Core", Functions("Shop.Core", "Prices", "/prices", "Shop.Mid"), []);
        var mid = FriendAssemblyCompiler.Compile("Shop.Mid", "[assembly: System.Runtime.CompilerServices.InternalsVisibleTo(\"Shop.App\")]\nnamespace Shop.Mid { public static class Nothing { } }", [core]);
        Assert.True(mid.Problems.Count == 0, string.Join("\n", mid.Problems));
        var app = FriendAssemblyCompiler.Compile("Shop.App", Functions("Shop.App", "Carts", "/carts"), [core, mid.Image!]);
        Assert.True(app.Problems.Count == 0, string.Join("\n", app.Problems));
        Assert.Contains("\"/prices\"", Client(app.Output), StringComparison.Ordinal);
        Assert.Contains(FriendAssemblyCompiler.EntryCall("Shop.Mid"), app.Generated, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_assemblies_granting_each_other_internals_build()
    {
        var a = FriendAssemblyCompiler.Library("Shop.A", Functions("Shop.A", "Prices", "/prices", "Shop.B"), []);
        var b = FriendAssemblyCompiler.Compile("Shop.B", Functions("Shop.B", "Carts", "/carts", "Shop.A"), [a]);
        Assert.True(b.Problems.Count == 0, string.Join("\n", b.Problems));
    }

    [Fact]
    public void Hostile_names_and_a_long_route_survive_the_client_model_unchanged()
    {
        const string Hostile = "q\\\"\\u0000\\u2028\\uD800\\\\*/ x\\uDBFF\\uDFFF{}";
        var core = FriendAssemblyCompiler.Compile("Shop.Core", $$"""
            [assembly: System.Runtime.CompilerServices.InternalsVisibleTo("Shop.App")]
            namespace Shop.Core
            {
                public sealed class Item { [System.Text.Json.Serialization.JsonPropertyName("{{Hostile}}")] public int Value { get; set; } public string Café { get; set; } = ""; }
                public enum Colour { [System.Text.Json.Serialization.JsonStringEnumMemberName("{{Hostile}}")] Red, Blue }

                [Microsoft.AspNetCore.Authorization.AllowAnonymous]
                public static class Items
                {
                    [SessionAuth.ServerFunction("/items/{id}/{{new string('x', 5000)}}")] public static Item Get(int id, Colour colour, Item item) => item;
                }
            }
            """, []);
        Assert.True(core.Problems.Count == 0, string.Join("\n", core.Problems));
        var app = FriendAssemblyCompiler.Compile("Shop.App", Functions("Shop.App", "Carts", "/carts"), [core.Image!]);
        Assert.True(app.Problems.Count == 0, string.Join("\n", app.Problems));
        var own = Client(core.Output);
        var composed = Client(app.Output);

        // The module declares each object as a constant, exported under its name after all of them (export { Items$ as Items }).
        var start = own.IndexOf("const Items$ = ", StringComparison.Ordinal);
        Assert.True(start > 0);
        Assert.Contains(own[start..(own.IndexOf("});", start, StringComparison.Ordinal) + 3)], composed, StringComparison.Ordinal);
        var ownDecl = Decl(core.Output);
        var at = ownDecl.IndexOf("export interface Item", StringComparison.Ordinal);
        Assert.Contains(ownDecl[at..ownDecl.IndexOf('}', at)], Decl(app.Output), StringComparison.Ordinal);
    }

    /// <summary>A C# 9 project that sees a C# 10 library (map in its own namespace) and writes <c>using SessionAuth;</c> inside its namespace calls its own map, which maps the library's.</summary>
    [Fact]
    public void A_CSharp_9_project_seeing_a_CSharp_10_library_calls_its_own_map()
    {
        var library = FriendAssemblyCompiler.Library("Shop.App", Functions("Shop.App", "Carts", "/carts", "Shop.App.Tests"), []);
        var tests = FriendAssemblyCompiler.Compile("Shop.App.Tests", """
            namespace Shop.App.Tests
            {
                using SessionAuth;

                [Microsoft.AspNetCore.Authorization.AllowAnonymous]
                public static class TestOnly
                {
                    [ServerFunction("/test-only/reset")] public static int Reset() => 0;
                }

                public static class TestHost
                {
                    public static Microsoft.AspNetCore.Builder.IEndpointConventionBuilder Map(Microsoft.AspNetCore.Builder.WebApplication app) => app.MapServerFunctions();
                }
            }
            """, [library], LanguageVersion.CSharp9);

        Assert.True(tests.Problems.Count == 0, string.Join("\n", tests.Problems));
        Assert.Equal("Shop.App.Tests", FriendAssemblyCompiler.MapServerFunctionsCalled(tests.Output));
    }

    /// <summary>Assembly names whose characters are no identifier's (combining marks, letter numbers, surrogate pairs, spaces, a leading digit) make map namespaces and entry methods that compile, through a chain of friends.</summary>
    [Theory]
    [InlineData("Ünïcödé-App")]
    [InlineData("123.App")]
    [InlineData("App.\u216B")]
    [InlineData("Cafe\u0301")]
    [InlineData("\uD835\uDC9Cpp")]
    [InlineData("App With Space")]
    public void Assembly_names_that_need_escaping_make_maps_that_compile_through_a_chain(string name)
    {
        var core = FriendAssemblyCompiler.Library(name + ".Core", Functions("Shop.Core", "Prices", "/prices", name + ".Mid"), []);
        var mid = FriendAssemblyCompiler.Library(name + ".Mid", Functions("Shop.Mid", "Orders", "/orders", name), [core]);
        var app = FriendAssemblyCompiler.Compile(name, Functions("Shop.App", "Carts", "/carts"), [core, mid]);
        Assert.True(app.Problems.Count == 0, string.Join("\n", app.Problems));
        Assert.Contains(FriendAssemblyCompiler.EntryCall(name + ".Mid"), app.Generated, StringComparison.Ordinal);
        Assert.Contains("\"/prices\"", Client(app.Output), StringComparison.Ordinal);
    }

    private static string Client(Compilation output) => Constant(output, Emitting.TypeScriptClientEmitter.ScriptConstant);

    private static string Decl(Compilation output) => Constant(output, Emitting.TypeScriptClientEmitter.DeclarationsConstant);

    private static string Constant(Compilation output, string name) =>
        output.SyntaxTrees.Single(static t => t.FilePath.EndsWith(Emitting.TypeScriptClientEmitter.HintName, StringComparison.Ordinal))
            .GetRoot().DescendantNodes()
            .OfType<Microsoft.CodeAnalysis.CSharp.Syntax.VariableDeclaratorSyntax>()
            .Single(v => v.Identifier.ValueText == name)
            .Initializer!.Value.GetFirstToken().ValueText;
}
