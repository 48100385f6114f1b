namespace SessionAuth.Tests.Client;

/// <summary>
/// Values the client sends as text (a decimal with any exponent, null items of a query array, a route value under a
/// constraint with braces) arrive as passed, and a JSON result that may carry serializer options of its own is not
/// declared with the app's names. The functions are the test app's <c>ClientProbes</c>.
/// </summary>
public sealed class ClientValuesOnTheWireTests(TestAppFixture fixture) : IClassFixture<TestAppFixture>
{
    /// <summary>
    /// A <c>decimal</c> query or route value is declared <c>number</c>, and the client sends <c>String(value)</c>: JavaScript
    /// writes small and large numbers with an exponent (<c>1e-7</c>, <c>1e+21</c>), which <c>decimal.TryParse</c> with the
    /// invariant culture refuses (NumberStyles.Number has no exponent), so a valid argument of the declared type is
    /// answered 400 naming the parameter. A double takes the exponent; the JSON body reads either.
    /// </summary>
    [Theory]
    [InlineData("amount", 1e-7, "0.0000001")]
    [InlineData("amount", 1e21, "1000000000000000000000")]
    [InlineData("amountInRoute", 1e-7, "0.0000001")]
    public async Task A_decimal_sent_as_text_arrives_whatever_number_the_caller_passes(string function, double amount, string expected)
    {
        var outcome = await ClientProbeCalls.CallAsync(fixture, function, amount);

        Assert.True(outcome.TryGetProperty("value", out var value), outcome.ToString());
        Assert.Equal(expected, value.GetString());
    }

    /// <summary>
    /// A query <c>int?[]</c> is declared <c>(number | null)[]</c>, but the client drops null items before sending, so
    /// <c>[1, null, 2]</c> arrives as <c>[1, 2]</c>: every item after a null moves to another index, silently. Either the
    /// nulls arrive in their places (the server binds an empty item as null:
    /// <c>ClientProbeShapesTests.Empty_query_items_of_nullable_numbers_bind_as_null</c>), or the declaration does not admit them.
    /// </summary>
    [Fact]
    public async Task Null_items_of_a_query_array_arrive_in_their_places_or_are_not_declared()
    {
        var declared = ClientProbeCalls.FunctionDeclaration(await ClientProbeCalls.DeclarationsAsync(fixture), "maybeIds");
        if (!declared.Contains("null", StringComparison.Ordinal))
        {
            return;
        }

        var outcome = await ClientProbeCalls.CallAsync(fixture, "maybeIds", [new int?[] { 1, null, 2 }]);

        Assert.True(outcome.TryGetProperty("value", out var value), outcome.ToString());
        Assert.Equal("1,null,2", value.GetString());
    }

    /// <summary>
    /// A route constraint may hold braces, escaped as <c>{{</c> and <c>}}</c> (<c>{zip:regex(^\\d{{5}}$)}</c>, a common
    /// form). The client's route filling ends the parameter at the first <c>}</c>, so it leaves <c>}$)}</c> in the path and
    /// the call is a 404 for a value the route accepts.
    /// </summary>
    [Fact]
    public async Task A_route_value_under_a_constraint_with_braces_reaches_the_function()
    {
        var outcome = await ClientProbeCalls.CallAsync(fixture, "zip", "12345");

        Assert.True(outcome.TryGetProperty("value", out var value), outcome.ToString());
        Assert.Equal("12345", value.GetString());
    }

    /// <summary>
    /// <c>JsonHttpResult&lt;Wand&gt;</c> made with serializer options of its own (<c>TypedResults.Json(wand, new
    /// JsonSerializerOptions())</c>) writes PascalCase names (<c>Wood</c>), yet the client declares it <c>Promise&lt;Wand&gt;</c>,
    /// whose members are <c>wood</c>, <c>length</c>, <c>core</c>: <c>(await ClientProbes.ownOptions()).wood</c> type-checks
    /// and is undefined. The start-up check reads the app's options, never the result's. Either the declaration is
    /// <c>unknown</c> for a JSON result (which may carry options), or what arrives has the declared names.
    /// </summary>
    [Fact]
    public async Task A_json_result_with_options_of_its_own_is_not_declared_with_the_apps_names()
    {
        var declarations = await ClientProbeCalls.DeclarationsAsync(fixture);
        var declared = ClientProbeCalls.FunctionDeclaration(declarations, "ownOptions");
        if (declared.EndsWith("Promise<unknown>;", StringComparison.Ordinal))
        {
            return;
        }

        var outcome = await ClientProbeCalls.CallAsync(fixture, "ownOptions");
        var arrived = outcome.GetProperty("types").EnumerateObject().Select(static p => p.Name).Order(StringComparer.Ordinal);
        Assert.Equal(ClientProbeCalls.InterfaceMembers(declarations, "Wand").Keys.Order(StringComparer.Ordinal), arrived);
    }

    /// <summary>
    /// A query <c>string?[]</c>: the server binds an empty item as <c>""</c>, never null, so a null item cannot arrive as
    /// one, and the items are declared <c>string[]</c>; a <c>null</c> passed anyway (from JavaScript) is sent empty and
    /// keeps its place.
    /// </summary>
    [Fact]
    public async Task Items_of_a_query_array_of_strings_are_declared_without_null_and_keep_their_places()
    {
        var declared = ClientProbeCalls.FunctionDeclaration(await ClientProbeCalls.DeclarationsAsync(fixture), "maybeLabels");
        var outcome = await ClientProbeCalls.CallAsync(fixture, "maybeLabels", [new[] { "a", null, "", "b" }]);

        Assert.Equal("maybeLabels(label?: string[], options?: ServerFunctionCallOptions): Promise<string>;", declared);
        Assert.True(outcome.TryGetProperty("value", out var value), outcome.ToString());
        Assert.Equal("a|(empty)|(empty)|b", value.GetString());
    }
}
