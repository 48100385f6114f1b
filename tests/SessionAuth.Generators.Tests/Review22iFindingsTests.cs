using System.Net;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SessionAuth.Generators.Tests;

/// <summary>
/// A library whose functions make no guard decision of their own, decided by the library's one
/// <c>MapServerFunctions().RequireSession()</c> (SAUTH0001 is satisfied in the library): an app that sees the library's
/// internals maps those functions again through its own <c>MapServerFunctions()</c>, whose group carries no guard.
/// </summary>
public sealed class FriendGuardDecisionTests
{
    private const string LibrarySource = """
        using SessionAuth;

        [assembly: System.Runtime.CompilerServices.InternalsVisibleTo("Shop.App")]

        namespace Shop.Lib
        {
            public static class Admin
            {
                [SessionAuth.ServerFunction("/admin/wipe", Method = "GET")] public static int Wipe() => 41;
            }

            public static class LibraryEndpoints
            {
                public static void MapShop(Microsoft.AspNetCore.Routing.IEndpointRouteBuilder app) => app.MapServerFunctions().RequireSession();
            }
        }
        """;

    private const string AppSource = """
        namespace Shop.App
        {
            [Microsoft.AspNetCore.Authorization.AllowAnonymous]
            public static class Carts
            {
                [SessionAuth.ServerFunction("/carts", Method = "GET")] public static int Count() => 2;
            }

            public static class Startup
            {
                public static void Map(Microsoft.AspNetCore.Builder.WebApplication app) => app.MapServerFunctions();
            }
        }
        """;

    /// <summary>
    /// The library builds without SAUTH0001 (its own map guards every function); the app's map, whose functions all
    /// decide, maps the library's <c>Admin.Wipe</c> on an unguarded group. The app should be told (SAUTH0001 naming the
    /// library's function) or the function should not answer an anonymous caller; today it answers 200 with no diagnostic.
    /// </summary>
    [Fact]
    public async Task A_library_function_decided_only_by_the_librarys_guarded_map_is_not_mapped_open_by_the_apps_map_in_silence()
    {
        var library = FriendAssemblyCompiler.Compile("Shop.Lib", LibrarySource, []);
        Assert.True(library.Problems.Count == 0, string.Join("\n", library.Problems));
        var libraryGuards = await Analyze(library.Output);
        Assert.DoesNotContain(libraryGuards, static d => d.Id == "SAUTH0001");

        var app = FriendAssemblyCompiler.Compile("Shop.App", AppSource, [library.Image!]);
        Assert.True(app.Problems.Count == 0, string.Join("\n", app.Problems));
        if ((await Analyze(app.Output)).Any(static d => d.Id == "SAUTH0001"))
        {
            return;
        }

        var (refused, answered) = await FriendRequest.SendAsync([library.Bytes!, app.Bytes!], "Shop.App.Startup", HttpMethod.Get, "/admin/wipe");

        Assert.Null(refused);
        Assert.True(answered is not HttpStatusCode.OK, "the app's MapServerFunctions() maps the library's undecided Admin.Wipe open, with no SAUTH0001 in either project: an anonymous GET /admin/wipe answered 200");
    }

    /// <summary>
    /// The same hole one level up: the app decides its functions only by <c>app.MapServerFunctions().RequireSession()</c>
    /// in its start-up code, and its test project's own <c>MapServerFunctions()</c> (the usual test host) maps them on an
    /// unguarded group: the tests exercise an app whose functions answer anyone, unlike the app they test.
    /// </summary>
    [Fact]
    public async Task An_app_function_decided_only_by_the_apps_guarded_map_is_not_mapped_open_by_its_test_projects_map_in_silence()
    {
        var app = FriendAssemblyCompiler.Compile("Shop.App", LibrarySource.Replace("Shop.App", "Shop.App.Tests", StringComparison.Ordinal).Replace("Shop.Lib", "Shop.App", StringComparison.Ordinal), []);
        Assert.True(app.Problems.Count == 0, string.Join("\n", app.Problems));
        Assert.DoesNotContain(await Analyze(app.Output), static d => d.Id == "SAUTH0001");

        var tests = FriendAssemblyCompiler.Compile("Shop.App.Tests", """
            namespace Shop.App.Tests
            {
                public static class Startup
                {
                    public static void Map(Microsoft.AspNetCore.Builder.WebApplication app) => app.MapServerFunctions();
                }
            }
            """, [app.Image!]);
        Assert.True(tests.Problems.Count == 0, string.Join("\n", tests.Problems));
        if ((await Analyze(tests.Output)).Any(static d => d.Id == "SAUTH0001"))
        {
            return;
        }

        var (refused, answered) = await FriendRequest.SendAsync([app.Bytes!, tests.Bytes!], "Shop.App.Tests.Startup", HttpMethod.Get, "/admin/wipe");
        Assert.Null(refused);
        Assert.True(answered is not HttpStatusCode.OK, "the test project's MapServerFunctions() maps the app's Admin.Wipe, guarded in the app only by its MapServerFunctions().RequireSession(), open: an anonymous GET /admin/wipe answered 200");
    }

    private static Task<System.Collections.Immutable.ImmutableArray<Diagnostic>> Analyze(Compilation compilation) =>
        compilation.WithAnalyzers([new Analyzers.EndpointGuardAnalyzer()], options: null).GetAnalyzerDiagnosticsAsync();
}
