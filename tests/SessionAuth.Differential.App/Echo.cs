using System.Collections;
using System.Globalization;

namespace SessionAuth.Differential.App;

/// <summary>What a function bound, each value written with its type so that <c>5</c> and <c>"5"</c> differ, as JSON.</summary>
/// <param name="Bound">One entry per parameter, in order.</param>
public sealed record Echo(IReadOnlyList<string> Bound)
{
    public static Echo Of(params object?[] values) => new(values.Select(Format).ToList());

    public static string Format(object? value) => value switch
    {
        null => "null",
        string text => "string:" + text,
        DateTime dateTime => $"DateTime:{dateTime.ToString("O", CultureInfo.InvariantCulture)}:{dateTime.Kind}",
        DateTimeOffset offset => "DateTimeOffset:" + offset.ToString("O", CultureInfo.InvariantCulture),
        double number => "Double:" + number.ToString("R", CultureInfo.InvariantCulture),
        float number => "Single:" + number.ToString("R", CultureInfo.InvariantCulture),
        IFormattable formattable => $"{value.GetType().Name}:{formattable.ToString(null, CultureInfo.InvariantCulture)}",
        IEnumerable items => "[" + string.Join(", ", items.Cast<object?>().Select(Format)) + "]",
        _ => $"{value.GetType().Name}:{value}",
    };
}
