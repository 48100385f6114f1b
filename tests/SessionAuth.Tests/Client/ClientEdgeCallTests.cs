using System.Text.Json;

namespace SessionAuth.Tests.Client;

/// <summary>
/// The generated module run in node against the test app on real Kestrel, at the edges of what it sends and reads: route
/// values and header values of every awkward kind, and results declared nullable that return null.
/// </summary>
public sealed class ClientEdgeCallTests(TestAppFixture fixture) : IClassFixture<TestAppFixture>
{
    private static readonly string[] SlashValue = ["a/b"];

    /// <summary>
    /// A route value reaches the function as the caller passed it, whatever its characters, or the client refuses it with a
    /// TypeError before sending anything: Kestrel decodes every escape of a path but <c>%2F</c>, so a <c>/</c> in a value
    /// of one segment would arrive as <c>%2F</c>; a dot segment is resolved away by the URL and an empty value or segment
    /// dropped from the path, either reaching another endpoint. A catch-all takes <c>/</c> between non-empty segments.
    /// Each value goes to a plain segment (<c>{name}</c>), a constrained one (<c>{code:length(3)}</c>, 404 for another
    /// length) and a catch-all (<c>{**path}</c>).
    /// </summary>
    [Theory]
    [InlineData("abc")]
    [InlineData("...")]
    [InlineData("a?b")]
    [InlineData("a#b")]
    [InlineData("a%b")]
    [InlineData("a b")]
    [InlineData("a+b")]
    [InlineData("a\\b")]
    [InlineData("é")]
    [InlineData("%2F")]
    [InlineData("a%2Fb")]
    [InlineData("a/b")]
    [InlineData("é/ü")]
    [InlineData("a//b")]
    [InlineData("/ab")]
    [InlineData("ab/")]
    [InlineData("a/./b")]
    [InlineData("a/../b")]
    [InlineData(".")]
    [InlineData("..")]
    [InlineData("")]
    public async Task A_route_value_arrives_as_the_caller_passed_it_or_is_refused_before_sending(string code)
    {
        var root = await RunConsumerAsync("RouteValues.mjs", JsonSerializer.Serialize(new[] { code }));
        var outcomes = root.GetProperty(code);

        var segmentRefused = code is "" or "." or ".." || code.Contains('/', StringComparison.Ordinal);
        var catchAllRefused = code.Split('/').Any(static segment => segment is "" or "." or "..");
        Assert.Equal(segmentRefused ? "refused" : code, Shown(outcomes.GetProperty("name")));
        Assert.Equal(segmentRefused ? "refused" : code.Length == 3 ? $"1|{code}|2" : "status 404", Shown(outcomes.GetProperty("constrained")));
        Assert.Equal(catchAllRefused ? "refused" : code, Shown(outcomes.GetProperty("path")));
    }

    /// <summary>The refusal names the route value, so that a caller knows which argument to change.</summary>
    [Fact]
    public async Task A_refused_route_value_is_named_in_the_TypeError()
    {
        var root = await RunConsumerAsync("RouteValues.mjs", JsonSerializer.Serialize(SlashValue));

        var refused = root.GetProperty("a/b").GetProperty("name").GetProperty("refused").GetString();
        Assert.StartsWith("The route value name (\"a/b\")", refused, StringComparison.Ordinal);
    }

    /// <summary>
    /// A function declared <c>Promise&lt;string | null&gt;</c> (<c>ValueTask&lt;string?&gt;</c>) that returns null resolves
    /// to null, as its type says.
    /// </summary>
    [Fact]
    public async Task A_nullable_string_result_resolves_to_null_when_the_function_returns_null()
    {
        var root = await RunConsumerAsync("ReturnShapes.mjs");

        Assert.Equal("1||t|1", root.GetProperty("attributes").GetString());
        Assert.Equal("null", root.GetProperty("motto").GetString());
    }

    /// <summary>
    /// <c>Ok&lt;Wand?&gt;</c> is declared <c>Promise&lt;Wand | null&gt;</c>, and <c>Ok&lt;T&gt;</c> writes no body for a null value
    /// (200, no Content-Type): the client resolves it to null, as its type says, as it does a plain <c>Wand?</c> return,
    /// which writes <c>null</c>.
    /// </summary>
    [Fact]
    public async Task A_result_declared_nullable_resolves_to_null_for_a_null_value()
    {
        var root = await RunConsumerAsync("NullableResults.mjs");

        Assert.Equal("json: null, ok: null", $"json: {root.GetProperty("json").GetString()}, ok: {root.GetProperty("ok").GetString()}");
    }

    private static string Shown(JsonElement outcome) =>
        outcome.TryGetProperty("value", out var value) ? value.GetString()!
        : outcome.TryGetProperty("status", out var status) ? $"status {status.GetInt32()}"
        : outcome.TryGetProperty("refused", out _) ? "refused"
        : outcome.ToString();

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
    public async Task a_header_value_arrives_as_the_caller_passed_it_or_is_refused_naming_it(string tenant)
    {
        tenant = tenant.Replace("\\t", "\t", StringComparison.Ordinal);
        var root = await RunConsumerAsync("HeaderValues.mjs", JsonSerializer.Serialize(new[] { tenant }));
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

    private Task<JsonElement> RunConsumerAsync(string consumer, params string[] arguments) => ClientProbeCalls.RunAsync(fixture, consumer, arguments);
}
