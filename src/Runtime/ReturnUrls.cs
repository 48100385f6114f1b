namespace SessionAuth;

/// <summary>
/// The check every redirect in SessionAuth goes through, for the app's own redirects: a login page that sends the user
/// back to <c>returnUrl</c> must never send them to another site.
/// </summary>
public static class ReturnUrls
{
    /// <summary>
    /// <see langword="true"/> for a path on this site (<c>/students?house=1</c>); <see langword="false"/> for anything a
    /// browser could read as another host (<c>//evil</c>, <c>/\evil</c>, <c>https://evil</c>) or that carries control
    /// characters or backslashes.
    /// </summary>
    /// <param name="url">The URL to check.</param>
    /// <returns>Whether <paramref name="url"/> is a local path.</returns>
    public static bool IsLocal(string? url) => LocalUrl.IsLocal(url);

    /// <summary>Returns <paramref name="url"/> when it is a local path, otherwise <paramref name="fallback"/>.</summary>
    /// <param name="url">The return URL the request carried.</param>
    /// <param name="fallback">Where to go instead; <c>/</c> unless set.</param>
    /// <returns>A local path.</returns>
    public static string LocalOrDefault(string? url, string fallback = "/") => LocalUrl.IsLocal(url) ? url! : fallback;
}
