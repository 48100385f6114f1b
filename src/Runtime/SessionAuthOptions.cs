using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using SessionAuth.Authentication;

namespace SessionAuth;

/// <summary>Options for SessionAuth's sealed-cookie sessions and guards, set in <c>services.AddSessionAuth&lt;T&gt;(options =&gt; ...)</c>.</summary>
/// <remarks>Every option is checked when the application starts; a bad value stops the start with a message that says what to set.</remarks>
public sealed class SessionAuthOptions
{
    /// <summary>The minimum length of a password, in characters.</summary>
    public const int MinimumPasswordLength = SessionPassword.MinimumLength;

    /// <summary>
    /// The password that seals session cookies: at least <see cref="MinimumPasswordLength"/> characters, kept in
    /// configuration or a secret store, never in source. When it is not set in the Development environment a random one
    /// is generated (sessions then end when the app restarts) and a warning is logged; elsewhere the app does not start.
    /// </summary>
    public string? Password { get; set; }

    /// <summary>
    /// Older passwords, newest first. Cookies sealed with any of them still open; new cookies are always sealed with
    /// <see cref="Password"/>. Remove a password from this list to end every session sealed with it.
    /// </summary>
    public IList<string> PreviousPasswords { get; } = new List<string>();

    /// <summary>The name of the session cookie; <c>session</c> unless set.</summary>
    public string CookieName { get; set; } = SessionAuthDefaults.CookieName;

    /// <summary>How long a session lasts after its last write; 14 days unless set. The cookie expires a minute before the seal does.</summary>
    public TimeSpan MaxAge { get; set; } = TimeSpan.FromDays(14);

    /// <summary>
    /// The largest sealed session, in bytes, across all its cookies; 16,384 unless set (1,024 to 65,536). Sessions over
    /// 4,050 bytes are split into numbered chunk cookies; past this limit <c>UpdateAsync</c> throws, and a request carrying
    /// more is refused before any decoding. Keep it under your servers' and proxies' request header limits.
    /// </summary>
    public int MaxSessionSize { get; set; } = SessionSealer.MaxSealedLength;

    /// <summary>The local path anonymous browsers are sent to; <c>/login</c> unless set.</summary>
    public string LoginPath { get; set; } = SessionAuthDefaults.LoginPath;

    /// <summary>
    /// The local path browsers are sent to when they have a session but an authorization rule or policy refuses them,
    /// with the page they asked for in <see cref="ReturnUrlParameter"/>; none unless set, and then they get a plain 403.
    /// Scripts and API calls always get a 403 problem+json.
    /// </summary>
    public string? AccessDeniedPath { get; set; }

    /// <summary>
    /// How often an interactive Blazor Server circuit asks whether its session still stands; one minute unless set,
    /// between one second and one day. In server-store mode a session ended by logout or <see cref="IUserSessions.EndAllAsync"/>
    /// stops being authenticated in open circuits within this interval (and an unreachable store signs them out: fail
    /// closed); a sealed-cookie session, which nothing on the server can end, stops at its expiry.
    /// </summary>
    public TimeSpan CircuitRevalidationInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The query-string parameter of the login URL that carries the page to return to; <c>returnUrl</c> unless set.</summary>
    public string ReturnUrlParameter { get; set; } = SessionAuthDefaults.ReturnUrlParameter;

    /// <summary>The cookie's SameSite attribute; <see cref="SameSiteMode.Lax"/> unless set.</summary>
    public SameSiteMode CookieSameSite { get; set; } = SameSiteMode.Lax;

    /// <summary>When the cookie is marked Secure; on HTTPS requests (<see cref="CookieSecurePolicy.SameAsRequest"/>) unless set.</summary>
    public CookieSecurePolicy CookieSecurePolicy { get; set; } = CookieSecurePolicy.SameAsRequest;

    /// <summary>The cookie's Domain attribute; none (the host that set it) unless set.</summary>
    public string? CookieDomain { get; set; }

    /// <summary>The cookie's Path attribute; <c>/</c> unless set.</summary>
    public string CookiePath { get; set; } = "/";

    /// <summary>
    /// Route patterns whose requests have the session opened before the endpoint runs, such as <c>/</c> or
    /// <c>/students/{**rest}</c>. They match as ASP.NET Core route templates do (parameters, optional and catch-all
    /// segments), not as strings; a pattern that does not parse stops the start.
    /// </summary>
    public IList<string> PreloadPaths { get; } = new List<string>();

    /// <summary>Opens the session before every request; <see langword="false"/> unless set.</summary>
    public bool PreloadAllRequests { get; set; }

    /// <summary>
    /// Origins (<c>https://app.example.com</c>) allowed to call state-changing server functions from another site, such
    /// as a separate front end. Requests from this app's own origin never need listing.
    /// </summary>
    public IList<string> TrustedOrigins { get; } = new List<string>();

    /// <summary>
    /// Where session data lives: <see langword="false"/> (the default) in the sealed cookie itself;
    /// <see langword="true"/> after <see cref="UseServerStore()"/>, in
    /// <c>IDistributedCache</c>, with only a sealed session id in the cookie.
    /// </summary>
    public bool UsesServerStore { get; private set; }

    /// <summary>How server-side sessions are stored; used only after <see cref="UseServerStore()"/>.</summary>
    public ServerSessionStoreOptions ServerStore { get; } = new();

    internal Type? UserIdSessionType { get; private set; }

    internal Func<object, string?>? UserIdSelector { get; private set; }

    /// <summary>
    /// Says who a session belongs to: <paramref name="userId"/> returns the user's stable id from the session data. A
    /// session then keeps its id (<see cref="Session.Id"/>) and <see cref="Session.CreatedAt"/> across
    /// <c>UpdateAsync</c> calls only while it stays with the same user; when it comes to belong to another user (a login
    /// on a request that carried someone else's session, planted or left behind) it starts again with a new id.
    /// </summary>
    /// <remarks>
    /// Without it SessionAuth cannot tell one user from another, so every <c>UpdateAsync</c> starts a new session id:
    /// anything the app keys by <see cref="Session.Id"/> (a cart, a CSRF token, an audit trail) then follows one write
    /// of the session, never two users. Set it whenever the data names its user. With the server store it also lets
    /// <see cref="IUserSessions.EndAllAsync"/> end every session of a user.
    /// </remarks>
    /// <typeparam name="TSession">The session data type given to <c>AddSessionAuth&lt;T&gt;</c>; checked at startup.</typeparam>
    /// <param name="userId">Returns the user's stable id from the session data, such as <c>data =&gt; data.UserId.ToString()</c>.</param>
    public void IdentifyUser<TSession>(Func<TSession, string> userId)
        where TSession : class
    {
        ArgumentNullException.ThrowIfNull(userId);
        UserIdSessionType = typeof(TSession);
        UserIdSelector = data => userId((TSession)data);
    }

    /// <summary>
    /// Keeps session data on the server, in the app's <c>IDistributedCache</c> (in memory unless another is
    /// registered; Redis with <c>AddStackExchangeRedisCache</c>): the cookie carries only a sealed, random session id,
    /// so <see cref="Session.ClearAsync"/> ends a session on every instance at once.
    /// </summary>
    /// <remarks>
    /// Expiry, renewal, key prefix and timeout are in <see cref="ServerStore"/>.
    /// To end every session of one user (<see cref="IUserSessions.EndAllAsync"/>), also say who each session belongs
    /// to: <see cref="IdentifyUser{TSession}(Func{TSession, string})"/>, or
    /// <see cref="UseServerStore{TSession}(Func{TSession, string})"/>, which does both.
    /// </remarks>
    public void UseServerStore() => UsesServerStore = true;

    /// <summary>
    /// Keeps session data on the server (see <see cref="UseServerStore()"/>) and identifies each session's user by
    /// <paramref name="userId"/> (see <see cref="IdentifyUser{TSession}(Func{TSession, string})"/>), so
    /// <see cref="IUserSessions.EndAllAsync"/> can end every session of a user, on every instance, for example after a
    /// password change.
    /// </summary>
    /// <typeparam name="TSession">The session data type given to <c>AddSessionAuth&lt;T&gt;</c>; checked at startup.</typeparam>
    /// <param name="userId">Returns the user's stable id from the session data, such as <c>data =&gt; data.UserId.ToString()</c>.</param>
    public void UseServerStore<TSession>(Func<TSession, string> userId)
        where TSession : class
    {
        IdentifyUser(userId);
        UseServerStore();
    }

    internal SessionClaimsProjection? Claims { get; private set; }

    /// <summary>
    /// Makes a request's session its identity for the rest of ASP.NET Core: <c>HttpContext.User</c> gets an identity
    /// whose authentication type is <see cref="SessionAuthDefaults.AuthenticationScheme"/> and whose claims are the ones
    /// <paramref name="claims"/> returns, so <c>[Authorize(Roles = ...)]</c>, policies, SignalR, rate limiter partitions and
    /// <c>User.Identity.Name</c> see who is signed in. Names and roles use <see cref="ClaimTypes.Name"/> and
    /// <see cref="ClaimTypes.Role"/>, as ASP.NET Core expects.
    /// </summary>
    /// <remarks>
    /// <paramref name="claims"/> runs at most once per request, and only when something reads the identity's claims.
    /// Without it a request with a session still has an authenticated identity, so a plain <c>[Authorize]</c> needs only
    /// a session; it then carries only the claim SessionAuth always adds: <see cref="ClaimTypes.NameIdentifier"/> with the
    /// user id when <see cref="IdentifyUser{TSession}(Func{TSession, string})"/> is set.
    /// </remarks>
    /// <typeparam name="TSession">The session data type given to <c>AddSessionAuth&lt;T&gt;</c>; checked at startup.</typeparam>
    /// <param name="claims">Returns the claims of a session, such as <c>user =&gt; [new(ClaimTypes.Name, user.Name)]</c>.</param>
    public void UseClaims<TSession>(Func<TSession, IEnumerable<Claim>> claims)
        where TSession : class
    {
        ArgumentNullException.ThrowIfNull(claims);
        Claims = new SessionClaimsProjection(typeof(TSession), data => claims((TSession)data));
    }

    internal ClientViewProjection? ClientView { get; private set; }

    /// <summary>
    /// Sets what the browser may see of the session: <c>/_session</c> (<c>MapSessionEndpoint()</c>) and the page's session
    /// script serve <paramref name="view"/> of the data, never the data itself. Without a view nothing is exposed.
    /// </summary>
    /// <typeparam name="TSession">The session data type given to <c>AddSessionAuth&lt;T&gt;</c>.</typeparam>
    /// <typeparam name="TView">What the browser gets; it must be serializable with the app's JSON options.</typeparam>
    /// <param name="view">The projection, for example <c>user =&gt; new UserView(user.Name)</c>.</param>
    public void ExposeToClient<TSession, TView>(Func<TSession, TView> view)
        where TSession : class
    {
        ArgumentNullException.ThrowIfNull(view);
        ClientView = new ClientViewProjection(typeof(TSession), typeof(TView), data => view((TSession)data));
    }
}
