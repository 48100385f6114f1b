using Microsoft.AspNetCore.Authorization;

namespace SessionAuth.Authentication;

/// <summary>Which authorization policies the SessionAuth scheme alone answers for.</summary>
internal static class SessionSchemePolicy
{
    /// <summary>
    /// Whether <paramref name="policy"/> is decided by the SessionAuth scheme alone: it names only that scheme, or names
    /// none while <paramref name="defaultScheme"/> (the default the authorization middleware would use) is SessionAuth.
    /// A policy that also names another scheme may be met, or answered, by that one.
    /// </summary>
    public static bool DecidesAlone(AuthorizationPolicy policy, string? defaultScheme)
    {
        if (policy.AuthenticationSchemes.Count == 0)
        {
            return defaultScheme == SessionAuthDefaults.AuthenticationScheme;
        }

        foreach (var scheme in policy.AuthenticationSchemes)
        {
            if (scheme != SessionAuthDefaults.AuthenticationScheme)
            {
                return false;
            }
        }

        return true;
    }
}
