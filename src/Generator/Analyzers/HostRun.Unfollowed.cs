using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace SessionAuth.Generators.Analyzers;

internal static partial class HostRun
{
    /// <summary>
    /// What is read once per compilation: every source type, which bodies of the compilation override or implement each
    /// member (of the compilation or of a framework), the host-run answers and callees under each set of rules, and the
    /// runners the rule cannot follow.
    /// </summary>
    private sealed class CompilationFacts(Compilation compilation)
    {
        private readonly object _gate = new();
        private readonly ConcurrentDictionary<IMethodSymbol, Callees> _followedCallees = new(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<IMethodSymbol, Callees> _closedCallees = new(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<IMethodSymbol, bool> _followedRuns = new(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<IMethodSymbol, bool> _closedRuns = new(SymbolEqualityComparer.Default);
        private ImplementationIndex? _index;
        private UnfollowedRunners? _unfollowed;
        private bool _unfollowedKnown;

        public Compilation Compilation => compilation;

        public IReadOnlyList<INamedTypeSymbol> SourceTypes => Index.SourceTypes;

        private ImplementationIndex Index => LazyInitializer.EnsureInitialized(ref _index, () => new ImplementationIndex(compilation))!;

        public ConcurrentDictionary<IMethodSymbol, Callees> CalleesUnder(UnfollowedRunners? unfollowed) => unfollowed is null ? _followedCallees : _closedCallees;

        public ConcurrentDictionary<IMethodSymbol, bool> RunsUnder(UnfollowedRunners? unfollowed) => unfollowed is null ? _followedRuns : _closedRuns;

        /// <summary>The runners the rule cannot follow, found once (with the followed rules only); null when there are none.</summary>
        public UnfollowedRunners? Unfollowed(CancellationToken cancellationToken)
        {
            if (Volatile.Read(ref _unfollowedKnown))
            {
                return _unfollowed;
            }

            var found = UnfollowedRunners.Find(this, cancellationToken);
            lock (_gate)
            {
                if (!_unfollowedKnown)
                {
                    _unfollowed = found;
                    Volatile.Write(ref _unfollowedKnown, true);
                }

                return _unfollowed;
            }
        }

        /// <summary>
        /// The bodies of the compilation a call of <paramref name="method"/> (a virtual, abstract or interface member, of
        /// the compilation or not) may dispatch to on an instance of static type <paramref name="receiver"/>: the overrides
        /// and implementations of source types that are, derive from or implement the receiver's type.
        /// </summary>
        public IEnumerable<IMethodSymbol> ImplementationsOf(IMethodSymbol method, ITypeSymbol? receiver)
        {
            if (!Index.Implementations.TryGetValue(Definition(method), out var found))
            {
                return [];
            }

            return receiver is INamedTypeSymbol { SpecialType: not SpecialType.System_Object } named
                ? found.Where(f => IsOrDerivesFrom(f.Type, named)).Select(f => f.Method)
                : found.Select(f => f.Method);
        }

        /// <summary>Whether <paramref name="method"/> overrides or implements a member declared outside the compilation: the framework may call it.</summary>
        public bool ImplementsOutsideMember(IMethodSymbol method) => Index.OutsideMemberBodies.Contains(method);

        /// <summary>Whether a source type is, derives from or implements <paramref name="type"/>.</summary>
        public bool IsImplementedInSource(INamedTypeSymbol type) => Index.SourceBases.Contains(type.OriginalDefinition);
    }

    /// <summary>Every override and implementation of the compilation's source types, read once.</summary>
    private sealed class ImplementationIndex
    {
        public ImplementationIndex(Compilation compilation)
        {
            SourceTypes = TypesIn(compilation.Assembly.GlobalNamespace).ToList();
            foreach (var type in SourceTypes)
            {
                for (var baseType = (INamedTypeSymbol?)type; baseType is not null; baseType = baseType.BaseType)
                {
                    SourceBases.Add(baseType.OriginalDefinition);
                }

                foreach (var implemented in type.AllInterfaces)
                {
                    SourceBases.Add(implemented.OriginalDefinition);
                    foreach (var member in implemented.GetMembers().OfType<IMethodSymbol>())
                    {
                        if (type.FindImplementationForInterfaceMember(member) is IMethodSymbol implementation && implementation.Locations.Any(static l => l.IsInSource))
                        {
                            Add(member, type, implementation);
                        }
                    }
                }

                foreach (var member in type.GetMembers().OfType<IMethodSymbol>())
                {
                    for (var overridden = member.OverriddenMethod; overridden is not null; overridden = overridden.OverriddenMethod)
                    {
                        Add(overridden, type, member);
                    }
                }
            }
        }

        public List<INamedTypeSymbol> SourceTypes { get; }

        public Dictionary<IMethodSymbol, List<(INamedTypeSymbol Type, IMethodSymbol Method)>> Implementations { get; } = new(SymbolEqualityComparer.Default);

        public HashSet<IMethodSymbol> OutsideMemberBodies { get; } = new(SymbolEqualityComparer.Default);

        public HashSet<INamedTypeSymbol> SourceBases { get; } = new(SymbolEqualityComparer.Default);

        private void Add(IMethodSymbol member, INamedTypeSymbol type, IMethodSymbol implementation)
        {
            var definition = Definition(member);
            if (!Implementations.TryGetValue(definition, out var found))
            {
                Implementations[definition] = found = [];
            }

            if (!found.Any(f => SymbolEqualityComparer.Default.Equals(f.Type, type) && SymbolEqualityComparer.Default.Equals(f.Method, implementation)))
            {
                found.Add((type, implementation));
            }

            if (!definition.Locations.Any(static l => l.IsInSource))
            {
                OutsideMemberBodies.Add(Definition(implementation));
            }
        }

        private static IEnumerable<INamedTypeSymbol> TypesIn(INamespaceOrTypeSymbol container)
        {
            foreach (var member in container.GetMembers())
            {
                if (member is INamespaceSymbol ns)
                {
                    foreach (var type in TypesIn(ns))
                    {
                        yield return type;
                    }
                }
                else if (member is INamedTypeSymbol type && type.Locations.Any(static l => l.IsInSource))
                {
                    yield return type;
                    foreach (var nested in TypesIn(type))
                    {
                        yield return nested;
                    }
                }
            }
        }
    }

    /// <summary>
    /// Code of the compilation that runs the host where the rule cannot follow it: delegates (lambdas, anonymous methods,
    /// method groups and local functions made into a delegate) whose body runs the host, and bodies the framework may
    /// enter (an override or implementation of a framework member, a constructor a container may call) that run it.
    /// </summary>
    /// <remarks>
    /// When a compilation has none (almost every app: the host runs in top-level code or <c>Main</c>), nothing here
    /// applies. When it has some, what the rule cannot follow fails closed, taken to run the host:
    /// <list type="bullet">
    /// <item>a delegate invoked, or handed to any call, whose values are not known (a field, a call's result, an event, an
    /// element of a collection) when its type is a runner's delegate type (or <c>Delegate</c>, <c>MulticastDelegate</c>,
    /// <c>object</c>): it may hold that runner;</item>
    /// <item>a call of a member outside the compilation handed (as receiver, argument or type argument) an object of a
    /// source type with such a body: the framework may enter it (<c>AddHostedService&lt;T&gt;</c>, <c>StartAsync</c> of a
    /// <c>BackgroundService</c>). A runner delegate handed to such a call is followed as run by it, with or without
    /// runners (<c>new Lazy&lt;Task&gt;(...)</c>, <c>Parallel.For</c>, <c>ContinueWith</c>, an event's <c>add</c>);</item>
    /// <item>once a runner delegate escapes (is held anywhere but a local: a field, a property, an array, a collection, an
    /// event, a return value, a framework object), a call of a member outside the compilation anywhere in the compilation,
    /// unless every value it is handed is inert: a constant, a string, a primitive or an enum, an ASP.NET Core or
    /// Microsoft.Extensions type no source type implements (the app, its builders and route groups, the service
    /// collection, configuration, logging), a collection of inert values, or a delegate whose values are known (they are
    /// followed). This is broad on purpose: the framework object that holds the runner (a <c>Lazy</c>, a <c>Task</c>, a
    /// <c>CancellationTokenSource</c>, a collection, an object of the app) may run it from any call handed it, and real
    /// apps do not let a delegate that runs the host escape, so the breadth costs them nothing.</item>
    /// </list>
    /// A runner is found with the followed rules only: a lambda that runs the host only through another unfollowed
    /// runner does not make its own delegate type a runner's.
    /// </remarks>
    private sealed class UnfollowedRunners
    {
        private readonly HashSet<INamedTypeSymbol> _delegateTypes;
        private readonly List<INamedTypeSymbol> _bodyTypes;
        private readonly bool _escaped;

        private UnfollowedRunners(HashSet<INamedTypeSymbol> delegateTypes, List<INamedTypeSymbol> bodyTypes, bool escaped)
        {
            _delegateTypes = delegateTypes;
            _bodyTypes = bodyTypes;
            _escaped = escaped;
        }

        public static UnfollowedRunners? Find(CompilationFacts facts, CancellationToken cancellationToken)
        {
            var delegateTypes = new HashSet<INamedTypeSymbol>(SymbolEqualityComparer.Default);
            var escaped = false;
            foreach (var tree in facts.Compilation.SyntaxTrees)
            {
                SemanticModel? model = null;
                foreach (var node in tree.GetRoot(cancellationToken).DescendantNodes())
                {
                    if (!MayBeMadeIntoADelegate(node))
                    {
                        continue;
                    }

                    model ??= facts.Compilation.GetSemanticModel(tree);
                    var operation = model.GetOperation(node, cancellationToken);
                    if ((operation as IDelegateCreationOperation ?? operation?.Parent as IDelegateCreationOperation) is not { Type: INamedTypeSymbol type } creation)
                    {
                        continue;
                    }

                    var runs = creation.Target.Unwrapped() switch
                    {
                        IAnonymousFunctionOperation lambda => Runs(lambda.Symbol, facts, null, cancellationToken),
                        IMethodReferenceOperation reference => Runs(reference.Method, facts, null, cancellationToken),
                        _ => false,
                    };
                    if (runs)
                    {
                        delegateTypes.Add(type.OriginalDefinition);
                        escaped |= Escapes(creation);
                    }
                }
            }

            var bodyTypes = facts.SourceTypes
                .Where(type => type.GetMembers().OfType<IMethodSymbol>()
                    .Any(member => (member.MethodKind == MethodKind.Constructor || facts.ImplementsOutsideMember(member)) && Runs(member, facts, null, cancellationToken)))
                .ToList();
            return delegateTypes.Count == 0 && bodyTypes.Count == 0 ? null : new UnfollowedRunners(delegateTypes, bodyTypes, escaped);
        }

        /// <summary>Whether a delegate of <paramref name="type"/> whose values are not known may be one of the runners.</summary>
        public bool IsRunnerType(ITypeSymbol? type) => type switch
        {
            INamedTypeSymbol { TypeKind: TypeKind.Delegate } named => _delegateTypes.Contains(named.OriginalDefinition),
            { SpecialType: SpecialType.System_Delegate or SpecialType.System_MulticastDelegate or SpecialType.System_Object } => _delegateTypes.Count > 0,
            _ => false,
        };

        /// <summary>
        /// Whether a call of <paramref name="method"/>, a member outside the compilation, on <paramref name="instance"/>,
        /// handed <paramref name="handed"/>, may run a runner: it is handed an object (or a type) with a body the framework
        /// may enter that runs the host, or a runner escaped and it is handed a value that is not inert.
        /// </summary>
        public bool MayRunThrough(IMethodSymbol method, IOperation? instance, IReadOnlyList<IOperation> handed, CompilationFacts facts)
        {
            var values = instance is null ? handed : [instance, .. handed];
            if (values.Any(v => CarriesARunnerBody(v.Unwrapped().Type)) || TypeArguments(method).Any(CarriesARunnerBody))
            {
                return true;
            }

            return _escaped && !values.All(v => IsInert(v, facts));
        }

        private bool CarriesARunnerBody(ITypeSymbol? type) =>
            type is INamedTypeSymbol { SpecialType: not SpecialType.System_Object } named && _bodyTypes.Any(body => IsOrDerivesFrom(body, named));

        private static IEnumerable<ITypeSymbol> TypeArguments(IMethodSymbol method)
        {
            foreach (var argument in method.TypeArguments)
            {
                yield return argument;
            }

            for (var type = method.ContainingType; type is not null; type = type.ContainingType)
            {
                foreach (var argument in type.TypeArguments)
                {
                    yield return argument;
                }
            }
        }

        /// <summary>
        /// Whether a runner delegate made by <paramref name="creation"/> is held anywhere but a local (or a parameter of a
        /// call that follows it): a field, a property, an array, a collection, an event, a return value, a framework object.
        /// </summary>
        private static bool Escapes(IDelegateCreationOperation creation)
        {
            var parent = creation.Parent;
            while (parent is IConversionOperation or IParenthesizedOperation or IConditionalOperation or ICoalesceOperation or ISwitchExpressionArmOperation or ISwitchExpressionOperation or IDelegateCreationOperation)
            {
                parent = parent.Parent;
            }

            return parent switch
            {
                IVariableInitializerOperation { Parent: IVariableDeclaratorOperation } => false,
                ISimpleAssignmentOperation { Target: ILocalReferenceOperation } => false,
                IArgumentOperation { Parent: IInvocationOperation call } => !IsOfTheCompilation(call.TargetMethod) && call.TargetMethod.MethodKind != MethodKind.DelegateInvoke,
                IArgumentOperation { Parent: IObjectCreationOperation { Constructor: { } constructor } } => !IsOfTheCompilation(constructor),
                _ => true,
            };
        }

        /// <summary>
        /// A syntax node that may be made into a delegate: a lambda or anonymous method, or a name or member access (a
        /// method group) where a value is given: an argument, an initializer, an assignment's value, a return, a cast, an
        /// arm of a conditional, a coalescence or a switch, an element.
        /// </summary>
        private static bool MayBeMadeIntoADelegate(SyntaxNode node) => node switch
        {
            AnonymousFunctionExpressionSyntax => true,
            IdentifierNameSyntax or GenericNameSyntax or MemberAccessExpressionSyntax => node.Parent switch
            {
                ArgumentSyntax or EqualsValueClauseSyntax or ArrowExpressionClauseSyntax or ReturnStatementSyntax or CastExpressionSyntax
                    or ConditionalExpressionSyntax or ParenthesizedExpressionSyntax or ExpressionElementSyntax or InitializerExpressionSyntax
                    or SwitchExpressionArmSyntax or YieldStatementSyntax or BinaryExpressionSyntax => true,
                AssignmentExpressionSyntax assignment => assignment.Right == node,
                _ => false,
            },
            _ => false,
        };

        /// <summary>Whether <paramref name="value"/>, handed to a call outside the compilation, cannot hold a runner (see the remarks).</summary>
        private static bool IsInert(IOperation value, CompilationFacts facts)
        {
            value = value.Unwrapped();
            if (value.ConstantValue.HasValue)
            {
                return true;
            }

            return IsDelegate(value.Type)
                ? DelegateValues(value, new HashSet<ILocalSymbol>(SymbolEqualityComparer.Default)) is not null
                : IsInertType(value.Type, facts);
        }

        private static bool IsInertType(ITypeSymbol? type, CompilationFacts facts)
        {
            switch (type)
            {
                case null:
                    return true;
                case IArrayTypeSymbol array:
                    return IsInertType(array.ElementType, facts);
                case INamedTypeSymbol { TypeKind: TypeKind.Enum }:
                    return true;
                case INamedTypeSymbol named when !IsDelegate(named) && !named.Locations.Any(static l => l.IsInSource):
                    var ns = named.ContainingNamespace?.ToDisplayString() ?? "";
                    if (ns.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal) || ns.StartsWith("Microsoft.Extensions", StringComparison.Ordinal))
                    {
                        return !facts.IsImplementedInSource(named);
                    }

                    if (named.IsGenericType && (ns is "System.Collections.Generic" or "System.Collections.Immutable" or "System.Collections.ObjectModel" or "System.Collections.Concurrent" or "System.Linq"
                        || named.IsTupleType || named.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T))
                    {
                        return named.TypeArguments.All(argument => IsInertType(argument, facts));
                    }

                    return named.SpecialType == SpecialType.System_String
                        || (named.IsValueType && !named.IsGenericType && ns is "System" or "System.Threading")
                        || named.ToDisplayString() is "System.Type" or "System.Uri" or "System.IServiceProvider" or "System.IFormatProvider"
                            or "System.Globalization.CultureInfo" or "System.Text.StringBuilder" or "System.Text.Encoding";
                default:
                    return false;
            }
        }
    }

    /// <summary>Whether <paramref name="type"/> is, derives from or implements <paramref name="target"/> (generic types by their definition).</summary>
    private static bool IsOrDerivesFrom(INamedTypeSymbol type, INamedTypeSymbol target)
    {
        var definition = target.OriginalDefinition;
        for (var current = (INamedTypeSymbol?)type; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, definition))
            {
                return true;
            }
        }

        return type.AllInterfaces.Any(i => SymbolEqualityComparer.Default.Equals(i.OriginalDefinition, definition));
    }
}
