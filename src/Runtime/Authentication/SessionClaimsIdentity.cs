using System.Security.Claims;

namespace SessionAuth.Authentication;

/// <summary>What <c>UseClaims</c> was given: the session data type it names, and the claims of a session's data.</summary>
internal sealed record SessionClaimsProjection(Type SessionType, Func<object, IEnumerable<Claim>> Claims);

/// <summary>
/// A session's identity: authenticated as <see cref="SessionAuthDefaults.AuthenticationScheme"/> from the start, with
/// its claims read from the session data the first time anything asks for them, so a request that never looks at
/// <c>HttpContext.User</c>'s claims never runs the app's claims function.
/// </summary>
/// <remarks>
/// Every member of <see cref="ClaimsIdentity"/> that reads or changes claims is virtual and overridden here to add the
/// claims first. The copying constructors read the claims list directly, so <see cref="Clone"/> adds them before it
/// copies, and <see cref="AuthenticationType"/> (which <c>new ClaimsIdentity(identity)</c> reads before it copies) does
/// too. The one way around it: <c>new ClaimsIdentity(identity, claims, authenticationType, ...)</c> with an
/// authentication type of its own reads nothing virtual before copying, so it copies the claims loaded so far; read a
/// claim first, or copy with <see cref="Clone"/>. <see cref="ClaimsIdentity.IsAuthenticated"/> needs no claims.
/// <see cref="Clone"/> (which <see cref="ClaimsPrincipal.Clone"/> and the usual claims transformation call) copies the
/// session too, and each claim is a <see cref="SessionClaim"/> that keeps this identity as its origin through any copy:
/// a Blazor circuit revalidates the session behind a copy as behind the original, and rules in components see it.
/// </remarks>
internal sealed class SessionClaimsIdentity : ClaimsIdentity
{
    private readonly SessionIdentities _identities;
    private readonly Lock _gate = new();
    private object? _pendingData;
    private bool _loading;

    public SessionClaimsIdentity(SessionIdentities identities, object data, SessionId sessionId, DateTimeOffset expiresAt)
        : base(SessionAuthDefaults.AuthenticationScheme, ClaimTypes.Name, ClaimTypes.Role)
    {
        _identities = identities;
        _pendingData = data;
        SessionData = data;
        SessionId = sessionId;
        ExpiresAt = expiresAt;
    }

    // The copy has every claim the original has (loaded first, as the base constructor reads the list directly) and the
    // same session; nothing is left pending.
    private SessionClaimsIdentity(SessionClaimsIdentity other)
        : base(other.WithClaimsLoaded())
    {
        _identities = other._identities;
        SessionData = other.SessionData;
        SessionId = other.SessionId;
        ExpiresAt = other.ExpiresAt;
    }

    /// <summary>
    /// The session data the identity was made from. A Blazor circuit keeps the identity of the request that opened it,
    /// long after that request: rules evaluated in components read the data here, and revalidation asks the store
    /// whether <see cref="SessionId"/> still stands.
    /// </summary>
    internal object SessionData { get; }

    /// <summary>The session the identity belongs to.</summary>
    internal SessionId SessionId { get; }

    /// <summary>When the session ended as of the request that opened it (a sliding server-store session may have moved on since).</summary>
    internal DateTimeOffset ExpiresAt { get; }

    /// <summary>Whether the claims have been read from the session data yet.</summary>
    internal bool HasClaimsLoaded => Volatile.Read(ref _pendingData) is null;

    public override string? AuthenticationType
    {
        get
        {
            LoadClaims();
            return base.AuthenticationType;
        }
    }

    public override IEnumerable<Claim> Claims
    {
        get
        {
            LoadClaims();
            return base.Claims;
        }
    }

    public override void AddClaim(Claim claim)
    {
        LoadClaims();
        base.AddClaim(claim);
    }

    public override void AddClaims(IEnumerable<Claim?> claims)
    {
        LoadClaims();
        base.AddClaims(claims);
    }

    public override bool TryRemoveClaim(Claim? claim)
    {
        LoadClaims();
        return base.TryRemoveClaim(claim);
    }

    public override void RemoveClaim(Claim? claim)
    {
        LoadClaims();
        base.RemoveClaim(claim);
    }

    public override IEnumerable<Claim> FindAll(Predicate<Claim> match)
    {
        LoadClaims();
        return base.FindAll(match);
    }

    public override IEnumerable<Claim> FindAll(string type)
    {
        LoadClaims();
        return base.FindAll(type);
    }

    public override Claim? FindFirst(Predicate<Claim> match)
    {
        LoadClaims();
        return base.FindFirst(match);
    }

    public override Claim? FindFirst(string type)
    {
        LoadClaims();
        return base.FindFirst(type);
    }

    public override bool HasClaim(Predicate<Claim> match)
    {
        LoadClaims();
        return base.HasClaim(match);
    }

    public override bool HasClaim(string type, string value)
    {
        LoadClaims();
        return base.HasClaim(type, value);
    }

    public override ClaimsIdentity Clone() => new SessionClaimsIdentity(this);

    public override void WriteTo(BinaryWriter writer)
    {
        LoadClaims();
        base.WriteTo(writer);
    }

    protected override void WriteTo(BinaryWriter writer, byte[]? userData)
    {
        LoadClaims();
        base.WriteTo(writer, userData);
    }

    private SessionClaimsIdentity WithClaimsLoaded()
    {
        LoadClaims();
        return this;
    }

    // Under a lock, so a reader racing the first load waits for the claims rather than reading none. The pending data is
    // cleared only once the claims are in: when the app's function throws, the next read tries again rather than
    // finding an authenticated identity without claims. A read from inside the function itself (on this thread, while
    // loading) sees the claims added so far, none, instead of recursing.
    private void LoadClaims()
    {
        if (Volatile.Read(ref _pendingData) is null)
        {
            return;
        }

        lock (_gate)
        {
            if (_pendingData is not { } data || _loading)
            {
                return;
            }

            _loading = true;
            try
            {
                foreach (var claim in _identities.ClaimsOf(data))
                {
                    // Made for this identity, so added as is; every copy of it keeps this identity as its origin.
                    base.AddClaim(new SessionClaim(claim, this));
                }
                Volatile.Write(ref _pendingData, null);
            }
            finally
            {
                _loading = false;
            }
        }
    }
}
