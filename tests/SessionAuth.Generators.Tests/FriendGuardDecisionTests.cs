using System.Net;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SessionAuth.Generators.Model;
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
    /// decide, maps the library's <c>Admin.Wipe</c> on an unguarded group. The app is told: SAUTH0001 on its
    /// <c>MapServerFunctions()</c>, naming the library's function, which would otherwise answer an anonymous caller.
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

    /// <summary>
    /// The library's function with each decision of its own, or none, beside an app map guarded each way: the app's map
    /// is reported, naming the library's function, exactly when the function decides nothing itself and the app's map
    /// call is not guarded on every path, as for the app's own functions. The library, whose own map is guarded, is quiet.
    /// </summary>
    [Theory]
    [InlineData("", "app.MapServerFunctions();", true)]
    [InlineData("[SessionAuth.RequireSession]", "app.MapServerFunctions();", false)]
    [InlineData("[Microsoft.AspNetCore.Authorization.AllowAnonymous]", "app.MapServerFunctions();", false)]
    [InlineData("[Microsoft.AspNetCore.Authorization.Authorize]", "app.MapServerFunctions();", false)]
    [InlineData("", "app.MapServerFunctions().RequireSession();", false)]
    [InlineData("", "app.MapServerFunctions().RequireAuthorization();", false)]
    [InlineData("", "app.MapServerFunctions().AllowAnonymous();", false)]
    [InlineData("", "var functions = app.MapServerFunctions(); functions.RequireSession();", false)]
    [InlineData("", "var functions = app.MapServerFunctions(); if (app.Environment.EnvironmentName == \"Production\") { functions.RequireSession(); }", true)]
    public async Task A_friends_function_mapped_by_the_apps_map_is_reported_unless_it_or_the_apps_map_decides(string functionAttribute, string appMap, bool reported)
    {
        var library = FriendAssemblyCompiler.Compile("Shop.Lib", LibrarySource.Replace("[SessionAuth.ServerFunction", functionAttribute + "[SessionAuth.ServerFunction", StringComparison.Ordinal), []);
        Assert.True(library.Problems.Count == 0, string.Join("\n", library.Problems));
        Assert.DoesNotContain(await Analyze(library.Output), static d => d.Id == "SAUTH0001");

        var app = FriendAssemblyCompiler.Compile("Shop.App", AppWith(appMap), [library.Image!]);
        Assert.True(app.Problems.Count == 0, string.Join("\n", app.Problems));
        AssertReported(await Analyze(app.Output), reported ? ["Server function Admin.Wipe of Shop.Lib"] : []);
    }

    private const string ChainCore = """
        using SessionAuth;

        [assembly: System.Runtime.CompilerServices.InternalsVisibleTo("Shop.Middle")]

        namespace Shop.Core
        {
            public static class Admin
            {
                {{attribute}}[SessionAuth.ServerFunction("/admin/wipe", Method = "GET")] public static int Wipe() => 41;
            }

            public static class CoreEndpoints
            {
                public static void Map(Microsoft.AspNetCore.Routing.IEndpointRouteBuilder app) => app.MapServerFunctions().RequireSession();
            }
        }
        """;

    private const string ChainMiddle = """
        using Microsoft.AspNetCore.Builder;
        using SessionAuth;

        [assembly: System.Runtime.CompilerServices.InternalsVisibleTo("Shop.App")]

        namespace Shop.Middle
        {
            [SessionAuth.RequireSession]
            public static class Orders
            {
                [SessionAuth.ServerFunction("/orders", Method = "GET")] public static int Count() => 3;
            }

            public static class MiddleEndpoints
            {
                public static void Map(Microsoft.AspNetCore.Routing.IEndpointRouteBuilder app) { {{map}} }
            }
        }
        """;

    /// <summary>
    /// A chain: Shop.Core's function, decided or not by its own attributes, is mapped by Shop.Middle's map (which sees
    /// Shop.Core's internals) and, through Shop.Middle's entry method, by the app's, which sees only Shop.Middle's: each
    /// map that reaches it unguarded is reported, naming it, however many assemblies lie between.
    /// </summary>
    [Theory]
    [InlineData("", "app.MapServerFunctions().RequireSession();", "app.MapServerFunctions();", false, true)]
    [InlineData("", "app.MapServerFunctions();", "app.MapServerFunctions();", true, true)]
    [InlineData("", "app.MapServerFunctions();", "app.MapServerFunctions().RequireAuthorization();", true, false)]
    [InlineData("", "app.MapServerFunctions().RequireSession();", "app.MapServerFunctions().RequireSession();", false, false)]
    [InlineData("[SessionAuth.RequireSession]", "app.MapServerFunctions();", "app.MapServerFunctions();", false, false)]
    [InlineData("[Microsoft.AspNetCore.Authorization.AllowAnonymous]", "app.MapServerFunctions();", "app.MapServerFunctions();", false, false)]
    public async Task A_function_two_assemblies_down_a_chain_is_reported_on_each_unguarded_map_that_maps_it(string attribute, string middleMap, string appMap, bool reportedInMiddle, bool reportedInApp)
    {
        var core = FriendAssemblyCompiler.Compile("Shop.Core", ChainCore.Replace("{{attribute}}", attribute, StringComparison.Ordinal), []);
        Assert.True(core.Problems.Count == 0, string.Join("\n", core.Problems));
        Assert.DoesNotContain(await Analyze(core.Output), static d => d.Id == "SAUTH0001");

        var middle = FriendAssemblyCompiler.Compile("Shop.Middle", ChainMiddle.Replace("{{map}}", middleMap, StringComparison.Ordinal), [core.Image!]);
        Assert.True(middle.Problems.Count == 0, string.Join("\n", middle.Problems));
        AssertReported(await Analyze(middle.Output), reportedInMiddle ? ["Server function Admin.Wipe of Shop.Core"] : []);

        var app = FriendAssemblyCompiler.Compile("Shop.App", AppWith(appMap), [core.Image!, middle.Image!]);
        Assert.True(app.Problems.Count == 0, string.Join("\n", app.Problems));
        AssertReported(await Analyze(app.Output), reportedInApp ? ["Server function Admin.Wipe of Shop.Core"] : []);
    }

    /// <summary>
    /// The silent rows hold at run time: the app's guarded map refuses an anonymous call of the chain's undecided function
    /// (the guard sends it to sign in), where its bare map (reported above) answers it 200.
    /// </summary>
    [Theory]
    [InlineData("app.UseSessionAuth(); app.MapServerFunctions().RequireSession();", false)]
    [InlineData("app.UseSessionAuth(); app.MapServerFunctions();", true)]
    public async Task The_apps_map_guards_or_opens_a_function_two_assemblies_down_the_chain(string appMap, bool open)
    {
        var core = FriendAssemblyCompiler.Compile("Shop.Core", ChainCore.Replace("{{attribute}}", string.Empty, StringComparison.Ordinal), []);
        var middle = FriendAssemblyCompiler.Compile("Shop.Middle", ChainMiddle.Replace("{{map}}", "app.MapServerFunctions().RequireSession();", StringComparison.Ordinal), [core.Image!]);
        var app = FriendAssemblyCompiler.Compile("Shop.App", AppWith(appMap), [core.Image!, middle.Image!]);
        Assert.True(app.Problems.Count == 0, string.Join("\n", app.Problems));

        var (refused, answered) = await FriendRequest.SendAsync([core.Bytes!, middle.Bytes!, app.Bytes!], "Shop.App.Startup", HttpMethod.Get, "/admin/wipe");
        Assert.Null(refused);
        Assert.True(open == (answered == HttpStatusCode.OK), $"an anonymous GET /admin/wipe answered {answered}");
    }

    /// <summary>
    /// A friend's map read as its model says (written here by hand, as a generator writes it): its functions without a
    /// decision are reported on the app's unguarded map; a map without a readable model (an earlier generator's, or text
    /// that is not a model) leaves every function of the friend undecided, and is reported as a whole.
    /// </summary>
    [Theory]
    [InlineData("undecided", "app.MapServerFunctions();", "Server function Orders.Count of Shop.Legacy")]
    [InlineData("undecided", "app.MapServerFunctions().RequireSession();", null)]
    [InlineData("decided", "app.MapServerFunctions();", null)]
    [InlineData("none", "app.MapServerFunctions();", "Every server function of Shop.Legacy")]
    [InlineData("unreadable", "app.MapServerFunctions();", "Every server function of Shop.Legacy")]
    [InlineData("none", "app.MapServerFunctions().RequireAuthorization();", null)]
    public async Task A_friends_map_is_read_as_its_model_says_and_one_without_a_readable_model_is_undecided(string model, string appMap, string? reported)
    {
        var field = model switch
        {
            "undecided" => Model(["Orders.Count"]),
            "decided" => Model([]),
            "unreadable" => "1:2:",
            _ => null,
        };
        var identifier = Parsing.ReferencedMaps.Identifier("Shop.Legacy");
        var friend = MetadataReference.CreateFromImage(FriendAssemblyCompiler.CompileWithoutGenerator("Shop.Legacy", $$"""
            [assembly: System.Runtime.CompilerServices.InternalsVisibleTo("Shop.App")]

            namespace SessionAuth.{{identifier}}
            {
                internal static partial class {{Parsing.ReferencedMaps.MapClassName(identifier)}}
                {
                    {{(field is null ? string.Empty : $"internal const string {Parsing.UndecidedFunctions.FieldName} = {SymbolDisplay.FormatLiteral(field, quote: true)};")}}

                    public static void {{identifier}}(this Microsoft.AspNetCore.Routing.RouteGroupBuilder group, System.IServiceProvider services, System.Collections.Generic.ISet<string> mapped)
                    {
                        mapped.Add("Shop.Legacy");
                    }
                }
            }
            """));

        var app = FriendAssemblyCompiler.Compile("Shop.App", AppWith(appMap), [friend]);
        AssertReported(await Analyze(app.Output), reported is null ? [] : [reported]);

        static string Model(string[] functions) =>
            Parsing.UndecidedFunctions.Write(new[] { new UndecidedSectionSpec("Shop.Legacy", Known: true, functions.ToEquatableArray()) }.ToEquatableArray());
    }

    /// <summary>The app's source with <paramref name="map"/> as the body of its start-up's <c>Map</c>.</summary>
    private static string AppWith(string map) =>
        "using Microsoft.AspNetCore.Builder;\nusing SessionAuth;\n" + AppSource.Replace("=> app.MapServerFunctions();", "{ " + map + " }", StringComparison.Ordinal);

    /// <summary>The SAUTH0001 messages are exactly one per expected start, in any order.</summary>
    private static void AssertReported(System.Collections.Immutable.ImmutableArray<Diagnostic> diagnostics, string[] expected)
    {
        var messages = diagnostics.Where(static d => d.Id == "SAUTH0001").Select(static d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.True(messages.Count == expected.Length && expected.All(start => messages.Any(m => m.StartsWith(start, StringComparison.Ordinal))), string.Join("\n", messages));
    }

    private static Task<System.Collections.Immutable.ImmutableArray<Diagnostic>> Analyze(Compilation compilation) =>
        compilation.WithAnalyzers([new Analyzers.EndpointGuardAnalyzer()], options: null).GetAnalyzerDiagnosticsAsync();
}
