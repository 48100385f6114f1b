using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Matching;

namespace SessionAuth;

/// <summary>
/// Makes every endpoint that depends on <c>UseSessionAuth()</c> fail closed, whatever put its metadata there
/// (<c>[RequireSession]</c> on a handler, an action or a component, <c>.RequireSession()</c> on a map call or a group):
/// when routing selects such an endpoint, the candidate is replaced by a gated copy (<see cref="SessionMiddlewareGate"/>).
/// </summary>
/// <remarks>
/// A selector policy is the one hook that sees the endpoints of every data source (minimal APIs, controllers, Razor
/// components, Razor Pages) as they are chosen; conventions do not reach attributes, and the endpoint middleware cannot
/// be changed. Routing asks each policy once per routing state whether it applies, so states without such endpoints
/// (every generated server function's, among others) keep their fast path and never call <see cref="ApplyAsync"/>.
/// </remarks>
internal sealed class SessionMiddlewareMatcherPolicy : MatcherPolicy, IEndpointSelectorPolicy
{
    /// <summary>
    /// After every other policy, those that replace a candidate included (Razor Pages' loader, dynamic controller and page
    /// routes), so that the endpoint gated is the one that runs.
    /// </summary>
    public override int Order => int.MaxValue;

    public bool AppliesToEndpoints(IReadOnlyList<Endpoint> endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        for (var i = 0; i < endpoints.Count; i++)
        {
            if (SessionEndpointMetadata.Read(endpoints[i]).NeedsMiddleware)
            {
                return true;
            }
        }

        // A dynamic endpoint becomes another endpoint only while a request is matched; that one may need the middleware.
        return ContainsDynamicEndpoints(endpoints);
    }

    public Task ApplyAsync(HttpContext httpContext, CandidateSet candidates)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        for (var i = 0; i < candidates.Count; i++)
        {
            if (!candidates.IsValidCandidate(i))
            {
                continue;
            }

            ref var candidate = ref candidates[i];
            var gated = SessionMiddlewareGate.GatedIfNeeded(candidate.Endpoint);
            if (!ReferenceEquals(gated, candidate.Endpoint))
            {
                candidates.ReplaceEndpoint(i, gated, candidate.Values);
            }
        }

        return Task.CompletedTask;
    }
}
