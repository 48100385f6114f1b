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
        HttpStatusCode? answered = null;
        var refused = await FriendAssemblyCompiler.StartAsync([library.Bytes!, app.Bytes!], "Shop.App.Startup", static (_, _) => { }, async address =>
        {
            using var client = new HttpClient { BaseAddress = address };
            using var response = await client.PostAsync(new Uri(path, UriKind.Relative), new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));
            answered = response.StatusCode;
        });

        Assert.True(refused is not null, $"Shop.App builds without SAUTH0010, starts, and answers POST {path} with {answered}: two endpoints, one from each assembly, share the route");
    }
}
