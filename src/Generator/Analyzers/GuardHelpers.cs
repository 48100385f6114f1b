using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace SessionAuth.Generators.Analyzers;

/// <summary>
/// Guard helpers written in the project (<c>.RequireAdmin()</c> wrapping <c>RequireAuthorization("admin")</c>, a
/// <c>Secure(group)</c>): which builder parameters a method of the compilation guards, read from its body's flow, so that
/// a call of it guards the builders it is passed.
/// </summary>
/// <remarks>
/// A parameter counts when the body applies a guard the framework honours (<see cref="GuardConventions"/>) to it on every
/// path to the end, directly or through another helper, up to <see cref="MaxDepth"/> helpers deep; a guard on some paths
/// only is kept apart, so that the rule says the guard is conditional. Only a method whose body is the one that runs is a
/// helper: not an abstract, virtual or override method (another body may run), not a local function or lambda (analysed
/// with the body around them). Each method is read once per compilation.
/// </remarks>
internal sealed class GuardHelpers(Compilation compilation, AnalyzerSymbols symbols)
{
    // A helper calling a helper is common; a chain this deep is not, and past it a helper is not credited (the rule fires).
    private const int MaxDepth = 4;

    private readonly ConcurrentDictionary<IMethodSymbol, Summary?> _summaries = new(SymbolEqualityComparer.Default);

    /// <summary>What a call of <paramref name="method"/> (a definition) does to the builders passed to it; null when it guards none.</summary>
    public Summary? Of(IMethodSymbol method, CancellationToken cancellationToken) => Of(method, 0, cancellationToken);

    private Summary? Of(IMethodSymbol method, int depth, CancellationToken cancellationToken)
    {
        if (depth > MaxDepth || method.MethodKind != MethodKind.Ordinary || method.IsAbstract || method.IsVirtual || method.IsOverride || method.IsExtern)
        {
            return null;
        }

        if (_summaries.TryGetValue(method, out var known))
        {
            return known;
        }

        var summary = Compute(method.PartialImplementationPart ?? method, depth, cancellationToken);
        return _summaries.GetOrAdd(method, summary);
    }

    private Summary? Compute(IMethodSymbol method, int depth, CancellationToken cancellationToken)
    {
        if (!method.Parameters.Any(p => IsBuilder(p.Type)) || method.DeclaringSyntaxReferences.Length != 1
            || method.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is not BaseMethodDeclarationSyntax declaration
            || compilation.GetSemanticModel(declaration.SyntaxTree).GetOperation(declaration, cancellationToken) is not IMethodBodyOperation body)
        {
            return null;
        }

        var flow = BuilderFlow.Analyze(ControlFlowGraph.Create(body, cancellationToken), method, symbols, m => Of(m, depth + 1, cancellationToken), cancellationToken);
        var parameters = new Dictionary<int, ParameterGuard>();
        foreach (var parameter in method.Parameters)
        {
            if (IsBuilder(parameter.Type) && flow.GuardOf(parameter) is { Somewhere: true } guard)
            {
                parameters[parameter.Ordinal] = guard;
            }
        }

        return parameters.Count == 0 ? null : new Summary(parameters);
    }

    private bool IsBuilder(ITypeSymbol type) => BuilderFlow.IsBuilder(type, symbols);

    /// <summary>The guards a helper applies, by parameter ordinal.</summary>
    internal sealed class Summary(Dictionary<int, ParameterGuard> parameters)
    {
        public IReadOnlyDictionary<int, ParameterGuard> Parameters { get; } = parameters;
    }

    /// <summary>
    /// A guard on a parameter: on every path (<see cref="Always"/>, requiring a session when <see cref="AlwaysSession"/>),
    /// or on some (<see cref="Somewhere"/>); <see cref="MayAllowAnonymous"/> when an <c>IAllowAnonymous</c> may reach it,
    /// which undoes a session requirement.
    /// </summary>
    internal readonly record struct ParameterGuard(bool Always, bool AlwaysSession, bool Somewhere, bool MayAllowAnonymous);
}
