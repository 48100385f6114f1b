using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using SessionAuth.Testing;

namespace SessionAuth.Generators.Tests;

/// <summary>
/// Friends told apart by what identifies an assembly, not by its simple name (review 22e): two of one name and different
/// keys are both mapped, two of one name and key are refused with SAUTH0018 naming both, one referenced under an extern
/// alias only is reached through the alias.
/// </summary>
public sealed class FriendMapIdentityTests
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
    /// Two friend libraries with the same simple name (<c>Shop.Lib</c>), told apart by version and public key, both
    /// granting the app their internals: when the map identifier was derived from the simple name only, both maps lived
    /// in <c>SessionAuth.ServerFunctionsOf_Shop_Lib_&lt;hash&gt;</c>, the app's generated entry calls were CS0433 inside
    /// ServerFunctions.Map.g.cs, and the set of mapped assemblies and the client composition, keyed by simple name,
    /// dropped the second. The identifier's hash, the set and the client now go by name and public key token: both build
    /// and both are mapped.
    /// </summary>
    [Fact]
    public void Two_friends_with_the_same_simple_name_build_and_both_are_mapped()
    {
        var one = Build("Shop.Lib", AppKey, "1.0.0.0", Functions("Shop.Lib.One", "Orders", "/orders", "Shop.App"), []);
        Assert.True(one.Problems.Count == 0, string.Join("\n", one.Problems));
        var two = Build("Shop.Lib", typeof(object).Assembly.GetName().GetPublicKey()!, "2.0.0.0", Functions("Shop.Lib.Two", "Stock", "/stock", "Shop.App"), []);
        Assert.True(two.Problems.Count == 0, string.Join("\n", two.Problems));
        var app = Build("Shop.App", AppKey, "1.0.0.0", Functions("Shop.App", "Carts", "/carts"), [Image(one.Output), Image(two.Output)]);
        Assert.True(app.Problems.Count == 0, string.Join("\n", app.Problems));
        Assert.Contains("\"/stock\"", Client(app.Output), StringComparison.Ordinal);
        Assert.Contains("\"/orders\"", Client(app.Output), StringComparison.Ordinal);
    }

    /// <summary>
    /// A friend library referenced under an extern alias only (<c>&lt;ProjectReference Aliases="Legacy" /&gt;</c>, the
    /// way to reference two assemblies whose type names clash): its types are not in the global namespace, so
    /// <c>global::SessionAuth.ServerFunctionsOf_…</c> (or, for a map built at C# 9, an extension call found through
    /// <c>SessionAuth</c>) did not bind in ServerFunctions.Map.g.cs. The generated file declares the alias and names the
    /// library's entry method through it: the app builds and maps the library's functions.
    /// </summary>
    [Theory]
    [InlineData(LanguageVersion.CSharp9)]
    [InlineData(LanguageVersion.Latest)]
    public void A_friend_referenced_under_an_extern_alias_only_does_not_break_the_generated_map(LanguageVersion libraryVersion)
    {
        var library = FriendAssemblyCompiler.Library("Shop.Legacy", Functions("Shop.Legacy", "Orders", "/orders", "Shop.App"), [], libraryVersion);
        var app = FriendAssemblyCompiler.Compile("Shop.App", Functions("Shop.App", "Carts", "/carts"), [library.WithAliases(["Legacy"])]);

        Assert.True(app.Problems.Count == 0, "Shop.App does not compile cleanly:\n" + string.Join("\n", app.Problems));
        Assert.Contains("extern alias Legacy;", app.Generated, StringComparison.Ordinal);
        Assert.Contains("Legacy::SessionAuth.", app.Generated, StringComparison.Ordinal);
        Assert.Contains("\"/orders\"", Client(app.Output), StringComparison.Ordinal);
    }

    private static readonly byte[] AppKey = typeof(Microsoft.AspNetCore.Http.HttpContext).Assembly.GetName().GetPublicKey()!;

    /// <summary>
    /// Two friends of one name and one public key, versions 1 and 2, both granting the app their internals (two versions
    /// of a strong-named library side by side): what identifies an assembly for its map (name and key) is the same, so
    /// their maps share a namespace, a class and an entry method's name that generated code cannot tell apart. The
    /// generator leaves both out, the app builds, and SAUTH0018 names both.
    /// </summary>
    [Fact]
    public async Task Two_friends_with_the_same_name_and_key_are_refused_with_SAUTH0018_naming_both()
    {
        var one = Build("Shop.Lib", AppKey, "1.0.0.0", Functions("Shop.Lib.One", "Orders", "/orders", "Shop.App"), []);
        Assert.True(one.Problems.Count == 0, string.Join("\n", one.Problems));
        var two = Build("Shop.Lib", AppKey, "2.0.0.0", Functions("Shop.Lib.Two", "Stock", "/stock", "Shop.App"), []);
        Assert.True(two.Problems.Count == 0, string.Join("\n", two.Problems));
        var app = Build("Shop.App", AppKey, "1.0.0.0", Functions("Shop.App", "Carts", "/carts"), [Image(one.Output), Image(two.Output)]);

        Assert.True(app.Problems.Count == 0, string.Join("\n", app.Problems));
        Assert.DoesNotContain("\"/stock\"", Client(app.Output), StringComparison.Ordinal);
        Assert.DoesNotContain(Parsing.ReferencedMaps.Identifier(one.Output.Assembly.Identity) + "(", app.Generated, StringComparison.Ordinal);
        var analyzed = await app.Output.WithAnalyzers([new Analyzers.ServerFunctionAnalyzer()], options: null).GetAnalyzerDiagnosticsAsync();
        var reported = Assert.Single(analyzed, static d => d.Id == "SAUTH0018");
        var message = reported.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains("Shop.Lib, Version=1.0.0.0", message, StringComparison.Ordinal);
        Assert.Contains("Shop.Lib, Version=2.0.0.0", message, StringComparison.Ordinal);
    }

    /// <summary>Compiles <paramref name="source"/> with the generator as <paramref name="name"/>, publicly signed with <paramref name="key"/>, at <paramref name="version"/>; a grant to Shop.App is made by the app's key.</summary>
    private static (Compilation Output, List<string> Problems, string Generated) Build(string name, byte[] key, string version, string source, MetadataReference[] references)
    {
        var grant = $"Shop.App, PublicKey={Convert.ToHexString(AppKey)}";
        var compilation = CSharpCompilation.Create(name, [CSharpSyntaxTree.ParseText(source.Replace("[assembly: System.Runtime.CompilerServices.InternalsVisibleTo(\"Shop.App\")]", $"[assembly: System.Runtime.CompilerServices.InternalsVisibleTo(\"{grant}\")]\n[assembly: System.Reflection.AssemblyVersion(\"{version}\")]", StringComparison.Ordinal), GeneratorHarness.ParseOptions, path: "Source.cs")],
            FrameworkReferences.All.Add(GeneratorHarness.RuntimeReference).AddRange(references),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable).WithPublicSign(true).WithCryptoPublicKey([.. key]));
        var driver = GeneratorHarness.CreateDriver().RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        var problems = generatorDiagnostics.Concat(output.GetDiagnostics()).Where(static d => d.Severity >= DiagnosticSeverity.Warning).Select(static d => d.ToString()).ToList();
        return (output, problems, string.Join("\n", driver.GetRunResult().Results.Single().GeneratedSources.Select(static s => s.SourceText.ToString())));
    }

    private static PortableExecutableReference Image(Compilation output)
    {
        using var image = new MemoryStream();
        var result = output.Emit(image);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        return MetadataReference.CreateFromImage(image.ToArray());
    }

    private static string Client(Compilation output) =>
        output.SyntaxTrees.Single(static t => t.FilePath.EndsWith(Emitting.TypeScriptClientEmitter.HintName, StringComparison.Ordinal))
            .GetRoot().DescendantNodes()
            .OfType<Microsoft.CodeAnalysis.CSharp.Syntax.VariableDeclaratorSyntax>()
            .Single(v => v.Identifier.ValueText == Emitting.TypeScriptClientEmitter.ScriptConstant)
            .Initializer!.Value.GetFirstToken().ValueText;
}
