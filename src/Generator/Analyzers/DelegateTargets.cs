using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace SessionAuth.Generators.Analyzers;

/// <summary>
/// The method a delegate made from a method group will really invoke, whose attributes ASP.NET Core reads
/// (<c>RequestDelegateFactory</c> reads <c>Delegate.Method</c>, the implementation, never the interface or base method
/// the group was named through).
/// </summary>
/// <remarks>
/// A non-virtual reference invokes the method named. A virtual one (an interface, abstract, virtual or override method)
/// invokes the implementation of the instance's run-time type, known only when that type is: an object created right
/// there, a sealed class or a struct, or a local every write of which gives one of those. Otherwise there is no answer
/// and the handler decides nothing: the rule cannot see its decision.
/// </remarks>
internal static class DelegateTargets
{
    /// <summary>The methods <paramref name="reference"/> may invoke, each of them known; null when they are not known.</summary>
    public static IReadOnlyList<IMethodSymbol>? Of(IMethodReferenceOperation reference) => Of(reference.Method, reference.Instance, reference.IsVirtual);

    /// <summary>
    /// The methods a call of <paramref name="method"/> on <paramref name="instance"/> (a virtual call when
    /// <paramref name="isVirtual"/>) may run, each of them known; null when they are not known. The instance is read in
    /// the operation tree it was written in (its locals' writes are looked for there), not in a control flow graph.
    /// </summary>
    public static IReadOnlyList<IMethodSymbol>? Of(IMethodSymbol method, IOperation? instance, bool isVirtual)
    {
        if (!isVirtual && !method.IsAbstract)
        {
            return [method];
        }

        if (instance is null)
        {
            return null;
        }

        var types = RunTimeTypes(instance, new HashSet<ILocalSymbol>(SymbolEqualityComparer.Default));
        if (types is null || types.Count == 0)
        {
            return null;
        }

        var targets = new List<IMethodSymbol>();
        foreach (var type in types)
        {
            if (Implementation(type, method) is not { } implementation)
            {
                return null;
            }

            if (!targets.Contains(implementation, SymbolEqualityComparer.Default))
            {
                targets.Add(implementation);
            }
        }

        return targets;
    }

    /// <summary>The run-time types <paramref name="instance"/> may have, each exactly known; null when one is not.</summary>
    private static List<ITypeSymbol>? RunTimeTypes(IOperation instance, HashSet<ILocalSymbol> reading)
    {
        var value = instance.Unwrapped();
        switch (value)
        {
            case IObjectCreationOperation { Type: { } created }:
                return [created];
            case ILocalReferenceOperation local:
                // A local written from itself, or from one that is (a = b; b = a;), adds no type of its own.
                return reading.Add(local.Local) ? LocalTypes(local, reading) : [];
        }

        return value.Type is { } type && (type.IsValueType || type is INamedTypeSymbol { IsSealed: true, TypeKind: TypeKind.Class }) ? [type] : null;
    }

    /// <summary>The run-time types of every value written to the local in the body that declares it; null when a write is not a plain assignment.</summary>
    private static List<ITypeSymbol>? LocalTypes(ILocalReferenceOperation reference, HashSet<ILocalSymbol> reading)
    {
        if (reference.Local.IsRef)
        {
            return null;
        }

        var root = reference;
        IOperation top = root;
        while (top.Parent is not null)
        {
            top = top.Parent;
        }

        var types = new List<ITypeSymbol>();
        foreach (var operation in top.Descendants())
        {
            IOperation? written = operation switch
            {
                IVariableDeclaratorOperation declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, reference.Local) =>
                    declarator.Initializer?.Value ?? declarator.GetVariableInitializer()?.Value,
                ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment when SymbolEqualityComparer.Default.Equals(target.Local, reference.Local) =>
                    assignment.Value,
                _ => null,
            };
            var escapes = operation switch
            {
                IArgumentOperation { Value: ILocalReferenceOperation passed } argument => argument.Parameter?.RefKind is RefKind.Ref or RefKind.Out
                    && SymbolEqualityComparer.Default.Equals(passed.Local, reference.Local),

                // A ref taken to the local (a ref local, a conditional ref, a ref return) may write it unseen.
                ILocalReferenceOperation { Syntax.Parent: RefExpressionSyntax } taken => SymbolEqualityComparer.Default.Equals(taken.Local, reference.Local),
                IDeconstructionAssignmentOperation or ICompoundAssignmentOperation or ICoalesceAssignmentOperation =>
                    operation.Descendants().OfType<ILocalReferenceOperation>().Any(l => SymbolEqualityComparer.Default.Equals(l.Local, reference.Local) && IsWrittenAt(l)),
                _ => false,
            };
            if (escapes)
            {
                return null;
            }

            if (written is not null)
            {
                if (RunTimeTypes(written, reading) is not { } found)
                {
                    return null;
                }

                types.AddRange(found);
            }
        }

        return types.Count > 0 ? types : null;
    }

    private static bool IsWrittenAt(ILocalReferenceOperation local) => local.Parent switch
    {
        IDeconstructionAssignmentOperation or ICompoundAssignmentOperation or ICoalesceAssignmentOperation => ((IAssignmentOperation)local.Parent).Target == local,
        ITupleOperation or IDeclarationExpressionOperation => true,
        _ => false,
    };

    /// <summary>The method an instance of exactly <paramref name="type"/> runs for <paramref name="method"/>.</summary>
    private static IMethodSymbol? Implementation(ITypeSymbol type, IMethodSymbol method)
    {
        if (method.ContainingType?.TypeKind == TypeKind.Interface)
        {
            // The implementing method may itself be virtual (an abstract base class implements the interface): the
            // instance then runs its most derived override.
            if (type.FindImplementationForInterfaceMember(method) is not IMethodSymbol implementation)
            {
                return null;
            }

            if (!(implementation.IsAbstract || implementation.IsVirtual || implementation.IsOverride))
            {
                return implementation;
            }

            method = implementation;
        }

        // The most derived override along the type's base classes.
        for (var current = type as INamedTypeSymbol; current is not null; current = current.BaseType)
        {
            foreach (var member in current.GetMembers(method.Name).OfType<IMethodSymbol>())
            {
                for (var overridden = member; overridden is not null; overridden = overridden.OverriddenMethod)
                {
                    if (SymbolEqualityComparer.Default.Equals(overridden.OriginalDefinition, method.OriginalDefinition))
                    {
                        return member.IsAbstract ? null : member;
                    }
                }
            }
        }

        return null;
    }
}
