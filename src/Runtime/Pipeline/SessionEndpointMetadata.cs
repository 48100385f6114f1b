using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;

namespace SessionAuth;

/// <summary>
/// What an endpoint's metadata asks of <c>UseSessionAuth()</c>. The one reading of that metadata: the middleware guards,
/// preloads and marks requests by it, <see cref="SessionMiddlewareMatcherPolicy"/> wraps endpoints by it and
/// <see cref="SessionMiddlewareStartupCheck"/> lists endpoints by it, so the three can never disagree about which
/// endpoints depend on the middleware. Metadata that later asks the middleware for something belongs here.
/// </summary>
internal readonly struct SessionEndpointMetadata
{
    private SessionEndpointMetadata(RequireSessionAttribute? requirement, bool preloads, bool needsMiddleware, IReadOnlyList<RequireSessionAttribute>? rules = null)
    {
        Requirement = requirement;
        Rules = rules;
        Preloads = preloads;
        NeedsMiddleware = needsMiddleware;
    }

    /// <summary>
    /// The guard the middleware runs; <see langword="null"/> when the endpoint asks for none, guards itself (a generated
    /// server function that requires a session) or opens itself with <c>[AllowAnonymous]</c>. A server function without a
    /// decision of its own is guarded by the middleware when a convention on its group asks for it.
    /// </summary>
    public RequireSessionAttribute? Requirement { get; }

    /// <summary>
    /// The endpoint's <see cref="RequireSessionAttribute"/>s, in metadata order, when at least one names a rule
    /// (<see cref="RequireSessionAttribute{TRule}"/>): the middleware evaluates every rule among them once the session is
    /// open, and all must hold. <see langword="null"/> when there is no <see cref="Requirement"/> or no rule; a server
    /// function calls its own rules itself, and judges a rule its group adds over an argument it binds on the bound value.
    /// </summary>
    public IReadOnlyList<RequireSessionAttribute>? Rules { get; }

    /// <summary>Whether the endpoint asks for the session to be opened before it runs (<see cref="PreloadSessionAttribute"/>).</summary>
    public bool Preloads { get; }

    /// <summary>
    /// Whether the endpoint's promise (a guard, or a preloaded and privately cached response) is kept only by the
    /// middleware; such an endpoint must not run unless the middleware ran for it. Generated server functions that
    /// require a session guard themselves and are never counted; one guarded only by its group's convention is.
    /// </summary>
    public bool NeedsMiddleware { get; }

    public static SessionEndpointMetadata Read(Endpoint? endpoint)
    {
        if (endpoint is null)
        {
            return default;
        }

        var metadata = endpoint.Metadata;
        var requirement = metadata.GetMetadata<RequireSessionAttribute>();
        var preloads = metadata.GetMetadata<PreloadSessionAttribute>() is not null;
        if (requirement is null && !preloads)
        {
            return default;
        }

        // A server function that requires a session guards itself; one without a decision of its own is guarded here
        // when a RequireSession() on MapServerFunctions() (or a group around it) asks for it. Its own rules it checks
        // itself; of the rules its group adds, those over an argument it binds it judges on the bound value, and the
        // others are checked here.
        if (metadata.GetMetadata<ServerFunctionMetadata>() is { } function)
        {
            var allowsAnonymous = metadata.GetMetadata<IAllowAnonymous>() is not null;
            var groupRules = function.GroupRules(metadata).Middleware;
            if (function.RequiresSession || requirement is null || allowsAnonymous)
            {
                return function.RequiresSession && !allowsAnonymous && groupRules is not null
                    ? new SessionEndpointMetadata(groupRules[0], preloads, needsMiddleware: true, groupRules)
                    : new SessionEndpointMetadata(requirement: null, preloads, needsMiddleware: false);
            }

            return new SessionEndpointMetadata(requirement, preloads, needsMiddleware: true, groupRules);
        }

        if (requirement is not null && metadata.GetMetadata<IAllowAnonymous>() is not null)
        {
            requirement = null;
        }

        return new SessionEndpointMetadata(requirement, preloads, needsMiddleware: requirement is not null || preloads, requirement is null ? null : RulesOf(metadata));
    }

    // GetOrderedMetadata caches the list it returns, so the request path allocates nothing here.
    private static IReadOnlyList<RequireSessionAttribute>? RulesOf(EndpointMetadataCollection metadata)
    {
        var requirements = metadata.GetOrderedMetadata<RequireSessionAttribute>();
        for (var i = 0; i < requirements.Count; i++)
        {
            if (requirements[i].Rule is not null)
            {
                return requirements;
            }
        }

        return null;
    }
}
