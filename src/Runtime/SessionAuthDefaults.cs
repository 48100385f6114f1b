namespace SessionAuth;

/// <summary>The names SessionAuth registers and puts on the wire, for clients and apps that read them.</summary>
public static class SessionAuthDefaults
{
    /// <summary>
    /// The name of the authentication scheme <c>AddSessionAuth</c> registers (<c>SessionAuth</c>), and the authentication
    /// type of a session's identity. It is the default scheme unless the app sets one.
    /// </summary>
    public const string AuthenticationScheme = "SessionAuth";

    /// <summary>
    /// The response header that carries the login URL when a script or API call to a guarded endpoint is answered 401
    /// (<c>X-Session-Redirect</c>); a client navigates there to sign in.
    /// </summary>
    public const string SessionRedirectHeaderName = "X-Session-Redirect";
}
