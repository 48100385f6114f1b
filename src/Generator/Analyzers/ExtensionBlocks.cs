using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SessionAuth.Generators.Analyzers;

/// <summary>
/// C# 14 extension blocks read as the classic extension methods the compiler emits for them: a member of
/// <c>extension(RouteGroupBuilder group) { ... }</c> is, to the flow, its implementation method, a static method of the
/// enclosing class whose first parameter is the receiver (<c>this RouteGroupBuilder group</c>) and whose others are the
/// member's; a static member's takes the member's parameters only. A call of a member, in either form
/// (<c>group.MapOrders()</c>, <c>OrderEndpoints.MapOrders(group)</c>), passes the receiver as that first argument, and the
/// receiver read in the member's body is that parameter: guard helpers, returned parameters and the callers that decide
/// for a group used inside are followed as they are for any extension method.
/// </summary>
internal static class ExtensionBlocks
{
    /// <summary>
    /// The definition the flow names <paramref name="method"/> by: a reduced extension method's static form, an extension
    /// block member's implementation method, or else the method's own definition.
    /// </summary>
    public static IMethodSymbol Definition(IMethodSymbol method)
    {
        var definition = (method.ReducedFrom ?? method).OriginalDefinition;
        return ImplementationOf(definition) ?? definition;
    }

    /// <summary>The implementation method of <paramref name="method"/>, a member (or accessor) of an extension block; null for any other method.</summary>
    public static IMethodSymbol? ImplementationOf(IMethodSymbol method) =>
        method.ContainingType is { IsExtension: true } ? method.OriginalDefinition.AssociatedExtensionImplementation?.OriginalDefinition : null;

    /// <summary>
    /// Where the arguments of a call of <paramref name="method"/> go among its implementation's parameters: one place on
    /// for an instance member of an extension block (the receiver comes first), none for any other method.
    /// </summary>
    public static int ArgumentOffset(IMethodSymbol method) => method.ContainingType is { IsExtension: true } && !method.IsStatic ? 1 : 0;

    /// <summary>Whether <paramref name="method"/> is the implementation the compiler emits for a member of an extension block declared in source.</summary>
    public static bool IsImplementation(IMethodSymbol method) =>
        method is { IsImplicitlyDeclared: true, IsStatic: true, DeclaringSyntaxReferences.Length: 1 }
        && method.DeclaringSyntaxReferences[0].GetSyntax().FirstAncestorOrSelf<ExtensionBlockDeclarationSyntax>() is not null;

    /// <summary>
    /// Whether <paramref name="method"/> is the implementation of an extension block member called where no call of it is
    /// written or named: a setter, an operator or a conversion. A getter is not: each read names its property
    /// (<c>group.Orders</c> runs <c>get_Orders(group)</c>), and the reads are its calls (<see cref="PropertyOfGetter"/>).
    /// </summary>
    public static bool IsCalledUnnamed(IMethodSymbol method) =>
        IsImplementation(method) && method.DeclaringSyntaxReferences[0].GetSyntax() is not MethodDeclarationSyntax && PropertyOfGetter(method) is null;

    /// <summary>
    /// The extension property whose getter <paramref name="method"/> is the implementation of (<c>get_Orders(RouteGroupBuilder group)</c>
    /// for <c>extension(RouteGroupBuilder group) { public RouteGroupBuilder Orders => ...; }</c>); null for any other method.
    /// </summary>
    public static IPropertySymbol? PropertyOfGetter(IMethodSymbol method)
    {
        if (!IsImplementation(method))
        {
            return null;
        }

        var implementation = method.OriginalDefinition;
        foreach (var block in method.ContainingType.GetTypeMembers())
        {
            if (!block.IsExtension)
            {
                continue;
            }

            foreach (var member in block.GetMembers())
            {
                if (member is IPropertySymbol { GetMethod: { } getter } property && SymbolEqualityComparer.Default.Equals(ImplementationOf(getter), implementation))
                {
                    return property;
                }
            }
        }

        return null;
    }

    /// <summary>
    /// The implementation's parameters by the parameters the body of <paramref name="member"/> reads, when it is a member of
    /// an extension block: its receiver and its own parameters; null for any other method.
    /// </summary>
    public static Dictionary<IParameterSymbol, IParameterSymbol>? ImplementationParameters(IMethodSymbol member)
    {
        if (ImplementationOf(member) is not { } implementation)
        {
            return null;
        }

        var parameters = new Dictionary<IParameterSymbol, IParameterSymbol>(SymbolEqualityComparer.Default);
        var offset = ArgumentOffset(member);
        if (offset == 1 && member.ContainingType.ExtensionParameter is { } receiver && implementation.Parameters.Length > 0)
        {
            parameters[receiver] = implementation.Parameters[0];
        }

        foreach (var parameter in member.OriginalDefinition.Parameters)
        {
            if (parameter.Ordinal + offset < implementation.Parameters.Length)
            {
                parameters[parameter] = implementation.Parameters[parameter.Ordinal + offset];
            }
        }

        return parameters;
    }
}
