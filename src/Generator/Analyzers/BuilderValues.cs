using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SessionAuth.Generators.Parsing;

namespace SessionAuth.Generators.Analyzers;

/// <summary>
/// Whether a builder an endpoint is mapped on got a guard decision, following builders across method boundaries within
/// the compilation: a parameter is decided when every call of its method (directly, through an interface method it
/// implements or a method it overrides) passes a decided builder; a method's return value when every return does; a
/// field or property when every write does.
/// </summary>
/// <remarks>
/// Where a path is not visible the builder is not decided: a method that is referenced as a delegate, an externally
/// visible method of a library (callers outside the compilation), a virtual method's return value, a lambda's parameter,
/// a member written from outside the compilation. Built lazily, once per compilation: the bodies of other methods are
/// analysed only when an endpoint is not decided in its own body, and the names of the compilation's builder-typed
/// methods, fields and properties are indexed in one syntax walk.
/// </remarks>
internal sealed class BuilderValues(Compilation compilation, AnalyzerSymbols symbols)
{
    /// <summary>The framework methods whose calls <see cref="Calls"/> finds: they create or configure builders that cover endpoints far away.</summary>
    private static readonly string[] IndexedCalls =
        ["MapServerFunctions", RazorComponentPages.MapRazorComponents, RazorComponentPages.AddAdditionalAssemblies, ControllerRoutes.MapControllers, .. ControllerRoutes.ConventionalMaps];

    private readonly ConcurrentDictionary<SyntaxNode, BuilderFlow?> _flows = new();
    private readonly ConcurrentDictionary<Question, bool> _decided = new();
    private readonly ConcurrentDictionary<IMethodSymbol, List<(SyntaxNode Invocation, IMethodSymbol Target, BuilderFlow Flow)>?> _visibleCalls = new(SymbolEqualityComparer.Default);
    private readonly GuardHelpers _helpers = new(compilation, symbols);
    private readonly object _indexGate = new();
    private Dictionary<string, List<SimpleNameSyntax>>? _names;
    private HashSet<string>? _complete;
    private ImplicitCallSyntax? _implicitCalls;
    private List<INamedTypeSymbol>? _sourceTypes;
    private bool? _serverFunctionsDecided;

    /// <summary>The flow of an operation block analysed by an operation block action, from the graph the driver built.</summary>
    public BuilderFlow FlowOf(IOperation block, ControlFlowGraph graph, IMethodSymbol? method, CancellationToken cancellationToken) =>
        _flows.GetOrAdd(block.Syntax, _ => BuilderFlow.Analyze(graph, method, symbols, m => _helpers.Of(m, cancellationToken), cancellationToken))!;

    /// <summary>
    /// Whether <paramref name="creation"/>, a builder created in <paramref name="flow"/> (a Map call's endpoint, a group),
    /// has a guard decision: guarded on every path that created it, or created on builders that all have one.
    /// </summary>
    public bool Decides(BuilderFlow flow, SyntaxNode creation, bool sessionOnly, CancellationToken cancellationToken) =>
        Decides(flow, creation, creation, sessionOnly, new Search(), cancellationToken);

    /// <summary>
    /// Whether what every <c>MapServerFunctions()</c> call of the compilation returns (the route group of every server
    /// function) has a guard decision; not when there is no call.
    /// </summary>
    public bool ServerFunctionsDecided(CancellationToken cancellationToken) =>
        EveryCallDecided("MapServerFunctions", BuilderFlow.IsMapServerFunctions, ref _serverFunctionsDecided, cancellationToken);

    /// <summary>
    /// Whether what one call that creates a builder covering endpoints far away (a <c>MapServerFunctions()</c> call)
    /// returns has a guard decision, on every path.
    /// </summary>
    public bool CallDecided(SyntaxNode invocation, CancellationToken cancellationToken) =>
        CallDecided(invocation, FlowAround(invocation, cancellationToken), cancellationToken);

    private bool CallDecided(SyntaxNode invocation, BuilderFlow? flow, CancellationToken cancellationToken)
    {
        try
        {
            return flow is not null && Decides(flow, invocation, sessionOnly: false, cancellationToken);
        }
        catch (InsufficientExecutionStackException)
        {
            // Followed through more helpers than the stack holds: not known to be decided, so the rule fires.
            return false;
        }
    }

    private bool EveryCallDecided(string name, Func<IMethodSymbol, bool> isTarget, ref bool? cache, CancellationToken cancellationToken)
    {
        lock (_indexGate)
        {
            if (cache is { } known)
            {
                return known;
            }
        }

        var calls = 0;
        var decided = true;
        foreach (var (invocation, flow) in Calls(name, isTarget, cancellationToken))
        {
            calls++;
            decided &= CallDecided(invocation, flow, cancellationToken);
        }

        lock (_indexGate)
        {
            cache = calls > 0 && decided;
            return cache.Value;
        }
    }

    /// <summary>
    /// Every call in the compilation of a method named <paramref name="name"/> that <paramref name="isTarget"/> accepts
    /// (given the method's definition), with the flow of the body around it; the name must be one of <see cref="IndexedCalls"/>.
    /// </summary>
    public IEnumerable<(InvocationExpressionSyntax Invocation, BuilderFlow? Flow)> Calls(string name, Func<IMethodSymbol, bool> isTarget, CancellationToken cancellationToken)
    {
        foreach (var occurrence in Occurrences(name, cancellationToken))
        {
            if (Bind(occurrence, cancellationToken) is IMethodSymbol method && isTarget(method) && InvocationOf(occurrence) is { } invocation)
            {
                yield return (invocation, FlowAround(invocation, cancellationToken));
            }
        }
    }

    /// <summary>The operation of <paramref name="node"/>, from its tree's semantic model.</summary>
    public IOperation? OperationOf(SyntaxNode node, CancellationToken cancellationToken) =>
        compilation.GetSemanticModel(node.SyntaxTree).GetOperation(node, cancellationToken);

    /// <summary>
    /// The builders made by framework Map calls that <paramref name="values"/>, seen in <paramref name="flow"/>, may be: a
    /// creation itself; what a method of the compilation returns at that call (for a parameter it returns, the call's
    /// argument); what every call of a method passes for its parameter, when all its calls are visible. A value from
    /// anywhere else (a field, a lambda's parameter, a method outside the compilation) adds none.
    /// </summary>
    public HashSet<SyntaxNode> Origins(BuilderFlow flow, HashSet<object> values, CancellationToken cancellationToken)
    {
        var origins = new HashSet<SyntaxNode>();
        AddOrigins(flow, values, origins, new HashSet<(BuilderFlow, object)>(), cancellationToken);
        return origins;
    }

    private void AddOrigins(BuilderFlow flow, IEnumerable<object> values, HashSet<SyntaxNode> origins, HashSet<(BuilderFlow, object)> seen, CancellationToken cancellationToken)
    {
        foreach (var value in values)
        {
            if (!seen.Add((flow, value)))
            {
                continue;
            }

            switch (value)
            {
                case SyntaxNode pick when flow.IsPick(pick) && flow.Parents.TryGetValue(pick, out var alternatives):
                    AddOrigins(flow, alternatives, origins, seen, cancellationToken);
                    break;
                case SyntaxNode creation:
                    origins.Add(creation);
                    break;
                case BuilderFlow.Join join:
                    AddOrigins(flow, BuilderFlow.AlternativesOf(join), origins, seen, cancellationToken);
                    break;
                case BuilderFlow.CallResult call:
                    var implementation = Implementation(call.Method);
                    foreach (var reference in implementation.DeclaringSyntaxReferences)
                    {
                        if (FlowAround(reference.GetSyntax(cancellationToken), cancellationToken) is not { } callee || !callee.Returns.TryGetValue(implementation, out var returns))
                        {
                            continue;
                        }

                        foreach (var returned in returns.SelectMany(r => r.Values))
                        {
                            if (returned is IParameterSymbol parameter && SymbolEqualityComparer.Default.Equals(parameter.ContainingSymbol, implementation))
                            {
                                AddArguments(flow, call.Call, parameter, origins, seen, cancellationToken);
                            }
                            else
                            {
                                AddOrigins(callee, [returned], origins, seen, cancellationToken);
                            }
                        }
                    }

                    break;
                case IParameterSymbol { ContainingSymbol: IMethodSymbol method } parameter when VisibleCalls(method, cancellationToken) is { } calls:
                    foreach (var (invocation, _, caller) in calls)
                    {
                        AddArguments(caller, invocation, parameter, origins, seen, cancellationToken);
                    }

                    break;
            }
        }
    }

    private void AddArguments(BuilderFlow caller, SyntaxNode call, IParameterSymbol parameter, HashSet<SyntaxNode> origins, HashSet<(BuilderFlow, object)> seen, CancellationToken cancellationToken)
    {
        if (caller.CallArguments.TryGetValue(call, out var arguments) && arguments.TryGetValue(parameter.Ordinal, out var passed))
        {
            AddOrigins(caller, passed, origins, seen, cancellationToken);
        }
    }

    /// <summary>
    /// The types <paramref name="parameter"/>, a type parameter seen in code at <paramref name="site"/>, stands for: the type
    /// arguments of every call of its method in the compilation (or of the method around <paramref name="site"/>, for a type
    /// parameter of its type), followed through calls that pass a type parameter of their own. <c>Complete</c> is false
    /// when some types cannot be seen: the method can be called from outside the compilation, it has no call here (a
    /// caller through reflection), or a call goes through an interface or base class whose type arguments say nothing.
    /// </summary>
    public (List<ITypeSymbol> Types, bool Complete) TypeArguments(ITypeParameterSymbol parameter, SyntaxNode site, CancellationToken cancellationToken)
    {
        var types = new List<ITypeSymbol>();
        var complete = true;
        var pending = new Stack<(ITypeParameterSymbol Parameter, SyntaxNode Site)>([(parameter, site)]);
        var seen = new List<(ITypeParameterSymbol Parameter, IMethodSymbol? Method)>();
        while (pending.Count > 0)
        {
            var (current, at) = pending.Pop();
            var method = current.DeclaringMethod ?? MemberMethodAt(at, cancellationToken);
            if (seen.Any(s => SymbolEqualityComparer.Default.Equals(s.Parameter, current) && SymbolEqualityComparer.Default.Equals(s.Method, method)))
            {
                continue;
            }

            seen.Add((current, method));
            if (method is null || (current.DeclaringMethod is null && !IsMemberOf(method, current.DeclaringType)))
            {
                complete = false;
                continue;
            }

            // Callers in other assemblies may pass any type; the calls here still say which types are passed for sure.
            complete &= !CallableFromOutside(method);

            var targets = CallTargets(method);
            var references = 0;
            foreach (var name in targets.Select(t => t.Name).Distinct().SelectMany(n => Occurrences(n, cancellationToken)))
            {
                if (compilation.GetSemanticModel(name.SyntaxTree).GetSymbolInfo(name, cancellationToken).Symbol is not IMethodSymbol bound)
                {
                    continue;
                }

                // A method group turned into a delegate names its type arguments as a call does: whoever invokes the
                // delegate runs the method with them.
                var constructed = bound.ReducedFrom is null ? bound : bound.GetConstructedReducedFrom() ?? bound;
                if (!targets.Contains(constructed.OriginalDefinition))
                {
                    continue;
                }

                references++;
                switch (current.DeclaringMethod is null ? TypeArgumentOfType(constructed.ContainingType, current) : constructed.TypeArguments[current.Ordinal])
                {
                    case ITypeParameterSymbol passed:
                        pending.Push((passed, name));
                        break;
                    case INamedTypeSymbol { TypeKind: not TypeKind.Error } type:
                        types.Add(type);
                        break;
                    default:
                        complete = false;
                        break;
                }
            }

            complete &= references > 0;
        }

        return (types, complete);

        static bool IsMemberOf(IMethodSymbol method, ITypeSymbol? type)
        {
            for (var containing = method.ContainingType; containing is not null; containing = containing.ContainingType)
            {
                if (SymbolEqualityComparer.Default.Equals(containing.OriginalDefinition, type?.OriginalDefinition))
                {
                    return true;
                }
            }

            return false;
        }

        static ITypeSymbol? TypeArgumentOfType(INamedTypeSymbol? constructed, ITypeParameterSymbol parameter)
        {
            for (var type = constructed; type is not null; type = type.ContainingType)
            {
                if (SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, parameter.DeclaringType?.OriginalDefinition))
                {
                    return type.TypeArguments[parameter.Ordinal];
                }
            }

            // Called through an interface or a base class: the call does not say which construction of the type runs.
            return null;
        }
    }

    /// <summary>The method, constructor or accessor whose body holds <paramref name="site"/>, outside any lambda or local function.</summary>
    private IMethodSymbol? MemberMethodAt(SyntaxNode site, CancellationToken cancellationToken)
    {
        var symbol = compilation.GetSemanticModel(site.SyntaxTree).GetEnclosingSymbol(site.SpanStart, cancellationToken);
        while (symbol is IMethodSymbol { MethodKind: MethodKind.AnonymousFunction or MethodKind.LocalFunction })
        {
            symbol = symbol.ContainingSymbol;
        }

        return symbol as IMethodSymbol;
    }

    /// <summary>
    /// Whether <paramref name="value"/>, seen at <paramref name="site"/> in <paramref name="flow"/>, has a guard decision:
    /// each question is answered once per compilation. A question met again while it is being answered (a group nested in
    /// a loop on the one before, a group passed between mutually recursive methods) is taken as decided for that answer:
    /// every edge followed leads to a builder that existed before (the group a group was made on, the argument a parameter
    /// was passed, the value a member was written, the value a method returned), so a cycle adds no builder of its own,
    /// and the answer is that of the builders the cycle started from.
    /// </summary>
    /// <remarks>
    /// The questions of a cycle are answered together, as the strongly connected components of a graph are found: an
    /// answer "decided" that took a question still open as decided is held (<see cref="Search.Held"/>) and reused for the
    /// rest of the search, and kept for good when the first question of its cycle is answered "decided"; an answer "not
    /// decided" holds whatever the open questions turn out to be, and drops the answers held since it was asked, which may
    /// have taken it as decided. Each question is then answered a bounded number of times however many paths lead to it:
    /// without the held answers, every path through a cycle of methods passing a group to each other is walked again.
    /// </remarks>
    private bool Decides(BuilderFlow flow, SyntaxNode site, object value, bool sessionOnly, Search search, CancellationToken cancellationToken)
    {
        RuntimeHelpers.EnsureSufficientExecutionStack();
        var key = new Question(flow, site, value, sessionOnly);
        if (_decided.TryGetValue(key, out var known))
        {
            return known;
        }

        if (search.Open.TryGetValue(key, out var open))
        {
            search.LowestAssumed = Math.Min(search.LowestAssumed, open);
            return true;
        }

        if (search.Held.TryGetValue(key, out var heldAssumed))
        {
            search.LowestAssumed = Math.Min(search.LowestAssumed, heldAssumed);
            return true;
        }

        cancellationToken.ThrowIfCancellationRequested();
        var index = search.NextIndex++;
        search.Open[key] = index;
        var heldBefore = search.HeldOrder.Count;
        var outer = search.LowestAssumed;
        search.LowestAssumed = int.MaxValue;
        var decided = DecidesOnce(flow, site, value, sessionOnly, search, cancellationToken);
        search.Open.Remove(key);
        var assumed = search.LowestAssumed;
        if (!decided)
        {
            // Not decided even with every open question taken as decided: so it is whatever they turn out to be.
            search.DropHeldSince(heldBefore);
            _decided.TryAdd(key, false);
            search.LowestAssumed = outer;
            return false;
        }

        if (assumed >= index)
        {
            // The first question of its cycle: every answer held since it was asked took only questions of the cycle as
            // decided, and each of those is now answered "decided" (an answer "not decided" dropped those that took it).
            foreach (var held in search.HeldSince(heldBefore))
            {
                _decided.TryAdd(held, true);
            }

            search.DropHeldSince(heldBefore);
            _decided.TryAdd(key, true);
            search.LowestAssumed = outer;
            return true;
        }

        search.Hold(key, assumed);
        search.LowestAssumed = Math.Min(outer, assumed);
        return true;
    }

    private bool DecidesOnce(BuilderFlow flow, SyntaxNode site, object value, bool sessionOnly, Search search, CancellationToken cancellationToken)
    {
        switch (value)
        {
            case SyntaxNode creation:
                return flow.Created(creation)
                    && (flow.IsGuardedWhereMade(creation, creation, sessionOnly)
                        || (flow.Parents.TryGetValue(creation, out var parents) && AllDecide(flow, creation, parents, sessionOnly, search, cancellationToken))
                        || CallersDecide(flow, creation, creation, sessionOnly, [], cancellationToken));
            case BuilderFlow.Join join:
                return BuilderFlow.IsGuardedWhereMade(join, sessionOnly) || AllDecide(flow, site, BuilderFlow.AlternativesOf(join), sessionOnly, search, cancellationToken);
            case BuilderFlow.Stored stored:
                return flow.IsGuardedWhereMade(stored, stored.Site, sessionOnly) || CallersDecide(flow, stored.Site, stored, sessionOnly, [], cancellationToken);
            case BuilderFlow.CallResult call:
                return flow.IsGuardedWhereMade(call, call.Call, sessionOnly)
                    || ReturnDecides(call.Method, (flow, call.Call), sessionOnly, search, cancellationToken)
                    || CallersDecide(flow, call.Call, call, sessionOnly, [], cancellationToken);
        }

        return flow.IsRootGuardedAt(site, value, sessionOnly) || value switch
        {
            IParameterSymbol parameter => ParameterDecides(parameter, sessionOnly, search, cancellationToken),
            BuilderFlow.MemberPath path => MemberDecides(path.Member, sessionOnly, search, cancellationToken),
            _ => false,
        };
    }

    /// <summary>
    /// Whether an <c>IAllowAnonymous</c> may reach <paramref name="creation"/>, an endpoint mapped in
    /// <paramref name="flow"/>: applied on some path to it or to a group it may have been made on, in this body or in
    /// one its builders cross to or come from (the callers a builder is returned to or a parameter is passed by, the
    /// bodies a call result comes from, the writes and reads of a field or property). Anonymous access undoes a session
    /// requirement whichever way it reaches the endpoint, so this is a "may": any value that may be anonymous counts.
    /// Callers that cannot be seen are taken to add none.
    /// </summary>
    public bool MayAllowAnonymous(BuilderFlow flow, SyntaxNode creation, CancellationToken cancellationToken) =>
        MayAllowAnonymous(flow, creation, creation, new HashSet<(BuilderFlow, object)>(), cancellationToken);

    private bool MayAllowAnonymous(BuilderFlow flow, SyntaxNode site, object value, HashSet<(BuilderFlow, object)> seen, CancellationToken cancellationToken)
    {
        RuntimeHelpers.EnsureSufficientExecutionStack();
        if (!seen.Add((flow, value)))
        {
            return false;
        }

        if (flow.AllowAnonymous.Contains(value))
        {
            return true;
        }

        switch (value)
        {
            case SyntaxNode made:
                return (flow.Parents.TryGetValue(made, out var parents) && parents.Any(p => MayAllowAnonymous(flow, made, p, seen, cancellationToken)))
                    || CallersMayAllowAnonymous(flow, made, value, seen, cancellationToken);
            case BuilderFlow.CallResult call:
                if (CallersMayAllowAnonymous(flow, call.Call, value, seen, cancellationToken))
                {
                    return true;
                }

                var implementation = Implementation(call.Method);
                foreach (var reference in implementation.DeclaringSyntaxReferences)
                {
                    if (FlowAround(reference.GetSyntax(cancellationToken), cancellationToken) is not { } callee || !callee.Returns.TryGetValue(implementation, out var returns))
                    {
                        continue;
                    }

                    foreach (var (returnSite, values) in returns)
                    {
                        foreach (var returned in values)
                        {
                            var may = returned is IParameterSymbol parameter && SymbolEqualityComparer.Default.Equals(parameter.ContainingSymbol, implementation)
                                ? callee.AllowAnonymous.Contains(parameter)
                                    || (flow.CallArguments.TryGetValue(call.Call, out var arguments) && arguments.TryGetValue(parameter.Ordinal, out var passed)
                                        && passed.Any(v => MayAllowAnonymous(flow, call.Call, v, seen, cancellationToken)))
                                : MayAllowAnonymous(callee, returnSite, returned, seen, cancellationToken);
                            if (may)
                            {
                                return true;
                            }
                        }
                    }
                }

                return false;
            case IParameterSymbol { ContainingSymbol: IMethodSymbol method } parameter:
                return VisibleCalls(method, cancellationToken) is { } calls && calls.Any(c =>
                    c.Flow.CallArguments.TryGetValue(c.Invocation, out var arguments) && arguments.TryGetValue(parameter.Ordinal, out var passed)
                    && passed.Any(v => MayAllowAnonymous(c.Flow, c.Invocation, v, seen, cancellationToken)));
            case IFieldSymbol or IPropertySymbol:
                var member = (ISymbol)value;
                foreach (var name in Occurrences(member.Name, cancellationToken))
                {
                    if (!SymbolEqualityComparer.Default.Equals(Bind(name, cancellationToken)?.OriginalDefinition, member) || FlowAround(name, cancellationToken) is not { } other)
                    {
                        continue;
                    }

                    if (other.AllowAnonymous.Contains(member)
                        || (other.MemberWrites.TryGetValue(member, out var writes)
                            && writes.Any(w => w.Values.Any(v => MayAllowAnonymous(other, w.Site, v, seen, cancellationToken)))))
                    {
                        return true;
                    }
                }

                return false;
            default:
                return false;
        }
    }

    /// <summary>Whether a caller that gets <paramref name="value"/> back (it is returned at some path) may apply an <c>IAllowAnonymous</c> to it.</summary>
    private bool CallersMayAllowAnonymous(BuilderFlow flow, SyntaxNode site, object value, HashSet<(BuilderFlow, object)> seen, CancellationToken cancellationToken)
    {
        if (flow.MethodAt(site) is not { } method || !flow.Returns.TryGetValue(method, out var returns) || !returns.Any(r => r.Values.Contains(value))
            || VisibleCalls(method, cancellationToken) is not { } calls)
        {
            return false;
        }

        return calls.Any(c => MayAllowAnonymous(c.Flow, c.Invocation, new BuilderFlow.CallResult(c.Target, c.Invocation), seen, cancellationToken));
    }

    /// <summary>
    /// Whether a guard reached <paramref name="creation"/> (or a group it was made on) on some paths only, so that the rule
    /// says so: under an <c>if</c> in its body, or in some of the callers it is returned to.
    /// </summary>
    public bool GuardedOnSomePaths(BuilderFlow flow, SyntaxNode creation, CancellationToken cancellationToken) =>
        flow.IsGuardedOnSomePaths(creation, value => CallersGuardSomewhere(flow, value, new HashSet<SyntaxNode>(), cancellationToken));

    private bool CallersGuardSomewhere(BuilderFlow flow, object value, HashSet<SyntaxNode> asked, CancellationToken cancellationToken)
    {
        RuntimeHelpers.EnsureSufficientExecutionStack();
        if (BuilderFlow.SiteOf(value) is not { } site || !asked.Add(site) || !flow.IsReturnedUnguarded(value, site) || flow.MethodAt(site) is not { } method || VisibleCalls(method, cancellationToken) is not { } calls)
        {
            return false;
        }

        return calls.Any(call => call.Flow.IsGuardedOnSomePaths(
            new BuilderFlow.CallResult(call.Target, call.Invocation),
            result => CallersGuardSomewhere(call.Flow, result, asked, cancellationToken)));
    }

    /// <summary>
    /// Whether the callers decide for <paramref name="value"/>, a builder made at <paramref name="site"/> and returned
    /// unguarded by its method (<c>RouteHandlerBuilder MapList(WebApplication app) => app.MapGet(...);</c>): the method
    /// has calls in the compilation and no others, and each caller guards what the call returns on every path, or
    /// returns it in turn to callers that do.
    /// </summary>
    /// <remarks>
    /// What a call returns is the very builder its method made, not one made before it: a caller chain that comes back
    /// to a call already asked about (a recursive method returning its own call's result) decides nothing on that path.
    /// </remarks>
    private bool CallersDecide(BuilderFlow flow, SyntaxNode site, object value, bool sessionOnly, HashSet<SyntaxNode> asked, CancellationToken cancellationToken)
    {
        RuntimeHelpers.EnsureSufficientExecutionStack();
        if (!asked.Add(site) || !flow.IsReturnedWhereNotGuarded(value, site, sessionOnly) || flow.MethodAt(site) is not { } method
            || VisibleCalls(method, cancellationToken) is not { } calls)
        {
            return false;
        }

        foreach (var (invocation, target, callerFlow) in calls)
        {
            var result = new BuilderFlow.CallResult(target, invocation);
            if (!callerFlow.IsGuardedWhereMade(result, invocation, sessionOnly) && !CallersDecide(callerFlow, invocation, result, sessionOnly, asked, cancellationToken))
            {
                return false;
            }
        }

        return true;
    }

    private bool AllDecide(BuilderFlow flow, SyntaxNode site, HashSet<object> values, bool sessionOnly, Search search, CancellationToken cancellationToken)
    {
        if (values.Count == 0)
        {
            return false;
        }

        foreach (var value in values)
        {
            if (!Decides(flow, site, value, sessionOnly, search, cancellationToken))
            {
                return false;
            }
        }

        return true;
    }

    private bool ParameterDecides(IParameterSymbol parameter, bool sessionOnly, Search search, CancellationToken cancellationToken)
    {
        if (parameter.ContainingSymbol is not IMethodSymbol method || VisibleCalls(method, cancellationToken) is not { } calls
            || (IsPrimaryConstructor(method) && IsWrittenAnywhere(parameter, cancellationToken)))
        {
            return false;
        }

        foreach (var (invocation, _, flow) in calls)
        {
            if (!flow.CallArguments.TryGetValue(invocation, out var arguments)
                || !arguments.TryGetValue(parameter.Ordinal, out var values)
                || !AllDecide(flow, invocation, values, sessionOnly, search, cancellationToken))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsPrimaryConstructor(IMethodSymbol method) =>
        method.MethodKind == MethodKind.Constructor && method.DeclaringSyntaxReferences.Any(static r => r.GetSyntax() is TypeDeclarationSyntax);

    /// <summary>
    /// Whether <paramref name="parameter"/>, a primary constructor's, is written anywhere in its type (assigned, passed by
    /// <c>ref</c> or <c>out</c>, incremented): a captured parameter is a variable every member of the instance shares, so
    /// a member that writes it changes what the others read, and what the constructions passed no longer says it.
    /// </summary>
    private bool IsWrittenAnywhere(IParameterSymbol parameter, CancellationToken cancellationToken)
    {
        foreach (var reference in parameter.ContainingType.DeclaringSyntaxReferences)
        {
            foreach (var name in reference.GetSyntax(cancellationToken).DescendantNodes().OfType<IdentifierNameSyntax>())
            {
                if (name.Identifier.ValueText != parameter.Name)
                {
                    continue;
                }

                if (IsWriteTarget(name) && SymbolEqualityComparer.Default.Equals(compilation.GetSemanticModel(name.SyntaxTree).GetSymbolInfo(name, cancellationToken).Symbol, parameter))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// Whether <paramref name="name"/> is written where it stands: the left of an assignment, in parentheses or as an
    /// element of a tuple there (<c>(group) = other</c>, <c>(group, _) = (other, 1)</c>), incremented, passed by
    /// <c>ref</c> or <c>out</c>, or taken by <c>ref</c>.
    /// </summary>
    private static bool IsWriteTarget(IdentifierNameSyntax name)
    {
        SyntaxNode target = name;
        while (target.Parent is ParenthesizedExpressionSyntax or ArgumentSyntax { Parent: TupleExpressionSyntax })
        {
            target = target.Parent is ArgumentSyntax { Parent: TupleExpressionSyntax tuple } ? tuple : target.Parent;
        }

        return target.Parent switch
        {
            AssignmentExpressionSyntax assignment => assignment.Left == target,
            PrefixUnaryExpressionSyntax or PostfixUnaryExpressionSyntax => true,
            ArgumentSyntax argument => !argument.RefKindKeyword.IsKind(SyntaxKind.None),
            RefExpressionSyntax => true,
            _ => false,
        };
    }

    /// <summary>
    /// Every call of <paramref name="method"/> in the compilation (directly, or of an interface method it implements or a
    /// method it overrides, <c>base.M(...)</c> included; of a constructor, each <c>new</c> and constructor initializer; of
    /// an <c>Add</c> method, each element of a collection initializer), with the method it binds to and the flow around
    /// it, leaving out calls the compiler leaves out (<c>[Conditional]</c>); an empty list when every call is left out (the
    /// method never runs from here); <see langword="null"/> when it has none, or callers that cannot be seen: a lambda, a
    /// method code outside the compilation can call, a method used other than by a call (a method group turned into a
    /// delegate), a method the language may call where no call is written (<see cref="HasUnwrittenCalls"/>). Found once per method: each question about a parameter or a
    /// returned builder asks for them, and binding every use of the name each time grows with the calls times the questions.
    /// </summary>
    private List<(SyntaxNode Invocation, IMethodSymbol Target, BuilderFlow Flow)>? VisibleCalls(IMethodSymbol method, CancellationToken cancellationToken) =>
        _visibleCalls.TryGetValue(method, out var known) ? known : _visibleCalls.GetOrAdd(method, FindVisibleCalls(method, cancellationToken));

    private List<(SyntaxNode Invocation, IMethodSymbol Target, BuilderFlow Flow)>? FindVisibleCalls(IMethodSymbol method, CancellationToken cancellationToken)
    {
        if (method.MethodKind == MethodKind.AnonymousFunction || CallableFromOutside(method) || HasUnwrittenCalls(method, cancellationToken))
        {
            return null;
        }

        var targets = CallTargets(method);
        var calls = new List<(SyntaxNode, IMethodSymbol, BuilderFlow)>();
        var omitted = false;
        foreach (var (call, bound) in Written(targets, cancellationToken).Concat(Implicit(method, targets, cancellationToken)))
        {
            if (call is null)
            {
                return null;
            }

            // A call the compiler leaves out ([Conditional] on a symbol not defined there) never runs: it passes nothing.
            if (call is InvocationExpressionSyntax && ConditionalCompilation.IsCallOmitted(bound, call))
            {
                omitted = true;
                continue;
            }

            if (FlowAround(call, cancellationToken) is not { } flow)
            {
                return null;
            }

            calls.Add((call, bound, flow));
        }

        // Calls that are all left out: the method never runs from here, and what its body maps is never mapped.
        return calls.Count > 0 || omitted ? calls : null;
    }

    /// <summary>
    /// The calls of <paramref name="targets"/> that name one of them: <c>M(...)</c>, <c>x.M(...)</c>, <c>x?.M(...)</c>,
    /// <c>base.M(...)</c>; <see langword="null"/> as a call for a use that is not one (a method group turned into a
    /// delegate: who invokes it, with what, is not seen), which makes the calls invisible.
    /// </summary>
    private IEnumerable<(SyntaxNode? Call, IMethodSymbol Bound)> Written(HashSet<IMethodSymbol> targets, CancellationToken cancellationToken)
    {
        var names = targets.Where(t => t.MethodKind is not (MethodKind.Constructor or MethodKind.StaticConstructor)).Select(t => t.Name)
            .Concat(targets.Select(ExtensionBlocks.PropertyOfGetter).OfType<IPropertySymbol>().Select(p => p.Name));
        foreach (var name in names.Distinct().SelectMany(n => Occurrences(n, cancellationToken)))
        {
            var symbol = Bind(name, cancellationToken);
            if (symbol is IPropertySymbol { GetMethod: { } getter } && targets.Contains(ExtensionBlocks.Definition(getter)))
            {
                // A read of an extension property is a call of its getter with the receiver it is read on; a plain write
                // calls its setter only; any other use of the name (a property pattern) calls it with what is not seen.
                var read = ExtensionPropertyRead(name);
                if (read?.Parent is not AssignmentExpressionSyntax { RawKind: (int)SyntaxKind.SimpleAssignmentExpression } assignment || assignment.Left != read)
                {
                    yield return (read, ExtensionBlocks.Definition(getter));
                }

                continue;
            }

            if (symbol is not IMethodSymbol bound || !targets.Contains(bound))
            {
                // A call bound at run time (a dynamic receiver or argument) may be a call of one of them, with anything.
                if (IsLateBoundCallOf(name, targets, cancellationToken))
                {
                    yield return (null, targets.First());
                }

                continue;
            }

            yield return (InvocationOf(name), bound);
        }
    }

    /// <summary>
    /// Whether <paramref name="name"/> names a call the runtime binds (<c>dynamic d; d.Map(group)</c>, or a call with a
    /// dynamic argument among whose candidates one of <paramref name="targets"/> is): who it calls is not known here.
    /// </summary>
    private bool IsLateBoundCallOf(SimpleNameSyntax name, HashSet<IMethodSymbol> targets, CancellationToken cancellationToken)
    {
        var model = compilation.GetSemanticModel(name.SyntaxTree);
        if (name.Parent is MemberAccessExpressionSyntax access && access.Name == name && InvocationOf(name) is not null
            && model.GetTypeInfo(access.Expression, cancellationToken).Type is { TypeKind: TypeKind.Dynamic })
        {
            return targets.Any(static target => !target.IsStatic);
        }

        var info = model.GetSymbolInfo(name, cancellationToken);
        return info.CandidateReason == CandidateReason.LateBound
            && info.CandidateSymbols.OfType<IMethodSymbol>().Any(candidate => targets.Contains(ExtensionBlocks.Definition(candidate)));
    }

    /// <summary>
    /// The calls the language makes without naming the method: of a constructor, <c>new T(...)</c>, <c>new(...)</c>,
    /// <c>: this(...)</c> and <c>: base(...)</c>; of an <c>Add</c> method, each element of a collection initializer.
    /// </summary>
    private IEnumerable<(SyntaxNode? Call, IMethodSymbol Bound)> Implicit(IMethodSymbol method, HashSet<IMethodSymbol> targets, CancellationToken cancellationToken)
    {
        if (method.MethodKind == MethodKind.Constructor)
        {
            foreach (var creation in ImplicitCalls().Creations)
            {
                if (compilation.GetSemanticModel(creation.SyntaxTree).GetSymbolInfo(creation, cancellationToken).Symbol is IMethodSymbol bound && targets.Contains(bound.OriginalDefinition))
                {
                    yield return (creation, bound.OriginalDefinition);
                }
            }
        }
        else if (method.Name == "Add")
        {
            foreach (var element in ImplicitCalls().CollectionElements)
            {
                if (compilation.GetSemanticModel(element.SyntaxTree).GetCollectionInitializerSymbolInfo(element, cancellationToken).Symbol is IMethodSymbol bound
                    && targets.Contains(ExtensionBlocks.Definition(bound)))
                {
                    yield return (element, ExtensionBlocks.Definition(bound));
                }
            }
        }
    }

    /// <summary>
    /// Whether <paramref name="method"/> may be called where no call of it is written or found: an operator or conversion
    /// (<c>a + b</c>, an implicit conversion), an accessor, a method the language calls by its name's pattern
    /// (<c>Deconstruct</c>, <c>GetEnumerator</c>, <c>GetAwaiter</c>, <c>Dispose</c>: a deconstruction, a <c>foreach</c>,
    /// an <c>await</c>, a <c>using</c>), an <c>Add</c> method a collection expression (<c>[group]</c>) may call, a primary
    /// constructor passed on by a derived class's base list, or a constructor whose type is named as a type argument or
    /// in <c>typeof</c> (a container or <c>Activator</c> may construct it). Its callers are then not all seen.
    /// </summary>
    private bool HasUnwrittenCalls(IMethodSymbol method, CancellationToken cancellationToken)
    {
        switch (method.MethodKind)
        {
            case MethodKind.UserDefinedOperator or MethodKind.Conversion or MethodKind.PropertyGet or MethodKind.PropertySet or MethodKind.EventAdd or MethodKind.EventRemove:
                return true;
            case MethodKind.Constructor:
                return ImplicitCalls().PrimaryBases.Count > 0 && ImplicitCalls().PrimaryBases.Any(b => SymbolEqualityComparer.Default.Equals(
                        compilation.GetSemanticModel(b.SyntaxTree).GetSymbolInfo(b, cancellationToken).Symbol?.OriginalDefinition, method.OriginalDefinition))
                    || ImplicitCalls().TypeMentions.Any(t => SymbolEqualityComparer.Default.Equals(
                        compilation.GetSemanticModel(t.SyntaxTree).GetTypeInfo(t, cancellationToken).Type?.OriginalDefinition, method.ContainingType.OriginalDefinition));
        }

        if (method.Name is "Deconstruct" or "GetEnumerator" or "GetAsyncEnumerator" or "GetAwaiter" or "Dispose" or "DisposeAsync" || ExtensionBlocks.IsCalledUnnamed(method))
        {
            return true;
        }

        return method.Name == "Add" && ImplicitCalls().CollectionExpressions.Any(c =>
            compilation.GetSemanticModel(c.SyntaxTree).GetTypeInfo(c, cancellationToken).ConvertedType is INamedTypeSymbol type
            && (method.IsExtensionMethod || DerivesFrom(type, method.ContainingType)));
    }

    private static bool DerivesFrom(ITypeSymbol type, ITypeSymbol ancestor)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, ancestor.OriginalDefinition))
            {
                return true;
            }
        }

        return type.AllInterfaces.Any(i => SymbolEqualityComparer.Default.Equals(i.OriginalDefinition, ancestor.OriginalDefinition));
    }

    /// <summary>The syntax of calls no name shows, collected in one walk of every file the first time one is asked for.</summary>
    private ImplicitCallSyntax ImplicitCalls()
    {
        lock (_indexGate)
        {
            if (_implicitCalls is null)
            {
                var found = new ImplicitCallSyntax();
                foreach (var node in compilation.SyntaxTrees.SelectMany(t => t.GetRoot().DescendantNodes()))
                {
                    switch (node)
                    {
                        case BaseObjectCreationExpressionSyntax or ConstructorInitializerSyntax:
                            found.Creations.Add(node);
                            break;
                        case PrimaryConstructorBaseTypeSyntax primary:
                            found.PrimaryBases.Add(primary);
                            break;
                        case InitializerExpressionSyntax { RawKind: (int)SyntaxKind.CollectionInitializerExpression } initializer:
                            found.CollectionElements.AddRange(initializer.Expressions);
                            break;
                        case CollectionExpressionSyntax collection:
                            found.CollectionExpressions.Add(collection);
                            break;
                        case TypeSyntax type when type.Parent is TypeArgumentListSyntax or TypeOfExpressionSyntax:
                            found.TypeMentions.Add(type);
                            break;
                    }
                }

                _implicitCalls = found;
            }

            return _implicitCalls;
        }
    }

    /// <summary>
    /// Whether every value <paramref name="method"/> returns is decided; a parameter it returns unguarded is the argument
    /// of <paramref name="call"/> (a fluent helper returns what it was given), or of every call when there is none.
    /// </summary>
    private bool ReturnDecides(IMethodSymbol method, (BuilderFlow Flow, SyntaxNode Site)? call, bool sessionOnly, Search search, CancellationToken cancellationToken)
    {
        if (method.IsAbstract || method.IsVirtual || method.IsOverride || method.IsExtern)
        {
            return false;
        }

        method = Implementation(method);
        var found = false;
        foreach (var reference in method.DeclaringSyntaxReferences)
        {
            var body = reference.GetSyntax(cancellationToken);
            if (FlowAround(body, cancellationToken) is not { } flow || !flow.Returns.TryGetValue(method, out var returns))
            {
                return false;
            }

            foreach (var (site, values) in returns)
            {
                foreach (var value in values)
                {
                    var decided = value is IParameterSymbol parameter && call is var (callerFlow, callSite)
                        && SymbolEqualityComparer.Default.Equals(parameter.ContainingSymbol, method) && !flow.IsRootGuardedAt(site, parameter, sessionOnly)
                        ? callerFlow.CallArguments.TryGetValue(callSite, out var arguments) && arguments.TryGetValue(parameter.Ordinal, out var passed)
                            && AllDecide(callerFlow, callSite, passed, sessionOnly, search, cancellationToken)
                        : Decides(flow, site, value, sessionOnly, search, cancellationToken);
                    if (!decided)
                    {
                        return false;
                    }
                }

                found |= values.Count > 0;
                if (values.Count == 0)
                {
                    return false;
                }
            }
        }

        return found;
    }

    private bool MemberDecides(ISymbol member, bool sessionOnly, Search search, CancellationToken cancellationToken)
    {
        if (member is IPropertySymbol property && !BuilderFlow.HoldsOneValue(property))
        {
            return property.GetMethod is { } getter && ReturnDecides(getter, null, sessionOnly, search, cancellationToken);
        }

        if (compilation.Options.OutputKind == OutputKind.DynamicallyLinkedLibrary && IsWritableFromOutside(member))
        {
            return false;
        }

        var writes = 0;
        var seen = new HashSet<BuilderFlow>();
        foreach (var name in Occurrences(member.Name, cancellationToken))
        {
            if (!SymbolEqualityComparer.Default.Equals(Bind(name, cancellationToken)?.OriginalDefinition, member)
                || FlowAround(name, cancellationToken) is not { } flow || !seen.Add(flow))
            {
                continue;
            }

            if (flow.MemberWrites.TryGetValue(member, out var list))
            {
                foreach (var (site, values) in list)
                {
                    if (!AllDecide(flow, site, values, sessionOnly, search, cancellationToken))
                    {
                        return false;
                    }

                    writes++;
                }
            }
        }

        // Initializers of fields and auto-properties are bodies of their own, reached through their declarations.
        foreach (var reference in member.DeclaringSyntaxReferences)
        {
            var initializer = reference.GetSyntax(cancellationToken) switch
            {
                VariableDeclaratorSyntax variable => variable.Initializer,
                PropertyDeclarationSyntax declared => declared.Initializer,
                _ => null,
            };
            if (initializer is not null && FlowAround(initializer, cancellationToken) is { } flow && seen.Add(flow)
                && flow.MemberWrites.TryGetValue(member, out var list))
            {
                foreach (var (site, values) in list)
                {
                    if (!AllDecide(flow, site, values, sessionOnly, search, cancellationToken))
                    {
                        return false;
                    }

                    writes++;
                }
            }
        }

        return writes > 0;
    }

    /// <summary>
    /// The method, and the interface methods it implements and the methods it overrides, whose calls reach it: an
    /// interface method it implements implicitly or explicitly for its own type, or implicitly for a type of the
    /// compilation derived from it (<c>class Derived : Base, IModule</c>, where <c>Base.Map</c> is <c>IModule.Map</c>), one a
    /// method it overrides implements (an override of that <c>Base.Map</c>), and a static interface member it implements.
    /// </summary>
    private HashSet<IMethodSymbol> CallTargets(IMethodSymbol method)
    {
        var targets = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default) { method.OriginalDefinition };

        // A call of a partial method names its declaration; the parameters the body reads are the implementation's.
        if (method.PartialDefinitionPart is { } declaration)
        {
            targets.Add(declaration.OriginalDefinition);
        }

        // The method and the methods it overrides: a call of any of them may reach it, and so may a call of an interface
        // method any of them implements (an override of Base.Map, which implements IModule.Map, answers IModule.Map).
        var overrideChain = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default) { method.OriginalDefinition };
        for (var overridden = method.OverriddenMethod; overridden is not null; overridden = overridden.OverriddenMethod)
        {
            targets.Add(overridden.OriginalDefinition);
            overrideChain.Add(overridden.OriginalDefinition);
        }

        foreach (var implemented in method.ExplicitInterfaceImplementations)
        {
            targets.Add(implemented.OriginalDefinition);
        }

        // Static methods too: a static abstract or virtual interface member called through a type parameter
        // (where T : IModule => T.Map(group)) reaches the implementation of the type argument.
        if (method.ContainingType is not { } owner || method.MethodKind != MethodKind.Ordinary)
        {
            return targets;
        }

        foreach (var type in SourceTypes().Where(t => DerivesFrom(t, owner) && t.TypeKind is TypeKind.Class or TypeKind.Struct).Append(owner))
        {
            foreach (var @interface in type.AllInterfaces)
            {
                foreach (var member in @interface.GetMembers(method.Name).OfType<IMethodSymbol>())
                {
                    if (type.FindImplementationForInterfaceMember(member) is IMethodSymbol implementation && overrideChain.Contains(implementation.OriginalDefinition))
                    {
                        targets.Add(member.OriginalDefinition);
                    }
                }
            }
        }

        return targets;
    }

    /// <summary>Every class and struct declared in the compilation, nested ones too, listed once.</summary>
    private List<INamedTypeSymbol> SourceTypes()
    {
        lock (_indexGate)
        {
            return _sourceTypes ??= compilation.GetSymbolsWithName(static _ => true, SymbolFilter.Type).OfType<INamedTypeSymbol>().ToList();
        }
    }

    /// <summary>
    /// Whether code the compilation does not contain may call <paramref name="method"/>: it implements or overrides a
    /// method another assembly declares (that assembly calls it, in an executable too: <c>IModule.AddRoutes(app)</c> from
    /// a library's <c>MapModules</c>), or it is a library's method visible from outside.
    /// </summary>
    private bool CallableFromOutside(IMethodSymbol method)
    {
        var targets = CallTargets(method);
        if (targets.Any(t => !SymbolEqualityComparer.Default.Equals(t.ContainingAssembly, compilation.Assembly)))
        {
            return true;
        }

        return compilation.Options.OutputKind == OutputKind.DynamicallyLinkedLibrary && targets.Any(IsVisibleFromOutside);
    }

    /// <summary>
    /// Whether code outside the compilation can reach <paramref name="symbol"/>: public all the way out, or, in an assembly
    /// with <c>[InternalsVisibleTo]</c>, anything but private (a friend assembly calls internal members, and its calls are not seen).
    /// </summary>
    private bool IsVisibleFromOutside(ISymbol symbol)
    {
        var friends = compilation.Assembly.GetAttributes().Any(static a =>
            a.AttributeClass?.ToDisplayString() == "System.Runtime.CompilerServices.InternalsVisibleToAttribute");
        for (var current = symbol; current is not null and not INamespaceSymbol; current = current.ContainingSymbol)
        {
            var visible = current.DeclaredAccessibility is Accessibility.Public or Accessibility.Protected or Accessibility.ProtectedOrInternal
                || (friends && current.DeclaredAccessibility is Accessibility.Internal or Accessibility.ProtectedAndInternal);
            if (!visible)
            {
                return false;
            }
        }

        return true;
    }

    private bool IsWritableFromOutside(ISymbol member) => member switch
    {
        IFieldSymbol field => !field.IsReadOnly && IsVisibleFromOutside(field),
        IPropertySymbol property => property.SetMethod is { } setter && IsVisibleFromOutside(setter),
        _ => true,
    };

    /// <summary>The method whose body runs for a call of <paramref name="method"/>: a partial method's implementation part.</summary>
    private static IMethodSymbol Implementation(IMethodSymbol method) => method.PartialImplementationPart ?? method;

    private ISymbol? Bind(SimpleNameSyntax name, CancellationToken cancellationToken)
    {
        var symbol = compilation.GetSemanticModel(name.SyntaxTree).GetSymbolInfo(name, cancellationToken).Symbol;
        return symbol is IMethodSymbol method ? ExtensionBlocks.Definition(method) : symbol?.OriginalDefinition;
    }

    /// <summary>
    /// The access <paramref name="name"/> makes to an extension property, as the flow records the call of its getter:
    /// <c>group.Orders</c>, <c>group?.Orders</c>; null for a use of the name that is no member access (a property pattern).
    /// </summary>
    private static SyntaxNode? ExtensionPropertyRead(SimpleNameSyntax name) =>
        name.Parent is MemberAccessExpressionSyntax access && access.Name == name ? access
            : name.Parent is MemberBindingExpressionSyntax binding && binding.Name == name ? binding
            : null;

    private static InvocationExpressionSyntax? InvocationOf(SimpleNameSyntax name)
    {
        SyntaxNode callee = name.Parent is MemberAccessExpressionSyntax access && access.Name == name ? access
            : name.Parent is MemberBindingExpressionSyntax binding && binding.Name == name ? binding
            : name;
        return callee.Parent is InvocationExpressionSyntax invocation && invocation.Expression == callee ? invocation : null;
    }

    /// <summary>The flow of the member body around <paramref name="node"/>, analysed once.</summary>
    private BuilderFlow? FlowAround(SyntaxNode node, CancellationToken cancellationToken)
    {
        var root = BodyRoot(node);
        if (root is null)
        {
            return null;
        }

        return _flows.GetOrAdd(root, r =>
        {
            var model = compilation.GetSemanticModel(r.SyntaxTree);
            var operation = model.GetOperation(r, cancellationToken);
            var owner = r switch
            {
                CompilationUnitSyntax unit => model.GetEnclosingSymbol(unit.Members.OfType<GlobalStatementSyntax>().First().SpanStart, cancellationToken) as IMethodSymbol,

                // An expression-bodied property or indexer: the body is its getter's.
                ArrowExpressionClauseSyntax { Parent: BasePropertyDeclarationSyntax property } => (model.GetDeclaredSymbol(property, cancellationToken) as IPropertySymbol)?.GetMethod,
                _ => model.GetDeclaredSymbol(r, cancellationToken) as IMethodSymbol,
            };
            return operation is null ? null : FlowOfOperation(operation, owner, cancellationToken);
        });
    }

    private BuilderFlow? FlowOfOperation(IOperation operation, IMethodSymbol? owner, CancellationToken cancellationToken)
    {
        var graph = EveryPath.GraphOf(operation, cancellationToken);
        return graph is null ? null : BuilderFlow.Analyze(graph, owner, symbols, m => _helpers.Of(m, cancellationToken), cancellationToken);
    }

    /// <summary>The node an operation block starts at: a member's declaration, an initializer, or the top-level statements' compilation unit.</summary>
    private static SyntaxNode? BodyRoot(SyntaxNode node)
    {
        for (var current = node; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case BaseMethodDeclarationSyntax or AccessorDeclarationSyntax:
                    return current;
                case ArrowExpressionClauseSyntax { Parent: PropertyDeclarationSyntax or IndexerDeclarationSyntax }:
                    return current;
                case EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent.Parent: FieldDeclarationSyntax } or PropertyDeclarationSyntax }:
                    return current;
                case GlobalStatementSyntax:
                    return current.Parent;
            }
        }

        return null;
    }

    private List<SimpleNameSyntax> Occurrences(string name, CancellationToken cancellationToken)
    {
        lock (_indexGate)
        {
            if (_names is null)
            {
                (_names, _complete) = Index(cancellationToken);
            }

            // A name the index did not take in whole (a generic method's, whose calls give its type parameters a type)
            // is looked for in every file once.
            if (_complete!.Add(name))
            {
                _names[name] = Find(name, cancellationToken);
            }

            return _names.TryGetValue(name, out var list) ? list : [];
        }
    }

    /// <summary>
    /// The uses of every name that can carry a builder across a method boundary: methods with a builder parameter or
    /// return type, builder fields and properties, and <see cref="IndexedCalls"/>, in every file; and of local
    /// functions, in the file that declares them. The names it returns as complete need no other search.
    /// </summary>
    private (Dictionary<string, List<SimpleNameSyntax>> Index, HashSet<string> Complete) Index(CancellationToken cancellationToken)
    {
        var wanted = new HashSet<string>(IndexedCalls, StringComparer.Ordinal);
        var members = new HashSet<string>(StringComparer.Ordinal);
        foreach (var member in compilation.GetSymbolsWithName(static _ => true, SymbolFilter.Member, cancellationToken))
        {
            members.Add(member.Name);
            var carries = member switch
            {
                IMethodSymbol method => IsBuilder(method.ReturnType) || (ExtensionBlocks.ImplementationOf(method) ?? method).Parameters.Any(p => IsBuilder(p.Type)),
                IFieldSymbol field => IsBuilder(field.Type),
                IPropertySymbol property => IsBuilder(property.Type),
                _ => false,
            };
            if (carries)
            {
                wanted.Add(member.Name);
            }
        }

        // A local function is called only in its own file, so its uses there are all of them, unless a member shares its name.
        var complete = new HashSet<string>(wanted, StringComparer.Ordinal);
        var index = new Dictionary<string, List<SimpleNameSyntax>>(StringComparer.Ordinal);
        foreach (var tree in compilation.SyntaxTrees)
        {
            var root = tree.GetRoot(cancellationToken);
            var names = new HashSet<string>(wanted, StringComparer.Ordinal);
            foreach (var localFunction in root.DescendantNodes().OfType<LocalFunctionStatementSyntax>())
            {
                names.Add(localFunction.Identifier.ValueText);
                if (!members.Contains(localFunction.Identifier.ValueText))
                {
                    complete.Add(localFunction.Identifier.ValueText);
                }
            }

            foreach (var name in root.DescendantNodes().OfType<SimpleNameSyntax>())
            {
                var text = name.Identifier.ValueText;
                if (names.Contains(text))
                {
                    if (!index.TryGetValue(text, out var list))
                    {
                        index[text] = list = [];
                    }

                    list.Add(name);
                }
            }
        }

        return (index, complete);
    }

    private List<SimpleNameSyntax> Find(string name, CancellationToken cancellationToken)
    {
        var found = new List<SimpleNameSyntax>();
        foreach (var tree in compilation.SyntaxTrees)
        {
            found.AddRange(tree.GetRoot(cancellationToken).DescendantNodes().OfType<SimpleNameSyntax>().Where(n => n.Identifier.ValueText == name));
        }

        return found;
    }

    private bool IsBuilder(ITypeSymbol type) => BuilderFlow.IsBuilder(type, symbols);

    /// <summary>The syntax of calls the language makes without naming the method, and of what says some calls are not seen.</summary>
    private sealed class ImplicitCallSyntax
    {
        /// <summary><c>new T(...)</c>, <c>new(...)</c>, <c>: this(...)</c>, <c>: base(...)</c>.</summary>
        public List<SyntaxNode> Creations { get; } = [];

        /// <summary>A primary constructor's call of its base's (<c>class D(G g) : B(g)</c>): no body of the kind the flow reads holds it.</summary>
        public List<PrimaryConstructorBaseTypeSyntax> PrimaryBases { get; } = [];

        /// <summary>The elements of collection initializers, each a call of an <c>Add</c> method.</summary>
        public List<ExpressionSyntax> CollectionElements { get; } = [];

        public List<CollectionExpressionSyntax> CollectionExpressions { get; } = [];

        /// <summary>Types named as type arguments or in <c>typeof</c>.</summary>
        public List<TypeSyntax> TypeMentions { get; } = [];
    }

    /// <summary>One question <see cref="Decides(BuilderFlow, SyntaxNode, object, bool, Search, CancellationToken)"/> answers.</summary>
    private readonly struct Question(BuilderFlow flow, SyntaxNode site, object value, bool sessionOnly) : IEquatable<Question>
    {
        private readonly BuilderFlow _flow = flow;
        private readonly SyntaxNode _site = site;
        private readonly object _value = value;
        private readonly bool _sessionOnly = sessionOnly;

        public bool Equals(Question other) => ReferenceEquals(_flow, other._flow) && ReferenceEquals(_site, other._site)
            && _sessionOnly == other._sessionOnly && BuilderFlow.ValueComparer.Instance.Equals(_value, other._value);

        public override bool Equals(object? obj) => obj is Question other && Equals(other);

        public override int GetHashCode() => (System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(_flow) * 31)
            ^ (System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(_site) * 17) ^ BuilderFlow.ValueComparer.Instance.GetHashCode(_value) ^ (_sessionOnly ? 1 : 0);
    }

    /// <summary>
    /// The questions being answered, by the order they were first asked in; the earliest of them an answer so far took as
    /// decided; and the answers "decided" that took an open question as decided, held until the first question of their
    /// cycle is answered.
    /// </summary>
    /// <remarks>
    /// The order numbers are Tarjan's indices: never given twice in one search. A held answer keeps the number of the
    /// question it took as decided after that question has closed (held in turn); were numbers given by depth, a sibling
    /// asked next at the same depth would get that number again, find the held answer's number equal to its own, take
    /// itself for the first question of its cycle and be stored "decided" before the cycle's real first question closed.
    /// </remarks>
    private sealed class Search
    {
        public Dictionary<Question, int> Open { get; } = [];

        /// <summary>The order number the next question asked gets.</summary>
        public int NextIndex { get; set; }

        public int LowestAssumed { get; set; } = int.MaxValue;

        /// <summary>Each held answer, with the earliest open question it took as decided.</summary>
        public Dictionary<Question, int> Held { get; } = [];

        /// <summary>The held answers in the order they were given: those given while a question was open follow it.</summary>
        public List<Question> HeldOrder { get; } = [];

        public void Hold(Question question, int assumed)
        {
            Held[question] = assumed;
            HeldOrder.Add(question);
        }

        public IEnumerable<Question> HeldSince(int count) => HeldOrder.Skip(count);

        public void DropHeldSince(int count)
        {
            for (var i = count; i < HeldOrder.Count; i++)
            {
                Held.Remove(HeldOrder[i]);
            }

            HeldOrder.RemoveRange(count, HeldOrder.Count - count);
        }
    }
}
