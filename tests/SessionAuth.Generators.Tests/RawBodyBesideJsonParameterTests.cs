using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SessionAuth.Testing;

namespace SessionAuth.Generators.Tests;

/// <summary>
/// A parameter that DI or the JSON body answers, beside a <c>Stream</c> or <c>PipeReader</c>, binds as a minimal API
/// binds it: the whole JSON body when the app does not register its type (read before the call, so the raw body is then
/// at its end), the service when it does (the raw body left unread). Each function is also mapped as a minimal API
/// (<c>MapPost("/twin/...", Functions.X)</c>, the Request Delegate Factory), and the same requests go to both over
/// Kestrel: the status codes must agree, and so must the bodies of the answers that succeed (an answer that fails is
/// problem+json naming the parameter on ours, empty on a minimal API: a documented difference).
/// </summary>
public sealed class RawBodyBesideJsonParameterTests
{
    private const string Source = """
        using System.IO;
        using System.IO.Pipelines;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Builder;

        namespace Shop.App
        {
            public sealed record Order(int Id);

            public sealed record Echo(int Id, int Left);

            public sealed record Clock(int Ticks);

            [Microsoft.AspNetCore.Authorization.AllowAnonymous]
            public static class Functions
            {
                [SessionAuth.ServerFunction("/stream/nullable")]
                public static async Task<Echo> StreamNullable(Stream body, Order? order) => new(order?.Id ?? -1, await RawBody.LeftAsync(body));

                [SessionAuth.ServerFunction("/stream/required")]
                public static async Task<Echo> StreamRequired(Stream body, Order order) => new(order.Id, await RawBody.LeftAsync(body));

                [SessionAuth.ServerFunction("/pipe/nullable")]
                public static async Task<Echo> PipeNullable(PipeReader body, Order? order) => new(order?.Id ?? -1, await RawBody.LeftAsync(body));

                [SessionAuth.ServerFunction("/pipe/required")]
                public static async Task<Echo> PipeRequired(Order order, PipeReader body) => new(order.Id, await RawBody.LeftAsync(body));

                [SessionAuth.ServerFunction("/two")]
                public static async Task<int[]> Two(Stream body, Order? order, Clock? clock) => [order?.Id ?? -1, clock?.Ticks ?? -1, await RawBody.LeftAsync(body)];
            }

            public static class Startup
            {
                public static void Map(WebApplication app)
                {
                    app.MapServerFunctions();
                    app.MapPost("/twin/stream/nullable", Functions.StreamNullable);
                    app.MapPost("/twin/stream/required", Functions.StreamRequired);
                    app.MapPost("/twin/pipe/nullable", Functions.PipeNullable);
                    app.MapPost("/twin/pipe/required", Functions.PipeRequired);
                }
            }

            public static class TwoStartup
            {
                public static void Map(WebApplication app)
                {
                    app.MapServerFunctions();
                    app.MapPost("/twin/two", Functions.Two);
                }
            }

            public static class TwoTwinStartup
            {
                // A minimal API infers its parameters when its endpoints are built, not when mapped: built here, in the map.
                public static void Map(WebApplication app)
                {
                    app.MapPost("/twin/two", Functions.Two);
                    _ = System.Linq.Enumerable.ToList(System.Linq.Enumerable.SelectMany(((Microsoft.AspNetCore.Routing.IEndpointRouteBuilder)app).DataSources, static source => source.Endpoints));
                }
            }

            public static class ClientStartup
            {
                public static void Map(WebApplication app)
                {
                    app.MapServerFunctions();
                    SessionAuth.ServerFunctionClientEndpointRouteBuilderExtensions.MapServerFunctionClient(app);
                }
            }
        }
        """;

    private static readonly Lazy<byte[]> App = new(static () =>
    {
        var app = FriendAssemblyCompiler.Compile("Shop.App", Source + RawBodyRequests.LeftAsyncSource, []);
        Assert.True(app.Problems.Count == 0, "Shop.App does not compile cleanly:\n" + string.Join("\n", app.Problems));
        return app.Bytes!;
    });

    /// <summary>The requests both endpoints are sent: a name, the content type (none for no header) and the body.</summary>
    private static readonly (string Name, string? ContentType, string Body)[] Requests =
    [
        ("valid JSON", "application/json", """{"id":5}"""),
        ("JSON null", "application/json", "null"),
        ("empty body", "application/json", string.Empty),
        ("no content type, empty body", null, string.Empty),
        ("wrong content type", "text/plain", """{"id":5}"""),
        ("form", "application/x-www-form-urlencoded", "id=5"),
        ("invalid JSON", "application/json", """{"id":"""),
        ("JSON of another shape", "application/json", """[1,2]"""),
    ];

    public static TheoryData<string, bool> Functions()
    {
        var rows = new TheoryData<string, bool>();
        foreach (var function in new[] { "stream/nullable", "stream/required", "pipe/nullable", "pipe/required" })
        {
            rows.Add(function, false);
            rows.Add(function, true);
        }

        return rows;
    }

    [Theory]
    [MemberData(nameof(Functions))]
    public async Task Answers_as_the_same_function_mapped_as_a_minimal_API(string function, bool registered)
    {
        var table = new List<string>();
        var mismatches = new List<string>();
        var error = await FriendAssemblyCompiler.StartAsync(
            [App.Value],
            "Shop.App.Startup",
            (services, type) => Register(services, type, order: registered, clock: true),
            async address =>
            {
                using var client = new HttpClient { BaseAddress = address };
                foreach (var (name, contentType, body) in Requests)
                {
                    var ours = await RawBodyRequests.SendAsync(client, "/" + function, contentType, body);
                    var twin = await RawBodyRequests.SendAsync(client, "/twin/" + function, contentType, body);
                    var row = $"{function}, {(registered ? "Order registered" : "Order not registered")}, {name}: ours {ours.Status} {ours.Body}, minimal API {twin.Status} {twin.Body}";
                    table.Add(row);
                    var agrees = ours.Status == twin.Status && (ours.Status != HttpStatusCode.OK || ours.Body == twin.Body);
                    if (!agrees)
                    {
                        mismatches.Add(row);
                    }
                }
            });

        Assert.True(error is null, error?.Message);
        Assert.True(mismatches.Count == 0, "server function and minimal API differ:\n" + string.Join("\n", mismatches) + "\n\nall:\n" + string.Join("\n", table));

        // The table is not vacuous: the body binds when not registered, the service (with the raw body unread) when it is.
        var valid = registered ? "valid JSON: ours OK {\"id\":42,\"left\":8}" : "valid JSON: ours OK {\"id\":5,\"left\":0}";
        Assert.Contains(table, row => row.Contains(valid, StringComparison.Ordinal));
    }

    /// <summary>
    /// Several such parameters: each registered one is the service, the one left (if any) the JSON body, as on a minimal
    /// API; the requests of the table go to both.
    /// </summary>
    [Theory]
    [InlineData(true, true)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public async Task Of_several_such_parameters_the_one_not_registered_is_the_body_as_on_a_minimal_API(bool orderRegistered, bool clockRegistered)
    {
        var table = new List<string>();
        var error = await FriendAssemblyCompiler.StartAsync(
            [App.Value],
            "Shop.App.TwoStartup",
            (services, type) => Register(services, type, orderRegistered, clockRegistered),
            async address =>
            {
                using var client = new HttpClient { BaseAddress = address };
                foreach (var (name, contentType, body) in Requests.Append(("a clock", "application/json", """{"ticks":7}""")))
                {
                    var ours = await RawBodyRequests.SendAsync(client, "/two", contentType, body);
                    var twin = await RawBodyRequests.SendAsync(client, "/twin/two", contentType, body);
                    var agrees = ours.Status == twin.Status && (ours.Status != HttpStatusCode.OK || ours.Body == twin.Body);
                    table.Add($"{(agrees ? "" : "DIFFERENT ")}{name}: ours {ours.Status} {ours.Body}, minimal API {twin.Status} {twin.Body}");
                }
            });

        Assert.True(error is null, error?.Message);
        Assert.False(table.Exists(static row => row.StartsWith("DIFFERENT", StringComparison.Ordinal)), "server function and minimal API differ:\n" + string.Join("\n", table));
        var expected = (orderRegistered, clockRegistered) switch
        {
            (true, true) => "a clock: ours OK [42,9,11]",
            (true, false) => "a clock: ours OK [42,7,0]",
            _ => "valid JSON: ours OK [5,9,0]",
        };
        Assert.True(table.Exists(row => row.StartsWith(expected, StringComparison.Ordinal)), $"expected '{expected}' in:\n" + string.Join("\n", table));
    }

    /// <summary>When two such parameters are both unregistered, neither can be the body: the start fails naming both, as a minimal API's does.</summary>
    [Fact]
    public async Task Two_such_parameters_both_unregistered_fail_the_start_naming_them_as_a_minimal_API_does()
    {
        var ours = await FriendAssemblyCompiler.StartAsync([App.Value], "Shop.App.Startup", static (_, _) => { });
        var twin = await FriendAssemblyCompiler.StartAsync([App.Value], "Shop.App.TwoTwinStartup", static (_, _) => { });

        Assert.True(ours is not null, "the server functions' app started with neither Order nor Clock registered");
        Assert.Contains("Functions.Two(Stream, Order?, Clock?): parameters 'order' and 'clock' are not registered services", ours.Message, StringComparison.Ordinal);
        Assert.True(twin is not null, "the minimal API started with neither Order nor Clock registered");
    }

    private static void Register(IServiceCollection services, Func<string, Type> type, bool order, bool clock)
    {
        if (order)
        {
            services.AddSingleton(type("Shop.App.Order"), Activator.CreateInstance(type("Shop.App.Order"), 42)!);
        }

        if (clock)
        {
            services.AddSingleton(type("Shop.App.Clock"), Activator.CreateInstance(type("Shop.App.Clock"), 9)!);
        }
    }

    /// <summary>
    /// The generated client sends the raw body beside such a parameter and leaves the parameter to DI: with the type
    /// registered, the app starts and the client, run in node, reaches the service with its raw body unread; without, the
    /// server would read the JSON body the client does not send, so serving the client stops the start, naming the
    /// parameter of each function.
    /// </summary>
    [Fact]
    public async Task The_client_sends_the_raw_body_and_the_start_checks_the_parameter_is_a_service()
    {
        string? output = null;
        var registered = await FriendAssemblyCompiler.StartAsync(
            [App.Value],
            "Shop.App.ClientStartup",
            static (services, type) => Register(services, type, order: true, clock: true),
            async address =>
            {
                using var client = new HttpClient { BaseAddress = address };
                var script = await client.GetStringAsync(new Uri("/_server/client.js", UriKind.Relative));
                var folder = Directory.CreateTempSubdirectory("raw-body-client-").FullName;
                await File.WriteAllTextAsync(Path.Combine(folder, "client.mjs"), script);
                await File.WriteAllTextAsync(Path.Combine(folder, "Consumer.mjs"), """
                    import { Functions, configure } from "./client.mjs";

                    configure({ baseUrl: process.argv[2] });
                    const answers = [await Functions.streamNullable("abc"), await Functions.streamRequired("abcd"), await Functions.pipeNullable("ab"), await Functions.pipeRequired("a")];
                    console.log(JSON.stringify(answers));
                    """);
                var (exitCode, text) = await NodeTools.RunAsync(folder, "node", "Consumer.mjs", address.ToString());
                Assert.True(exitCode == 0, "the client failed in node:\n" + text);
                output = text;
            });
        var unregistered = await FriendAssemblyCompiler.StartAsync([App.Value], "Shop.App.ClientStartup", static (services, type) => Register(services, type, order: false, clock: true));

        Assert.True(registered is null, registered?.Message);
        using var answers = JsonDocument.Parse(output!);
        Assert.Equal(
            ["42/3", "42/4", "42/2", "42/1"],
            answers.RootElement.EnumerateArray().Select(static a => $"{a.GetProperty("id").GetInt32()}/{a.GetProperty("left").GetInt32()}"));
        Assert.True(unregistered is not null, "the app does not register Order, the client leaves it to DI, and the app starts");
        foreach (var function in new[] { "streamNullable", "streamRequired", "pipeNullable", "pipeRequired" })
        {
            Assert.Contains($"Functions.{function}(order):", unregistered.Message, StringComparison.Ordinal);
        }
    }
}
