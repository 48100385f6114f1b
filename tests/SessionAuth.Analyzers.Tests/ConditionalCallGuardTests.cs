using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using SessionAuth.Generators.Analyzers;

namespace SessionAuth.Analyzers.Tests;

/// <summary>
/// A call of a <c>[Conditional]</c> method is left out by the compiler where none of its symbols is defined, with its
/// arguments (<c>Debug.Assert</c> in a Release build): a guard inside it, or made by it, or a call it is chained on, is
/// not applied, in every place SAUTH0001 credits a guard from a call: builder flow, guard helpers, guarding loops, the
/// fallback policy, a global <c>AuthorizeFilter</c>.
/// </summary>
public sealed class ConditionalCallGuardTests
{
    private const string Helpers = """
            [System.Diagnostics.Conditional("GUARDS")]
            private static void Secure(RouteGroupBuilder group) => group.RequireAuthorization();

            [System.Diagnostics.Conditional("OTHER"), System.Diagnostics.Conditional("GUARDS")]
            private static void SecureEither(RouteGroupBuilder group) => group.RequireAuthorization();

            [System.Diagnostics.Conditional("GUARDS")]
            private static void Run(Action action) => action();
        }

        public static class RouteTracing
        {
            [System.Diagnostics.Conditional("TRACE_ROUTES")]
            public static void Trace(this RouteGroupBuilder group) { }
        }
        """;

    private static Task VerifyAsync(string source, string[] defined, params DiagnosticResult[] expected)
    {
        var test = new CSharpAnalyzerTest<EndpointGuardAnalyzer, DefaultVerifier> { TestCode = AnalyzerTest.Usings + source };
        AnalyzerTest.Configure(test.TestState, test);
        test.SolutionTransforms.Add((solution, projectId) =>
            solution.WithProjectParseOptions(projectId, ((CSharpParseOptions)solution.GetProject(projectId)!.ParseOptions!).WithPreprocessorSymbols(defined)));
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    private static Task VerifyAppAsync(string program, string[] defined, params DiagnosticResult[] expected)
    {
        var test = new CSharpAnalyzerTest<EndpointGuardAnalyzer, DefaultVerifier>();
        test.TestState.Sources.Add(("Program.cs", AnalyzerTest.Usings + program));
        test.TestState.OutputKind = OutputKind.ConsoleApplication;
        AnalyzerTest.Configure(test.TestState, test);
        test.SolutionTransforms.Add((solution, projectId) =>
            solution.WithProjectParseOptions(projectId, ((CSharpParseOptions)solution.GetProject(projectId)!.ParseOptions!).WithPreprocessorSymbols(defined)));
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    // Finding 1 (false silence): calls of a [Conditional] method are removed by the compiler when the symbol is not
    // defined (Debug.Assert in a Release build), yet the guard inside the call is credited.
    [Fact]
    public Task A_guard_inside_Debug_Assert_is_compiled_away_and_leaves_the_endpoint_open() => VerifyAsync("""
        public static class Endpoints
        {
            public static void Map(WebApplication app)
            {
                var group = app.MapGroup("/admin");
                System.Diagnostics.Debug.Assert(group.RequireAuthorization() is not null);
                group.MapGet("/x", () {|SAUTH0001:=>|} "open");
            }
        }
        """, []);

    // Finding 2 (false silence): the same through a guard helper of the project marked [Conditional].
    [Fact]
    public Task A_guard_helper_marked_Conditional_on_an_undefined_symbol_leaves_the_endpoint_open() => VerifyAsync("""
        public static class Endpoints
        {
            public static void Map(WebApplication app)
            {
                var group = app.MapGroup("/admin");
                Secure(group);
                group.MapGet("/x", () {|SAUTH0001:=>|} "open");
            }

            [System.Diagnostics.Conditional("GUARDS")]
            private static void Secure(RouteGroupBuilder group) => group.RequireAuthorization();
        }
        """, []);

    [Theory]
    [InlineData("System.Diagnostics.Debug.Assert(group.RequireAuthorization() is not null);", "", false)]
    [InlineData("System.Diagnostics.Debug.Assert(group.RequireAuthorization() is not null);", "DEBUG", true)]
    [InlineData("System.Diagnostics.Debug.Assert(group is null || group.RequireAuthorization() is not null);", "", false)]
    [InlineData("Secure(group);", "", false)]
    [InlineData("Secure(group);", "GUARDS", true)]
    [InlineData("SecureEither(group);", "", false)]
    [InlineData("SecureEither(group);", "GUARDS", true)]
    [InlineData("Run(() => group.RequireAuthorization());", "", false)]
    [InlineData("group.RequireAuthorization().Trace();", "", false)]
    [InlineData("group.RequireAuthorization().Trace();", "TRACE_ROUTES", true)]
    [InlineData("foreach (var each in new[] { group }) each.RequireAuthorization().Trace();", "", false)]
    [InlineData("foreach (var each in new[] { group }) each.RequireAuthorization().Trace();", "TRACE_ROUTES", true)]
    [InlineData("group.RequireAuthorization(); System.Diagnostics.Debug.Assert(group is not null);", "", true)]
    public Task A_guard_in_a_call_the_compiler_leaves_out_does_not_decide(string guard, string defined, bool decides) => VerifyAsync($$"""
        public static class Endpoints
        {
            public static void Map(WebApplication app)
            {
                var group = app.MapGroup("/admin");
                {{guard}}
                group.MapGet("/x", () {{(decides ? "=>" : "{|SAUTH0001:=>|}")}} "admin");
            }

        {{Helpers}}
        """, defined.Length == 0 ? [] : [defined]);

    [Theory]
    [InlineData("", false)]
    [InlineData("SECURE", true)]
    public Task A_fallback_policy_set_in_a_Conditional_setup_method_counts_only_where_its_call_is_compiled(string defined, bool decides) => VerifyAppAsync($$"""
        var builder = WebApplication.CreateBuilder(args);
        Setup.Secure(builder.Services);
        var app = builder.Build();
        app.MapGet("/x", () {{(decides ? "=>" : "{|SAUTH0001:=>|}")}} "x");
        app.Run();

        static class Setup
        {
            [System.Diagnostics.Conditional("SECURE")]
            public static void Secure(IServiceCollection services) => services.AddAuthorization(o => o.FallbackPolicy = o.DefaultPolicy);
        }
        """, defined.Length == 0 ? [] : [defined]);

    [Theory]
    [InlineData("", false)]
    [InlineData("DEBUG", true)]
    public Task A_fallback_policy_set_inside_Debug_Assert_counts_only_where_the_assert_is_compiled(string defined, bool decides) => VerifyAppAsync($$"""
        var builder = WebApplication.CreateBuilder(args);
        System.Diagnostics.Debug.Assert(builder.Services.AddAuthorizationBuilder().SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build()) is not null);
        var app = builder.Build();
        app.MapGet("/x", () {{(decides ? "=>" : "{|SAUTH0001:=>|}")}} "x");
        app.Run();
        """, defined.Length == 0 ? [] : [defined]);

    [Theory]
    [InlineData("", false)]
    [InlineData("SECURE", true)]
    public Task A_global_AuthorizeFilter_added_in_a_Conditional_setup_method_counts_only_where_its_call_is_compiled(string defined, bool decides) => VerifyAppAsync($$"""
        var builder = WebApplication.CreateBuilder(args);
        Setup.Mvc(builder.Services);
        var app = builder.Build();
        app.MapControllers();
        app.Run();

        static class Setup
        {
            [System.Diagnostics.Conditional("SECURE")]
            public static void Mvc(IServiceCollection services)
            {
                services.AddControllers(o => o.Filters.Add(new Microsoft.AspNetCore.Mvc.Authorization.AuthorizeFilter()));
            }
        }

        [Route("orders")]
        public class OrdersController : ControllerBase
        {
            [HttpGet]
            public string {{(decides ? "List" : "{|SAUTH0001:List|}")}}() => "orders";
        }
        """, defined.Length == 0 ? [] : [defined]);
}
