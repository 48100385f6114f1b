using Microsoft.CodeAnalysis;

namespace SessionAuth.Generators.Parsing;

/// <summary>
/// The one reading of who may call a server function, level by level: the method, then its type and each type around it,
/// then the assembly. Each level is read with the attributes its base classes (or the methods it overrides) pass on
/// (<see cref="AttributeCarrier"/>), and on one level <c>[AllowAnonymous]</c> wins over a <c>[RequireSession]</c> or an
/// <c>[Authorize]</c> beside it, as ASP.NET Core lets it win anywhere in an endpoint's metadata (SAUTH0005 warns). Across
/// levels the nearest decision wins:
/// <list type="bullet">
/// <item>an <c>[AllowAnonymous]</c> with no <c>[RequireSession]</c> or <c>[Authorize]</c> nearer than it opens the function,
/// and the farther decisions with it (a method opting out of its class's guard);</item>
/// <item>a <c>[RequireSession]</c> or an <c>[Authorize]</c> nearer than the nearest <c>[AllowAnonymous]</c> decides, and that
/// <c>[AllowAnonymous]</c> is overridden: neither it nor any decision as far as it or farther away is carried as metadata
/// or asked (a method or a nested class deciding for itself inside an open class);</item>
/// <item>among the levels that decide, <c>[RequireSession]</c> (the nearest one's login path) wins over <c>[Authorize]</c>,
/// which it never hides: an <c>[Authorize(Roles)]</c> nearer than a <c>[RequireSession]</c> is carried and enforced beside
/// the guard.</item>
/// </list>
/// The generator builds the guard, the rules and the endpoint's metadata from this reading, and SAUTH0001, SAUTH0004 and
/// SAUTH0005 ask it, so none of them can see another decision than the endpoint enforces.
/// </summary>
internal sealed class ServerFunctionGuard
{
    private readonly KnownTypes _types;

    private ServerFunctionGuard(IReadOnlyList<AttributeCarrier> carriers, KnownTypes types, GuardDecision decision, int overridden)
    {
        Carriers = carriers;
        _types = types;
        Decision = decision;
        Overridden = overridden;
    }

    /// <summary>The method's carriers, outermost type first and the method last.</summary>
    public IReadOnlyList<AttributeCarrier> Carriers { get; }

    /// <summary>What was decided.</summary>
    public GuardDecision Decision { get; }

    /// <summary>
    /// The index in <see cref="Carriers"/> of the level whose <c>[AllowAnonymous]</c> a nearer decision overrides, or -1:
    /// the decisions on it and on the levels around it are neither carried nor asked.
    /// </summary>
    public int Overridden { get; }

    /// <summary>The index in <see cref="Carriers"/> of the outermost level whose decisions count (rules included).</summary>
    public int FirstDeciding => Overridden + 1;

    public static ServerFunctionGuard Of(IMethodSymbol method, KnownTypes types)
    {
        var carriers = AttributeCarrier.Of(method);
        var requireSession = default(GuardDecision);
        var authorizes = false;
        for (var i = carriers.Count - 1; i >= 0; i--)
        {
            var attributes = carriers[i].Attributes.Select(static a => a.Attribute).ToList();
            var level = GuardDecision.Decide(attributes, types);
            if (level.Kind == GuardKind.Anonymous)
            {
                return requireSession.IsDecided || authorizes
                    ? new ServerFunctionGuard(carriers, types, Nearer(requireSession, authorizes), i)
                    : new ServerFunctionGuard(carriers, types, level, -1);
            }

            requireSession = requireSession.IsDecided ? requireSession : level;
            authorizes |= GuardDecision.Authorizes(attributes, types);
        }

        // The assembly is the outermost level (no endpoint carries its attributes): its [RequireSession] still decides
        // beside a nearer [Authorize], its [AllowAnonymous] only when nothing nearer decides.
        var assembly = GuardDecision.Decide(method.ContainingAssembly.GetAttributes(), types);
        var decision = requireSession.IsDecided ? requireSession
            : assembly.RequiresSession || (assembly.IsDecided && !authorizes) ? assembly
            : Nearer(requireSession, authorizes);
        return new ServerFunctionGuard(carriers, types, decision, -1);

        static GuardDecision Nearer(GuardDecision requireSession, bool authorizes) =>
            requireSession.IsDecided ? requireSession : authorizes ? new GuardDecision(GuardKind.Authorize, null) : default;
    }

    /// <summary>
    /// Whether the endpoint carries <paramref name="attribute"/>, found on <see cref="Carriers"/>[<paramref name="level"/>], as
    /// metadata: every attribute but a decision (<c>[AllowAnonymous]</c>, <c>[Authorize]</c>, <c>[RequireSession]</c>) on an
    /// overridden level.
    /// </summary>
    public bool Carries(int level, AttributeData attribute) => level >= FirstDeciding || !GuardDecision.IsEndpointDecision(attribute, _types);
}
