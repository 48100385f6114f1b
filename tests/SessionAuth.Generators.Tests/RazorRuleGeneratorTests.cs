using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace SessionAuth.Generators.Tests;

/// <summary>
/// Rules named only in a <c>.razor</c> file's <c>@attribute</c>, which the Razor compiler (another generator, whose output
/// this one never sees) compiles: the generator reads the <c>.razor</c> files the Razor SDK passes as
/// <c>AdditionalFiles</c> (with their <c>TargetPath</c>, base64-encoded, and the project's <c>RootNamespace</c>) and binds
/// each attribute where the component is declared, so those rules are registered too.
/// </summary>
public sealed class RazorRuleGeneratorTests
{
    private const string Rules = """
        using SessionAuth;

        namespace Shop
        {
            public enum House { Gryffindor, Slytherin }

            [SessionData]
            public sealed record UserSession(int UserId, string Name, House House, bool IsPrefect);
        }

        namespace Shop.Rules
        {
            public sealed class Prefect : ISessionRule<global::Shop.UserSession>
            {
                public static bool Allows(global::Shop.UserSession user) => user.IsPrefect;
            }

            public sealed class Gryffindor : ISessionRule<global::Shop.UserSession>
            {
                public static bool Allows(global::Shop.UserSession user) => user.House == global::Shop.House.Gryffindor;
            }

            public sealed class Both<TFirst, TSecond> : ISessionRule<global::Shop.UserSession>
                where TFirst : ISessionRule<global::Shop.UserSession>
                where TSecond : ISessionRule<global::Shop.UserSession>
            {
                public static bool Allows(global::Shop.UserSession user) => TFirst.Allows(user) && TSecond.Allows(user);
            }

            public sealed class Either<TFirst, TSecond> : ISessionRule<global::Shop.UserSession>
                where TFirst : ISessionRule<global::Shop.UserSession>
                where TSecond : ISessionRule<global::Shop.UserSession>
            {
                public static bool Allows(global::Shop.UserSession user) => TFirst.Allows(user) || TSecond.Allows(user);
            }

            public sealed class ByName<TName> : ISessionRule<global::Shop.UserSession, string>
            {
                public static bool Allows(global::Shop.UserSession user, string name) => user.Name == name;
            }
        }

        namespace Shop.App.Pages
        {
            // Found by a component in Shop.App.Pages (or below) without a using.
            public sealed class Staff : SessionAuth.ISessionRule<global::Shop.UserSession>
            {
                public static bool Allows(global::Shop.UserSession user) => user.UserId < 10;
            }
        }
        """;

    public static TheoryData<string, string[], string> Cases => new()
    {
        // The file's own @using.
        {
            "Root.razor",
            ["Root.razor", "@page \"/root\"\n@using SessionAuth\n@using Shop.Rules\n@attribute [RequireSession<Both<Prefect, Gryffindor>>]\n<p>root</p>"],
            "Register<global::Shop.Rules.Both<global::Shop.Rules.Prefect, global::Shop.Rules.Gryffindor>, global::Shop.UserSession>();"
        },

        // The usings of every _Imports.razor above it, and the namespace Razor gives a component in Pages/Admin.
        {
            "Pages/Admin/Deep.razor",
            [
                "_Imports.razor", "@using SessionAuth",
                "Pages/_Imports.razor", "@using Shop.Rules",
                "Pages/Admin/Deep.razor", "@page \"/deep\"\n@attribute [RequireSession<Either<Staff, Prefect>>]",
            ],
            "Register<global::Shop.Rules.Either<global::Shop.App.Pages.Staff, global::Shop.Rules.Prefect>, global::Shop.UserSession>();"
        },

        // An _Imports.razor's @namespace, with the folders below it.
        {
            "Areas/Staff/List.razor",
            [
                "Areas/_Imports.razor", "@namespace Shop.App\n@using SessionAuth\n@using Shop.Rules",
                "Areas/Staff/List.razor", "@attribute [RequireSession<Both<Shop.App.Pages.Staff, Gryffindor>>]",
            ],
            "Register<global::Shop.Rules.Both<global::Shop.App.Pages.Staff, global::Shop.Rules.Gryffindor>, global::Shop.UserSession>();"
        },

        // Two components in one project (bound together), and markup's "@using (...)" block, which is no directive.
        {
            "Second.razor",
            [
                "First.razor", "@using SessionAuth\n@using Shop.Rules\n@attribute [RequireSession<Both<Prefect, Prefect>>]",
                "Second.razor", "@using SessionAuth\n@using Shop.Rules\n@attribute [RequireSession<Either<Gryffindor, Prefect>>]\n@using (System.IO.Stream.Null)\n{\n}",
            ],
            "Register<global::Shop.Rules.Either<global::Shop.Rules.Gryffindor, global::Shop.Rules.Prefect>, global::Shop.UserSession>();"
        },

        // A using alias, a two-argument rule with its Argument, and a second attribute in one list.
        {
            "Named.razor",
            ["Named.razor", "@using R = Shop.Rules\n@using SessionAuth\n@attribute [RequireSession<R.ByName<int>>(Argument = \"name\"), RequireSession<R.Both<R.Gryffindor, R.Gryffindor>>]"],
            "Register<global::Shop.Rules.ByName<int>, global::Shop.UserSession, string>("
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_rule_named_only_in_a_razor_attribute_is_registered(string page, string[] files, string expected)
    {
        var registrations = Registrations(files, out _);

        Assert.True(registrations.Contains(expected, StringComparison.Ordinal), $"{page}: expected {expected} in\n{registrations}");
    }

    [Fact]
    public void Razor_files_without_a_rule_register_nothing_and_their_steps_stay_cached_after_an_unrelated_edit()
    {
        var registrations = Registrations(["Plain.razor", "@page \"/plain\"\n@attribute [Microsoft.AspNetCore.Authorization.AllowAnonymous]\n<p>plain</p>"], out var run);

        Assert.DoesNotContain("Both<", registrations, StringComparison.Ordinal);
        Assert.All(
            new[] { TrackingNames.RazorFiles, TrackingNames.RazorSessionRules }.SelectMany(step => run.After.TrackedSteps[step]).SelectMany(step => step.Outputs),
            output => Assert.True(output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, output.Reason.ToString()));
    }

    [Fact]
    public void A_razor_rule_step_stays_unchanged_after_an_unrelated_edit()
    {
        Registrations(["Root.razor", "@using SessionAuth\n@using Shop.Rules\n@attribute [RequireSession<Both<Prefect, Gryffindor>>]"], out var run);

        Assert.All(
            run.After.TrackedSteps[TrackingNames.RazorSessionRules].SelectMany(step => step.Outputs),
            output => Assert.True(output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, output.Reason.ToString()));
    }

    /// <summary>Runs the generator over <see cref="Rules"/> and the .razor files (path, text pairs); returns the registrations file, checked to compile cleanly.</summary>
    private static string Registrations(string[] files, out (GeneratorRunResult Before, GeneratorRunResult After) run)
    {
        var texts = Enumerable.Range(0, files.Length / 2).Select(i => new RazorText("/src/Shop.App/" + files[2 * i], files[(2 * i) + 1])).ToImmutableArray<AdditionalText>();
        var options = new Options(texts.ToDictionary(static t => t.Path, static t => Convert.ToBase64String(Encoding.UTF8.GetBytes(t.Path["/src/Shop.App/".Length..]))));
        var compilation = GeneratorHarness.CreateCompilation(Rules);
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            [new ServerFunctionGenerator().AsSourceGenerator()],
            texts,
            GeneratorHarness.ParseOptions,
            options,
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        Assert.Empty(diagnostics);
        Assert.Empty(output.GetDiagnostics().Where(static d => d.Severity >= DiagnosticSeverity.Warning));
        var before = driver.GetRunResult().Results.Single();
        var after = driver.RunGenerators(compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace Unrelated { internal static class Edit { } }", GeneratorHarness.ParseOptions)))
            .GetRunResult().Results.Single();
        run = (before, after);
        return output.SyntaxTrees.SingleOrDefault(static t => t.FilePath.EndsWith("SessionRules.Registrations.g.cs", StringComparison.Ordinal))?.ToString() ?? string.Empty;
    }

    private sealed class RazorText(string path, string text) : AdditionalText
    {
        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(text, Encoding.UTF8);
    }

    /// <summary>What the Razor SDK passes: <c>RootNamespace</c>, and each .razor file's <c>TargetPath</c> in base64.</summary>
    private sealed class Options(Dictionary<string, string> targetPaths) : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions { get; } = new Values(new() { ["build_property.RootNamespace"] = "Shop.App" });

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Values.Empty;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) =>
            targetPaths.TryGetValue(textFile.Path, out var target) ? new Values(new() { ["build_metadata.AdditionalFiles.TargetPath"] = target }) : Values.Empty;
    }

    private sealed class Values(Dictionary<string, string> values) : AnalyzerConfigOptions
    {
        public static readonly Values Empty = new([]);

        // [NotNullWhen] is declared twice here (the generator's polyfill, whose internals the tests see, and the BCL's).
#pragma warning disable CS8765
        public override bool TryGetValue(string key, out string? value) => values.TryGetValue(key, out value);
#pragma warning restore CS8765
    }
}
