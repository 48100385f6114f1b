using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SessionAuth.Generators.Parsing;

namespace SessionAuth.Generators.Analyzers;

/// <summary>
/// The calls on an endpoint builder (an endpoint, a route group, a <c>MapRazorComponents</c> or <c>MapServerFunctions</c>
/// mapping) that decide who may call its endpoints: <c>RequireSession()</c>, <c>RequireAuthorization()</c>,
/// <c>AllowAnonymous()</c>, and <c>WithMetadata(...)</c> given an object the framework reads as a decision: the methods
/// of ASP.NET Core's <c>AuthorizationEndpointConventionBuilderExtensions</c> and <c>RoutingEndpointConventionBuilderExtensions</c>
/// and of SessionAuth's <c>SessionAuthEndpointConventionBuilderExtensions</c>, told apart by symbol.
/// </summary>
/// <remarks>
/// All of them add endpoint metadata, and the readers of metadata do not care which call added it:
/// <c>AuthorizationMiddleware</c> reads every <c>IAuthorizeData</c> and <c>AuthorizationPolicy</c>, and is skipped for an
/// <c>IAllowAnonymous</c>; <c>UseSessionAuth()</c> reads every <c>RequireSessionAttribute</c>. A <c>WithMetadata</c> item
/// decides only when it is an object creation, whose type is then known; anything else (a variable of type
/// <see cref="object"/>, a method's result) may be anything at run time and decides nothing.
/// </remarks>
internal static class GuardConventions
{
    public const string RequireSession = "RequireSession";
    public const string WithMetadata = "WithMetadata";
    private const string Convention = "Add";
    private const string ConventionBuilder = "Microsoft.AspNetCore.Builder.IEndpointConventionBuilder";

    private const string RoutingExtensions = "Microsoft.AspNetCore.Builder.RoutingEndpointConventionBuilderExtensions";
    private const string AuthorizationExtensions = "Microsoft.AspNetCore.Builder.AuthorizationEndpointConventionBuilderExtensions";
    private const string SessionExtensions = "SessionAuth.SessionAuthEndpointConventionBuilderExtensions";
    private const string AuthorizationPolicy = "Microsoft.AspNetCore.Authorization.AuthorizationPolicy";

    /// <summary>Whether a method of this name may be a guard decision, before its arguments are looked at.</summary>
    public static bool MayDecide(string methodName) => methodName is RequireSession or "RequireAuthorization" or "AllowAnonymous" or WithMetadata or Convention;

    /// <summary>
    /// What <paramref name="invocation"/>, a call on an endpoint builder, decides: whether it is a guard decision at all,
    /// whether that decision requires a session (what a non-nullable session data parameter needs), and whether it adds
    /// an <c>IAllowAnonymous</c>, which undoes a session requirement on every endpoint it reaches, added before or after
    /// it (<c>UseSessionAuth()</c> skips an endpoint with <c>IAllowAnonymous</c> metadata, so its session data is null).
    /// <paramref name="valueOf"/> sees through what a control flow graph rewrote (an object initializer's captured creation),
    /// <paramref name="operationOf"/> gives the operation of a lambda's syntax (a graph holds no lambda bodies).
    /// </summary>
    public static (bool Decides, bool RequiresSession, bool AllowsAnonymous) Of(
        IInvocationOperation invocation, KnownTypes types, Func<IOperation, IOperation>? valueOf = null, Func<SyntaxNode, IOperation?>? operationOf = null)
    {
        // Recognised by the method, never by its name alone: a project method named RequireAuthorization may add nothing.
        var method = invocation.TargetMethod.ReducedFrom ?? invocation.TargetMethod;
        var declaredBy = method.ContainingType?.ToDisplayString();
        switch (method.Name)
        {
            case RequireSession when declaredBy == SessionExtensions:
                return (true, true, false);
            case "RequireAuthorization" when declaredBy == AuthorizationExtensions:
                return (true, false, false);
            case "AllowAnonymous" when declaredBy == AuthorizationExtensions:
                return (true, false, true);
            case WithMetadata when declaredBy == RoutingExtensions:
                return Items(CreatedItems(invocation, valueOf), types);
            case Convention when IsFrameworkConventionAdd(method):
                return Items(ConventionItems(invocation, operationOf), types);
            default:
                return (false, false, false);
        }
    }

    /// <summary>What metadata items of <paramref name="created"/> types decide, added to an endpoint together.</summary>
    private static (bool Decides, bool RequiresSession, bool AllowsAnonymous) Items(IEnumerable<ITypeSymbol> created, KnownTypes types)
    {
        var session = false;
        var anonymous = false;
        var decides = false;
        foreach (var type in created)
        {
            session |= types.IsRequireSession(type);
            anonymous |= KnownTypes.Implements(type, types.AllowAnonymous);
            decides |= types.IsRequireSession(type) || KnownTypes.Implements(type, types.AuthorizeData)
                || KnownTypes.Implements(type, types.AllowAnonymous) || IsAuthorizationPolicy(type);
        }

        // An IAllowAnonymous beside a RequireSessionAttribute opens the endpoint, as [AllowAnonymous] does beside [RequireSession].
        return (decides, session && !anonymous, anonymous);
    }

    /// <summary>
    /// <c>IEndpointConventionBuilder.Add(Action&lt;EndpointBuilder&gt;)</c>, or a framework builder's own <c>Add</c> of that
    /// shape (<c>RouteHandlerBuilder.Add</c>): the convention runs on every endpoint of the builder when it is built.
    /// </summary>
    private static bool IsFrameworkConventionAdd(IMethodSymbol method) =>
        method.Parameters.Length == 1 && method.Parameters[0].Type.ToDisplayString() == "System.Action<Microsoft.AspNetCore.Builder.EndpointBuilder>"
        && !method.Locations.Any(static l => l.IsInSource)
        && (method.ContainingType.ToDisplayString() == ConventionBuilder || method.ContainingType.AllInterfaces.Any(static i => i.ToDisplayString() == ConventionBuilder));

    /// <summary>
    /// The types of the objects a convention written by hand adds to the endpoint's metadata on every run:
    /// <c>b =&gt; b.Metadata.Add(new AuthorizeAttribute())</c>, a lambda whose body is only such calls on its parameter's
    /// <c>Metadata</c> (an expression, or a block of expression statements). Anything else — a condition, a method group,
    /// another statement — may add nothing on some run, and yields nothing here.
    /// </summary>
    private static List<ITypeSymbol> ConventionItems(IInvocationOperation invocation, Func<SyntaxNode, IOperation?>? operationOf)
    {
        var argument = invocation.Arguments.Length == 1 ? invocation.Arguments[0].Value.Unwrapped() : null;
        while (argument is IDelegateCreationOperation creation)
        {
            argument = creation.Target.Unwrapped();
        }

        // In a control flow graph the lambda is a flow anonymous function, without its body: that is read from its syntax.
        var lambda = argument switch
        {
            IAnonymousFunctionOperation written => written,
            IFlowAnonymousFunctionOperation flow => operationOf?.Invoke(flow.Syntax) as IAnonymousFunctionOperation,
            _ => null,
        };
        if (lambda is not { Symbol.Parameters.Length: 1 } || lambda.Body.Operations.IsEmpty)
        {
            return [];
        }

        var parameter = lambda.Symbol.Parameters[0];
        var items = new List<ITypeSymbol>();
        foreach (var statement in lambda.Body.Operations)
        {
            if (statement is IReturnOperation { ReturnedValue: null } && statement.IsImplicit)
            {
                continue;
            }

            if (statement is not IExpressionStatementOperation { Operation: IInvocationOperation { TargetMethod.Name: "Add", Arguments.Length: 1 } add }
                || add.Instance?.Unwrapped() is not IPropertyReferenceOperation { Property.Name: "Metadata", Instance: IParameterReferenceOperation owner }
                || !SymbolEqualityComparer.Default.Equals(owner.Parameter, parameter)
                || add.Arguments[0].Value.Unwrapped() is not IObjectCreationOperation { Type: { } type })
            {
                return [];
            }

            items.Add(type);
        }

        return items;
    }

    /// <summary>The types of the objects a <c>WithMetadata</c> call creates in its <c>params object[]</c>, in either form.</summary>
    private static IEnumerable<ITypeSymbol> CreatedItems(IInvocationOperation invocation, Func<IOperation, IOperation>? valueOf)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter is not { IsParams: true })
            {
                continue;
            }

            foreach (var element in argument.ArrayElements(valueOf))
            {
                if (element is IObjectCreationOperation { Type: { } type })
                {
                    yield return type;
                }
            }
        }
    }

    private static bool IsAuthorizationPolicy(ITypeSymbol type)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (current.ToDisplayString() == AuthorizationPolicy)
            {
                return true;
            }
        }

        return false;
    }
}
