using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using SessionAuth.Generators.Analyzers;
using SessionAuth.Generators.Emitting;
using SessionAuth.Generators.Model;
using SessionAuth.Generators.Parsing;
using SessionAuth.Testing;

namespace SessionAuth.Generators.Tests;

/// <summary>
/// The client a project composes from the client models of the friends it maps (<see cref="ClientModel"/>): a model that
/// is corrupt, made up, or of another version never fails the build and is reported (SAUTH0018); a readable one keeps
/// every shape its functions have (unions, types of one full name in two assemblies).
/// </summary>
public sealed class FriendClientModelTests
{
    private static string Functions(string name, string type, string route) => $$"""
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
    /// Review 22e: a friend whose client model has a length prefix near <c>int.MaxValue</c>; the reader's bounds check
    /// added it to the colon's index, overflowed, and <c>Substring</c> threw <see cref="ArgumentOutOfRangeException"/>
    /// past the reader (CS8785, every generated file of the app gone).
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
    /// Review 22e: a well-formed model that names a type it does not hold (a function returning
    /// <c>Named("global::Shop.Missing")</c>, no such entry in its types) was read, and writing the declarations threw
    /// <see cref="KeyNotFoundException"/>. A model that does not hold together is unreadable.
    /// </summary>
    [Fact]
    public void A_friend_whose_client_model_names_a_type_it_does_not_hold_does_not_fail_the_generator()
    {
        var model = ModelOf(new ClientFunctionSpec("get", "GET", "/missing", EquatableArray<ClientParameterSpec>.Empty, ClientTypeSpec.Named("global::Shop.Missing"), EquatableArray<ClientNamedTypeSpec>.Empty));
        Assert.False(ClientModel.TryRead(model, out _));

        var friend = HandWrittenFriend("Shop.Functions", "Shop.App", model);
        var app = FriendAssemblyCompiler.Compile("Shop.App", Functions("Shop.App", "Carts", "/carts"), [friend]);

        Assert.False(app.Problems.Any(static problem => problem.StartsWith("CS8785 ", StringComparison.Ordinal)), "The generator failed:\n" + string.Join("\n", app.Problems));
        Assert.True(app.Problems.Count == 0, "Shop.App does not compile cleanly:\n" + string.Join("\n", app.Problems));
    }

    /// <summary>Models that parse but do not hold together: an array, record or nullable of nothing, a union of none, a property of a type not held.</summary>
    public static TheoryData<string> ModelsThatDoNotHoldTogether => new()
    {
        ModelOf(new ClientFunctionSpec("get", "GET", "/a", EquatableArray<ClientParameterSpec>.Empty, new ClientTypeSpec(ClientTypeKind.Array, string.Empty), EquatableArray<ClientNamedTypeSpec>.Empty)),
        ModelOf(new ClientFunctionSpec("get", "GET", "/a", EquatableArray<ClientParameterSpec>.Empty, new ClientTypeSpec(ClientTypeKind.Nullable, string.Empty), EquatableArray<ClientNamedTypeSpec>.Empty)),
        ModelOf(new ClientFunctionSpec("get", "GET", "/a", EquatableArray<ClientParameterSpec>.Empty, new ClientTypeSpec(ClientTypeKind.Union, string.Empty), EquatableArray<ClientNamedTypeSpec>.Empty)),
        ModelOf(new ClientFunctionSpec("get", "GET", "/a", EquatableArray<ClientParameterSpec>.Empty, new ClientTypeSpec(ClientTypeKind.Keyword, string.Empty), EquatableArray<ClientNamedTypeSpec>.Empty)),
        ModelOf(new ClientFunctionSpec(
            "get",
            "GET",
            "/a",
            new[] { new ClientParameterSpec("page", "page", ClientArgumentSource.Json, ClientTypeSpec.Named("global::Shop.Page"), IsOptional: false) }.ToEquatableArray(),
            ClientTypeSpec.Void,
            new[] { new ClientNamedTypeSpec("global::Shop.Page", "Page", IsEnum: false, new[] { new ClientPropertySpec("next", ClientTypeSpec.Named("global::Shop.Cursor"), IsOptional: false) }.ToEquatableArray(), EquatableArray<ClientEnumMemberSpec>.Empty) }.ToEquatableArray())),
    };

    [Theory]
    [MemberData(nameof(ModelsThatDoNotHoldTogether))]
    public void A_model_that_does_not_hold_together_is_unreadable(string model) =>
        Assert.False(ClientModel.TryRead(model, out _));

    /// <summary>
    /// Review 22e: a friend whose map has the current entry method but whose client model the app cannot read (none, a
    /// later format, or text that does not read) is mapped, yet its functions were silently left out of the client.
    /// SAUTH0018 names it.
    /// </summary>
    [Theory]
    [InlineData(null, "1:0")]
    [InlineData(ClientModel.FieldPrefix + "V2", "1:0")]
    [InlineData(ClientModel.FieldPrefix + "V4", "1:0")]
    [InlineData(ClientModel.FieldName, "2147483647:x")]
    public async Task A_friend_whose_client_model_cannot_be_read_is_reported(string? fieldName, string model)
    {
        var friend = HandWrittenFriend("Shop.Functions", "Shop.App", model, fieldName);
        var app = FriendAssemblyCompiler.Compile("Shop.App", Functions("Shop.App", "Carts", "/carts"), [friend]);
        var reported = await Analyze(app.Output);

        Assert.Contains(FriendAssemblyCompiler.EntryCall("Shop.Functions"), app.Generated, StringComparison.Ordinal);
        var diagnostic = Assert.Single(reported);
        Assert.Equal("SAUTH0018", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Contains("Shop.Functions", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Contains("client", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    /// <summary>A friend built by this generator: its client model reads, and nothing is reported.</summary>
    [Fact]
    public async Task A_friend_whose_client_model_reads_is_not_reported()
    {
        var friend = FriendAssemblyCompiler.Library("Shop.Functions", "[assembly: System.Runtime.CompilerServices.InternalsVisibleTo(\"Shop.App\")]\n" + Functions("Shop.Functions", "Orders", "/orders"), []);
        var app = FriendAssemblyCompiler.Compile("Shop.App", Functions("Shop.App", "Carts", "/carts"), [friend]);

        Assert.Empty(await Analyze(app.Output));
        Assert.Contains("\"/orders\"", ClientConstant(app.Output, TypeScriptClientEmitter.ScriptConstant), StringComparison.Ordinal);
    }

    /// <summary>
    /// A friend's function returning a <c>Results&lt;…&gt;</c> union: the model wrote the union's kind but not its
    /// alternatives, so the app declared <c>Promise&lt;&gt;</c>. The app's declaration of it is the friend's own.
    /// </summary>
    [Fact]
    public void A_friends_function_returning_a_union_is_declared_as_the_friend_declares_it()
    {
        var friend = FriendAssemblyCompiler.Compile("Shop.Functions", """
            [assembly: System.Runtime.CompilerServices.InternalsVisibleTo("Shop.App")]

            namespace Shop.Functions
            {
                using Microsoft.AspNetCore.Http.HttpResults;

                public sealed record Order(string Id);

                [Microsoft.AspNetCore.Authorization.AllowAnonymous]
                public static class Orders
                {
                    [SessionAuth.ServerFunction("/orders/find")] public static Results<Ok<Order>, Ok<int>, NotFound> Find(string id) => Microsoft.AspNetCore.Http.TypedResults.NotFound();
                }
            }
            """, []);
        Assert.True(friend.Problems.Count == 0, string.Join("\n", friend.Problems));
        var app = FriendAssemblyCompiler.Compile("Shop.App", Functions("Shop.App", "Carts", "/carts"), [friend.Image!]);
        Assert.True(app.Problems.Count == 0, string.Join("\n", app.Problems));

        var own = FindLine(ClientConstant(friend.Output, TypeScriptClientEmitter.DeclarationsConstant));
        Assert.Contains("Promise<Order | number>", own, StringComparison.Ordinal);
        Assert.Equal(own, FindLine(ClientConstant(app.Output, TypeScriptClientEmitter.DeclarationsConstant)));

        static string FindLine(string declarations) => declarations.Split('\n').Single(static l => l.TrimStart().StartsWith("find(", StringComparison.Ordinal));
    }

    /// <summary>
    /// Review 22e: App → Functions → Core, the app not seeing Core's internals. Core's function returns its
    /// <c>Shop.Models.Page</c> (a cursor), the app declares a <c>Shop.Models.Page</c> of its own (a number). The
    /// composed client keyed named types by full name only and kept the first, so Core's function was declared to
    /// return the app's Page. Each keeps its own shape, the later one numbered.
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
        var functions = FriendAssemblyCompiler.Library("Shop.Functions", "[assembly: System.Runtime.CompilerServices.InternalsVisibleTo(\"Shop.App\")]\n" + Functions("Shop.Functions", "Orders", "/orders"), [core]);
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

        var declarations = ClientConstant(app.Output, TypeScriptClientEmitter.DeclarationsConstant);
        Assert.Contains("export interface Page {\n    number: number;\n}", declarations, StringComparison.Ordinal);
        Assert.Contains("export interface Page2 {\n    cursor: string;\n}", declarations, StringComparison.Ordinal);
        Assert.Contains("first(options?: ServerFunctionCallOptions): Promise<Page>;", ObjectDeclaration(declarations, "Listing"), StringComparison.Ordinal);
        Assert.Contains("first(options?: ServerFunctionCallOptions): Promise<Page2>;", ObjectDeclaration(declarations, "Pages"), StringComparison.Ordinal);
    }

    /// <summary>
    /// The same type reached through two sections (Core's <c>Page</c>, returned by Core's function and by the app's,
    /// which sees Core): one type, declared once, not numbered.
    /// </summary>
    [Fact]
    public void One_type_reached_through_two_assemblies_is_declared_once()
    {
        var core = FriendAssemblyCompiler.Library("Shop.Core", """
            [assembly: System.Runtime.CompilerServices.InternalsVisibleTo("Shop.App")]

            namespace Shop.Models
            {
                public sealed record Page(string Cursor, Page? Next);

                [Microsoft.AspNetCore.Authorization.AllowAnonymous]
                public static class Pages
                {
                    [SessionAuth.ServerFunction("/core/page")] public static Page First() => new("start", null);
                }
            }
            """, []);
        var app = FriendAssemblyCompiler.Compile("Shop.App", """
            namespace Shop.App
            {
                [Microsoft.AspNetCore.Authorization.AllowAnonymous]
                public static class Listing
                {
                    [SessionAuth.ServerFunction("/app/page")] public static Shop.Models.Page Last() => new("end", null);
                }
            }
            """, [core]);
        Assert.True(app.Problems.Count == 0, "Shop.App does not compile cleanly:\n" + string.Join("\n", app.Problems));

        var declarations = ClientConstant(app.Output, TypeScriptClientEmitter.DeclarationsConstant);
        Assert.Contains("export interface Page {\n    cursor: string;\n    next: Page | null;\n}", declarations, StringComparison.Ordinal);
        Assert.DoesNotContain("Page2", declarations, StringComparison.Ordinal);
    }

    /// <summary>
    /// The reader is total: a real model (records, enums, unions, arrays, dictionaries, optional and nullable arguments),
    /// mutated at random (cut short, characters changed, a number made huge or negative, types nested deeply) reads or
    /// is unreadable, and never throws; what it reads holds together, so that the client's emitter can write it.
    /// </summary>
    [Theory]
    [MemberData(nameof(Seeds))]
    public void A_mutated_client_model_is_read_or_refused_and_never_throws(int seed)
    {
        var random = new Random(seed);
        var model = RealModel.Value;
        Assert.True(ClientModel.TryRead(model, out _), "The real model does not read.");
        for (var round = 0; round < 200; round++)
        {
            var mutated = Mutate(model, random);
            var readable = ClientModel.TryRead(mutated, out var sections);
            if (readable)
            {
                var client = ClientSpec.Of(sections);
                Assert.NotNull(TypeScriptClientEmitter.Declarations(client));
                Assert.NotNull(TypeScriptClientEmitter.Script(client));
                Assert.Equal(mutated, ClientModel.Write(sections));
            }
        }
    }

    public static TheoryData<int> Seeds => new(Enumerable.Range(0, 24));

    /// <summary>Types nested far deeper than any signature writes: unreadable, and no stack overflow.</summary>
    [Theory]
    [InlineData(65)]
    [InlineData(100_000)]
    public void A_model_nesting_types_too_deeply_is_unreadable(int depth)
    {
        var type = ClientTypeSpec.Keyword("number");
        for (var i = 0; i < depth; i++)
        {
            type = ClientTypeSpec.ArrayOf(type);
        }

        // Written by hand, as the writer recurses as deeply as the type: the nested type is a prefix repeated.
        var prefix = "1:20:1:1";
        var model = ModelOf(new ClientFunctionSpec("get", "GET", "/a", EquatableArray<ClientParameterSpec>.Empty, ClientTypeSpec.Keyword("number"), EquatableArray<ClientNamedTypeSpec>.Empty));
        var keyword = "1:06:number1:01:0";
        var nested = string.Concat(Enumerable.Repeat(prefix, depth)) + keyword + string.Concat(Enumerable.Repeat("1:0", depth));
        Assert.Contains(keyword, model, StringComparison.Ordinal);
        var deep = model.Replace(keyword, nested, StringComparison.Ordinal);
        if (depth < 100)
        {
            Assert.Equal(ModelOf(new ClientFunctionSpec("get", "GET", "/a", EquatableArray<ClientParameterSpec>.Empty, type, EquatableArray<ClientNamedTypeSpec>.Empty)), deep);
        }

        Assert.False(ClientModel.TryRead(deep, out _));
    }

    private static readonly Lazy<string> RealModel = new(static () =>
    {
        var library = FriendAssemblyCompiler.Compile("Shop.Functions", """
            using System.Collections.Generic;
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Http.HttpResults;

            namespace Shop.Functions
            {
                public enum Size { Small, Large }

                public sealed record Line(string Sku, int? Quantity, Size Size);

                public sealed record Order(string Id, List<Line> Lines, Dictionary<string, decimal> Totals, Order? Previous);

                [Microsoft.AspNetCore.Authorization.AllowAnonymous]
                public static class Orders
                {
                    [SessionAuth.ServerFunction] public static Order Place(Order order, int[] tags, Size? size = null) => order;
                    [SessionAuth.ServerFunction("/orders/{id}", Method = "GET")] public static Task<Results<Ok<Order>, Ok<int>, NotFound>> Find(string id, int take = 20) => Task.FromResult<Results<Ok<Order>, Ok<int>, NotFound>>(Microsoft.AspNetCore.Http.TypedResults.NotFound());
                    [SessionAuth.ServerFunction] public static Task Forget(string? reason) => Task.CompletedTask;
                }
            }
            """, []);
        Assert.True(library.Problems.Count == 0, string.Join("\n", library.Problems));
        return ClientConstant(library.Output, ClientModel.FieldName);
    });

    /// <summary>Numbers a mutation writes into a model: the largest int, one past it, one past a long, negative, zero, one.</summary>
    private static readonly string[] Numbers = ["2147483647", "2147483648", "99999999999999999999", "-1", "0", "1"];

    private static string Mutate(string model, Random random)
    {
        var text = model.ToCharArray().ToList();
        var changes = random.Next(1, 4);
        for (var change = 0; change < changes && text.Count > 0; change++)
        {
            var at = random.Next(text.Count);
            switch (random.Next(6))
            {
                case 0:
                    text.RemoveRange(at, text.Count - at);
                    break;
                case 1:
                    text[at] = "0123456789:-x\u2028"[random.Next(14)];
                    break;
                case 2:
                    text.InsertRange(at, Numbers[random.Next(Numbers.Length)]);
                    break;
                case 3:
                    text.RemoveAt(at);
                    break;
                case 4:
                    text.InsertRange(at, string.Concat(Enumerable.Repeat("1:20:1:1", random.Next(1, 200))));
                    break;
                default:
                    var length = random.Next(1, Math.Min(40, text.Count - at) + 1);
                    text.InsertRange(random.Next(text.Count), text.GetRange(at, length));
                    break;
            }
        }

        return new string(text.ToArray());
    }

    private static string ModelOf(ClientFunctionSpec function) => ClientModel.Write(new[]
    {
        new ClientSectionSpec("Shop.Functions", new[] { new ClientSectionFunctionSpec("Shop.Functions|Shop.Functions.Orders", "Orders", function) }.ToEquatableArray()),
    }.ToEquatableArray());

    private static async Task<ImmutableArray<Diagnostic>> Analyze(Compilation output) =>
        await output.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new ServerFunctionAnalyzer())).GetAnalyzerDiagnosticsAsync();

    /// <summary>A friend's map class as a generator writes it (entry method of the current shape), with <paramref name="model"/> as its client model; compiled without the generator.</summary>
    private static PortableExecutableReference HandWrittenFriend(string assemblyName, string friendOf, string model, string? fieldName = ClientModel.FieldName)
    {
        var identifier = ReferencedMaps.Identifier(assemblyName);
        var source = $$"""
            [assembly: System.Runtime.CompilerServices.InternalsVisibleTo("{{friendOf}}")]

            namespace SessionAuth.{{identifier}}
            {
                internal static partial class {{ReferencedMaps.MapClassName(identifier)}}
                {
                    {{(fieldName is null ? string.Empty : $"internal const string {fieldName} = {SymbolDisplay.FormatLiteral(model, quote: true)};")}}

                    public static void {{identifier}}(this Microsoft.AspNetCore.Routing.RouteGroupBuilder group, System.IServiceProvider services, System.Collections.Generic.ISet<string> mapped)
                    {
                        mapped.Add("{{assemblyName}}");
                    }
                }
            }
            """;
        return MetadataReference.CreateFromImage(FriendAssemblyCompiler.CompileWithoutGenerator(assemblyName, source));
    }

    /// <summary>The declaration of a declaring type's object, up to its closing brace.</summary>
    private static string ObjectDeclaration(string declarations, string name)
    {
        var start = declarations.IndexOf($"declare const {name}: {{", StringComparison.Ordinal);
        Assert.True(start >= 0, $"No object {name} in:\n{declarations}");
        return declarations.Substring(start, declarations.IndexOf("};", start, StringComparison.Ordinal) - start);
    }

    private static string ClientConstant(Compilation output, string name) =>
        output.SyntaxTrees.Single(static t => t.FilePath.EndsWith(TypeScriptClientEmitter.HintName, StringComparison.Ordinal))
            .GetRoot().DescendantNodes()
            .OfType<Microsoft.CodeAnalysis.CSharp.Syntax.VariableDeclaratorSyntax>()
            .Single(v => v.Identifier.ValueText == name)
            .Initializer!.Value.GetFirstToken().ValueText;
}
