using Microsoft.AspNetCore.Http;

namespace SessionAuth;

/// <summary>How the session cookie appears in a request's <c>Cookie</c> header.</summary>
internal enum SessionCookieShape
{
    /// <summary>There is no session cookie.</summary>
    Absent,

    /// <summary>One plain value, read straight from the header.</summary>
    Plain,

    /// <summary>Anything else (chunks, quotes, escapes, several headers, unusual separators): ASP.NET Core's parser decides.</summary>
    Other,
}

/// <summary>
/// Finds the session cookie in the <c>Cookie</c> header without building the request's cookie collection, which
/// would allocate a dictionary and a string for every cookie the browser sends on every guarded request.
/// </summary>
/// <remarks>
/// Only the shape we write is read here: <c>name=value</c> pairs separated by <c>;</c>, a value of base64url
/// characters and dots. Whatever else the header holds is left to ASP.NET Core's own parser
/// (<see cref="SessionCookieShape.Other"/>), so the two can only differ in speed, never in which value is read. Like
/// that parser, the last of several cookies with the session's name wins.
/// </remarks>
internal static class SessionCookieReader
{
    private const string ChunkCountPrefix = "chunks-";

    public static SessionCookieShape Find(HttpRequest request, string cookieName, out ReadOnlySpan<char> value)
    {
        value = default;
        var headers = request.Headers.Cookie;
        if (headers.Count == 0)
        {
            return SessionCookieShape.Absent;
        }

        if (headers.Count > 1)
        {
            return SessionCookieShape.Other;
        }

        ReadOnlySpan<char> remaining = headers[0];
        var found = false;
        while (!remaining.IsEmpty)
        {
            var separator = remaining.IndexOf(';');
            var pair = (separator < 0 ? remaining : remaining[..separator]).Trim(' ');
            remaining = separator < 0 ? default : remaining[(separator + 1)..];
            var equals = pair.IndexOf('=');
            if (equals <= 0 || pair.Contains(',') || pair[..equals].ContainsAny(" \t\""))
            {
                value = default;
                return SessionCookieShape.Other;
            }

            if (pair[..equals].SequenceEqual(cookieName))
            {
                value = pair[(equals + 1)..];
                if (value.IsEmpty)
                {
                    // How the framework weighs an empty value against another one is its business.
                    return SessionCookieShape.Other;
                }

                found = true;
            }
        }

        if (!found)
        {
            return SessionCookieShape.Absent;
        }

        if (value.StartsWith(ChunkCountPrefix, StringComparison.Ordinal) || value.ContainsAnyExcept(Base64UrlAndDot))
        {
            value = default;
            return SessionCookieShape.Other;
        }

        return SessionCookieShape.Plain;
    }

    private static readonly System.Buffers.SearchValues<char> Base64UrlAndDot =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.");
}
