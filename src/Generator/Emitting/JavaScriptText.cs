using System.Globalization;
using System.Text;

namespace SessionAuth.Generators.Emitting;

/// <summary>
/// The one path by which a value from user code becomes JavaScript or TypeScript text in the generated client: string
/// literals, property names and binding names. Nothing else writes a user's string into the module or its declarations.
/// </summary>
internal static class JavaScriptText
{
    /// <summary>
    /// Words JavaScript reserves (in strict mode code, as every module is) or gives meaning to as binding names
    /// (<c>eval</c>, <c>arguments</c>): no parameter or <c>const</c> may take them.
    /// </summary>
    public static readonly IReadOnlyCollection<string> ReservedWords = new HashSet<string>(StringComparer.Ordinal)
    {
        "arguments", "await", "break", "case", "catch", "class", "const", "continue", "debugger", "default", "delete", "do",
        "else", "enum", "eval", "export", "extends", "false", "finally", "for", "function", "if", "implements", "import", "in",
        "instanceof", "interface", "let", "new", "null", "package", "private", "protected", "public", "return", "static",
        "super", "switch", "this", "throw", "true", "try", "typeof", "var", "void", "while", "with", "yield",
    };

    /// <summary>
    /// Words TypeScript reads as its own in a type: the names of its types, which no interface or type alias may take
    /// (TS2427), the operators a type may start with, which a type reference of that name would be read as, and <c>as</c>,
    /// which after <c>export type</c> is read as a type-only export's (<c>export type as = ...</c> fails, TS1005).
    /// </summary>
    public static readonly IReadOnlyCollection<string> TypeScriptTypeKeywords = new HashSet<string>(StringComparer.Ordinal)
    {
        "any", "bigint", "boolean", "never", "number", "object", "string", "symbol", "undefined", "unknown", "void",
        "infer", "keyof", "readonly", "unique", "as",
    };

    /// <summary>
    /// A string literal in double quotes. Besides <c>"</c> and <c>\</c>, every character that could end the line, change
    /// the text as it is read, or not survive being written as UTF-8 is escaped as <c>\uXXXX</c>: C0 and C1 controls,
    /// U+2028 and U+2029 (line terminators to older engines and to TypeScript's scanner in comments), and lone surrogates.
    /// </summary>
    public static string StringLiteral(string value)
    {
        var builder = new StringBuilder(value.Length + 2).Append('"');
        for (var i = 0; i < value.Length; i++)
        {
            var character = value[i];
            var pairedSurrogate = (char.IsHighSurrogate(character) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                || (char.IsLowSurrogate(character) && i > 0 && char.IsHighSurrogate(value[i - 1]));
            _ = character switch
            {
                '"' => builder.Append("\\\""),
                '\\' => builder.Append("\\\\"),
                _ when char.IsControl(character) || character is '\u2028' or '\u2029' || (char.IsSurrogate(character) && !pairedSurrogate) =>
                    builder.Append("\\u").Append(((int)character).ToString("x4", CultureInfo.InvariantCulture)),
                _ => builder.Append(character),
            };
        }

        return builder.Append('"').ToString();
    }

    /// <summary>
    /// A property's name as an object type (TypeScript) or a method of an object literal writes it: the name itself when
    /// it is an ASCII identifier name (reserved words are allowed there), its string literal otherwise.
    /// </summary>
    public static string PropertyName(string name) => IsAsciiIdentifierName(name) ? name : StringLiteral(name);

    /// <summary>
    /// The key of a data property in an object literal: as <see cref="PropertyName"/>, except <c>__proto__</c>, which as
    /// <c>__proto__: value</c> (quoted or not) sets the object's prototype instead of adding a property, so it is computed.
    /// </summary>
    public static string DataPropertyKey(string name) => name == "__proto__" ? $"[{StringLiteral(name)}]" : PropertyName(name);

    /// <summary>Whether <paramref name="name"/> is a JavaScript identifier name made of ASCII letters, digits, <c>_</c> and <c>$</c>.</summary>
    public static bool IsAsciiIdentifierName(string name) =>
        name.Length > 0 && !char.IsDigit(name[0]) && name.All(static c => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_' or '$');
}
