using System.Globalization;
using System.Text;
using SessionAuth.Generators.Model;

namespace SessionAuth.Generators.Parsing;

/// <summary>
/// The text format of the models an assembly writes into constants of its map class for the projects that map it
/// (<see cref="ClientModel"/>, <see cref="UndecidedFunctions"/>): each text a length and a colon before it, so no
/// character needs escaping; counts and flags as texts of digits. The reader is total: any text that is not such a model
/// throws <see cref="FormatException"/>, which each model's <c>TryRead</c> turns into "unreadable".
/// </summary>
internal static class ModelText
{
    public sealed class Writer
    {
        private readonly StringBuilder _text = new();

        public void Text(string value) => _text.Append(value.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(value);

        public void Count(int value) => Text(value.ToString(CultureInfo.InvariantCulture));

        public void Flag(bool value) => Text(value ? "1" : "0");

        public override string ToString() => _text.ToString();
    }

    public sealed class Reader(string text)
    {
        private int _at;

        public bool AtEnd => _at == text.Length;

        public string Text()
        {
            var colon = text.IndexOf(':', _at);

            // The length compared with what is left, never added to the colon's index, which would overflow.
            if (colon < 0 || !TryParseNumber(text.Substring(_at, colon - _at), out var length) || length > text.Length - colon - 1)
            {
                throw new FormatException("Not a client model.");
            }

            _at = colon + 1 + length;
            return text.Substring(colon + 1, length);
        }

        public int Count() => TryParseNumber(Text(), out var value) ? value : throw new FormatException("Not a count.");

        /// <summary>A number as the writer writes it: digits, no sign, no leading zero; so one model has one text.</summary>
        private static bool TryParseNumber(string digits, out int value)
        {
            value = 0;
            return (digits.Length == 1 || (digits.Length > 1 && digits[0] != '0'))
                && int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out value);
        }

        public bool Flag() => Count() switch
        {
            0 => false,
            1 => true,
            _ => throw new FormatException("Not a flag."),
        };

        public TEnum Enum<TEnum>()
            where TEnum : struct, System.Enum
        {
            var value = Count();
            return System.Enum.IsDefined(typeof(TEnum), value) ? (TEnum)(object)value : throw new FormatException("Not a " + typeof(TEnum).Name + ".");
        }

        public EquatableArray<T> List<T>(Func<T> item)
            where T : IEquatable<T>
        {
            // Each item takes two characters at least ("0:"): a count beyond that is not one this reader has to try.
            var count = Count();
            if (count > (text.Length - _at) / 2)
            {
                throw new FormatException("A count beyond the text.");
            }

            var items = new List<T>(count);
            for (var i = 0; i < count; i++)
            {
                items.Add(item());
            }

            return items.ToEquatableArray();
        }
    }
}
