using System.Diagnostics;
using SessionAuth.Testing;

namespace SessionAuth.Tests.Client;

/// <summary>Review of issue 19 (r19b): the generated module run in node against the test app on real Kestrel.</summary>
public sealed class Review19bClientRuntimeTests(TestAppFixture fixture) : IClassFixture<TestAppFixture>
{
    private static readonly string Consumers = Path.Combine(RepositoryRoot.Path, "tests", "SessionAuth.Tests", "Client", "Consumers");

    /// <summary>
    /// A route value typed <c>string</c> reaches the function as the caller passed it, whatever its characters: the client
    /// escapes it with encodeURIComponent, and Kestrel decodes every escape of a path but <c>%2F</c>, so a value with a
    /// <c>/</c> arrives as <c>a%2Fb</c> (here: five characters, refused by length(3) with a 404).
    /// </summary>
    [Theory]
    [InlineData("a/b")]
    [InlineData("é/ü")]
    [InlineData("a?b")]
    [InlineData("a#b")]
    [InlineData("a%b")]
    [InlineData("abc")]
    public async Task Review19b_a_route_value_arrives_as_the_caller_passed_it(string code)
    {
        var folder = Directory.CreateTempSubdirectory("review19b-client-").FullName;
        using (var client = fixture.CreateClient())
        using (var script = await client.NavigateAsync("/_server/client.js"))
        {
            await File.WriteAllTextAsync(Path.Combine(folder, "client.mjs"), await script.Content.ReadAsStringAsync());
        }

        File.Copy(Path.Combine(Consumers, "Review19bRouteValues.mjs"), Path.Combine(folder, "Review19bRouteValues.mjs"));

        var (exitCode, output) = await RunAsync(folder, "node", "Review19bRouteValues.mjs", fixture.Address.ToString());

        Assert.True(exitCode == 0, "the client failed in node:\n" + output);
        using var results = System.Text.Json.JsonDocument.Parse(output);
        var entry = results.RootElement.GetProperty(code);
        var arrived = entry.TryGetProperty("value", out var value) ? value.GetString() : $"status {entry.GetProperty("error").GetInt32()}";
        Assert.Equal($"1|{code}|2", arrived);
    }

    /// <summary>
    /// A function declared <c>Promise&lt;string | null&gt;</c> (<c>ValueTask&lt;string?&gt;</c>) that returns null must resolve
    /// to null, as its type says.
    /// </summary>
    [Fact]
    public async Task Review19b_a_nullable_string_result_resolves_to_null_when_the_function_returns_null()
    {
        var root = await RunConsumerAsync("Review19bReturns.mjs");

        Assert.Equal("1||t|1", root.GetProperty("attributes").GetString());
        Assert.Equal("null", root.GetProperty("motto").GetString());
    }

    /// <summary>
    /// <c>Ok&lt;Wand?&gt;</c> is declared <c>Promise&lt;Wand | null&gt;</c>, but <c>Ok&lt;T&gt;</c> writes no body for a null
    /// value (200, no Content-Type): the client resolves <c>undefined</c>, and <c>wand === null</c> is false. (A plain
    /// <c>Wand?</c> return writes <c>null</c> and resolves null: held.)
    /// </summary>
    [Fact]
    public async Task Review19b_a_result_declared_nullable_resolves_to_null_for_a_null_value()
    {
        var root = await RunConsumerAsync("Review19bNulls.mjs");

        Assert.Equal("json: null, ok: null", $"json: {root.GetProperty("json").GetString()}, ok: {root.GetProperty("ok").GetString()}");
    }

    private async Task<System.Text.Json.JsonElement> RunConsumerAsync(string consumer)
    {
        var folder = Directory.CreateTempSubdirectory("review19b-client-").FullName;
        using (var client = fixture.CreateClient())
        using (var script = await client.NavigateAsync("/_server/client.js"))
        {
            await File.WriteAllTextAsync(Path.Combine(folder, "client.mjs"), await script.Content.ReadAsStringAsync());
        }

        File.Copy(Path.Combine(Consumers, consumer), Path.Combine(folder, consumer));
        var (exitCode, output) = await RunAsync(folder, "node", consumer, fixture.Address.ToString());
        Assert.True(exitCode == 0, "the client failed in node:\n" + output);
        using var document = System.Text.Json.JsonDocument.Parse(output);
        return document.RootElement.Clone();
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
