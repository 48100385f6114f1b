using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using SessionAuth.Generators.Analyzers;

namespace SessionAuth.Analyzers.Tests;

/// <summary>
/// SAUTH0001 for a local written other than by a plain <c>=</c>: a deconstruction, a write through a <c>ref</c> local or a
/// conditional ref, a <c>ref</c> or <c>out</c> argument, a compound assignment. A guard through the local reaches what it
/// held when the guard was applied; after such a write it holds another group, decided only by a guard after the write
/// (a write whose value cannot be seen leaves a group only that decides).
/// </summary>
public sealed class VariableWriteFlowTests
{
    private static Task VerifyAsync(string source, params DiagnosticResult[] expected) => AnalyzerTest.VerifyAsync<EndpointGuardAnalyzer>(source, expected);

    [Fact]
    public Task A_group_swapped_by_a_deconstruction_after_the_guard_leaves_the_endpoint_open() => VerifyAsync("""
        public static class Endpoints
        {
            public static void Map(WebApplication app)
            {
                var admin = app.MapGroup("/admin");
                var open = app.MapGroup("/open");
                admin.RequireAuthorization();
                (admin, open) = (open, admin);
                admin.MapGet("/x", () {|SAUTH0001:=>|} "open");
            }
        }
        """);

    [Fact]
    public Task A_group_replaced_through_a_ref_local_after_the_guard_leaves_the_endpoint_open() => VerifyAsync("""
        public static class Endpoints
        {
            public static void Map(WebApplication app)
            {
                var group = app.MapGroup("/admin");
                group.RequireAuthorization();
                ref var slot = ref group;
                slot = app.MapGroup("/open");
                group.MapGet("/x", () {|SAUTH0001:=>|} "open");
            }
        }
        """);

    [Fact]
    public Task A_group_replaced_through_a_conditional_ref_after_the_guard_leaves_the_endpoint_open() => VerifyAsync("""
        public static class Endpoints
        {
            public static void Map(WebApplication app, bool flag)
            {
                var a = app.MapGroup("/a");
                var b = app.MapGroup("/b");
                a.RequireAuthorization();
                b.RequireAuthorization();
                (flag ? ref a : ref b) = app.MapGroup("/open");
                a.MapGet("/x", () {|SAUTH0001:=>|} "open");
            }
        }
        """);

    [Fact]
    public Task A_group_replaced_by_a_ref_argument_of_a_project_method_leaves_the_endpoint_open() => VerifyAsync("""
        public static class Endpoints
        {
            public static void Map(WebApplication app)
            {
                var group = app.MapGroup("/admin");
                group.RequireAuthorization();
                Replace(ref group, app);
                group.MapGet("/x", () {|SAUTH0001:=>|} "open");
            }

            private static void Replace(ref RouteGroupBuilder group, WebApplication app) => group = app.MapGroup("/open");
        }
        """);

    [Fact]
    public Task A_group_replaced_by_an_out_argument_of_a_project_method_leaves_the_endpoint_open() => VerifyAsync("""
        public static class Endpoints
        {
            public static void Map(WebApplication app)
            {
                var group = app.MapGroup("/admin");
                group.RequireAuthorization();
                Make(app, out group);
                group.MapGet("/x", () {|SAUTH0001:=>|} "open");
            }

            private static void Make(WebApplication app, out RouteGroupBuilder group) => group = app.MapGroup("/open");
        }
        """);

    [Fact]
    public Task A_group_replaced_by_the_out_argument_of_TryGetValue_leaves_the_endpoint_open() => VerifyAsync("""
        using System.Collections.Generic;
        public static class Endpoints
        {
            public static void Map(WebApplication app)
            {
                var groups = new Dictionary<string, RouteGroupBuilder> { ["open"] = app.MapGroup("/open") };
                var group = app.MapGroup("/admin");
                group.RequireAuthorization();
                groups.TryGetValue("open", out group!);
                group.MapGet("/x", () {|SAUTH0001:=>|} "open");
            }
        }
        """);

    [Fact]
    public Task A_group_replaced_through_a_ref_parameter_of_a_local_function_leaves_the_endpoint_open() => VerifyAsync("""
        public static class Endpoints
        {
            public static void Map(WebApplication app)
            {
                var group = app.MapGroup("/admin");
                group.RequireAuthorization();
                Replace(ref group);
                group.MapGet("/x", () {|SAUTH0001:=>|} "open");

                void Replace(ref RouteGroupBuilder target) => target = app.MapGroup("/open");
            }
        }
        """);

    /// <summary>Every way C# writes a local, after a guard through it: the endpoint mapped through it afterwards is open.</summary>
    [Theory]
    [InlineData("(g, _) = (app.MapGroup(\"/open\"), 1);")]
    [InlineData("var pair = (app.MapGroup(\"/open\"), 1); (g, _) = pair;")]
    [InlineData("(g, (other, _)) = (app.MapGroup(\"/open\"), (other, 1));")]
    [InlineData("System.Threading.Interlocked.Exchange(ref g, app.MapGroup(\"/open\"));")]
    [InlineData("ref var slot = ref g; slot = app.MapGroup(\"/open\");")]
    [InlineData("ref var slot = ref other; slot = ref g; slot = app.MapGroup(\"/open\");")]
    [InlineData("(flag ? ref g : ref other) = app.MapGroup(\"/open\");")]
    [InlineData("(flag ? ref other : ref g) = app.MapGroup(\"/open\");")]
    [InlineData("Set(out g, app);")]
    [InlineData("Set(out var fresh, app); g = fresh;")]
    [InlineData("g = flag ? g : app.MapGroup(\"/open\");")]
    [InlineData("Action swap = () => (g, other) = (app.MapGroup(\"/open\"), g); swap();")]
    [InlineData("Action swap = () => { ref var s = ref g; s = app.MapGroup(\"/open\"); }; swap();")]
    [InlineData("Action swap = () => (flag ? ref g : ref other) = app.MapGroup(\"/open\"); swap();")]
    [InlineData("Action swap = () => Set(out g, app); swap();")]
    public Task A_write_after_the_guard_leaves_the_endpoint_open(string write) => VerifyAsync(Writes(write, guardAfter: false));

    /// <summary>The same writes, then a guard through the local: it reaches the group the write left there.</summary>
    [Theory]
    [InlineData("(g, _) = (app.MapGroup(\"/open\"), 1);")]
    [InlineData("var pair = (app.MapGroup(\"/open\"), 1); (g, _) = pair;")]
    [InlineData("System.Threading.Interlocked.Exchange(ref g, app.MapGroup(\"/open\"));")]
    [InlineData("ref var slot = ref g; slot = app.MapGroup(\"/open\");")]
    [InlineData("(flag ? ref g : ref other) = app.MapGroup(\"/open\");")]
    [InlineData("Set(out g, app);")]
    [InlineData("g = flag ? g : app.MapGroup(\"/open\");")]
    public Task A_write_then_a_guard_through_the_local_guards_the_endpoint(string write) => VerifyAsync(Writes(write, guardAfter: true));

    [Fact]
    public Task A_group_taken_from_TryGetValue_and_guarded_after_it_is_guarded() => VerifyAsync("""
        using System.Collections.Generic;
        public static class Endpoints
        {
            public static void Map(WebApplication app, Dictionary<string, RouteGroupBuilder> groups)
            {
                groups.TryGetValue("api", out var group);
                group!.RequireAuthorization();
                group.MapGet("/x", () => "guarded");
            }
        }
        """);

    [Fact]
    public Task A_deconstruction_of_groups_written_in_place_gives_each_local_its_group() => VerifyAsync("""
        public static class Endpoints
        {
            public static void Map(WebApplication app)
            {
                var (admin, open) = (app.MapGroup("/admin"), app.MapGroup("/open"));
                admin.RequireAuthorization();
                admin.MapGet("/x", () => "guarded");
                open.MapGet("/y", () {|SAUTH0001:=>|} "open");
            }
        }
        """);

    private static string Writes(string write, bool guardAfter) => $$"""
        public static class Endpoints
        {
            public static void Map(WebApplication app, bool flag)
            {
                var g = app.MapGroup("/admin");
                var other = app.MapGroup("/other").RequireAuthorization();
                g.RequireAuthorization();
                {{write}}
                {{(guardAfter ? "g.RequireAuthorization();\n        g.MapGet(\"/x\", () => \"guarded\");" : "g.MapGet(\"/x\", () {|SAUTH0001:=>|} \"open\");")}}
            }

            private static void Set(out RouteGroupBuilder target, WebApplication app) => target = app.MapGroup("/open");
        }
        """;

    [Theory]
    [InlineData("ref var slot = ref handlers; slot = new Open();")]
    [InlineData("(flag ? ref handlers : ref other) = new Open();")]
    public Task A_handler_instance_replaced_through_a_ref_decides_nothing(string write) => VerifyAsync($$"""
        public interface IHandlers { string Get(); }
        public sealed class Guarded : IHandlers { [Authorize] public string Get() => "guarded"; }
        public sealed class Open : IHandlers { public string Get() => "open"; }

        public static class Endpoints
        {
            public static void Map(WebApplication app, bool flag)
            {
                IHandlers handlers = new Guarded();
                IHandlers other = new Guarded();
                {{write}}
                app.MapGet("/x", {|SAUTH0001:handlers.Get|});
            }
        }
        """);
}
