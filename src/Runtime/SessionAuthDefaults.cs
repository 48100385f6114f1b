namespace SessionAuth;

/// <summary>The names SessionAuth registers, puts on the wire or uses by default, for clients and apps that read them.</summary>
public static class SessionAuthDefaults
{
    /// <summary>
    /// The name of the authentication scheme <c>AddSessionAuth</c> registers (<c>SessionAuth</c>), and the authentication
    /// type of a session's identity. It is the default scheme when it is the only one; beside another, the app names its
    /// default (with none named the start is refused).
    /// </summary>
    public const string AuthenticationScheme = "SessionAuth";

    /// <summary>
    /// The response header that carries the login URL when a script or API call to a guarded endpoint is answered 401
    /// (<c>X-Session-Redirect</c>); a client navigates there to sign in.
    /// </summary>
    public const string SessionRedirectHeaderName = "X-Session-Redirect";

    /// <summary>
    /// The response header that carries where a server function sent a script or API caller (<c>X-Server-Redirect</c>),
    /// on a <c>204 No Content</c> in place of the redirect a navigation gets (<see cref="ServerRedirect"/>); a client
    /// navigates there.
    /// </summary>
    public const string ServerRedirectHeaderName = "X-Server-Redirect";

    /// <summary>The session cookie's name unless <see cref="SessionAuthOptions.CookieName"/> says otherwise (<c>session</c>).</summary>
    public const string CookieName = "session";

    /// <summary>Where anonymous browsers are sent unless <see cref="SessionAuthOptions.LoginPath"/> says otherwise (<c>/login</c>).</summary>
    public const string LoginPath = "/login";

    /// <summary>
    /// The query-string parameter that carries the page to return to, unless
    /// <see cref="SessionAuthOptions.ReturnUrlParameter"/> says otherwise (<c>returnUrl</c>).
    /// </summary>
    public const string ReturnUrlParameter = "returnUrl";
}
