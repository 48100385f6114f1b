using System.Net;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.Extensions.DependencyInjection;

namespace SessionAuth.Generators.Tests;

/// <summary>
/// Friend shapes that held: a library at every language version from 9 to 14, with nullable annotations disabled, with
/// nested declaring types, internal records and a default of null,
/// mapped by an app at C# 9 and at the latest version; each builds cleanly and maps exactly the library's mappable
/// functions, which bind over HTTP. A library's instance function whose type the app does not register stops the start.
/// </summary>
public sealed class FriendShapesThatHeldTests
{
    private const string LibrarySource = """
        #nullable disable
        using SessionAuth;

        [assembly: System.Runtime.CompilerServices.InternalsVisibleTo("Shop.App")]

        namespace Shop.Lib
        {
            [Microsoft.AspNetCore.Authorization.AllowAnonymous]
            public static class Outer
            {
                public static class Inner
                {
                    [ServerFunction("/lib/nested", Method = "GET")] public static string Echo(string name, int take = 3) => name + take;
                }
            }

            internal sealed class Item
            {
                public string Name { get; set; }
                public int? Count { get; set; }
            }

            [Microsoft.AspNetCore.Authorization.AllowAnonymous]
            internal static class Items
            {
                [ServerFunction("/lib/items")] public static Item Make(Item item, string tag = null) => new Item { Name = item.Name + (tag ?? "-"), Count = item.Count };
            }
        }
        """;

    private const string AppSource = """
        using SessionAuth;

        namespace Shop.App
        {
            [Microsoft.AspNetCore.Authorization.AllowAnonymous]
            public static class Carts
            {
                [ServerFunction("/carts", Method = "GET")] public static int Count() => 2;
            }

            public static class Startup
            {
                public static void Map(Microsoft.AspNetCore.Builder.WebApplication app) => app.MapServerFunctions();
            }
        }
        """;

    private static readonly string[] Paths = ["/lib/nested?name=a", "/lib/nested?name=a&take=5", "/carts"];

    public static TheoryData<LanguageVersion, LanguageVersion> Versions()
    {
        var data = new TheoryData<LanguageVersion, LanguageVersion>();
        foreach (var library in new[] { LanguageVersion.CSharp9, LanguageVersion.CSharp10, LanguageVersion.CSharp11, LanguageVersion.CSharp12, LanguageVersion.CSharp13, LanguageVersion.CSharp14 })
        {
            foreach (var app in new[] { LanguageVersion.CSharp9, LanguageVersion.Latest })
            {
                data.Add(library, app);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public async Task An_oblivious_library_at_any_version_is_mapped_by_an_app_at_9_or_the_latest_and_binds(LanguageVersion libraryVersion, LanguageVersion appVersion)
    {
        var library = FriendAssemblyCompiler.Compile("Shop.Lib", LibrarySource, [], libraryVersion);
        Assert.True(library.Problems.Count == 0, "Shop.Lib does not compile cleanly:\n" + string.Join("\n", library.Problems));
        var app = FriendAssemblyCompiler.Compile("Shop.App", AppSource, [library.Image!], appVersion);
        Assert.True(app.Problems.Count == 0, "Shop.App does not compile cleanly:\n" + string.Join("\n", app.Problems));

        var answers = new List<string>();
        var refused = await FriendAssemblyCompiler.StartAsync([library.Bytes!, app.Bytes!], "Shop.App.Startup", static (_, _) => { }, async address =>
        {
            using var client = new HttpClient { BaseAddress = address };
            foreach (var path in Paths)
            {
                using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
                answers.Add($"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }

            using var posted = await client.PostAsync(new Uri("/lib/items", UriKind.Relative), new StringContent("{\"item\":{\"name\":\"x\",\"count\":2}}", System.Text.Encoding.UTF8, "application/json"));
            answers.Add($"{(int)posted.StatusCode} {await posted.Content.ReadAsStringAsync()}");
        });

        Assert.Null(refused);
        Assert.Equal(["200 \"a3\"", "200 \"a5\"", "200 2", "200 {\"name\":\"x-\",\"count\":2}"], answers);
    }

    /// <summary>A library's instance function: the app that maps it and does not register its type refuses to start, naming it.</summary>
    [Fact]
    public async Task A_librarys_instance_function_whose_type_the_app_does_not_register_stops_the_start()
    {
        var library = FriendAssemblyCompiler.Compile("Shop.Lib", """
            [assembly: System.Runtime.CompilerServices.InternalsVisibleTo("Shop.App")]
            namespace Shop.Lib
            {
                [Microsoft.AspNetCore.Authorization.AllowAnonymous]
                public sealed class Stock
                {
                    [SessionAuth.ServerFunction("/lib/stock", Method = "GET")] public int Count() => 7;
                }
            }
            """, []);
        Assert.True(library.Problems.Count == 0, string.Join("\n", library.Problems));
        var app = FriendAssemblyCompiler.Compile("Shop.App", AppSource, [library.Image!]);
        Assert.True(app.Problems.Count == 0, string.Join("\n", app.Problems));

        var images = new[] { library.Bytes!, app.Bytes! };
        var refused = await FriendAssemblyCompiler.StartAsync(images, "Shop.App.Startup", static (_, _) => { });
        Assert.NotNull(refused);
        Assert.Contains("Stock", refused.Message, StringComparison.Ordinal);

        HttpStatusCode? answered = null;
        Assert.Null(await FriendAssemblyCompiler.StartAsync(images, "Shop.App.Startup", static (services, type) => services.AddScoped(type("Shop.Lib.Stock")), async address =>
        {
            using var client = new HttpClient { BaseAddress = address };
            using var response = await client.GetAsync(new Uri("/lib/stock", UriKind.Relative));
            answered = response.StatusCode;
        }));
        Assert.Equal(HttpStatusCode.OK, answered);
    }
}
