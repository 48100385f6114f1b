namespace SessionAuth;

/// <summary>
/// The check every redirect in SessionAuth goes through, for the app's own redirects: a login page that sends the user
/// back to <c>returnUrl</c> must never send them to another site, nor fail because the URL does not fit in a header.
/// </summary>
public static class ReturnUrls
{
    /// <summary>
    /// <see langword="true"/> for a path on this site (<c>/students?house=1</c>, <c>/café</c>); <see langword="false"/>
    /// for anything a browser could read as another host (<c>//evil</c>, <c>/\evil</c>, <c>https://evil</c>), that
    /// carries control characters, backslashes, invisible or bidirectional formatting characters, or characters that
    /// look like or normalise to a URL delimiter (<c>/／evil</c>, <c>/∕evil</c>), or whose percent-escapes are not
    /// well-formed UTF-8. Exactly the values <see cref="LocalOrDefault"/> keeps.
    /// </summary>
    /// <param name="url">The URL to check.</param>
    /// <returns>Whether <paramref name="url"/> is a local path.</returns>
    public static bool IsLocal(string? url) => LocalUrl.IsLocal(url);

    /// <summary>
    /// Returns <paramref name="url"/> when it is a local path, with any character that may not stand in a URL as it is
    /// (non-ASCII letters, spaces) percent-encoded as UTF-8, so it is always safe as a <c>Location</c> header;
    /// otherwise <paramref name="fallback"/>, encoded the same way.
    /// </summary>
    /// <param name="url">The return URL the request carried.</param>
    /// <param name="fallback">Where to go instead; <c>/</c> unless set. Must be a local path.</param>
    /// <returns>A local path of printable ASCII.</returns>
    /// <exception cref="ArgumentException"><paramref name="fallback"/> is not a local path.</exception>
    public static string LocalOrDefault(string? url, string fallback = "/") =>
        LocalUrl.ToHeaderSafe(url)
        ?? LocalUrl.ToHeaderSafe(fallback)
        ?? throw new ArgumentException($"The fallback '{fallback}' is not a local path. Use a path that starts with a single '/', such as '/'.", nameof(fallback));
}
