using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using SessionAuth.Generators.Analyzers;

namespace SessionAuth.Analyzers.Tests;

/// <summary>Cross-method flow shapes SAUTH0001 gets right (generated cycles, local functions, groups passed to constructors and helpers), kept so that they stay right.</summary>
public sealed class CrossMethodFlowHeldShapesTests
{
    private static Task VerifyAsync(string source, params DiagnosticResult[] expected) => AnalyzerTest.VerifyAsync<EndpointGuardAnalyzer>(source, expected);

    private static Task VerifyAppAsync(string program, params DiagnosticResult[] expected) =>
        AnalyzerTest.VerifyProjectAsync<EndpointGuardAnalyzer>(OutputKind.ConsoleApplication, [("Program.cs", program)], expected);

    /// <summary>An app of several files, compiled with <paramref name="defined"/> as its DefineConstants; a file's leading <c>#</c> lines come before the usings.</summary>
    private static Task VerifyFilesAsync(string[] defined, params (string Path, string Source)[] files)
    {
        var test = new CSharpAnalyzerTest<EndpointGuardAnalyzer, DefaultVerifier>();
        foreach (var (path, source) in files)
        {
            var lines = source.Split('\n');
            var directives = lines.TakeWhile(l => l.StartsWith('#')).ToArray();
            test.TestState.Sources.Add((path, string.Join('\n', directives) + (directives.Length > 0 ? "\n" : string.Empty) + AnalyzerTest.Usings + string.Join('\n', lines.Skip(directives.Length))));
        }

        test.TestState.OutputKind = OutputKind.ConsoleApplication;
        AnalyzerTest.Configure(test.TestState, test);
        test.SolutionTransforms.Add((solution, projectId) =>
            solution.WithProjectParseOptions(projectId, ((CSharpParseOptions)solution.GetProject(projectId)!.ParseOptions!).WithPreprocessorSymbols(defined)));
        return test.RunAsync();
    }

    public static TheoryData<int> HeldSeeds()
    {
        var data = new TheoryData<int>();
        for (var seed = 0; seed < 100; seed++)
        {
            data.Add(seed);
        }

        return data;
    }

    // 100 of the generated programs (1497 of 1500 tried) get the greatest fixed point; the three that do not are
    // GroupCycleFixedPointTests.Generated_cycles_of_methods_get_the_greatest_fixed_point.
    [Theory]
    [MemberData(nameof(HeldSeeds))]
    public Task Generated_cycles_of_methods_passing_groups_are_answered_as_their_fixed_point(int seed) => VerifyAsync(GeneratedCycles.Program(seed));

    [Fact]
    public Task Static_local_functions_calling_each_other_with_a_guarded_and_an_open_group_report_both() => VerifyAsync("""
        public static class Endpoints
        {
            public static void Map(WebApplication app)
            {
                A(app.MapGroup("/guarded").RequireAuthorization(), 3);
                B(app.MapGroup("/open"), 3);

                static void A(RouteGroupBuilder x, int d) { if (d == 0) return; x.MapGet("/a", () {|SAUTH0001:=>|} "a"); B(x.MapGroup("/a"), d - 1); }
                static void B(RouteGroupBuilder x, int d) { if (d == 0) return; x.MapGet("/b", () {|SAUTH0001:=>|} "b"); A(x.MapGroup("/b"), d - 1); }
            }
        }
        """);

    [Fact]
    public Task A_parameter_returned_after_it_was_reassigned_is_not_the_argument() => VerifyAppAsync("""
        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        app.MapGroup("/orders").MapOrders().RequireAuthorization();
        app.Run();

        static class OrderEndpoints
        {
            public static RouteGroupBuilder MapOrders(this RouteGroupBuilder group)
            {
                group.MapGet("/", () {|SAUTH0001:=>|} "orders");
                group = group.MapGroup("/v2");
                return group;
            }
        }
        """);

    [Fact]
    public Task A_generic_fluent_helper_returning_its_parameter_passes_the_guard_on() => VerifyAppAsync("""
        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        app.MapGroup("/orders").MapOrders().RequireAuthorization();
        app.Run();

        static class OrderEndpoints
        {
            public static T MapOrders<T>(this T group) where T : IEndpointRouteBuilder, IEndpointConventionBuilder
            {
                group.MapGet("/", () => "orders");
                return group;
            }
        }
        """);

    [Fact]
    public Task A_partial_fluent_helper_implemented_in_another_file_passes_the_guard_on() => VerifyFilesAsync([],
        ("Program.cs", """
        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        app.MapGroup("/orders").MapOrders().RequireAuthorization();
        app.Run();

        static partial class OrderEndpoints
        {
            public static partial RouteGroupBuilder MapOrders(this RouteGroupBuilder group);
        }
        """),
        ("Orders.cs", """
        static partial class OrderEndpoints
        {
            public static partial RouteGroupBuilder MapOrders(this RouteGroupBuilder group)
            {
                group.MapGet("/", () => "orders");
                return group;
            }
        }
        """));

    [Fact]
    public Task A_define_in_the_file_of_the_Conditional_method_does_not_keep_a_call_in_another_file() => VerifyFilesAsync([],
        ("Program.cs", """
        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        var group = app.MapGroup("/admin");
        Setup.Secure(group);
        group.MapGet("/x", () {|SAUTH0001:=>|} "open");
        app.Run();
        """),
        ("Setup.cs", """
        #define GUARDS
        static class Setup
        {
            [System.Diagnostics.Conditional("GUARDS")]
            public static void Secure(RouteGroupBuilder group) => group.RequireAuthorization();
        }
        """));

    [Fact]
    public Task An_undef_at_the_top_of_the_file_drops_a_symbol_DefineConstants_sets() => VerifyFilesAsync(["GUARDS"],
        ("Program.cs", """
        #undef GUARDS
        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        var group = app.MapGroup("/admin");
        Setup.Secure(group);
        group.MapGet("/x", () {|SAUTH0001:=>|} "open");
        app.Run();

        static class Setup
        {
            [System.Diagnostics.Conditional("GUARDS")]
            public static void Secure(RouteGroupBuilder group) => group.RequireAuthorization();
        }
        """));

    [Fact]
    public Task A_define_at_the_top_of_the_file_keeps_the_Conditional_call() => VerifyFilesAsync([],
        ("Program.cs", """
        #define GUARDS
        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        var group = app.MapGroup("/admin");
        Setup.Secure(group);
        group.MapGet("/x", () => "guarded");
        app.Run();

        static class Setup
        {
            [System.Diagnostics.Conditional("GUARDS")]
            public static void Secure(RouteGroupBuilder group) => group.RequireAuthorization();
        }
        """));

    [Fact]
    public Task A_Conditional_local_function_guard_is_compiled_away() => VerifyAsync("""
        public static class Endpoints
        {
            public static void Map(WebApplication app)
            {
                var group = app.MapGroup("/admin");
                Secure(group);
                group.MapGet("/x", () {|SAUTH0001:=>|} "open");

                [System.Diagnostics.Conditional("GUARDS")]
                static void Secure(RouteGroupBuilder g) => g.RequireAuthorization();
            }
        }
        """);

    [Fact]
    public Task A_call_of_an_override_of_a_Conditional_method_is_compiled_away_with_its_arguments() => VerifyAsync("""
        public class Checker { [System.Diagnostics.Conditional("CHECKS")] public virtual void Check(object o) { } }
        public sealed class StrictChecker : Checker { public override void Check(object o) { } }
        public static class Endpoints
        {
            public static void Map(WebApplication app)
            {
                var group = app.MapGroup("/admin");
                new StrictChecker().Check(group.RequireAuthorization());
                group.MapGet("/x", () {|SAUTH0001:=>|} "open");
            }
        }
        """);

    [Fact]
    public Task A_Conditional_symbol_given_by_a_constant_is_read_from_the_constant() => VerifyAsync("""
        public static class Symbols { public const string Guards = "GU" + "ARDS"; }
        public static class Endpoints
        {
            public static void Map(WebApplication app)
            {
                var group = app.MapGroup("/admin");
                Secure(group);
                group.MapGet("/x", () {|SAUTH0001:=>|} "open");
            }

            [System.Diagnostics.Conditional(Symbols.Guards)]
            private static void Secure(RouteGroupBuilder g) => g.RequireAuthorization();
        }
        """);

    [Fact]
    public Task A_Conditional_helper_inside_a_guard_helper_cycle_guards_nothing() => VerifyAsync("""
        public static class Endpoints
        {
            public static void Map(WebApplication app)
            {
                var a = app.MapGroup("/a");
                Secure(a);
                a.MapGet("/x", () {|SAUTH0001:=>|} "open");
            }

            private static void Secure(RouteGroupBuilder group)
            {
                SecureAgain(group);
                if (group.ToString() == "again")
                {
                    Secure(group);
                }
            }

            [System.Diagnostics.Conditional("GUARDS")]
            private static void SecureAgain(RouteGroupBuilder group) => group.RequireAuthorization();
        }
        """);

    [Fact]
    public Task An_AuthorizeFilter_added_to_an_MvcOptions_the_app_never_uses_does_not_count() => VerifyAppAsync("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddControllers();
        var detached = new MvcOptions();
        detached.Filters.Add(new Microsoft.AspNetCore.Mvc.Authorization.AuthorizeFilter());
        var app = builder.Build();
        app.MapControllers();
        app.Run();

        [Route("orders")]
        public class OrdersController : ControllerBase
        {
            [HttpGet]
            public string {|SAUTH0001:List|}() => "orders";
        }
        """);

    [Fact]
    public Task An_AuthorizeFilter_in_a_lambda_never_handed_to_a_registration_does_not_count() => VerifyAppAsync("""
        var builder = WebApplication.CreateBuilder(args);
        Action<MvcOptions> secure = o => o.Filters.Add(new Microsoft.AspNetCore.Mvc.Authorization.AuthorizeFilter());
        builder.Services.AddControllers();
        var app = builder.Build();
        app.MapControllers();
        app.Run();

        [Route("orders")]
        public class OrdersController : ControllerBase
        {
            [HttpGet]
            public string {|SAUTH0001:List|}() => "orders";
        }
        """);

    [Fact]
    public Task An_AuthorizeFilter_added_in_a_service_collection_extension_the_entry_point_calls_counts() => VerifyAppAsync("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddApi();
        var app = builder.Build();
        app.MapControllers();
        app.Run();

        static class ApiSetup
        {
            public static IServiceCollection AddApi(this IServiceCollection services)
            {
                services.AddControllers(o => o.Filters.Add(new Microsoft.AspNetCore.Mvc.Authorization.AuthorizeFilter()));
                return services;
            }
        }

        [Route("orders")]
        public class OrdersController : ControllerBase
        {
            [HttpGet]
            public string List() => "orders";
        }
        """);

    [Fact]
    public Task A_global_AuthorizeFilter_added_in_a_Startup_class_ConfigureServices_with_a_block_body_guards_the_actions() => VerifyAppAsync("""
        using Microsoft.AspNetCore.Hosting;
        using Microsoft.Extensions.Hosting;
        var host = Host.CreateDefaultBuilder(args).ConfigureWebHostDefaults(web => web.UseStartup<Startup>()).Build();
        host.Run();

        public class Startup
        {
            public void ConfigureServices(IServiceCollection services)
            {
                services.AddControllers(o => o.Filters.Add(new Microsoft.AspNetCore.Mvc.Authorization.AuthorizeFilter()));
            }

            public void Configure(IApplicationBuilder app)
            {
                app.UseRouting();
                app.UseAuthorization();
                app.UseEndpoints(e => e.MapControllers());
            }
        }

        [Route("orders")]
        public class OrdersController : ControllerBase
        {
            [HttpGet]
            public string List() => "orders";
        }
        """);

    [Theory]
    [InlineData("class OrdersModule { public OrdersModule(RouteGroupBuilder group) => group.MapGet(\"/\", () {|SAUTH0001:=>|} \"orders\"); public void Map() { } }")]
    [InlineData("class OrdersModule(RouteGroupBuilder group) { public void Map() => group.MapGet(\"/\", () {|SAUTH0001:=>|} \"orders\"); }")]
    [InlineData("class OrdersModule(RouteGroupBuilder group) { private readonly RouteGroupBuilder _group = group; public void Map() => _group.MapGet(\"/\", () {|SAUTH0001:=>|} \"orders\"); }")]
    public Task A_group_passed_to_a_constructor_open_by_one_call_is_reported(string module) => VerifyAppAsync($$"""
        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        new OrdersModule(app.MapGroup("/a").RequireAuthorization()).Map();
        new OrdersModule(app.MapGroup("/b")).Map();
        app.Run();

        {{module}}
        """);

    public static TheoryData<int> HelperSeeds()
    {
        var data = new TheoryData<int>();
        for (var seed = 0; seed < 100; seed++)
        {
            data.Add(seed);
        }

        return data;
    }

    // Guard helpers calling each other at random (600 programs tried, all right; 100 kept): each helper's body is a row
    // of calls of other helpers and guards, so a helper guards its group when it guards it itself or calls one that
    // does, the least fixed point (a guard reached only through a cycle never reached is not credited); the helpers and
    // the endpoints come in random order.
    [Theory]
    [MemberData(nameof(HelperSeeds))]
    public Task Generated_guard_helpers_calling_each_other_are_credited_as_their_least_fixed_point(int seed) => VerifyAsync(GeneratedCycles.GuardHelperProgram(seed));
}
