using System.Text.Json;
using SessionAuth.Testing;

namespace SessionAuth.Tests.Client;

/// <summary>
/// Runs the test app's generated module in node beside a consumer script (Consumers/Probes.mjs calls one function of <c>ClientProbes</c>, Consumers/Call.mjs one of any object),
/// and fetches the client's declarations, for the tests that hold what the client declares against what the server does.
/// </summary>
internal static class ClientProbeCalls
{
    private static readonly string Consumers = Path.Combine(RepositoryRoot.Path, "tests", "SessionAuth.Tests", "Client", "Consumers");

    /// <summary>Calls <paramref name="function"/> with <paramref name="arguments"/> and returns what Probes.mjs printed.</summary>
    public static Task<JsonElement> CallAsync(TestAppFixture fixture, string function, params object?[] arguments) =>
        RunAsync(fixture, "Probes.mjs", JsonSerializer.Serialize(new object?[] { function }.Concat(arguments)));

    /// <summary>
    /// Calls <c><paramref name="objectName"/>.<paramref name="function"/>(<paramref name="arguments"/>)</c>, a function of any
    /// object of the client, and returns what Consumers/Call.mjs printed: the value and its TypeScript literal, the error, or
    /// what was thrown, and the URLs the client navigated to.
    /// </summary>
    public static Task<JsonElement> CallFunctionAsync(TestAppFixture fixture, string objectName, string function, params object?[] arguments) =>
        RunAsync(fixture, "Call.mjs", JsonSerializer.Serialize(new object?[] { objectName, function }.Concat(arguments)));

    /// <summary>
    /// Calls the function (<see cref="CallFunctionAsync"/>), then type-checks what it resolved to (as a literal,
    /// <c>undefined</c> included) as a value of the type its declaration says the call resolves to; returns tsc's report,
    /// empty when it accepted it.
    /// </summary>
    public static async Task<string> ArrivedValueRefusedByDeclarationAsync(TestAppFixture fixture, string objectName, string function, params object?[] arguments)
    {
        var outcome = await CallFunctionAsync(fixture, objectName, function, arguments);
        Assert.True(outcome.TryGetProperty("literal", out var literal), $"{objectName}.{function} did not resolve: {outcome}");
        var folder = Directory.CreateTempSubdirectory("client-arrived-").FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, "client.d.ts"), await DeclarationsAsync(fixture));
        await File.WriteAllTextAsync(Path.Combine(folder, "check.ts"), $$"""
            import type { {{objectName}} } from "./client";
            type Returned = Awaited<ReturnType<typeof {{objectName}}.{{function}}>>;
            const value: Returned = {{literal.GetString()}};
            export { value };
            """);
        var (exitCode, output) = await NodeTools.TypeCheckAsync(folder, "check.ts");
        return exitCode == 0 ? string.Empty : $"arrived: {literal.GetString()}\n{output}";
    }

    /// <summary>Runs <paramref name="consumer"/> beside the app's client.mjs with the app's address and <paramref name="arguments"/>, and returns the JSON it printed.</summary>
    public static async Task<JsonElement> RunAsync(TestAppFixture fixture, string consumer, params string[] arguments)
    {
        var folder = Directory.CreateTempSubdirectory("client-probes-").FullName;
        using (var client = fixture.CreateClient())
        using (var script = await client.NavigateAsync("/_server/client.js"))
        {
            await File.WriteAllTextAsync(Path.Combine(folder, "client.mjs"), await script.Content.ReadAsStringAsync());
        }

        File.Copy(Path.Combine(Consumers, consumer), Path.Combine(folder, consumer));
        var (exitCode, output) = await NodeTools.RunAsync(folder, "node", [consumer, fixture.Address.ToString(), .. arguments]);
        Assert.True(exitCode == 0, "the client failed in node:\n" + output);
        using var document = JsonDocument.Parse(output);
        return document.RootElement.Clone();
    }

    /// <summary>The client's declarations, as /_server/client.d.ts serves them.</summary>
    public static async Task<string> DeclarationsAsync(TestAppFixture fixture)
    {
        using var client = fixture.CreateClient();
        using var declarations = await client.NavigateAsync("/_server/client.d.ts");
        return await declarations.Content.ReadAsStringAsync();
    }

    /// <summary>The declared members of interface <paramref name="name"/> in <paramref name="declarations"/>: name to type.</summary>
    public static Dictionary<string, string> InterfaceMembers(string declarations, string name)
    {
        var start = declarations.IndexOf($"export interface {name} {{", StringComparison.Ordinal);
        Assert.True(start >= 0, $"the client declares no interface {name}");
        var end = declarations.IndexOf("\n}", start, StringComparison.Ordinal);
        return declarations[start..end].Split('\n').Skip(1)
            .Select(static line => line.Trim().TrimEnd(';'))
            .Where(static line => line.Length > 0)
            .Select(static line =>
            {
                var colon = line.StartsWith('"') ? line.IndexOf("\":", StringComparison.Ordinal) + 1 : line.IndexOf(':', StringComparison.Ordinal);
                return (Name: line[..colon].Trim('"').TrimEnd('?'), Type: line[(colon + 1)..].Trim());
            })
            .ToDictionary(static m => m.Name, static m => m.Type, StringComparer.Ordinal);
    }

    /// <summary>The declaration of <c>ClientProbes.<paramref name="function"/></c>: its line in the declarations.</summary>
    public static string FunctionDeclaration(string declarations, string function) =>
        declarations.Split('\n').Select(static line => line.Trim()).Single(line => line.StartsWith(function + "(", StringComparison.Ordinal));
}
