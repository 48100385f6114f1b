using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.CodeAnalysis;
using SessionAuth.Testing;

namespace SessionAuth.Generators.Tests;

/// <summary>
/// Holds the generated declarations against what the server writes: a server function <c>Get()</c> returning
/// <c>returned</c> as <c>sample</c> is compiled with the generator, run, and its value serialized as minimal APIs write
/// it (System.Text.Json, web defaults, the declared return type's contract); then <c>tsc --strict</c> checks that JSON as
/// a value of the type the client declares the call to resolve to (<c>const value: Returned = &lt;json&gt;</c>).
/// </summary>
internal static class ClientWireTypeCheck
{
    private static readonly JsonSerializerOptions WebOptions = new(JsonSerializerDefaults.Web) { TypeInfoResolver = new DefaultJsonTypeInfoResolver() };

    public static async Task<(bool Accepted, string Report)> CheckAsync(string types, string returned, string sample)
    {
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

        var folder = Directory.CreateTempSubdirectory("client-wire-").FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, "client.d.ts"), declarations);
        await File.WriteAllTextAsync(Path.Combine(folder, "check.ts"), $$"""
            import type { Functions } from "./client";
            type Returned = Awaited<ReturnType<typeof Functions.get>>;
            const value: Returned = {{json}};
            export { value };
            """);
        var (exitCode, output) = await NodeTools.TypeCheckAsync(folder, "check.ts");
        var declared = declarations[declarations.IndexOf("// The types of", StringComparison.Ordinal)..];
        declared = declared[(declared.IndexOf("export declare class ServerFunctionError", StringComparison.Ordinal) is var core and >= 0 ? declared.IndexOf("\n}\n", core, StringComparison.Ordinal) + 3 : 0)..];
        return (exitCode == 0, $"wire: {json}\ntsc: {output}\ndeclared:{declared}");
    }

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
