using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace SessionAuth.Generators.Analyzers;

/// <summary>
/// What <see cref="BuilderFlow"/> needs to know of a body before following its graph, read from the operation tree: the
/// variables of the body that its lambdas and local functions write and the members it writes other than by assignment
/// (through a <c>ref</c>, an <c>out</c> argument, a deconstruction), which the graph does not show as writes; and the
/// foreach loops that guard every element of a collection they list.
/// </summary>
internal static class BodyFacts
{
    /// <summary>
    /// Fills <paramref name="writes"/> with the builder locals and parameters each lambda and local function of
    /// <paramref name="body"/> writes outside itself (with <see cref="BuilderFlow.MemberPath.AnyMember"/> when it writes a
    /// builder field or property), including what the local functions it calls write; <paramref name="listedLoops"/> with
    /// the variable and the collection of each foreach loop over listed elements (<see cref="ListedCollection"/>), and
    /// <paramref name="guardingLoops"/> with the collections of those <see cref="GuardsEachElement"/> accepts; <paramref name="refWrittenMembers"/> with
    /// the builder fields and properties the body may write other than by a plain assignment; <paramref name="omittedCalls"/>
    /// with the calls the compiler leaves out (<c>[Conditional]</c> on a symbol not defined there).
    /// </summary>
    public static void Read(IOperation body, Dictionary<IMethodSymbol, HashSet<object>> writes, Dictionary<SyntaxNode, bool> guardingLoops, Dictionary<ILocalSymbol, SyntaxNode> listedLoops, HashSet<ISymbol> refWrittenMembers, List<SyntaxNode> omittedCalls, AnalyzerSymbols symbols)
    {
        var calls = new Dictionary<IMethodSymbol, HashSet<IMethodSymbol>>(SymbolEqualityComparer.Default);
        foreach (var operation in body.DescendantsAndSelf())
        {
            switch (operation)
            {
                case IInvocationOperation when EveryPath.IsOmittedCall(operation):
                    omittedCalls.Add(operation.Syntax);
                    break;
                case IMemberReferenceOperation { Member: IFieldSymbol or IPropertySymbol } member when BuilderFlow.IsBuilder(member.Type, symbols) && IsWrittenOtherThanByAssignment(member):
                    refWrittenMembers.Add(member.Member.OriginalDefinition);
                    break;
                case ILocalFunctionOperation { Symbol: var function } local:
                    Collect(local, function, writes, calls, symbols);
                    break;
                case IAnonymousFunctionOperation { Symbol: var function } lambda:
                    Collect(lambda, function, writes, calls, symbols);
                    break;
                case IForEachLoopOperation loop when ListedCollection(loop) is { } listed:
                    listedLoops[((IVariableDeclaratorOperation)loop.LoopControlVariable).Symbol] = listed.Syntax;
                    if (GuardsEachElement(loop, symbols, out var session))
                    {
                        guardingLoops[listed.Syntax] = session;
                    }

                    break;
            }
        }

        // A function that calls a local function writes what that one writes.
        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var entry in calls)
            {
                foreach (var callee in entry.Value)
                {
                    if (writes.TryGetValue(callee, out var written) && !writes[entry.Key].IsSupersetOf(written))
                    {
                        writes[entry.Key].UnionWith(written);
                        changed = true;
                    }
                }
            }
        }
    }

    private static void Collect(IOperation function, IMethodSymbol symbol, Dictionary<IMethodSymbol, HashSet<object>> writes, Dictionary<IMethodSymbol, HashSet<IMethodSymbol>> calls, AnalyzerSymbols symbols)
    {
        var written = new HashSet<object>(BuilderFlow.ValueComparer.Instance);
        var called = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
        foreach (var operation in function.Descendants())
        {
            switch (operation)
            {
                case IDeconstructionAssignmentOperation deconstruction:
                    foreach (var target in deconstruction.Target.DescendantsAndSelf())
                    {
                        AddTarget(target, symbol, written, symbols);
                    }

                    break;
                case ISimpleAssignmentOperation { IsRef: true } alias:
                    // A ref taken to a variable outside (slot = ref group) may be written through.
                    AddTarget(alias.Value, symbol, written, symbols);
                    break;
                case IAssignmentOperation assignment:
                    AddTarget(assignment.Target, symbol, written, symbols);
                    break;
                case IVariableDeclaratorOperation { Symbol.IsRef: true } declarator when declarator.GetVariableInitializer() is { } initializer:
                    AddTarget(initializer.Value, symbol, written, symbols);
                    break;
                case IArgumentOperation { Parameter.RefKind: RefKind.Ref or RefKind.Out } argument:
                    AddTarget(argument.Value, symbol, written, symbols);
                    break;
                case IInvocationOperation { TargetMethod.MethodKind: MethodKind.LocalFunction } call:
                    called.Add(call.TargetMethod.OriginalDefinition);
                    break;
                case IMethodReferenceOperation { Method.MethodKind: MethodKind.LocalFunction } reference:
                    called.Add(reference.Method.OriginalDefinition);
                    break;
            }
        }

        writes[symbol.OriginalDefinition] = written;
        calls[symbol.OriginalDefinition] = called;
    }

    private static void AddTarget(IOperation target, IMethodSymbol function, HashSet<object> written, AnalyzerSymbols symbols)
    {
        target = target.Unwrapped();
        if (target is IConditionalOperation { IsRef: true } conditional)
        {
            // (flag ? ref a : ref b) = x writes one of them.
            AddTarget(conditional.WhenTrue, function, written, symbols);
            if (conditional.WhenFalse is { } whenFalse)
            {
                AddTarget(whenFalse, function, written, symbols);
            }

            return;
        }

        if (!BuilderFlow.IsBuilder(target.Type, symbols))
        {
            return;
        }

        switch (target)
        {
            case ILocalReferenceOperation local when !IsWithin(local.Local, function):
                written.Add(local.Local);
                break;
            case IParameterReferenceOperation parameter when !IsWithin(parameter.Parameter, function):
                written.Add(parameter.Parameter);
                break;
            case IFieldReferenceOperation or IPropertyReferenceOperation:
                written.Add(BuilderFlow.MemberPath.AnyMember);
                break;
        }
    }

    /// <summary>Whether <paramref name="member"/> is passed by <c>ref</c> or <c>out</c>, taken by <c>ref</c>, or a deconstruction's target.</summary>
    private static bool IsWrittenOtherThanByAssignment(IOperation member)
    {
        if (member.Syntax.Parent is RefExpressionSyntax || member.Parent is IArgumentOperation { Parameter.RefKind: RefKind.Ref or RefKind.Out })
        {
            return true;
        }

        var current = member;
        while (current.Parent is ITupleOperation or IConversionOperation)
        {
            current = current.Parent;
        }

        return current.Parent is IDeconstructionAssignmentOperation deconstruction && deconstruction.Target == current;
    }

    private static bool IsWithin(ISymbol symbol, IMethodSymbol function)
    {
        for (var containing = symbol.ContainingSymbol; containing is IMethodSymbol method; containing = method.ContainingSymbol)
        {
            if (SymbolEqualityComparer.Default.Equals(method, function))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The collection <paramref name="loop"/> walks when its elements are listed (<c>new[] { admin, reports }</c>, a
    /// collection expression) and its variable is one local: the loop variable holds each of them in turn.
    /// </summary>
    private static IOperation? ListedCollection(IForEachLoopOperation loop)
    {
        var listed = loop.Collection.Unwrapped();
        return listed is IArrayCreationOperation { Initializer: not null } or ICollectionExpressionOperation
            && loop.LoopControlVariable is IVariableDeclaratorOperation
            ? listed
            : null;
    }

    /// <summary>
    /// Whether <paramref name="body"/>, a loop's body, may stop a pass before its end: a <c>return</c>, a <c>throw</c>, or a
    /// <c>break</c>, <c>continue</c> or <c>goto</c> to a label outside it. A branch to a label inside it (the <c>break</c>
    /// that ends a switch section, the <c>continue</c> of a nested loop) and the statements of lambdas and local functions
    /// (which do not run as part of the pass) stop nothing.
    /// </summary>
    private static bool MayEndThePass(IOperation body)
    {
        var inner = new HashSet<ILabelSymbol>(SymbolEqualityComparer.Default);
        var branches = new List<IBranchOperation>();
        var pending = new Stack<IOperation>([body]);
        while (pending.Count > 0)
        {
            var operation = pending.Pop();
            switch (operation)
            {
                case IAnonymousFunctionOperation or ILocalFunctionOperation:
                    continue;
                case IReturnOperation or IThrowOperation:
                    return true;
                case IBranchOperation branch:
                    branches.Add(branch);
                    break;
                case ILoopOperation nested:
                    inner.Add(nested.ExitLabel);
                    inner.Add(nested.ContinueLabel);
                    break;
                case ISwitchOperation @switch:
                    inner.Add(@switch.ExitLabel);
                    break;
                case ILabeledOperation labeled:
                    inner.Add(labeled.Label);
                    break;
            }

            foreach (var child in operation.ChildOperations)
            {
                pending.Push(child);
            }
        }

        return branches.Any(b => !inner.Contains(b.Target));
    }

    /// <summary>
    /// Whether <paramref name="loop"/> walks a collection whose elements are listed (<c>new[] { admin, reports }</c>, a
    /// collection expression) and guards its loop variable in a statement of its body that runs on every pass: nothing in
    /// the body ends a pass early (<see cref="MayEndThePass"/>), and the guard is not under a condition.
    /// </summary>
    private static bool GuardsEachElement(IForEachLoopOperation loop, AnalyzerSymbols symbols, out bool requiresSession)
    {
        requiresSession = false;
        var variable = ((IVariableDeclaratorOperation)loop.LoopControlVariable).Symbol;
        if (MayEndThePass(loop.Body))
        {
            return false;
        }

        var statements = loop.Body is IBlockOperation block ? block.Operations : [loop.Body];
        foreach (var statement in statements)
        {
            for (var call = (statement as IExpressionStatementOperation)?.Operation as IInvocationOperation; call is not null;)
            {
                // A call the compiler leaves out takes the calls it is made on with it (group.RequireAuthorization().Trace()).
                if (EveryPath.IsOmittedCall(call))
                {
                    break;
                }

                var receiver = (call.Instance ?? (call.TargetMethod.IsExtensionMethod && call.Arguments.Length > 0 ? call.Arguments[0].Value : null))?.Unwrapped();
                if (GuardConventions.MayDecide(call.TargetMethod.Name)
                    && receiver is ILocalReferenceOperation local && SymbolEqualityComparer.Default.Equals(local.Local, variable)
                    && GuardConventions.Of(call, symbols.Known) is { Decides: true } decision)
                {
                    requiresSession = decision.RequiresSession;
                    return true;
                }

                call = receiver as IInvocationOperation;
            }
        }

        return false;
    }
}
