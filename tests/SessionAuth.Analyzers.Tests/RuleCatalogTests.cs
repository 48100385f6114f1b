using System.Collections.Immutable;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using SessionAuth.Generators.Analyzers;
using SessionAuth.Testing;

namespace SessionAuth.Analyzers.Tests;

/// <summary>
/// Every rule the analyzer assembly ships, checked against what is written about it (release tracking, its page, the
/// README's table) and against how the IDE will run it: a rule tagged CompilationEnd is build-only in the IDE
/// (dotnet/roslyn#47754, #48762), so only a rule that cannot be decided from one file may carry the tag.
/// </summary>
public sealed partial class RuleCatalogTests
{
    private static readonly ImmutableArray<DiagnosticAnalyzer> Analyzers = [.. typeof(SessionAuthAnalyzer).Assembly.GetTypes()
        .Where(t => !t.IsAbstract && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
        .OrderBy(t => t.Name, StringComparer.Ordinal)
        .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)];

    private static readonly ImmutableArray<DiagnosticDescriptor> Rules = [.. Analyzers
        .SelectMany(a => a.SupportedDiagnostics)
        .DistinctBy(d => d.Id)
        .OrderBy(d => d.Id, StringComparer.Ordinal)];

    [Fact]
    public void Each_id_has_one_descriptor_so_one_title_category_and_severity()
    {
        foreach (var group in Analyzers.SelectMany(a => a.SupportedDiagnostics).GroupBy(d => d.Id))
        {
            Assert.True(group.Distinct().Count() == 1, $"{group.Key} has more than one descriptor");
        }
    }

    [Fact]
    public void The_release_file_lists_every_rule_once_with_the_analyzers_that_report_it()
    {
        var rows = File.ReadAllLines(Path.Combine(RepositoryRoot.Path, "src", "Generator", "AnalyzerReleases.Unshipped.md"))
            .Where(line => line.StartsWith("SAUTH", StringComparison.Ordinal))
            .Select(line => line.Split('|').Select(cell => cell.Trim()).ToArray())
            .ToList();

        Assert.Equal(Rules.Select(r => r.Id), rows.Select(r => r[0]));
        foreach (var rule in Rules)
        {
            var row = rows.Single(r => r[0] == rule.Id);
            Assert.Equal(rule.Category, row[1]);
            Assert.Equal(rule.DefaultSeverity.ToString(), row[2]);
            var reporters = Analyzers.Where(a => a.SupportedDiagnostics.Contains(rule)).Select(a => a.GetType().Name).Order(StringComparer.Ordinal);
            var named = AnalyzerName().Matches(row[3]).Select(m => m.Value).Order(StringComparer.Ordinal);
            Assert.True(reporters.SequenceEqual(named), $"{rule.Id}: reported by {string.Join(", ", reporters)}, but the release file names {string.Join(", ", named)}");
            Assert.Contains($"[Documentation](../../docs/rules/{rule.Id}.md)", row[3], StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Every_rule_has_its_page_and_a_README_row_with_its_severity()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "README.md"));
        foreach (var rule in Rules)
        {
            var page = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "docs", "rules", rule.Id + ".md"));
            Assert.StartsWith($"# {rule.Id}: {rule.Title}\n", page, StringComparison.Ordinal);
            Assert.Contains($"| Category | {rule.Category} |", page, StringComparison.Ordinal);
            Assert.Contains($"| Severity | {rule.DefaultSeverity} |", page, StringComparison.Ordinal);
            Assert.Contains($"| [{rule.Id}](docs/rules/{rule.Id}.md) | {rule.DefaultSeverity.ToString().ToLowerInvariant()} |", readme, StringComparison.Ordinal);
            Assert.Equal(Descriptors.HelpLink(rule.Id), rule.HelpLinkUri);
        }
    }

    [Fact]
    public void Only_the_rules_that_need_the_whole_compilation_are_tagged_compilation_end() =>
        Assert.Equal(
            new[] { DiagnosticIds.MetadataGuardWithoutMiddleware, DiagnosticIds.ServerFunctionsShareRoute, DiagnosticIds.SessionDataTypeCount, DiagnosticIds.ReferencedFunctionsNotMapped },
            Rules.Where(r => r.CustomTags.Contains(WellKnownDiagnosticTags.CompilationEnd)).Select(r => r.Id));

    /// <summary>
    /// Analyses one open file the way the IDE does as you type (a semantic model, no compilation-end actions), then the
    /// whole compilation the way the build does: a diagnostic the open file shows must not be tagged CompilationEnd (the
    /// IDE would treat it as build-only), and one only the build shows must be.
    /// </summary>
    [Fact]
    public async Task Per_member_rules_show_while_the_file_is_edited_and_only_compilation_wide_ones_wait_for_the_build()
    {
        var tree = CSharpSyntaxTree.ParseText(AnalyzerTest.Usings + """
            [SessionData]
            public sealed class UserSession
            {
                private UserSession() { }
                public int UserId { get; private set; }
            }

            [SessionData]
            public sealed record AdminSession(int AdminId);

            [RequireSession]
            public static class Orders
            {
                [ServerFunction] private static int Hidden() => 1;
                [ServerFunction("/api/orders", Method = "GET")] public static int List() => 1;
                [ServerFunction("/api/orders", Method = "GET")] public static int All() => 2;
                [ServerFunction("/api/rules/a"), RequireSession<Marker>] public static int NoAllows() => 1;
                [ServerFunction("/api/rules/b"), RequireSession<OwnId>] public static int NoArgument(int id) => id;
                [ServerFunction("/api/rules/c"), RequireSession<OwnId>(Argument = "nope")] public static int NoSuchParameter(int id) => id;
                [RequireSession<OwnId>(Argument = "id")] private static int Helper(int id) => id;
            }

            public sealed class Marker : ISessionRule;

            public sealed class OwnId : ISessionRule<AdminSession, int>
            {
                public static bool Allows(AdminSession admin, int id) => admin.AdminId == id;
            }

            [AllowAnonymous]
            public static class Account
            {
                [ServerFunction] public static int Id(AdminSession admin) => admin.AdminId;
                [ServerFunction(Method = "GET")] public static Task Logout(Session session) => session.ClearAsync();
            }

            public static class Startup
            {
                public static void Configure(IServiceCollection services) => services.AddSessionAuth<AdminSession>(o =>
                {
                    o.Password = "short";
                    o.PreviousPasswords.Add("a-literal-long-enough-to-start-the-app-0123456789");
                    o.LoginPath = "https://evil.example/login";
                });
            }
            """, path: "Orders.cs");
        var compilation = CSharpCompilation.Create("Live", [tree], AnalyzerTest.References, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));

        var live = await compilation.WithAnalyzers(Analyzers).GetAnalyzerSemanticDiagnosticsAsync(compilation.GetSemanticModel(tree), filterSpan: null, CancellationToken.None);
        var build = await compilation.WithAnalyzers(Analyzers).GetAnalyzerDiagnosticsAsync(CancellationToken.None);

        Assert.DoesNotContain(build, d => d.Id == "AD0001");
        bool SeenLive(Diagnostic diagnostic) => live.Any(d => d.ToString() == diagnostic.ToString());
        string[] perMember =
        [
            DiagnosticIds.OpenRedirect, DiagnosticIds.ServerFunctionCannotBeBuilt, DiagnosticIds.SessionDataWithoutGuard, DiagnosticIds.PasswordLiteral,
            DiagnosticIds.SessionDataType, DiagnosticIds.SessionChangedOnGet, DiagnosticIds.PasswordTooShort,
            DiagnosticIds.SessionRuleCannotBeChecked, DiagnosticIds.SessionRuleArgumentMissingOrUnwanted, DiagnosticIds.SessionRuleArgumentUnreadable,
            DiagnosticIds.SessionRuleNeverChecked,
        ];
        Assert.Equal(perMember.Order(StringComparer.Ordinal), live.Select(d => d.Id).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(
            new[] { DiagnosticIds.ServerFunctionsShareRoute, DiagnosticIds.ServerFunctionsShareRoute, DiagnosticIds.SessionDataTypeCount, DiagnosticIds.SessionDataTypeCount },
            build.Where(d => !SeenLive(d)).Select(d => d.Id).Order(StringComparer.Ordinal));
        foreach (var diagnostic in build)
        {
            var seenLive = SeenLive(diagnostic);
            Assert.True(
                seenLive != diagnostic.Descriptor.CustomTags.Contains(WellKnownDiagnosticTags.CompilationEnd),
                $"{diagnostic.Id} at {diagnostic.Location.GetLineSpan()} is {(seenLive ? "shown as you type but tagged CompilationEnd, so the IDE treats it as build-only" : "shown only by the build but not tagged CompilationEnd")}");
        }
    }

    [Fact]
    public void Every_code_fix_fixes_a_rule_an_analyzer_reports()
    {
        var fixes = typeof(SessionAuth.CodeFixes.EndpointGuardCodeFixProvider).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && t.GetCustomAttribute<Microsoft.CodeAnalysis.CodeFixes.ExportCodeFixProviderAttribute>() is not null)
            .Select(t => (Microsoft.CodeAnalysis.CodeFixes.CodeFixProvider)Activator.CreateInstance(t)!)
            .ToList();

        Assert.NotEmpty(fixes);
        foreach (var fix in fixes)
        {
            Assert.All(fix.FixableDiagnosticIds, id => Assert.Contains(id, Rules.Select(r => r.Id)));
        }
    }

    /// <summary>A code fix names its rule by the shared constant (DiagnosticIds), never by a literal that can drift from it.</summary>
    [Fact]
    public void Code_fixes_name_rules_by_constant_not_by_literal()
    {
        var literals = Directory.EnumerateFiles(Path.Combine(RepositoryRoot.Path, "src", "CodeFixes"), "*.cs")
            .SelectMany(path => File.ReadLines(path).Select((line, index) => (Path.GetFileName(path), Line: index + 1, Text: line)))
            .Where(line => RuleIdLiteral().IsMatch(line.Text))
            .Select(line => $"{line.Item1}({line.Line}): {line.Text.Trim()}")
            .ToList();

        Assert.True(literals.Count == 0, "Use DiagnosticIds instead of:\n" + string.Join("\n", literals));
    }

    [GeneratedRegex("\"SAUTH\\d{4}\"")]
    private static partial Regex RuleIdLiteral();

    [GeneratedRegex(@"\b\w+Analyzer\b")]
    private static partial Regex AnalyzerName();
}
