using System.Text.Unicode;

namespace SessionAuth.Infrastructure;

/// <summary>
/// Checks the text of a parsed JSON body once, so that reading any string or member name of it later cannot fail.
/// <see cref="System.Text.Json.JsonDocument"/> accepts invalid UTF-8 inside strings and escapes of lone surrogates
/// (<c>"\ud800"</c>) and only throws when such a string is read, which would be in the middle of binding.
/// </summary>
internal static class JsonBodyText
{
    /// <summary>What is wrong with the text of a JSON document, or <see langword="null"/> when every string in it is text.</summary>
    /// <param name="json">The raw UTF-8 of a document that parsed.</param>
    public static string? FindInvalidText(ReadOnlySpan<byte> json)
    {
        if (!Utf8.IsValid(json))
        {
            return "The request body is not valid UTF-8.";
        }

        // In a document that parsed, a backslash only ever starts an escape inside a string, and \u is followed by
        // four hex digits; so walking escape by escape needs no tokenizer.
        var index = json.IndexOf((byte)'\\');
        while (index >= 0 && index < json.Length - 1)
        {
            if (json[index + 1] != (byte)'u')
            {
                index = NextEscape(json, index + 2);
                continue;
            }

            var unit = ReadHex4(json.Slice(index + 2, 4));
            if (char.IsLowSurrogate((char)unit))
            {
                return LoneSurrogate(unit);
            }

            if (char.IsHighSurrogate((char)unit))
            {
                var next = index + 6;
                if (next + 6 > json.Length || json[next] != (byte)'\\' || json[next + 1] != (byte)'u' || !char.IsLowSurrogate((char)ReadHex4(json.Slice(next + 2, 4))))
                {
                    return LoneSurrogate(unit);
                }

                index = NextEscape(json, next + 6);
                continue;
            }

            index = NextEscape(json, index + 6);
        }

        return null;
    }

    private static int NextEscape(ReadOnlySpan<byte> json, int from)
    {
        if (from >= json.Length)
        {
            return -1;
        }

        var offset = json[from..].IndexOf((byte)'\\');
        return offset < 0 ? -1 : from + offset;
    }

    private static int ReadHex4(ReadOnlySpan<byte> hex)
    {
        var value = 0;
        foreach (var digit in hex)
        {
            value = (value << 4) | HexValue(digit);
        }

        return value;
    }

    private static int HexValue(byte digit) => digit switch
    {
        >= (byte)'0' and <= (byte)'9' => digit - '0',
        >= (byte)'a' and <= (byte)'f' => digit - 'a' + 10,
        _ => digit - 'A' + 10,
    };

    private static string LoneSurrogate(int unit) =>
        $"The request body escapes a lone UTF-16 surrogate (\\u{unit:x4}), which is not text.";
}
