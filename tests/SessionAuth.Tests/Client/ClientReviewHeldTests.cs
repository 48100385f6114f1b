using System.Text.Json;

namespace SessionAuth.Tests.Client;

/// <summary>
/// Shapes of the generated client a review tried that hold: what arrives over Kestrel is what the declaration admits, and
/// arguments arrive as passed. The functions are the test app's <c>ClientReviewProbes</c> and <c>Binding</c>.
/// </summary>
public sealed class ClientReviewHeldTests(TestAppFixture fixture) : IClassFixture<TestAppFixture>
{
    /// <summary>
    /// A null string and a null char (JSON null), a typed result through a ValueTask, and a record with a nullable enum, a
    /// nullable char, a WhenWritingDefault member left at its default and a required dictionary by enum of nullable numbers.
    /// </summary>
    [Theory]
    [InlineData("nullText")]
    [InlineData("nullLetter")]
    [InlineData("valueTaskOk")]
    [InlineData("card")]
    public async Task What_arrives_is_what_the_declaration_admits(string function) =>
        Assert.Equal(string.Empty, await ClientReviewCalls.ArrivedValueRefusedByDeclarationAsync(fixture, "ClientReviewProbes", function));

    /// <summary>Arguments of each verb and source arrive as passed.</summary>
    [Theory]
    [MemberData(nameof(Echoes))]
    public async Task Arguments_arrive_as_passed(string objectName, string function, object?[] arguments, string expected)
    {
        var outcome = await ClientReviewCalls.CallAsync(fixture, objectName, function, arguments);

        Assert.True(outcome.TryGetProperty("value", out var value), outcome.ToString());
        Assert.Equal(expected, value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText());
    }

    public static TheoryData<string, string, object?[], string> Echoes => new()
    {
        { "ClientReviewProbes", "texts", [true, "0f8fad5b-d9cb-469f-a165-70867728950e", "2026-12-03", "1.02:03:04"], "True|0f8fad5b-d9cb-469f-a165-70867728950e|2026-12-03|1.02:03:04" },
        { "ClientReviewProbes", "put", ["Luna", null, 2], "Luna|null|Ravenclaw" },
        { "ClientReviewProbes", "delete", [5, "a b&c=d#e"], "5|a b&c=d#e" },
        { "ClientReviewProbes", "fileName", ["a.b", "c"], "a.b|c" },
        { "ClientReviewProbes", "headerOne", ["a, b"], "a, b" },
        { "Binding", "body", [new { item = "Quill", quantity = 2 }, 3], "Quill x2|3" },
        { "Binding", "raw", ["payload", "t"], "Hello:t:payload" },
    };
}
