namespace SessionAuth.Generators.Model;

/// <summary>
/// Names derived from user types (file hint names, generated method names) that must not repeat: joining namespace and
/// type names can make two types look alike, and hint names compare without case, as file systems may. A name already
/// taken gets the first free number, so the result depends only on the order the types come in.
/// </summary>
internal sealed class UniqueNames(StringComparer comparer, params string[] reserved)
{
    private readonly HashSet<string> _taken = new(reserved, comparer);

    /// <summary><paramref name="name"/> followed by <paramref name="suffix"/>, with a number between them when it is taken.</summary>
    public string Take(string name, string suffix = "")
    {
        var candidate = name;
        for (var number = 2; !_taken.Add(candidate + suffix); number++)
        {
            candidate = name + number.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return candidate + suffix;
    }
}

/// <summary>
/// What file hint names and generated identifiers are made of when they are derived from a user's names: a symbol of code
/// that does not parse yet (<c>public static class readonly</c>, as it is typed) is named <c>&lt;invalid-global-code&gt;</c>
/// or not at all, and a hint name with <c>&lt;</c> makes <c>AddSource</c> throw, which fails the generator (CS8785).
/// </summary>
internal static class NameParts
{
    /// <summary>
    /// <paramref name="path"/> (names joined by dots) with every character that cannot be part of an identifier as
    /// <c>_</c>, and every empty name as <c>_</c>: each part an identifier's characters, so the result is both a valid
    /// hint name and, with its dots replaced, the tail of a valid identifier.
    /// </summary>
    public static string Sanitise(string path)
    {
        var parts = path.Split('.');
        var text = new System.Text.StringBuilder(path.Length + 2);
        for (var p = 0; p < parts.Length; p++)
        {
            if (p > 0)
            {
                text.Append('.');
            }

            var part = parts[p];
            if (part.Length == 0)
            {
                text.Append('_');
                continue;
            }

            for (var i = 0; i < part.Length; i++)
            {
                var length = char.IsSurrogatePair(part, i) ? 2 : 1;
                text.Append(IsIdentifierPart(System.Globalization.CharUnicodeInfo.GetUnicodeCategory(part, i)) ? part.Substring(i, length) : "_");
                i += length - 1;
            }
        }

        return text.ToString();
    }

    // C#'s identifier-part-character, without formatting characters (Cf), which are invisible in a file name.
    private static bool IsIdentifierPart(System.Globalization.UnicodeCategory category) => category is
        System.Globalization.UnicodeCategory.UppercaseLetter
        or System.Globalization.UnicodeCategory.LowercaseLetter
        or System.Globalization.UnicodeCategory.TitlecaseLetter
        or System.Globalization.UnicodeCategory.ModifierLetter
        or System.Globalization.UnicodeCategory.OtherLetter
        or System.Globalization.UnicodeCategory.LetterNumber
        or System.Globalization.UnicodeCategory.DecimalDigitNumber
        or System.Globalization.UnicodeCategory.ConnectorPunctuation
        or System.Globalization.UnicodeCategory.NonSpacingMark
        or System.Globalization.UnicodeCategory.SpacingCombiningMark;
}
