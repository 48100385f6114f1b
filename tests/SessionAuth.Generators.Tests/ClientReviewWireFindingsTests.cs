using Microsoft.CodeAnalysis.CSharp;

namespace SessionAuth.Generators.Tests;

/// <summary>
/// Signatures whose generated client does not yet say what the server writes, or depends on the order of the files:
/// each test passes once the client declares the value JSON writes (<see cref="ClientWireTypeCheck"/>) or is the same
/// whichever order the compiler is handed the files.
/// </summary>
public sealed class ClientReviewWireFindingsTests
{
    /// <summary>
    /// A class that is a collection only through the non-generic <c>IEnumerable</c> (or <c>IDictionary</c>, as a
    /// <c>Hashtable</c>'s subclass is) is written by System.Text.Json as an array (an object of its entries), never as its
    /// properties, which the client declares; the start-up check then refuses to start an app that returns one.
    /// </summary>
    [Theory]
    [MemberData(nameof(ShapeNames))]
    public async Task What_the_server_writes_type_checks_as_what_the_client_declares(string shape)
    {
        var index = Array.FindIndex(Shapes, row => row.Shape == shape);
        var (accepted, report) = (await Checked.Value)[index];

        Assert.True(accepted, $"{shape}:\n{report}");
    }

    public static TheoryData<string> ShapeNames => [.. Shapes.Select(static row => row.Shape)];

    /// <summary>
    /// Two functions of one partial class, in two files, whose names camelCase alike (two overloads on their own routes):
    /// which of them <c>Catalog.find</c> calls, and which is <c>find2</c>, must not depend on the order of the files,
    /// or a renamed file silently points the page's call at the other function.
    /// </summary>
    [Fact]
    public void Functions_of_one_name_in_two_files_of_a_partial_class_keep_their_names_whichever_order_the_files_come_in()
    {
        const string first = """
            namespace Shop;

            [Microsoft.AspNetCore.Authorization.AllowAnonymous]
            public static partial class Catalog
            {
                [SessionAuth.ServerFunction("/catalog/by-sku", Method = "GET")] public static string Find(string sku) => sku;
            }
            """;
        const string second = """
            namespace Shop;

            public static partial class Catalog
            {
                [SessionAuth.ServerFunction("/catalog/by-name", Method = "GET")] public static string Find(string name, int take = 1) => name;
            }
            """;

        var forward = ClientOf(("Catalog.Sku.cs", first), ("Catalog.Name.cs", second));
        var backward = ClientOf(("Catalog.Name.cs", second), ("Catalog.Sku.cs", first));

        Assert.Equal(forward.Script, backward.Script);
        Assert.Equal(forward.Declarations, backward.Declarations);
    }

    private static readonly (string Shape, string Types, string Returned, string Sample)[] Shapes =
    [
        ("a class that is a collection only through the non-generic IEnumerable", "public sealed class Bag : System.Collections.IEnumerable { public int Count { get; set; } = 2; public System.Collections.IEnumerator GetEnumerator() { yield return 1; yield return 2; } }", "Bag", "new()"),
        ("a class derived from Hashtable", "public sealed class Settings : System.Collections.Hashtable { public string Label { get; set; } = \"s\"; }", "Settings", "new() { [\"a\"] = 1 }"),
    ];

    private static readonly Lazy<Task<IReadOnlyList<(bool Accepted, string Report)>>> Checked =
        new(static () => ClientWireTypeCheck.CheckAllAsync([.. Shapes.Select(static row => (row.Types, row.Returned, row.Sample))]));

    private static (string Script, string Declarations) ClientOf(params (string Path, string Source)[] files) =>
        ClientNamesTests.Client(GeneratorHarness.CreateCompilation("")
            .RemoveAllSyntaxTrees()
            .AddSyntaxTrees(files.Select(static f => CSharpSyntaxTree.ParseText(f.Source, GeneratorHarness.ParseOptions, path: f.Path))));
}
