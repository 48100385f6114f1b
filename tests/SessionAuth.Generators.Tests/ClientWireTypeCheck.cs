using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.CodeAnalysis;
using SessionAuth.Testing;

namespace SessionAuth.Generators.Tests;

/// <summary>
/// Holds the generated declarations against what the server writes: for each shape, a server function <c>Get()</c>
/// returning <c>returned</c> as <c>sample</c> is compiled with the generator, run, and its value serialized as minimal APIs
/// write it (System.Text.Json, web defaults, the declared return type's contract); then <c>tsc --strict</c> checks that JSON
/// as a value of the type the client declares the call to resolve to (<c>const value: Returned = &lt;json&gt;</c>).
/// </summary>
internal static class ClientWireTypeCheck
{
    private static readonly JsonSerializerOptions WebOptions = new(JsonSerializerDefaults.Web) { TypeInfoResolver = new DefaultJsonTypeInfoResolver() };

    /// <summary>
    /// Checks every shape in one <c>tsc</c> run (a folder per shape, each with its client and its check), which costs what
    /// one run does, and gives each shape whether its check type-checked and what to read when it did not.
    /// </summary>
    public static async Task<IReadOnlyList<(bool Accepted, string Report)>> CheckAllAsync(IReadOnlyList<(string Types, string Returned, string Sample)> shapes)
    {
        var folder = Directory.CreateTempSubdirectory("client-wire-").FullName;
        var written = new List<(string Json, string Declared)>();
        for (var i = 0; i < shapes.Count; i++)
        {
            var (types, returned, sample) = shapes[i];
            var source = $$"""
                namespace Shop;

                {{types}}

                [Microsoft.AspNetCore.Authorization.AllowAnonymous]
                public static class Functions
                {
                    [SessionAuth.ServerFunction("/get", Method = "GET")] public static {{returned}} Get() => {{sample}};
                }
                """;
            var (_, declarations) = ClientNamesTests.Client(source);
            var json = WireJson(source);
            var shapeFolder = Directory.CreateDirectory(Path.Combine(folder, ShapeFolder(i))).FullName;
            await File.WriteAllTextAsync(Path.Combine(shapeFolder, "client.d.ts"), declarations);
            await File.WriteAllTextAsync(Path.Combine(shapeFolder, "check.ts"), $$"""
                import type { Functions } from "./client";
                type Returned = Awaited<ReturnType<typeof Functions.get>>;
                const value: Returned = {{json}};
                export { value };
                """);
            var declared = declarations[declarations.IndexOf("// The types of", StringComparison.Ordinal)..];
            declared = declared[(declared.IndexOf("export declare class ServerFunctionError", StringComparison.Ordinal) is var core and >= 0 ? declared.IndexOf("\n}\n", core, StringComparison.Ordinal) + 3 : 0)..];
            written.Add((json, declared));
        }

        var (exitCode, output) = await NodeTools.TypeCheckAsync(folder, [.. Enumerable.Range(0, shapes.Count).Select(static i => ShapeFolder(i) + "/check.ts")]);
        var lines = output.Split('\n');
        Assert.True(exitCode == 0 || lines.Any(static line => line.StartsWith("shape", StringComparison.Ordinal)), "tsc failed outside the shapes' files:\n" + output);
        return [.. written.Select((shape, i) =>
        {
            var errors = lines.Where(line => line.StartsWith(ShapeFolder(i) + "/", StringComparison.Ordinal)).ToList();
            return (errors.Count == 0, $"wire: {shape.Json}\ntsc: {string.Join("\n", errors)}\ndeclared:{shape.Declared}");
        })];
    }

    private static string ShapeFolder(int index) => "shape" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>What minimal APIs write for <c>Functions.Get()</c>: its value serialized with the web defaults as its declared return type.</summary>
    private static string WireJson(string source)
    {
        var compilation = GeneratorHarness.CreateCompilation(source);
        GeneratorHarness.CreateDriver().RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);
        using var stream = new MemoryStream();
        var emitted = output.Emit(stream);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics.Where(static d => d.Severity == DiagnosticSeverity.Error)));
        var method = Assembly.Load(stream.ToArray()).GetType("Shop.Functions", throwOnError: true)!.GetMethod("Get")!;
        return JsonSerializer.Serialize(method.Invoke(null, null), method.ReturnType, WebOptions);
    }
}

/// <summary>
/// A table of shapes (a name, the types, the declared return type and a sample value) for a theory with a row per shape:
/// all are checked in one <c>tsc</c> run, the first time a row asks (<see cref="ClientWireTypeCheck.CheckAllAsync"/>).
/// </summary>
internal sealed class ClientWireShapeTable((string Shape, string Types, string Returned, string Sample)[] shapes)
{
    private readonly Lazy<Task<IReadOnlyList<(bool Accepted, string Report)>>> _checked =
        new(() => ClientWireTypeCheck.CheckAllAsync([.. shapes.Select(static row => (row.Types, row.Returned, row.Sample))]));

    /// <summary>The shapes' names, a theory's rows.</summary>
    public TheoryData<string> Names => [.. shapes.Select(static row => row.Shape)];

    /// <summary>Asserts that what the server writes for <paramref name="shape"/> type-checks as what the client declares.</summary>
    public async Task AssertDeclaredAsync(string shape)
    {
        var index = Array.FindIndex(shapes, row => row.Shape == shape);
        var (accepted, report) = (await _checked.Value)[index];

        Assert.True(accepted, $"{shape}:\n{report}");
    }
}
