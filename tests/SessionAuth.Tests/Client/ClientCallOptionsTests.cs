using System.Text.Json;

namespace SessionAuth.Tests.Client;

/// <summary>
/// Every client function takes the call's options last (<c>ServerFunctionCallOptions</c>): a signal that aborts the call
/// and headers sent with it. The functions are the test app's <c>ClientProbes</c>.
/// </summary>
public sealed class ClientCallOptionsTests(TestAppFixture fixture) : IClassFixture<TestAppFixture>
{
    /// <summary>
    /// A call whose signal is aborted before it starts rejects with fetch's AbortError and never reaches the function; one
    /// aborted while the function runs rejects the same way, and the function sees its request aborted
    /// (<c>HttpContext.RequestAborted</c>). Neither is a ServerFunctionError.
    /// </summary>
    [Fact]
    public async Task An_aborted_call_rejects_with_the_fetch_abort_error_before_and_during_the_call()
    {
        var outcome = await ClientProbeCalls.RunAsync(fixture, "Abort.mjs", Guid.NewGuid().ToString("N"));

        foreach (var call in new[] { "before", "during" })
        {
            var rejection = outcome.GetProperty(call);
            Assert.False(rejection.TryGetProperty("resolved", out _), outcome.ToString());
            Assert.Equal("AbortError", rejection.GetProperty("name").GetString());
            Assert.True(rejection.GetProperty("domException").GetBoolean(), outcome.ToString());
            Assert.False(rejection.GetProperty("serverFunctionError").GetBoolean(), outcome.ToString());
        }

        Assert.False(outcome.GetProperty("before").GetProperty("reachedTheFunction").GetBoolean());
        Assert.Equal("aborted", outcome.GetProperty("during").GetProperty("serverSaw").GetString());
    }

    /// <summary>
    /// The options' headers are sent; the client's own win: a header argument passed, and Accept. A header argument not
    /// passed leaves the options' header of its name.
    /// </summary>
    [Theory]
    [InlineData("own", "own|trace|application/json")]
    [InlineData(null, "option|trace|application/json")]
    public async Task The_options_headers_are_sent_and_the_clients_own_win(string? tenant, string expected)
    {
        var headers = new Dictionary<string, string> { ["X-Tenant"] = "option", ["X-Trace"] = "trace", ["Accept"] = "text/html" };
        var outcome = await ClientProbeCalls.RunAsync(fixture, "CallHeaders.mjs", JsonSerializer.Serialize(new object?[] { tenant, headers }));

        Assert.Equal(expected, outcome.GetProperty("value").GetString());
    }

    /// <summary>Every function is declared with the options last and optional, after its own optional parameters.</summary>
    [Fact]
    public async Task Every_function_is_declared_with_the_call_options_last()
    {
        var declarations = await ClientProbeCalls.DeclarationsAsync(fixture);
        var functions = declarations.Split('\n').Select(static line => line.Trim()).Where(static line => line.EndsWith(">;", StringComparison.Ordinal) && line.Contains("): Promise<", StringComparison.Ordinal)).ToList();

        Assert.NotEmpty(functions);
        Assert.All(functions, line => Assert.Contains("options?: ServerFunctionCallOptions): Promise<", line, StringComparison.Ordinal));
        Assert.Equal("headers(tenant?: string | null, options?: ServerFunctionCallOptions): Promise<string>;", ClientProbeCalls.FunctionDeclaration(declarations, "headers"));
    }
}
