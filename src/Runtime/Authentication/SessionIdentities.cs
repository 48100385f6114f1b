using System.Security.Claims;

namespace SessionAuth.Authentication;

/// <summary>Makes the identity of a request's session from the options' <c>UseClaims</c> and <c>IdentifyUser</c>; one per app.</summary>
internal sealed class SessionIdentities
{
    private readonly Func<object, IEnumerable<Claim>>? _claims;
    private readonly Func<object, string?>? _userId;

    // The session data type named by UseClaims was checked at startup (SessionManager<T>.Create).
    public SessionIdentities(SessionAuthOptions options)
    {
        _claims = options.Claims?.Claims;
        _userId = options.UserIdSelector;
    }

    /// <summary>The principal of a request whose session holds <paramref name="sessionData"/>; its claims are read when first asked for.</summary>
    public ClaimsPrincipal PrincipalFor(object sessionData, SessionId sessionId, DateTimeOffset expiresAt) =>
        new(new SessionClaimsIdentity(this, sessionData, sessionId, expiresAt));

    /// <summary>
    /// The claims of a session, read whole (so a function that throws half-way adds none): the app's (<c>UseClaims</c>),
    /// and the user id (<c>IdentifyUser</c>) as <see cref="ClaimTypes.NameIdentifier"/> unless the app gives that claim itself.
    /// </summary>
    public List<Claim> ClaimsOf(object data)
    {
        var claims = _claims is null
            ? []
            : new List<Claim>(_claims(data) ?? throw new InvalidOperationException("The function given to SessionAuthOptions.UseClaims returned null. Return the session's claims, or an empty list for none."));
        if (_userId?.Invoke(data) is { } userId && !claims.Exists(static claim => claim.Type == ClaimTypes.NameIdentifier))
        {
            claims.Add(new Claim(ClaimTypes.NameIdentifier, userId));
        }

        return claims;
    }
}
