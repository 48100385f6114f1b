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
/// path to the end, directly or through other helpers, however many; a guard on some paths only is kept apart, so that
/// the rule says the guard is conditional. A helper reached again while its own body is read (recursion) guards nothing
/// at that call: a guard applied only through a recursive call is not credited. Only a method whose body is the one that runs is a
/// helper: not an abstract, virtual or override method (another body may run), not a local function or lambda (analysed
/// with the body around them). Each method is read once per compilation.
/// </remarks>
internal sealed class GuardHelpers(Compilation compilation, AnalyzerSymbols symbols)
{
    private readonly ConcurrentDictionary<IMethodSymbol, Summary?> _summaries = new(SymbolEqualityComparer.Default);

    /// <summary>What a call of <paramref name="method"/> (a definition) does to the builders passed to it; null when it guards none.</summary>
    public Summary? Of(IMethodSymbol method, CancellationToken cancellationToken) => Of(method, new Reading(), cancellationToken);

    private Summary? Of(IMethodSymbol method, Reading reading, CancellationToken cancellationToken)
    {
        if (method.MethodKind != MethodKind.Ordinary || method.IsAbstract || method.IsVirtual || method.IsOverride || method.IsExtern)
        {
            return null;
        }

        if (_summaries.TryGetValue(method, out var known) || reading.Provisional.TryGetValue(method, out known))
        {
            return known;
        }

        if (reading.Open.TryGetValue(method, out var open))
        {
            reading.LowestOpenCalled = Math.Min(reading.LowestOpenCalled, open);
            return null;
        }

        var index = reading.Open.Count;
        reading.Open[method] = index;
        var outer = reading.LowestOpenCalled;
        reading.LowestOpenCalled = int.MaxValue;
        var summary = Compute(method.PartialImplementationPart ?? method, reading, cancellationToken);
        reading.Open.Remove(method);
        var called = reading.LowestOpenCalled;
        reading.LowestOpenCalled = Math.Min(outer, called >= index ? int.MaxValue : called);

        // Read while a helper it calls was still open (mutual recursion), the summary lacks that helper's guards: it
        // serves the rest of this reading, and is read again from scratch for another.
        if (called < index)
        {
            reading.Provisional[method] = summary;
            return summary;
        }

        return _summaries.GetOrAdd(method, summary);
    }

    private Summary? Compute(IMethodSymbol method, Reading reading, CancellationToken cancellationToken)
    {
        if (!method.Parameters.Any(p => IsBuilder(p.Type)) || method.DeclaringSyntaxReferences.Length != 1
            || method.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is not BaseMethodDeclarationSyntax declaration
            || compilation.GetSemanticModel(declaration.SyntaxTree).GetOperation(declaration, cancellationToken) is not IMethodBodyOperation body)
        {
            return null;
        }

        var flow = BuilderFlow.Analyze(ControlFlowGraph.Create(body, cancellationToken), method, symbols, m => Of(m, reading, cancellationToken), cancellationToken);
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

    /// <summary>The helpers whose bodies are being read, by depth, and the shallowest of them a body read since calls.</summary>
    private sealed class Reading
    {
        public Dictionary<IMethodSymbol, int> Open { get; } = new(SymbolEqualityComparer.Default);

        public Dictionary<IMethodSymbol, Summary?> Provisional { get; } = new(SymbolEqualityComparer.Default);

        public int LowestOpenCalled { get; set; } = int.MaxValue;
    }

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
