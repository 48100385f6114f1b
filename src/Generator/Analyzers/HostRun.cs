using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace SessionAuth.Generators.Analyzers;

/// <summary>
/// Which calls run the host (<c>app.Run()</c>, <c>await app.RunAsync()</c>, <c>host.WaitForShutdown()</c>,
/// <c>await app.StartAsync()</c>, or a method of the compilation that makes one of them on some path of its body, through
/// any chain of such methods), and which code of a body may run after one of them: what is configured there (a guard
/// convention, a guard helper's call, a fallback policy, a global filter) is configured once the app has started serving
/// (requests were answered open before it) or stopped, and reaches no request it should have.
/// </summary>
/// <remarks>
/// <para>
/// "After" is control flow, not text: a site is after a run when some path of the body's control flow graph from its
/// entry to the site passes through a call that runs the host (a later pass of a loop, a <c>finally</c> block or a
/// <c>catch</c> of the <c>try</c> that holds it, what follows a <c>try</c> whose <c>finally</c> holds it included). A run in
/// one branch of an <c>if</c> is not before the other branch, nor before what follows a <c>return</c> after it. A lambda
/// is made where it is written: all of it is after a run when the point that makes it is. A local function runs where it
/// is called: its body is judged on its own, and its calls where they are.
/// </para>
/// <para>
/// A method of the compilation runs the host when its body (not its lambdas; its local functions where it calls them)
/// calls a host run, or a method that runs the host, on some path: a helper that only may run it counts as running it.
/// Calls are followed to the body the call binds to, <see cref="StartupCode.MaxDepth"/> calls deep, cycles included; so is
/// what the compiler binds with no call written: a getter or setter, a constructor's initializers, the static constructor
/// and static initializers of a type one of whose static members (or constructors) is touched, a <c>using</c>'s
/// <c>Dispose</c>, a user conversion or operator, a deconstruction's <c>Deconstruct</c> (nested ones too), a
/// <c>foreach</c>'s <c>GetEnumerator</c>, <c>MoveNext</c>, <c>Current</c> and <c>Dispose</c>, an <c>await</c>'s
/// <c>GetAwaiter</c>, <c>IsCompleted</c> and <c>GetResult</c>. The delegates a call is handed (arguments, the value a
/// setter or an event's <c>add</c> is given) are taken in as run by that call, whoever the callee is: a method of the
/// compilation, <c>Task.Run</c>, <c>new Lazy&lt;Task&gt;</c>, <c>Parallel.For</c>, <c>List.ForEach</c>,
/// <c>ContinueWith</c>, <c>CancellationToken.Register</c>, <c>Enumerable.Select</c>. A call that dispatches (a virtual,
/// abstract or interface member, a delegate) is followed into every body it may run: the implementation of its known
/// run-time type, or every override or implementation in the compilation that its receiver may be, of a member of the
/// compilation or of the framework (<c>IHostedService.StartAsync</c>, <c>IAsyncDisposable.DisposeAsync</c> through a
/// parameter), from an index built once per compilation; a delegate into the lambdas and method groups it holds: a
/// local's every write, each arm of a conditional, coalescence or switch expression, each element of the array or
/// collection expression a <c>foreach</c> loops over. Not followed: a method outside the compilation other than the
/// host's own runs, a call the compiler leaves out (<c>[Conditional]</c>).
/// </para>
/// <para>
/// What is not followed fails closed once the compilation holds code that runs the host where the rule cannot follow it
/// (<see cref="UnfollowedRunners"/>): a delegate of unknown value (a field, a call's result, an event, a collection's
/// element) of a runner's delegate type invoked or handed to a call, a framework call handed an object whose body the
/// framework may enter, and, once a runner delegate escaped into anything but a local, any framework call handed a value
/// that may hold it. A parameter's delegate values are judged where they are handed over, so a configuration callback
/// invoked with the app is no run, and neither is a delegate field invoked with the app when no runner has its type.
/// </para>
/// </remarks>
internal static partial class HostRun
{
    private static readonly ConditionalWeakTable<Compilation, CompilationFacts> FactsByCompilation = new();
    private static readonly ConditionalWeakTable<ControlFlowGraph, After> AfterByGraph = new();

    /// <summary>
    /// A <c>Run</c>, <c>RunAsync</c>, <c>WaitForShutdown</c>, <c>Start</c> or <c>StartAsync</c> of a host:
    /// <c>WebApplication</c>'s own, or those of <c>IHost</c> and <c>IWebHost</c> and their extensions. A started host
    /// serves requests at once, with the endpoints it builds for the first one.
    /// </summary>
    public static bool IsHostsOwnRun(IMethodSymbol method)
    {
        if (method.Name is not ("Run" or "RunAsync" or "WaitForShutdown" or "WaitForShutdownAsync" or "Start" or "StartAsync") || (method.IsStatic && method.ReducedFrom is null && !method.IsExtensionMethod))
        {
            return false;
        }

        var host = method.ReducedFrom is { } extension ? extension.Parameters.FirstOrDefault()?.Type
            : method.IsExtensionMethod ? method.Parameters.FirstOrDefault()?.Type
            : method.ContainingType;
        return IsHost(host);
    }

    /// <summary>Whether a call of <paramref name="method"/> runs the host: it is a host's own run, or a method of the compilation that makes one on some path.</summary>
    public static bool Runs(IMethodSymbol method, Compilation compilation, CancellationToken cancellationToken)
    {
        var facts = FactsOf(compilation);
        return Runs(method, facts, facts.Unfollowed(cancellationToken), cancellationToken);
    }

    /// <summary>Whether a call of <paramref name="method"/> runs the host, read with the unfollowed runners' rules when there are any.</summary>
    private static bool Runs(IMethodSymbol method, CompilationFacts facts, UnfollowedRunners? unfollowed, CancellationToken cancellationToken)
    {
        if (IsHostsOwnRun(method))
        {
            return true;
        }

        var definition = Definition(method);
        var known = facts.RunsUnder(unfollowed);
        if (known.TryGetValue(definition, out var runs))
        {
            return runs;
        }

        runs = Reaches(definition, known, facts, unfollowed, cancellationToken);
        known.TryAdd(definition, runs);
        return runs;
    }

    private static CompilationFacts FactsOf(Compilation compilation) => FactsByCompilation.GetValue(compilation, static c => new CompilationFacts(c));

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
    private static bool Reaches(IMethodSymbol method, ConcurrentDictionary<IMethodSymbol, bool> known, CompilationFacts facts, UnfollowedRunners? unfollowed, CancellationToken cancellationToken)
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

                var callees = CalleesOf(current, facts, unfollowed, cancellationToken);
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

    private static Callees CalleesOf(IMethodSymbol method, CompilationFacts facts, UnfollowedRunners? unfollowed, CancellationToken cancellationToken)
    {
        var known = facts.CalleesUnder(unfollowed);
        if (known.TryGetValue(method, out var callees))
        {
            return callees;
        }

        callees = new Callees(facts, unfollowed);
        foreach (var body in BodiesOf(method, facts.Compilation, cancellationToken))
        {
            Read(body, callees);
        }

        known.TryAdd(method, callees);
        return callees;
    }

    /// <summary>
    /// What a call of <paramref name="method"/> runs: its body (a lambda's, a local function's, an accessor's), and for a
    /// constructor the initializers of its type's fields and properties, which every constructor of the type runs.
    /// </summary>
    private static IEnumerable<IOperation> BodiesOf(IMethodSymbol method, Compilation compilation, CancellationToken cancellationToken)
    {
        var declarations = (method.PartialImplementationPart ?? method).DeclaringSyntaxReferences.Select(r => r.GetSyntax(cancellationToken));
        if (method.MethodKind is MethodKind.Constructor or MethodKind.StaticConstructor)
        {
            declarations = declarations.Concat(method.ContainingType.GetMembers()
                .Where(member => member is IFieldSymbol or IPropertySymbol && member.IsStatic == method.IsStatic)
                .SelectMany(member => member.DeclaringSyntaxReferences)
                .Select(r => r.GetSyntax(cancellationToken) switch
                {
                    VariableDeclaratorSyntax { Initializer: { } initializer } => initializer,
                    PropertyDeclarationSyntax { Initializer: { } initializer } => (SyntaxNode?)initializer,
                    _ => null,
                })
                .OfType<SyntaxNode>());
        }

        foreach (var syntax in declarations)
        {
            if (!compilation.ContainsSyntaxTree(syntax.SyntaxTree))
            {
                continue;
            }

            var body = compilation.GetSemanticModel(syntax.SyntaxTree).GetOperation(syntax, cancellationToken) switch
            {
                ILocalFunctionOperation local => (IOperation?)local.Body ?? local.IgnoredBody,
                IAnonymousFunctionOperation lambda => lambda.Body,
                var operation => operation,
            };
            if (body is not null)
            {
                yield return body;
            }
        }
    }

    /// <summary>Takes in the calls of a body: its lambdas are not run by it (unless it calls or hands them over where they may run), its local functions run where it calls them.</summary>
    private static void Read(IOperation body, Callees callees)
    {
        foreach (var operation in OperationsIn(body))
        {
            AddCalls(operation, callees);
            if (callees.RunsTheHost)
            {
                return;
            }
        }
    }

    /// <summary>
    /// The operations <paramref name="root"/> runs where it is: not those in the lambdas and local functions written in it,
    /// which it does not run there, nor a call the compiler leaves out, with its arguments.
    /// </summary>
    private static IEnumerable<IOperation> OperationsIn(IOperation root)
    {
        var pending = new Stack<IOperation>([root]);
        while (pending.Count > 0)
        {
            var operation = pending.Pop();
            if (EveryPath.IsOmittedCall(operation))
            {
                continue;
            }

            yield return operation;
            foreach (var child in operation.ChildOperations)
            {
                if (child is not (IAnonymousFunctionOperation or ILocalFunctionOperation))
                {
                    pending.Push(child);
                }
            }
        }
    }

    /// <summary>
    /// What <paramref name="operation"/> runs itself (not its operands): the method it calls, the accessor, operator,
    /// conversion or <c>Dispose</c> it runs with no call written, the static constructor (with the static initializers) of
    /// a type whose static member it touches, the <c>Deconstruct</c>, enumerator and awaiter members the compiler binds
    /// for a deconstruction, a <c>foreach</c> and an <c>await</c>, and the lambdas it calls or hands over.
    /// </summary>
    private static void AddCalls(IOperation operation, Callees callees, SemanticModel? graphOf = null)
    {
        var model = graphOf ?? operation.SemanticModel;
        switch (AsWritten(operation, graphOf))
        {
            case IInvocationOperation call:
                AddCall(call.TargetMethod, call.Instance, call.IsVirtual, call.Arguments, callees);
                break;
            case IObjectCreationOperation { Constructor: { } constructor } creation:
                AddCall(constructor, null, false, creation.Arguments, callees);
                break;
            case IPropertyReferenceOperation property:
                AddStaticInitialization(property.Property, callees);
                foreach (var accessor in AccessorsRun(property))
                {
                    var assigned = accessor.MethodKind == MethodKind.PropertySet && property.Parent is IAssignmentOperation assignment ? assignment.Value : null;
                    AddCall(accessor, property.Instance, property.Instance is not null && IsOverridable(accessor), property.Arguments, callees, assigned);
                }

                break;
            case IFieldReferenceOperation { Field: { IsConst: false } field }:
                AddStaticInitialization(field, callees);
                break;
            case IEventReferenceOperation { Event: var declared }:
                AddStaticInitialization(declared, callees);
                break;
            case IEventAssignmentOperation { EventReference: IEventReferenceOperation reference } subscription
                when (subscription.Adds ? reference.Event.AddMethod : reference.Event.RemoveMethod) is { } accessor:
                AddCall(accessor, reference.Instance, reference.Instance is not null && IsOverridable(accessor), [], callees, subscription.HandlerValue);
                break;
            case IConversionOperation { OperatorMethod: { } conversion }:
                AddMethod(conversion, callees);
                break;
            case IBinaryOperation { OperatorMethod: { } binary }:
                AddMethod(binary, callees);
                break;
            case IUnaryOperation { OperatorMethod: { } unary }:
                AddMethod(unary, callees);
                break;
            case IUsingOperation { Resources: var resources }:
                AddDisposals(resources, callees);
                break;
            case IUsingDeclarationOperation { DeclarationGroup: var resources }:
                AddDisposals(resources, callees);
                break;
            case IDeconstructionAssignmentOperation { Syntax: AssignmentExpressionSyntax assignment } when model is not null:
                AddDeconstruction(model.GetDeconstructionInfo(assignment), callees);
                break;
            case IForEachLoopOperation { Syntax: CommonForEachStatementSyntax loop } forEach when model is not null:
                var info = model.GetForEachStatementInfo(loop);
                if (info.GetEnumeratorMethod is { } getEnumerator && forEach.Collection.Unwrapped().Type is not (IArrayTypeSymbol or { SpecialType: SpecialType.System_String }))
                {
                    // An array or a string is looped over by index: no enumerator runs.
                    AddCall(getEnumerator, forEach.Collection.Unwrapped(), IsOverridable(getEnumerator) || getEnumerator.ContainingType?.TypeKind == TypeKind.Interface, [], callees);
                    foreach (var method in new[] { info.MoveNextMethod, info.CurrentProperty?.GetMethod, info.DisposeMethod }.OfType<IMethodSymbol>())
                    {
                        AddDispatched(method, getEnumerator.ReturnType, callees);
                    }
                }

                if (loop is ForEachVariableStatementSyntax deconstructed)
                {
                    AddDeconstruction(model.GetDeconstructionInfo(deconstructed), callees);
                }

                break;
            case IAwaitOperation { Syntax: AwaitExpressionSyntax awaited } when model is not null:
                var awaiter = model.GetAwaitExpressionInfo(awaited);
                foreach (var method in new[] { awaiter.GetAwaiterMethod, awaiter.IsCompletedProperty?.GetMethod, awaiter.GetResultMethod }.OfType<IMethodSymbol>())
                {
                    AddMethod(method, callees);
                }

                break;
        }
    }

    /// <summary>A member called on a value of static type <paramref name="receiver"/> (an enumerator): its body, and every override or implementation that value may be.</summary>
    private static void AddDispatched(IMethodSymbol method, ITypeSymbol receiver, Callees callees)
    {
        foreach (var implementation in callees.Facts.ImplementationsOf(method, receiver))
        {
            AddMethod(implementation, callees);
        }

        AddMethod(method, callees);
        if (receiver.FindImplementationForInterfaceMember(method) is IMethodSymbol own)
        {
            AddMethod(own, callees);
        }
    }

    /// <summary>The <c>Deconstruct</c> methods a deconstruction calls, those of its nested deconstructions included.</summary>
    private static void AddDeconstruction(DeconstructionInfo info, Callees callees)
    {
        if (info.Method is { } deconstruct)
        {
            AddMethod(deconstruct, callees);
        }

        foreach (var nested in info.Nested)
        {
            AddDeconstruction(nested, callees);
        }
    }

    /// <summary>
    /// The static constructor of the type that declares <paramref name="member"/>, with the static field and property
    /// initializers it runs: the runtime runs it before a static member of the type is first used, so touching one may run it.
    /// </summary>
    private static void AddStaticInitialization(ISymbol member, Callees callees)
    {
        if (member.ContainingType is { } type && (member.IsStatic || member is IMethodSymbol { MethodKind: MethodKind.Constructor }) && type.Locations.Any(static l => l.IsInSource))
        {
            foreach (var constructor in type.StaticConstructors)
            {
                AddMethod(constructor, callees);
            }
        }
    }

    /// <summary>
    /// The operation as the semantic model gives it for its syntax, with its parents: a control flow graph rewrites an
    /// expression (its lambdas and locals captured), and what a call's receiver or delegate holds is read in the tree it
    /// was written in. A call the graph adds (a <c>Dispose</c> of a <c>using</c>) is taken as the graph has it.
    /// </summary>
    private static IOperation AsWritten(IOperation operation, SemanticModel? graphOf) =>
        graphOf is not null && !operation.IsImplicit && operation is IInvocationOperation or IObjectCreationOperation or IPropertyReferenceOperation
            && graphOf.GetOperation(operation.Syntax) is { } written && written.Kind == operation.Kind
            ? written
            : operation;

    /// <summary>
    /// Takes in a call of <paramref name="method"/>. A host's own run runs the host. A call that dispatches (a virtual,
    /// abstract or interface member, a delegate) is followed into every body it may run: the instance's run-time type's
    /// implementation (or the delegate's values) when known, else every override or implementation in the compilation
    /// the instance may be (of a member of the compilation or of a framework member, <c>IHostedService.StartAsync</c>).
    /// The delegates a call is handed (arguments, the value a setter or an event's <c>add</c> is given) may run from
    /// there on, whoever the callee is: their lambdas and method groups are taken in as run by the call. Under
    /// <paramref name="callees"/>' unfollowed runners, what the rule cannot follow is taken to run the host
    /// (<see cref="UnfollowedRunners"/>).
    /// </summary>
    private static void AddCall(IMethodSymbol method, IOperation? instance, bool isVirtual, ImmutableArray<IArgumentOperation> arguments, Callees callees, IOperation? assigned = null)
    {
        if (IsHostsOwnRun(method))
        {
            callees.RunsTheHost = true;
            return;
        }

        AddStaticInitialization(method, callees);
        var outside = !IsOfTheCompilation(method);
        if (method.MethodKind == MethodKind.DelegateInvoke || (outside && IsDelegate(instance?.Type) && method.Name is "Invoke" or "DynamicInvoke" or "BeginInvoke"))
        {
            AddDelegateRun(instance, callees);
            outside = false;
        }
        else if (DelegateTargets.Of(method.ConstructedFrom, instance?.Unwrapped(), isVirtual) is { } targets)
        {
            foreach (var target in targets)
            {
                AddMethod(target, callees);
            }
        }
        else
        {
            // Not known: every override or implementation in the compilation that the instance may be is followed, and
            // so are the member's own body and the one the receiver's own type gives it (a Dispose a using runs on a
            // class not sealed).
            foreach (var implementation in callees.Facts.ImplementationsOf(method, instance?.Type))
            {
                AddMethod(implementation, callees);
            }

            AddMethod(method, callees);
            if (method.ContainingType?.TypeKind == TypeKind.Interface && instance?.Unwrapped().Type?.FindImplementationForInterfaceMember(method.ConstructedFrom) is IMethodSymbol own)
            {
                AddMethod(own, callees);
            }
        }

        var handed = arguments.SelectMany(a => a.ArgumentKind == ArgumentKind.ParamArray ? a.ArrayElements() : [a.Value]).ToList();
        if (assigned is not null)
        {
            handed.Add(assigned);
        }

        foreach (var value in handed.Where(v => IsDelegate(v.Type)))
        {
            AddDelegateRun(value, callees);
        }

        if (outside && callees.Unfollowed is { } unfollowed && unfollowed.MayRunThrough(method, instance, handed, callees.Facts))
        {
            callees.RunsTheHost = true;
        }
    }

    /// <summary>
    /// Takes in a delegate that is run (invoked, or handed to code that may invoke it): the lambdas and method groups it
    /// holds; when they are not known (a field, a call's result, an event, an element of a collection), it runs the host
    /// when its type is one of the unfollowed runners'. A parameter's values are judged where they are handed over.
    /// </summary>
    private static void AddDelegateRun(IOperation? value, Callees callees)
    {
        if (value is null)
        {
            return;
        }

        if (DelegateValues(value, new HashSet<ILocalSymbol>(SymbolEqualityComparer.Default)) is { } values)
        {
            foreach (var known in values)
            {
                AddDelegate(known, callees);
            }
        }
        else if (Receiver(value) is var held && held is not IParameterReferenceOperation && callees.Unfollowed?.IsRunnerType(held.Type ?? value.Type) == true)
        {
            callees.RunsTheHost = true;
        }
    }

    private static bool IsDelegate(ITypeSymbol? type) =>
        type is { TypeKind: TypeKind.Delegate } or { SpecialType: SpecialType.System_Delegate or SpecialType.System_MulticastDelegate };

    /// <summary>Takes in a method a call binds to when it is a host's own run, or has a body in the compilation to follow.</summary>
    private static void AddMethod(IMethodSymbol method, Callees callees)
    {
        if (IsHostsOwnRun(method))
        {
            callees.RunsTheHost = true;
        }
        else if (Definition(method) is { IsAbstract: false, IsExtern: false } followed && followed.Locations.Any(static l => l.IsInSource))
        {
            callees.Methods.Add(followed);
        }
    }

    /// <summary>Takes in a delegate's value that is run: a lambda's body, or the method a method group names (every one it may dispatch to, when known).</summary>
    private static void AddDelegate(IOperation value, Callees callees)
    {
        switch (value)
        {
            case IAnonymousFunctionOperation lambda:
                AddMethod(lambda.Symbol, callees);
                break;
            case IMethodReferenceOperation reference:
                foreach (var target in DelegateTargets.Of(reference) ?? [reference.Method])
                {
                    AddMethod(target, callees);
                }

                break;
        }
    }

    /// <summary>The <c>Dispose</c> (or <c>DisposeAsync</c>) a <c>using</c> runs on each of its resources, as their types implement it.</summary>
    private static void AddDisposals(IOperation resources, Callees callees)
    {
        var types = resources is IVariableDeclarationGroupOperation group
            ? group.Declarations.SelectMany(d => d.Declarators).Select(d => (ITypeSymbol?)d.Symbol.Type)
            : [resources.Unwrapped().Type];
        foreach (var type in types.OfType<ITypeSymbol>())
        {
            foreach (var dispose in type.GetMembers("Dispose").Concat(type.GetMembers("DisposeAsync")).OfType<IMethodSymbol>().Where(m => m.Parameters.Length == 0))
            {
                AddMethod(dispose, callees);
            }

            foreach (var member in type.AllInterfaces.SelectMany(i => i.GetMembers()).OfType<IMethodSymbol>().Where(m => m.Name is "Dispose" or "DisposeAsync"))
            {
                if (type.FindImplementationForInterfaceMember(member) is IMethodSymbol implementation)
                {
                    AddMethod(implementation, callees);
                }
            }
        }
    }

    /// <summary>
    /// The lambdas and method groups <paramref name="value"/> (a delegate) may hold: itself, those of each arm of a
    /// conditional, a coalescence or a switch expression, every value written to the local it reads in the body that
    /// declares it, or, for a <c>foreach</c> variable, every element of the array or collection expression looped over;
    /// null when one of them is not known (a parameter, a field, a call's result, an element of a collection held elsewhere).
    /// </summary>
    private static List<IOperation>? DelegateValues(IOperation value, HashSet<ILocalSymbol> reading)
    {
        value = Receiver(value);
        while (value is IDelegateCreationOperation creation)
        {
            value = creation.Target.Unwrapped();
        }

        switch (value)
        {
            case IAnonymousFunctionOperation or IMethodReferenceOperation:
                return [value];
            case IConditionalOperation { WhenFalse: { } whenFalse } conditional:
                return AllValues([conditional.WhenTrue, whenFalse], reading);
            case ICoalesceOperation coalesce:
                return AllValues([coalesce.Value, coalesce.WhenNull], reading);
            case ISwitchExpressionOperation switchExpression:
                return AllValues(switchExpression.Arms.Select(arm => arm.Value), reading);
            case ILocalReferenceOperation { Local: { IsRef: false } local } reference:
                if (!reading.Add(local))
                {
                    return [];
                }

                var top = (IOperation)reference;
                while (top.Parent is not null)
                {
                    top = top.Parent;
                }

                var values = new List<IOperation>();
                var written = false;
                foreach (var operation in top.Descendants())
                {
                    List<IOperation?>? writes = operation switch
                    {
                        IVariableDeclaratorOperation declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, local) => [declarator.GetVariableInitializer()?.Value],
                        IAssignmentOperation { Target: ILocalReferenceOperation target } assignment when SymbolEqualityComparer.Default.Equals(target.Local, local) => [assignment.Value],
                        IArgumentOperation { Value: ILocalReferenceOperation passed, Parameter.RefKind: RefKind.Ref or RefKind.Out } when SymbolEqualityComparer.Default.Equals(passed.Local, local) => [operation],
                        IForEachLoopOperation loop when loop.Locals.Contains(local, SymbolEqualityComparer.Default) => LoopedElements(loop.Collection),
                        _ => null,
                    };
                    if (writes is null)
                    {
                        continue;
                    }

                    foreach (var write in writes)
                    {
                        if (write is null)
                        {
                            // A declaration with no initializer holds nothing until a write below.
                            continue;
                        }

                        if (write is IArgumentOperation || DelegateValues(write, reading) is not { } found)
                        {
                            return null;
                        }

                        written = true;
                        values.AddRange(found);
                    }

                    written |= writes.Count == 0;
                }

                // A local no write of which is seen (a pattern's, a catch's) may hold anything.
                return written ? values : null;
            default:
                return null;
        }
    }

    /// <summary>The values of every one of <paramref name="arms"/>; null when one is not known.</summary>
    private static List<IOperation>? AllValues(IEnumerable<IOperation> arms, HashSet<ILocalSymbol> reading)
    {
        var values = new List<IOperation>();
        foreach (var arm in arms)
        {
            if (DelegateValues(arm, reading) is not { } found)
            {
                return null;
            }

            values.AddRange(found);
        }

        return values;
    }

    /// <summary>
    /// The elements a <c>foreach</c> over <paramref name="collection"/> gives, when it is an array creation or a collection
    /// expression written there; otherwise the collection itself, whose delegate values are not known.
    /// </summary>
    private static List<IOperation?> LoopedElements(IOperation collection) => collection.Unwrapped() switch
    {
        IArrayCreationOperation { Initializer: { } initializer } => [.. initializer.ElementValues],
        ICollectionExpressionOperation expression when expression.Elements.All(e => e is not ISpreadOperation) => [.. expression.Elements],
        _ => [collection],
    };

    /// <summary>The value a receiver reads: under conversions, and for <c>d?.Invoke()</c> the value tested for null.</summary>
    private static IOperation Receiver(IOperation instance)
    {
        instance = instance.Unwrapped();
        for (var parent = instance.Parent; instance is IConditionalAccessInstanceOperation && parent is not null; parent = parent.Parent)
        {
            if (parent is IConditionalAccessOperation access)
            {
                return access.Operation.Unwrapped();
            }
        }

        return instance;
    }

    /// <summary>Whether <paramref name="type"/> is a host: a <c>WebApplication</c>, an <c>IHost</c> or an <c>IWebHost</c>, or implements one.</summary>
    private static bool IsHost(ITypeSymbol? type) => type is not null && (IsHostType(type) || type.AllInterfaces.Any(IsHostType));

    private static bool IsHostType(ITypeSymbol type) =>
        type.ToDisplayString() is "Microsoft.Extensions.Hosting.IHost" or "Microsoft.AspNetCore.Hosting.IWebHost" or "Microsoft.AspNetCore.Builder.WebApplication";

    /// <summary>Whether <paramref name="method"/> is declared in the compilation's source: code of the app, not a framework or library method.</summary>
    private static bool IsOfTheCompilation(IMethodSymbol method) => Definition(method).Locations.Any(static l => l.IsInSource);

    private static bool IsOverridable(IMethodSymbol method) => (method.IsVirtual || method.IsAbstract || method.IsOverride) && !method.IsSealed;

    /// <summary>The accessors a property reference runs: the setter where it is assigned, both where it is compound-assigned, the getter elsewhere.</summary>
    private static IEnumerable<IMethodSymbol> AccessorsRun(IPropertyReferenceOperation property)
    {
        var accessors = property.Parent switch
        {
            ISimpleAssignmentOperation assignment when assignment.Target == property => [property.Property.SetMethod],
            ICompoundAssignmentOperation or ICoalesceAssignmentOperation or IIncrementOrDecrementOperation when ((IOperation)property.Parent) is var parent
                && (parent is IAssignmentOperation a ? a.Target == property : ((IIncrementOrDecrementOperation)parent).Target == property) =>
                [property.Property.GetMethod, property.Property.SetMethod],
            _ => new[] { property.Property.GetMethod },
        };
        return accessors.OfType<IMethodSymbol>();
    }

    private static IMethodSymbol Definition(IMethodSymbol method) => (method.ReducedFrom ?? method).OriginalDefinition;

    /// <summary>A body's calls of methods of the compilation, and whether it makes a host's own run (or, under <see cref="Unfollowed"/>'s rules, one the rule cannot follow).</summary>
    private sealed class Callees(CompilationFacts facts, UnfollowedRunners? unfollowed)
    {
        public CompilationFacts Facts { get; } = facts;

        public UnfollowedRunners? Unfollowed { get; } = unfollowed;

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
            var model = graph.OriginalOperation.SemanticModel;
            var pending = new Stack<BasicBlock>();
            foreach (var block in graph.Blocks)
            {
                var operations = block.BranchValue is { } branch ? block.Operations.Add(branch) : block.Operations;
                for (var index = 0; index < operations.Length && model is not null; index++)
                {
                    if (FirstRunEnd(operations[index], model, cancellationToken) is { } end)
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
        private static int? FirstRunEnd(IOperation operation, SemanticModel graphOf, CancellationToken cancellationToken)
        {
            int? end = null;
            foreach (var call in OperationsIn(operation))
            {
                var facts = FactsOf(graphOf.Compilation);
                var unfollowed = facts.Unfollowed(cancellationToken);
                var callees = new Callees(facts, unfollowed);
                AddCalls(call, callees, graphOf);
                if (callees.RunsTheHost || callees.Methods.Any(method => Runs(method, facts, unfollowed, cancellationToken)))
                {
                    end = Math.Min(end ?? int.MaxValue, call.Syntax.Span.End);
                }
            }

            return end;
        }

        private static ControlFlowRegion? FinallyHolding(BasicBlock block)
        {
            var region = block.EnclosingRegion;
            while (region is not null && region.Kind != ControlFlowRegionKind.Finally)
            {
                region = region.EnclosingRegion;
            }

            return region;
        }

        /// <summary>Where the branches that run <paramref name="finallyRegion"/> on their way out of its <c>try</c> go.</summary>
        private static IEnumerable<BasicBlock> BranchesThrough(ControlFlowGraph graph, ControlFlowRegion finallyRegion) =>
            graph.Blocks
                .SelectMany(b => new[] { b.FallThroughSuccessor, b.ConditionalSuccessor })
                .Where(b => b?.Destination is not null && b.FinallyRegions.Contains(finallyRegion))
                .Select(b => b!.Destination!);

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
                else if (branch.Semantics == ControlFlowBranchSemantics.StructuredExceptionHandling && FinallyHolding(block) is { } finallyRegion)
                {
                    // The end of a finally block goes on where the branch that ran it was going.
                    foreach (var leaving in BranchesThrough(graph, finallyRegion))
                    {
                        pending.Push(leaving);
                    }
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
