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
