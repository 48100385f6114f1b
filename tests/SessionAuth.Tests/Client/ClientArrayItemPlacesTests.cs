using System.Text.Json;

namespace SessionAuth.Tests.Client;

/// <summary>
/// Arrays from every place a request carries one (the query, a header, a form) x nullable numbers and nullable strings:
/// every item the client sends arrives in its place, or the client refuses the call before sending anything, and the
/// items are declared as they can arrive. The oracle is ASP.NET Core itself: each function of the test app's
/// <c>ArrayItemPlaces</c> is also mapped as a minimal API under <c>/minimal</c>, and Consumers/ArrayPlaces.mjs sends the
/// request the client made to both.
/// </summary>
public sealed class ClientArrayItemPlacesTests(TestAppFixture fixture) : IClassFixture<TestAppFixture>
{
    private const string Refused = "(refused)";

    /// <summary>
    /// A null item of a query or form array is sent empty and binds as null in its place (as the empty string for
    /// strings); a header array is one comma-separated line whose empty items the server drops, so a null or empty item
    /// is refused, an item holding a comma is sent quoted and one holding a quote is refused. A header's StringValues
    /// takes the line whole.
    /// </summary>
    [Theory]
    [InlineData("queryNumbers", "[1, null, 2]", "1|(null)|2")]
    [InlineData("queryTexts", """["a", null, "", "b"]""", "a|(empty)|(empty)|b")]
    [InlineData("queryTexts", """["a,b", "\"q\""]""", "a,b|\"q\"")]
    [InlineData("headerNumbers", "[1, 2]", "1|2")]
    [InlineData("headerNumbers", "[1, null, 2]", Refused)]
    [InlineData("headerNumbers", "[null]", Refused)]
    [InlineData("headerTexts", """["a", "b"]""", "a|b")]
    [InlineData("headerTexts", """["a", null, "b"]""", Refused)]
    [InlineData("headerTexts", """["a", "", "b"]""", Refused)]
    [InlineData("headerTexts", """["a,b", "c"]""", "a,b|c")]
    [InlineData("headerTexts", """["say \"hi\"", "c"]""", Refused)]
    [InlineData("headerTexts", """["\"q\""]""", Refused)]
    [InlineData("headerValues", "\"a,b\"", "a,b")]
    [InlineData("formNumbers", "[1, null, 2]", "1|(null)|2")]
    [InlineData("formNumbers", "[null, null]", "(null)|(null)")]
    [InlineData("formTexts", """["a", null, "", "b"]""", "a|(empty)|(empty)|b")]
    public async Task Every_item_arrives_in_its_place_or_the_call_is_refused_before_sending(string function, string items, string expected)
    {
        var outcome = await ClientProbeCalls.RunAsync(fixture, "ArrayPlaces.mjs", $"[\"{function}\", {items}]");

        if (expected == Refused)
        {
            Assert.True(outcome.TryGetProperty("refused", out _), outcome.ToString());
            Assert.Equal(JsonValueKind.Null, outcome.GetProperty("twin").ValueKind);
            return;
        }

        Assert.True(outcome.TryGetProperty("value", out var value), outcome.ToString());
        Assert.Equal(expected, value.GetString());
        var twin = outcome.GetProperty("twin");
        Assert.Equal(200, twin.GetProperty("status").GetInt32());
        Assert.Equal(expected, twin.GetProperty("value").GetString());
    }

    /// <summary>Items are declared nullable only where a null item arrives in its place: a query or form array of numbers.</summary>
    [Theory]
    [InlineData("queryNumbers", "ids?: (number | null)[]")]
    [InlineData("queryTexts", "labels?: string[]")]
    [InlineData("headerNumbers", "headerIds?: number[]")]
    [InlineData("headerTexts", "headerLabels?: string[]")]
    [InlineData("headerValues", "values: string")]
    [InlineData("formNumbers", "formIds?: (number | null)[]")]
    [InlineData("formTexts", "formLabels?: string[]")]
    public async Task Items_are_declared_nullable_where_a_null_arrives_in_its_place(string function, string parameter)
    {
        var declared = ClientProbeCalls.FunctionDeclaration(await ClientProbeCalls.DeclarationsAsync(fixture), function);

        Assert.Equal($"{function}({parameter}, options?: ServerFunctionCallOptions): Promise<string>;", declared);
    }
}
