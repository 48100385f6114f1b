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
    /// A friend whose client model constant is corrupt (a length prefix near <c>int.MaxValue</c>): the reader's bounds
    /// check <c>colon + 1 + length &gt; text.Length</c> overflows, so <c>Substring</c> throws
    /// <see cref="ArgumentOutOfRangeException"/>, which <c>ClientModel.Read</c> does not catch (it catches only
    /// <see cref="FormatException"/>): the generator fails with CS8785 and the app loses every generated file. A model the
    /// reader cannot read should be one it skips, as it skips any other malformed text.
    /// </summary>
    [Theory]
    [InlineData("2147483647:x")]
    [InlineData("1:12147483640:")]
    public void A_friend_whose_client_model_has_an_overflowing_length_does_not_fail_the_generator(string model)
    {
        var friend = HandWrittenFriend("Shop.Functions", "Shop.App", model);
        var app = FriendAssemblyCompiler.Compile("Shop.App", Functions("Shop.App", "Carts", "/carts"), [friend]);

        Assert.False(app.Problems.Any(static problem => problem.StartsWith("CS8785 ", StringComparison.Ordinal)), "The generator failed:\n" + string.Join("\n", app.Problems));
        Assert.True(app.Problems.Count == 0, "Shop.App does not compile cleanly:\n" + string.Join("\n", app.Problems));
    }

    /// <summary>
    /// A friend's client model that is well formed but names a type it does not hold (a function returning
    /// <c>Named("global::Shop.Missing")</c> with no such entry in its types): <c>ClientModel.Read</c> accepts it, and
    /// writing the declarations looks the key up in a dictionary of the composed types, which throws
    /// <see cref="KeyNotFoundException"/>: CS8785, every generated file of the app gone. A model that does not hold
    /// together should be skipped (or its section dropped) like one that does not parse.
    /// </summary>
    [Fact]
    public void A_friend_whose_client_model_names_a_type_it_does_not_hold_does_not_fail_the_generator()
    {
        var function = new Model.ClientFunctionSpec(
            "get",
            "GET",
            "/missing",
            Model.EquatableArray<Model.ClientParameterSpec>.Empty,
            Model.ClientTypeSpec.Named("global::Shop.Missing"),
            Model.EquatableArray<Model.ClientNamedTypeSpec>.Empty);
        var model = Parsing.ClientModel.Write(new[]
        {
            new Model.ClientSectionSpec("Shop.Functions", new[] { new Model.ClientSectionFunctionSpec("Shop.Functions|Shop.Functions.Missing", "Missing", function) }.ToEquatableArray()),
        }.ToEquatableArray());
        var friend = HandWrittenFriend("Shop.Functions", "Shop.App", model);
        var app = FriendAssemblyCompiler.Compile("Shop.App", Functions("Shop.App", "Carts", "/carts"), [friend]);

        Assert.False(app.Problems.Any(static problem => problem.StartsWith("CS8785 ", StringComparison.Ordinal)), "The generator failed:\n" + string.Join("\n", app.Problems));
        Assert.True(app.Problems.Count == 0, "Shop.App does not compile cleanly:\n" + string.Join("\n", app.Problems));
    }

    /// <summary>
    /// App → Functions → Core, App not seeing Core's internals: Core's function returns its <c>Shop.Models.Page</c>
    /// (a cursor), the app declares a <c>Shop.Models.Page</c> of its own (a number), which compiles since the app cannot
    /// see Core's type. The composed client keys named types by their full name without the assembly and keeps the
    /// first, so Core's function is declared to return the app's Page: the TypeScript types lie about Core's answer.
    /// Each assembly's type should keep its own shape (numbered like a clashing declaring type).
    /// </summary>
    [Fact]
    public void Types_of_the_same_full_name_in_two_assemblies_keep_their_own_shapes_in_the_composed_client()
    {
        var core = FriendAssemblyCompiler.Library("Shop.Core", """
            [assembly: System.Runtime.CompilerServices.InternalsVisibleTo("Shop.Functions")]

            namespace Shop.Models
            {
                public sealed record Page(string Cursor);

                [Microsoft.AspNetCore.Authorization.AllowAnonymous]
                public static class Pages
                {
                    [SessionAuth.ServerFunction("/core/page")] public static Page First() => new("start");
                }
            }
            """, []);
        var functions = FriendAssemblyCompiler.Library("Shop.Functions", Functions("Shop.Functions", "Orders", "/orders", "Shop.App"), [core]);
        var app = FriendAssemblyCompiler.Compile("Shop.App", """
            namespace Shop.Models
            {
                public sealed record Page(int Number);

                [Microsoft.AspNetCore.Authorization.AllowAnonymous]
                public static class Listing
                {
                    [SessionAuth.ServerFunction("/app/page")] public static Page First() => new(1);
                }
            }
            """, [functions]);
        Assert.True(app.Problems.Count == 0, "Shop.App does not compile cleanly:\n" + string.Join("\n", app.Problems));

        var declarations = ClientConstant(app.Output, Emitting.TypeScriptClientEmitter.DeclarationsConstant);
        Assert.Contains("number: number;", declarations, StringComparison.Ordinal);
        Assert.Contains("cursor: string;", declarations, StringComparison.Ordinal);
    }

    /// <summary>
    /// A friend whose map has the current entry method but whose client model the app cannot read (none, or a later
    /// format under <c>ServerFunctionClientModelV2</c>): the app's map maps the friend's functions through the entry
    /// method, yet its client (<c>/_server/client.js</c>) silently leaves them out, and the build says nothing. A friend
    /// whose client cannot be composed should be reported (as SAUTH0018 reports a friend whose map cannot be called).
    /// </summary>
    [Theory]
    [InlineData(null)]
    [InlineData("ServerFunctionClientModelV2")]
    public void A_friend_whose_client_model_cannot_be_read_is_reported(string? fieldName)
    {
        var friend = HandWrittenFriend("Shop.Functions", "Shop.App", "1:0", fieldName);
        var app = FriendAssemblyCompiler.Compile("Shop.App", Functions("Shop.App", "Carts", "/carts"), [friend]);

        Assert.Contains(FriendAssemblyCompiler.EntryCall("Shop.Functions"), app.Generated, StringComparison.Ordinal);
        Assert.Contains(app.Problems, static problem => problem.Contains("Shop.Functions", StringComparison.Ordinal));
    }

    /// <summary>A friend's map class as a generator writes it (entry method of the current shape), with <paramref name="model"/> as its client model; compiled without the generator.</summary>
    private static PortableExecutableReference HandWrittenFriend(string assemblyName, string friendOf, string model, string? fieldName = Parsing.ClientModel.FieldName)
    {
        var identifier = Parsing.ReferencedMaps.Identifier(assemblyName);
        var source = $$"""
            [assembly: System.Runtime.CompilerServices.InternalsVisibleTo("{{friendOf}}")]

            namespace SessionAuth.{{identifier}}
            {
                internal static partial class {{Parsing.ReferencedMaps.MapClassName(identifier)}}
                {
                    {{(fieldName is null ? string.Empty : $"internal const string {fieldName} = {SymbolDisplay.FormatLiteral(model, quote: true)};")}}

                    public static void {{identifier}}(this Microsoft.AspNetCore.Routing.RouteGroupBuilder group, System.IServiceProvider services, System.Collections.Generic.ISet<string> mapped)
                    {
                        mapped.Add("{{assemblyName}}");
                    }
                }
            }
            """;
        var compilation = CSharpCompilation.Create(
            assemblyName,
            [CSharpSyntaxTree.ParseText(source, GeneratorHarness.ParseOptions, path: "Friend.cs")],
            FrameworkReferences.All.Add(GeneratorHarness.RuntimeReference),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        return MetadataReference.CreateFromImage(image.ToArray());
    }

    private static string ClientConstant(Compilation output, string name) =>
        output.SyntaxTrees.Single(static t => t.FilePath.EndsWith(Emitting.TypeScriptClientEmitter.HintName, StringComparison.Ordinal))
            .GetRoot().DescendantNodes()
            .OfType<Microsoft.CodeAnalysis.CSharp.Syntax.VariableDeclaratorSyntax>()
            .Single(v => v.Identifier.ValueText == name)
            .Initializer!.Value.GetFirstToken().ValueText;
}
