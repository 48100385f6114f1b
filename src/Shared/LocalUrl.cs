namespace SessionAuth;

/// <summary>
/// The one check every redirect target goes through: is it a path on this site? Compiled into the runtime (redirects at
/// run time) and the analyzers (literals at compile time), so both apply the same rule.
/// </summary>
internal static class LocalUrl
{
    /// <summary>
    /// <see langword="true"/> for <c>/path</c>; <see langword="false"/> for anything a browser could read as another
    /// host (<c>//host</c>, <c>/\host</c>, a scheme) or that carries control characters or backslashes.
    /// </summary>
    public static bool IsLocal(string? url)
    {
        // Checked as written and as decoded: "/%2F%2Fevil.com" is "///evil.com" to any code that decodes it once more,
        // and "/%09/evil.com" hides a tab. A value still encoded after three rounds is refused outright.
        for (var round = 0; round < 3 && url is not null; round++)
        {
            if (!IsLocalAsWritten(url))
            {
                return false;
            }

            var decoded = url.IndexOf('%') < 0 ? url : Uri.UnescapeDataString(url);
            if (decoded == url)
            {
                return true;
            }

            url = decoded;
        }

        return false;
    }

    private static bool IsLocalAsWritten(string url)
    {
        if (url.Length == 0 || url[0] != '/')
        {
            return false;
        }

        if (url.Length > 1 && (url[1] == '/' || url[1] == '\\'))
        {
            return false;
        }

        foreach (var c in url)
        {
            // Browsers drop tab, CR and LF inside URLs and read '\' as '/', which turns "/\t/evil" into "//evil".
            if (char.IsControl(c) || c == '\\')
            {
                return false;
            }
        }

        return true;
    }
}
