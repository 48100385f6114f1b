using System.Net;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SessionAuth.Generators.Tests;

/// <summary>
/// A project's <c>MapServerFunctions()</c> maps its own functions and those of every assembly whose map it sees
/// (friend assemblies, read from their client models), all on one group: SAUTH0010 compares that whole set, so a
/// friend's function on the app's verb and route, or two friends' on one, are refused at compile time in the app, naming
/// both functions and their assemblies, instead of an app that answers the route with an ambiguous match (500).
/// </summary>
public sealed class FriendRouteClashTests
{
    private static string Functions(string ns, string type, string function, string? route, string method = "POST", params string[] friends) => $$"""
        {{string.Concat(friends.Select(static f => $"[assembly: System.Runtime.CompilerServices.InternalsVisibleTo(\"{f}\")]\n"))}}
        namespace {{ns}}
        {
            [Microsoft.AspNetCore.Authorization.AllowAnonymous]
            public static class {{type}}
            {
                [SessionAuth.ServerFunction({{(route is null ? string.Empty : "\"" + route + "\", ")}}Method = "{{method}}")] public static int {{function}}() => {{ns.Length}};
            }

            public static class Startup
            {
                public static void Map(Microsoft.AspNetCore.Builder.WebApplication app) => app.MapServerFunctions();
            }
        }
        """;

    /// <summary>
    /// The shapes: a library's <c>Shop.Lib.Orders.Count()</c> and the app's <c>Shop.App.Orders.Count()</c> (the default
    /// route names the type without its namespace, so both are <c>POST /_server/Orders/Count</c>), one route written
    /// twice, one in other case, and two parameters of other names. SAUTH0010 at the app's function names the library's.
    /// </summary>
    [Theory]
    [InlineData(null, null)]
    [InlineData("/orders/count", "/orders/count")]
    [InlineData("/orders/count", "/Orders/Count/")]
    [InlineData("/orders/{id}", "/orders/{key}")]
    [InlineData("/orders/{id:int}", "/orders/{key:long}")]
    public async Task A_friends_function_on_the_apps_verb_and_route_is_SAUTH0010_at_the_apps_function(string? libraryRoute, string? appRoute)
    {
        var library = Compile("Shop.Lib", Functions("Shop.Lib", "Orders", "Count", libraryRoute, friends: "Shop.App"));
        var app = Compile("Shop.App", Functions("Shop.App", "Orders", "Count", appRoute), library.Image!);

        var reported = Assert.Single(await SharedRoutes(app.Output));
        Assert.Equal("Count", reported.Location.SourceTree!.GetText().ToString(reported.Location.SourceSpan));
        var message = reported.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains("Server function Orders.Count (Shop.App) cannot be generated: Shop.Lib.Orders.Count (the referenced assembly Shop.Lib) answers the same verb and route (POST ", message, StringComparison.Ordinal);
    }

    /// <summary>
    /// The other way: a library's function beside the app's on another route, on a route no request reaches with the
    /// same precedence (constraints no value passes both, a literal beside a parameter, which the literal wins), or on
    /// another verb, is no SAUTH0010, and each answers its own request.
    /// </summary>
    [Theory]
    [InlineData("/orders/count", "POST", "/orders/count", "/orders/total", "POST", "/orders/total")]
    [InlineData("/orders/{id:int}", "POST", "/orders/5", "/orders/{name:alpha}", "POST", "/orders/abc")]
    [InlineData("/orders/{id}", "POST", "/orders/5", "/orders/count", "POST", "/orders/count")]
    [InlineData("/orders/count", "GET", "/orders/count", "/orders/count", "POST", "/orders/count")]
    public async Task A_friends_function_apart_from_the_apps_verb_and_route_is_mapped_beside_it(string libraryRoute, string libraryMethod, string libraryPath, string appRoute, string appMethod, string appPath)
    {
        var library = Compile("Shop.Lib", Functions("Shop.Lib", "Orders", "Count", libraryRoute, libraryMethod, "Shop.App"));
        var app = Compile("Shop.App", Functions("Shop.App", "Orders", "Count", appRoute, appMethod), library.Image!);
        Assert.Empty(await SharedRoutes(app.Output));

        var (refused, answered) = await FriendRequest.SendAllAsync(
            [library.Bytes!, app.Bytes!],
            "Shop.App.Startup",
            (new HttpMethod(libraryMethod), libraryPath),
            (new HttpMethod(appMethod), appPath));
        Assert.Null(refused);
        Assert.Equal(new[] { HttpStatusCode.OK, HttpStatusCode.OK }, answered);
    }

    /// <summary>
    /// Two libraries, neither clashing with the app, each with an <c>Orders.Count()</c> on the default route: the app's map
    /// maps both on <c>POST /_server/Orders/Count</c>. Each is reported at the app's <c>MapServerFunctions()</c> call,
    /// naming the other; the other way, two libraries' functions on routes apart are mapped, each answering its own.
    /// </summary>
    [Theory]
    [InlineData("Orders", true)]
    [InlineData("Lines", false)]
    public async Task Two_friends_functions_on_one_verb_and_route_are_SAUTH0010_at_the_apps_map_call(string rightType, bool clash)
    {
        var left = Compile("Shop.Left", Functions("Shop.Left", "Orders", "Count", null, friends: "Shop.App"));
        var right = Compile("Shop.Right", Functions("Shop.Right", rightType, "Count", null, friends: "Shop.App"));
        var app = Compile("Shop.App", Functions("Shop.App", "Carts", "Count", null), left.Image!, right.Image!);

        var reported = await SharedRoutes(app.Output);
        if (!clash)
        {
            Assert.Empty(reported);
            var (refused, answered) = await FriendRequest.SendAllAsync(
                [left.Bytes!, right.Bytes!, app.Bytes!],
                "Shop.App.Startup",
                (HttpMethod.Post, "/_server/Orders/Count"),
                (HttpMethod.Post, "/_server/Lines/Count"));
            Assert.Null(refused);
            Assert.Equal(new[] { HttpStatusCode.OK, HttpStatusCode.OK }, answered);
            return;
        }

        Assert.Equal(2, reported.Length);
        Assert.All(reported, static d => Assert.Equal("app.MapServerFunctions()", d.Location.SourceTree!.GetText().ToString(d.Location.SourceSpan)));
        Assert.Equal(
            "Server function Shop.Left.Orders.Count (the referenced assembly Shop.Left) cannot be generated: Shop.Right.Orders.Count (the referenced assembly Shop.Right) answers the same verb and route (POST /_server/orders/count)\n"
            + "Server function Shop.Right.Orders.Count (the referenced assembly Shop.Right) cannot be generated: Shop.Left.Orders.Count (the referenced assembly Shop.Left) answers the same verb and route (POST /_server/orders/count)",
            string.Join("\n", reported.Select(static d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)).Order(StringComparer.Ordinal)));
    }

    /// <summary>
    /// A chain: the app sees Shop.Lib, which sees Shop.Core; the app references Shop.Lib only, and maps Shop.Core's
    /// functions through Shop.Lib's map. Shop.Core's function on the app's route is read from Shop.Lib's client model
    /// and reported in the app, named as its client names it; on a route apart, nothing is reported.
    /// </summary>
    [Theory]
    [InlineData(null, true)]
    [InlineData("/core/orders/count", false)]
    public async Task A_function_of_a_friends_friend_on_the_apps_verb_and_route_is_SAUTH0010_in_the_app(string? coreRoute, bool clash)
    {
        var core = Compile("Shop.Core", Functions("Shop.Core", "Orders", "Count", coreRoute, friends: "Shop.Lib"));
        var library = Compile("Shop.Lib", Functions("Shop.Lib", "Carts", "Count", null, friends: "Shop.App"), core.Image!);
        var app = Compile("Shop.App", Functions("Shop.App", "Orders", "Count", null), library.Image!);

        var reported = await SharedRoutes(app.Output);
        if (!clash)
        {
            Assert.Empty(reported);
            return;
        }

        var message = Assert.Single(reported).GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains("Server function Orders.Count (Shop.App) cannot be generated: Shop.Core.Orders.", message, StringComparison.Ordinal);
        Assert.Contains("(the referenced assembly Shop.Core) answers the same verb and route (POST /_server/orders/count)", message, StringComparison.Ordinal);
    }

    private static (MetadataReference? Image, List<string> Problems, string Generated, Compilation Output, byte[]? Bytes) Compile(string assemblyName, string source, params MetadataReference[] references)
    {
        var compiled = FriendAssemblyCompiler.Compile(assemblyName, source, references);
        Assert.True(compiled.Problems.Count == 0, assemblyName + " does not compile cleanly:\n" + string.Join("\n", compiled.Problems));
        return compiled;
    }

    private static async Task<Diagnostic[]> SharedRoutes(Compilation compilation) =>
        (await compilation.WithAnalyzers([new Analyzers.ServerFunctionAnalyzer()], options: null).GetAnalyzerDiagnosticsAsync())
            .Where(static d => d.Id == "SAUTH0010")
            .ToArray();
}
