using System.Diagnostics;
using System.Text.Json;
using SessionAuth.Testing;

namespace SessionAuth.Tests.Client;

/// <summary>
/// Review 19c: the generated module run in node against the test app on real Kestrel, sending text values the client's
/// types accept (<c>string</c>) as query array items and header values.
/// </summary>
public sealed class Review19cWireValueTests(TestAppFixture fixture) : IClassFixture<TestAppFixture>
{
    private static readonly string Consumers = Path.Combine(RepositoryRoot.Path, "tests", "SessionAuth.Tests", "Client", "Consumers");

    /// <summary>
    /// A <c>[FromHeader]</c> string is declared <c>string</c>, and the client sends it as the header's value. HTTP trims a
    /// value's surrounding white space (the function receives <c>a</c> for <c> a </c>), Kestrel answers 400 before any
    /// endpoint for a value outside ASCII (<c>é</c>), and fetch throws a TypeError about a ByteString, naming no parameter,
    /// for one above U+00FF (<c>€</c>). The client refuses route values that cannot arrive unchanged with a TypeError naming
    /// them; header values that cannot should be refused the same way (or arrive as passed), not reach the server changed
    /// or be answered 400 as if the function had refused them.
    /// </summary>
    [Theory]
    [InlineData("plain")]
    [InlineData(" a ")]
    [InlineData("a\tb")]
    [InlineData("é")]
    [InlineData("€")]
    public async Task Review19c_a_header_value_arrives_as_the_caller_passed_it_or_is_refused_naming_it(string tenant)
    {
        tenant = tenant.Replace("\\t", "\t", StringComparison.Ordinal);
        var root = await RunConsumerAsync("Review19cHeaderValues.mjs", JsonSerializer.Serialize(new[] { tenant }));
        var outcome = root.GetProperty(tenant);

        if (outcome.TryGetProperty("refused", out var refused))
        {
            Assert.Contains("tenant", refused.GetString(), StringComparison.OrdinalIgnoreCase);
        }
        else
        {
            Assert.Equal($"7||{tenant}|1", outcome.TryGetProperty("value", out var value) ? value.GetString() : outcome.ToString());
        }
    }

    private async Task<JsonElement> RunConsumerAsync(string consumer, params string[] arguments)
    {
        var folder = Directory.CreateTempSubdirectory("client-review19c-").FullName;
        using (var client = fixture.CreateClient())
        using (var script = await client.NavigateAsync("/_server/client.js"))
        {
            await File.WriteAllTextAsync(Path.Combine(folder, "client.mjs"), await script.Content.ReadAsStringAsync());
        }

        File.Copy(Path.Combine(Consumers, consumer), Path.Combine(folder, consumer));
        var start = new ProcessStartInfo("node") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in (string[])[consumer, fixture.Address.ToString(), .. arguments])
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, "the client failed in node:\n" + await output + await error);
        using var document = JsonDocument.Parse(await output);
        return document.RootElement.Clone();
    }
}
