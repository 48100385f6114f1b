using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace SessionAuth.Generators.Analyzers;

/// <summary>
/// Guards that cover endpoints far from where they are declared: an <c>AuthorizationOptions.FallbackPolicy</c> (assigned,
/// or set through <c>AuthorizationBuilder.SetFallbackPolicy</c>), and the guards on the builders MVC's controller
/// mappings return (<see cref="ControllerRoutes"/>).
/// </summary>
/// <remarks>
/// The fallback policy counts only when it holds on every path: some write of a policy that is never null runs on every
/// path of the code that makes it (and of the configuration callback it sits in), and no write anywhere may leave it null
/// (<c>null</c>, <c>default</c>, a conditional with a null arm, a value nullable analysis says may be null): the order in
/// which <c>Configure</c> and <c>PostConfigure</c> callbacks run is not the order they are written in, so a null written
/// anywhere may be the last word. Found by one syntax walk over the compilation, done at most once and only when an
/// endpoint without a local decision turns up; only a node whose name matches is bound.
/// </remarks>
internal sealed class ProjectWideGuards(Compilation compilation, AnalyzerSymbols symbols, BuilderValues builders)
{
    private const string FallbackPolicy = "FallbackPolicy";
    private const string SetFallbackPolicy = "SetFallbackPolicy";

    private readonly object _gate = new();
    private readonly ControllerRoutes _controllers = new(builders);
    private bool? _hasFallbackPolicy;

    public bool HasFallbackPolicy(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return _hasFallbackPolicy ??= ScanFallbackPolicies(cancellationToken);
        }
    }

    /// <summary>
    /// Whether a controller action is decided far away: by a fallback policy, or by the guards of the controller mappings
    /// that route it (all of them: <see cref="ControllerRoutes"/>).
    /// </summary>
    public bool ControllersDecided(bool attributeRouted, CancellationToken cancellationToken) =>
        HasFallbackPolicy(cancellationToken) || _controllers.Decided(attributeRouted, cancellationToken);

    /// <summary>Whether a mapping that routes controller actions was guarded on some paths only (an <c>if</c>, some callers).</summary>
    public bool ControllersGuardedOnSomePaths(CancellationToken cancellationToken) => _controllers.GuardedOnSomePaths(cancellationToken);

    private bool ScanFallbackPolicies(CancellationToken cancellationToken)
    {
        var certain = false;
        foreach (var tree in compilation.SyntaxTrees)
        {
            SemanticModel? model = null;
            foreach (var node in tree.GetRoot(cancellationToken).DescendantNodes())
            {
                IOperation? write = null;
                IOperation? value = null;
                switch (node)
                {
                    case AssignmentExpressionSyntax assignment when NameOf(assignment.Left) == FallbackPolicy:
                        model ??= compilation.GetSemanticModel(tree);
                        if (model.GetOperation(assignment, cancellationToken) is IAssignmentOperation { Target: IPropertyReferenceOperation target } operation
                            && IsMember(target.Property, symbols.AuthorizationOptions))
                        {
                            (write, value) = (operation, operation.Value);
                        }

                        break;
                    case InvocationExpressionSyntax invocation when NameOf(invocation.Expression) == SetFallbackPolicy:
                        model ??= compilation.GetSemanticModel(tree);
                        if (model.GetOperation(invocation, cancellationToken) is IInvocationOperation call && IsMember(call.TargetMethod, symbols.AuthorizationBuilder))
                        {
                            (write, value) = (call, call.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == 0)?.Value);
                        }

                        break;
                }

                if (write is null)
                {
                    continue;
                }

                if (value is null || MayBeNull(value, model!, cancellationToken))
                {
                    // A write that may remove the fallback policy: none counts, whatever the order they run in.
                    return false;
                }

                certain |= EveryPath.Runs(write, cancellationToken);
            }
        }

        return certain;
    }

    /// <summary>
    /// Whether <paramref name="value"/> may be null at run time: a null constant (<c>null</c>, <c>default</c>, a cast of
    /// either), a conditional, coalescing or switch expression one of whose results may be, a conditional access, or a
    /// value whose nullable flow state is maybe-null.
    /// </summary>
    private static bool MayBeNull(IOperation value, SemanticModel model, CancellationToken cancellationToken)
    {
        if (value.ConstantValue is { HasValue: true, Value: null })
        {
            return true;
        }

        var unwrapped = value.Unwrapped();
        switch (unwrapped)
        {
            case IDefaultValueOperation or IConditionalAccessOperation:
                return true;
            case IConditionalOperation conditional:
                return conditional.WhenFalse is null || MayBeNull(conditional.WhenTrue, model, cancellationToken) || MayBeNull(conditional.WhenFalse, model, cancellationToken);
            case ICoalesceOperation coalesce:
                return MayBeNull(coalesce.WhenNull, model, cancellationToken);
            case ISwitchExpressionOperation @switch:
                return @switch.Arms.Any(arm => MayBeNull(arm.Value, model, cancellationToken));
            case IObjectCreationOperation:
                return false;
        }

        if (value.Syntax is not ExpressionSyntax expression || value.Syntax.SyntaxTree != model.SyntaxTree)
        {
            return false;
        }

        var info = model.GetTypeInfo(expression, cancellationToken);
        return info.Nullability.FlowState == NullableFlowState.MaybeNull || info.ConvertedNullability.FlowState == NullableFlowState.MaybeNull;
    }

    private static bool IsMember(ISymbol? member, INamedTypeSymbol? type) =>
        member is IPropertySymbol or IMethodSymbol && SymbolEqualityComparer.Default.Equals(member.ContainingType?.OriginalDefinition, type);

    private static string NameOf(ExpressionSyntax expression) => expression switch
    {
        MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
        MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
        GenericNameSyntax generic => generic.Identifier.ValueText,
        _ => string.Empty,
    };
}
