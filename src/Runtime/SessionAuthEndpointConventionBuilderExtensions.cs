using Microsoft.AspNetCore.Builder;

namespace SessionAuth;

/// <summary>Guards minimal API endpoints and route groups with a session.</summary>
public static class SessionAuthEndpointConventionBuilderExtensions
{
    /// <summary>
    /// Requires a session on the endpoint, or on every endpoint of a route group. <c>UseSessionAuth()</c> enforces it with
    /// the same answers as generated server functions: a redirect to the login page for navigations and form posts,
    /// 401 with <c>X-Session-Redirect</c> for scripts.
    /// </summary>
    /// <typeparam name="TBuilder">The endpoint convention builder.</typeparam>
    /// <param name="builder">The endpoint or route group.</param>
    /// <param name="redirectTo">A local login path for these endpoints; <see cref="SessionAuthOptions.LoginPath"/> when <see langword="null"/>.</param>
    /// <returns>The builder, for chaining.</returns>
    /// <exception cref="ArgumentException"><paramref name="redirectTo"/> is not a local path.</exception>
    public static TBuilder RequireSession<TBuilder>(this TBuilder builder, string? redirectTo = null)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (redirectTo is not null && !LocalUrl.IsLocal(redirectTo))
        {
            throw new ArgumentException($"'{redirectTo}' is not a local path. Use a path that starts with a single '/', such as '/login'.", nameof(redirectTo));
        }

        var requirement = new RequireSessionAttribute { RedirectTo = redirectTo };
        builder.Add(endpoint => endpoint.Metadata.Add(requirement));
        return builder;
    }
}
