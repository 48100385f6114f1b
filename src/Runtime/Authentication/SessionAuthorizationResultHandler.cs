using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;
using SessionAuth.Infrastructure;

namespace SessionAuth.Authentication;

/// <summary>
/// Answers a session that an authorization policy refuses with the guard's forbidden answer naming what refused it (a
/// policy's name, roles, a user name or a claim type), when the SessionAuth scheme alone decides the endpoint; every other
/// result goes to ASP.NET Core's own handler.
/// </summary>
/// <remarks>
/// The authorization middleware's own handler forbids through the scheme without saying why; a script that gets a 403
/// can then tell a missing role from a missing policy. An app that registers its own handler after
/// <c>AddSessionAuth</c> replaces this one.
/// </remarks>
internal sealed class SessionAuthorizationResultHandler(
    IAuthorizationMiddlewareResultHandler inner,
    SessionGuardFactory guards,
    IAuthenticationSchemeProvider schemes) : IAuthorizationMiddlewareResultHandler
{
    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Forbidden
            && SessionSchemePolicy.DecidesAlone(policy, (await schemes.GetDefaultForbidSchemeAsync().ConfigureAwait(false))?.Name))
        {
            await guards.Default.ForbidAsync(context, RefusedBy(context, authorizeResult)).ConfigureAwait(false);
            return;
        }

        await inner.HandleAsync(next, context, policy, authorizeResult).ConfigureAwait(false);
    }

    /// <summary>
    /// What refused, without the values it asked for (role and user names are nobody's business): the roles or user name
    /// asked for, else the endpoint's policy when it names exactly one, else the claim type asked for.
    /// </summary>
    private static string? RefusedBy(HttpContext context, PolicyAuthorizationResult authorizeResult)
    {
        var failed = authorizeResult.AuthorizationFailure?.FailedRequirements.FirstOrDefault();
        switch (failed)
        {
            case RolesAuthorizationRequirement:
                return "roles";
            case NameAuthorizationRequirement:
                return "user name";
        }

        string? policyName = null;
        foreach (var data in context.GetEndpoint()?.Metadata.GetOrderedMetadata<IAuthorizeData>() ?? [])
        {
            if (!string.IsNullOrEmpty(data.Policy))
            {
                if (policyName is not null && policyName != data.Policy)
                {
                    policyName = null;
                    break;
                }

                policyName = data.Policy;
            }
        }

        return policyName is not null ? $"policy '{policyName}'" : failed is ClaimsAuthorizationRequirement claim ? $"claim '{claim.ClaimType}'" : null;
    }
}
