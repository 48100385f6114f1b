using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace SessionAuth.Generators.Analyzers;

/// <summary>
/// Guard helpers written in the project (<c>.RequireAdmin()</c> wrapping <c>RequireAuthorization("admin")</c>, a
/// <c>Secure(group)</c>): which builder parameters a method of the compilation guards, read from its body's flow, so that
/// a call of it guards the builders it is passed; and which parameter it returns as it was given on every path (a
/// <c>MapOrders(this RouteGroupBuilder group)</c> that maps on the group and returns it), so that a call of it is that
/// argument and a guard on its result guards the argument.
/// </summary>
/// <remarks>
/// A parameter counts when the body applies a guard the framework honours (<see cref="GuardConventions"/>) to it on every
/// path to the end, directly or through other helpers, however many; a guard on some paths only is kept apart, so that
/// the rule says the guard is conditional. Only a method whose body is the one that runs is a helper: not an abstract,
/// virtual or override method (another body may run), not a lambda (a delegate may run any body); a local function is
/// one, its graph taken from its enclosing body's. Helpers that call each other (recursion) are read together, as the strongly connected components of the call
/// graph are found: a helper met again while its own body is read first guards nothing at that call and may return any
/// builder parameter it could (<see cref="Assumption"/>), then the bodies of the cycle are read again with what the others
/// were found to do, until nothing changes (for guards the least fixed point: a guard reached only through a recursive
/// call that never ends is not credited; for the returned parameter the greatest). Each method's summary is computed once per
/// compilation, and its body read a bounded number of times.
/// </remarks>
internal sealed class GuardHelpers(Compilation compilation, AnalyzerSymbols symbols)
{
    private readonly ConcurrentDictionary<IMethodSymbol, Summary?> _summaries = new(SymbolEqualityComparer.Default);

    /// <summary>How many times one question may start again deeper in a helper chain before the chain is taken as too deep to follow.</summary>
    private const int MaxRestarts = 16;

    private readonly ConcurrentDictionary<IMethodSymbol, bool> _tooDeep = new(SymbolEqualityComparer.Default);

    /// <summary>What a call of <paramref name="method"/> (a definition) does to the builders passed to it; null when it does nothing the flow uses.</summary>
    /// <remarks>
    /// A chain of helpers is read one body inside the other, so a chain deeper than the thread's stack holds (a thousand
    /// helpers each calling the next) would overflow it and crash the compiler. Where the stack runs short the reading
    /// stops and starts again from here, with the helper it stopped at: that helper's summary is then known when the
    /// first is read again, so a chain of any length is read in pieces, each as deep as the stack allows. A chain that
    /// still does not fit (a cycle of helpers longer than the stack holds, whose summaries are settled together) is too
    /// deep to follow: its helpers are remembered, and a question that reaches one ends with
    /// <see cref="InsufficientExecutionStackException"/>, which the rule reports as a chain too deep to follow.
    /// </remarks>
    public Summary? Of(IMethodSymbol method, CancellationToken cancellationToken)
    {
        var pending = new Stack<IMethodSymbol>();
        pending.Push(method);
        var open = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
        for (var restarts = 0; ; restarts++)
        {
            var next = pending.Peek();
            try
            {
                var summary = Of(next, new Reading(), cancellationToken);
                pending.Pop();
                if (pending.Count == 0)
                {
                    return summary;
                }
            }
            catch (ShortStackException shortStack)
            {
                open.UnionWith(shortStack.Open);
                if (SymbolEqualityComparer.Default.Equals(shortStack.Method, next) || restarts == MaxRestarts)
                {
                    // No deeper to start from (the stack was short at the first helper), or no end in sight.
                    if (restarts == MaxRestarts)
                    {
                        foreach (var helper in open)
                        {
                            _tooDeep.TryAdd(helper, true);
                        }
                    }

                    throw new InsufficientExecutionStackException();
                }

                pending.Push(shortStack.Method);
            }
        }
    }

    private Summary? Of(IMethodSymbol method, Reading reading, CancellationToken cancellationToken)
    {
        if (_tooDeep.ContainsKey(method))
        {
            throw new InsufficientExecutionStackException();
        }

        try
        {
            RuntimeHelpers.EnsureSufficientExecutionStack();
        }
        catch (InsufficientExecutionStackException)
        {
            throw new ShortStackException(method, reading.Open.Keys);
        }

        if (method.MethodKind is not (MethodKind.Ordinary or MethodKind.LocalFunction) || method.IsAbstract || method.IsVirtual || method.IsOverride || method.IsExtern)
        {
            return null;
        }

        if (_summaries.TryGetValue(method, out var known) || reading.Assumed.TryGetValue(method, out known))
        {
            return known;
        }

        if (reading.Open.TryGetValue(method, out var open))
        {
            reading.LowestOpenCalled = Math.Min(reading.LowestOpenCalled, open);
            reading.ReadWhileOpen.Add(method);
            return Assumption(method);
        }

        if (reading.Held.TryGetValue(method, out var held))
        {
            reading.LowestOpenCalled = Math.Min(reading.LowestOpenCalled, held.LowestOpenCalled);
            return held.Summary;
        }

        var index = reading.NextIndex++;
        reading.Open[method] = index;
        var heldBefore = reading.HeldOrder.Count;
        var outer = reading.LowestOpenCalled;
        reading.LowestOpenCalled = int.MaxValue;
        var summary = Compute(method, reading, cancellationToken);
        reading.Open.Remove(method);
        var called = reading.LowestOpenCalled;
        if (called < index)
        {
            // Read while a helper that calls it is still open: part of that helper's cycle, settled with it.
            reading.Held[method] = (summary, called);
            reading.HeldOrder.Add(method);
            reading.LowestOpenCalled = Math.Min(outer, called);
            return summary;
        }

        reading.LowestOpenCalled = outer;
        if (heldBefore == reading.HeldOrder.Count && !reading.ReadWhileOpen.Contains(method))
        {
            return _summaries.GetOrAdd(method, Summary.Settled(summary));
        }

        return Settle(method, summary, heldBefore, reading, cancellationToken);
    }

    /// <summary>
    /// The cycle <paramref name="first"/> was the first helper of is read: each of its helpers was read once, with what
    /// the others were then known to do and nothing for a helper still open. Read again with what each was found to do
    /// until no summary changes; then every summary of the cycle is known.
    /// </summary>
    private Summary? Settle(IMethodSymbol first, Summary? firstSummary, int heldBefore, Reading reading, CancellationToken cancellationToken)
    {
        var cycle = new Dictionary<IMethodSymbol, Summary?>(SymbolEqualityComparer.Default) { [first] = firstSummary };
        for (var i = heldBefore; i < reading.HeldOrder.Count; i++)
        {
            var method = reading.HeldOrder[i];
            cycle[method] = reading.Held[method].Summary;
            reading.Held.Remove(method);
        }

        reading.HeldOrder.RemoveRange(heldBefore, reading.HeldOrder.Count - heldBefore);

        // A helper read while open was taken to guard nothing and to return any parameter it could: only if it does
        // otherwise may the others do otherwise.
        var settled = !cycle.Any(m => reading.ReadWhileOpen.Contains(m.Key) && !Summary.Same(m.Value, Assumption(m.Key)));
        foreach (var method in cycle.Keys)
        {
            reading.ReadWhileOpen.Remove(method);
        }

        // Each summary only grows from one reading to the next (a helper known to do more makes its callers do more), and
        // it can grow only so often: a cycle that still changes after that many readings is left guarding nothing.
        var methods = cycle.Keys.ToList();
        var readings = 0;
        var maxReadings = methods.Count * ((4 * methods.Max(m => m.Parameters.Length)) + 2);
        while (!settled)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (++readings > maxReadings)
            {
                foreach (var method in methods)
                {
                    cycle[method] = null;
                }

                break;
            }

            settled = true;
            foreach (var method in methods)
            {
                reading.Assumed[method] = cycle[method];
            }

            foreach (var method in methods)
            {
                var again = Compute(method, reading, cancellationToken);
                if (!Summary.Same(again, cycle[method]))
                {
                    cycle[method] = again;
                    reading.Assumed[method] = again;
                    settled = false;
                }
            }
        }

        foreach (var method in methods)
        {
            reading.Assumed.Remove(method);
            _summaries.TryAdd(method, Summary.Settled(cycle[method]));
        }

        return _summaries[first];
    }

    /// <summary>
    /// What a helper met again while its own body is read is taken to do: guard nothing (guards are read to the least
    /// fixed point) and return, as it was given, any of its builder parameters of the type it returns ("returns its
    /// parameter" is read to the greatest fixed point: each is assumed until a path that returns refutes it, so that
    /// helpers returning a parameter through each other, MapOrders returning MapMore's result and MapMore MapOrders's,
    /// are found to, whichever parameter it is and in whatever order they are declared or read). A return gives back, of
    /// those a call of such a helper may still return, the parameters passed for them as they were given; each reading
    /// of the cycle can only drop parameters, and where it settles on one, every return that ends returns it.
    /// </summary>
    private Summary? Assumption(IMethodSymbol method)
    {
        var implementation = method.PartialImplementationPart ?? method;
        if (!IsBuilder(implementation.ReturnType))
        {
            return null;
        }

        var returned = implementation.Parameters.Where(p => IsBuilder(p.Type)
            && compilation.ClassifyCommonConversion(p.Type, implementation.ReturnType) is { IsIdentity: true } or { IsReference: true, IsImplicit: true })
            .Select(static p => p.Ordinal).ToImmutableArray();
        return returned.IsEmpty ? null : new Summary([], returned);
    }

    private Summary? Compute(IMethodSymbol method, Reading reading, CancellationToken cancellationToken)
    {
        method = method.PartialImplementationPart ?? method;

        // An async helper runs on past its first await when the caller has moved on, maybe once the host serves: what it
        // applies to a builder is not known to come before the endpoints are built, so it is credited with nothing.
        if (method.IsAsync || !method.Parameters.Any(p => IsBuilder(p.Type)) || method.DeclaringSyntaxReferences.Length != 1
            || GraphOf(method, cancellationToken) is not { } graph)
        {
            return null;
        }

        var flow = BuilderFlow.Analyze(graph.Graph, graph.Declared, symbols, m => Of(m, reading, cancellationToken), cancellationToken);
        var parameters = new Dictionary<int, ParameterGuard>();
        foreach (var parameter in method.Parameters)
        {
            if (IsBuilder(parameter.Type) && flow.GuardOf(parameter) is { Somewhere: true } guard)
            {
                parameters[parameter.Ordinal] = guard;
            }
        }

        var returned = IsBuilder(method.ReturnType) ? flow.ReturnedParameters(method) : [];
        return parameters.Count == 0 && returned.IsEmpty ? null : new Summary(parameters, returned);
    }

    /// <summary>
    /// The control flow graph of a helper's body, and the method the flow reads it as. A local function's graph is the
    /// one its enclosing body's graph gives for it (<c>static RouteGroupBuilder Guard(RouteGroupBuilder g) =&gt;
    /// g.RequireAuthorization();</c> in top-level statements): its body runs where it is called, as a method's does.
    /// </summary>
    private (ControlFlowGraph Graph, IMethodSymbol Declared)? GraphOf(IMethodSymbol method, CancellationToken cancellationToken)
    {
        var syntax = method.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken);
        var model = compilation.GetSemanticModel(syntax.SyntaxTree);
        if (method.MethodKind == MethodKind.LocalFunction)
        {
            var root = model.GetOperation(syntax, cancellationToken);
            while (root?.Parent is not null)
            {
                root = root.Parent;
            }

            var outer = root switch
            {
                IMethodBodyOperation body => ControlFlowGraph.Create(body, cancellationToken),
                IConstructorBodyOperation body => ControlFlowGraph.Create(body, cancellationToken),
                IBlockOperation body => ControlFlowGraph.Create(body, cancellationToken),
                _ => null,
            };
            return outer is not null && LocalFunctionGraph(outer, method, cancellationToken) is { } local ? (local, method) : null;
        }

        if (ExtensionBlocks.PropertyOfGetter(method) is { GetMethod: { } getter })
        {
            // An extension property's getter runs at each read as a call of its implementation does: its body (the get
            // accessor's, or the property's expression body) is read as the getter declared.
            SyntaxNode? body = syntax switch
            {
                PropertyDeclarationSyntax property => (SyntaxNode?)property.ExpressionBody ?? property.AccessorList?.Accessors.FirstOrDefault(static a => a.Keyword.ValueText == "get"),
                _ => syntax,
            };
            return body is not null && model.GetOperation(body, cancellationToken) is { } operation && EveryPath.GraphOf(operation, cancellationToken) is { } graph
                ? (graph, getter)
                : null;
        }

        if (syntax is not BaseMethodDeclarationSyntax declaration || model.GetOperation(declaration, cancellationToken) is not IMethodBodyOperation methodBody)
        {
            return null;
        }

        // An extension block member's implementation has the member's body, which the flow reads as the member declared.
        var declared = ExtensionBlocks.IsImplementation(method) ? model.GetDeclaredSymbol(declaration, cancellationToken) as IMethodSymbol ?? method : method;
        return (ControlFlowGraph.Create(methodBody, cancellationToken), declared);
    }

    /// <summary>The graph of <paramref name="localFunction"/>, declared in <paramref name="graph"/>'s body or in a local function of it.</summary>
    private static ControlFlowGraph? LocalFunctionGraph(ControlFlowGraph graph, IMethodSymbol localFunction, CancellationToken cancellationToken)
    {
        foreach (var declared in graph.LocalFunctions)
        {
            var inner = graph.GetLocalFunctionControlFlowGraph(declared, cancellationToken);
            if (SymbolEqualityComparer.Default.Equals(declared, localFunction))
            {
                return inner;
            }

            if (LocalFunctionGraph(inner, localFunction, cancellationToken) is { } nested)
            {
                return nested;
            }
        }

        return null;
    }

    private bool IsBuilder(ITypeSymbol type) => BuilderFlow.IsBuilder(type, symbols);

    /// <summary>The stack ran short when <see cref="Method"/> was to be read, with <see cref="Open"/> (the helpers it was read for) still open.</summary>
    private sealed class ShortStackException(IMethodSymbol method, IEnumerable<IMethodSymbol> open) : Exception
    {
        public IMethodSymbol Method { get; } = method;

        public IReadOnlyList<IMethodSymbol> Open { get; } = [.. open];
    }

    /// <summary>
    /// The helpers whose bodies are being read, by the order they were first read in; the earliest of them a body read since calls; the summaries
    /// read while a helper of their cycle was open, held until the cycle is settled; the helpers of a cycle being settled,
    /// with what they were last found to do.
    /// </summary>
    private sealed class Reading
    {
        /// <summary>The helpers being read, with the order number each got: never given twice in one reading (Tarjan's index).</summary>
        public Dictionary<IMethodSymbol, int> Open { get; } = new(SymbolEqualityComparer.Default);

        public int NextIndex { get; set; }

        public int LowestOpenCalled { get; set; } = int.MaxValue;

        public HashSet<IMethodSymbol> ReadWhileOpen { get; } = new(SymbolEqualityComparer.Default);

        public Dictionary<IMethodSymbol, (Summary? Summary, int LowestOpenCalled)> Held { get; } = new(SymbolEqualityComparer.Default);

        public List<IMethodSymbol> HeldOrder { get; } = [];

        public Dictionary<IMethodSymbol, Summary?> Assumed { get; } = new(SymbolEqualityComparer.Default);
    }

    /// <summary>
    /// The guards a helper applies, by parameter ordinal; and the parameter it returns, as it was given, on every path
    /// that returns (none when some path returns anything else). While a cycle of helpers is read, a helper may be taken
    /// to return any of several parameters (<see cref="ReturnedParameters"/>): none of them refuted yet.
    /// </summary>
    internal sealed class Summary(Dictionary<int, ParameterGuard> parameters, ImmutableArray<int> returnedParameters)
    {
        public IReadOnlyDictionary<int, ParameterGuard> Parameters { get; } = parameters;

        /// <summary>The ordinals of the parameters the helper is taken to return as they were given, in order: one once it is known.</summary>
        public ImmutableArray<int> ReturnedParameters { get; } = returnedParameters;

        /// <summary>The parameter a call of the helper returns as it was given; null when that is not one parameter.</summary>
        public int? ReturnedParameter => ReturnedParameters.Length == 1 ? ReturnedParameters[0] : null;

        /// <summary>
        /// What is known once the cycle has settled: several parameters still taken to be returned means no path that
        /// returns was read (each returns one), so the helper returns none as far as its callers can tell.
        /// </summary>
        public static Summary? Settled(Summary? summary) =>
            summary is not { ReturnedParameters.Length: > 1 } ? summary
            : summary.Parameters.Count == 0 ? null
            : new Summary(summary.Parameters.ToDictionary(p => p.Key, p => p.Value), []);

        public static bool Same(Summary? a, Summary? b) =>
            a is null || b is null
                ? a is null && b is null
                : a.ReturnedParameters.SequenceEqual(b.ReturnedParameters) && a.Parameters.Count == b.Parameters.Count
                    && a.Parameters.All(p => b.Parameters.TryGetValue(p.Key, out var other) && other == p.Value);
    }

    /// <summary>
    /// A guard on a parameter: on every path (<see cref="Always"/>, requiring a session when <see cref="AlwaysSession"/>),
    /// or on some (<see cref="Somewhere"/>); <see cref="MayAllowAnonymous"/> when an <c>IAllowAnonymous</c> may reach it,
    /// which undoes a session requirement.
    /// </summary>
    internal readonly record struct ParameterGuard(bool Always, bool AlwaysSession, bool Somewhere, bool MayAllowAnonymous);
}
