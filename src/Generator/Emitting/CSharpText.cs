using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace SessionAuth.Generators.Emitting;

/// <summary>
/// The one path by which a value from user code becomes C# text: literals and constants, identifiers, and text inside
/// comments and XML doc comments. Nothing else writes a user's string or value into generated code.
/// </summary>
internal static class CSharpText
{
    /// <summary>
    /// A <c>string[]</c> of <paramref name="items"/> (code, already literals or locals), written as C# 9 writes it: a
    /// collection expression would need C# 12, and generated code compiles at every language version from
    /// <see cref="Parsing.LanguageVersions.Minimum"/>.
    /// </summary>
    public static string StringArray(IReadOnlyCollection<string> items) =>
        items.Count == 0 ? "global::System.Array.Empty<string>()" : $"new string[] {{ {string.Join(", ", items)} }}";

    /// <summary>A string literal; every control, format and line-ending character (U+0085, U+2028, U+2029 too) is escaped.</summary>
    public static string Literal(string value) => SymbolDisplay.FormatLiteral(value, quote: true);

    /// <summary>A char literal; '\0', lone surrogates and other unprintable characters are escaped.</summary>
    public static string Literal(char value) => SymbolDisplay.FormatLiteral(value, quote: true);

    /// <summary>
    /// A compile-time value (a parameter default) as an expression of its own type: <c>1</c>, <c>"name"</c>,
    /// <c>global::System.Double.NaN</c>, <c>new global::System.DateTime(...)</c>; <see langword="null"/> when the value
    /// has no C# form, which callers refuse rather than guess.
    /// </summary>
    public static string? Constant(object value) => value switch
    {
        string text => Literal(text),
        char character => Literal(character),
        bool flag => flag ? "true" : "false",
        float number when float.IsNaN(number) => "global::System.Single.NaN",
        float number when float.IsPositiveInfinity(number) => "global::System.Single.PositiveInfinity",
        float number when float.IsNegativeInfinity(number) => "global::System.Single.NegativeInfinity",
        float number => number.ToString("R", CultureInfo.InvariantCulture) + "f",
        double number when double.IsNaN(number) => "global::System.Double.NaN",
        double number when double.IsPositiveInfinity(number) => "global::System.Double.PositiveInfinity",
        double number when double.IsNegativeInfinity(number) => "global::System.Double.NegativeInfinity",
        double number => number.ToString("R", CultureInfo.InvariantCulture) + "d",
        decimal number => number.ToString(CultureInfo.InvariantCulture) + "m",
        DateTime time => $"new global::System.DateTime({time.Ticks.ToString(CultureInfo.InvariantCulture)}L, global::System.DateTimeKind.{time.Kind})",
        sbyte or byte or short or ushort or int => Convert.ToString(value, CultureInfo.InvariantCulture),
        uint number => number.ToString(CultureInfo.InvariantCulture) + "u",
        long number => number == long.MinValue ? "global::System.Int64.MinValue" : number.ToString(CultureInfo.InvariantCulture) + "L",
        ulong number => number.ToString(CultureInfo.InvariantCulture) + "UL",
        _ => null,
    };

    /// <summary>The name as an identifier: a keyword gets an <c>@</c>.</summary>
    public static string Identifier(string name) =>
        SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;

    /// <summary>Text for a <c>///</c> doc comment: one line, with XML's special characters escaped.</summary>
    public static string XmlText(string text) => OneLine(text).Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

    /// <summary>
    /// Text for a <c>//</c> comment: one line, whatever it holds. Every character C# ends a line at (CR, LF, U+0085,
    /// U+2028, U+2029) and every other control character is written as its <c>\uXXXX</c> escape, so the comment
    /// cannot end early and the reader still sees what was there.
    /// </summary>
    public static string OneLine(string text)
    {
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var character = text[i];
            var pairedSurrogate = char.IsHighSurrogate(character) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])
                || char.IsLowSurrogate(character) && i > 0 && char.IsHighSurrogate(text[i - 1]);
            if (char.IsControl(character) || character is '\u2028' or '\u2029' || (char.IsSurrogate(character) && !pairedSurrogate))
            {
                builder.Append("\\u").Append(((int)character).ToString("X4", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(character);
            }
        }

        return builder.ToString();
    }
}
