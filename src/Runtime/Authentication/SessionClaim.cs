using System.Security.Claims;

namespace SessionAuth.Authentication;

/// <summary>
/// A claim read from a session's data by the app's <c>UseClaims</c> function. It remembers the session identity it was
/// made for through every copy — <see cref="ClaimsIdentity"/> copies the claims it is given with
/// <see cref="Clone(ClaimsIdentity?)"/> — so a Blazor circuit whose app moved the session's claims into an identity of its
/// own (<c>new ClaimsIdentity(principal.Claims, "App")</c>) still revalidates the session behind them, and rules in
/// components still find it.
/// </summary>
internal sealed class SessionClaim : Claim
{
    public SessionClaim(Claim claim, SessionClaimsIdentity origin)
        : base(claim, origin)
    {
        Origin = origin;
    }

    private SessionClaim(SessionClaim other, ClaimsIdentity? subject)
        : base(other, subject)
    {
        Origin = other.Origin;
    }

    /// <summary>The session identity the claim was read for: its session data, id and expiry.</summary>
    public SessionClaimsIdentity Origin { get; }

    public override Claim Clone(ClaimsIdentity? identity) => new SessionClaim(this, identity);
}
