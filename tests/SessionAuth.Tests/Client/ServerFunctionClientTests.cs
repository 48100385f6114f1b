using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using SessionAuth.Testing;

namespace SessionAuth.Tests.Client;

/// <summary>
/// The generated browser client of the test app, as <c>MapServerFunctionClient()</c> serves it: cached by ETag, open to
/// anonymous callers, and type-checked by TypeScript (<c>tsc --noEmit --strict</c>, the version eng/test.sh installs
/// into tools/typescript) against a consumer that calls every function with the right types and one that must fail.
/// </summary>
public sealed partial class ServerFunctionClientTests(TestAppFixture fixture) : IClassFixture<TestAppFixture>
{

    private static readonly string Consumers = Path.Combine(RepositoryRoot.Path, "tests", "SessionAuth.Tests", "Client", "Consumers");

    [Theory]
    [InlineData("/_server/client.js", "text/javascript", "export class ServerFunctionError extends Error")]
    [InlineData("/_server/client.d.ts", "application/typescript", "export declare class ServerFunctionError extends Error")]
    public async Task Each_file_is_served_to_anonymous_callers_with_a_strong_ETag(string path, string mediaType, string content)
    {
        using var client = fixture.CreateClient();

        using var response = await client.NavigateAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        Assert.Contains(content, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.NotNull(response.Headers.ETag);
        Assert.False(response.Headers.ETag.IsWeak);
        Assert.True(response.Headers.CacheControl?.NoCache);
    }

    [Theory]
    [InlineData("/_server/client.js")]
    [InlineData("/_server/client.d.ts")]
    public async Task A_matching_If_None_Match_is_304_without_a_body_and_another_gets_the_file(string path)
    {
        using var client = fixture.CreateClient();
        using var first = await client.NavigateAsync(path);
        var etag = first.Headers.ETag!;

        using var again = new HttpRequestMessage(HttpMethod.Get, path);
        again.Headers.IfNoneMatch.Add(etag);
        using var notModified = await client.SendAsync(again);
        using var stale = new HttpRequestMessage(HttpMethod.Get, path);
        stale.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"not-the-client\""));
        using var changed = await client.SendAsync(stale);

        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());
        Assert.Equal(etag, notModified.Headers.ETag);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await changed.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_two_files_have_different_ETags()
    {
        using var client = fixture.CreateClient();

        using var script = await client.NavigateAsync("/_server/client.js");
        using var declarations = await client.NavigateAsync("/_server/client.d.ts");

        Assert.NotEqual(script.Headers.ETag, declarations.Headers.ETag);
    }

    [Fact]
    public void The_endpoints_allow_anonymous_callers()
    {
        using var app = SessionAuth.TestApp.TestAppHost.Build();
        var endpoints = ((IEndpointRouteBuilder)app).DataSources.SelectMany(static source => source.Endpoints).OfType<RouteEndpoint>()
            .Where(static endpoint => endpoint.RoutePattern.RawText is "/_server/client.js" or "/_server/client.d.ts")
            .ToList();

        Assert.Equal(2, endpoints.Count);
        Assert.All(endpoints, endpoint => Assert.NotNull(endpoint.Metadata.GetMetadata<IAllowAnonymous>()));
    }

    /// <summary>
    /// <c>ClientShapes.Create</c>'s <c>wand</c> is a record the client sends as JSON; an app that registers <c>Wand</c> as a
    /// service has the endpoint take it from DI, so the client and the server disagree: the app does not start.
    /// </summary>
    [Fact]
    public void An_app_that_registers_a_type_the_client_sends_as_json_does_not_start()
    {
        var error = Assert.Throws<InvalidOperationException>(() => SessionAuth.TestApp.TestAppHost.Build(
            configureBuilder: static builder => builder.Services.AddSingleton<SessionAuth.TestApp.Wand>(static _ => throw new InvalidOperationException("never resolved"))));

        Assert.Contains("ClientShapes.create(wand): the app registers SessionAuth.TestApp.Wand as a service", error.Message, StringComparison.Ordinal);
        Assert.Contains("[FromServices]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Before_MapServerFunctions_registers_the_client_a_request_fails_saying_so()
    {
        var builder = WebApplication.CreateBuilder();
        builder.Services.AddRouting();
        await using var app = builder.Build();
        app.MapServerFunctionClient();
        var request = new Microsoft.AspNetCore.Http.DefaultHttpContext { RequestServices = app.Services };
        var endpoint = ((IEndpointRouteBuilder)app).DataSources.SelectMany(static source => source.Endpoints).OfType<RouteEndpoint>()
            .Single(static endpoint => endpoint.RoutePattern.RawText == "/_server/client.js");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => endpoint.RequestDelegate!(request));

        Assert.Contains("call app.MapServerFunctions()", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_consumer_that_calls_every_function_with_the_right_types_compiles_under_strict()
    {
        var folder = await WriteClientAsync("RightTypes.ts");

        var (exitCode, output) = await NodeTools.TypeCheckAsync(folder, "RightTypes.ts");

        Assert.True(exitCode == 0, "tsc refused the consumer:\n" + output);
    }

    [Fact]
    public async Task A_consumer_that_passes_wrong_types_fails_with_the_expected_errors_on_the_expected_lines()
    {
        var folder = await WriteClientAsync("WrongTypes.ts");
        var expected = File.ReadAllLines(Path.Combine(Consumers, "WrongTypes.ts"))
            .Select(static (line, index) => (Line: index + 1, Match: ExpectedError().Match(line)))
            .Where(static e => e.Match.Success)
            .Select(static e => $"{e.Line}: {e.Match.Groups[1].Value}")
            .ToList();

        var (exitCode, output) = await NodeTools.TypeCheckAsync(folder, "WrongTypes.ts");
        var reported = ReportedError().Matches(output).Select(static m => $"{m.Groups[1].Value}: {m.Groups[2].Value}").Distinct().ToList();

        Assert.NotEqual(0, exitCode);
        Assert.True(expected.Count >= 10, "The wrong consumer lost its expectations.");
        Assert.Equal(expected, reported);
    }

    [Fact]
    public async Task The_module_is_valid_JavaScript()
    {
        var folder = await WriteClientAsync("RightTypes.ts");
        File.Copy(Path.Combine(folder, "client.js"), Path.Combine(folder, "client.mjs"));

        var (exitCode, output) = await NodeTools.RunAsync(folder, "node", "--check", "client.mjs");

        Assert.True(exitCode == 0, "node refused the module:\n" + output);
    }

    [Fact]
    public async Task The_module_calls_the_app_binds_every_argument_and_turns_problems_and_redirects_into_errors()
    {
        var folder = await WriteClientAsync("Behaviour.mjs");
        File.Copy(Path.Combine(folder, "client.js"), Path.Combine(folder, "client.mjs"));

        var (exitCode, output) = await NodeTools.RunAsync(folder, "node", "Behaviour.mjs", fixture.Address.ToString());

        Assert.True(exitCode == 0, "the client failed in node:\n" + output);
        using var results = System.Text.Json.JsonDocument.Parse(output);
        var root = results.RootElement;
        string Json(string name) => root.GetProperty(name).GetRawText();
        System.Text.Json.JsonElement Value(string name) => root.GetProperty(name).GetProperty("value");
        System.Text.Json.JsonElement Error(string name) => root.GetProperty(name).GetProperty("error");

        // Route, query (an enum by name, an array), header; [AsParameters] members; JSON members; the whole body; files.
        Assert.Equal("clean-sweep", Value("byHouse")[0].GetProperty("broom").GetString());
        Assert.Equal(2, Value("byHouse")[0].GetProperty("house").GetInt32());
        Assert.Equal("Luna", Value("find")[0].GetProperty("name").GetString());
        Assert.Equal("Harry", Value("create").GetProperty("name").GetString());
        Assert.Equal("Firebolt", Value("create").GetProperty("broom").GetString());
        Assert.Equal("The Chosen One", Value("create").GetProperty("nickname").GetString());
        Assert.Equal(11, Value("inspect").GetProperty("length").GetInt32());
        Assert.Equal("phoenix", Value("cores").GetProperty("phoenix").GetProperty("name").GetString());
        Assert.Equal("{}", Json("forget"));

        // Results<...>: the value of whichever outcome wrote one; an outcome without a body (NoContent, Accepted, Ok) is undefined.
        Assert.Equal("elder", Value("lent").GetProperty("wood").GetString());
        Assert.Equal("{}", Json("notLent"));
        Assert.Equal("phoenix", Value("eitherCore").GetProperty("name").GetString());
        Assert.Equal("unicorn", Value("registered").GetProperty("name").GetString());
        Assert.Equal("{}", Json("registeredLater"));
        Assert.Equal("{}", Json("acknowledged"));
        // IFormFileCollection takes every file of the form, the portrait's too, as on a minimal API: 3 files, 1 portrait.
        Assert.Equal(3 + 1 + "caption".Length, Value("upload").GetInt32());

        // A 400 names its parameter.
        Assert.Equal(400, Error("badRequest").GetProperty("status").GetInt32());
        Assert.Equal("name", Error("badRequest").GetProperty("parameter").GetString());

        // The guard's 401 and a thrown ServerRedirect navigate and reject; a hook that returns false keeps the page.
        Assert.Equal(401, Error("sessionRedirect").GetProperty("status").GetInt32());
        Assert.Equal("session", Error("sessionRedirect").GetProperty("redirect").GetProperty("kind").GetString());
        Assert.Equal(204, Error("serverRedirect").GetProperty("status").GetInt32());
        // The URL is read against the function's URL, as a browser following the redirect reads it.
        var landing = new Uri(fixture.Address, "/landing?from=function").AbsoluteUri;
        Assert.Equal($$"""{"url":"{{landing}}","kind":"server"}""", Error("serverRedirect").GetProperty("redirect").GetRawText());
        Assert.Equal("session", root.GetProperty("hooked").GetProperty("kind").GetString());
        Assert.Equal("session", Error("interceptedRedirect").GetProperty("redirect").GetProperty("kind").GetString());
        var navigations = root.GetProperty("navigations").EnumerateArray().Select(static n => n.GetString()!).ToList();
        Assert.Equal(2, navigations.Count);
        Assert.StartsWith(new Uri(fixture.Address, "/admin/login?returnUrl=").AbsoluteUri, navigations[0], StringComparison.Ordinal);
        Assert.Equal(Error("sessionRedirect").GetProperty("redirect").GetProperty("url").GetString(), navigations[0]);
        Assert.Equal(landing, navigations[1]);
    }

    /// <summary>Downloads the app's client into a new folder beside <paramref name="consumer"/>, as a page's build would.</summary>
    private async Task<string> WriteClientAsync(string consumer)
    {
        var folder = Directory.CreateTempSubdirectory("sessionauth-client-").FullName;
        using var client = fixture.CreateClient();
        using var declarations = await client.NavigateAsync("/_server/client.d.ts");
        using var script = await client.NavigateAsync("/_server/client.js");
        await File.WriteAllTextAsync(Path.Combine(folder, "client.d.ts"), await declarations.Content.ReadAsStringAsync());
        await File.WriteAllTextAsync(Path.Combine(folder, "client.js"), await script.Content.ReadAsStringAsync());
        File.Copy(Path.Combine(Consumers, consumer), Path.Combine(folder, consumer));
        return folder;
    }

    [GeneratedRegex(@"// expect (TS\d+)")]
    private static partial Regex ExpectedError();

    [GeneratedRegex(@"WrongTypes\.ts\((\d+),\d+\): error (TS\d+)")]
    private static partial Regex ReportedError();
}
