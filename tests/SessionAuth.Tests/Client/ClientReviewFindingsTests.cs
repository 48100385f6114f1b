namespace SessionAuth.Tests.Client;

/// <summary>
/// Calls of the generated client whose declaration or behaviour does not match what the server does over Kestrel. The
/// functions are the test app's <c>ClientReviewProbes</c> (and <c>ClientProbes</c>).
/// </summary>
public sealed class ClientReviewFindingsTests(TestAppFixture fixture) : IClassFixture<TestAppFixture>
{
    /// <summary>
    /// A function declared to return a nullable typed result (<c>Ok&lt;Wand&gt;?</c>, <c>Task&lt;Results&lt;...&gt;?&gt;</c>) that
    /// returns null is answered 204, which the client resolves to undefined: its declaration must admit that.
    /// </summary>
    [Theory]
    [InlineData("nullOk")]
    [InlineData("nullUnion")]
    public async Task A_null_typed_result_resolves_to_a_value_its_declaration_admits(string function) =>
        Assert.Equal(string.Empty, await ClientReviewCalls.ArrivedValueRefusedByDeclarationAsync(fixture, "ClientReviewProbes", function));

    /// <summary>
    /// A function declared to return a class returns a derived value, which the server writes as what it is: a property the
    /// derived class overrides with [JsonIgnore] is missing, so the base's declaration, which requires it, must not.
    /// </summary>
    [Fact]
    public async Task A_derived_value_returned_as_its_base_arrives_as_declared() =>
        Assert.Equal(string.Empty, await ClientReviewCalls.ArrivedValueRefusedByDeclarationAsync(fixture, "ClientReviewProbes", "animal"));

    /// <summary>
    /// A route value in a complex segment (<c>{name}.{ext}</c>, <c>{from}-{to}</c>) that holds the segment's literal is read
    /// back by ASP.NET Core from the right, so it arrives split elsewhere: it must arrive as passed, or be refused with a
    /// TypeError before anything is sent, as a route value holding "/" is.
    /// </summary>
    [Theory]
    [InlineData("fileName", "a", "b.c")]
    [InlineData("range", "x", "y-z")]
    public async Task A_complex_segment_value_holding_its_literal_arrives_as_passed_or_is_refused(string function, string first, string second)
    {
        var outcome = await ClientReviewCalls.CallAsync(fixture, "ClientReviewProbes", function, first, second);

        var refused = outcome.TryGetProperty("thrown", out var thrown) && thrown.GetString()!.StartsWith("TypeError", StringComparison.Ordinal);
        Assert.True(refused || (outcome.TryGetProperty("value", out var value) && value.GetString() == $"{first}|{second}"), outcome.ToString());
    }

    /// <summary>
    /// A [FromHeader] string[] item holding a comma is sent joined with the others by commas, and the server splits it:
    /// it must arrive as passed, or be refused with a TypeError, as a header value with a line break is.
    /// </summary>
    [Fact]
    public async Task A_header_array_item_holding_a_comma_arrives_as_passed_or_is_refused()
    {
        string[] ids = ["a,b", "c"];
        var outcome = await ClientReviewCalls.CallAsync(fixture, "ClientProbes", "headerIds", [ids]);

        var refused = outcome.TryGetProperty("thrown", out var thrown) && thrown.GetString()!.StartsWith("TypeError", StringComparison.Ordinal);
        Assert.True(refused || (outcome.TryGetProperty("value", out var value) && value.GetString() == "2:a,b|c"), outcome.ToString());
    }

    /// <summary>
    /// A HEAD function's answer has the headers of its JSON value and no body: the call must settle as the client's
    /// contract says (a value, or a ServerFunctionError), not reject with the SyntaxError of parsing an empty body.
    /// </summary>
    [Fact]
    public async Task A_head_function_settles_without_a_parse_error()
    {
        var outcome = await ClientReviewCalls.CallAsync(fixture, "ClientReviewProbes", "head");

        Assert.False(outcome.TryGetProperty("thrown", out _), outcome.ToString());
    }
}
