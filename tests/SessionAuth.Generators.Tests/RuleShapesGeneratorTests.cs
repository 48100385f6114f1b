using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SessionAuth.Generators.Tests;

/// <summary>
/// Review of issue 16 (rules in generated code): shapes the rule tests did not write. Each test states what the
/// generator must do; <see cref="GeneratorHarness.Run"/> fails when the generated code does not compile cleanly.
/// </summary>
public sealed class RuleShapesGeneratorTests
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

    /// <summary>The step no source without a server function runs (the harness asks each test to say so).</summary>
    private static readonly string[] NoServerFunctions = [TrackingNames.ServerFunctions];

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
            """ + Model, referenceRuntime: true, NoServerFunctions);
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
            """ + Model, referenceRuntime: true, NoServerFunctions);
    }

    /// <summary>
    /// A rule class marked <c>[Obsolete]</c> (kept for old callers, used nowhere here): the registration the generator
    /// writes must not raise CS0618 in generated code, which an app that treats warnings as errors cannot build past.
    /// Generated code already avoids an [Obsolete] TryParse for the same reason.
    /// </summary>
    [Theory]
    [InlineData("[Obsolete(\"Use Prefect.\")]")]
    [InlineData("[System.Diagnostics.CodeAnalysis.Experimental(\"HOGWARTS001\")]")]
    public void An_obsolete_or_experimental_rule_the_project_declares_raises_nothing_in_generated_code(string attribute)
    {
        GeneratorHarness.Run(Usings + "namespace Shop;\n\n" + attribute + """

            public sealed class OldPrefect : ISessionRule<UserSession>
            {
                public static bool Allows(UserSession user) => user.IsPrefect;
            }
            """ + Model, referenceRuntime: true, NoServerFunctions);
    }

    /// <summary>A file-local rule named on a server function in its file: mapped, or refused with a diagnostic, never generated code that does not compile.</summary>
    [Fact]
    public void A_file_local_rule_on_a_server_function_is_mapped_or_reported_without_breaking_the_build()
    {
        var (mapped, diagnostics) = GenerateAndAnalyze(Usings + """
            namespace Shop;

            file sealed class Local : ISessionRule<UserSession>
            {
                public static bool Allows(UserSession user) => user.IsPrefect;
            }

            public static class Staff
            {
                [ServerFunction, RequireSession<Local>]
                public static int Count() => 1;
            }
            """ + Model, out var compilerErrors);

        Assert.Empty(compilerErrors);
        Assert.True(
            mapped.Contains("\"Staff.Count\"", StringComparison.Ordinal) || diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error),
            "Staff.Count was neither mapped nor reported: " + string.Join("; ", diagnostics.Select(d => d.Id)));
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

    /// <summary>
    /// <c>[Authorize(Roles = "Admin")]</c> on a server function (or on the nested class around it) that an
    /// <c>[AllowAnonymous]</c> on an outer class opens: the role check is dropped at run time (CarriedAttributesHttpTests), while
    /// a <c>[RequireSession]</c> in the same place is kept. ASP.NET Core's ASP0026 warns of this on controllers; nothing
    /// warns of it on a server function, where it is the trap again.
    /// </summary>
    [Fact]
    public void Authorize_opened_by_an_outer_AllowAnonymous_is_reported()
    {
        var (_, diagnostics) = GenerateAndAnalyze(Usings + """
            namespace Shop;

            [AllowAnonymous]
            public static class Open
            {
                [Authorize(Roles = "Admin")]
                public static class Vault
                {
                    [ServerFunction]
                    public static string Secret() => "secret";
                }

                [ServerFunction, RequireSession, Authorize(Roles = "Admin")]
                public static string Payroll(UserSession user) => user.Name;
            }
            """ + Model);

        Assert.True(diagnostics.Count(d => d.Severity >= DiagnosticSeverity.Warning) >= 2, "Reported: " + string.Join("; ", diagnostics.Select(d => d.Id)));
    }

    /// <summary>Runs the generator, then every SessionAuth analyzer on the output; returns the generated text and the SAUTH diagnostics.</summary>
    private static (string Mapped, IReadOnlyList<Diagnostic> Diagnostics) GenerateAndAnalyze(string source) => GenerateAndAnalyze(source, out _);

    /// <summary>As above, with the compiler's errors in the generated files.</summary>
    private static (string Mapped, IReadOnlyList<Diagnostic> Diagnostics) GenerateAndAnalyze(string source, out IReadOnlyList<string> compilerErrors)
    {
        var compilation = GeneratorHarness.CreateCompilation(source);
        GeneratorHarness.CreateDriver().RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);
        var mapped = string.Concat(output.SyntaxTrees.Select(t => t.ToString()));
        compilerErrors = output.GetDiagnostics()
            .Where(d => d.Severity == DiagnosticSeverity.Error && d.Location.SourceTree?.FilePath.EndsWith(".g.cs", StringComparison.Ordinal) == true)
            .Select(d => $"{d.Id} {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)} in {d.Location.SourceTree?.FilePath}")
            .ToList();
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
