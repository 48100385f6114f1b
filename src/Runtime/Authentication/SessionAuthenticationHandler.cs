using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using SessionAuth.Infrastructure;

namespace SessionAuth.Authentication;

/// <summary>
/// The <see cref="SessionAuthDefaults.AuthenticationScheme"/> scheme: the request's session is its identity, and the
/// scheme answers as the guard does, so <c>UseAuthentication()</c>, <c>UseAuthorization()</c>, <c>[Authorize]</c>,
/// policies and everything built on them see sessions and deny with SessionAuth's answers.
/// </summary>
/// <remarks>
/// Authenticate opens the session through the session manager, which keeps it for the request: the guard, bound
/// session parameters and <c>GetSessionAsync</c> all share that one open. Challenge is the guard's answer to a request
/// without a session (a redirect to the login page for navigations, 401 problem+json with <c>X-Session-Redirect</c> for
/// scripts, 503 when the store is down); forbid is its answer to a session that a policy refuses.
/// The framework makes one handler per request and scheme.
/// </remarks>
internal sealed class SessionAuthenticationHandler(ISessionManager sessions, SessionIdentities identities, SessionGuardFactory guards) : IAuthenticationHandler
{
    private HttpContext? _httpContext;
    private Task<AuthenticateResult>? _result;

    /// <inheritdoc/>
    public Task InitializeAsync(AuthenticationScheme scheme, HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _httpContext = context;
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public Task<AuthenticateResult> AuthenticateAsync() => _result ??= AuthenticateCoreAsync(HttpContext);

    /// <inheritdoc/>
    public Task ChallengeAsync(AuthenticationProperties? properties) =>
        guards.Default.DenyAsync(HttpContext, properties?.RedirectUri);

    /// <inheritdoc/>
    public Task ForbidAsync(AuthenticationProperties? properties) =>
        guards.Default.ForbidAsync(HttpContext, refusedBy: null);

    private HttpContext HttpContext => _httpContext ?? throw new InvalidOperationException("The SessionAuth authentication handler was used before InitializeAsync.");

    private async Task<AuthenticateResult> AuthenticateCoreAsync(HttpContext httpContext)
    {
        var session = await sessions.GetSessionAsync(httpContext).ConfigureAwait(false);
        if (session.UntypedData is { } data)
        {
            return AuthenticateResult.Success(new AuthenticationTicket(identities.PrincipalFor(data, session.RawId, session.ExpiresAt), SessionAuthDefaults.AuthenticationScheme));
        }

        // Anonymous either way; a failure says why, for logs and for handlers that chain schemes.
        return session.IsStoreUnavailable ? AuthenticateResult.Fail("The session store is unavailable.") : AuthenticateResult.NoResult();
    }
}
