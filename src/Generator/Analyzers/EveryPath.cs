using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SessionAuth.Generators.Parsing;

namespace SessionAuth.Generators.Analyzers;

/// <summary>
/// Whether an operation runs on every path through the body that holds it, read over the body's control flow graph: its
/// basic block lies on every path from the entry to the exit (it dominates the exit). Inside a lambda, the lambda's own
/// graph is asked, and so is the graph around it about the statement that hands the lambda over (a configuration
/// callback runs when the framework calls it; a callback registered under an <c>if</c> runs on some paths only).
/// </summary>
/// <remarks>
/// A path that may throw into a <c>catch</c> counts as a path: an operation in a <c>try</c> block with a handler does not
/// run on every path. An operation in a <c>finally</c> block, in a local function or in a lambda the body never hands
/// over is not seen to run on every path; nor does a call the compiler leaves out (<c>[Conditional]</c>, as
/// <c>Debug.Assert</c> in a Release build), or anything in its arguments. Each of these leaves the answer "no", which
/// keeps a decision from counting.
/// </remarks>
internal static class EveryPath
{
    public static bool Runs(IOperation operation, CancellationToken cancellationToken)
    {
        var root = operation;
        while (root.Parent is not null)
        {
            if (IsOmittedCall(root))
            {
                return false;
            }

            root = root.Parent;
        }

        var graph = GraphOf(root, cancellationToken);
        return graph is not null && Runs(graph, operation.Syntax, cancellationToken);
    }

    /// <summary>
    /// Whether <paramref name="operation"/> is a call the compiler leaves out (<c>[Conditional]</c> on a symbol not defined
    /// there): it never runs, nor does anything in its arguments.
    /// </summary>
    public static bool IsOmittedCall(IOperation operation) =>
        operation is IInvocationOperation call && ConditionalCompilation.IsCallOmitted(call.TargetMethod, call.Syntax);

    // Made once per operation block: several writes or endpoints of one body ask about the same graph. Weakly keyed by
    // the block's root operation, so a graph lives no longer than the semantic model's operations do.
    private static readonly ConditionalWeakTable<IOperation, ControlFlowGraph> Graphs = new();

    /// <summary>The control flow graph of <paramref name="root"/>, the root of an operation block; null for a block no graph is made of.</summary>
    public static ControlFlowGraph? GraphOf(IOperation root, CancellationToken cancellationToken)
    {
        if (Graphs.TryGetValue(root, out var known))
        {
            return known;
        }

        var graph = Create(root, cancellationToken);
        return graph is null ? null : Graphs.GetValue(root, _ => graph);
    }

    private static ControlFlowGraph? Create(IOperation root, CancellationToken cancellationToken) => root switch
    {
        IMethodBodyOperation body => ControlFlowGraph.Create(body, cancellationToken),
        IConstructorBodyOperation body => ControlFlowGraph.Create(body, cancellationToken),
        IBlockOperation block => ControlFlowGraph.Create(block, cancellationToken),
        IFieldInitializerOperation field => ControlFlowGraph.Create(field, cancellationToken),
        IPropertyInitializerOperation property => ControlFlowGraph.Create(property, cancellationToken),
        _ => null,
    };

    /// <summary>
    /// The operations of <paramref name="graph"/>'s blocks nearest <paramref name="target"/>, with their index in the block
    /// (the branch value counts as the last): a graph splits an expression into captures, each with the syntax it reads,
    /// and a lambda or local function is a graph of its own, so the nearest may be one that holds the lambda.
    /// </summary>
    public static List<(BasicBlock Block, int Index, IOperation Operation)> OperationsAt(ControlFlowGraph graph, SyntaxNode target)
    {
        var nearest = new List<(BasicBlock Block, int Index, IOperation Operation)>();
        foreach (var block in graph.Blocks)
        {
            var operations = block.BranchValue is { } branch ? block.Operations.Add(branch) : block.Operations;
            for (var index = 0; index < operations.Length; index++)
            {
                var operation = operations[index];
                if (operation.Syntax.SyntaxTree != target.SyntaxTree || !operation.Syntax.Span.Contains(target.Span))
                {
                    continue;
                }

                if (nearest.Count > 0 && operation.Syntax.Span.Length < nearest[0].Operation.Syntax.Span.Length)
                {
                    nearest.Clear();
                }

                if (nearest.Count == 0 || operation.Syntax.Span.Length == nearest[0].Operation.Syntax.Span.Length)
                {
                    nearest.Add((block, index, operation));
                }
            }
        }

        return nearest;
    }

    private static bool Runs(ControlFlowGraph graph, SyntaxNode target, CancellationToken cancellationToken)
    {
        var nearest = OperationsAt(graph, target);
        return nearest.Count > 0 && nearest.All(found =>
        {
            if (!Dominates(graph, found.Block))
            {
                return false;
            }

            // The target sits in a lambda created here: it runs on every path of that lambda's own graph.
            var lambda = found.Operation.DescendantsAndSelf().OfType<IFlowAnonymousFunctionOperation>()
                .FirstOrDefault(l => l.Syntax.Span.Contains(target.Span) && l.Syntax != target);
            return lambda is null || Runs(graph.GetAnonymousFunctionControlFlowGraph(lambda, cancellationToken), target, cancellationToken);
        });
    }

    /// <summary>Whether every path from the entry (or from a <c>catch</c> an exception may enter) to the exit passes <paramref name="block"/>.</summary>
    private static bool Dominates(ControlFlowGraph graph, BasicBlock block)
    {
        var exit = graph.Blocks[graph.Blocks.Length - 1];
        if (block == exit)
        {
            return true;
        }

        var pending = new Stack<BasicBlock>();
        pending.Push(graph.Blocks[0]);
        foreach (var candidate in graph.Blocks)
        {
            if (candidate.EnclosingRegion is { Kind: ControlFlowRegionKind.Catch or ControlFlowRegionKind.Filter } region && region.FirstBlockOrdinal == candidate.Ordinal)
            {
                pending.Push(candidate);
            }
        }

        var seen = new HashSet<int>();
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            if (current == block || !seen.Add(current.Ordinal))
            {
                continue;
            }

            if (current == exit)
            {
                return false;
            }

            if (current.FallThroughSuccessor?.Destination is { } next)
            {
                pending.Push(next);
            }

            if (current.ConditionalSuccessor?.Destination is { } branch)
            {
                pending.Push(branch);
            }
        }

        return true;
    }
}
