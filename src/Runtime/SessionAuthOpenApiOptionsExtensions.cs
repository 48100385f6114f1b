using Microsoft.AspNetCore.OpenApi;
using SessionAuth.OpenApi;

namespace SessionAuth;

/// <summary>Describes SessionAuth's guard in the OpenAPI documents of Microsoft.AspNetCore.OpenApi.</summary>
public static class SessionAuthOpenApiOptionsExtensions
{
    /// <summary>The name of the security scheme the document declares for the session cookie.</summary>
    public const string SecuritySchemeName = "SessionCookie";

    /// <summary>
    /// Adds to the document a cookie security scheme named <see cref="SecuritySchemeName"/> (an API key in the cookie
    /// named by <see cref="SessionAuthOptions.CookieName"/>) and, on every guarded operation (a server function that
    /// requires a session, an endpoint under <c>RequireSession()</c> or <c>[RequireSession]</c>, one guarded by a rule), a
    /// security requirement naming it and the guard's problem responses: 401 without a session, 403 when a rule refuses,
    /// 503 when the server-side store is down. Anonymous operations get none. Server functions appear in the document
    /// whether or not this is called (<c>AddSessionAuth&lt;T&gt;()</c> describes them to ApiExplorer); this also writes
    /// their body arguments as one JSON object and their parameters' default values.
    /// </summary>
    /// <param name="options">The OpenAPI document's options, as <c>builder.Services.AddOpenApi(options => ...)</c> gives them.</param>
    /// <returns>The options, for chaining.</returns>
    public static OpenApiOptions AddSessionAuth(this OpenApiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.AddOperationTransformer(new SessionAuthOperationTransformer());
        options.AddDocumentTransformer(new SessionAuthDocumentTransformer());
        return options;
    }
}
