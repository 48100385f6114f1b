using System.Net;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace SessionAuth.Generators.Tests;

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
    /// <c>Aliases="Legacy"</c>: the app's <c>app.MapServerFunctions()</c> binds to a map of the app's own that calls the
    /// library's entry through its alias, and maps <c>/orders</c>. The other way, the library referenced without an alias:
    /// at C# 9 its map is the one the app's call reaches through <c>using SessionAuth;</c>, and the app gets none of its
    /// own; at C# 14 its map is in a namespace of its own, which the call does not reach, and the app gets one.
    /// </summary>
    [Theory]
    [InlineData(LanguageVersion.CSharp9, true, true)]
    [InlineData(LanguageVersion.Latest, true, true)]
    [InlineData(LanguageVersion.CSharp9, false, false)]
    [InlineData(LanguageVersion.Latest, false, true)]
    public async Task A_CSharp_9_app_without_functions_that_sees_one_library_builds_and_maps_it(LanguageVersion libraryVersion, bool aliased, bool ownMap)
    {
        var library = FriendAssemblyCompiler.Compile("Shop.Legacy", LibrarySource, [], libraryVersion);
        Assert.True(library.Problems.Count == 0, string.Join("\n", library.Problems));
        var app = FriendAssemblyCompiler.Compile("Shop.App", AppSource, [aliased ? library.Image!.WithAliases(["Legacy"]) : library.Image!], LanguageVersion.CSharp9);
        Assert.True(app.Problems.Count == 0, "Shop.App does not compile cleanly:\n" + string.Join("\n", app.Problems));
        Assert.Equal(ownMap ? "Shop.App" : "Shop.Legacy", FriendAssemblyCompiler.MapServerFunctionsCalled(app.Output));

        var (refused, answered) = await FriendRequest.SendAsync([library.Bytes!, app.Bytes!], "Shop.App.Startup", HttpMethod.Post, "/orders");
        Assert.Null(refused);
        Assert.Equal(HttpStatusCode.OK, answered);
    }
}
