using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace SessionAuth.Generators.Tests;

/// <summary>
/// Which <c>MapServerFunctions()</c> a call binds in a project that sees other projects' maps (review 22e): at C# 10 and
/// later the project's own, in every scope a call can stand in (a using inside a namespace, a namespace under
/// <c>SessionAuth</c>, a global using, the line the README gives a project below C# 9), beside maps built at C# 9 and
/// later; and what the generated <c>global using</c> brings into the project's files.
/// </summary>
public sealed class FriendMapScopeTests
{
    private static string Functions(string name, string type, string route, params string[] friends) => $$"""
        using SessionAuth;

        {{string.Concat(friends.Select(static f => $"[assembly: System.Runtime.CompilerServices.InternalsVisibleTo(\"{f}\")]\n"))}}
        namespace {{name}}
        {
            [Microsoft.AspNetCore.Authorization.AllowAnonymous]
            public static class {{type}}
            {
                [SessionAuth.ServerFunction("{{route}}")] public static int Count() => 0;
            }
        }
        """;

    /// <summary>Where the call stands: the text before the test project's namespace, and the namespace's opening.</summary>
    public enum CallScope
    {
        /// <summary>No using of SessionAuth: only the generated global using reaches a map.</summary>
        NoUsing,

        /// <summary><c>using SessionAuth;</c> at the top of the file, where the generated global using stands too.</summary>
        UsingAtTop,

        /// <summary><c>using SessionAuth;</c> inside the namespace (StyleCop's SA1200 layout): a nearer scope than the global using.</summary>
        UsingInsideNamespace,

        /// <summary>Code in <c>namespace SessionAuth.Shop.Tests</c>: the namespace SessionAuth is searched before any using.</summary>
        NamespaceUnderSessionAuth,

        /// <summary><c>global using SessionAuth;</c> in the project's own code.</summary>
        GlobalUsing,

        /// <summary>The library's generated global using line without <c>global</c>, which the README gives a project below C# 9, kept after moving to C# 10.</summary>
        LibrarysGeneratedUsing,
    }

    /// <summary>The library the test project sees.</summary>
    public enum LibraryShape
    {
        /// <summary>Built at C# 9: its map in the shared class <c>SessionAuth.ServerFunctionEndpointRouteBuilderExtensions</c>.</summary>
        CSharp9,

        /// <summary>Built at C# 14: its map in a namespace of its own.</summary>
        CSharp14,

        /// <summary>Built at C# 14 above a core built at C# 9 that it maps: its map in <c>SessionAuth</c> beside the core's.</summary>
        CSharp14AboveCSharp9Core,
    }

    /// <summary>
    /// Every shape: the library, the scope of the call, the receiver's type, whether the test project grants its internals
    /// (its map then ranks lower), and the test project's language version. A test project that grants its internals and
    /// sees a library that maps a core, all in <c>SessionAuth</c>, is a chain of three ranked maps below a fourth: where a
    /// call reaches them in one scope, the library's and the project's rank alike (CS0121), the limit the README states.
    /// </summary>
    public static TheoryData<LibraryShape, CallScope, bool, bool, LanguageVersion> Shapes()
    {
        var data = new TheoryData<LibraryShape, CallScope, bool, bool, LanguageVersion>();
        foreach (var library in Enum.GetValues<LibraryShape>())
        {
            foreach (var scope in Enum.GetValues<CallScope>())
            {
                foreach (var receiverIsWebApplication in new[] { true, false })
                {
                    foreach (var grants in new[] { false, true })
                    {
                        data.Add(library, scope, receiverIsWebApplication, grants, LanguageVersion.Latest);
                    }
                }

                data.Add(library, scope, true, false, LanguageVersion.CSharp10);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void A_call_in_every_scope_binds_the_projects_own_map(LibraryShape library, CallScope scope, bool receiverIsWebApplication, bool projectGrantsInternals, LanguageVersion version)
    {
        var (reference, generatedUsing) = Library(library);
        var (before, opening) = scope switch
        {
            CallScope.NoUsing => (string.Empty, "namespace Shop.App.Tests\n{\n"),
            CallScope.UsingAtTop => ("using SessionAuth;\n", "namespace Shop.App.Tests\n{\n"),
            CallScope.UsingInsideNamespace => (string.Empty, "namespace Shop.App.Tests\n{\n    using SessionAuth;\n"),
            CallScope.NamespaceUnderSessionAuth => (string.Empty, "namespace SessionAuth.Shop.Tests\n{\n"),
            CallScope.GlobalUsing => ("global using SessionAuth;\n", "namespace Shop.App.Tests\n{\n"),
            _ => (generatedUsing + "\n", "namespace Shop.App.Tests\n{\n"),
        };
        var grant = projectGrantsInternals ? "[assembly: System.Runtime.CompilerServices.InternalsVisibleTo(\"Shop.App.Tests.More\")]\n" : string.Empty;
        var receiver = receiverIsWebApplication ? "Microsoft.AspNetCore.Builder.WebApplication" : "Microsoft.AspNetCore.Routing.IEndpointRouteBuilder";
        var tests = FriendAssemblyCompiler.Compile("Shop.App.Tests", before + grant + opening + $$"""
                [Microsoft.AspNetCore.Authorization.AllowAnonymous]
                public static class TestOnly
                {
                    [SessionAuth.ServerFunction("/test-only/reset")] public static int Reset() => 0;
                }

                public static class TestHost
                {
                    public static Microsoft.AspNetCore.Builder.IEndpointConventionBuilder Map({{receiver}} app) => app.MapServerFunctions();
                }
            }
            """, [.. reference], version);

        var ranksAlike = library == LibraryShape.CSharp14AboveCSharp9Core && projectGrantsInternals && scope != CallScope.NoUsing;
        if (ranksAlike)
        {
            Assert.Contains(tests.Problems, static problem => problem.StartsWith("CS0121 ", StringComparison.Ordinal));
            return;
        }

        Assert.True(tests.Problems.Count == 0, "Shop.App.Tests does not compile cleanly:\n" + string.Join("\n", tests.Problems));
        Assert.Equal("Shop.App.Tests", FriendAssemblyCompiler.MapServerFunctionsCalled(tests.Output));
        Assert.Contains(
            library == LibraryShape.CSharp9 ? $"group.{Parsing.ReferencedMaps.Identifier("Shop.App")}(services, mapped);" : FriendAssemblyCompiler.EntryCall("Shop.App"),
            tests.Generated,
            StringComparison.Ordinal);
    }

    /// <summary>
    /// A test project at C# 9 above each library shape, with <c>using SessionAuth;</c> at the top, inside its namespace, or
    /// code in a namespace under <c>SessionAuth</c>: its own map, in the shared class, ranks first (it maps the library
    /// and grants its internals to none), above the library's map in <c>SessionAuth</c> (built at C# 9, or at C# 14 beside
    /// a core built at C# 9) or out of its reach (in the library's own namespace).
    /// </summary>
    [Theory]
    [InlineData(LibraryShape.CSharp9, CallScope.UsingAtTop)]
    [InlineData(LibraryShape.CSharp9, CallScope.UsingInsideNamespace)]
    [InlineData(LibraryShape.CSharp9, CallScope.NamespaceUnderSessionAuth)]
    [InlineData(LibraryShape.CSharp14, CallScope.UsingAtTop)]
    [InlineData(LibraryShape.CSharp14, CallScope.UsingInsideNamespace)]
    [InlineData(LibraryShape.CSharp14, CallScope.NamespaceUnderSessionAuth)]
    [InlineData(LibraryShape.CSharp14AboveCSharp9Core, CallScope.UsingAtTop)]
    [InlineData(LibraryShape.CSharp14AboveCSharp9Core, CallScope.UsingInsideNamespace)]
    [InlineData(LibraryShape.CSharp14AboveCSharp9Core, CallScope.NamespaceUnderSessionAuth)]
    public void A_CSharp_9_project_calls_its_own_map_beside_every_library_shape(LibraryShape library, CallScope scope)
    {
        var (reference, _) = Library(library);
        var (before, opening) = scope switch
        {
            CallScope.UsingAtTop => ("using SessionAuth;\n", "namespace Shop.App.Tests\n{\n"),
            CallScope.UsingInsideNamespace => (string.Empty, "namespace Shop.App.Tests\n{\n    using SessionAuth;\n"),
            _ => (string.Empty, "namespace SessionAuth.Shop.Tests\n{\n"),
        };
        var tests = FriendAssemblyCompiler.Compile("Shop.App.Tests", before + opening + """
                [Microsoft.AspNetCore.Authorization.AllowAnonymous]
                public static class TestOnly
                {
                    [SessionAuth.ServerFunction("/test-only/reset")] public static int Reset() => 0;
                }

                public static class TestHost
                {
                    public static Microsoft.AspNetCore.Builder.IEndpointConventionBuilder Map(Microsoft.AspNetCore.Builder.WebApplication app) => app.MapServerFunctions();
                }
            }
            """, [.. reference], LanguageVersion.CSharp9);

        Assert.True(tests.Problems.Count == 0, "Shop.App.Tests does not compile cleanly:\n" + string.Join("\n", tests.Problems));
        Assert.Equal("Shop.App.Tests", FriendAssemblyCompiler.MapServerFunctionsCalled(tests.Output));
    }

    private static readonly Dictionary<LibraryShape, (MetadataReference[] References, string GeneratedUsing)> Libraries = [];

    /// <summary>The library (and the core below it), built once per shape, with its generated global using as a project below C# 9 would copy it.</summary>
    private static (MetadataReference[] References, string GeneratedUsing) Library(LibraryShape shape)
    {
        lock (Libraries)
        {
            if (!Libraries.TryGetValue(shape, out var built))
            {
                MetadataReference[] below = shape == LibraryShape.CSharp14AboveCSharp9Core
                    ? [FriendAssemblyCompiler.Library("Shop.Core", Functions("Shop.Core", "Prices", "/prices", "Shop.App"), [], LanguageVersion.CSharp9)]
                    : [];
                var library = FriendAssemblyCompiler.Compile(
                    "Shop.App",
                    Functions("Shop.App", "Carts", "/carts", "Shop.App.Tests"),
                    below,
                    shape == LibraryShape.CSharp9 ? LanguageVersion.CSharp9 : LanguageVersion.Latest);
                Assert.True(library.Problems.Count == 0, string.Join("\n", library.Problems));
                var generatedUsing = library.Generated.Split('\n').Select(static line => line.Trim()).FirstOrDefault(static line => line.StartsWith("global using ", StringComparison.Ordinal));

                // Below C# 9 a project copies the library's generated using; a library at C# 9 has none, and is reached through SessionAuth.
                built = ([.. below, library.Image!], generatedUsing?.Substring("global ".Length) ?? "using SessionAuth;");
                Libraries.Add(shape, built);
            }

            return built;
        }
    }

    /// <summary>
    /// A project at C# 10 or later that sees a library built at C# 9 (its map in the shared class
    /// <c>SessionAuth.ServerFunctionEndpointRouteBuilderExtensions</c>) and writes <c>using SessionAuth;</c> inside its
    /// namespace (StyleCop's SA1200 layout), or has its code in a namespace under <c>SessionAuth</c>: that using (or
    /// enclosing namespace) is a nearer scope than the compilation unit where the generated <c>global using</c> imports
    /// the project's own map, so C# stops there and <c>app.MapServerFunctions()</c> binds to the library's map. The
    /// project's own functions are then never mapped, silently. The call should reach the project's own map, which maps
    /// its functions and the library's.
    /// </summary>
    [Theory]
    [InlineData("namespace Shop.App.Tests\n{\n    using SessionAuth;\n")]
    [InlineData("namespace SessionAuth.Shop.Tests\n{\n")]
    public void A_project_at_CSharp_10_seeing_a_CSharp_9_library_calls_its_own_map_from_a_nearer_scope(string opening)
    {
        var library = FriendAssemblyCompiler.Library("Shop.App", Functions("Shop.App", "Carts", "/carts", "Shop.App.Tests"), [], LanguageVersion.CSharp9);
        var tests = FriendAssemblyCompiler.Compile("Shop.App.Tests", opening + """
                [Microsoft.AspNetCore.Authorization.AllowAnonymous]
                public static class TestOnly
                {
                    [SessionAuth.ServerFunction("/test-only/reset")] public static int Reset() => 0;
                }

                public static class TestHost
                {
                    public static Microsoft.AspNetCore.Builder.IEndpointConventionBuilder Map(Microsoft.AspNetCore.Builder.WebApplication app) => app.MapServerFunctions();
                }
            }
            """, [library], LanguageVersion.CSharp10);

        Assert.True(tests.Problems.Count == 0, "Shop.App.Tests does not compile cleanly:\n" + string.Join("\n", tests.Problems));
        Assert.Equal("Shop.App.Tests", FriendAssemblyCompiler.MapServerFunctionsCalled(tests.Output));
    }

    /// <summary>
    /// The README tells a project below C# 9 to call an app's map through <c>using SessionAuth.ServerFunctionsOf_App_&lt;hash&gt;;</c>.
    /// Once that project moves to C# 10 or later (a LangVersion raised, or removed), it gets a map of its own, imported
    /// by the generated global using at the same scope as that using, and neither ranks: <c>app.MapServerFunctions()</c>
    /// is CS0121. The project's own map should win (it maps the app's too), or the README should say to drop the using.
    /// </summary>
    [Fact]
    public void A_project_that_names_a_friends_map_namespace_as_the_README_advises_below_CSharp_9_still_builds_at_CSharp_10()
    {
        var library = FriendAssemblyCompiler.Library("Shop.App", Functions("Shop.App", "Carts", "/carts", "Shop.App.Tests"), []);
        var tests = FriendAssemblyCompiler.Compile("Shop.App.Tests", $$"""
            using SessionAuth.{{Parsing.ReferencedMaps.Identifier("Shop.App")}};

            namespace Shop.App.Tests
            {
                public static class TestHost
                {
                    public static Microsoft.AspNetCore.Builder.IEndpointConventionBuilder Map(Microsoft.AspNetCore.Builder.WebApplication app) => app.MapServerFunctions();
                }
            }
            """, [library]);

        Assert.True(tests.Problems.Count == 0, string.Join("\n", tests.Problems));
        Assert.Equal("Shop.App.Tests", FriendAssemblyCompiler.MapServerFunctionsCalled(tests.Output));
    }

    /// <summary>
    /// The README named a project's map class at C# 10 and later by the simple name <c>ServerFunctionEndpointRouteBuilderExtensions</c>,
    /// which beside a library built at C# 9 and <c>using SessionAuth;</c> (as every sample writes) was also the library's
    /// shared class: CS0104. The class now has a name of the project's own, <c>ServerFunctionMapOf_&lt;assembly&gt;_&lt;hash&gt;</c>,
    /// which the README gives for a static call (beside a map built at C# 9 in <c>SessionAuth</c>, named with
    /// <c>using SessionAuth;</c>): it compiles and calls the project's own map.
    /// </summary>
    [Fact]
    public void The_READMEs_call_by_simple_name_compiles_beside_a_CSharp_9_library()
    {
        var library = FriendAssemblyCompiler.Library("Shop.App", Functions("Shop.App", "Carts", "/carts", "Shop.App.Tests"), [], LanguageVersion.CSharp9);
        var tests = FriendAssemblyCompiler.Compile("Shop.App.Tests", $$"""
            using SessionAuth;

            namespace Shop.App.Tests
            {
                public static class TestHost
                {
                    public static Microsoft.AspNetCore.Builder.IEndpointConventionBuilder Map(Microsoft.AspNetCore.Builder.WebApplication app) =>
                        {{Parsing.ReferencedMaps.MapClassName(Parsing.ReferencedMaps.Identifier("Shop.App.Tests"))}}.MapServerFunctions(app);
                }
            }
            """, [library], LanguageVersion.CSharp10);

        Assert.True(tests.Problems.Count == 0, "Shop.App.Tests does not compile cleanly:\n" + string.Join("\n", tests.Problems));
        Assert.Equal("Shop.App.Tests", FriendAssemblyCompiler.MapServerFunctionsCalled(tests.Output));
        Assert.DoesNotContain("class ServerFunctionEndpointRouteBuilderExtensions", tests.Generated, StringComparison.Ordinal);
    }

    /// <summary>
    /// The generated <c>global using</c> imports the map class's simple name, <c>ServerFunctionEndpointRouteBuilderExtensions</c>,
    /// into every file of the project: a user's own class of that name in another namespace (<c>Shop.Util</c>), imported
    /// with <c>using Shop.Util;</c> and named by its simple name, becomes CS0104 (ambiguous), though the user never
    /// imported anything of SessionAuth. The README reserves only the full name <c>SessionAuth.ServerFunctionEndpointRouteBuilderExtensions</c>.
    /// The global using should import nothing a user can collide with by simple name (or the README and a SAUTH0003-style
    /// diagnostic should reserve the simple name).
    /// </summary>
    [Fact]
    public void A_type_of_the_users_named_like_the_map_class_in_an_imported_namespace_stays_unambiguous()
    {
        var app = FriendAssemblyCompiler.Compile("Shop.App", """
            using Shop.Util;
            namespace Shop.Util { public static class ServerFunctionEndpointRouteBuilderExtensions { public static int X() => 1; } }
            namespace Shop.App
            {
                [Microsoft.AspNetCore.Authorization.AllowAnonymous]
                public static class Carts { [SessionAuth.ServerFunction("/carts")] public static int Count() => ServerFunctionEndpointRouteBuilderExtensions.X(); }
            }
            """, []);
        Assert.True(app.Problems.Count == 0, string.Join("\n", app.Problems));
    }

}
