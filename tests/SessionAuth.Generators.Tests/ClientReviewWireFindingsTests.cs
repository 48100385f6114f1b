using Microsoft.CodeAnalysis.CSharp;
using SessionAuth.Testing;

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
    public Task What_the_server_writes_type_checks_as_what_the_client_declares(string shape) =>
        Shapes.AssertDeclaredAsync(shape);

    public static TheoryData<string> ShapeNames => Shapes.Names;

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

    /// <summary>
    /// A <c>[FromHeader]</c> parameter named as a header a browser's fetch may not set (a forbidden request header: the
    /// browser drops it silently, and sends its own <c>Referer</c>, <c>Origin</c> or <c>Cookie</c>): the function would get
    /// the browser's value, or none (a 400), never the one passed. The call must be refused with a TypeError naming the
    /// header before anything is sent, as a header value that would not arrive unchanged is. (In node, whose fetch sets any
    /// header, a stub stands for the browser's.) An analyzer refusing the name at build time would do as well; then this
    /// test moves to the analyzer tests.
    /// </summary>
    [Theory]
    [InlineData("Referer")]
    [InlineData("Origin")]
    [InlineData("Cookie")]
    [InlineData("Sec-Fetch-Site")]
    public async Task A_header_parameter_a_browser_may_not_send_is_refused_before_the_call(string header)
    {
        var (script, _) = ClientNamesTests.Client($$"""
            namespace Shop;

            [Microsoft.AspNetCore.Authorization.AllowAnonymous]
            public static class Tracking
            {
                [SessionAuth.ServerFunction("/track", Method = "GET")]
                public static string Track([Microsoft.AspNetCore.Mvc.FromHeader(Name = "{{header}}")] string value) => value;
            }
            """);
        var folder = Directory.CreateTempSubdirectory("client-review-").FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, "client.mjs"), script);
        await File.WriteAllTextAsync(Path.Combine(folder, "Consumer.mjs"), """
            import { Tracking, configure } from "./client.mjs";

            configure({ baseUrl: "https://school.example/" });
            let sent = null;
            globalThis.fetch = async (url, init) => {
                sent = [...new Headers(init.headers).keys()];
                return new Response("\"x\"", { status: 200, headers: { "Content-Type": "application/json" } });
            };
            try {
                await Tracking.track("passed");
                console.log("sent " + JSON.stringify(sent));
            } catch (error) {
                console.log(`${error.name}: ${error.message}`);
            }
            """);

        var (exitCode, output) = await NodeTools.RunAsync(folder, "node", "Consumer.mjs");

        Assert.True(exitCode == 0, output);
        Assert.StartsWith("TypeError", output, StringComparison.Ordinal);
        Assert.Contains(header, output, StringComparison.Ordinal);
    }

    private static readonly ClientWireShapeTable Shapes = new(
    [
        ("a class that is a collection only through the non-generic IEnumerable", "public sealed class Bag : System.Collections.IEnumerable { public int Count { get; set; } = 2; public System.Collections.IEnumerator GetEnumerator() { yield return 1; yield return 2; } }", "Bag", "new()"),
        ("a class derived from Hashtable", "public sealed class Settings : System.Collections.Hashtable { public string Label { get; set; } = \"s\"; }", "Settings", "new() { [\"a\"] = 1 }"),
    ]);

    private static (string Script, string Declarations) ClientOf(params (string Path, string Source)[] files) =>
        ClientNamesTests.Client(GeneratorHarness.CreateCompilation("")
            .RemoveAllSyntaxTrees()
            .AddSyntaxTrees(files.Select(static f => CSharpSyntaxTree.ParseText(f.Source, GeneratorHarness.ParseOptions, path: f.Path))));
}
