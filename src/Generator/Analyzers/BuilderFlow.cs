using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SessionAuth.Generators.Parsing;

namespace SessionAuth.Generators.Analyzers;

/// <summary>
/// What one body does with endpoint builders (route groups, endpoint convention builders), read over its control flow
/// graph: which builder each local, parameter and capture may hold at each point (reaching definitions), which builders
/// a <c>MapGroup</c>/<c>Map*</c> call creates and from which, and which of them got a guard convention on every path.
/// </summary>
/// <remarks>
/// A builder value is the syntax of the call that created it, standing for the builder its latest run made (a site on a
/// cycle of the graph turns the builders of its earlier runs into one <see cref="Old"/> value, which no guard through a
/// local is credited to); the result of a call of a method of the compilation, or of a read of a property whose getter
/// computes it (<see cref="CallResult"/>); a builder picked among several a local may hold (<see cref="Pick"/>); the one
/// a local holds after a merge where each path gave it a builder of its own (<see cref="Join"/>); what a write the flow
/// cannot follow stored (<see cref="Stored"/>: a ref or out argument, a deconstruction of something other than a tuple
/// written in place); or, for a builder from outside the body, a parameter or a member as read through its receiver
/// (<see cref="MemberPath"/>). Every way C# writes a local is a write: a deconstruction, a write through a ref local or a
/// conditional ref (to the variable it refers to, or to each of several it may), a ref or out argument. Conventions on a builder apply when the endpoints are
/// built, after the mapping code has run, so what matters is whether a guard was applied to the value on every path that
/// created it, not where. Catch blocks start from every state of their try block, and finally blocks run on the branches
/// that leave it. Lambdas and local functions are analysed as graphs of their own; a local of the outer body read inside
/// them may hold any value the outer body ever assigned to it, and a local they write may hold anything once they may
/// have run (<see cref="BodyFacts"/>).
/// </remarks>
internal sealed class BuilderFlow
{
    // Mapping code settles in a few rounds; a graph that does not within this many is left with what it has, which at
    // worst leaves a builder undecided (the rule fires) and never decided when it is not.
    private const int MaxRounds = 32;

    private static readonly HashSet<object> Empty = new(ValueComparer.Instance);

    private readonly AnalyzerSymbols _symbols;
    private readonly Func<IMethodSymbol, GuardHelpers.Summary?>? _helpers;

    /// <summary>The model of the analysed body: operations inside a control flow graph have none, and a lambda's body is read from its syntax.</summary>
    private SemanticModel? _semanticModel;
    private readonly Dictionary<SyntaxNode, Graph> _owners = [];
    private readonly Dictionary<object, HashSet<object>> _everAssigned = new(ValueComparer.Instance);
    private Graph? _body;
    private Compilation? _compilation;

    // For the body of an extension block member: its implementation's parameters by the receiver and parameters it reads.
    private Dictionary<IParameterSymbol, IParameterSymbol>? _implementationParameters;

    private BuilderFlow(AnalyzerSymbols symbols, Func<IMethodSymbol, GuardHelpers.Summary?>? helpers)
    {
        _symbols = symbols;
        _helpers = helpers;
    }

    /// <summary>The parents of every builder created in the body: the values of the builder it was created on.</summary>
    public Dictionary<SyntaxNode, HashSet<object>> Parents { get; } = [];

    /// <summary>The values passed to each call of a method of the compilation, by call syntax and parameter ordinal.</summary>
    public Dictionary<SyntaxNode, Dictionary<int, HashSet<object>>> CallArguments { get; } = [];

    /// <summary>The values of the builder each call on a builder was made on, by call syntax.</summary>
    public Dictionary<SyntaxNode, HashSet<object>> Receivers { get; } = [];

    /// <summary>
    /// The builders an <c>IAllowAnonymous</c> was applied to on some path (<c>AllowAnonymous()</c>, a
    /// <c>WithMetadata(new AllowAnonymousAttribute())</c>, a helper that applies one): every value the receiver may hold,
    /// since anonymous access undoes a session requirement wherever it may reach.
    /// </summary>
    public HashSet<object> AllowAnonymous { get; } = new(ValueComparer.Instance);

    /// <summary>The values the body returns, by the method (or local function) that returns them, with the syntax that returns them.</summary>
    public Dictionary<IMethodSymbol, List<(SyntaxNode Site, HashSet<object> Values)>> Returns { get; } = new(SymbolEqualityComparer.Default);

    /// <summary>The values written to fields and properties of the compilation, by member, with the syntax that writes them.</summary>
    public Dictionary<ISymbol, List<(SyntaxNode Site, HashSet<object> Values)>> MemberWrites { get; } = new(SymbolEqualityComparer.Default);

    /// <summary>
    /// Analyses <paramref name="graph"/>; <paramref name="helpers"/> says which parameters a method of the compilation
    /// guards, so that a call of it guards what it is passed.
    /// </summary>
    public static BuilderFlow Analyze(ControlFlowGraph graph, IMethodSymbol? method, AnalyzerSymbols symbols, Func<IMethodSymbol, GuardHelpers.Summary?>? helpers, CancellationToken cancellationToken)
    {
        var flow = new BuilderFlow(symbols, helpers) { _semanticModel = graph.OriginalOperation.SemanticModel };
        if (method is not null && ExtensionBlocks.ImplementationOf(method) is { } implementation)
        {
            // A member of an extension block is read as its implementation method, the receiver its first parameter.
            flow._implementationParameters = ExtensionBlocks.ImplementationParameters(method);
            method = implementation;
        }

        flow.AnalyzeGraph(graph, method, cancellationToken);
        return flow;
    }

    /// <summary>
    /// Whether <paramref name="value"/>, a builder this body made at <paramref name="site"/> (a creation, or the result of a
    /// call of a method of the compilation), got a guard on every path that made it.
    /// </summary>
    public bool IsGuardedWhereMade(object value, SyntaxNode site, bool sessionOnly) =>
        _owners.TryGetValue(site, out var owner) && IsGuardedWhereMade(owner, value, sessionOnly);

    /// <summary>Whether <paramref name="join"/> got a guard on every path after the merge that made it.</summary>
    public static bool IsGuardedWhereMade(Join join, bool sessionOnly) => IsGuardedWhereMade((Graph)join.Owner, join, sessionOnly);

    /// <summary>The builders <paramref name="join"/> may be, one per path into its merge.</summary>
    public static HashSet<object> AlternativesOf(Join join) => ((Graph)join.Owner).Joins.TryGetValue(join, out var alternatives) ? alternatives : Empty;

    private static bool IsGuardedWhereMade(Graph owner, object value, bool sessionOnly) =>
        !IsLeftUnguarded(owner, value, sessionOnly) && !owner.Covers(sessionOnly ? owner.EscapedSessionAtExit : owner.EscapedAtExit, value);

    /// <summary>
    /// Whether <paramref name="value"/>, a builder this body made at <paramref name="site"/>, was returned unguarded on some
    /// path and guarded on every other: its callers then decide for it, as they decide for what they get back.
    /// </summary>
    public bool IsReturnedWhereNotGuarded(object value, SyntaxNode site, bool sessionOnly) =>
        _owners.TryGetValue(site, out var owner)
        && !IsLeftUnguarded(owner, value, sessionOnly)
        && owner.Covers(sessionOnly ? owner.EscapedSessionAtExit : owner.EscapedAtExit, value);

    /// <summary>
    /// Whether a builder <paramref name="value"/>'s site made, the newest or an older one (a site on a cycle), is unguarded
    /// at the end of the body, itself or as the builder a merge's join stands for on its path.
    /// </summary>
    private static bool IsLeftUnguarded(Graph owner, object value, bool sessionOnly) =>
        owner.Covers(sessionOnly ? owner.UnguardedSessionAtExit : owner.UnguardedAtExit, value);

    /// <summary>Whether <paramref name="value"/>, a builder this body made at <paramref name="site"/>, was returned unguarded on some path.</summary>
    public bool IsReturnedUnguarded(object value, SyntaxNode site) => _owners.TryGetValue(site, out var owner) && owner.Covers(owner.EscapedAtExit, value);

    /// <summary>The method, local function or lambda whose body holds <paramref name="site"/>.</summary>
    public IMethodSymbol? MethodAt(SyntaxNode site) => _owners.TryGetValue(site, out var owner) ? owner.Method : null;

    /// <summary>
    /// Whether a guard was applied on some path to <paramref name="value"/>, or to a builder it was created on in this
    /// body, or by a caller it was returned to (<paramref name="callersGuardSomewhere"/>, given each made value).
    /// </summary>
    public bool IsGuardedOnSomePaths(object value, Func<object, bool> callersGuardSomewhere)
    {
        var pending = new Stack<object>([value]);
        var seen = new HashSet<object>(ValueComparer.Instance);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            if (!seen.Add(current))
            {
                continue;
            }

            if (_owners.Values.Any(o => o.GuardedSomewhere.Contains(current)) || (State.IsMade(current) && callersGuardSomewhere(current)))
            {
                return true;
            }

            if (current is SyntaxNode node && Parents.TryGetValue(node, out var parents))
            {
                foreach (var parent in parents)
                {
                    pending.Push(parent);
                }
            }
        }

        return false;
    }

    /// <summary>
    /// Whether the body or nested function in which <paramref name="site"/> (a creation, call, return or write) was seen
    /// guarded <paramref name="root"/>, a builder from outside it, on every path.
    /// </summary>
    public bool IsRootGuardedAt(SyntaxNode site, object root, bool sessionOnly) =>
        _owners.TryGetValue(site, out var owner) && (sessionOnly ? owner.RootsGuardedSession : owner.RootsGuarded).Contains(root);

    /// <summary>Whether <paramref name="value"/> is a builder picked among several (<c>dev ? a : b</c>): it is one of its parents.</summary>
    public bool IsPick(SyntaxNode value) => _owners.TryGetValue(value, out var owner) && owner.Picks.Contains(value);

    /// <summary>
    /// The ordinals of the parameters of <paramref name="method"/>, the body analysed, that every return returns as it was
    /// given (not written since, nor maybe written by a lambda), in order; none when some return returns anything else, or
    /// none returns. A return may give back what a call of a helper returns while the helper is still assumed to return
    /// any of several of its parameters (a cycle of helpers being read, <see cref="GuardHelpers"/>): it returns each
    /// parameter of this method passed, as it was given, for one of them.
    /// </summary>
    public ImmutableArray<int> ReturnedParameters(IMethodSymbol method)
    {
        if (!Returns.TryGetValue(method, out var returns) || returns.Count == 0)
        {
            return [];
        }

        HashSet<int>? returned = null;
        foreach (var (_, values) in returns)
        {
            if (values.Count == 0)
            {
                return [];
            }

            foreach (var value in values)
            {
                var candidates = ReturnedAs(value, method);
                if (returned is null)
                {
                    returned = candidates;
                }
                else
                {
                    returned.IntersectWith(candidates);
                }

                if (returned.Count == 0)
                {
                    return [];
                }
            }
        }

        return returned is null ? [] : [.. returned.OrderBy(static o => o)];
    }

    /// <summary>The ordinals of the parameters of <paramref name="method"/> that <paramref name="value"/>, returned by it, is as they were given.</summary>
    private HashSet<int> ReturnedAs(object value, IMethodSymbol method)
    {
        var ordinals = new HashSet<int>();
        if (value is IParameterSymbol parameter && SymbolEqualityComparer.Default.Equals(parameter.ContainingSymbol, method))
        {
            ordinals.Add(parameter.Ordinal);
        }
        else if (value is CallResult call && _helpers?.Invoke(call.Method) is { ReturnedParameters.Length: > 1 } helper && CallArguments.TryGetValue(call.Call, out var arguments))
        {
            foreach (var candidate in helper.ReturnedParameters)
            {
                if (arguments.TryGetValue(candidate, out var passed) && passed.Count == 1 && passed.First() is IParameterSymbol given
                    && SymbolEqualityComparer.Default.Equals(given.ContainingSymbol, method))
                {
                    ordinals.Add(given.Ordinal);
                }
            }
        }

        return ordinals;
    }

    public bool Created(SyntaxNode creation) => _owners.TryGetValue(creation, out var owner) && owner.Created.Contains(creation);

    /// <summary>
    /// What the body (not its lambdas or local functions) does to <paramref name="parameter"/>, a builder it is passed: a
    /// guard on every path to its end, one that requires a session, a guard on some path, an <c>IAllowAnonymous</c> on
    /// some path (of the body or a function in it).
    /// </summary>
    public GuardHelpers.ParameterGuard GuardOf(IParameterSymbol parameter) => _body is not { } body
        ? default
        : new(body.RootsGuarded.Contains(parameter), body.RootsGuardedSession.Contains(parameter), body.GuardedSomewhere.Contains(parameter), AllowAnonymous.Contains(parameter));

    private void AnalyzeGraph(ControlFlowGraph graph, IMethodSymbol? method, CancellationToken cancellationToken, bool madeAfterHostRun = false)
    {
        var owner = new Graph(method) { HostRuns = HostRun.In(graph, cancellationToken), MadeAfterHostRun = madeAfterHostRun };
        _body ??= owner;
        _compilation ??= graph.OriginalOperation.SemanticModel?.Compilation;
        BodyFacts.Read(graph.OriginalOperation, owner.NestedWrites, owner.GuardingLoops, owner.ListedLoops, owner.RefWrittenMembers, owner.OmittedCalls, _symbols);
        if (_implementationParameters is { } implementationParameters)
        {
            foreach (var written in owner.NestedWrites.Values)
            {
                foreach (var read in written.OfType<IParameterSymbol>().Where(implementationParameters.ContainsKey).ToList())
                {
                    written.Remove(read);
                    written.Add(implementationParameters[read]);
                }
            }
        }

        var blocks = graph.Blocks;
        var entryStates = new State?[blocks.Length];
        var exitStates = new State?[blocks.Length];
        var start = new State();
        if (method is not null)
        {
            foreach (var parameter in method.Parameters)
            {
                if (IsBuilder(parameter.Type))
                {
                    start.Env[parameter] = new HashSet<object>(ValueComparer.Instance) { parameter };
                }
            }
        }

        foreach (var assigned in _everAssigned)
        {
            start.Env[assigned.Key] = new HashSet<object>(assigned.Value, ValueComparer.Instance);
        }

        entryStates[0] = start;

        // Reaching definitions to a fixed point: environments and "created but not yet guarded" only grow at merges;
        // "roots guarded on every path" only shrink.
        var changed = true;
        for (var round = 0; changed && round < MaxRounds; round++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            changed = false;
            for (var i = 0; i < blocks.Length; i++)
            {
                var block = blocks[i];
                var entry = i == 0 ? start : Merge(block, exitStates, blocks, owner) ?? HandlerEntry(block, entryStates, exitStates);
                if (entry is null)
                {
                    continue;
                }

                entryStates[i] = entry;
                var exit = Transfer(block, entry.Clone(), owner, record: false);
                if (exitStates[i] is null || !exitStates[i]!.SameAs(exit))
                {
                    exitStates[i] = exit;
                    changed = true;
                }
            }
        }

        // One recording pass over the settled states: the facts then describe every path.
        for (var i = 0; i < blocks.Length; i++)
        {
            if (entryStates[i] is { } entry)
            {
                Transfer(blocks[i], entry.Clone(), owner, record: true);
            }
        }

        var exitState = exitStates[blocks.Length - 1] ?? new State();
        owner.UnguardedAtExit = exitState.Unguarded;
        owner.UnguardedSessionAtExit = exitState.UnguardedSession;
        owner.EscapedAtExit = exitState.Escaped;
        owner.EscapedSessionAtExit = exitState.EscapedSession;
        owner.RootsGuarded = exitState.RootsGuarded ?? Empty;
        owner.RootsGuardedSession = exitState.RootsGuardedSession ?? Empty;
        owner.GuardedSomewhere = exitState.GuardedSomewhere;
        foreach (var site in owner.Sites)
        {
            _owners[site] = owner;
        }

        foreach (var localFunction in graph.LocalFunctions)
        {
            AnalyzeGraph(graph.GetLocalFunctionControlFlowGraph(localFunction, cancellationToken), localFunction, cancellationToken);
        }

        foreach (var lambda in owner.Lambdas)
        {
            AnalyzeGraph(graph.GetAnonymousFunctionControlFlowGraph(lambda, cancellationToken), lambda.Symbol, cancellationToken, owner.LambdasMadeAfterHostRun.Contains(lambda));
        }
    }

    private State? Merge(BasicBlock block, State?[] exitStates, ImmutableArray<BasicBlock> blocks, Graph owner)
    {
        State? merged = null;
        var incoming = new List<State>();
        foreach (var predecessor in block.Predecessors)
        {
            if (exitStates[predecessor.Source.Ordinal] is { } state && !IsNeverTaken(predecessor, state))
            {
                // A branch that leaves a try block runs its finally blocks on the way: the state arrives through them.
                foreach (var region in predecessor.FinallyRegions)
                {
                    state = ThroughFinally(region, state, blocks, owner);
                }

                incoming.Add(state);
                merged = merged is null ? state.Clone() : merged.MergeWith(state);
            }
        }

        // Not at a loop's head: there a variable holds the builder of an earlier pass, which a pick stands for.
        if (merged is not null && incoming.Count > 1 && block.Predecessors.All(p => p.Source.Ordinal < block.Ordinal))
        {
            JoinBuilders(block, incoming, merged, owner);
        }

        return merged;
    }

    /// <summary>
    /// At a merge, a variable that holds one builder made in the body on each incoming path, a different one on some, holds
    /// from here one builder, a <see cref="Join"/>, that is on each path the one that path made. The join stands, in the
    /// unguarded builders, for each of them on the path where the variable holds it: it is unguarded when one of them is
    /// on its path, and a guard through the variable after the merge guards, on every path, the builder that path made
    /// (<c>if (v2) { g = app.MapGroup("/v2"); ... } else { ... } g.RequireAuthorization();</c>). A builder left unguarded
    /// on a path where the variable holds another (the group a nested group was made on, <c>g = g.MapGroup("/n")</c>)
    /// stays unguarded on its own: the guard after the merge does not reach it. Joins nest: a join made at an inner merge
    /// is the builder its variable holds on that path into an outer one.
    /// </summary>
    private static void JoinBuilders(BasicBlock block, List<State> incoming, State merged, Graph owner)
    {
        foreach (var variable in merged.Env.Keys.Where(static k => k is ILocalSymbol or IParameterSymbol or CaptureId).ToList())
        {
            var held = new List<object>();
            foreach (var state in incoming)
            {
                if (!state.Env.TryGetValue(variable, out var values) || values.Count != 1 || values.First() is not { } value || !State.IsMade(value) || value is Old)
                {
                    break;
                }

                held.Add(value);
            }

            var alternatives = new HashSet<object>(held, ValueComparer.Instance);
            if (held.Count != incoming.Count || alternatives.Count < 2)
            {
                continue;
            }

            // A builder returned on one path (the merge at the end of the body) while the variable holds another: the
            // callers decide for it, and the join cannot stand for it there.
            var exclusive = true;
            for (var i = 0; i < incoming.Count && exclusive; i++)
            {
                foreach (var other in alternatives)
                {
                    if (!ValueComparer.Instance.Equals(other, held[i]) && (incoming[i].Escaped.Contains(other) || incoming[i].EscapedSession.Contains(other)))
                    {
                        exclusive = false;
                        break;
                    }
                }
            }

            if (!exclusive)
            {
                continue;
            }

            var join = new Join(owner, block.Ordinal, variable);
            if (!owner.Joins.TryGetValue(join, out var known))
            {
                owner.Joins[join] = known = new HashSet<object>(ValueComparer.Instance);
            }

            known.UnionWith(alternatives);
            var unguarded = Enumerable.Range(0, incoming.Count).Any(i => incoming[i].Unguarded.Contains(held[i]));
            var unguardedSession = Enumerable.Range(0, incoming.Count).Any(i => incoming[i].UnguardedSession.Contains(held[i]));
            merged.Make(join);
            foreach (var alternative in alternatives)
            {
                // Unguarded from here only where some path left it so without the variable holding it.
                if (!Enumerable.Range(0, incoming.Count).Any(i => !ValueComparer.Instance.Equals(held[i], alternative) && incoming[i].Unguarded.Contains(alternative)))
                {
                    merged.Unguarded.Remove(alternative);
                }

                if (!Enumerable.Range(0, incoming.Count).Any(i => !ValueComparer.Instance.Equals(held[i], alternative) && incoming[i].UnguardedSession.Contains(alternative)))
                {
                    merged.UnguardedSession.Remove(alternative);
                }
            }

            if (!unguarded)
            {
                merged.Unguarded.Remove(join);
            }

            if (!unguardedSession)
            {
                merged.UnguardedSession.Remove(join);
            }

            merged.Env[variable] = Single(join);
        }
    }

    /// <summary>
    /// The state at the start of a catch, filter or finally block, which no branch of the graph enters: an exception may
    /// leave its try block at any point, so it is the merge of every state seen in the try block (catch blocks included,
    /// for a finally block).
    /// </summary>
    private static State? HandlerEntry(BasicBlock block, State?[] entryStates, State?[] exitStates)
    {
        ControlFlowRegion? handler = null;
        for (var region = block.EnclosingRegion; region is not null && region.FirstBlockOrdinal == block.Ordinal; region = region.EnclosingRegion)
        {
            if (region.Kind is ControlFlowRegionKind.Catch or ControlFlowRegionKind.Filter or ControlFlowRegionKind.FilterAndHandler or ControlFlowRegionKind.Finally)
            {
                handler = region;
            }
        }

        if (handler?.EnclosingRegion is not { Kind: ControlFlowRegionKind.TryAndCatch or ControlFlowRegionKind.TryAndFinally } tryAndHandlers)
        {
            return null;
        }

        var tryRegion = tryAndHandlers.NestedRegions[0];
        State? merged = null;
        for (var i = tryRegion.FirstBlockOrdinal; i <= tryRegion.LastBlockOrdinal; i++)
        {
            foreach (var state in new[] { entryStates[i], exitStates[i] })
            {
                if (state is not null)
                {
                    merged = merged is null ? state.Clone() : merged.MergeWith(state);
                }
            }
        }

        return merged;
    }

    /// <summary>The state after <paramref name="region"/>, a finally block, has run from <paramref name="entry"/>.</summary>
    private State ThroughFinally(ControlFlowRegion region, State entry, ImmutableArray<BasicBlock> blocks, Graph owner)
    {
        var count = region.LastBlockOrdinal - region.FirstBlockOrdinal + 1;
        var exits = new State?[count];
        var changed = true;
        for (var round = 0; changed && round < MaxRounds; round++)
        {
            changed = false;
            for (var i = 0; i < count; i++)
            {
                var block = blocks[region.FirstBlockOrdinal + i];
                State? input = i == 0 ? entry.Clone() : null;
                foreach (var predecessor in block.Predecessors)
                {
                    var source = predecessor.Source.Ordinal - region.FirstBlockOrdinal;
                    if (source >= 0 && source < count && exits[source] is { } state)
                    {
                        input = input is null ? state.Clone() : input.MergeWith(state);
                    }
                }

                if (input is null)
                {
                    continue;
                }

                var exit = Transfer(block, input, owner, record: false);
                if (exits[i] is null || !exits[i]!.SameAs(exit))
                {
                    exits[i] = exit;
                    changed = true;
                }
            }
        }

        State? result = null;
        for (var i = 0; i < count; i++)
        {
            if (exits[i] is { } state && blocks[region.FirstBlockOrdinal + i].FallThroughSuccessor is { Destination: null, Semantics: ControlFlowBranchSemantics.StructuredExceptionHandling })
            {
                result = result is null ? state.Clone() : result.MergeWith(state);
            }
        }

        return result ?? entry;
    }

    /// <summary>
    /// Whether <paramref name="branch"/> is the "is null" branch of a null check (<c>group?.RequireAuthorization()</c>) on
    /// a value that holds, in <paramref name="state"/>, only builders a framework Map call created: those are never null.
    /// A local that may still hold the <c>null</c> it was given, or something not followed, may be null.
    /// </summary>
    private static bool IsNeverTaken(ControlFlowBranch branch, State state)
    {
        var source = branch.Source;
        if (source.BranchValue is not IIsNullOperation check || source.ConditionKind == ControlFlowConditionKind.None)
        {
            return false;
        }

        var whenNull = branch.IsConditionalSuccessor == (source.ConditionKind == ControlFlowConditionKind.WhenTrue);
        object? key = check.Operand.Unwrapped() switch
        {
            IFlowCaptureReferenceOperation capture => capture.Id,
            ILocalReferenceOperation local => local.Local,
            _ => null,
        };
        return whenNull && key is not null && state.Env.TryGetValue(key, out var values) && values.Count > 0 && values.All(static v => v is SyntaxNode);
    }

    private State Transfer(BasicBlock block, State state, Graph owner, bool record)
    {
        for (var index = 0; index < block.Operations.Length; index++)
        {
            Eval(block.Operations[index], new Step(state, owner, record, block, index));
        }

        if (block.BranchValue is { } branch)
        {
            var values = Eval(branch, new Step(state, owner, record, block, block.Operations.Length));
            if (block.FallThroughSuccessor?.Semantics == ControlFlowBranchSemantics.Return)
            {
                state.Escape(values);
                if (record && owner.Method is { } method)
                {
                    Add(Returns, method, branch.Syntax, values, owner);
                }
            }
        }

        return state;
    }

    private HashSet<object> Eval(IOperation? operation, Step step)
    {
        switch (operation)
        {
            case null:
                return Empty;
            case var _ when step.Owner.IsOmitted(operation):
                // Left out by the compiler: nothing in it runs, a guard in its arguments included.
                return Empty;
            case IConversionOperation conversion:
                return Eval(conversion.Operand, step);
            case IParenthesizedOperation parenthesized:
                return Eval(parenthesized.Operand, step);
            case ILocalReferenceOperation { Local.IsRef: true } alias when step.State.Refs.TryGetValue(alias.Local, out var aliased):
                // A ref local reads the variable it refers to, whichever it is on this path.
                return ReadThrough(aliased, step);
            case ILocalReferenceOperation local:
                return step.State.Havocked(local.Local, step.State.Env.TryGetValue(local.Local, out var localValues) ? Pick(local, local.Local, localValues, step) : Empty);
            case IParameterReferenceOperation reference:
            {
                // A lambda or local function reading a parameter of the method around it reads that parameter's builder.
                var parameter = ParameterOf(reference.Parameter);
                return step.State.Havocked(parameter, step.State.Env.TryGetValue(parameter, out var parameterValues) ? parameterValues
                    : IsBuilder(reference.Type) && !SymbolEqualityComparer.Default.Equals(parameter.ContainingSymbol, step.Owner.Method) ? Single(parameter)
                    : Empty);
            }

            case IFlowCaptureReferenceOperation capture:
                return step.State.Env.TryGetValue(capture.Id, out var captured) ? Pick(capture, capture.Id, captured, step) : Empty;
            case ILiteralOperation or IDefaultValueOperation when operation.ConstantValue is { HasValue: true, Value: null }:
                // Kept as a value so that a null check on a local that may hold it is known to go either way.
                return Single(Null.Instance);
            case IFlowCaptureOperation capture:
                // A capture written with different values on different paths (a ?: b) holds neither for sure.
                step.Owner.Captured[capture.Id] = step.Owner.Captured.TryGetValue(capture.Id, out var held) && held != capture.Value ? null : capture.Value;
                step.State.Env[capture.Id] = Eval(capture.Value, step);

                // A capture the graph assigns to stands for a variable (the operand of a conditional ref, (c ? ref a : ref b) = x).
                step.State.Refs[capture.Id] = VariablesOf(capture.Value, step);
                return Empty;
            case IFlowAnonymousFunctionOperation lambda:
                // Seen once per round of the fixed point: each lambda's own graph is analysed once, or nesting multiplies the work.
                if (!step.Owner.Lambdas.Contains(lambda))
                {
                    step.Owner.Lambdas.Add(lambda);
                    if (step.IsAfterHostRun(lambda.Syntax))
                    {
                        step.Owner.LambdasMadeAfterHostRun.Add(lambda);
                    }
                }

                // Whoever holds the lambda may run it at any later point: what it writes may be anything from here on.
                if (step.Owner.NestedWrites.TryGetValue(lambda.Symbol, out var lambdaWrites))
                {
                    step.State.Havoc.UnionWith(lambdaWrites);
                }

                return Empty;
            case IMethodReferenceOperation { Method.MethodKind: MethodKind.LocalFunction } reference
                when step.Owner.NestedWrites.TryGetValue(reference.Method.OriginalDefinition, out var referencedWrites):
                // A local function turned into a delegate runs whenever the delegate is invoked, as a lambda does.
                step.State.Havoc.UnionWith(referencedWrites);
                return Empty;
            case IArrayCreationOperation or ICollectionExpressionOperation when step.Owner.ListedLoops.ContainsValue(operation.Syntax):
            {
                // The collection of a foreach over listed elements: its variable holds each element as listed here (the
                // body may assign the locals listed, not the array); a body that guards each element on every pass guards
                // every element.
                var elements = operation is IArrayCreationOperation array
                    ? array.Initializer?.ElementValues ?? []
                    : ((ICollectionExpressionOperation)operation).Elements;
                foreach (var child in operation.ChildOperations.Where(c => c is not IArrayInitializerOperation))
                {
                    Eval(child, step);
                }

                var listed = new HashSet<object>(ValueComparer.Instance);
                var guards = step.Owner.GuardingLoops.TryGetValue(operation.Syntax, out var loopGuard);
                foreach (var element in elements)
                {
                    var values = Eval(element, step);
                    listed.UnionWith(values.Count == 0 ? Single(Unknown.Instance) : values);
                    if (guards)
                    {
                        step.State.Guard(values, loopGuard);
                    }
                }

                step.State.Env[operation.Syntax] = listed;
                return Empty;
            }
            case ISimpleAssignmentOperation assignment:
                return Assign(assignment, step);
            case IDeconstructionAssignmentOperation deconstruction:
                Deconstruct(deconstruction.Target, deconstruction.Value, step);
                return Empty;
            case ICompoundAssignmentOperation compound when IsBuilder(compound.Target.Type):
                // An operator of the builder's type makes what the variable holds from here: nothing the flow follows.
                Eval(compound.Value, step);
                Store(compound.Target, StoredAt(compound.Syntax, step), compound.Syntax, step);
                return Empty;
            case IInvocationOperation invocation:
            {
                var result = Invoke(invocation, step);
                StoreThroughArguments(invocation.Arguments, step);
                return result;
            }

            case IObjectCreationOperation creation:
            {
                // A constructor of the compilation is a method its arguments are passed to (new OrdersModule(group)).
                var arguments = new Dictionary<int, HashSet<object>>();
                foreach (var child in creation.ChildOperations)
                {
                    if (child is IArgumentOperation { Parameter: { } parameter } argument)
                    {
                        arguments[parameter.Ordinal] = Eval(argument.Value, step);
                    }
                    else
                    {
                        Eval(child, step);
                    }
                }

                if (step.Record && creation.Constructor is { } constructor && IsInSource(constructor.OriginalDefinition))
                {
                    CallArguments[creation.Syntax] = arguments;
                    step.Owner.Sites.Add(creation.Syntax);
                }

                StoreThroughArguments(creation.Arguments, step);
                return Empty;
            }
            case IPropertyReferenceOperation { Property: var property } computed
                when IsBuilder(property.Type) && IsInSource(property) && !HoldsOneValue(property) && ForwardedField(computed) is null:
            {
                // A getter with a body runs at each read, as a call of it does (it may make a new group each time): each
                // read is its own builder, and the code it runs may write any builder member.
                var receiver = Empty;
                foreach (var child in computed.ChildOperations)
                {
                    var values = Eval(child, step);
                    receiver = child == computed.Instance ? values : receiver;
                }

                step.State.ForgetMembers();
                if (property.GetMethod?.OriginalDefinition is not { } getter)
                {
                    return Single(Unknown.Instance);
                }

                // An extension property's getter is called with the receiver it is read on (group.Orders runs
                // get_Orders(group)): read as that call, so a getter that guards or returns its receiver does so here.
                var arguments = new Dictionary<int, HashSet<object>>();
                if (ExtensionBlocks.ArgumentOffset(getter) == 1)
                {
                    arguments[0] = receiver;
                }

                return CallInSource(ExtensionBlocks.Definition(getter), computed.Syntax, arguments, returnsBuilder: true, step);
            }

            case IFieldReferenceOperation or IPropertyReferenceOperation:
            {
                var member = (IMemberReferenceOperation)operation;
                Eval(member.Instance, step);
                if (IsBuilder(operation.Type) && IsInSource(member.Member))
                {
                    // The member as read through this receiver: what the body wrote to it, or the member of that object.
                    var path = PathOf(member);
                    if (step.State.Havoc.Contains(MemberPath.AnyMember) || step.Owner.RefWrittenMembers.Contains(member.Member.OriginalDefinition))
                    {
                        return new HashSet<object>(ValueComparer.Instance) { path, Unknown.Instance };
                    }

                    return step.State.Env.TryGetValue(path, out var written) ? written : Single(path);
                }

                return Empty;
            }

            default:
                foreach (var child in operation.ChildOperations)
                {
                    Eval(child, step);
                }

                return Empty;
        }
    }

    private HashSet<object> Assign(ISimpleAssignmentOperation assignment, Step step)
    {
        if (assignment.IsRef && assignment.Target is ILocalReferenceOperation { Local: var alias })
        {
            // ref var slot = ref group: the ref local stands for the variable from here on; a write through it writes that variable.
            var variables = VariablesOf(assignment.Value, step);
            step.State.Refs[alias] = variables;
            return ReadThrough(variables, step);
        }

        switch (assignment.Target)
        {
            case ILocalReferenceOperation { Local.IsRef: true } or IFlowCaptureReferenceOperation:
            {
                var values = Eval(assignment.Value, step);
                Store(assignment.Target, values, assignment.Syntax, step);
                return values;
            }

            case ILocalReferenceOperation local:
            {
                var values = Eval(assignment.Value, step);
                if (step.Owner.ListedLoops.TryGetValue(local.Local, out var collection) && step.State.Env.TryGetValue(collection, out var elements))
                {
                    // A foreach variable over listed elements: the element of this pass, one of those listed.
                    values = elements;
                }

                step.State.Forget(local.Local);
                step.State.Env[local.Local] = values;
                if (step.Record)
                {
                    AddAll(_everAssigned, local.Local, values);
                }

                return values;
            }

            case IParameterReferenceOperation reference:
            {
                var values = Eval(assignment.Value, step);
                var parameter = ParameterOf(reference.Parameter);
                step.State.Forget(parameter);
                step.State.Env[parameter] = values;
                return values;
            }

            case IMemberReferenceOperation { Member: IFieldSymbol or IPropertySymbol } member:
            {
                Eval(member.Instance, step);
                var values = Eval(assignment.Value, step);
                if (member.Member is IPropertySymbol property && IsInSource(property) && !HoldsOneValue(property))
                {
                    // A setter with a body runs code of the compilation, as a call does.
                    step.State.ForgetMembers();
                }

                if (IsBuilder(member.Type))
                {
                    // Known from here on through this receiver; through any other, the same member may be this object's.
                    var path = PathOf(member, read: false);
                    step.State.ForgetMember(member.Member.OriginalDefinition);
                    if (!step.Owner.RefWrittenMembers.Contains(member.Member.OriginalDefinition))
                    {
                        step.State.Env[path] = values.Count == 0 ? Single(Unknown.Instance) : values;
                    }
                }

                // A write of a value nobody can follow still counts as a write: the member is then not decided. A null
                // (null, default, null!) is no group: it maps nothing, and mapping on it throws, so it decides nothing either way.
                if (step.Record && IsBuilder(member.Type) && assignment.Value.ConstantValue is not { HasValue: true, Value: null })
                {
                    Add(MemberWrites, member.Member.OriginalDefinition, assignment.Syntax, values.Count == 0 ? Single(Unknown.Instance) : values, step.Owner);
                }

                return values;
            }

            default:
                Eval(assignment.Target, step);
                return Eval(assignment.Value, step);
        }
    }

    /// <summary>
    /// <paramref name="values"/> now held by <paramref name="target"/>, written at <paramref name="site"/> other than by a
    /// plain assignment (a deconstruction, a write through a ref local or a conditional ref, a ref or out argument).
    /// </summary>
    private void Store(IOperation target, HashSet<object> values, SyntaxNode site, Step step)
    {
        target = target.Unwrapped();
        switch (target)
        {
            case IDeclarationExpressionOperation declaration:
                Store(declaration.Expression, values, site, step);
                break;
            case ILocalReferenceOperation { Local.IsRef: true } alias:
                StoreThrough(step.State.Refs.TryGetValue(alias.Local, out var aliased) ? aliased : Single(Unknown.Instance), values, step);
                break;
            case IFlowCaptureReferenceOperation capture:
                if (step.State.Refs.TryGetValue(capture.Id, out var captured))
                {
                    StoreThrough(captured, values, step);
                }

                break;
            case ILocalReferenceOperation local:
                step.State.Forget(local.Local);
                step.State.Env[local.Local] = values;
                if (step.Record)
                {
                    AddAll(_everAssigned, local.Local, values);
                }

                break;
            case IParameterReferenceOperation reference:
            {
                var parameter = ParameterOf(reference.Parameter);
                step.State.Forget(parameter);
                step.State.Env[parameter] = values;
                break;
            }

            case IMemberReferenceOperation { Member: IFieldSymbol or IPropertySymbol } member when IsBuilder(member.Type):
                // Written other than by assignment, a member is one BodyFacts marks: its reads hold anything from here.
                step.State.ForgetMember(member.Member.OriginalDefinition);
                if (step.Record)
                {
                    Add(MemberWrites, member.Member.OriginalDefinition, site, values.Count == 0 ? Single(Unknown.Instance) : values, step.Owner);
                }

                break;
        }
    }

    /// <summary>
    /// A write through a reference that stands for <paramref name="variables"/>: the one variable it refers to on every
    /// path holds <paramref name="values"/> from here; when it may refer to several, each may hold them or what it held.
    /// </summary>
    private void StoreThrough(HashSet<object> variables, HashSet<object> values, Step step)
    {
        foreach (var variable in variables)
        {
            if (variable is Unknown)
            {
                continue;
            }

            step.State.Forget(variable);
            var stored = variables.Count == 1 ? values
                : step.State.Env.TryGetValue(variable, out var held) ? new HashSet<object>(held.Concat(values), ValueComparer.Instance)
                : new HashSet<object>(values, ValueComparer.Instance) { Unknown.Instance };
            step.State.Env[variable] = stored;
            if (step.Record && variable is ILocalSymbol local)
            {
                AddAll(_everAssigned, local, values);
            }
        }
    }

    /// <summary>What a read through a reference that stands for <paramref name="variables"/> may hold.</summary>
    private static HashSet<object> ReadThrough(HashSet<object> variables, Step step)
    {
        var values = new HashSet<object>(ValueComparer.Instance);
        foreach (var variable in variables)
        {
            values.UnionWith(variable is not Unknown && step.State.Env.TryGetValue(variable, out var held) ? step.State.Havocked(variable, held) : Single(Unknown.Instance));
        }

        return values;
    }

    /// <summary>The variables a reference to <paramref name="operation"/> stands for: a local or parameter, or those a ref local or capture does.</summary>
    private HashSet<object> VariablesOf(IOperation operation, Step step) => operation.Unwrapped() switch
    {
        ILocalReferenceOperation { Local.IsRef: true } alias => step.State.Refs.TryGetValue(alias.Local, out var aliased) ? aliased : Single(Unknown.Instance),
        ILocalReferenceOperation local => Single(local.Local),
        IParameterReferenceOperation parameter => Single(ParameterOf(parameter.Parameter)),
        IFlowCaptureReferenceOperation capture => step.State.Refs.TryGetValue(capture.Id, out var captured) ? captured : Single(Unknown.Instance),
        _ => Single(Unknown.Instance),
    };

    /// <summary>
    /// A deconstruction: each variable of <paramref name="target"/> gets the element of a tuple written in place
    /// (<c>(a, b) = (b, a)</c>, all read before any is written); from anything else (a <c>Deconstruct</c> method, a
    /// tuple held elsewhere), a builder the flow does not follow.
    /// </summary>
    private void Deconstruct(IOperation target, IOperation value, Step step)
    {
        var targets = target.Unwrapped() is IDeclarationExpressionOperation declaration ? declaration.Expression.Unwrapped() : target.Unwrapped();
        if (targets is not ITupleOperation tuple)
        {
            Store(targets, IsBuilder(targets.Type) ? StoredAt(targets.Syntax, step) : Eval(value, step), targets.Syntax, step);
            return;
        }

        var source = step.Owner.ValueOf(value);
        if (source is ITupleOperation elements && elements.Elements.Length == tuple.Elements.Length)
        {
            var read = elements.Elements.Select(e => e.Unwrapped() is ITupleOperation ? null : Eval(e, step)).ToList();
            for (var i = 0; i < tuple.Elements.Length; i++)
            {
                if (read[i] is { } values)
                {
                    Store(tuple.Elements[i], values, tuple.Elements[i].Syntax, step);
                }
                else
                {
                    Deconstruct(tuple.Elements[i], elements.Elements[i], step);
                }
            }

            return;
        }

        Eval(value, step);
        foreach (var element in tuple.Elements)
        {
            Deconstruct(element, element, step);
        }
    }

    /// <summary>The variables passed by <c>ref</c> or <c>out</c>: each holds, after the call, a builder the flow does not follow.</summary>
    private void StoreThroughArguments(ImmutableArray<IArgumentOperation> arguments, Step step)
    {
        foreach (var argument in arguments)
        {
            if (argument.Parameter?.RefKind is RefKind.Ref or RefKind.Out && IsBuilder(argument.Value.Type))
            {
                Store(argument.Value, StoredAt(argument.Syntax, step), argument.Syntax, step);
            }
        }
    }

    /// <summary>The builder a write the flow cannot follow stored at <paramref name="site"/>, made there.</summary>
    private static HashSet<object> StoredAt(SyntaxNode site, Step step)
    {
        var stored = new Stored(site);
        step.Owner.Sites.Add(site);
        step.State.Make(stored);
        return Single(stored);
    }

    private HashSet<object> Invoke(IInvocationOperation invocation, Step step)
    {
        var method = invocation.TargetMethod;
        var receiver = Eval(invocation.Instance, step);
        var arguments = new Dictionary<int, HashSet<object>>();
        var receiverIsBuilder = invocation.Instance is { } instance && IsBuilder(instance.Type);

        // An extension block member is called as its implementation: the receiver is its first argument.
        var offset = ExtensionBlocks.ArgumentOffset(method);
        if (offset == 1)
        {
            arguments[0] = receiver;
        }

        foreach (var argument in invocation.Arguments)
        {
            var values = Eval(argument.Value, step);
            if (argument.Parameter is { } parameter)
            {
                arguments[parameter.Ordinal + offset] = values;
                if (method.IsExtensionMethod && parameter.Ordinal == 0 && invocation.Instance is null)
                {
                    receiver = values;
                    receiverIsBuilder = IsBuilder(argument.Value.Type) || IsBuilder(parameter.Type);
                }
            }
        }

        var name = method.Name;
        if (step.Record && receiverIsBuilder)
        {
            Receivers[invocation.Syntax] = receiver;
        }

        if (receiverIsBuilder && GuardConventions.MayDecide(name) && !step.IsAfterHostRun(invocation.Syntax)
            && GuardConventions.Of(invocation, _symbols.Known, step.Owner.ValueOf, syntax => _semanticModel?.GetOperation(syntax)) is { Decides: true } decision)
        {
            step.State.Guard(receiver, decision.RequiresSession);
            if (step.Record && decision.AllowsAnonymous)
            {
                AllowAnonymous.UnionWith(WithAlternatives(receiver, step.Owner));
            }

            return receiver;
        }

        var definition = ExtensionBlocks.Definition(method);
        var creates = IsBuilder(method.ReturnType) && name.StartsWith("Map", StringComparison.Ordinal) && (receiverIsBuilder || IsMapServerFunctions(definition));
        if (IsInSource(definition) && !IsMapServerFunctions(definition))
        {
            // A method of the compilation may write any builder field or property; a local function, the locals it captures.
            step.State.ForgetMembers();
            if (method.MethodKind == MethodKind.LocalFunction && step.Owner.NestedWrites.TryGetValue(definition, out var written))
            {
                step.State.Overwritten(written);
            }

            return CallInSource(definition, invocation.Syntax, arguments, IsBuilder(method.ReturnType), step);
        }

        if (creates)
        {
            var creation = invocation.Syntax;
            step.Owner.Created.Add(creation);
            step.Owner.Sites.Add(creation);
            step.State.Make(creation);
            if (step.Record)
            {
                Parents[creation] = receiver;
            }

            return Single(creation);
        }

        return receiverIsBuilder && IsBuilder(method.ReturnType) ? receiver : Empty;
    }

    /// <summary>
    /// A call at <paramref name="site"/> of <paramref name="definition"/>, a method of the compilation (or the getter a
    /// read of a computed property runs), passed <paramref name="arguments"/> by parameter ordinal: a helper guards what
    /// it is passed for the parameters it guards, and a call of one that returns a parameter as it was given is that
    /// argument; anything else it returns is made here.
    /// </summary>
    private HashSet<object> CallInSource(IMethodSymbol definition, SyntaxNode site, Dictionary<int, HashSet<object>> arguments, bool returnsBuilder, Step step)
    {
        step.Owner.Sites.Add(site);
        if (step.Record)
        {
            CallArguments[site] = arguments;
        }

        HashSet<object>? returnedArgument = null;
        if (_helpers?.Invoke(definition) is { } helper)
        {
            // A helper that returns a parameter as it was given returns the builder passed for it: a guard on the
            // result guards that builder (app.MapGroup("/orders").MapOrders().RequireAuthorization()).
            if (helper.ReturnedParameter is { } returnedOrdinal && arguments.TryGetValue(returnedOrdinal, out var returnedValues))
            {
                returnedArgument = returnedValues;
            }

            // A helper called after the host runs guards nothing a request sees.
            foreach (var guarded in step.IsAfterHostRun(site) ? Enumerable.Empty<KeyValuePair<int, GuardHelpers.ParameterGuard>>() : helper.Parameters)
            {
                if (arguments.TryGetValue(guarded.Key, out var passed))
                {
                    step.State.GuardByHelper(passed, guarded.Value);
                    if (step.Record && guarded.Value.MayAllowAnonymous)
                    {
                        AllowAnonymous.UnionWith(WithAlternatives(passed, step.Owner));
                    }
                }
            }
        }

        if (!returnsBuilder)
        {
            return Empty;
        }

        if (returnedArgument is not null)
        {
            return returnedArgument;
        }

        // What the call returns is made here, as a creation is: a guard on it is a guard on whatever the method returned.
        var result = new CallResult(definition, site);
        step.State.Make(result);
        return Single(result);
    }

    internal bool IsBuilder(ITypeSymbol? type) => IsBuilder(type, _symbols);

    /// <summary>The parameter the flow names <paramref name="parameter"/> by: in an extension block member's body, its implementation's.</summary>
    private IParameterSymbol ParameterOf(IParameterSymbol parameter) =>
        _implementationParameters is not null && _implementationParameters.TryGetValue(parameter, out var implementation) ? implementation : parameter;

    /// <summary>The syntax a builder made in the body was made at; null for an older one (<see cref="Old"/>).</summary>
    internal static SyntaxNode? SiteOf(object made) => made switch
    {
        SyntaxNode node => node,
        CallResult call => call.Call,
        Stored stored => stored.Site,
        _ => null,
    };

    /// <summary>
    /// <paramref name="values"/> with the builders each pick among several (<see cref="Pick"/>) or join (<see cref="Join"/>) stands for, transitively:
    /// what a convention through it may reach, whichever builder it is on the path.
    /// </summary>
    private HashSet<object> WithAlternatives(HashSet<object> values, Graph owner)
    {
        var all = new HashSet<object>(values, ValueComparer.Instance);
        var pending = new Stack<object>(values);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            var alternatives = current is SyntaxNode pick && owner.Picks.Contains(pick) && Parents.TryGetValue(pick, out var picked) ? picked
                : current is Join join ? AlternativesOf(join)
                : null;
            if (alternatives is not null)
            {
                foreach (var alternative in alternatives)
                {
                    if (all.Add(alternative))
                    {
                        pending.Push(alternative);
                    }
                }
            }
        }

        return all;
    }

    /// <summary>
    /// What a read of <paramref name="variable"/> (a local, or a capture the graph made) holds: when it was given different
    /// builders on different paths (<c>dev ? a : b</c>, a switch expression, an if/else), one builder that is one of them,
    /// made at this read, whose parents are the alternatives; the variable holds it from here on. A guard through the
    /// variable then guards the very builder the endpoints mapped through it land on, whichever it is, and the alternatives
    /// stay undecided unless guarded themselves.
    /// </summary>
    private HashSet<object> Pick(IOperation reference, object variable, HashSet<object> values, Step step)
    {
        var pick = reference.Syntax;
        if (values.Count < 2 || !values.All(State.IsMade) || (step.Owner.Created.Contains(pick) && !step.Owner.Picks.Contains(pick)))
        {
            return values;
        }

        step.Owner.Picks.Add(pick);
        step.Owner.Created.Add(pick);
        step.Owner.Sites.Add(pick);
        step.State.Make(pick);
        if (step.Record)
        {
            Parents[pick] = values;
        }

        var picked = Single(pick);
        step.State.Env[variable] = picked;
        return picked;
    }

    /// <summary>
    /// The member as reached from its receiver: a local, a parameter, <c>this</c>, a type, or another such member. A read
    /// of a property that returns a field of its object as it is (<c>Group => _group</c>) is a read of that field; a
    /// receiver read from a property whose getter computes it is an object of its own at each read.
    /// </summary>
    private MemberPath PathOf(IMemberReferenceOperation member, bool read = true)
    {
        object root = member.Instance?.Unwrapped() switch
        {
            null => MemberPath.Static,
            IInstanceReferenceOperation => MemberPath.This,
            ILocalReferenceOperation local => local.Local,
            IParameterReferenceOperation parameter => ParameterOf(parameter.Parameter),
            IFlowCaptureReferenceOperation capture => capture.Id,
            IFieldReferenceOperation or IPropertyReferenceOperation { Arguments.Length: 0 } when member.Instance.Unwrapped() is not IPropertyReferenceOperation { Property: var receiver } receiverRead
                || HoldsOneValue(receiver) || ForwardedField(receiverRead) is not null => PathOf((IMemberReferenceOperation)member.Instance.Unwrapped()),

            // A receiver the flow does not name (a call's result, an indexer, a computed property): this read is its own object.
            var other => other.Syntax,
        };
        var symbol = read && member is IPropertyReferenceOperation property && ForwardedField(property) is { } field ? field : member.Member;
        return new MemberPath(member is IPropertyReferenceOperation { Arguments.Length: > 0 } ? member.Syntax : root, symbol.OriginalDefinition);
    }

    /// <summary>
    /// The field <paramref name="read"/>'s property returns as it is, from the same object (<c>RouteGroupBuilder Group => _group;</c>,
    /// <c>get { return _group; }</c>), when no override can replace the getter; null for any other property.
    /// </summary>
    private IFieldSymbol? ForwardedField(IPropertyReferenceOperation read)
    {
        var property = read.Property;
        if (_compilation is null || property.IsAbstract || ((property.IsVirtual || property.IsOverride) && !property.IsSealed && !property.ContainingType.IsSealed)
            || property.GetMethod?.DeclaringSyntaxReferences is not { Length: 1 } references)
        {
            return null;
        }

        var returned = references[0].GetSyntax() switch
        {
            ArrowExpressionClauseSyntax arrow => arrow.Expression,
            AccessorDeclarationSyntax { ExpressionBody: { } body } => body.Expression,
            AccessorDeclarationSyntax { Body.Statements: { Count: 1 } statements } => (statements[0] as ReturnStatementSyntax)?.Expression,
            _ => null,
        };
        if (returned is null)
        {
            return null;
        }

        return _compilation.GetSemanticModel(returned.SyntaxTree).GetOperation(returned)?.Unwrapped() is IFieldReferenceOperation { Field: var field, Instance: null or IInstanceReferenceOperation }
            && field.IsStatic == property.IsStatic && SymbolEqualityComparer.Default.Equals(field.ContainingType, property.ContainingType)
            ? field
            : null;
    }

    /// <summary>Whether <paramref name="type"/> is an endpoint builder: a route builder, a convention builder, or a type parameter constrained to one.</summary>
    internal static bool IsBuilder(ITypeSymbol? type, AnalyzerSymbols symbols) => type switch
    {
        null => false,
        ITypeParameterSymbol parameter => parameter.ConstraintTypes.Any(c => IsBuilder(c, symbols)),
        _ => KnownTypes.Implements(type, symbols.EndpointRouteBuilder) || KnownTypes.Implements(type, symbols.EndpointConventionBuilder),
    };

    internal static bool IsMapServerFunctions(IMethodSymbol method) =>
        method.Name == "MapServerFunctions" && Parsing.ReferencedMaps.IsMapClass(method.ContainingType);

    /// <summary>
    /// Whether <paramref name="property"/> holds one value, as a field does, that a read returns and a write replaces: an
    /// auto-property (its accessors have no body) no override can replace. Any other runs its getter at each read.
    /// </summary>
    internal static bool HoldsOneValue(IPropertySymbol property)
    {
        if (property.IsAbstract || ((property.IsVirtual || property.IsOverride) && !property.IsSealed && !property.ContainingType.IsSealed))
        {
            return false;
        }

        var hasBackingField = property.ContainingType.GetMembers().OfType<IFieldSymbol>().Any(f => SymbolEqualityComparer.Default.Equals(f.AssociatedSymbol, property));
        return hasBackingField && (property.GetMethod is not { } getter || getter.DeclaringSyntaxReferences.All(static r =>
            r.GetSyntax() is not AccessorDeclarationSyntax accessor || (accessor.Body is null && accessor.ExpressionBody is null)));
    }

    private static bool IsInSource(ISymbol symbol) =>
        (!symbol.IsImplicitlyDeclared || (symbol is IMethodSymbol method && ExtensionBlocks.IsImplementation(method))) && symbol.Locations.Any(static l => l.IsInSource);

    private static HashSet<object> Single(object value) => new(ValueComparer.Instance) { value };

    private static void AddAll<TKey>(Dictionary<TKey, HashSet<object>> map, TKey key, HashSet<object> values)
        where TKey : notnull
    {
        if (!map.TryGetValue(key, out var set))
        {
            map[key] = set = new HashSet<object>(ValueComparer.Instance);
        }

        set.UnionWith(values);
    }

    private static void Add<TKey>(Dictionary<TKey, List<(SyntaxNode, HashSet<object>)>> map, TKey key, SyntaxNode site, HashSet<object> values, Graph owner)
        where TKey : notnull
    {
        if (!map.TryGetValue(key, out var list))
        {
            map[key] = list = [];
        }

        list.Add((site, values));
        owner.Sites.Add(site);
    }

    /// <summary>What a call of a method of the compilation returns, at one call site (a method returning its parameter returns that call's argument).</summary>
    internal sealed class CallResult(IMethodSymbol method, SyntaxNode call)
    {
        public IMethodSymbol Method { get; } = method;

        public SyntaxNode Call { get; } = call;

        public override bool Equals(object? obj) =>
            obj is CallResult other && ReferenceEquals(Call, other.Call) && SymbolEqualityComparer.Default.Equals(Method, other.Method);

        public override int GetHashCode() => RuntimeHelpers.GetHashCode(Call);
    }

    /// <summary>
    /// The builder a variable holds after a write the flow does not follow (a ref or out argument, a deconstruction of
    /// something other than a tuple written in place): made at that write, as far as the body knows, so that only a guard
    /// through the variable after it decides it, and nothing it held before is credited.
    /// </summary>
    internal sealed class Stored(SyntaxNode site)
    {
        public SyntaxNode Site { get; } = site;

        public override bool Equals(object? obj) => obj is Stored other && ReferenceEquals(Site, other.Site);

        public override int GetHashCode() => RuntimeHelpers.GetHashCode(Site) ^ 0x2f6b1e3d;
    }

    /// <summary>
    /// The builder a variable holds after a merge where each incoming path gave it a different one (<see cref="JoinBuilders"/>):
    /// on each path, the one that path made.
    /// </summary>
    internal sealed class Join(object owner, int block, object variable)
    {
        /// <summary>The graph of the merge.</summary>
        public object Owner { get; } = owner;

        public int Block { get; } = block;

        public object Variable { get; } = variable;

        public override bool Equals(object? obj) =>
            obj is Join other && ReferenceEquals(Owner, other.Owner) && Block == other.Block && ValueComparer.Instance.Equals(Variable, other.Variable);

        public override int GetHashCode() => (RuntimeHelpers.GetHashCode(Owner) * 31) ^ (Block * 17) ^ ValueComparer.Instance.GetHashCode(Variable);
    }

    /// <summary>The null reference, written as <c>null</c> or <c>default</c>.</summary>
    internal sealed class Null
    {
        public static readonly Null Instance = new();
    }

    /// <summary>A value nobody can follow (a builder written from outside the compilation's view, or by a lambda or local function).</summary>
    internal sealed class Unknown
    {
        public static readonly Unknown Instance = new();
    }

    /// <summary>
    /// The builders an earlier run of a creation (or call) site made, when the site runs again on a path (it lies on a
    /// cycle of the graph): the site's value then stands for the newest one only. A guard through a local that may hold
    /// an older one is credited to none of them.
    /// </summary>
    internal sealed class Old(object made)
    {
        public object Made { get; } = made;

        public override bool Equals(object? obj) => obj is Old other && ValueComparer.Instance.Equals(Made, other.Made);

        public override int GetHashCode() => ValueComparer.Instance.GetHashCode(Made) ^ 0x5bd1e995;
    }

    /// <summary>
    /// A field or property as read through one receiver (<c>admin.Group</c>, <c>this._group</c>): a builder from outside the
    /// body, guarded only through that same receiver, and decided otherwise by every write of the member.
    /// </summary>
    internal sealed class MemberPath(object root, ISymbol member)
    {
        public static readonly object This = new Marker("this");

        public static readonly object Static = new Marker("static");

        /// <summary>In <see cref="State.Havoc"/>: a lambda that writes some builder member may have run.</summary>
        public static readonly object AnyMember = new Marker("any member");

        public object Root { get; } = root;

        public ISymbol Member { get; } = member;

        public bool IsRootedAt(object root) =>
            ValueComparer.Instance.Equals(Root, root) || (Root is MemberPath inner && inner.IsRootedAt(root));

        public override bool Equals(object? obj) =>
            obj is MemberPath other && SymbolEqualityComparer.Default.Equals(Member, other.Member) && ValueComparer.Instance.Equals(Root, other.Root);

        public override int GetHashCode() => SymbolEqualityComparer.Default.GetHashCode(Member) ^ ValueComparer.Instance.GetHashCode(Root);

        private sealed class Marker(string name)
        {
            public override string ToString() => name;
        }
    }

    /// <summary>One graph's facts: what it created, which outside builders it guarded on every path.</summary>
    private sealed class Graph(IMethodSymbol? method)
    {
        public IMethodSymbol? Method { get; } = method;

        public HashSet<SyntaxNode> Created { get; } = [];

        /// <summary>Every syntax a fact was recorded at: creations, calls, returns, writes.</summary>
        public HashSet<SyntaxNode> Sites { get; } = [];

        public List<IFlowAnonymousFunctionOperation> Lambdas { get; } = [];

        /// <summary>The captured locals and parameters (and <see cref="MemberPath.AnyMember"/>) each lambda and local function of the graph writes.</summary>
        public Dictionary<IMethodSymbol, HashSet<object>> NestedWrites { get; } = new(SymbolEqualityComparer.Default);

        /// <summary>The collections of foreach loops that guard each element on every pass, by syntax, with whether the guard requires a session.</summary>
        public Dictionary<SyntaxNode, bool> GuardingLoops { get; } = [];

        /// <summary>The variable of each foreach loop over listed elements, with the syntax of its collection.</summary>
        public Dictionary<ILocalSymbol, SyntaxNode> ListedLoops { get; } = new(SymbolEqualityComparer.Default);

        /// <summary>The builder members the body writes through a <c>ref</c> or a deconstruction: what a read of them holds is not known.</summary>
        public HashSet<ISymbol> RefWrittenMembers { get; } = new(SymbolEqualityComparer.Default);

        /// <summary>The calls the compiler leaves out (<c>[Conditional]</c> on a symbol not defined there).</summary>
        public List<SyntaxNode> OmittedCalls { get; } = [];

        /// <summary>Where the graph's code may run after a call of it that runs the host.</summary>
        public HostRun.After HostRuns { get; init; } = null!;

        /// <summary>Whether the graph is a lambda made where the code may run after a call that runs the host: all of it does.</summary>
        public bool MadeAfterHostRun { get; init; }

        /// <summary>The lambdas of the graph made where the code may run after a call that runs the host.</summary>
        public HashSet<IFlowAnonymousFunctionOperation> LambdasMadeAfterHostRun { get; } = [];

        /// <summary>
        /// Whether <paramref name="operation"/> is part of a call the compiler leaves out: the call, or a piece of its
        /// arguments the graph evaluates in blocks of their own (<c>Debug.Assert(a || group.RequireAuthorization() is null)</c>).
        /// </summary>
        public bool IsOmitted(IOperation operation) =>
            OmittedCalls.Count > 0 && OmittedCalls.Any(c => c.SyntaxTree == operation.Syntax.SyntaxTree && c.Span.Contains(operation.Syntax.Span));

        /// <summary>The builders <see cref="Pick"/> made for captures written with several builders.</summary>
        public HashSet<SyntaxNode> Picks { get; } = [];

        /// <summary>The builders each <see cref="Join"/> of the graph may be, one per path into its merge.</summary>
        public Dictionary<Join, HashSet<object>> Joins { get; } = [];

        /// <summary>
        /// Whether <paramref name="set"/> holds <paramref name="value"/>: itself, an older one made at its site (<see cref="Old"/>),
        /// or a join (or an older one) that stands for it on the path that made it.
        /// </summary>
        public bool Covers(HashSet<object> set, object value)
        {
            var pending = new Stack<object>([value]);
            var seen = new HashSet<object>(ValueComparer.Instance);
            while (pending.Count > 0)
            {
                var current = pending.Pop();
                if (!seen.Add(current))
                {
                    continue;
                }

                if (set.Contains(current) || set.Contains(new Old(current)))
                {
                    return true;
                }

                foreach (var join in Joins)
                {
                    if (join.Value.Contains(current))
                    {
                        pending.Push(join.Key);
                    }
                }
            }

            return false;
        }

        /// <summary>What each flow capture of the graph holds (an object initializer's creation, for one); null when it may hold several.</summary>
        public Dictionary<CaptureId, IOperation?> Captured { get; } = [];

        public HashSet<object> UnguardedAtExit { get; set; } = Empty;

        public HashSet<object> UnguardedSessionAtExit { get; set; } = Empty;

        public HashSet<object> EscapedAtExit { get; set; } = Empty;

        public HashSet<object> EscapedSessionAtExit { get; set; } = Empty;

        public HashSet<object> RootsGuarded { get; set; } = Empty;

        public HashSet<object> RootsGuardedSession { get; set; } = Empty;

        public HashSet<object> GuardedSomewhere { get; set; } = Empty;

        /// <summary>The value as written: under conversions, parentheses and the flow captures the graph made of it.</summary>
        public IOperation ValueOf(IOperation operation)
        {
            operation = operation.Unwrapped();
            while (operation is IFlowCaptureReferenceOperation reference && Captured.TryGetValue(reference.Id, out var captured) && captured is not null)
            {
                operation = captured.Unwrapped();
            }

            return operation;
        }
    }

    /// <summary>The state, graph and program point (a block and the index of its operation, its branch value last) an operation is read at.</summary>
    private readonly record struct Step(State State, Graph Owner, bool Record, BasicBlock Block, int Index)
    {
        /// <summary>
        /// Whether <paramref name="site"/>, in the operation read here, may run after a call that runs the host: a guard
        /// there is applied once the app has stopped serving (or, not awaited, while it already serves, after the
        /// endpoints were built), and guards nothing a request sees.
        /// </summary>
        public bool IsAfterHostRun(SyntaxNode site) => Owner.MadeAfterHostRun || Owner.HostRuns.Holds(Block, Index, site);
    }

    /// <summary>The facts at one program point.</summary>
    private sealed class State
    {
        /// <summary>Locals, parameters and captures: the builders each may hold (may: union at merges).</summary>
        public Dictionary<object, HashSet<object>> Env { get; private set; } = new(ValueComparer.Instance);

        /// <summary>Builders made on some path (created, or returned by a call) and not guarded since on that path (may: union at merges).</summary>
        public HashSet<object> Unguarded { get; private set; } = new(ValueComparer.Instance);

        public HashSet<object> UnguardedSession { get; private set; } = new(ValueComparer.Instance);

        /// <summary>Builders made here and returned unguarded on some path (may): the callers get them undecided.</summary>
        public HashSet<object> Escaped { get; private set; } = new(ValueComparer.Instance);

        public HashSet<object> EscapedSession { get; private set; } = new(ValueComparer.Instance);

        /// <summary>Builders from outside the body guarded on every path so far (must: intersection at merges).</summary>
        public HashSet<object>? RootsGuarded { get; private set; } = new(ValueComparer.Instance);

        public HashSet<object>? RootsGuardedSession { get; private set; } = new(ValueComparer.Instance);

        /// <summary>Builders guarded on some path (may), to tell "guarded on some paths only" from "never guarded".</summary>
        public HashSet<object> GuardedSomewhere { get; private set; } = new(ValueComparer.Instance);

        /// <summary>Locals and parameters a lambda created on some path may write whenever it runs (may): they may hold anything.</summary>
        public HashSet<object> Havoc { get; private set; } = new(ValueComparer.Instance);

        /// <summary>The variables each ref local and each capture the graph assigns to may stand for (may: union at merges).</summary>
        public Dictionary<object, HashSet<object>> Refs { get; private set; } = new(ValueComparer.Instance);

        public void Make(object value)
        {
            // The site ran before on this path (a cycle): the builders it made then are older ones, which keep whatever
            // guard they got and can no longer be told apart.
            if (Unguarded.Remove(value))
            {
                Unguarded.Add(new Old(value));
            }

            if (UnguardedSession.Remove(value))
            {
                UnguardedSession.Add(new Old(value));
            }

            foreach (var key in Env.Keys.ToList())
            {
                if (Env[key].Contains(value))
                {
                    var renamed = new HashSet<object>(Env[key], ValueComparer.Instance);
                    renamed.Remove(value);
                    renamed.Add(new Old(value));
                    Env[key] = renamed;
                }
            }

            Unguarded.Add(value);
            UnguardedSession.Add(value);
        }

        /// <summary><paramref name="values"/> as read from <paramref name="variable"/>, which a lambda may have written since.</summary>
        public HashSet<object> Havocked(object variable, HashSet<object> values) =>
            Havoc.Contains(variable) ? new HashSet<object>(values, ValueComparer.Instance) { Unknown.Instance } : values;

        /// <summary>A local function that writes <paramref name="written"/> ran: each may now hold what it had or anything.</summary>
        public void Overwritten(HashSet<object> written)
        {
            foreach (var variable in written)
            {
                Forget(variable);
                Env[variable] = Env.TryGetValue(variable, out var held)
                    ? new HashSet<object>(held, ValueComparer.Instance) { Unknown.Instance }
                    : new HashSet<object>(ValueComparer.Instance) { Unknown.Instance };
            }
        }

        /// <summary><paramref name="variable"/> now holds another object: what was known of its members no longer holds.</summary>
        public void Forget(object variable) => ForgetPaths(p => p.IsRootedAt(variable));

        /// <summary><paramref name="member"/> was written through one receiver, which any other receiver may be.</summary>
        public void ForgetMember(ISymbol member) => ForgetPaths(p => SymbolEqualityComparer.Default.Equals(p.Member, member));

        /// <summary>Code that may write any member ran.</summary>
        public void ForgetMembers() => ForgetPaths(static _ => true);

        private void ForgetPaths(Func<MemberPath, bool> matches)
        {
            foreach (var key in Env.Keys.Where(k => k is MemberPath path && matches(path)).ToList())
            {
                Env.Remove(key);
            }

            RootsGuarded!.RemoveWhere(v => v is MemberPath path && matches(path));
            RootsGuardedSession!.RemoveWhere(v => v is MemberPath path && matches(path));
        }

        public void Escape(HashSet<object> returned)
        {
            foreach (var value in returned)
            {
                if (Unguarded.Remove(value))
                {
                    Escaped.Add(value);
                }

                if (UnguardedSession.Remove(value))
                {
                    EscapedSession.Add(value);
                }
            }
        }

        public void Guard(HashSet<object> values, bool sessionOnly)
        {
            // A guard on a builder that may be one of several values guards the one it holds on this path, which is
            // not known here: it guards all of them only when there is just one.
            var certain = values.Count == 1 && values.All(static v => v is not (Unknown or Old));
            foreach (var value in values)
            {
                GuardedSomewhere.Add(value);
                if (!certain)
                {
                    continue;
                }

                Unguarded.Remove(value);
                if (!IsMade(value))
                {
                    RootsGuarded!.Add(value);
                }

                if (sessionOnly)
                {
                    UnguardedSession.Remove(value);
                    if (!IsMade(value))
                    {
                        RootsGuardedSession!.Add(value);
                    }
                }
            }
        }

        /// <summary>A guard applied by a helper the values were passed to: on every path through it, or on some only.</summary>
        public void GuardByHelper(HashSet<object> values, GuardHelpers.ParameterGuard guard)
        {
            if (guard.Always)
            {
                Guard(values, guard.AlwaysSession);
            }
            else if (guard.Somewhere)
            {
                GuardedSomewhere.UnionWith(values);
            }
        }

        /// <summary>A builder made in the body (a creation or a call's result), as opposed to a root that came from outside it.</summary>
        public static bool IsMade(object value) => value is SyntaxNode or CallResult or Stored or Join or Old;

        public State Clone()
        {
            var clone = new State
            {
                Unguarded = new HashSet<object>(Unguarded, ValueComparer.Instance),
                UnguardedSession = new HashSet<object>(UnguardedSession, ValueComparer.Instance),
                Escaped = new HashSet<object>(Escaped, ValueComparer.Instance),
                EscapedSession = new HashSet<object>(EscapedSession, ValueComparer.Instance),
                RootsGuarded = new HashSet<object>(RootsGuarded!, ValueComparer.Instance),
                RootsGuardedSession = new HashSet<object>(RootsGuardedSession!, ValueComparer.Instance),
                GuardedSomewhere = new HashSet<object>(GuardedSomewhere, ValueComparer.Instance),
                Havoc = new HashSet<object>(Havoc, ValueComparer.Instance),
            };
            foreach (var entry in Env)
            {
                clone.Env[entry.Key] = entry.Value;
            }

            foreach (var entry in Refs)
            {
                clone.Refs[entry.Key] = entry.Value;
            }

            return clone;
        }

        public State MergeWith(State other)
        {
            foreach (var entry in other.Env)
            {
                Env[entry.Key] = Env.TryGetValue(entry.Key, out var mine) ? new HashSet<object>(mine.Concat(entry.Value), ValueComparer.Instance) : entry.Value;
            }

            Unguarded.UnionWith(other.Unguarded);
            UnguardedSession.UnionWith(other.UnguardedSession);
            Escaped.UnionWith(other.Escaped);
            EscapedSession.UnionWith(other.EscapedSession);
            RootsGuarded!.IntersectWith(other.RootsGuarded!);
            RootsGuardedSession!.IntersectWith(other.RootsGuardedSession!);
            GuardedSomewhere.UnionWith(other.GuardedSomewhere);
            Havoc.UnionWith(other.Havoc);
            foreach (var entry in other.Refs)
            {
                Refs[entry.Key] = Refs.TryGetValue(entry.Key, out var mine) ? new HashSet<object>(mine.Concat(entry.Value), ValueComparer.Instance) : entry.Value;
            }

            return this;
        }

        public bool SameAs(State other) =>
            Unguarded.SetEquals(other.Unguarded) && UnguardedSession.SetEquals(other.UnguardedSession)
            && Escaped.SetEquals(other.Escaped) && EscapedSession.SetEquals(other.EscapedSession)
            && RootsGuarded!.SetEquals(other.RootsGuarded!) && RootsGuardedSession!.SetEquals(other.RootsGuardedSession!)
            && GuardedSomewhere.SetEquals(other.GuardedSomewhere) && Havoc.SetEquals(other.Havoc)
            && Env.Count == other.Env.Count && Env.All(e => other.Env.TryGetValue(e.Key, out var v) && v.SetEquals(e.Value))
            && Refs.Count == other.Refs.Count && Refs.All(e => other.Refs.TryGetValue(e.Key, out var v) && v.SetEquals(e.Value));
    }

    /// <summary>Symbols by symbol equality, syntax and operations by reference, captures by id.</summary>
    internal sealed class ValueComparer : IEqualityComparer<object>
    {
        public static readonly ValueComparer Instance = new();

        public new bool Equals(object? x, object? y) => x is ISymbol a && y is ISymbol b
            ? SymbolEqualityComparer.Default.Equals(a, b)
            : x is SyntaxNode || y is SyntaxNode ? ReferenceEquals(x, y) : object.Equals(x, y);

        public int GetHashCode(object obj) => obj switch
        {
            ISymbol symbol => SymbolEqualityComparer.Default.GetHashCode(symbol),
            SyntaxNode node => RuntimeHelpers.GetHashCode(node),
            _ => obj.GetHashCode(),
        };
    }
}
