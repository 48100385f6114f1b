using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using SessionAuth.Generators.Parsing;

namespace SessionAuth.Generators.Analyzers;

/// <summary>
/// SAUTH0003 for a <c>[ServerFunction]</c> written in a Razor component's <c>@code</c> block (or a Razor page's
/// <c>@functions</c>). The Razor SDK compiles a component with a source generator of its own, whose output no other
/// generator sees: SessionAuth's generator never maps the function, and <see cref="ServerFunctionAnalyzer"/>, which skips
/// generated code, never explains why. This analyzer looks at generated code for that one check: a server function
/// whose every declaration the compiler maps (<c>#line</c>) to a <c>.razor</c> or <c>.cshtml</c> file and that no file
/// of SessionAuth's generator calls (a project that compiles Razor without the source generator hands the generated
/// C# to every generator, which then maps the function).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class RazorServerFunctionAnalyzer : SessionAuthAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptors.ServerFunctionCannotBeBuilt];

    /// <inheritdoc/>
    private protected override GeneratedCodeAnalysisFlags GeneratedCodeAnalysis => GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics;

    /// <inheritdoc/>
    private protected override void OnCompilationStart(CompilationStartAnalysisContext context, AnalyzerSymbols symbols)
    {
        if (symbols.ServerFunction is null)
        {
            return;
        }

        context.RegisterSymbolAction(c => Analyze(c, symbols), SymbolKind.Method);
    }

    private static void Analyze(SymbolAnalysisContext context, AnalyzerSymbols symbols)
    {
        var method = (IMethodSymbol)context.Symbol;
        if (method.PartialDefinitionPart is not null
            || method.DeclaringSyntaxReferences.Length == 0
            || !symbols.IsServerFunction(method, out _)
            || RazorFileOf(method, context.CancellationToken) is not { } razorFile
            || IsMapped(method, context.Compilation, context.CancellationToken))
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.ServerFunctionCannotBeBuilt,
            method.Locations[0],
            FunctionNames.Of(method),
            $"it is declared in the Razor file {FileName(razorFile)}, whose C# the Razor SDK generates where SessionAuth's generator cannot see it; move it to a class in a .cs file"));
    }

    /// <summary>The <c>.razor</c>/<c>.cshtml</c> file every declaration of <paramref name="method"/> maps to, or null.</summary>
    private static string? RazorFileOf(IMethodSymbol method, CancellationToken cancellationToken)
    {
        string? file = null;
        foreach (var reference in method.DeclaringSyntaxReferences)
        {
            var path = reference.GetSyntax(cancellationToken).GetLocation().GetMappedLineSpan().Path;
            if (!path.EndsWith(".razor", StringComparison.OrdinalIgnoreCase) && !path.EndsWith(".cshtml", StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }

            file ??= path;
        }

        return file;
    }

    /// <summary>
    /// Whether a file SessionAuth's generator wrote calls <paramref name="method"/>, as it calls every function it maps (a
    /// static one by its full name, an instance one on its target): then it saw the function. Bound, not read as text, so
    /// that both forms count; only files that hold the method's name are bound.
    /// </summary>
    private static bool IsMapped(IMethodSymbol method, Compilation compilation, CancellationToken cancellationToken)
    {
        foreach (var tree in compilation.SyntaxTrees.Where(ReservedNames.IsOwnOutput))
        {
            var root = tree.GetRoot(cancellationToken);
            var names = root.DescendantNodes().OfType<SimpleNameSyntax>().Where(name => name.Identifier.ValueText == method.Name).ToList();
            if (names.Count == 0)
            {
                continue;
            }

            // RS1030 asks analyzers to take the semantic models the driver shares; a symbol action has none to take, and this
            // binds only SessionAuth's own generated files that name the method, for functions declared in Razor (rare).
#pragma warning disable RS1030
            var model = compilation.GetSemanticModel(tree);
#pragma warning restore RS1030
            if (names.Any(name => SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(name, cancellationToken).Symbol?.OriginalDefinition, method.OriginalDefinition)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The file's name without its folders; by hand, as <c>Path</c> throws on characters some hosts allow in a path.</summary>
    private static string FileName(string path) => path.Substring(path.LastIndexOfAny(['/', '\\']) + 1);
}
