using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace SessionAuth.Generators.Analyzers;

/// <summary>
/// Which calls run the host (<c>app.Run()</c>, <c>await app.RunAsync()</c>, <c>host.WaitForShutdown()</c>, or a method of
/// the compilation that makes one of them on some path of its body, through any chain of such methods), and which code
/// of a body may run after one of them: what is configured there (a guard convention, a guard helper's call, a fallback
/// policy, a global filter) is configured once the app has stopped serving (or, for a run not awaited, once the endpoints
/// were built), and reaches no request.
/// </summary>
/// <remarks>
/// <para>
/// "After" is control flow, not text: a site is after a run when some path of the body's control flow graph from its
/// entry to the site passes through a call that runs the host (a later pass of a loop, a <c>finally</c> block or a
/// <c>catch</c> of the <c>try</c> that holds it included). A run in one branch of an <c>if</c> is not before the other
/// branch, nor before what follows a <c>return</c> after it. A lambda is made where it is written: all of it is after a
/// run when the point that makes it is. A local function runs where it is called: its body is judged on its own, and its
/// calls where they are.
/// </para>
/// <para>
/// A method of the compilation runs the host when its body (not its lambdas; its local functions where it calls them)
/// calls a host run, or a method that runs the host, on some path: a helper that only may run it counts as running it.
/// Calls are followed to the body the call binds to, <see cref="StartupCode.MaxDepth"/> calls deep, cycles included; a
/// virtual method's own body is followed, not the overrides a call may dispatch to. Not followed: a call of a delegate,
/// of an abstract or interface member, of a method outside the compilation other than the host's own runs, a call the
/// compiler leaves out (<c>[Conditional]</c>).
/// </para>
/// </remarks>
internal static class HostRun
{
    private static readonly ConditionalWeakTable<Compilation, ConcurrentDictionary<IMethodSymbol, Callees>> CalleesByCompilation = new();
    private static readonly ConditionalWeakTable<Compilation, ConcurrentDictionary<IMethodSymbol, bool>> RunsByCompilation = new();
    private static readonly ConditionalWeakTable<ControlFlowGraph, After> AfterByGraph = new();

    /// <summary>A <c>Run</c>, <c>RunAsync</c> or <c>WaitForShutdown</c> of a host: <c>WebApplication</c>'s own, or the extensions on <c>IHost</c> and <c>IWebHost</c>.</summary>
    public static bool IsHostsOwnRun(IMethodSymbol method)
    {
        if (method.Name is not ("Run" or "RunAsync" or "WaitForShutdown" or "WaitForShutdownAsync") || (method.IsStatic && method.ReducedFrom is null && !method.IsExtensionMethod))
        {
            return false;
        }

        var host = method.ReducedFrom is { } extension ? extension.Parameters.FirstOrDefault()?.Type
            : method.IsExtensionMethod ? method.Parameters.FirstOrDefault()?.Type
            : method.ContainingType;
        return host is not null && (IsHostType(host) || host.AllInterfaces.Any(IsHostType));

        static bool IsHostType(ITypeSymbol type) =>
            type.ToDisplayString() is "Microsoft.Extensions.Hosting.IHost" or "Microsoft.AspNetCore.Hosting.IWebHost" or "Microsoft.AspNetCore.Builder.WebApplication";
    }

    /// <summary>Whether a call of <paramref name="method"/> runs the host: it is a host's own run, or a method of the compilation that makes one on some path.</summary>
    public static bool Runs(IMethodSymbol method, Compilation compilation, CancellationToken cancellationToken)
    {
        if (IsHostsOwnRun(method))
        {
            return true;
        }

        var definition = Definition(method);
        var known = RunsByCompilation.GetValue(compilation, static _ => new(SymbolEqualityComparer.Default));
        if (known.TryGetValue(definition, out var runs))
        {
            return runs;
        }

        runs = Reaches(definition, known, compilation, cancellationToken);
        known.TryAdd(definition, runs);
        return runs;
    }

    /// <summary>Where in <paramref name="graph"/> the code runs after a call that runs the host.</summary>
    public static After In(ControlFlowGraph graph, CancellationToken cancellationToken)
    {
        if (AfterByGraph.TryGetValue(graph, out var known))
        {
            return known;
        }

        var after = new After(graph, cancellationToken);
        return AfterByGraph.GetValue(graph, _ => after);
    }

    /// <summary>
    /// Whether <paramref name="site"/>, written in a member's body (or in a lambda there, made where it is written; not in
    /// a local function, which runs where it is called), may run after a call of that body that runs the host.
    /// </summary>
    public static bool IsAfter(SyntaxNode site, Compilation compilation, CancellationToken cancellationToken)
    {
        var root = compilation.GetSemanticModel(site.SyntaxTree).GetOperation(site, cancellationToken);
        while (root?.Parent is not null)
        {
            if (root is ILocalFunctionOperation)
            {
                return false;
            }

            root = root.Parent;
        }

        if (root is null || EveryPath.GraphOf(root, cancellationToken) is not { } graph)
        {
            return false;
        }

        var after = In(graph, cancellationToken);
        return EveryPath.OperationsAt(graph, site).Any(found => after.Holds(found.Block, found.Index, site));
    }

    /// <summary>
    /// Whether <paramref name="method"/>'s body, or the body of a method it calls (transitively, up to the depth limit),
    /// calls a host's own run. A method already answered is not read again: one that does not run the host reached
    /// nothing within the limit from itself, so nothing nearer the limit from here; one that does is taken to run it
    /// from here too, even where its run lies past the limit counted from here (a run found is never unfound).
    /// </summary>
    private static bool Reaches(IMethodSymbol method, ConcurrentDictionary<IMethodSymbol, bool> known, Compilation compilation, CancellationToken cancellationToken)
    {
        var seen = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default) { method };
        var level = new List<IMethodSymbol> { method };
        for (var depth = 0; level.Count > 0 && depth <= StartupCode.MaxDepth; depth++)
        {
            var next = new List<IMethodSymbol>();
            foreach (var current in level)
            {
                if (depth > 0 && known.TryGetValue(current, out var answered))
                {
                    if (answered)
                    {
                        return true;
                    }

                    continue;
                }

                var callees = CalleesOf(current, compilation, cancellationToken);
                if (callees.RunsTheHost)
                {
                    return true;
                }

                next.AddRange(callees.Methods.Where(seen.Add));
            }

            level = next;
        }

        return false;
    }

    private static Callees CalleesOf(IMethodSymbol method, Compilation compilation, CancellationToken cancellationToken)
    {
        var known = CalleesByCompilation.GetValue(compilation, static _ => new(SymbolEqualityComparer.Default));
        if (known.TryGetValue(method, out var callees))
        {
            return callees;
        }

        callees = new Callees();
        foreach (var reference in (method.PartialImplementationPart ?? method).DeclaringSyntaxReferences)
        {
            var syntax = reference.GetSyntax(cancellationToken);
            if (!compilation.ContainsSyntaxTree(syntax.SyntaxTree))
            {
                continue;
            }

            var body = compilation.GetSemanticModel(syntax.SyntaxTree).GetOperation(syntax, cancellationToken) switch
            {
                ILocalFunctionOperation local => (IOperation?)local.Body ?? local.IgnoredBody,
                var operation => operation,
            };
            if (body is not null)
            {
                Read(body, callees);
            }
        }

        known.TryAdd(method, callees);
        return callees;
    }

    /// <summary>Takes in the calls of a body: its lambdas are not run by it, its local functions run where it calls them.</summary>
    private static void Read(IOperation body, Callees callees)
    {
        foreach (var (_, called) in CallsIn(body))
        {
            if (IsHostsOwnRun(called))
            {
                callees.RunsTheHost = true;
                return;
            }

            if (Definition(called) is { IsAbstract: false, IsExtern: false } followed && followed.Locations.Any(static l => l.IsInSource))
            {
                callees.Methods.Add(followed);
            }
        }
    }

    /// <summary>
    /// The calls (and constructions) <paramref name="root"/> makes, with the method each calls: not those in the lambdas
    /// and local functions written in it, which it does not run there, nor a call the compiler leaves out, with its arguments.
    /// </summary>
    private static IEnumerable<(IOperation Call, IMethodSymbol Method)> CallsIn(IOperation root)
    {
        var pending = new Stack<IOperation>([root]);
        while (pending.Count > 0)
        {
            var operation = pending.Pop();
            if (EveryPath.IsOmittedCall(operation))
            {
                continue;
            }

            if (operation switch { IInvocationOperation call => call.TargetMethod, IObjectCreationOperation creation => creation.Constructor, _ => null } is { } called)
            {
                yield return (operation, called);
            }

            foreach (var child in operation.ChildOperations)
            {
                if (child is not (IAnonymousFunctionOperation or ILocalFunctionOperation))
                {
                    pending.Push(child);
                }
            }
        }
    }

    private static IMethodSymbol Definition(IMethodSymbol method) => (method.ReducedFrom ?? method).OriginalDefinition;

    /// <summary>A body's calls of methods of the compilation, and whether it makes a host's own run.</summary>
    private sealed class Callees
    {
        public bool RunsTheHost { get; set; }

        public List<IMethodSymbol> Methods { get; } = [];
    }

    /// <summary>
    /// The points of one control flow graph that may run after a call of it that runs the host: every block some path
    /// reaches from such a call (through the finally blocks its branches run, and into the handlers of a try block the
    /// path is in), and in the block of the call, what comes after it.
    /// </summary>
    internal sealed class After
    {
        private readonly HashSet<int> _reached = [];
        private readonly Dictionary<int, (int Index, int End)> _firstRuns = [];

        public After(ControlFlowGraph graph, CancellationToken cancellationToken)
        {
            var compilation = graph.OriginalOperation.SemanticModel?.Compilation;
            var pending = new Stack<BasicBlock>();
            foreach (var block in graph.Blocks)
            {
                var operations = block.BranchValue is { } branch ? block.Operations.Add(branch) : block.Operations;
                for (var index = 0; index < operations.Length && compilation is not null; index++)
                {
                    if (FirstRunEnd(operations[index], compilation, cancellationToken) is { } end)
                    {
                        _firstRuns[block.Ordinal] = (index, end);
                        Successors(graph, block, pending);
                        break;
                    }
                }
            }

            while (pending.Count > 0)
            {
                var block = pending.Pop();
                if (_reached.Add(block.Ordinal))
                {
                    Successors(graph, block, pending);
                }
            }
        }

        /// <summary>Whether <paramref name="site"/>, in the operation at <paramref name="index"/> of <paramref name="block"/> (its branch value at the end), may run after a run of the host.</summary>
        public bool Holds(BasicBlock block, int index, SyntaxNode site) =>
            _reached.Contains(block.Ordinal)
            || (_firstRuns.TryGetValue(block.Ordinal, out var run) && (index > run.Index || (index == run.Index && site.SpanStart >= run.End)));

        /// <summary>Where the first call in <paramref name="operation"/> that runs the host ends; null when none does.</summary>
        private static int? FirstRunEnd(IOperation operation, Compilation compilation, CancellationToken cancellationToken)
        {
            int? end = null;
            foreach (var (call, called) in CallsIn(operation))
            {
                if (Runs(called, compilation, cancellationToken))
                {
                    end = Math.Min(end ?? int.MaxValue, call.Syntax.Span.End);
                }
            }

            return end;
        }

        /// <summary>The blocks that may run next after <paramref name="block"/>: its branches, the finally blocks they run, the handlers of the try blocks it is in.</summary>
        private static void Successors(ControlFlowGraph graph, BasicBlock block, Stack<BasicBlock> pending)
        {
            foreach (var branch in new[] { block.FallThroughSuccessor, block.ConditionalSuccessor })
            {
                if (branch is null)
                {
                    continue;
                }

                if (branch.Destination is { } destination)
                {
                    pending.Push(destination);
                }

                foreach (var region in branch.FinallyRegions)
                {
                    pending.Push(graph.Blocks[region.FirstBlockOrdinal]);
                }
            }

            for (var region = block.EnclosingRegion; region is not null; region = region.EnclosingRegion)
            {
                if (region.Kind == ControlFlowRegionKind.Try && region.EnclosingRegion is { Kind: ControlFlowRegionKind.TryAndCatch or ControlFlowRegionKind.TryAndFinally } tryAndHandlers)
                {
                    foreach (var handler in tryAndHandlers.NestedRegions.Skip(1))
                    {
                        pending.Push(graph.Blocks[handler.FirstBlockOrdinal]);
                    }
                }
            }
        }
    }
}
