using System.Text.Json;

namespace SessionAuth.Tests.Client;

/// <summary>
/// The generated module run in node against the test app on real Kestrel, at the edges of what it sends and reads: route
/// values (complex segments too) and header values of every awkward kind, results declared nullable that return null, a
/// HEAD function, and arguments of every verb and source (the test app's <c>ClientCallProbes</c>, <c>ClientProbes</c>, <c>Binding</c>).
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

    /// <summary>
    /// A function declared to return a nullable typed result (<c>Ok&lt;Wand&gt;?</c>, <c>Task&lt;Results&lt;...&gt;?&gt;</c>) that
    /// returns null is answered 204, which the client resolves to undefined: its declaration admits it (<c>Wand | undefined</c>).
    /// </summary>
    [Theory]
    [InlineData("nullOk")]
    [InlineData("nullUnion")]
    public async Task A_null_typed_result_resolves_to_undefined_which_its_declaration_admits(string function) =>
        Assert.Equal(string.Empty, await ClientProbeCalls.ArrivedValueRefusedByDeclarationAsync(fixture, "ClientCallProbes", function));

    /// <summary>
    /// A known limit, documented in README: a function declared to return a class returns a derived value, which the server
    /// writes as what it is (minimal APIs write a type without JSON polymorphism by its runtime type). A property the derived
    /// class overrides with [JsonIgnore] is missing, though the base's declaration requires it.
    /// </summary>
    [Fact]
    public async Task A_derived_value_returned_as_its_base_arrives_as_the_server_writes_the_derived_type()
    {
        var report = await ClientProbeCalls.ArrivedValueRefusedByDeclarationAsync(fixture, "ClientCallProbes", "animal");

        Assert.StartsWith("arrived: {}\n", report, StringComparison.Ordinal);
        Assert.Contains("'name'", report, StringComparison.Ordinal);
    }

    /// <summary>
    /// ASP.NET Core reads a complex segment (<c>{name}.{ext}</c>, <c>{from}-{to}</c>) from the right, each literal at its last
    /// place: a value holding a literal that follows it in the segment would arrive split elsewhere, so the client refuses
    /// it with a TypeError naming it before anything is sent. The first value of a segment may hold any text, and a later
    /// one the literal as its last character (the server leaves each value at least one), so those arrive as passed, as do
    /// values holding another segment's literal.
    /// </summary>
    [Theory]
    [InlineData("fileName", "a", "b.c", "ext")]
    [InlineData("fileName", "a", ".c", "ext")]
    [InlineData("fileName", "a", "c.", null)]
    [InlineData("range", "x", "y-z", "to")]
    [InlineData("fileName", "a.b", "c", null)]
    [InlineData("fileName", "a..b.", "c", null)]
    [InlineData("range", "x-y-", "z", null)]
    [InlineData("range", "x", "y.z", null)]
    [InlineData("fileName", "a", "b-c", null)]
    public async Task A_complex_segment_value_arrives_as_passed_or_is_refused_naming_it(string function, string first, string second, string? refused)
    {
        var outcome = await ClientProbeCalls.CallFunctionAsync(fixture, "ClientCallProbes", function, first, second);

        if (refused is null)
        {
            Assert.True(outcome.TryGetProperty("value", out var value), outcome.ToString());
            Assert.Equal($"{first}|{second}", value.GetString());
        }
        else
        {
            Assert.True(outcome.TryGetProperty("thrown", out var thrown), outcome.ToString());
            Assert.StartsWith($"TypeError: The route value {refused} ", thrown.GetString(), StringComparison.Ordinal);
        }
    }

    /// <summary>An item of a header array holding a comma is sent quoted, and the server reads it whole in its place.</summary>
    [Fact]
    public async Task A_header_array_item_holding_a_comma_arrives_whole()
    {
        string[] ids = ["a,b", "c"];
        var outcome = await ClientProbeCalls.CallFunctionAsync(fixture, "ClientProbes", "headerIds", [ids]);

        Assert.True(outcome.TryGetProperty("value", out var value), outcome.ToString());
        Assert.Equal("2:a,b|c", value.GetString());
    }

    /// <summary>
    /// A HEAD function's answer has the headers of its value and no body: the call is declared <c>Promise&lt;void&gt;</c>
    /// and resolves to undefined, not rejected with the SyntaxError of parsing an empty body.
    /// </summary>
    [Fact]
    public async Task A_head_function_resolves_to_undefined()
    {
        var outcome = await ClientProbeCalls.CallFunctionAsync(fixture, "ClientCallProbes", "head");

        Assert.Equal("undefined", outcome.TryGetProperty("literal", out var literal) ? literal.GetString() : outcome.ToString());
        Assert.Contains("head(options?: ServerFunctionCallOptions): Promise<void>;", await ClientProbeCalls.DeclarationsAsync(fixture), StringComparison.Ordinal);
    }


    /// <summary>
    /// A null string and a null char (JSON null), a typed result through a ValueTask, and a record with a nullable enum, a
    /// nullable char, a WhenWritingDefault member left at its default and a required dictionary by enum of nullable numbers;
    /// and classes that are collections only through the non-generic interfaces (their items, their entries), which the
    /// app's start-up check lets start (the test app returns them).
    /// </summary>
    [Theory]
    [InlineData("nullText")]
    [InlineData("nullLetter")]
    [InlineData("valueTaskOk")]
    [InlineData("card")]
    [InlineData("items")]
    [InlineData("settings")]
    public async Task A_null_or_awaited_result_and_a_record_of_nullable_members_arrive_as_declared(string function) =>
        Assert.Equal(string.Empty, await ClientProbeCalls.ArrivedValueRefusedByDeclarationAsync(fixture, "ClientCallProbes", function));

    /// <summary>Arguments of each verb and source arrive as passed.</summary>
    [Theory]
    [MemberData(nameof(Echoes))]
    public async Task Arguments_of_each_verb_and_source_arrive_as_passed(string objectName, string function, object?[] arguments, string expected)
    {
        var outcome = await ClientProbeCalls.CallFunctionAsync(fixture, objectName, function, arguments);

        Assert.True(outcome.TryGetProperty("value", out var value), outcome.ToString());
        Assert.Equal(expected, value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText());
    }

    public static TheoryData<string, string, object?[], string> Echoes => new()
    {
        { "ClientCallProbes", "texts", [true, "0f8fad5b-d9cb-469f-a165-70867728950e", "2026-12-03", "1.02:03:04"], "True|0f8fad5b-d9cb-469f-a165-70867728950e|2026-12-03|1.02:03:04" },
        { "ClientCallProbes", "put", ["Luna", null, 2], "Luna|null|Ravenclaw" },
        { "ClientCallProbes", "delete", [5, "a b&c=d#e"], "5|a b&c=d#e" },
        { "ClientCallProbes", "fileName", ["a.b", "c"], "a.b|c" },
        { "ClientCallProbes", "headerOne", ["a, b"], "a, b" },
        { "Binding", "body", [new { item = "Quill", quantity = 2 }, 3], "Quill x2|3" },
        { "Binding", "raw", ["payload", "t"], "Hello:t:payload" },
    };

    private Task<JsonElement> RunConsumerAsync(string consumer, params string[] arguments) => ClientProbeCalls.RunAsync(fixture, consumer, arguments);
}
