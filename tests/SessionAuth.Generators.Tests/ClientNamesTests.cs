using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SessionAuth.Generators.Emitting;
using SessionAuth.Testing;

namespace SessionAuth.Generators.Tests;

/// <summary>
/// The generated client as a module the browser loads and a declaration file TypeScript checks. The names and strings it
/// writes come from the user's code (declaring types, DTOs, enums, parameters, JSON names), and none of them may break
/// either: not one the module's or the declarations' core relies on, not a reserved word, not an awkward string.
/// </summary>
public sealed class ClientNamesTests
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
    /// A parameter named <c>options</c> is the function's argument, and the call's options, last, take <c>options$</c>:
    /// both reach the request, and the declarations name both.
    /// </summary>
    [Fact]
    public async Task A_parameter_named_options_leaves_the_call_options_last()
    {
        var client = Client("""
            namespace Shop;

            [Microsoft.AspNetCore.Authorization.AllowAnonymous]
            public static class Orders
            {
                [SessionAuth.ServerFunction("/orders/find", Method = "GET")] public static int Find(string options) => 1;
            }
            """);

        var (exitCode, output) = await RunModuleAsync(client.Script, """
            let seen;
            globalThis.fetch = async (url, init) => { seen = `${new URL(url).search}|${init.headers.get("X-Trace")}|${init.signal.aborted}`; return new Response("1", { status: 200, headers: { "Content-Type": "application/json" } }); };
            const client = await import("./client.mjs");
            await client.Orders.find("fast", { headers: { "X-Trace": "t" }, signal: new AbortController().signal });
            console.log(seen);
            """);

        Assert.True(exitCode == 0 && output.Trim() == "?options=fast|t|false", "the client's find(options, options$) fails in node:\n" + output);
        Assert.Contains("find(options: string, options$?: ServerFunctionCallOptions): Promise<number>;", client.Declarations, StringComparison.Ordinal);
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
    [InlineData("@default")]
    [InlineData("@string")]
    [InlineData("@readonly")]
    [InlineData("Soft\\u00ADHyphen")]
    [InlineData("Zero\\u200DJoiner")]
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

        var folder = Directory.CreateTempSubdirectory("client-names-").FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, "client.d.ts"), client.Declarations);
        await File.WriteAllTextAsync(Path.Combine(folder, "Consumer.ts"), "import { Reports } from \"./client.js\";\nexport const last = Reports.last();\n");

        var (exitCode, output) = await NodeTools.TypeCheckAsync(folder, "Consumer.ts");

        Assert.True(exitCode == 0, $"client.d.ts with a type named {typeName} does not type-check:\n" + output + "\n" + client.Declarations[TypeScriptClientEmitter.CoreDeclarations.Length..]);
    }

    /// <summary>
    /// Every word the client's core contains (each global and each function it uses), every word JavaScript reserves,
    /// every type name TypeScript keeps, the globals the declarations name, and names objects treat specially.
    /// </summary>
    private static readonly string[] HostileNames = Regex.Matches(
            Regex.Replace(TypeScriptClientEmitter.CoreScript + "\n" + TypeScriptClientEmitter.CoreDeclarations, @"//[^\n]*|/\*[\s\S]*?\*/", " "),
            @"[A-Za-z_][A-Za-z0-9_]*")
        .Select(static m => m.Value)
        .Concat(JavaScriptText.ReservedWords)
        .Concat(JavaScriptText.TypeScriptTypeKeywords)
        .Concat(TypeScriptClientEmitter.DeclarationGlobals)
        .Concat(["Promise", "Record", "Array", "Object", "Map", "Set", "URL", "JSON", "Symbol", "Function", "globalThis", "window", "NaN", "Infinity",
            "constructor", "prototype", "__proto__", "then", "toString", "valueOf", "hasOwnProperty", "location", "fetch", "Headers", "Response"])
        .Where(static n => n.Length > 1 && n is not ("Tally" or "Counts" or "Kind" or "Find" or "member" or "value__"))
        .Distinct(StringComparer.Ordinal)
        .Order(StringComparer.Ordinal)
        .ToArray();

    /// <summary>Strings that a literal must escape or that JavaScript treats specially.</summary>
    private static readonly string[] AwkwardStrings =
    [
        "extra\nlarge", "\r\n", "\u2028", "\u2029", "\t", "\0", "\u007f", "\u0085", "\"", "\\", "'", "`", "${x}", "</script>", "*/", "/*",
        "__proto__", "constructor", " ", "\uD800", "\uDC00", "\U0001F600", "a\"b\\c\nd", "\u00AD", "",
    ];

    private static string Identifier(string name) => SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None || SyntaxFacts.GetContextualKeywordKind(name) != SyntaxKind.None ? "@" + name : name;

    private static string CSharpString(string value) => SymbolDisplay.FormatLiteral(value, quote: true);

    /// <summary>A TypeScript string literal with every character outside printable ASCII, and the quote and backslash, as <c>\uXXXX</c>.</summary>
    private static string TypeScriptString(string value) =>
        "\"" + string.Concat(value.Select(static c => c is >= ' ' and <= '~' and not ('"' or '\\') ? c.ToString() : $"\\u{(int)c:x4}")) + "\"";

    [Fact]
    public async Task Every_hostile_name_as_a_declaring_type_exports_a_working_object_under_that_name()
    {
        var source = "using Microsoft.AspNetCore.Authorization;\nusing SessionAuth;\n" + string.Concat(HostileNames.Select(static (name, i) => $$"""
            namespace Objects.N{{i}}
            {
                [AllowAnonymous]
                public static class {{Identifier(name)}}
                {
                    [ServerFunction("/objects/{{i}}/{id}")] public static int Find(int id) => id;
                }
            }

            """));
        var client = Client(source);

        var (exitCode, output) = await RunModuleAsync(client.Script, $$"""
            globalThis.fetch = async (url) => new Response(JSON.stringify(Number(new URL(url).pathname.split("/").at(-1))), { status: 200, headers: { "Content-Type": "application/json" } });
            const client = await import("./client.mjs");
            const names = {{JsonSerializer.Serialize(HostileNames)}};
            // The core's own exports keep their names; a declaring type of one of them takes the next number.
            const coreExports = {{JsonSerializer.Serialize(Model.ClientSpec.CoreExports)}};
            const failures = [];
            for (const name of names) {
                const exported = coreExports.includes(name) ? name + "2" : name;
                if (!Object.hasOwn(client, exported)) { failures.push(`${name}: not exported`); continue; }
                try {
                    const value = await client[exported].find(7);
                    if (value !== 7) failures.push(`${name}: find(7) gave ${value}`);
                } catch (error) { failures.push(`${name}: ${error}`); }
            }
            console.log(failures.length === 0 ? "ok" : failures.join("\n"));
            """);
        Assert.True(exitCode == 0 && output.Trim() == "ok", "the client of the hostile declaring types fails in node:\n" + output);

        var consumer = "import * as client from \"./client.js\";\nexport async function callAll(): Promise<number[]> {\n    return Promise.all([\n"
            + string.Concat(HostileNames.Select(static name => $"        client[{JsonSerializer.Serialize(Model.ClientSpec.CoreExports.Contains(name) ? name + "2" : name)}].find(1),\n")) + "    ]);\n}\n";
        var (tscExit, tscOutput) = await TypeCheckAsync(client.Declarations, consumer);
        Assert.True(tscExit == 0, "the declarations of the hostile declaring types do not type-check:\n" + tscOutput);
    }

    [Fact]
    public async Task Every_hostile_name_as_a_record_or_an_enum_is_declared_and_exported_under_that_name()
    {
        var source = "using Microsoft.AspNetCore.Authorization;\nusing Microsoft.AspNetCore.Mvc;\nusing SessionAuth;\nusing System.Text.Json.Serialization;\n"
            + string.Concat(HostileNames.Select(static (name, i) => $$"""
            namespace Records.N{{i}}
            {
                public sealed record {{Identifier(name)}}(string Tally, System.Collections.Generic.Dictionary<string, int> Counts, Enums.N{{i}}.{{Identifier(name)}} Kind);
            }

            namespace Enums.N{{i}}
            {
                [JsonConverter(typeof(JsonStringEnumConverter))]
                public enum {{Identifier(name)}} { First, Second }
            }

            """))
            + "namespace Api\n{\n    [AllowAnonymous]\n    public static class Reports\n    {\n"
            + string.Concat(HostileNames.Select(static (name, i) =>
                $"        [ServerFunction(\"/reports/{i}\")] public static Records.N{i}.{Identifier(name)} R{i}([FromQuery] Enums.N{i}.{Identifier(name)} kind) => new(\"x\", new(), kind);\n"))
            + "    }\n}\n";
        var client = Client(source);

        // Records and enums take their names before Api's object does; each is exported twice (record, enum), so the enum of a name gets a "2".
        var (exitCode, output) = await RunModuleAsync(client.Script, $$"""
            const client = await import("./client.mjs");
            const names = {{JsonSerializer.Serialize(HostileNames)}};
            const failures = names.filter((name) => ![name, name + "2"].some((n) => client[n] !== undefined && client[n].Second === "Second"));
            console.log(failures.length === 0 && typeof client.Reports.r0 === "function" ? "ok" : "no enum for " + failures.join(", "));
            """);
        Assert.True(exitCode == 0 && output.Trim() == "ok", "the module of the hostile records and enums fails in node:\n" + output);

        var consumer = "import * as client from \"./client.js\";\nexport async function callAll(): Promise<void> {\n"
            + string.Concat(HostileNames.Select(static (name, i) => $$"""
                    const r{{i}} = await client.Reports.r{{i}}("Second");
                    const counts{{i}}: Record<string, number> = r{{i}}.counts;
                    const tally{{i}}: string = r{{i}}.tally;
                    const kind{{i}}: "First" | "Second" = r{{i}}.kind;
                    console.log(counts{{i}}, tally{{i}}, kind{{i}});

                """))
            + "}\n";
        var (tscExit, tscOutput) = await TypeCheckAsync(client.Declarations, consumer);
        Assert.True(tscExit == 0, "the declarations of the hostile records and enums do not type-check:\n" + tscOutput);
    }

    [Fact]
    public async Task Every_hostile_name_as_a_parameter_or_an_enum_member_and_every_awkward_string_as_a_json_or_wire_name_round_trips()
    {
        var source = "using Microsoft.AspNetCore.Authorization;\nusing Microsoft.AspNetCore.Mvc;\nusing SessionAuth;\nusing System.Text.Json.Serialization;\n"
            + "namespace Api\n{\n"
            + "    public enum Members { " + string.Join(", ", HostileNames.Select(Identifier)) + " }\n\n"
            + "    [JsonConverter(typeof(JsonStringEnumConverter<Awkward>))]\n    public enum Awkward\n    {\n"
            + string.Concat(AwkwardStrings.Select(static (text, i) => $"        [JsonStringEnumMemberName({CSharpString(text)})] M{i},\n"))
            + "    }\n\n"
            + "    public sealed record Labels(" + string.Join(", ", AwkwardStrings.Select(static (text, i) => $"[property: JsonPropertyName({CSharpString(text)})] int L{i}")) + ");\n\n"
            + "    [AllowAnonymous]\n    public static class Calls\n    {\n"
            + string.Concat(HostileNames.Select(static (name, i) => $"        [ServerFunction(\"/calls/p{i}\")] public static int P{i}(int {Identifier(name)}, Members member) => {Identifier(name)};\n"))
            + string.Concat(AwkwardStrings.Where(static s => s.Length > 0).Select(static (text, i) => $"        [ServerFunction(\"/calls/q{i}\", Method = \"GET\")] public static int Q{i}([FromQuery(Name = {CSharpString(text)})] int value) => value;\n"))
            + "        [ServerFunction(\"/calls/text\", Method = \"GET\")] public static Labels Text([FromQuery] Awkward[] sizes) => new(" + string.Join(", ", AwkwardStrings.Select(static (_, i) => i.ToString(System.Globalization.CultureInfo.InvariantCulture))) + ");\n"
            + "    }\n}\n";
        var client = Client(source);
        var queryNames = AwkwardStrings.Where(static s => s.Length > 0).ToArray();

        var (exitCode, output) = await RunModuleAsync(client.Script, $$"""
            const requests = [];
            globalThis.fetch = async (url, init) => { requests.push({ url: new URL(url), body: init.body }); return new Response("1", { status: 200, headers: { "Content-Type": "application/json" } }); };
            const client = await import("./client.mjs");
            const names = {{JsonSerializer.Serialize(HostileNames)}};
            // As UTF-16 code units: JSON text would turn a lone surrogate into U+FFFD.
            const awkward = {{JsonSerializer.Serialize(AwkwardStrings.Select(static s => s.Select(static c => (int)c)))}}.map((units) => String.fromCharCode(...units));
            const queryNames = {{JsonSerializer.Serialize(queryNames)}};
            const camel = (name) => /^[A-Z][a-z]/.test(name) || name.length === 1 ? name[0].toLowerCase() + name.slice(1) : /^[A-Z]+$/.test(name) ? name.toLowerCase() : name;
            const failures = [];
            for (const [i, name] of names.entries()) {
                if (client.Members[name] !== i) failures.push(`Members.${name} is ${client.Members[name]}`);
                await client.Calls[`p${i}`](i, client.Members[name]);
                const body = JSON.parse(requests.at(-1).body);
                if (!Object.values(body).includes(i) || body.member !== i) failures.push(`p${i} (${name}) sent ${requests.at(-1).body}`);
            }
            for (const [i, text] of awkward.entries()) {
                if (client.Awkward[`M${i}`] !== text) failures.push(`Awkward.M${i} is ${JSON.stringify(client.Awkward[`M${i}`])}, not ${JSON.stringify(text)}`);
            }
            for (const [i, text] of queryNames.entries()) {
                await client.Calls[`q${i}`](i);
                if (requests.at(-1).url.searchParams.get(text) !== String(i)) failures.push(`q${i} sent ${requests.at(-1).url.search}`);
            }
            await client.Calls.text(Object.values(client.Awkward));
            const sent = requests.at(-1).url.searchParams.getAll("sizes");
            if (JSON.stringify(sent) !== JSON.stringify(awkward.map((_, i) => `M${i}`))) failures.push(`text sent ${JSON.stringify(sent)}`);
            console.log(failures.length === 0 ? "ok" : failures.join("\n"));
            """);
        Assert.True(exitCode == 0 && output.Trim() == "ok", "the module of the hostile parameters and awkward strings fails in node:\n" + output);

        var consumer = "import * as client from \"./client.js\";\nexport async function callAll(): Promise<void> {\n"
            + string.Concat(HostileNames.Select(static (name, i) => $"    await client.Calls.p{i}({i}, client.Members[{JsonSerializer.Serialize(name)}]);\n"))
            + "    const labels = await client.Calls.text([client.Awkward.M0]);\n"
            + string.Concat(AwkwardStrings.Select(static (text, i) => $"    const label{i}: number = labels[{TypeScriptString(text)}];\n    const size{i}: client.Awkward = {TypeScriptString(text)};\n    console.log(label{i}, size{i});\n"))
            + "}\n";
        var (tscExit, tscOutput) = await TypeCheckAsync(client.Declarations, consumer);
        Assert.True(tscExit == 0, "the declarations of the hostile parameters and awkward strings do not type-check:\n" + tscOutput);
    }

    private static async Task<(int ExitCode, string Output)> TypeCheckAsync(string declarations, string consumer)
    {
        var folder = Directory.CreateTempSubdirectory("client-names-").FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, "client.d.ts"), declarations);
        await File.WriteAllTextAsync(Path.Combine(folder, "Consumer.ts"), consumer);
        var (exitCode, output) = await NodeTools.TypeCheckAsync(folder, "Consumer.ts");

        // Each error with the line it is on, which the declarations are too long to show whole.
        var lines = new Dictionary<string, string[]> { ["client.d.ts"] = declarations.Split('\n'), ["Consumer.ts"] = consumer.Split('\n') };
        var shown = Regex.Replace(output, @"^(client\.d\.ts|Consumer\.ts)\((\d+),\d+\).*$", m => m.Value + "\n    " + lines[m.Groups[1].Value][int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture) - 1], RegexOptions.Multiline);
        return (exitCode, shown);
    }

    /// <summary>Runs the generator on <paramref name="source"/> (which must compile cleanly) and returns the client's module and declarations.</summary>
    internal static (string Script, string Declarations) Client(string source) => Client(GeneratorHarness.CreateCompilation(source));

    /// <summary>The client the generator writes for <paramref name="compilation"/>, which must compile cleanly with it.</summary>
    internal static (string Script, string Declarations) Client(CSharpCompilation compilation)
    {
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
        var folder = Directory.CreateTempSubdirectory("client-names-").FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, "client.mjs"), script);
        await File.WriteAllTextAsync(Path.Combine(folder, "Consumer.mjs"), consumer);
        return await NodeTools.RunAsync(folder, "node", "Consumer.mjs");
    }
}
