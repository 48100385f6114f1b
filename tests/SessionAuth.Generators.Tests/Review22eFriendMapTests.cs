using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SessionAuth.Generators.Model;
using SessionAuth.Testing;

namespace SessionAuth.Generators.Tests;

/// <summary>
/// Review 22e: shapes around the friend-map redesign (maps in namespaces of their own at C# 10+, transitive entry
/// methods, the client composed from friends' client models) that break a build or map the wrong functions.
/// </summary>
public sealed class Review22eFriendMapTests
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

    /// <summary>
    /// A project at C# 10 or later that sees a library built at C# 9 (its map in the shared class
    /// <c>SessionAuth.ServerFunctionEndpointRouteBuilderExtensions</c>) and writes <c>using SessionAuth;</c> inside its
    /// namespace (StyleCop's SA1200 layout), or has its code in a namespace under <c>SessionAuth</c>: that using (or
    /// enclosing namespace) is a nearer scope than the compilation unit where the generated <c>global using</c> imports
    /// the project's own map, so C# stops there and <c>app.MapServerFunctions()</c> binds to the library's map. The
    /// project's own functions are then never mapped, silently. The call should reach the project's own map, which maps
    /// its functions and the library's.
    /// </summary>
    [Theory]
    [InlineData("namespace Shop.App.Tests\n{\n    using SessionAuth;\n")]
    [InlineData("namespace SessionAuth.Shop.Tests\n{\n")]
    public void A_project_at_CSharp_10_seeing_a_CSharp_9_library_calls_its_own_map_from_a_nearer_scope(string opening)
    {
        var library = FriendAssemblyCompiler.Library("Shop.App", Functions("Shop.App", "Carts", "/carts", "Shop.App.Tests"), [], LanguageVersion.CSharp9);
        var tests = FriendAssemblyCompiler.Compile("Shop.App.Tests", opening + """
                [Microsoft.AspNetCore.Authorization.AllowAnonymous]
                public static class TestOnly
                {
                    [SessionAuth.ServerFunction("/test-only/reset")] public static int Reset() => 0;
                }

                public static class TestHost
                {
                    public static Microsoft.AspNetCore.Builder.IEndpointConventionBuilder Map(Microsoft.AspNetCore.Builder.WebApplication app) => app.MapServerFunctions();
                }
            }
            """, [library], LanguageVersion.CSharp10);

        Assert.True(tests.Problems.Count == 0, "Shop.App.Tests does not compile cleanly:\n" + string.Join("\n", tests.Problems));
        Assert.Equal("Shop.App.Tests", FriendAssemblyCompiler.MapServerFunctionsCalled(tests.Output));
    }

    /// <summary>
    /// Two friend libraries with the same simple name (<c>Shop.Lib</c>), told apart by version and public key, both
    /// granting the app their internals: the map identifier is derived from the simple name only, so both maps live in
    /// <c>SessionAuth.ServerFunctionsOf_Shop_Lib_&lt;hash&gt;</c>, and the app's generated entry calls are CS0433 inside
    /// ServerFunctions.Map.g.cs (and the set of mapped assemblies and the client composition, keyed by simple name,
    /// would drop the second anyway). Both should be mapped, or the generator should refuse with a diagnostic of its own
    /// naming the two assemblies, never an error in a generated file.
    /// </summary>
    [Fact]
    public void Two_friends_with_the_same_simple_name_build_and_both_are_mapped()
    {
        var appKey = typeof(Microsoft.AspNetCore.Http.HttpContext).Assembly.GetName().GetPublicKey()!;
        var grant = $"Shop.App, PublicKey={Convert.ToHexString(appKey)}";
        (Compilation Output, List<string> Problems, string Generated) Build(string name, byte[] key, string version, string source, MetadataReference[] references)
        {
            var compilation = CSharpCompilation.Create(name, [CSharpSyntaxTree.ParseText(source.Replace("[assembly: System.Runtime.CompilerServices.InternalsVisibleTo(\"Shop.App\")]", $"[assembly: System.Runtime.CompilerServices.InternalsVisibleTo(\"{grant}\")]\n[assembly: System.Reflection.AssemblyVersion(\"{version}\")]", StringComparison.Ordinal), GeneratorHarness.ParseOptions, path: "Source.cs")],
                FrameworkReferences.All.Add(GeneratorHarness.RuntimeReference).AddRange(references),
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable).WithPublicSign(true).WithCryptoPublicKey([.. key]));
            var driver = GeneratorHarness.CreateDriver().RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
            var problems = generatorDiagnostics.Concat(output.GetDiagnostics()).Where(static d => d.Severity >= DiagnosticSeverity.Warning).Select(static d => d.ToString()).ToList();
            return (output, problems, string.Join("\n", driver.GetRunResult().Results.Single().GeneratedSources.Select(static s => s.SourceText.ToString())));
        }

        MetadataReference Image(Compilation output)
        {
            using var image = new MemoryStream();
            var result = output.Emit(image);
            Assert.True(result.Success, string.Join("\n", result.Diagnostics));
            return MetadataReference.CreateFromImage(image.ToArray());
        }

        var one = Build("Shop.Lib", appKey, "1.0.0.0", Functions("Shop.Lib.One", "Orders", "/orders", "Shop.App"), []);
        Assert.True(one.Problems.Count == 0, string.Join("\n", one.Problems));
        var two = Build("Shop.Lib", typeof(object).Assembly.GetName().GetPublicKey()!, "2.0.0.0", Functions("Shop.Lib.Two", "Stock", "/stock", "Shop.App"), []);
        Assert.True(two.Problems.Count == 0, string.Join("\n", two.Problems));
        var app = Build("Shop.App", appKey, "1.0.0.0", Functions("Shop.App", "Carts", "/carts"), [Image(one.Output), Image(two.Output)]);
        Assert.True(app.Problems.Count == 0, string.Join("\n", app.Problems));
        Assert.Contains("\"/stock\"", Client(app.Output), StringComparison.Ordinal);
        Assert.Contains("\"/orders\"", Client(app.Output), StringComparison.Ordinal);
    }

    /// <summary>
    /// The generated <c>global using</c> imports the map class's simple name, <c>ServerFunctionEndpointRouteBuilderExtensions</c>,
    /// into every file of the project: a user's own class of that name in another namespace (<c>Shop.Util</c>), imported
    /// with <c>using Shop.Util;</c> and named by its simple name, becomes CS0104 (ambiguous), though the user never
    /// imported anything of SessionAuth. The README reserves only the full name <c>SessionAuth.ServerFunctionEndpointRouteBuilderExtensions</c>.
    /// The global using should import nothing a user can collide with by simple name (or the README and a SAUTH0003-style
    /// diagnostic should reserve the simple name).
    /// </summary>
    [Fact]
    public void A_type_of_the_users_named_like_the_map_class_in_an_imported_namespace_stays_unambiguous()
    {
        var app = FriendAssemblyCompiler.Compile("Shop.App", """
            using Shop.Util;
            namespace Shop.Util { public static class ServerFunctionEndpointRouteBuilderExtensions { public static int X() => 1; } }
            namespace Shop.App
            {
                [Microsoft.AspNetCore.Authorization.AllowAnonymous]
                public static class Carts { [SessionAuth.ServerFunction("/carts")] public static int Count() => ServerFunctionEndpointRouteBuilderExtensions.X(); }
            }
            """, []);
        Assert.True(app.Problems.Count == 0, string.Join("\n", app.Problems));
    }

    /// <summary>
    /// The README tells a project below C# 9 to call an app's map through <c>using SessionAuth.ServerFunctionsOf_App_&lt;hash&gt;;</c>.
    /// Once that project moves to C# 10 or later (a LangVersion raised, or removed), it gets a map of its own, imported
    /// by the generated global using at the same scope as that using, and neither ranks: <c>app.MapServerFunctions()</c>
    /// is CS0121. The project's own map should win (it maps the app's too), or the README should say to drop the using.
    /// </summary>
    [Fact]
    public void A_project_that_names_a_friends_map_namespace_as_the_README_advises_below_CSharp_9_still_builds_at_CSharp_10()
    {
        var library = FriendAssemblyCompiler.Library("Shop.App", Functions("Shop.App", "Carts", "/carts", "Shop.App.Tests"), []);
        var tests = FriendAssemblyCompiler.Compile("Shop.App.Tests", $$"""
            using SessionAuth.{{Parsing.ReferencedMaps.Identifier("Shop.App")}};

            namespace Shop.App.Tests
            {
                public static class TestHost
                {
                    public static Microsoft.AspNetCore.Builder.IEndpointConventionBuilder Map(Microsoft.AspNetCore.Builder.WebApplication app) => app.MapServerFunctions();
                }
            }
            """, [library]);

        Assert.True(tests.Problems.Count == 0, string.Join("\n", tests.Problems));
        Assert.Equal("Shop.App.Tests", FriendAssemblyCompiler.MapServerFunctionsCalled(tests.Output));
    }

    /// <summary>
    /// The README: at C# 10 and later "a project names its class by its simple name, which the global using imports:
    /// <c>ServerFunctionEndpointRouteBuilderExtensions.MapServerFunctions(app)</c>". In a project that sees a library
    /// built at C# 9 and writes <c>using SessionAuth;</c> (as every sample does), that using imports the library's
    /// shared class of the same simple name at the same scope: CS0104. The documented call should compile.
    /// </summary>
    [Fact]
    public void The_READMEs_call_by_simple_name_compiles_beside_a_CSharp_9_library()
    {
        var library = FriendAssemblyCompiler.Library("Shop.App", Functions("Shop.App", "Carts", "/carts", "Shop.App.Tests"), [], LanguageVersion.CSharp9);
        var tests = FriendAssemblyCompiler.Compile("Shop.App.Tests", """
            using SessionAuth;

            namespace Shop.App.Tests
            {
                public static class TestHost
                {
                    public static Microsoft.AspNetCore.Builder.IEndpointConventionBuilder Map(Microsoft.AspNetCore.Builder.WebApplication app) =>
                        ServerFunctionEndpointRouteBuilderExtensions.MapServerFunctions(app);
                }
            }
            """, [library], LanguageVersion.CSharp10);

        Assert.True(tests.Problems.Count == 0, "Shop.App.Tests does not compile cleanly:\n" + string.Join("\n", tests.Problems));
    }

    /// <summary>
    /// A friend library referenced under an extern alias only (<c>&lt;ProjectReference Aliases="Legacy" /&gt;</c>, the
    /// way to reference two assemblies whose type names clash): its types are not in the global namespace, yet the
    /// generator sees its map class and writes <c>global::SessionAuth.ServerFunctionsOf_…</c>, which does not bind in
    /// ServerFunctions.Map.g.cs. The app should build (the entry reached through the alias, or left out with a
    /// diagnostic of the generator's own naming the library).
    /// </summary>
    [Theory]
    [InlineData(LanguageVersion.CSharp9)]
    [InlineData(LanguageVersion.Latest)]
    public void A_friend_referenced_under_an_extern_alias_only_does_not_break_the_generated_map(LanguageVersion libraryVersion)
    {
        var library = FriendAssemblyCompiler.Library("Shop.Legacy", Functions("Shop.Legacy", "Orders", "/orders", "Shop.App"), [], libraryVersion);
        var app = FriendAssemblyCompiler.Compile("Shop.App", Functions("Shop.App", "Carts", "/carts"), [library.WithAliases(["Legacy"])]);

        Assert.True(app.Problems.Count == 0, "Shop.App does not compile cleanly:\n" + string.Join("\n", app.Problems));
    }

    private static string Client(Compilation output) => ClientConstant(output, Emitting.TypeScriptClientEmitter.ScriptConstant);

    private static string ClientConstant(Compilation output, string name) =>
        output.SyntaxTrees.Single(static t => t.FilePath.EndsWith(Emitting.TypeScriptClientEmitter.HintName, StringComparison.Ordinal))
            .GetRoot().DescendantNodes()
            .OfType<Microsoft.CodeAnalysis.CSharp.Syntax.VariableDeclaratorSyntax>()
            .Single(v => v.Identifier.ValueText == name)
            .Initializer!.Value.GetFirstToken().ValueText;
}
