using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace SessionAuth.Generators.Analyzers;

/// <summary>
/// Guards that cover endpoints far from where they are declared: an <c>AuthorizationOptions.FallbackPolicy</c> (assigned,
/// or set through <c>AuthorizationBuilder.SetFallbackPolicy</c>), and a conventional route (<c>MapControllerRoute(...)</c>)
/// chained with <c>RequireAuthorization()</c>, <c>RequireSession()</c> or <c>AllowAnonymous()</c>, which covers
/// conventionally routed actions only. <c>MapControllers()</c> is followed by <see cref="BuilderValues"/>.
/// </summary>
/// <remarks>
/// Found by one syntax walk over the compilation, done at most once and only when an endpoint without a local decision
/// turns up: most projects decide locally and never pay for it. The walk is by name; only a node whose name matches is
/// bound, to tell <c>AuthorizationOptions.FallbackPolicy</c> from a property of the same name on another type.
/// </remarks>
internal sealed class ProjectWideGuards(Compilation compilation, AnalyzerSymbols symbols)
{
    // These add a conventional route and return a builder whose conventions reach only the actions routed by it
    // (ControllerActionEndpointDataSource.AddRoute), never an attribute-routed action.
    private static readonly HashSet<string> ConventionalRouteMaps = ["MapControllerRoute", "MapDefaultControllerRoute", "MapAreaControllerRoute"];

    private readonly object _gate = new();
    private bool _scanned;
    private bool _hasFallbackPolicy;
    private bool _conventionalRoutesDecided;

    public bool HasFallbackPolicy(CancellationToken cancellationToken)
    {
        Scan(cancellationToken);
        return _hasFallbackPolicy;
    }

    /// <summary>
    /// Whether a controller action is decided far away: by a fallback policy or, for an action that is not
    /// <paramref name="attributeRouted"/>, by a conventional route with a guard.
    /// </summary>
    public bool ControllersDecided(bool attributeRouted, CancellationToken cancellationToken)
    {
        Scan(cancellationToken);
        return _hasFallbackPolicy || (!attributeRouted && _conventionalRoutesDecided);
    }

    private void Scan(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_scanned)
            {
                return;
            }

            foreach (var tree in compilation.SyntaxTrees)
            {
                SemanticModel? model = null;
                foreach (var node in tree.GetRoot(cancellationToken).DescendantNodes())
                {
                    switch (node)
                    {
                        case AssignmentExpressionSyntax assignment when IsFallbackPolicyCandidate(assignment):
                            model ??= compilation.GetSemanticModel(tree);
                            _hasFallbackPolicy |= IsMember(model.GetSymbolInfo(assignment.Left, cancellationToken).Symbol, symbols.AuthorizationOptions);
                            break;
                        case InvocationExpressionSyntax invocation when IsSetFallbackPolicyCandidate(invocation):
                            model ??= compilation.GetSemanticModel(tree);
                            _hasFallbackPolicy |= IsMember(model.GetSymbolInfo(invocation, cancellationToken).Symbol, symbols.AuthorizationBuilder);
                            break;
                        case InvocationExpressionSyntax invocation when ConventionalRouteMaps.Contains(NameOf(invocation.Expression)):
                            _conventionalRoutesDecided |= HasGuardInChain(invocation, ref model, cancellationToken);
                            break;
                    }
                }
            }

            _scanned = true;
        }
    }

    private static bool IsFallbackPolicyCandidate(AssignmentExpressionSyntax assignment) =>
        NameOf(assignment.Left) == "FallbackPolicy" && !assignment.Right.IsKind(SyntaxKind.NullLiteralExpression);

    private static bool IsSetFallbackPolicyCandidate(InvocationExpressionSyntax invocation) =>
        NameOf(invocation.Expression) == "SetFallbackPolicy"
        && invocation.ArgumentList.Arguments.Count == 1 && !invocation.ArgumentList.Arguments[0].Expression.IsKind(SyntaxKind.NullLiteralExpression);

    private static bool IsMember(ISymbol? member, INamedTypeSymbol? type) =>
        member is IPropertySymbol or IMethodSymbol && SymbolEqualityComparer.Default.Equals(member.ContainingType?.OriginalDefinition, type);

    /// <summary>Whether a call in the chain after <paramref name="invocation"/> is a guard decision; only a <c>WithMetadata</c> call is bound to tell.</summary>
    private bool HasGuardInChain(InvocationExpressionSyntax invocation, ref SemanticModel? model, CancellationToken cancellationToken)
    {
        SyntaxNode current = invocation;
        while (current.Parent is MemberAccessExpressionSyntax access && access.Expression == current && access.Parent is InvocationExpressionSyntax outer)
        {
            var name = access.Name.Identifier.ValueText;
            if (GuardConventions.MayDecide(name))
            {
                if (name != GuardConventions.WithMetadata)
                {
                    return true;
                }

                model ??= compilation.GetSemanticModel(invocation.SyntaxTree);
                if (model.GetOperation(outer, cancellationToken) is IInvocationOperation operation && GuardConventions.Of(operation, symbols.Known).Decides)
                {
                    return true;
                }
            }

            current = outer;
        }

        return false;
    }

    private static string NameOf(ExpressionSyntax expression) => expression switch
    {
        MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
        GenericNameSyntax generic => generic.Identifier.ValueText,
        _ => string.Empty,
    };
}
