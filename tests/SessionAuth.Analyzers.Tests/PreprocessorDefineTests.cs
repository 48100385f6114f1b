using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using SessionAuth.Generators.Analyzers;

namespace SessionAuth.Analyzers.Tests;

/// <summary>
/// A <c>[Conditional("GUARDS")]</c> guard helper's call is kept only where GUARDS is defined: by an active <c>#define</c>
/// (one in a branch the preprocessor takes), not undone by an active <c>#undef</c> after it. A directive in a skipped
/// branch (<c>#if NEVER</c>, the <c>#else</c> of a taken <c>#if</c>, an inner <c>#if</c> that is skipped) does nothing.
/// No symbol is defined by the parse options here.
/// </summary>
public sealed class PreprocessorDefineTests
{
    private static Task VerifyAsync(string directives, bool kept)
    {
        var test = new CSharpAnalyzerTest<EndpointGuardAnalyzer, DefaultVerifier>();
        test.TestState.Sources.Add(("Program.cs", directives.Replace("|", "\n") + "\n" + AnalyzerTest.Usings + $$"""
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            var group = app.MapGroup("/admin");
            Setup.Secure(group);
            group.MapGet("/x", () {{(kept ? "=>" : "{|SAUTH0001:=>|}")}} "x");
            app.Run();

            static class Setup
            {
                [System.Diagnostics.Conditional("GUARDS")]
                public static void Secure(RouteGroupBuilder group) => group.RequireAuthorization();
            }
            """));
        test.TestState.OutputKind = OutputKind.ConsoleApplication;
        AnalyzerTest.Configure(test.TestState, test);
        test.SolutionTransforms.Add((solution, projectId) =>
            solution.WithProjectParseOptions(projectId, ((CSharpParseOptions)solution.GetProject(projectId)!.ParseOptions!).WithPreprocessorSymbols()));
        return test.RunAsync();
    }

    // Directives, one a line ("|" between lines), and whether the guard helper's call is kept.
    [Theory]
    [InlineData("#define GUARDS", true)]
    [InlineData("", false)]
    [InlineData("#if NEVER|#define GUARDS|#endif", false)]
    [InlineData("#if !NEVER|#define GUARDS|#endif", true)]
    [InlineData("#if NEVER|#else|#define GUARDS|#endif", true)]
    [InlineData("#if !NEVER|#else|#define GUARDS|#endif", false)]
    [InlineData("#if NEVER|#elif !NEVER|#define GUARDS|#endif", true)]
    [InlineData("#if !NEVER|#elif !NEVER|#define GUARDS|#endif", false)]
    [InlineData("#define GUARDS|#undef GUARDS", false)]
    [InlineData("#define GUARDS|#if NEVER|#undef GUARDS|#endif", true)]
    [InlineData("#define GUARDS|#if !NEVER|#undef GUARDS|#endif", false)]
    [InlineData("#undef GUARDS|#define GUARDS", true)]
    [InlineData("#if !NEVER|#if NEVER|#define GUARDS|#endif|#endif", false)]
    [InlineData("#if !NEVER|#if !OTHER|#define GUARDS|#endif|#endif", true)]
    [InlineData("#if NEVER|#if !OTHER|#define GUARDS|#endif|#endif", false)]
    public Task Only_active_define_and_undef_directives_decide_whether_a_Conditional_call_is_kept(string directives, bool kept) => VerifyAsync(directives, kept);

    /// <summary>An app's Program.cs whose leading <c>#</c> lines (preprocessor directives) come before the usings, as they must.</summary>
    private static Task VerifyAppWithDirectivesAsync(string program)
    {
        var lines = program.Split('\n');
        var directives = lines.TakeWhile(l => l.StartsWith('#')).ToArray();
        var test = new CSharpAnalyzerTest<EndpointGuardAnalyzer, DefaultVerifier>();
        test.TestState.Sources.Add(("Program.cs", string.Join('\n', directives) + "\n" + AnalyzerTest.Usings + string.Join('\n', lines.Skip(directives.Length))));
        test.TestState.OutputKind = OutputKind.ConsoleApplication;
        AnalyzerTest.Configure(test.TestState, test);
        test.SolutionTransforms.Add((solution, projectId) =>
            solution.WithProjectParseOptions(projectId, ((CSharpParseOptions)solution.GetProject(projectId)!.ParseOptions!).WithPreprocessorSymbols()));
        return test.RunAsync();
    }

    // Finding 4 (false silence, high): ConditionalCompilation.AnyDefined reads every #define and #undef above the call,
    // active or not: a #define in a branch the preprocessor skips (#if NEVER, the #else of a taken #if) is taken as
    // defined, so the [Conditional("GUARDS")] guard helper is credited although the compiler leaves its call out.
    [Fact]
    public Task A_define_in_a_skipped_preprocessor_branch_does_not_keep_a_Conditional_call() => VerifyAppWithDirectivesAsync("""
        #if NEVER
        #define GUARDS
        #endif
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
        """);
}
