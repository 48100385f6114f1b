using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SessionAuth.Generators.Tests;

/// <summary>
/// Review of issue 16 (rules in generated code): shapes the rule tests did not write. Each test states what the
/// generator must do; <see cref="GeneratorHarness.Run"/> fails when the generated code does not compile cleanly.
/// </summary>
public sealed class Review16GeneratorTests
{
    private const string Usings = """
        using System;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Authorization;
        using Microsoft.AspNetCore.Mvc;
        using SessionAuth;

        """;

    private const string Model = """


        public enum House { Gryffindor, Slytherin }

        [SessionData]
        public sealed record UserSession(int UserId, string Name, House House, bool IsPrefect);

        public sealed class Prefect : ISessionRule<UserSession>
        {
            public static bool Allows(UserSession user) => user.IsPrefect;
        }

        """;

    /// <summary>
    /// A rule class declared <c>file</c> in the project, used nowhere: the registration the generator writes for every
    /// declared rule must not name a type another file cannot see (the project must still build).
    /// </summary>
    [Fact]
    public void A_file_local_rule_the_project_declares_does_not_break_the_build()
    {
        GeneratorHarness.Run(Usings + """
            namespace Shop;

            file sealed class Local : ISessionRule<UserSession>
            {
                public static bool Allows(UserSession user) => user.IsPrefect;
            }
            """ + Model);
    }

    /// <summary>
    /// A rule nested in a generic class, used nowhere: the registration must not name an open type parameter
    /// (<c>Outer&lt;T&gt;.Rule</c>), which does not compile.
    /// </summary>
    [Fact]
    public void A_rule_nested_in_a_generic_class_does_not_break_the_build()
    {
        GeneratorHarness.Run(Usings + """
            namespace Shop;

            public static class Outer<T>
            {
                public sealed class Rule : ISessionRule<UserSession>
                {
                    public static bool Allows(UserSession user) => user.IsPrefect;
                }
            }
            """ + Model);
    }

    /// <summary>
    /// An abstract rule class is a valid type argument and <c>TRule.Allows</c> is callable on it (the static members
    /// are implemented). A server function guarded by it must be mapped, or else an analyzer must say why it is not:
    /// a function that silently vanishes (no endpoint, no diagnostic) is neither.
    /// </summary>
    [Fact]
    public void A_server_function_guarded_by_an_abstract_rule_class_is_mapped_or_reported()
    {
        var (mapped, diagnostics) = GenerateAndAnalyze(Usings + """
            namespace Shop;

            public abstract class StaffRule : ISessionRule<UserSession>
            {
                public static bool Allows(UserSession user) => user.IsPrefect;
            }

            public static class Staff
            {
                [ServerFunction, RequireSession<StaffRule>]
                public static int Count() => 1;
            }
            """ + Model);

        Assert.True(
            mapped.Contains("\"Staff.Count\"", StringComparison.Ordinal) || diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error),
            "Staff.Count was neither mapped nor reported: " + string.Join("; ", diagnostics.Select(d => d.Id)));
    }

    /// <summary>
    /// A server function whose two-argument rule names a parameter that is not bound from the request
    /// (<c>[FromServices]</c>): the generator does not map it; an analyzer must then say why (SAUTH0015), since nothing
    /// else tells the author the endpoint is gone.
    /// </summary>
    [Fact]
    public void A_server_function_whose_rule_argument_is_a_service_is_mapped_or_reported()
    {
        var (mapped, diagnostics) = GenerateAndAnalyze(Usings + """
            namespace Shop;

            public interface IClock
            {
                DateTime Now { get; }
            }

            public sealed class DuringTerm : ISessionRule<UserSession, IClock>
            {
                public static bool Allows(UserSession user, IClock clock) => clock.Now.Month != 8;
            }

            public static class Staff
            {
                [ServerFunction, RequireSession<DuringTerm>(Argument = nameof(clock))]
                public static int Count([FromServices] IClock clock) => 1;
            }
            """ + Model);

        Assert.True(
            mapped.Contains("\"Staff.Count\"", StringComparison.Ordinal) || diagnostics.Any(d => d.Id == "SAUTH0015"),
            "Staff.Count was neither mapped nor reported: " + string.Join("; ", diagnostics.Select(d => d.Id)));
    }

    /// <summary>Runs the generator, then every SessionAuth analyzer on the output; returns the generated text and the SAUTH diagnostics.</summary>
    private static (string Mapped, IReadOnlyList<Diagnostic> Diagnostics) GenerateAndAnalyze(string source)
    {
        var compilation = GeneratorHarness.CreateCompilation(source);
        GeneratorHarness.CreateDriver().RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);
        var mapped = string.Concat(output.SyntaxTrees.Select(t => t.ToString()));
        var analyzers = typeof(ServerFunctionGenerator).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer).IsAssignableFrom(t))
            .Select(t => (Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToImmutableArray();
        var diagnostics = output.WithAnalyzers(analyzers).GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult()
            .Where(d => d.Id.StartsWith("SAUTH", StringComparison.Ordinal))
            .ToList();
        return (mapped, diagnostics);
    }
}
