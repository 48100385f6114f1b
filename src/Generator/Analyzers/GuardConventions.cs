using Microsoft.CodeAnalysis;
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

    private const string RoutingExtensions = "Microsoft.AspNetCore.Builder.RoutingEndpointConventionBuilderExtensions";
    private const string AuthorizationExtensions = "Microsoft.AspNetCore.Builder.AuthorizationEndpointConventionBuilderExtensions";
    private const string SessionExtensions = "SessionAuth.SessionAuthEndpointConventionBuilderExtensions";
    private const string AuthorizationPolicy = "Microsoft.AspNetCore.Authorization.AuthorizationPolicy";

    /// <summary>Whether a method of this name may be a guard decision, before its arguments are looked at.</summary>
    public static bool MayDecide(string methodName) => methodName is RequireSession or "RequireAuthorization" or "AllowAnonymous" or WithMetadata;

    /// <summary>
    /// What <paramref name="invocation"/>, a call on an endpoint builder, decides: whether it is a guard decision at all,
    /// whether that decision requires a session (what a non-nullable session data parameter needs), and whether it adds
    /// an <c>IAllowAnonymous</c>, which undoes a session requirement on every endpoint it reaches, added before or after
    /// it (<c>UseSessionAuth()</c> skips an endpoint with <c>IAllowAnonymous</c> metadata, so its session data is null).
    /// <paramref name="valueOf"/> sees through what a control flow graph rewrote (an object initializer's captured creation).
    /// </summary>
    public static (bool Decides, bool RequiresSession, bool AllowsAnonymous) Of(IInvocationOperation invocation, KnownTypes types, Func<IOperation, IOperation>? valueOf = null)
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
                var session = false;
                var anonymous = false;
                var decides = false;
                foreach (var type in CreatedItems(invocation, valueOf))
                {
                    session |= types.IsRequireSession(type);
                    anonymous |= KnownTypes.Implements(type, types.AllowAnonymous);
                    decides |= types.IsRequireSession(type) || KnownTypes.Implements(type, types.AuthorizeData)
                        || KnownTypes.Implements(type, types.AllowAnonymous) || IsAuthorizationPolicy(type);
                }

                // An IAllowAnonymous beside a RequireSessionAttribute opens the endpoint, as [AllowAnonymous] does beside [RequireSession].
                return (decides, session && !anonymous, anonymous);
            default:
                return (false, false, false);
        }
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
