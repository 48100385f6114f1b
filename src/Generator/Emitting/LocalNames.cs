namespace SessionAuth.Generators.Emitting;

/// <summary>Hands out local variable names that clash neither with each other nor with the generated code's own.</summary>
internal sealed class LocalNames
{
    private readonly HashSet<string> _taken = new(StringComparer.Ordinal);

    public LocalNames(params string[] reserved)
    {
        foreach (var name in reserved)
        {
            _taken.Add(name);
        }
    }

    public string Take(string preferred)
    {
        var name = preferred;
        for (var suffix = 2; !_taken.Add(name); suffix++)
        {
            name = preferred + suffix.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return name;
    }
}
