using System.Diagnostics;
using SessionAuth.Testing;

namespace SessionAuth.Generators.Tests;

/// <summary>
/// The generated client's arguments and types against what the server binds and writes: a parameter DI or the JSON body
/// answers, a generic record over a nullable argument, numbers written as strings, route values that would leave their
/// segment, headers a browser does not let script set.
/// </summary>
public sealed class ClientArgumentAndTypeTests
{
    /// <summary>
    /// A class whose JSON members are all caught by <c>[JsonExtensionData]</c>, or a record without members, is a JSON body
    /// (the app registers no such service, so the server reads it from the body and answers 400 without one): the client
    /// takes it as an argument, never for a service it leaves out.
    /// </summary>
    [Theory]
    [InlineData("public sealed class Bag { [System.Text.Json.Serialization.JsonExtensionData] public System.Collections.Generic.Dictionary<string, System.Text.Json.JsonElement> Data { get; set; } = new(); }", "Bag")]
    [InlineData("public sealed record Ping();", "Ping")]
    public void A_json_body_without_declared_members_is_an_argument_of_the_client(string type, string name)
    {
        var (_, declarations) = ClientNamesTests.Client($$"""
            namespace Shop;

            {{type}}

            [Microsoft.AspNetCore.Authorization.AllowAnonymous]
            public static class Inbox
            {
                [SessionAuth.ServerFunction] public static int Post({{name}} message) => 1;
            }
            """);

        Assert.True(declarations.Contains($"post(message: {name}, options?: ServerFunctionCallOptions): Promise<number>;", StringComparison.Ordinal), Relevant(declarations));
    }

    /// <summary>
    /// A service the app registers whose class has a public property (a DbContext: Database, ChangeTracker, Model; a
    /// clock with Now) is left to the server, as a service: no call passes an object for it.
    /// </summary>
    [Fact]
    public void A_DbContext_parameter_is_no_argument_of_the_client()
    {
        var (_, declarations) = ClientNamesTests.Client("""
            namespace Microsoft.EntityFrameworkCore
            {
                public abstract class DbContext
                {
                    public string ContextId => "ctx";
                }
            }

            namespace Shop
            {
                public sealed class ShopDb : Microsoft.EntityFrameworkCore.DbContext
                {
                    public int Orders => 0;
                }

                [Microsoft.AspNetCore.Authorization.AllowAnonymous]
                public static class Orders
                {
                    [SessionAuth.ServerFunction] public static int Count(string owner, ShopDb db) => db.Orders;
                }
            }
            """);

        Assert.True(declarations.Contains("count(owner: string, options?: ServerFunctionCallOptions): Promise<number>;", StringComparison.Ordinal), Relevant(declarations));
    }

    /// <summary>
    /// <c>Page&lt;string&gt;</c> and <c>Page&lt;string?&gt;</c> are one fully qualified name (it drops nullable annotations),
    /// yet two types for the client: the nullable one declares its nulls.
    /// </summary>
    [Fact]
    public void A_generic_record_over_a_nullable_type_argument_declares_its_nulls()
    {
        var (_, declarations) = ClientNamesTests.Client("""
            namespace Shop;

            public sealed record Page<T>(T Item, int Total);

            [Microsoft.AspNetCore.Authorization.AllowAnonymous]
            public static class Pages
            {
                [SessionAuth.ServerFunction] public static Page<string> Titles() => new("a", 1);

                [SessionAuth.ServerFunction] public static Page<string?> Nicknames() => new(null, 1);
            }
            """);

        Assert.True(declarations.Contains("item: string | null", StringComparison.Ordinal), Relevant(declarations));
    }

    /// <summary>
    /// <c>[JsonNumberHandling(WriteAsString)]</c> on a property or a type writes its numbers as strings ("5"), which the
    /// client does not declare <c>number</c> (the start-up check reads only the options' number handling).
    /// </summary>
    [Theory]
    [InlineData("public sealed record Score([property: System.Text.Json.Serialization.JsonNumberHandling(System.Text.Json.Serialization.JsonNumberHandling.WriteAsString)] int Points);")]
    [InlineData("[System.Text.Json.Serialization.JsonNumberHandling(System.Text.Json.Serialization.JsonNumberHandling.WriteAsString)] public sealed record Score(int Points);")]
    public void Numbers_a_JsonNumberHandling_attribute_writes_as_strings_are_not_declared_number(string type)
    {
        var (_, declarations) = ClientNamesTests.Client($$"""
            namespace Shop;

            {{type}}

            [Microsoft.AspNetCore.Authorization.AllowAnonymous]
            public static class Scores
            {
                [SessionAuth.ServerFunction] public static Score Get() => new(5);
            }
            """);

        Assert.False(declarations.Contains("points: number;", StringComparison.Ordinal), Relevant(declarations));
    }

    /// <summary>
    /// A route value the caller types as <c>string</c> that is a dot segment (<c>..</c>, <c>.</c>) or empty is resolved away by
    /// <c>new URL</c> (or collapsed by the client): <c>Files.get("..")</c> would fetch <c>/</c>, <c>Files.get("")</c>
    /// <c>/files</c> — another endpoint, whose answer would become this function's result. The client refuses the call.
    /// </summary>
    [Theory]
    [InlineData("..")]
    [InlineData(".")]
    [InlineData("")]
    public async Task A_route_value_that_would_leave_its_segment_is_refused_not_sent_elsewhere(string name)
    {
        var (script, _) = ClientNamesTests.Client("""
            namespace Shop;

            [Microsoft.AspNetCore.Authorization.AllowAnonymous]
            public static class Files
            {
                [SessionAuth.ServerFunction("/files/{name}", Method = "GET")] public static string Get(string name) => name;
            }
            """);
        var folder = Directory.CreateTempSubdirectory("client-route-").FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, "client.mjs"), script);
        await File.WriteAllTextAsync(Path.Combine(folder, "Consumer.mjs"), $$"""
            const fetched = [];
            globalThis.fetch = async (url) => { fetched.push(new URL(url).pathname); return new Response("other endpoint", { status: 200, headers: { "Content-Type": "text/plain" } }); };
            const client = await import("./client.mjs");
            client.configure({ baseUrl: "http://app.example/" });
            let outcome;
            try { outcome = "resolved " + JSON.stringify(await client.Files.get({{System.Text.Json.JsonSerializer.Serialize(name)}})); } catch (error) { outcome = "rejected"; }
            console.log(outcome + " after fetching " + JSON.stringify(fetched));
            """);

        var start = new ProcessStartInfo("node") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("Consumer.mjs");
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.Equal("rejected after fetching []", output.Trim());
    }

    /// <summary>
    /// A <c>[FromHeader]</c> parameter named as a header a browser's fetch may not set (a forbidden request header: the
    /// browser drops it silently, and sends its own <c>Referer</c>, <c>Origin</c> or <c>Cookie</c>): the function would get
    /// the browser's value, or none (a 400), never the one passed. The call must be refused with a TypeError naming the
    /// header before anything is sent, as a header value that would not arrive unchanged is. (In node, whose fetch sets any
    /// header, a stub stands for the browser's.) A header script may set is sent.
    /// </summary>
    [Theory]
    [InlineData("Referer", true)]
    [InlineData("Origin", true)]
    [InlineData("Cookie", true)]
    [InlineData("Sec-Fetch-Site", true)]
    [InlineData("Host", true)]
    [InlineData("Accept-Encoding", true)]
    [InlineData("Proxy-Authorization", true)]
    [InlineData("X-Tenant", false)]
    [InlineData("Accept-Language", false)]
    [InlineData("Authorization", false)]
    [InlineData("Secret", false)]
    public async Task A_header_parameter_a_browser_may_not_send_is_refused_before_the_call(string header, bool refused)
    {
        var (script, _) = ClientNamesTests.Client($$"""
            namespace Shop;

            [Microsoft.AspNetCore.Authorization.AllowAnonymous]
            public static class Tracking
            {
                [SessionAuth.ServerFunction("/track", Method = "GET")]
                public static string Track([Microsoft.AspNetCore.Mvc.FromHeader(Name = "{{header}}")] string value) => value;
            }
            """);
        var folder = Directory.CreateTempSubdirectory("client-header-").FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, "client.mjs"), script);
        await File.WriteAllTextAsync(Path.Combine(folder, "Consumer.mjs"), """
            import { Tracking, configure } from "./client.mjs";

            configure({ baseUrl: "https://school.example/" });
            let sent = null;
            globalThis.fetch = async (url, init) => {
                sent = [...new Headers(init.headers).keys()];
                return new Response("\"x\"", { status: 200, headers: { "Content-Type": "application/json" } });
            };
            try {
                await Tracking.track("passed");
                console.log("sent " + JSON.stringify(sent));
            } catch (error) {
                console.log(`${error.name}: ${error.message}`);
            }
            """);

        var (exitCode, output) = await NodeTools.RunAsync(folder, "node", "Consumer.mjs");

        Assert.True(exitCode == 0, output);
        Assert.StartsWith(refused ? "TypeError" : "sent", output, StringComparison.Ordinal);
        Assert.Contains(refused ? header : header.ToLowerInvariant(), output, StringComparison.Ordinal);
    }

    /// <summary>The declarations after the client's core, which the failure shows.</summary>
    private static string Relevant(string declarations) =>
        declarations[(declarations.IndexOf("readonly redirect:", StringComparison.Ordinal) is var at and >= 0 ? at : 0)..];
}
