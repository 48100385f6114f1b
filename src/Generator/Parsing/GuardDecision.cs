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
    /// A server function's decision, as <see cref="ServerFunctionGuard"/> reads it from the method, the types around it and
    /// the assembly: the nearest decision wins.
    /// </summary>
    public static GuardDecision ForServerFunction(IMethodSymbol method, KnownTypes types) => ServerFunctionGuard.Of(method, types).Decision;

    /// <summary>
    /// A minimal API handler's decision, read where ASP.NET Core reads it: the attributes of the lambda, or of the method
    /// a method group names (<c>RouteEndpointDataSource</c> adds <c>MethodInfo.GetCustomAttributes()</c> as metadata,
    /// which includes the inheritable attributes of the methods it overrides). The method's class, the types around it
    /// and the assembly are not read, so they do not decide.
    /// </summary>
    public static GuardDecision ForMinimalApiHandler(IMethodSymbol handler, KnownTypes types)
    {
        var attributes = InheritedAttributes.Of(handler).ToList();
        var decision = Decide(attributes, types);
        return decision.IsDecided || !Authorizes(attributes, types) ? decision : new GuardDecision(GuardKind.Authorize, null);
    }

    /// <summary>Whether one of <paramref name="attributes"/> is an <c>IAuthorizeData</c> attribute (<c>[Authorize]</c>).</summary>
    internal static bool Authorizes(IEnumerable<AttributeData> attributes, KnownTypes types) =>
        attributes.Any(a => a.AttributeClass is { } type && KnownTypes.Implements(type, types.AuthorizeData));

    /// <summary>
    /// Whether <paramref name="attribute"/> applies to a server function as its guard attributes do: on the method, a
    /// type around it (inherited as <see cref="AttributeCarrier"/> reads them), or the assembly (<c>[PreloadSession]</c>).
    /// </summary>
    public static bool AppliesToServerFunction(IMethodSymbol method, INamedTypeSymbol? attribute) =>
        attribute is not null
        && (AttributeCarrier.Of(method).Any(c => c.Carries(attribute))
            || method.ContainingAssembly.GetAttributes().Any(a => KnownTypes.Is(a.AttributeClass, attribute)));

    /// <summary>
    /// Whether <paramref name="attribute"/> is a guard decision on a minimal API handler or a controller:
    /// <c>[RequireSession]</c> or <c>[RequireSession&lt;TRule&gt;]</c>, or anything ASP.NET Core reads as an authorization decision (<c>IAuthorizeData</c>,
    /// <c>IAllowAnonymous</c>).
    /// </summary>
    public static bool IsEndpointDecision(AttributeData attribute, KnownTypes types) =>
        attribute.AttributeClass is { } type
        && (types.IsRequireSession(type) || KnownTypes.Implements(type, types.AuthorizeData) || KnownTypes.Implements(type, types.AllowAnonymous));

    /// <summary>What one symbol's attributes decide: <c>[AllowAnonymous]</c> wins over a <c>[RequireSession]</c> beside it; <c>[Authorize]</c> decides nothing here.</summary>
    internal static GuardDecision Decide(IEnumerable<AttributeData> attributes, KnownTypes types)
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
