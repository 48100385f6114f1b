using System.Net;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SessionAuth.Generators.Tests;

/// <summary>
/// Friend assemblies whose functions meet the app's on one verb and route: within one project SAUTH0010 refuses the
/// second at compile time, across a friend boundary the app's <c>MapServerFunctions()</c> maps both and routing answers
/// every request to that route with an ambiguous match (500).
/// </summary>
public sealed class FriendRouteClashTests
{
    private static string Functions(string ns, string type, string function, string? route, params string[] friends) => $$"""
        {{string.Concat(friends.Select(static f => $"[assembly: System.Runtime.CompilerServices.InternalsVisibleTo(\"{f}\")]\n"))}}
        namespace {{ns}}
        {
            [Microsoft.AspNetCore.Authorization.AllowAnonymous]
            public static class {{type}}
            {
                [SessionAuth.ServerFunction({{(route is null ? string.Empty : "\"" + route + "\"")}})] public static int {{function}}() => {{ns.Length}};
            }

            public static class Startup
            {
                public static void Map(Microsoft.AspNetCore.Builder.WebApplication app) => app.MapServerFunctions();
            }
        }
        """;

    /// <summary>
    /// The shapes: a library's <c>Shop.Lib.Orders.Count()</c> and the app's <c>Shop.App.Orders.Count()</c> (the default
    /// route names the type without its namespace, so both are <c>POST /_server/Orders/Count</c>), and one route written
    /// twice. The app is told at compile time (SAUTH0010 naming the library's function) or refuses to start; today it
    /// builds, starts, and answers the route with 500.
    /// </summary>
    [Theory]
    [InlineData(null, null)]
    [InlineData("/orders/count", "/orders/count")]
    [InlineData("/orders/{id}", "/orders/{key}")]
    public async Task A_friends_function_on_the_apps_verb_and_route_is_reported_or_refuses_the_start(string? libraryRoute, string? appRoute)
    {
        var library = FriendAssemblyCompiler.Compile("Shop.Lib", Functions("Shop.Lib", "Orders", "Count", libraryRoute, "Shop.App"), []);
        Assert.True(library.Problems.Count == 0, string.Join("\n", library.Problems));
        var app = FriendAssemblyCompiler.Compile("Shop.App", Functions("Shop.App", "Orders", "Count", appRoute), [library.Image!]);
        Assert.True(app.Problems.Count == 0, string.Join("\n", app.Problems));

        var analyzed = await app.Output.WithAnalyzers([new Analyzers.ServerFunctionAnalyzer()], options: null).GetAnalyzerDiagnosticsAsync();
        if (analyzed.Any(static d => d.Id == "SAUTH0010"))
        {
            return;
        }

        var path = (appRoute ?? "/_server/Orders/Count").Replace("{key}", "1", StringComparison.Ordinal);
        var (refused, answered) = await FriendRequest.SendAsync([library.Bytes!, app.Bytes!], "Shop.App.Startup", HttpMethod.Post, path);

        Assert.True(refused is not null, $"Shop.App builds without SAUTH0010, starts, and answers POST {path} with {answered}: two endpoints, one from each assembly, share the route");
    }

    /// <summary>
    /// Two libraries, neither clashing with the app, each with an <c>Orders.Count()</c> on the default route: the app's
    /// map maps both on <c>POST /_server/Orders/Count</c>.
    /// </summary>
    [Fact]
    public async Task Two_friends_functions_on_one_verb_and_route_are_reported_or_refuse_the_start()
    {
        var left = FriendAssemblyCompiler.Compile("Shop.Left", Functions("Shop.Left", "Orders", "Count", null, "Shop.App"), []);
        var right = FriendAssemblyCompiler.Compile("Shop.Right", Functions("Shop.Right", "Orders", "Count", null, "Shop.App"), []);
        var app = FriendAssemblyCompiler.Compile("Shop.App", Functions("Shop.App", "Carts", "Count", null), [left.Image!, right.Image!]);
        Assert.True(app.Problems.Count == 0, string.Join("\n", app.Problems));

        var analyzed = await app.Output.WithAnalyzers([new Analyzers.ServerFunctionAnalyzer()], options: null).GetAnalyzerDiagnosticsAsync();
        if (analyzed.Any(static d => d.Id is "SAUTH0010" or "SAUTH0018"))
        {
            return;
        }

        var (refused, answered) = await FriendRequest.SendAsync([left.Bytes!, right.Bytes!, app.Bytes!], "Shop.App.Startup", HttpMethod.Post, "/_server/Orders/Count");

        Assert.True(refused is not null, $"Shop.App builds without a diagnostic, starts, and answers POST /_server/Orders/Count with {answered}: Shop.Left's and Shop.Right's functions share the route");
    }
}

/// <summary>
/// A project at C# 9 that declares no server function and sees exactly one other map gets none of its own and calls
/// that one through <c>using SessionAuth;</c>. When that one map is of a library referenced under an extern alias only,
/// it is not in the namespace <c>SessionAuth</c> the call searches.
/// </summary>
public sealed class FriendAliasAtCSharp9Tests
{
    private const string LibrarySource = """
        using SessionAuth;

        [assembly: System.Runtime.CompilerServices.InternalsVisibleTo("Shop.App")]

        namespace Shop.Legacy
        {
            [Microsoft.AspNetCore.Authorization.AllowAnonymous]
            public static class Orders
            {
                [ServerFunction("/orders")] public static int Count() => 1;
            }
        }
        """;

    private const string AppSource = """
        using SessionAuth;

        namespace Shop.App
        {
            public static class Startup
            {
                public static void Map(Microsoft.AspNetCore.Builder.WebApplication app) => app.MapServerFunctions();
            }
        }
        """;

    /// <summary>
    /// The app at C# 9 with no server function of its own, the library (at C# 9 or 14) referenced as
    /// <c>Aliases="Legacy"</c>: the app's <c>app.MapServerFunctions()</c> should bind (to a map of the app's own that
    /// calls the library's entry through its alias), and map <c>/orders</c>.
    /// </summary>
    [Theory]
    [InlineData(LanguageVersion.CSharp9)]
    [InlineData(LanguageVersion.Latest)]
    public async Task A_CSharp_9_app_without_functions_that_sees_one_aliased_library_builds_and_maps_it(LanguageVersion libraryVersion)
    {
        var library = FriendAssemblyCompiler.Compile("Shop.Legacy", LibrarySource, [], libraryVersion);
        Assert.True(library.Problems.Count == 0, string.Join("\n", library.Problems));
        var app = FriendAssemblyCompiler.Compile("Shop.App", AppSource, [library.Image!.WithAliases(["Legacy"])], LanguageVersion.CSharp9);
        Assert.True(app.Problems.Count == 0, "Shop.App does not compile cleanly:\n" + string.Join("\n", app.Problems));

        var (refused, answered) = await FriendRequest.SendAsync([library.Bytes!, app.Bytes!], "Shop.App.Startup", HttpMethod.Post, "/orders");
        Assert.Null(refused);
        Assert.Equal(HttpStatusCode.OK, answered);
    }
}

/// <summary>
/// A server function on the route of the client script (<c>GET /_server/client.js</c>, or its declarations): beside
/// <c>MapServerFunctionClient()</c> two endpoints answer it.
/// </summary>
public sealed class ClientRouteClashTests
{
    [Theory]
    [InlineData("/_server/client.js")]
    [InlineData("/_server/client.d.ts")]
    public async Task A_function_on_the_client_scripts_route_is_refused_or_the_start_fails(string route)
    {
        var app = FriendAssemblyCompiler.Compile("Shop.App", $$"""
            using SessionAuth;

            namespace Shop.App
            {
                [Microsoft.AspNetCore.Authorization.AllowAnonymous]
                public static class Scripts
                {
                    [ServerFunction("{{route}}", Method = "GET")] public static string Script() => "x";
                }

                public static class Startup
                {
                    public static void Map(Microsoft.AspNetCore.Builder.WebApplication app)
                    {
                        app.MapServerFunctions();
                        app.MapServerFunctionClient();
                    }
                }
            }
            """, []);
        Assert.True(app.Problems.Count == 0, string.Join("\n", app.Problems));
        var analyzed = await app.Output.WithAnalyzers([new Analyzers.ServerFunctionAnalyzer()], options: null).GetAnalyzerDiagnosticsAsync();
        if (analyzed.Any(static d => d.Id is "SAUTH0003" or "SAUTH0010"))
        {
            return;
        }

        var (refused, answered) = await FriendRequest.SendAsync([app.Bytes!], "Shop.App.Startup", HttpMethod.Get, route);
        Assert.True(refused is not null, $"Scripts.Script on GET {route} builds with no SAUTH0003/SAUTH0010, starts beside MapServerFunctionClient(), and GET {route} answers {answered}");
    }
}

/// <summary>Starts the loaded assemblies' app (<see cref="FriendAssemblyCompiler.StartAsync"/>) and sends it one request, with an empty JSON object as the body of a POST.</summary>
internal static class FriendRequest
{
    public static async Task<(Exception? Refused, HttpStatusCode? Answered)> SendAsync(byte[][] images, string startup, HttpMethod method, string path)
    {
        HttpStatusCode? answered = null;
        var refused = await FriendAssemblyCompiler.StartAsync(images, startup, static (_, _) => { }, async address =>
        {
            using var client = new HttpClient { BaseAddress = address };
            using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
            if (method == HttpMethod.Post)
            {
                request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
            }

            using var response = await client.SendAsync(request);
            answered = response.StatusCode;
        });
        return (refused, answered);
    }
}
