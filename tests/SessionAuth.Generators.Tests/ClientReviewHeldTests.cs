using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SessionAuth.Generators.Emitting;

namespace SessionAuth.Generators.Tests;

/// <summary>
/// The emitted client is a function of the program, not of the order the compiler is handed its files: a build on
/// another machine (or after a file is renamed) serves the same <c>client.js</c>, whose ETag and immutable caching rely on it.
/// Two declaring types of one name and two DTOs of one name in two namespaces, in two files, are the case where an order
/// could leak: which of them keeps the plain name.
/// </summary>
public sealed class ClientReviewHeldTests
{
    private const string Orders = """
        namespace Shop.Orders
        {
            public sealed record Item(string Sku, int Quantity);

            [Microsoft.AspNetCore.Authorization.AllowAnonymous]
            public static class Catalog
            {
                [SessionAuth.ServerFunction("/orders/item")] public static Item Get(string sku) => new(sku, 1);
            }
        }
        """;

    private const string Stock = """
        namespace Shop.Stock
        {
            public sealed record Item(string Shelf, decimal Price);

            public enum Item2 { Low, High }

            [Microsoft.AspNetCore.Authorization.AllowAnonymous]
            public static class Catalog
            {
                [SessionAuth.ServerFunction("/stock/item")] public static Item Get(Item2 level) => new("a", 1m);
            }
        }
        """;

    [Fact]
    public void The_client_is_the_same_whichever_order_the_files_come_in()
    {
        var forward = ClientOf(("Orders.cs", Orders), ("Stock.cs", Stock));
        var backward = ClientOf(("Stock.cs", Stock), ("Orders.cs", Orders));

        Assert.Equal(forward.Declarations, backward.Declarations);
        Assert.Equal(forward.Script, backward.Script);
    }

    /// <summary>Two runs of the generator on the same program write the same client.</summary>
    [Fact]
    public void The_client_is_the_same_on_every_run()
    {
        var first = ClientOf(("Orders.cs", Orders), ("Stock.cs", Stock));
        var second = ClientOf(("Orders.cs", Orders), ("Stock.cs", Stock));

        Assert.Equal(first, second);
    }

    private static (string Script, string Declarations) ClientOf(params (string Path, string Source)[] files)
    {
        var compilation = GeneratorHarness.CreateCompilation("")
            .RemoveAllSyntaxTrees()
            .AddSyntaxTrees(files.Select(static f => CSharpSyntaxTree.ParseText(f.Source, GeneratorHarness.ParseOptions, path: f.Path)));
        GeneratorHarness.CreateDriver().RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        Assert.Empty(diagnostics.Where(static d => d.Severity >= DiagnosticSeverity.Warning));
        var file = output.SyntaxTrees.Single(static t => t.FilePath.EndsWith(TypeScriptClientEmitter.HintName, StringComparison.Ordinal));
        var constants = file.GetRoot().DescendantNodes()
            .OfType<Microsoft.CodeAnalysis.CSharp.Syntax.VariableDeclaratorSyntax>()
            .ToDictionary(static v => v.Identifier.ValueText, static v => v.Initializer!.Value.GetFirstToken().ValueText);
        return (constants[TypeScriptClientEmitter.ScriptConstant], constants[TypeScriptClientEmitter.DeclarationsConstant]);
    }
}
