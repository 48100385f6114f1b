using Microsoft.CodeAnalysis.Diagnostics;

namespace SessionAuth.Generators.Analyzers;

/// <summary>
/// What every SessionAuth analyzer does the same way: runs concurrently, skips generated code unless it says otherwise,
/// resolves its symbols once per compilation, and stays silent in compilations that do not reference SessionAuth.
/// </summary>
public abstract class SessionAuthAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public sealed override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysis);
        context.RegisterCompilationStartAction(start =>
        {
            var symbols = AnalyzerSymbols.Create(start.Compilation);
            if (symbols.Known.IsComplete)
            {
                OnCompilationStart(start, symbols);
            }
        });
    }

    /// <summary>Whether the analyzer sees generated code; none by default.</summary>
    private protected virtual GeneratedCodeAnalysisFlags GeneratedCodeAnalysis => GeneratedCodeAnalysisFlags.None;

    /// <summary>Registers the analyzer's actions for one compilation that references SessionAuth.</summary>
    /// <param name="context">The compilation-start context.</param>
    /// <param name="symbols">The compilation's symbols, resolved once.</param>
    private protected abstract void OnCompilationStart(CompilationStartAnalysisContext context, AnalyzerSymbols symbols);
}
