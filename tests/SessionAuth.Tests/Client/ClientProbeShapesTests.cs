using System.Text.Json;

namespace SessionAuth.Tests.Client;

/// <summary>
/// Shapes of values and calls whose declaration is what arrives over Kestrel, and whose call behaves as the README says.
/// The functions are the test app's <c>ClientProbes</c>.
/// </summary>
public sealed class ClientProbeShapesTests(TestAppFixture fixture) : IClassFixture<TestAppFixture>
{
    /// <summary>
    /// Framework values JSON writes in ways of their own (TimeSpan, DateOnly, TimeOnly, Guid, Uri, byte[] as base64, char,
    /// Version, DateTimeOffset as strings; decimal, long, Int128, Half as numbers), dictionaries with enum and int keys,
    /// nullable value types in collections, an immutable array, a queue, a set, a null DateTime? and a required init-only
    /// member: each arrives as the JSON type its declaration says.
    /// </summary>
    [Fact]
    public async Task Framework_values_and_collections_arrive_as_declared()
    {
        var declared = ClientProbeCalls.InterfaceMembers(await ClientProbeCalls.DeclarationsAsync(fixture), "ProbeValues");
        var outcome = await ClientProbeCalls.CallAsync(fixture, "values");

        var arrived = outcome.GetProperty("types").EnumerateObject().ToDictionary(static p => p.Name, static p => p.Value.GetString()!, StringComparer.Ordinal);
        Assert.Equal(declared.Keys.Order(StringComparer.Ordinal), arrived.Keys.Order(StringComparer.Ordinal));
        Assert.All(arrived, member => Assert.True(Admits(declared[member.Key], member.Value), $"{member.Key}: declared {declared[member.Key]}, arrived {member.Value}"));
        var value = outcome.GetProperty("value");
        Assert.Equal("AQID", value.GetProperty("bytes").GetString());
        Assert.Equal("00:01:30", value.GetProperty("span").GetString());
        Assert.Equal(1, value.GetProperty("byHouse").GetProperty("Ravenclaw").GetInt32());
        Assert.Equal("seven", value.GetProperty("byId").GetProperty("7").GetString());
        Assert.Equal(JsonValueKind.Null, value.GetProperty("maybe")[1].ValueKind);
    }

    /// <summary>A generic record nested in itself with a nullable value type argument: two declarations, each as it arrives.</summary>
    [Fact]
    public async Task A_nested_generic_record_arrives_as_declared()
    {
        var declarations = await ClientProbeCalls.DeclarationsAsync(fixture);
        var outer = ClientProbeCalls.InterfaceMembers(declarations, "ProbePage_ProbePage_Nullable_Int32");
        var inner = ClientProbeCalls.InterfaceMembers(declarations, "ProbePage_Nullable_Int32");
        var outcome = await ClientProbeCalls.CallAsync(fixture, "pages");

        Assert.Equal("ProbePage_Nullable_Int32[]", outer["items"]);
        Assert.Equal("(number | null)[]", inner["items"]);
        Assert.Equal("[1,null]", outcome.GetProperty("value").GetProperty("items")[0].GetProperty("items").GetRawText());
    }

    /// <summary>
    /// [JsonPropertyName] with a character an identifier cannot hold, [JsonIgnore], [JsonRequired], [JsonExtensionData]
    /// (left out of the declaration, its members spread in the object) and [JsonNumberHandling(WriteAsString)].
    /// </summary>
    [Fact]
    public async Task Json_attributes_arrive_as_declared()
    {
        var declared = ClientProbeCalls.InterfaceMembers(await ClientProbeCalls.DeclarationsAsync(fixture), "ProbeAttributes");
        var outcome = await ClientProbeCalls.CallAsync(fixture, "attributes");

        Assert.Equal(new Dictionary<string, string> { ["full-name"] = "string", ["count"] = "number", ["asText"] = "string" }, declared);
        var arrived = outcome.GetProperty("types");
        Assert.Equal("string", arrived.GetProperty("full-name").GetString());
        Assert.Equal("number", arrived.GetProperty("count").GetString());
        Assert.Equal("string", arrived.GetProperty("asText").GetString());
        Assert.False(arrived.TryGetProperty("hidden", out _));
    }

    /// <summary>A base record returned holding a derived one: the declared members arrive (the derived one's too, which TypeScript allows).</summary>
    [Fact]
    public async Task A_derived_record_returned_as_its_base_has_the_base_members()
    {
        var declared = ClientProbeCalls.InterfaceMembers(await ClientProbeCalls.DeclarationsAsync(fixture), "ProbeBase");
        var outcome = await ClientProbeCalls.CallAsync(fixture, "derived");

        Assert.Equal(["kind"], declared.Keys);
        Assert.Equal("derived", outcome.GetProperty("value").GetProperty("kind").GetString());
    }

    /// <summary>IAsyncEnumerable&lt;T&gt; is declared unknown, never a guess; it arrives as an array.</summary>
    [Fact]
    public async Task An_async_stream_is_declared_unknown_and_arrives_as_an_array()
    {
        var outcome = await CallDeclaredAsync("stream", "unknown");

        Assert.Equal("array", outcome.GetProperty("type").GetString());
    }

    /// <summary>NoContent resolves to undefined, as Promise&lt;void&gt; says.</summary>
    [Fact]
    public async Task No_content_resolves_to_undefined()
    {
        var outcome = await CallDeclaredAsync("nothing", "void");

        Assert.Equal("(undefined)", outcome.GetProperty("value").GetString());
    }

    /// <summary>A 429 problem with Retry-After rejects with ServerFunctionError carrying status, title and retryAfter, and no parameter.</summary>
    [Fact]
    public async Task A_429_rejects_with_its_status_title_and_retry_after()
    {
        var outcome = await ClientProbeCalls.CallAsync(fixture, "busy");

        var error = outcome.GetProperty("error");
        Assert.Equal(429, error.GetProperty("status").GetInt32());
        Assert.Equal("Slow down", error.GetProperty("title").GetString());
        Assert.Equal(7, error.GetProperty("retryAfter").GetInt32());
        Assert.Equal(JsonValueKind.Null, error.GetProperty("parameter").ValueKind);
        Assert.Empty(outcome.GetProperty("navigations").EnumerateArray());
    }

    /// <summary>Query array items with the query's own delimiters, non-ASCII letters and spaces arrive as passed, in order.</summary>
    [Fact]
    public async Task Query_array_items_with_reserved_characters_arrive_as_passed()
    {
        string[] tags = ["a&b", "c=d", "e+f", "g#h", "é", "x y", "%20"];
        var outcome = await ClientProbeCalls.CallAsync(fixture, "tags", [tags]);

        Assert.Equal(string.Join("|", tags), outcome.GetProperty("value").GetString());
    }

    /// <summary>A decimal in the JSON body and a double in the query take JavaScript's exponent form (1e-7, 1e+21).</summary>
    [Theory]
    [InlineData("amountInBody", 1e-7, "0.0000001")]
    [InlineData("amountInBody", 1e21, "1000000000000000000000")]
    [InlineData("ratio", 1e-7, "1E-07")]
    [InlineData("ratio", 1e21, "1E+21")]
    public async Task Numbers_in_exponent_form_arrive_where_the_server_reads_them(string function, double number, string expected)
    {
        var outcome = await ClientProbeCalls.CallAsync(fixture, function, number);

        Assert.True(outcome.TryGetProperty("value", out var value), outcome.ToString());
        Assert.Equal(expected, value.GetString());
    }

    /// <summary>An http(s) redirect result still navigates a script caller (the case a fix for script URLs must keep).</summary>
    [Fact]
    public async Task A_redirect_result_to_a_local_path_navigates_a_script_caller()
    {
        var outcome = await ClientProbeCalls.CallAsync(fixture, "redirectTo", "/landing?from=probe");

        Assert.Equal([new Uri(fixture.Address, "/landing?from=probe").AbsoluteUri], outcome.GetProperty("navigations").EnumerateArray().Select(static n => n.GetString()));
        Assert.Equal(204, outcome.GetProperty("error").GetProperty("status").GetInt32());
    }

    /// <summary>A POST whose JSON members are all optional, called with none: no body is sent, and the defaults bind.</summary>
    [Fact]
    public async Task Optional_json_members_left_out_bind_their_defaults()
    {
        var outcome = await ClientProbeCalls.CallAsync(fixture, "optionalMembers");

        Assert.True(outcome.TryGetProperty("value", out var value), outcome.ToString());
        Assert.Equal("(none)|3", value.GetString());
    }

    /// <summary>
    /// byte[] and char returned are declared string and arrive as strings; a string that looks like JSON arrives as the
    /// string; a text result (<c>TypedResults.Text</c>, <c>TypedResults.Content</c>, UTF-8 text, one outcome of a
    /// <c>Results</c>) is declared string and resolves to its text whatever content type it names, a JSON one included.
    /// </summary>
    [Theory]
    [InlineData("bytes", "AQID")]
    [InlineData("letter", "x")]
    [InlineData("jsonLooking", "{\"a\":1}")]
    [InlineData("jsonText", "{\"a\":1}")]
    [InlineData("jsonContent", "[1,2]")]
    [InlineData("jsonUtf8Text", "\"quoted\"")]
    [InlineData("jsonTextOrMissing", "true")]
    public async Task Returned_values_written_as_strings_arrive_as_strings(string function, string expected)
    {
        var outcome = await CallDeclaredAsync(function, "string");

        Assert.Equal("string", outcome.GetProperty("type").GetString());
        Assert.Equal(expected, outcome.GetProperty("value").GetString());
    }

    /// <summary>
    /// Beside an outcome written as JSON, a text result naming a JSON content type cannot be told from a JSON value: the
    /// call is declared unknown, which admits what arrives (here an object parsed from the text).
    /// </summary>
    [Fact]
    public async Task A_text_result_beside_a_json_value_is_declared_unknown()
    {
        var outcome = await CallDeclaredAsync("wandOrText", "unknown");

        Assert.Equal("object", outcome.GetProperty("type").GetString());
    }

    /// <summary>A <c>[FromHeader] string[]</c> sent as one header joined by commas (<c>X-Ids: a,b</c>) arrives item by item.</summary>
    [Fact]
    public async Task A_header_array_arrives_item_by_item()
    {
        string[] ids = ["a", "b"];
        var outcome = await ClientProbeCalls.CallAsync(fixture, "headerIds", [ids]);

        Assert.True(outcome.TryGetProperty("value", out var value), outcome.ToString());
        Assert.Equal("2:a|b", value.GetString());
    }

    /// <summary>
    /// The server binds an empty item of a query <c>int?[]</c> (<c>ids=1&amp;ids=&amp;ids=2</c>) as null in its place: what a
    /// client that sends a null item as an empty one would rely on.
    /// </summary>
    [Fact]
    public async Task Empty_query_items_of_nullable_numbers_bind_as_null()
    {
        using var client = fixture.CreateClient();
        using var response = await client.FetchAsync("/client-probes/maybe-ids?ids=1&ids=&ids=2", method: HttpMethod.Get);

        Assert.Equal("1,null,2", JsonSerializer.Deserialize<string>(await response.Content.ReadAsStringAsync()));
    }

    /// <summary>
    /// Asserts that the client declares <paramref name="function"/> to return <c>Promise&lt;<paramref name="promised"/>&gt;</c>,
    /// then calls it without arguments and returns what the call gave.
    /// </summary>
    private async Task<JsonElement> CallDeclaredAsync(string function, string promised)
    {
        var declared = ClientProbeCalls.FunctionDeclaration(await ClientProbeCalls.DeclarationsAsync(fixture), function);
        Assert.EndsWith($"): Promise<{promised}>;", declared, StringComparison.Ordinal);
        return await ClientProbeCalls.CallAsync(fixture, function);
    }

    /// <summary>Whether a value of JSON type <paramref name="arrived"/> (as JavaScript's typeof says it) is one <paramref name="declared"/> admits.</summary>
    private static bool Admits(string declared, string arrived) =>
        declared.Split(" | ").Any(alternative => alternative.Trim() switch
        {
            "string" or "number" or "boolean" or "null" => alternative.Trim() == arrived,
            var other when other.EndsWith("[]", StringComparison.Ordinal) => arrived == "array",
            var other when other.StartsWith("Record<", StringComparison.Ordinal) => arrived == "object",
            "unknown" => true,
            _ => arrived == "object",
        });
}
