using System.Globalization;
using System.Text;

namespace SessionAuth;

/// <summary>
/// The one check every redirect target goes through: is it a path on this site, and what is its header-safe form?
/// Compiled into the runtime (redirects at run time) and the analyzers (literals at compile time), so both apply the
/// same rule.
/// </summary>
/// <remarks>
/// A value is local when it starts with a single <c>/</c> and holds no control character, no backslash, and no
/// character that a browser, a server or a normalisation step could read as one of the characters that split a URL
/// into its parts. Other non-ASCII characters are kept, percent-encoded as UTF-8 (RFC 3986), so the result always fits
/// in a <c>Location</c> header.
/// </remarks>
internal static class LocalUrl
{
    private static readonly char[] C0Controls =
    [
        '\u0000', '\u0001', '\u0002', '\u0003', '\u0004', '\u0005', '\u0006', '\u0007', '\u0008', '\u0009', '\u000A', '\u000B', '\u000C', '\u000D', '\u000E', '\u000F',
        '\u0010', '\u0011', '\u0012', '\u0013', '\u0014', '\u0015', '\u0016', '\u0017', '\u0018', '\u0019', '\u001A', '\u001B', '\u001C', '\u001D', '\u001E', '\u001F', ' ',
    ];

    // Code points that Unicode's confusables list gives for '/' and '\' and that no script uses as a letter. Letters
    // that look alike (KATAKANA LETTER NO, CJK 丿 and 丶, COPTIC ESH) are kept: no URL parser reads them as a slash, and
    // refusing them would break real Japanese and Chinese paths.
    private static readonly int[] SlashLookalikes =
    [
        0x0337, 0x0338, // combining short and long solidus overlay
        0x1735, // PHILIPPINE SINGLE PUNCTUATION
        0x2041, // CARET INSERTION POINT
        0x2044, // FRACTION SLASH
        0x20E5, 0x20EB, // combining reverse solidus overlay, long double solidus overlay
        0x2215, 0x2216, // DIVISION SLASH, SET MINUS
        0x244A, // OCR DOUBLE BACKSLASH
        0x2571, 0x2572, // box drawings light diagonals
        0x27CB, 0x27CD, // mathematical rising and falling diagonal
        0x29F5, 0x29F6, 0x29F7, 0x29F8, 0x29F9, // reverse solidus operator, solidus with overbar, ..., big solidus, big reverse solidus
        0x2AFB, 0x2AFD, // triple solidus binary relation, double solidus operator
        0x2E4A, // DOTTED SOLIDUS
        0x2F02, 0x2F03, // KANGXI RADICAL DOT, KANGXI RADICAL SLASH
        0x3033, 0x3035, // vertical kana repeat mark upper and lower half
        0x31D3, 0x31D4, // CJK STROKE SP, CJK STROKE D
        0x1D20F, 0x1D23A, 0x1D23B, // Greek vocal and instrumental notation symbols
        0x1F67C, 0x1F67D, // very heavy solidus, very heavy reverse solidus
    ];

    // Inclusive ranges of code points that NFKC (what servers, file systems and Windows' best-fit mapping apply) or
    // UTS #46 (what browsers apply to host names) maps to text holding one of / \ ? # @ : % . — the characters that
    // decide where a URL's host, path, query and fragment begin, escape bytes, or step out of a directory.
    // LocalUrlTests checks this table against the platform's NFKC for every code point.
    private static readonly int[] DelimiterCompatibilityForms =
    [
        0x2024, 0x2026, // one dot leader .. horizontal ellipsis
        0x2047, 0x2049, // ?? ?! !?
        0x2100, 0x2101, // a/c a/s
        0x2105, 0x2106, // c/o c/u
        0x2488, 0x249B, // digit full stops 1. .. 20.
        0x2A74, 0x2A74, // ::=
        0x3002, 0x3002, // IDEOGRAPHIC FULL STOP (UTS #46)
        0x33C2, 0x33C2, // a.m.
        0x33C7, 0x33C7, // Co.
        0x33D8, 0x33D8, // p.m.
        0xFE12, 0xFE12, // vertical ideographic full stop (UTS #46)
        0xFE13, 0xFE13, // vertical colon
        0xFE16, 0xFE16, // vertical question mark
        0xFE19, 0xFE19, // vertical ellipsis
        0xFE30, 0xFE30, // vertical two dot leader
        0xFE52, 0xFE52, // small full stop
        0xFE55, 0xFE56, // small colon, small question mark
        0xFE5F, 0xFE5F, // small number sign
        0xFE68, 0xFE68, // small reverse solidus
        0xFE6A, 0xFE6B, // small percent sign, small commercial at
        0xFF03, 0xFF03, // fullwidth number sign
        0xFF05, 0xFF05, // fullwidth percent sign
        0xFF0E, 0xFF0F, // fullwidth full stop, fullwidth solidus
        0xFF1A, 0xFF1A, // fullwidth colon
        0xFF1F, 0xFF20, // fullwidth question mark, fullwidth commercial at
        0xFF3C, 0xFF3C, // fullwidth reverse solidus
        0xFF61, 0xFF61, // halfwidth ideographic full stop (UTS #46)
        0x1F100, 0x1F100, // digit zero full stop
    ];

    /// <summary>
    /// <see langword="true"/> for <c>/path</c>; <see langword="false"/> for anything a browser could read as another
    /// host (<c>//host</c>, <c>/\host</c>, a scheme), that carries control characters or backslashes, or that
    /// <see cref="ToHeaderSafe"/> refuses for another reason.
    /// </summary>
    public static bool IsLocal(string? url) => ToHeaderSafe(url) is not null;

    /// <summary>
    /// <see langword="true"/> when a browser reads <paramref name="url"/> as a web address: a reference without a scheme
    /// (a path, a relative URL, <c>//host/path</c>) or one whose scheme is <c>http</c> or <c>https</c>. Read as the URL
    /// standard reads it (leading and trailing controls and spaces trimmed, tabs and line breaks removed, the scheme in
    /// any case), so <c> java	script:</c> is the <c>javascript:</c> URL it is to a browser, which would run it in the page
    /// that navigates there.
    /// </summary>
    public static bool IsWebUrl(string url)
    {
        var read = new StringBuilder(url.Length);
        foreach (var character in url)
        {
            if (character is not ('\t' or '\n' or '\r'))
            {
                read.Append(character);
            }
        }

        // The URL standard trims C0 controls and spaces from both ends before reading a URL.
        var text = read.ToString().Trim(C0Controls);
        var colon = text.IndexOf(':');
        if (colon <= 0 || !IsAsciiLetter(text[0]))
        {
            return true;
        }

        for (var i = 1; i < colon; i++)
        {
            if (!IsAsciiLetter(text[i]) && text[i] is not (>= '0' and <= '9') && text[i] is not ('+' or '-' or '.'))
            {
                return true;
            }
        }

        var scheme = text.Substring(0, colon);
        return string.Equals(scheme, "http", StringComparison.OrdinalIgnoreCase) || string.Equals(scheme, "https", StringComparison.OrdinalIgnoreCase);

        static bool IsAsciiLetter(char c) => c is >= 'a' and <= 'z' or >= 'A' and <= 'Z';
    }

    /// <summary>
    /// Returns <paramref name="url"/> as an absolute <c>http</c> or <c>https</c> URL that is safe to put in a
    /// <c>Location</c> header (path and query percent-encoded, an international host name in its ASCII form), or
    /// <see langword="null"/> for anything else (another scheme, a relative or malformed URL).
    /// </summary>
    public static string? ToHeaderSafeAbsolute(string? url)
    {
        if (url is null || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return null;
        }

        var absolute = uri.Host == uri.IdnHost ? uri.AbsoluteUri : new UriBuilder(uri) { Host = uri.IdnHost }.Uri.AbsoluteUri;
        foreach (var character in absolute)
        {
            if (character < '!' || character > '~')
            {
                return null;
            }
        }

        return absolute;
    }

    /// <summary>
    /// Returns <paramref name="url"/> as a local path that is safe to put in a <c>Location</c> header (printable ASCII:
    /// other characters percent-encoded as UTF-8), or <see langword="null"/> when it is not a local path.
    /// </summary>
    /// <remarks>
    /// The value is checked as written and as decoded: <c>/%2F%2Fevil.com</c> is <c>///evil.com</c> to any code that
    /// decodes it once more, <c>/%09/evil.com</c> hides a tab, and <c>/%EF%BC%8F</c> is a fullwidth solidus. A value
    /// still encoded after three rounds, or whose escapes are not well-formed UTF-8 (overlong forms such as
    /// <c>%C0%AF</c>, surrogates, stray bytes), is refused: a lenient decoder could read those as anything.
    /// </remarks>
    public static string? ToHeaderSafe(string? url)
    {
        if (url is null || url.Length == 0 || url[0] != '/')
        {
            return null;
        }

        var encoded = Encode(url);
        if (encoded is null)
        {
            return null;
        }

        var current = encoded;
        for (var round = 0; round < 3; round++)
        {
            if (!HasLocalShape(current))
            {
                return null;
            }

            var decoded = Decode(current);
            if (decoded is null)
            {
                return null;
            }

            if (decoded == current)
            {
                return encoded;
            }

            if (!HasOnlyAllowedCharacters(decoded))
            {
                return null;
            }

            current = decoded;
        }

        return null;
    }

    private static bool HasLocalShape(string url) =>
        StartsWithOneSlash(url) && (url.IndexOf('.') < 0 || StartsWithOneSlash(RemoveDotSegments(url)));

    private static bool StartsWithOneSlash(string url) =>
        url.Length > 0 && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'));

    /// <summary>
    /// The path as a browser resolves it (RFC 3986 §5.2.4, with <c>%2e</c> read as a dot as the URL standard does):
    /// <c>/..//evil.com</c> and <c>/a/../..//evil.com</c> become <c>//evil.com</c>, which is another host to any step
    /// that takes the resolved path as a redirect again.
    /// </summary>
    private static string RemoveDotSegments(string url)
    {
        var end = url.IndexOfAny(['?', '#']);
        var segments = (end < 0 ? url : url.Substring(0, end)).Split('/');
        var kept = new List<string>(segments.Length);
        for (var i = 1; i < segments.Length; i++)
        {
            var segment = segments[i];
            var isLast = i == segments.Length - 1;
            if (IsDots(segment, 1))
            {
                if (isLast)
                {
                    kept.Add(string.Empty);
                }
            }
            else if (IsDots(segment, 2))
            {
                if (kept.Count > 0)
                {
                    kept.RemoveAt(kept.Count - 1);
                }

                if (isLast)
                {
                    kept.Add(string.Empty);
                }
            }
            else
            {
                kept.Add(segment);
            }
        }

        return "/" + string.Join("/", kept);

        static bool IsDots(string segment, int count) =>
            segment.Replace("%2e", ".").Replace("%2E", ".") == (count == 1 ? "." : "..");
    }

    /// <summary>Percent-encodes what may not stand in a URI as it is; <see langword="null"/> at a refused character.</summary>
    private static string? Encode(string url)
    {
        StringBuilder? builder = null;
        for (var i = 0; i < url.Length; i++)
        {
            var c = url[i];
            if (c < 0x80)
            {
                // Browsers drop tab, CR and LF inside URLs and read '\' as '/', which turns "/\t/evil" into "//evil".
                if (c < 0x20 || c == 0x7F || c == '\\')
                {
                    return null;
                }

                var isEscape = c == '%' && i + 2 < url.Length && IsHexDigit(url[i + 1]) && IsHexDigit(url[i + 2]);
                if (!isEscape && IsOutsideUriSyntax(c))
                {
                    builder ??= new StringBuilder(url, 0, i, url.Length + 16);
                    AppendEscaped(builder, (byte)c);
                }
                else
                {
                    builder?.Append(c);
                }

                continue;
            }

            int codePoint;
            if (char.IsHighSurrogate(c) && i + 1 < url.Length && char.IsLowSurrogate(url[i + 1]))
            {
                codePoint = char.ConvertToUtf32(c, url[i + 1]);
            }
            else if (char.IsSurrogate(c))
            {
                return null;
            }
            else
            {
                codePoint = c;
            }

            if (IsRefused(url, i, codePoint))
            {
                return null;
            }

            builder ??= new StringBuilder(url, 0, i, url.Length + 16);
            AppendUtf8Escaped(builder, codePoint);
            if (codePoint > 0xFFFF)
            {
                i++;
            }
        }

        return builder?.ToString() ?? url;
    }

    /// <summary>Whether a decoded value holds only characters a local path may hold.</summary>
    private static bool HasOnlyAllowedCharacters(string decoded)
    {
        for (var i = 0; i < decoded.Length; i++)
        {
            var c = decoded[i];
            if (c < 0x80)
            {
                if (c < 0x20 || c == 0x7F || c == '\\')
                {
                    return false;
                }

                continue;
            }

            // Decode only produces well-formed UTF-16, so a high surrogate here always starts a pair.
            var codePoint = char.IsHighSurrogate(c) ? char.ConvertToUtf32(c, decoded[i + 1]) : c;
            if (IsRefused(decoded, i, codePoint))
            {
                return false;
            }

            if (codePoint > 0xFFFF)
            {
                i++;
            }
        }

        return true;
    }

    /// <summary>
    /// Non-ASCII characters that are refused rather than encoded: C1 controls, invisible format characters (bidi
    /// overrides and isolates, zero-width characters), line and paragraph separators and other spaces, which parsers
    /// trim or display apart from what they are; and characters that read, or normalise, as URL delimiters.
    /// </summary>
    private static bool IsRefused(string text, int index, int codePoint)
    {
        switch (CharUnicodeInfo.GetUnicodeCategory(text, index))
        {
            case UnicodeCategory.Control:
            case UnicodeCategory.Format:
            case UnicodeCategory.LineSeparator:
            case UnicodeCategory.ParagraphSeparator:
            case UnicodeCategory.SpaceSeparator:
            case UnicodeCategory.Surrogate:
                return true;
        }

        if (Array.BinarySearch(SlashLookalikes, codePoint) >= 0)
        {
            return true;
        }

        for (var i = 0; i < DelimiterCompatibilityForms.Length; i += 2)
        {
            if (codePoint < DelimiterCompatibilityForms[i])
            {
                return false;
            }

            if (codePoint <= DelimiterCompatibilityForms[i + 1])
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>ASCII characters RFC 3986 allows nowhere in a URI; '%' counts here when it does not start an escape.</summary>
    private static bool IsOutsideUriSyntax(char c) =>
        c is ' ' or '"' or '%' or '<' or '>' or '^' or '`' or '{' or '|' or '}';

    private static bool IsHexDigit(char c) => c is >= '0' and <= '9' or >= 'A' and <= 'F' or >= 'a' and <= 'f';

    private static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;

    private static void AppendEscaped(StringBuilder builder, byte value)
    {
        const string Hex = "0123456789ABCDEF";
        builder.Append('%').Append(Hex[value >> 4]).Append(Hex[value & 0xF]);
    }

    private static void AppendUtf8Escaped(StringBuilder builder, int codePoint)
    {
        if (codePoint < 0x800)
        {
            AppendEscaped(builder, (byte)(0xC0 | (codePoint >> 6)));
        }
        else if (codePoint < 0x10000)
        {
            AppendEscaped(builder, (byte)(0xE0 | (codePoint >> 12)));
            AppendEscaped(builder, (byte)(0x80 | ((codePoint >> 6) & 0x3F)));
        }
        else
        {
            AppendEscaped(builder, (byte)(0xF0 | (codePoint >> 18)));
            AppendEscaped(builder, (byte)(0x80 | ((codePoint >> 12) & 0x3F)));
            AppendEscaped(builder, (byte)(0x80 | ((codePoint >> 6) & 0x3F)));
        }

        AppendEscaped(builder, (byte)(0x80 | (codePoint & 0x3F)));
    }

    /// <summary>
    /// Decodes every <c>%XX</c> escape once; a '%' that starts no escape stays as it is. <see langword="null"/> when a run
    /// of escapes is not well-formed UTF-8 (RFC 3629: no overlong forms, no surrogates, nothing past U+10FFFF).
    /// </summary>
    private static string? Decode(string text)
    {
        if (text.IndexOf('%') < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            if (!IsEscapeAt(text, i))
            {
                builder.Append(text[i]);
                i++;
                continue;
            }

            var first = EscapedByte(text, i);
            i += 3;
            int length, codePoint, minimum;
            if (first < 0x80)
            {
                builder.Append((char)first);
                continue;
            }
            else if (first is >= 0xC2 and <= 0xDF)
            {
                (length, codePoint, minimum) = (2, first & 0x1F, 0x80);
            }
            else if (first is >= 0xE0 and <= 0xEF)
            {
                (length, codePoint, minimum) = (3, first & 0x0F, 0x800);
            }
            else if (first is >= 0xF0 and <= 0xF4)
            {
                (length, codePoint, minimum) = (4, first & 0x07, 0x10000);
            }
            else
            {
                return null;
            }

            for (var continuation = 1; continuation < length; continuation++)
            {
                if (!IsEscapeAt(text, i))
                {
                    return null;
                }

                var next = EscapedByte(text, i);
                if ((next & 0xC0) != 0x80)
                {
                    return null;
                }

                codePoint = (codePoint << 6) | (next & 0x3F);
                i += 3;
            }

            if (codePoint < minimum || codePoint > 0x10FFFF || codePoint is >= 0xD800 and <= 0xDFFF)
            {
                return null;
            }

            builder.Append(char.ConvertFromUtf32(codePoint));
        }

        return builder.ToString();
    }

    private static bool IsEscapeAt(string text, int index) =>
        index + 2 < text.Length && text[index] == '%' && IsHexDigit(text[index + 1]) && IsHexDigit(text[index + 2]);

    private static int EscapedByte(string text, int index) => (HexValue(text[index + 1]) << 4) | HexValue(text[index + 2]);
}
