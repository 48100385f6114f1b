using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.Extensions.Logging;
using SessionAuth.Authentication;

namespace SessionAuth.Components;

/// <summary>
/// Blazor's authentication state on the server: the request's identity (the session, through the SessionAuth scheme)
/// for static rendering and for the circuit an interactive page opens; a circuit then asks every
/// <see cref="SessionAuthOptions.CircuitRevalidationInterval"/> whether its session still stands, and signs out when not.
/// </summary>
/// <remarks>
/// A circuit keeps the identity of the request that opened it for as long as the page stays open, and makes no requests
/// that a guard or the store would see: without revalidation, a session ended by logout everywhere would stay signed in
/// there. Identities of other schemes are not SessionAuth's to judge and are left as they are. An authenticated identity
/// of the SessionAuth scheme that is not the session's own (an app copied it with <c>new ClaimsIdentity(identity)</c>
/// rather than <see cref="System.Security.Claims.ClaimsIdentity.Clone"/>) names no session to ask about: it fails
/// revalidation rather than staying signed in for as long as the circuit lives.
/// </remarks>
internal sealed class SessionAuthenticationStateProvider(ILoggerFactory loggerFactory, SessionAuthOptions options, IServerSessionMode sessions)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => options.CircuitRevalidationInterval;

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        foreach (var identity in authenticationState.User.Identities)
        {
            if (identity is SessionClaimsIdentity session)
            {
                if (!await sessions.StillStandsAsync(session.SessionData, session.SessionId, session.ExpiresAt).WaitAsync(cancellationToken).ConfigureAwait(false))
                {
                    return false;
                }
            }
            else if (identity.IsAuthenticated && identity.AuthenticationType == SessionAuthDefaults.AuthenticationScheme)
            {
                return false;
            }
        }

        return true;
    }
}
