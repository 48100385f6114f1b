using System.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SessionAuth.Generators.Emitting;
using SessionAuth.Testing;

namespace SessionAuth.Generators.Tests;

/// <summary>
/// Review 22d: the generated client as a module the browser loads and a declaration file TypeScript checks. The names it
/// writes come from the user's code (declaring types, DTOs, parameters, JSON names), and some of them collide with the
/// names the module's core and the declarations' core rely on.
/// </summary>
public sealed class Review22dClientTests
{
    /// <summary>
    /// A parameter named <c>call</c> shadows the module's <c>call</c> function inside the generated method
    /// (<c>find(call) { return call("POST", ...) }</c>): the client calls the argument and throws a TypeError.
    /// </summary>
    [Fact]
    public async Task A_parameter_named_call_does_not_shadow_the_function_every_call_goes_through()
    {
        var client = Client("""
            namespace Shop;

            [Microsoft.AspNetCore.Authorization.AllowAnonymous]
            public static class Orders
            {
                [SessionAuth.ServerFunction("/orders/find")] public static int Find(string call) => 1;
            }
            """);

        var (exitCode, output) = await RunModuleAsync(client.Script, """
            globalThis.fetch = async () => new Response("1", { status: 200, headers: { "Content-Type": "application/json" } });
            const client = await import("./client.mjs");
            console.log(await client.Orders.find("anything"));
            """);

        Assert.True(exitCode == 0 && output.Trim() == "1", "the client's find(call) fails in node:\n" + output);
    }

    /// <summary>
    /// A declaring type named like a global the module's core uses (<c>Object</c>, <c>Map</c>, <c>URL</c>) is exported as
    /// <c>export const Object = Object.freeze({...})</c>: the module-scope const shadows the global, and the module fails
    /// to load (Object, URL: a temporal-dead-zone ReferenceError) or every call fails (Map: not a constructor). One named
    /// like a function of the core (<c>call</c>) or a reserved word (<c>@delete</c>) makes the module a syntax error.
    /// </summary>
    [Theory]
    [InlineData("Object")]
    [InlineData("Map")]
    [InlineData("URL")]
    [InlineData("call")]
    [InlineData("@delete")]
    public async Task A_declaring_type_named_like_a_global_of_the_core_leaves_the_client_working(string typeName)
    {
        var client = Client($$"""
            namespace Shop;

            [Microsoft.AspNetCore.Authorization.AllowAnonymous]
            public static class {{typeName}}
            {
                [SessionAuth.ServerFunction("/things/{id}")] public static int Find(int id) => id;
            }
            """);

        var (exitCode, output) = await RunModuleAsync(client.Script, """
            globalThis.fetch = async () => new Response("7", { status: 200, headers: { "Content-Type": "application/json" } });
            const client = await import("./client.mjs");
            const exported = Object.values(client).find((value) => value !== null && typeof value === "object" && typeof value.find === "function");
            console.log(await exported.find(7));
            """);

        Assert.True(exitCode == 0 && output.Trim() == "7", $"the client of a declaring type named {typeName} fails in node:\n" + output);
    }

    /// <summary>
    /// An enum sent as text whose <c>[JsonStringEnumMemberName]</c> holds a line break: the client's literal of it is
    /// written with the break raw (ClientParser.StringLiteral escapes only <c>\</c> and <c>"</c>), a syntax error that
    /// stops the whole module from loading.
    /// </summary>
    [Fact]
    public async Task An_enum_json_name_with_a_line_break_leaves_the_module_valid_javascript()
    {
        var client = Client("""
            using System.Text.Json.Serialization;

            namespace Shop;

            [JsonConverter(typeof(JsonStringEnumConverter<Size>))]
            public enum Size
            {
                [JsonStringEnumMemberName("extra\nlarge")] ExtraLarge,
                Small,
            }

            [Microsoft.AspNetCore.Authorization.AllowAnonymous]
            public static class Shirts
            {
                [SessionAuth.ServerFunction("/shirts/count")] public static int Count([Microsoft.AspNetCore.Mvc.FromQuery] Size size) => 1;
            }
            """);

        var (exitCode, output) = await RunModuleAsync(client.Script, """
            const client = await import("./client.mjs");
            console.log(JSON.stringify(client.Size.ExtraLarge));
            """);

        Assert.True(exitCode == 0 && output.Trim() == "\"extra\\nlarge\"", "the module with the enum fails in node:\n" + output);
    }

    /// <summary>
    /// A DTO named <c>Record</c> or <c>Promise</c> is declared as <c>export interface Record</c> in client.d.ts, which
    /// shadows the global the declarations use for dictionaries and every function's result: <c>Record&lt;string, ...&gt;</c>
    /// and <c>Promise&lt;...&gt;</c> then name a non-generic type (TS2315).
    /// </summary>
    [Theory]
    [InlineData("Promise")]
    [InlineData("Record")]
    public async Task A_dto_named_like_a_global_of_the_declarations_leaves_them_valid_typescript(string typeName)
    {
        var client = Client($$"""
            namespace Shop;

            public sealed record {{typeName}}(string Code, System.Collections.Generic.Dictionary<string, int> Counts);

            [Microsoft.AspNetCore.Authorization.AllowAnonymous]
            public static class Reports
            {
                [SessionAuth.ServerFunction("/reports/last")] public static {{typeName}} Last() => new("x", new());
            }
            """);

        var tsc = Path.Combine(RepositoryRoot.Path, "tools", "typescript", "node_modules", "typescript", "bin", "tsc");
        Assert.True(File.Exists(tsc), $"TypeScript is not installed at {tsc}; eng/test.sh installs it (npm install --prefix tools/typescript typescript@5.9.3).");
        var folder = Directory.CreateTempSubdirectory("review22d-client-").FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, "client.d.ts"), client.Declarations);
        await File.WriteAllTextAsync(Path.Combine(folder, "Consumer.ts"), "import { Reports } from \"./client.js\";\nexport const last = Reports.last();\n");

        var (exitCode, output) = await RunAsync(folder, "node", tsc, "--noEmit", "--strict", "--target", "es2022", "--module", "esnext", "--moduleResolution", "bundler",
            "--lib", "es2022,dom", "--skipLibCheck", "false", "--pretty", "false", "Consumer.ts");

        Assert.True(exitCode == 0, $"client.d.ts with a type named {typeName} does not type-check:\n" + output + "\n" + client.Declarations[TypeScriptClientEmitter.CoreDeclarations.Length..]);
    }

    /// <summary>Runs the generator on <paramref name="source"/> (which must compile cleanly) and returns the client's module and declarations.</summary>
    private static (string Script, string Declarations) Client(string source)
    {
        var compilation = GeneratorHarness.CreateCompilation(source);
        GeneratorHarness.CreateDriver().RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        var problems = generatorDiagnostics.Concat(output.GetDiagnostics())
            .Where(static d => d.Severity >= DiagnosticSeverity.Warning)
            .Select(static d => $"{d.Id} {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)} at {d.Location.GetLineSpan()}")
            .ToList();
        Assert.True(problems.Count == 0, "The source with its generated code does not compile cleanly:\n" + string.Join("\n", problems));

        var file = output.SyntaxTrees.Single(static t => t.FilePath.EndsWith(TypeScriptClientEmitter.HintName, StringComparison.Ordinal));
        var constants = file.GetRoot().DescendantNodes()
            .OfType<VariableDeclaratorSyntax>()
            .ToDictionary(static v => v.Identifier.ValueText, static v => v.Initializer!.Value.GetFirstToken().ValueText);
        return (constants[TypeScriptClientEmitter.ScriptConstant], constants[TypeScriptClientEmitter.DeclarationsConstant]);
    }

    /// <summary>Writes the module as client.mjs beside a script that imports it, and runs the script in node.</summary>
    private static async Task<(int ExitCode, string Output)> RunModuleAsync(string script, string consumer)
    {
        var folder = Directory.CreateTempSubdirectory("review22d-client-").FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, "client.mjs"), script);
        await File.WriteAllTextAsync(Path.Combine(folder, "Consumer.mjs"), consumer);
        return await RunAsync(folder, "node", "Consumer.mjs");
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string folder, string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await error);
    }
}
