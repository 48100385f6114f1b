using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SessionAuth.Generators.Analyzers;

/// <summary>
/// Guards that cover endpoints far from where they are declared: an <c>AuthorizationOptions.FallbackPolicy</c>, and a
/// <c>MapControllers()</c> chain with <c>RequireAuthorization()</c>, <c>RequireSession()</c> or <c>AllowAnonymous()</c>.
/// </summary>
/// <remarks>
/// Found by one syntax walk over the compilation, done at most once and only when an endpoint without a local decision
/// turns up: most projects decide locally and never pay for it.
/// </remarks>
internal sealed class ProjectWideGuards(Compilation compilation)
{
    private static readonly HashSet<string> ControllerMaps = ["MapControllers", "MapControllerRoute", "MapDefaultControllerRoute", "MapAreaControllerRoute"];

    private readonly object _gate = new();
    private bool _scanned;
    private bool _hasFallbackPolicy;
    private bool _controllersDecided;

    public bool HasFallbackPolicy(CancellationToken cancellationToken)
    {
        Scan(cancellationToken);
        return _hasFallbackPolicy;
    }

    public bool ControllersDecided(CancellationToken cancellationToken)
    {
        Scan(cancellationToken);
        return _controllersDecided || _hasFallbackPolicy;
    }

    /// <summary>The names of the conventions that count as a guard decision on an endpoint builder.</summary>
    public static bool IsGuardConvention(string methodName) => methodName is "RequireSession" or "RequireAuthorization" or "AllowAnonymous";

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
                foreach (var node in tree.GetRoot(cancellationToken).DescendantNodes())
                {
                    switch (node)
                    {
                        case AssignmentExpressionSyntax assignment when IsFallbackPolicy(assignment):
                            _hasFallbackPolicy = true;
                            break;
                        case InvocationExpressionSyntax invocation when ControllerMaps.Contains(NameOf(invocation.Expression)) && HasGuardInChain(invocation):
                            _controllersDecided = true;
                            break;
                    }
                }
            }

            _scanned = true;
        }
    }

    private static bool IsFallbackPolicy(AssignmentExpressionSyntax assignment) =>
        NameOf(assignment.Left) == "FallbackPolicy" && !assignment.Right.IsKind(SyntaxKind.NullLiteralExpression);

    private static bool HasGuardInChain(InvocationExpressionSyntax invocation)
    {
        SyntaxNode current = invocation;
        while (current.Parent is MemberAccessExpressionSyntax access && access.Expression == current && access.Parent is InvocationExpressionSyntax outer)
        {
            if (IsGuardConvention(access.Name.Identifier.ValueText))
            {
                return true;
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
