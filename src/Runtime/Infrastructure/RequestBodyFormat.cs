using System.Text;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace SessionAuth.Infrastructure;

/// <summary>
/// What a request body is, decided from its Content-Type before a byte of it is read: JSON (and in which charset),
/// a form, or something server functions do not read. An unknown charset is decided here, without an exception,
/// so that the framework's readers never see one.
/// </summary>
internal readonly struct RequestBodyFormat
{
    // Strict decoders: a byte sequence that is not text in the declared charset is an error (400), never U+FFFD.
    private static readonly Encoding StrictUtf16 = new UnicodeEncoding(bigEndian: false, byteOrderMark: true, throwOnInvalidBytes: true);
    private static readonly Encoding StrictUtf16BigEndian = new UnicodeEncoding(bigEndian: true, byteOrderMark: true, throwOnInvalidBytes: true);
    private static readonly Encoding StrictUtf32 = new UTF32Encoding(bigEndian: false, byteOrderMark: true, throwOnInvalidCharacters: true);
    private static readonly Encoding StrictUtf32BigEndian = new UTF32Encoding(bigEndian: true, byteOrderMark: true, throwOnInvalidCharacters: true);

    private RequestBodyFormat(BodyKind kind, Encoding? jsonEncoding, string? unsupportedCharset)
    {
        Kind = kind;
        JsonEncoding = jsonEncoding;
        UnsupportedCharset = unsupportedCharset;
    }

    /// <summary><see cref="BodyKind.None"/> for a media type server functions do not read.</summary>
    public BodyKind Kind { get; }

    /// <summary>For JSON in another charset than UTF-8, the strict encoding to transcode it from.</summary>
    public Encoding? JsonEncoding { get; }

    /// <summary>The charset parameter when JSON or a form declares one this reader does not decode.</summary>
    public string? UnsupportedCharset { get; }

    /// <summary>
    /// Reads the Content-Type. JSON is <c>application/json</c> or any <c>+json</c> type, in UTF-8 (the default),
    /// UTF-16 or UTF-32 (RFC 4627's encodings); a form is <c>application/x-www-form-urlencoded</c> or
    /// <c>multipart/form-data</c>, in UTF-8 (the default) or US-ASCII: ASP.NET Core's form reader splits fields on
    /// single bytes, so it cannot read UTF-16 or UTF-32, and it reads an unknown charset as UTF-8 without saying so.
    /// </summary>
    public static RequestBodyFormat From(string? contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var mediaType))
        {
            return default;
        }

        var charset = HeaderUtilities.RemoveQuotes(mediaType.Charset);
        if (mediaType.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || mediaType.Suffix.Equals("json", StringComparison.OrdinalIgnoreCase))
        {
            if (StringSegment.IsNullOrEmpty(charset) || charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase))
            {
                return new(BodyKind.Json, null, null);
            }

            var encoding = JsonCharset(charset);
            return encoding is null ? new(BodyKind.Json, null, charset.ToString()) : new(BodyKind.Json, encoding, null);
        }

        if (mediaType.MediaType.Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase)
            || mediaType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            return StringSegment.IsNullOrEmpty(charset) || IsFormCharset(charset)
                ? new(BodyKind.Form, null, null)
                : new(BodyKind.Form, null, charset.ToString());
        }

        return default;
    }

    private static Encoding? JsonCharset(StringSegment charset) =>
        charset.Equals("utf-16", StringComparison.OrdinalIgnoreCase) || charset.Equals("utf-16le", StringComparison.OrdinalIgnoreCase) ? StrictUtf16
        : charset.Equals("utf-16be", StringComparison.OrdinalIgnoreCase) ? StrictUtf16BigEndian
        : charset.Equals("utf-32", StringComparison.OrdinalIgnoreCase) || charset.Equals("utf-32le", StringComparison.OrdinalIgnoreCase) ? StrictUtf32
        : charset.Equals("utf-32be", StringComparison.OrdinalIgnoreCase) ? StrictUtf32BigEndian
        : null;

    private static bool IsFormCharset(StringSegment charset) =>
        charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase)
        || charset.Equals("us-ascii", StringComparison.OrdinalIgnoreCase);
}
