using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace SessionAuth.Generators.Parsing;

/// <summary>What an endpoint's attributes say about who may call it.</summary>
internal enum GuardKind
{
    /// <summary>Nothing: no attribute decides, so the endpoint is open and SAUTH0001 asks for a decision.</summary>
    Undecided,

    /// <summary><c>[AllowAnonymous]</c>: anyone, on purpose.</summary>
    Anonymous,

    /// <summary><c>[RequireSession]</c> or <c>[RequireSession&lt;TRule&gt;]</c>: only a request with a session (for which the rules hold).</summary>
    RequireSession,

    /// <summary>
    /// <c>[Authorize]</c> (any <c>IAuthorizeData</c>): ASP.NET Core's authorization decides. On a server function, only
    /// when neither <c>[RequireSession]</c> nor <c>[AllowAnonymous]</c> applies: its endpoint carries the attribute as
    /// metadata, and <c>UseAuthorization()</c> enforces it beside the guard.
    /// </summary>
    Authorize,
}

/// <summary>
/// The one answer to "is this endpoint guarded, and how", read from attributes; the generator builds the guard from it
/// and the analyzers ask it whether a decision was made, so the two cannot disagree.
/// </summary>
/// <param name="Kind">What was decided.</param>
/// <param name="RedirectTo">The login path set on the deciding <c>[RequireSession]</c>, or <see langword="null"/> for the options' path.</param>
internal readonly record struct GuardDecision(GuardKind Kind, string? RedirectTo)
{
    public bool IsDecided => Kind != GuardKind.Undecided;

    public bool RequiresSession => Kind == GuardKind.RequireSession;

    /// <summary>
    /// A server function's decision: the nearest wins, first the method, then its type and the types around it, then
    /// the assembly. On one symbol, <c>[AllowAnonymous]</c> beside <c>[RequireSession]</c> opens it (SAUTH0005 warns).
    /// Without either anywhere, <c>[Authorize]</c> on the method or a type around it decides: the endpoint carries those
    /// attributes as metadata (<see cref="EndpointAttributes"/>), so <c>UseAuthorization()</c> enforces it. It never hides
    /// a farther <c>[RequireSession]</c>: <c>[Authorize(Roles = "Admin")]</c> on a method of a <c>[RequireSession]</c>
    /// class adds the role check to the guard.
    /// </summary>
    public static GuardDecision ForServerFunction(IMethodSymbol method, KnownTypes types)
    {
        var decision = Decide(method.GetAttributes(), types);
        var authorizes = Authorizes(method, types);
        for (var type = method.ContainingType; !decision.IsDecided && type is not null; type = type.ContainingType)
        {
            decision = Decide(type.GetAttributes(), types);
            authorizes |= Authorizes(type, types);
        }

        decision = decision.IsDecided ? decision : Decide(method.ContainingAssembly.GetAttributes(), types);
        return decision.IsDecided || !authorizes ? decision : new GuardDecision(GuardKind.Authorize, null);
    }

    /// <summary>
    /// A minimal API handler's decision, read where ASP.NET Core reads it: the attributes of the lambda, or of the method
    /// a method group names (<c>RouteEndpointDataSource</c> adds <c>MethodInfo.GetCustomAttributes()</c> as metadata).
    /// The method's class, the types around it and the assembly are not read, so they do not decide.
    /// </summary>
    public static GuardDecision ForMinimalApiHandler(IMethodSymbol handler, KnownTypes types)
    {
        var decision = Decide(handler.GetAttributes(), types);
        return decision.IsDecided || !Authorizes(handler, types) ? decision : new GuardDecision(GuardKind.Authorize, null);
    }

    /// <summary>Whether <paramref name="symbol"/> carries an <c>IAuthorizeData</c> attribute (<c>[Authorize]</c>).</summary>
    private static bool Authorizes(ISymbol symbol, KnownTypes types) =>
        symbol.GetAttributes().Any(a => a.AttributeClass is { } type && KnownTypes.Implements(type, types.AuthorizeData));

    /// <summary>
    /// Whether <paramref name="attribute"/> applies to a server function as its guard attributes do: on the method, a
    /// type around it, or the assembly (<c>[PreloadSession]</c>).
    /// </summary>
    public static bool AppliesToServerFunction(IMethodSymbol method, INamedTypeSymbol? attribute)
    {
        if (attribute is null)
        {
            return false;
        }

        for (ISymbol? symbol = method; symbol is not null and not INamespaceSymbol; symbol = symbol.ContainingSymbol)
        {
            if (Carries(symbol, attribute))
            {
                return true;
            }
        }

        return Carries(method.ContainingAssembly, attribute);

        static bool Carries(ISymbol symbol, INamedTypeSymbol attribute) =>
            symbol.GetAttributes().Any(a => KnownTypes.Is(a.AttributeClass, attribute));
    }

    /// <summary>
    /// Whether <paramref name="attribute"/> is a guard decision on a minimal API handler or a controller:
    /// <c>[RequireSession]</c> or <c>[RequireSession&lt;TRule&gt;]</c>, or anything ASP.NET Core reads as an authorization decision (<c>IAuthorizeData</c>,
    /// <c>IAllowAnonymous</c>).
    /// </summary>
    public static bool IsEndpointDecision(AttributeData attribute, KnownTypes types) =>
        attribute.AttributeClass is { } type
        && (types.IsRequireSession(type) || KnownTypes.Implements(type, types.AuthorizeData) || KnownTypes.Implements(type, types.AllowAnonymous));

    private static GuardDecision Decide(ImmutableArray<AttributeData> attributes, KnownTypes types)
    {
        var decision = default(GuardDecision);
        foreach (var attribute in attributes)
        {
            if (attribute.AttributeClass is not { } attributeClass)
            {
                continue;
            }

            if (KnownTypes.Implements(attributeClass, types.AllowAnonymous))
            {
                return new GuardDecision(GuardKind.Anonymous, null);
            }

            if (types.IsRequireSession(attributeClass))
            {
                // [RequireSession] beside [RequireSession<TRule>]: one login path, whichever of them sets it.
                var redirectTo = attribute.NamedArguments.FirstOrDefault(static a => a.Key == "RedirectTo").Value.Value as string;
                decision = new GuardDecision(GuardKind.RequireSession, redirectTo ?? decision.RedirectTo);
            }
        }

        return decision;
    }
}
