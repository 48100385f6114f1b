using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace SessionAuth.Authentication;

/// <summary>
/// Refuses to start an app whose endpoints ask a session's identity for roles, a name or claims while
/// <c>UseClaims</c> is not set: no session could ever have them, so those endpoints would refuse everyone.
/// </summary>
/// <remarks>
/// An endpoint counts when its authorization (its <c>[Authorize]</c> data and policies, combined as the authorization
/// middleware combines them) is decided by the SessionAuth scheme alone: the policy names only that scheme, or names
/// none while SessionAuth is the default authenticate scheme. A policy that also names another scheme may be met by it.
/// Endpoints without authorization metadata count under the fallback policy. Apps with their own policy provider or
/// claims transformation are not checked. Runs once the app has started, when every endpoint data source is registered.
/// </remarks>
internal sealed class SessionClaimsStartupCheck(
    SessionAuthOptions options,
    EndpointDataSource? endpoints,
    IAuthenticationSchemeProvider schemes,
    IAuthorizationPolicyProvider? policies,
    IServiceProvider services) : StartedCheck
{
    public override async Task StartedAsync(CancellationToken cancellationToken)
    {
        // Without authorization services no endpoint's [Authorize] is evaluated at all. An app's own policy provider may
        // need a request to answer (a tenant's policies), and an app's claims transformation may add the claims itself:
        // the check cannot tell, so it stays out of the way.
        if (options.Claims is not null || endpoints is null || policies?.GetType() != typeof(DefaultAuthorizationPolicyProvider) || AddsClaimsItself())
        {
            return;
        }

        var fallback = await policies!.GetFallbackPolicyAsync().ConfigureAwait(false);

        var defaultScheme = (await schemes.GetDefaultAuthenticateSchemeAsync().ConfigureAwait(false))?.Name;
        var refused = new List<(Endpoint Endpoint, string Asks)>();
        foreach (var endpoint in endpoints.Endpoints)
        {
            // As the authorization middleware decides: nothing for [AllowAnonymous], the fallback policy without metadata.
            if (endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null)
            {
                continue;
            }

            var authorizeData = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>();
            var endpointPolicies = endpoint.Metadata.GetOrderedMetadata<AuthorizationPolicy>();
            var policy = authorizeData.Count == 0 && endpointPolicies.Count == 0
                ? fallback
                : await AuthorizationPolicy.CombineAsync(policies, authorizeData, endpointPolicies).ConfigureAwait(false);
            if (policy is not null && SessionSchemePolicy.DecidesAlone(policy, defaultScheme) && AsksForClaims(policy) is { } asks)
            {
                refused.Add((endpoint, asks));
            }
        }

        if (refused.Count > 0)
        {
            throw new InvalidOperationException(
                $"These endpoints ask a session for claims it can never have, because SessionAuthOptions.UseClaims is not set: {Name(refused)}. " +
                "Call options.UseClaims<T>(data => [...]) in AddSessionAuth with the name, role and other claims of a session (or register an IClaimsTransformation that adds them).");
        }
    }

    private bool AddsClaimsItself()
    {
        using var scope = services.CreateScope();
        return scope.ServiceProvider.GetService<IClaimsTransformation>() is { } transformation and not NoopClaimsTransformation;
    }

    /// <summary>What the policy asks of the identity beyond being authenticated that a session without claims lacks; null when nothing.</summary>
    private string? AsksForClaims(AuthorizationPolicy policy)
    {
        foreach (var requirement in policy.Requirements)
        {
            switch (requirement)
            {
                case RolesAuthorizationRequirement roles:
                    return "roles " + string.Join(", ", roles.AllowedRoles);
                case NameAuthorizationRequirement name:
                    return "the name " + name.RequiredName;
                case ClaimsAuthorizationRequirement claim when !(claim.ClaimType == ClaimTypes.NameIdentifier && options.UserIdSelector is not null):
                    return "the claim " + claim.ClaimType;
            }
        }

        return null;
    }

    private static string Name(List<(Endpoint Endpoint, string Asks)> refused) =>
        EndpointNames.Join(refused, static entry => $"'{SessionMiddlewareGate.Describe(entry.Endpoint)}' ({entry.Asks})");
}
