using System.Text.Json;
using SessionAuth.Testing;

namespace SessionAuth.Tests.Client;

/// <summary>
/// Calls any function of the test app's generated client in node (Consumers/Review.mjs), and checks with <c>tsc --strict</c>
/// that the value a call resolved to over Kestrel is one the client's declaration of that call admits.
/// </summary>
internal static class ClientReviewCalls
{
    /// <summary>Calls <c><paramref name="objectName"/>.<paramref name="function"/>(<paramref name="arguments"/>)</c> and returns what Review.mjs printed.</summary>
    public static Task<JsonElement> CallAsync(TestAppFixture fixture, string objectName, string function, params object?[] arguments) =>
        ClientProbeCalls.RunAsync(fixture, "Review.mjs", JsonSerializer.Serialize(new object?[] { objectName, function }.Concat(arguments)));

    /// <summary>
    /// Calls the function, then type-checks what it resolved to (as a literal, <c>undefined</c> included) as a value of the
    /// type its declaration says the call resolves to; returns tsc's report, empty when it accepted it.
    /// </summary>
    public static async Task<string> ArrivedValueRefusedByDeclarationAsync(TestAppFixture fixture, string objectName, string function, params object?[] arguments)
    {
        var outcome = await CallAsync(fixture, objectName, function, arguments);
        Assert.True(outcome.TryGetProperty("literal", out var literal), $"{objectName}.{function} did not resolve: {outcome}");
        var folder = Directory.CreateTempSubdirectory("client-review-").FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, "client.d.ts"), await ClientProbeCalls.DeclarationsAsync(fixture));
        await File.WriteAllTextAsync(Path.Combine(folder, "check.ts"), $$"""
            import type { {{objectName}} } from "./client";
            type Returned = Awaited<ReturnType<typeof {{objectName}}.{{function}}>>;
            const value: Returned = {{literal.GetString()}};
            export { value };
            """);
        var (exitCode, output) = await NodeTools.TypeCheckAsync(folder, "check.ts");
        return exitCode == 0 ? string.Empty : $"arrived: {literal.GetString()}\n{output}";
    }
}
