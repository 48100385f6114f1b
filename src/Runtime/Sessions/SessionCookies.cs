using System.Globalization;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace SessionAuth;

/// <summary>
/// Every read, write and deletion of the session cookie and its chunk cookies: a request's cookies are found by their
/// exact, case-sensitive names, without building the request's cookie collection.
/// </summary>
/// <remarks>
/// <para>
/// Cookie names are case-sensitive (RFC 6265 §4.1.1, §5.4), and the <c>__Host-</c> prefix only protects a cookie whose
/// name is matched exactly: a sibling subdomain can set <c>__HOST-session</c> or <c>session</c> for the parent domain.
/// ASP.NET Core's cookie collection compares names ignoring case and keeps the last match, so the session cookie is
/// never read through it.
/// </para>
/// <para>
/// A browser sends its cookies as <c>name=value</c> pairs joined by <c>"; "</c> (RFC 6265 §5.4), and HTTP/2 may split
/// them over several <c>Cookie</c> fields. Pairs are split at <c>;</c> only: a value can hold a comma or a space
/// (browsers store such values as they are given), and a parser that also splits there, or that resynchronises inside
/// a malformed pair as ASP.NET Core's does, lets a cookie whose <em>value</em> reads <c>x, session=…</c> smuggle in a
/// session cookie under the protected name. Optional white space around a pair is ignored; a name must be followed
/// directly by <c>=</c>. As in ASP.NET Core, an empty value does not count and the last of several pairs with the
/// name wins. Values are taken as they are (no unquoting or percent-decoding): the session cookie's values are
/// base64url and dots, which need neither.
/// </para>
/// </remarks>
internal static class SessionCookies
{
    // A cookie holds about 4,096 bytes in browsers: longer sessions go into numbered chunk cookies, with ASP.NET Core's
    // own cookie manager and naming ("session" = "chunks-2", then "sessionC1", "sessionC2"). It only writes here; it
    // reads request cookies ignoring the case of their names, so reading and deleting are ours.
    private static readonly ChunkingCookieManager ChunkWriter = new() { ChunkSize = 4050 };

    private const string ChunkCountPrefix = "chunks-";

    /// <summary>What ASP.NET Core's chunking cookie manager puts between a cookie's name and a chunk's number.</summary>
    private const char ChunkSuffix = 'C';

    /// <summary>
    /// Reads the cookie <paramref name="name"/>, reassembling it from its chunk cookies (<c>name=chunks-N</c>, then
    /// <c>nameC1</c> … <c>nameCN</c>) as ASP.NET Core writes them.
    /// </summary>
    /// <param name="cookieHeaders">The request's <c>Cookie</c> headers.</param>
    /// <param name="name">The cookie's exact name.</param>
    /// <param name="maxLength">
    /// The longest reassembled value worth building: a chunk count above what that length needs, or chunks that add up
    /// to more, leave the <c>chunks-N</c> value itself, which no opener accepts.
    /// </param>
    /// <returns>
    /// The value; empty when there is no such cookie. A chunked value with a chunk missing, or past the limits, is
    /// returned as its <c>chunks-N</c> marker, as ASP.NET Core's chunking cookie manager does.
    /// </returns>
    public static ReadOnlySpan<char> Read(StringValues cookieHeaders, string name, int maxLength)
    {
        if (!TryFindLast(cookieHeaders, name, out var value) || !TryParseChunkCount(value, maxLength, out var chunkCount))
        {
            return value;
        }

        // Chunks are rare (sessions over 4 KB): find them all first, then build the value once.
        Span<char> chunkName = stackalloc char[name.Length + 11];
        name.CopyTo(chunkName);
        chunkName[name.Length] = ChunkSuffix;
        var totalLength = 0;
        for (var chunk = 1; chunk <= chunkCount; chunk++)
        {
            if (!TryFindLast(cookieHeaders, ChunkName(chunkName, name.Length, chunk), out var part))
            {
                return value;
            }

            totalLength += part.Length;
            if (totalLength > maxLength)
            {
                return value;
            }
        }

        var assembled = new char[totalLength];
        var written = 0;
        for (var chunk = 1; chunk <= chunkCount; chunk++)
        {
            TryFindLast(cookieHeaders, ChunkName(chunkName, name.Length, chunk), out var part);
            part.CopyTo(assembled.AsSpan(written));
            written += part.Length;
        }

        return assembled;
    }

    /// <summary>Sets the cookie <paramref name="name"/> in the response, split into chunk cookies when it is too long for one.</summary>
    public static void Append(HttpContext httpContext, string name, string value, CookieOptions options) =>
        ChunkWriter.AppendResponseCookie(httpContext, name, value, options);

    /// <summary>
    /// Deletes the cookie <paramref name="name"/> and every chunk of it that the request carries (as many as a value
    /// of <paramref name="maxLength"/> can have), and drops any of them this response was about to set.
    /// </summary>
    public static void Delete(HttpContext httpContext, string name, int maxLength, CookieOptions options)
    {
        var response = httpContext.Response;
        RemovePendingSetCookies(response, name);

        var expired = new CookieOptions(options) { Expires = DateTimeOffset.UnixEpoch, MaxAge = null };
        response.Cookies.Append(name, string.Empty, expired);
        TryFindLast(httpContext.Request.Headers.Cookie, name, out var value);
        TryParseChunkCount(value, maxLength, out var chunkCount);
        for (var chunk = 1; chunk <= chunkCount; chunk++)
        {
            response.Cookies.Append(string.Concat(name, ChunkSuffix.ToString(), chunk.ToString(CultureInfo.InvariantCulture)), string.Empty, expired);
        }
    }

    /// <summary>A write earlier in the same request must not reach the browser beside the deletion.</summary>
    private static void RemovePendingSetCookies(HttpResponse response, string name)
    {
        var setCookies = response.Headers.SetCookie;
        if (setCookies.Count == 0)
        {
            return;
        }

        var kept = new List<string>(setCookies.Count);
        foreach (var setCookie in setCookies)
        {
            if (setCookie is not null && !IsCookieOrChunk(setCookie.AsSpan(0, Math.Max(setCookie.IndexOf('='), 0)), name))
            {
                kept.Add(setCookie);
            }
        }

        if (kept.Count != setCookies.Count)
        {
            response.Headers.SetCookie = kept.ToArray();
        }
    }

    /// <summary><see langword="true"/> for exactly <paramref name="name"/> and for <c>nameC</c> followed by digits.</summary>
    internal static bool IsCookieOrChunk(ReadOnlySpan<char> candidate, string name)
    {
        if (!candidate.StartsWith(name, StringComparison.Ordinal))
        {
            return false;
        }

        var rest = candidate[name.Length..];
        return rest.IsEmpty || (rest.Length > 1 && rest[0] == ChunkSuffix && !rest[1..].ContainsAnyExceptInRange('0', '9'));
    }

    /// <summary>Finds the last pair named exactly <paramref name="name"/> whose value is not empty.</summary>
    internal static bool TryFindLast(StringValues cookieHeaders, ReadOnlySpan<char> name, out ReadOnlySpan<char> value)
    {
        value = default;
        var found = false;
        foreach (var header in cookieHeaders)
        {
            ReadOnlySpan<char> remaining = header;
            while (!remaining.IsEmpty)
            {
                var separator = remaining.IndexOf(';');
                var pair = (separator < 0 ? remaining : remaining[..separator]).Trim(OptionalWhiteSpace);
                remaining = separator < 0 ? default : remaining[(separator + 1)..];
                // Longer than "name=": an empty value does not replace an earlier one.
                if (pair.Length > name.Length + 1 && pair[name.Length] == '=' && pair.StartsWith(name, StringComparison.Ordinal))
                {
                    value = pair[(name.Length + 1)..];
                    found = true;
                }
            }
        }

        return found;
    }

    private static ReadOnlySpan<char> ChunkName(Span<char> buffer, int nameLength, int chunk)
    {
        chunk.TryFormat(buffer[(nameLength + 1)..], out var digits, provider: CultureInfo.InvariantCulture);
        return buffer[..(nameLength + 1 + digits)];
    }

    /// <summary>
    /// Reads <c>chunks-N</c>. A chunk carries at least <see cref="MinimumChunkLength"/> characters, so a value of
    /// <paramref name="maxLength"/> never needs more than <c>maxLength / MinimumChunkLength + 1</c> chunks: anything
    /// above is refused before a single chunk is looked for.
    /// </summary>
    private static bool TryParseChunkCount(ReadOnlySpan<char> value, int maxLength, out int count)
    {
        if (value.StartsWith(ChunkCountPrefix, StringComparison.Ordinal)
            && int.TryParse(value[ChunkCountPrefix.Length..], NumberStyles.None, CultureInfo.InvariantCulture, out count)
            && count > 0
            && count <= (maxLength / MinimumChunkLength) + 1)
        {
            return true;
        }

        count = 0;
        return false;
    }

    /// <summary>
    /// The fewest characters of data a chunk cookie written by <see cref="SessionManager{T}"/> carries: 4,050 less its
    /// name and attributes, which the options check keeps under 2,200 characters (cookie name, domain and path included).
    /// </summary>
    internal const int MinimumChunkLength = 1024;

    private const string OptionalWhiteSpace = " \t";
}
