using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SessionAuth.Testing;

namespace SessionAuth.Generators.Tests;

/// <summary>
/// Client and build shapes review 22d tried that held: an app with a client at C# 9 and 10, 0 and 16 parameters, a route
/// with quotes and a lone surrogate, nested <c>A.B</c> beside <c>A_B</c>.
/// </summary>
public sealed class ClientBuildHeldTests
{
    [Theory]
    [InlineData(LanguageVersion.CSharp9)]
    [InlineData(LanguageVersion.CSharp10)]
    public void An_app_on_an_older_language_version_with_a_client_compiles(LanguageVersion version)
    {
        var parseOptions = CSharpParseOptions.Default.WithLanguageVersion(version);
        var compilation = CSharpCompilation.Create(
            "Shop",
            [CSharpSyntaxTree.ParseText("""
                namespace Shop
                {
                    public enum Size { Small, Large }

                    public sealed record Order(int Id, Size Size, string? Note);

                    [Microsoft.AspNetCore.Authorization.AllowAnonymous]
                    public static class Orders
                    {
                        [SessionAuth.ServerFunction("/orders/{id}")] public static Order Find(int id, Size size, string? note) => new(id, size, note);
                    }
                }
                """, parseOptions, path: "Functions.cs")],
            FrameworkReferences.All.Add(GeneratorHarness.RuntimeReference),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var driver = CSharpGeneratorDriver.Create([new ServerFunctionGenerator().AsSourceGenerator()], parseOptions: parseOptions);

        driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);

        var problems = generatorDiagnostics.Concat(output.GetDiagnostics())
            .Where(static d => d.Severity >= DiagnosticSeverity.Warning)
            .Select(static d => $"{d.Id} {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)} at {d.Location.SourceTree?.FilePath}:{d.Location.GetLineSpan().StartLinePosition}")
            .ToList();
        Assert.True(problems.Count == 0, $"C# {version}: the app with its generated code does not compile cleanly:\n" + string.Join("\n", problems));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(16)]
    public void A_function_with_many_parameters_compiles(int count)
    {
        // More than 16 is refused by SAUTH0003 (the endpoint's delegate takes at most 16 arguments).
        var parameters = string.Join(", ", Enumerable.Range(0, count).Select(static i => $"int p{i}"));
        GeneratorHarness.Run($$"""
            namespace Shop;

            [Microsoft.AspNetCore.Authorization.AllowAnonymous]
            public static class Wide
            {
                [SessionAuth.ServerFunction("/wide")] public static int Sum({{parameters}}) => 0;
            }

            [SessionAuth.SessionData]
            public sealed record UserSession(int UserId);
            """);
    }

    [Fact]
    public void A_route_with_a_lone_surrogate_and_quotes_compiles()
    {
        GeneratorHarness.Run("""
            namespace Shop;

            [Microsoft.AspNetCore.Authorization.AllowAnonymous]
            public static class Odd
            {
                [SessionAuth.ServerFunction("/odd/\uD800/\"@/é/\u2028")] public static int Get() => 0;
            }

            [SessionAuth.SessionData]
            public sealed record UserSession(int UserId);
            """);
    }

    [Fact]
    public void Nested_and_underscored_declaring_types_get_distinct_client_objects()
    {
        var run = GeneratorHarness.Run("""
            namespace Shop
            {
                public static class A
                {
                    [Microsoft.AspNetCore.Authorization.AllowAnonymous]
                    public static class B
                    {
                        [SessionAuth.ServerFunction("/a/b")] public static int Get() => 0;
                    }
                }

                [Microsoft.AspNetCore.Authorization.AllowAnonymous]
                public static class A_B
                {
                    [SessionAuth.ServerFunction("/a_b")] public static int Get() => 0;
                }

                [SessionAuth.SessionData]
                public sealed record UserSession(int UserId);
            }
            """);
        var client = run.ClientText();
        Assert.Contains("export { A_B$ as A_B };", client, StringComparison.Ordinal);
        Assert.Contains("export { A_B2$ as A_B2 };", client, StringComparison.Ordinal);
    }
}
