using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using SessionAuth.Generators.Analyzers;

namespace SessionAuth.Analyzers.Tests;

/// <summary>
/// SAUTH0001 across methods without a depth limit: groups nested any number of times, chains of methods passing a group
/// on (or of guard helpers) of any length, cycles (mutual recursion), and partial methods, whose calls name the
/// declaration while the body that maps is the implementation's.
/// </summary>
public sealed class CrossMethodReachTests
{
    private static Task VerifyAsync(string source, params DiagnosticResult[] expected) => AnalyzerTest.VerifyAsync<EndpointGuardAnalyzer>(source, expected);

    private static Task VerifyAppAsync(string program, params DiagnosticResult[] expected) =>
        AnalyzerTest.VerifyProjectAsync<EndpointGuardAnalyzer>(OutputKind.ConsoleApplication, [("Program.cs", program)], expected);

    [Fact]
    public Task A_guarded_group_passed_between_mutually_recursive_methods_is_guarded() => VerifyAsync("""
        public static class Endpoints
        {
            public static void Map(WebApplication app) => A(app.MapGroup("/api").RequireAuthorization(), 3);

            private static void A(RouteGroupBuilder g, int n)
            {
                g.MapGet("/a" + n, () => "guarded");
                if (n > 0) B(g, n - 1);
            }

            private static void B(RouteGroupBuilder g, int n)
            {
                g.MapGet("/b" + n, () => "guarded");
                if (n > 0) A(g, n - 1);
            }
        }
        """);

    [Fact]
    public Task A_guarded_group_nested_by_six_helpers_in_a_chain_is_guarded() => VerifyAppAsync(Chain(6, nest: true));

    [Fact]
    public Task A_guarded_group_passed_down_twelve_helpers_is_guarded() => VerifyAppAsync(Chain(12, nest: false));

    [Fact]
    public Task A_group_nested_thirteen_times_under_a_guarded_group_is_guarded() => VerifyAppAsync(NestedGroups(13));

    [Fact]
    public Task A_partial_method_given_a_guarded_group_is_guarded() => VerifyAsync("""
        public static partial class Endpoints
        {
            public static void Map(WebApplication app) => MapMore(app.MapGroup("/api").RequireAuthorization());

            static partial void MapMore(RouteGroupBuilder group);
        }

        public static partial class Endpoints
        {
            static partial void MapMore(RouteGroupBuilder group) => group.MapGet("/x", () => "guarded");
        }
        """);

    [Fact]
    public Task An_extended_partial_method_given_a_guarded_group_is_guarded() => VerifyAsync("""
        public static partial class Endpoints
        {
            public static void Map(WebApplication app) => MapMore(app.MapGroup("/api").RequireAuthorization());

            private static partial void MapMore(RouteGroupBuilder group);
        }

        public static partial class Endpoints
        {
            private static partial void MapMore(RouteGroupBuilder group) => group.MapGet("/x", () => "guarded");
        }
        """);

    [Fact]
    public Task A_guarded_group_nested_by_forty_helpers_in_a_chain_is_guarded() => VerifyAppAsync(Chain(40, nest: true));

    [Fact]
    public Task A_group_nested_forty_times_under_a_guarded_group_is_guarded() => VerifyAppAsync(NestedGroups(40));

    [Fact]
    public Task An_open_group_passed_between_mutually_recursive_methods_is_reported() => VerifyAsync("""
        public static class Endpoints
        {
            public static void Map(WebApplication app) => A(app.MapGroup("/api"), 3);

            private static void A(RouteGroupBuilder g, int n)
            {
                g.MapGet("/a" + n, () {|SAUTH0001:=>|} "open");
                if (n > 0) B(g, n - 1);
            }

            private static void B(RouteGroupBuilder g, int n)
            {
                g.MapGet("/b" + n, () {|SAUTH0001:=>|} "open");
                if (n > 0) A(g, n - 1);
            }
        }
        """);

    [Fact]
    public Task A_group_mutually_recursive_methods_pass_on_beside_an_open_one_is_reported() => VerifyAsync("""
        public static class Endpoints
        {
            public static void Map(WebApplication app)
            {
                A(app.MapGroup("/api").RequireAuthorization(), 3);
                B(app.MapGroup("/open"), 3);
            }

            private static void A(RouteGroupBuilder g, int n)
            {
                g.MapGet("/a" + n, () {|SAUTH0001:=>|} "open");
                if (n > 0) B(g, n - 1);
            }

            private static void B(RouteGroupBuilder g, int n)
            {
                g.MapGet("/b" + n, () {|SAUTH0001:=>|} "open");
                if (n > 0) A(g, n - 1);
            }
        }
        """);

    [Fact]
    public Task A_guard_helper_six_helpers_deep_guards_the_group_passed() => VerifyAsync("""
        public static class Guards
        {
            public static RouteGroupBuilder Secure0(this RouteGroupBuilder g) => g.Secure1();
            public static RouteGroupBuilder Secure1(this RouteGroupBuilder g) => g.Secure2();
            public static RouteGroupBuilder Secure2(this RouteGroupBuilder g) => g.Secure3();
            public static RouteGroupBuilder Secure3(this RouteGroupBuilder g) => g.Secure4();
            public static RouteGroupBuilder Secure4(this RouteGroupBuilder g) => g.Secure5();
            public static RouteGroupBuilder Secure5(this RouteGroupBuilder g) => g.RequireAuthorization();
        }

        public static class Endpoints
        {
            public static void Map(WebApplication app)
            {
                var g = app.MapGroup("/api");
                g.Secure0();
                g.MapGet("/x", () => "guarded");
            }
        }
        """);

    [Fact]
    public Task A_group_a_recursive_helper_guards_only_through_its_own_call_is_reported() => VerifyAsync("""
        public static class Guards
        {
            public static void Secure(RouteGroupBuilder g, int n)
            {
                if (n > 0)
                {
                    Secure(g, n - 1);
                }
            }
        }

        public static class Endpoints
        {
            public static void Map(WebApplication app)
            {
                var g = app.MapGroup("/api");
                Guards.Secure(g, 3);
                g.MapGet("/x", () {|SAUTH0001:=>|} "open");
            }
        }
        """);

    /// <summary>Top-level statements that pass a guarded group down <paramref name="length"/> helpers, each mapping an endpoint.</summary>
    private static string Chain(int length, bool nest)
    {
        var source = new StringBuilder("""
            var app = WebApplication.Create(args);
            Helpers.Map0(app.MapGroup("/api").RequireAuthorization());
            app.Run();

            static class Helpers
            {

            """);
        for (var i = 0; i < length; i++)
        {
            var passed = nest ? $"group.MapGroup(\"/n{i}\")" : "group";
            source.Append(CultureInfo.InvariantCulture, $"    public static void Map{i}(RouteGroupBuilder group) {{ group.MapGet(\"/x{i}\", () => {i}); Map{i + 1}({passed}); }}\n");
        }

        source.Append(CultureInfo.InvariantCulture, $"    public static void Map{length}(RouteGroupBuilder group) => group.MapGet(\"/end\", () => 0);\n}}\n");
        return source.ToString();
    }

    /// <summary>Top-level statements that nest <paramref name="depth"/> groups under a guarded one and map on the last.</summary>
    private static string NestedGroups(int depth)
    {
        var source = new StringBuilder("var app = WebApplication.Create(args);\nvar group0 = app.MapGroup(\"/api\").RequireAuthorization();\n");
        for (var i = 1; i <= depth; i++)
        {
            source.Append(CultureInfo.InvariantCulture, $"var group{i} = group{i - 1}.MapGroup(\"/n{i}\");\n");
        }

        source.Append(CultureInfo.InvariantCulture, $"group{depth}.MapGet(\"/x\", () => 1);\napp.Run();\n");
        return source.ToString();
    }
}
