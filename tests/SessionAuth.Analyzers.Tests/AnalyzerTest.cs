using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using SessionAuth.Generators.Analyzers;
using SessionAuth.Testing;

namespace SessionAuth.Analyzers.Tests;

/// <summary>
/// Runs an analyzer over markup (<c>{|SAUTH0001:Handler|}</c>) against this process's own framework, ASP.NET Core
/// included, and the SessionAuth runtime; no reference assemblies are downloaded.
/// </summary>
internal static class AnalyzerTest
{
    public const string Usings = """
        using System;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Authorization;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.AspNetCore.Routing;
        using Microsoft.Extensions.DependencyInjection;
        using SessionAuth;

        """;

    public static readonly ImmutableArray<MetadataReference> References =
        FrameworkReferences.All.Add(MetadataReference.CreateFromFile(typeof(ServerFunctionAttribute).Assembly.Location));

    public static Task VerifyAsync<TAnalyzer>(string source, params DiagnosticResult[] expected)
        where TAnalyzer : DiagnosticAnalyzer, new() =>
        VerifyAsync<TAnalyzer>(source, [], expected);

    /// <summary>Runs an analyzer over markup in a project that also references <paramref name="references"/>.</summary>
    public static Task VerifyAsync<TAnalyzer>(string source, MetadataReference[] references, params DiagnosticResult[] expected)
        where TAnalyzer : DiagnosticAnalyzer, new()
    {
        var test = new CSharpAnalyzerTest<TAnalyzer, DefaultVerifier> { TestCode = Usings + source };
        Configure(test.TestState, test);
        test.TestState.AdditionalReferences.AddRange(references);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    /// <summary>
    /// Runs an analyzer over several files compiled as <paramref name="outputKind"/> (an app's Program.cs with top-level
    /// statements needs an executable); every file starts with <see cref="Usings"/>, and a file named <c>*.g.cs</c> is
    /// generated code, as the Razor generator's output is.
    /// </summary>
    public static Task VerifyProjectAsync<TAnalyzer>(OutputKind outputKind, (string Path, string Source)[] files, params DiagnosticResult[] expected)
        where TAnalyzer : DiagnosticAnalyzer, new()
    {
        var test = new CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>();
        foreach (var (path, source) in files)
        {
            test.TestState.Sources.Add((path, Usings + source));
        }

        test.TestState.OutputKind = outputKind;
        Configure(test.TestState, test);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    /// <summary>Applies the code fix titled <paramref name="title"/> to <paramref name="source"/>, compiled as <paramref name="outputKind"/>, and expects <paramref name="fixedSource"/>; <paramref name="expected"/> lists diagnostics markup cannot say (additional locations).</summary>
    public static Task VerifyFixAsync<TAnalyzer, TCodeFix>(string source, string fixedSource, string title, OutputKind outputKind = OutputKind.DynamicallyLinkedLibrary, params DiagnosticResult[] expected)
        where TAnalyzer : DiagnosticAnalyzer, new()
        where TCodeFix : CodeFixProvider, new()
    {
        var test = new CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
        {
            TestCode = source,
            FixedCode = fixedSource,
            CodeActionEquivalenceKey = title,
        };

        // A diagnostic reported at compilation end is non-local: the IDE's light bulb does not ask fixes for it
        // (dotnet/roslyn#51653), so the test framework refuses such fixes unless told. Command-line fixing (dotnet format)
        // still applies them, and the edit itself is what these tests check.
        if (expected.Any(e => e.Id == DiagnosticIds.MetadataGuardWithoutMiddleware))
        {
            test.CodeFixTestBehaviors |= CodeFixTestBehaviors.SkipLocalDiagnosticCheck;
        }
        test.TestState.OutputKind = outputKind;
        test.FixedState.OutputKind = outputKind;
        test.ExpectedDiagnostics.AddRange(expected);
        Configure(test.TestState, test);
        Configure(test.FixedState, test);
        return test.RunAsync();
    }

    /// <summary>A referenced project as the build sees it: <paramref name="source"/> (after <see cref="Usings"/>) compiled to metadata.</summary>
    public static PortableExecutableReference Library(string name, string source)
    {
        var compilation = CSharpCompilation.Create(
            name,
            [CSharpSyntaxTree.ParseText(Usings + source, new CSharpParseOptions(LanguageVersion.Preview))],
            References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        return MetadataReference.CreateFromImage(image.ToArray());
    }

    /// <summary>References this process's framework and the runtime instead of downloading reference assemblies.</summary>
    public static void Configure(SolutionState state, AnalyzerTest<DefaultVerifier> test)
    {
        test.ReferenceAssemblies = new ReferenceAssemblies("net10.0");
        state.AdditionalReferences.AddRange(References);

        // Some cases declare unsafe methods (a pointer parameter the generator must refuse).
        test.SolutionTransforms.Add(static (solution, projectId) =>
            solution.WithProjectCompilationOptions(projectId, ((CSharpCompilationOptions)solution.GetProject(projectId)!.CompilationOptions!).WithAllowUnsafe(true)));
    }
}
