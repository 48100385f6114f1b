using System.Net;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SessionAuth.Generators.Tests;

/// <summary>
/// A server function on the route of the client script (<c>GET /_server/client.js</c>, or its declarations): beside
/// <c>MapServerFunctionClient()</c> two endpoints would answer it, and routing would fail both with 500. The paths are
/// fixed by the runtime, so such a function is SAUTH0003 and not generated; one on another verb, or on a route the
/// client's literal route wins, is mapped beside the client.
/// </summary>
public sealed class ClientRouteClashTests
{
    /// <summary>The generator's copy of the client's paths is the runtime's.</summary>
    [Fact]
    public void The_routes_the_generator_refuses_are_those_MapServerFunctionClient_serves()
    {
        Assert.Equal(ServerFunctionClientEndpointRouteBuilderExtensions.ScriptPath, Parsing.ClientScriptRoutes.Script);
        Assert.Equal(ServerFunctionClientEndpointRouteBuilderExtensions.DeclarationsPath, Parsing.ClientScriptRoutes.Declarations);
    }

    [Theory]
    [InlineData("/_server/client.js", "/_server/client.js")]
    [InlineData("/_server/client.d.ts", "/_server/client.d.ts")]
    [InlineData("/_server/Client.JS", "/_server/client.js")]
    [InlineData("/_server/client.js/", "/_server/client.js")]
    public async Task A_GET_function_on_the_client_scripts_route_is_SAUTH0003_and_the_client_answers_the_route(string route, string clientRoute)
    {
        var app = Compile("GET", route);
        var refused = Assert.Single(await Analyze(app.Output), static d => d.Id == "SAUTH0003");
        Assert.Equal(
            $"Server function Scripts.Script cannot be generated: it answers GET {clientRoute}, the route of the generated client script that MapServerFunctionClient() serves, so routing could not choose between the two; give it another route",
            refused.GetMessage(System.Globalization.CultureInfo.InvariantCulture));

        var (failed, answered) = await FriendRequest.SendAsync([app.Bytes!], "Shop.App.Startup", HttpMethod.Get, route);
        Assert.Null(failed);
        Assert.Equal(HttpStatusCode.OK, answered);
    }

    /// <summary>The other way: another verb on the client's path, or a route of lower precedence beside it, is mapped, and the function and the client each answer.</summary>
    [Theory]
    [InlineData("POST", "/_server/client.js", "/_server/client.js")]
    [InlineData("HEAD", "/_server/client.js", "/_server/client.js")]
    [InlineData("GET", "/_server/{file}", "/_server/other.js")]
    [InlineData("GET", "/_server/client.mjs", "/_server/client.mjs")]
    public async Task A_function_beside_the_client_scripts_route_is_mapped_and_both_answer(string method, string route, string path)
    {
        var app = Compile(method, route);
        Assert.DoesNotContain(await Analyze(app.Output), static d => d.Id is "SAUTH0003" or "SAUTH0010");

        var (refused, answered) = await FriendRequest.SendAllAsync(
            [app.Bytes!],
            "Shop.App.Startup",
            (new HttpMethod(method), path),
            (HttpMethod.Get, ServerFunctionClientEndpointRouteBuilderExtensions.ScriptPath),
            (HttpMethod.Get, ServerFunctionClientEndpointRouteBuilderExtensions.DeclarationsPath));
        Assert.Null(refused);
        Assert.Equal(new[] { HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK }, answered);
    }

    private static (Microsoft.CodeAnalysis.MetadataReference? Image, List<string> Problems, string Generated, Microsoft.CodeAnalysis.Compilation Output, byte[]? Bytes) Compile(string method, string route)
    {
        var app = FriendAssemblyCompiler.Compile("Shop.App", $$"""
            using SessionAuth;

            namespace Shop.App
            {
                [Microsoft.AspNetCore.Authorization.AllowAnonymous]
                public static class Scripts
                {
                    [ServerFunction("{{route}}", Method = "{{method}}")] public static string Script() => "x";
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
        return app;
    }

    private static Task<System.Collections.Immutable.ImmutableArray<Microsoft.CodeAnalysis.Diagnostic>> Analyze(Microsoft.CodeAnalysis.Compilation compilation) =>
        compilation.WithAnalyzers([new Analyzers.ServerFunctionAnalyzer()], options: null).GetAnalyzerDiagnosticsAsync();
}
