namespace SessionAuth.Generators.Parsing;

/// <summary>Reads the parameter names of an ASP.NET Core route pattern, enough to decide which arguments bind from the route.</summary>
internal static class RouteTemplate
{
    public static HashSet<string> GetParameterNames(string pattern)
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < pattern.Length; i++)
        {
            if (pattern[i] != '{')
            {
                continue;
            }

            // "{{" is a literal brace.
            if (i + 1 < pattern.Length && pattern[i + 1] == '{')
            {
                i++;
                continue;
            }

            var end = pattern.IndexOf('}', i + 1);
            if (end < 0)
            {
                break;
            }

            var name = pattern.Substring(i + 1, end - i - 1).TrimStart('*');
            var stop = name.IndexOfAny([':', '=', '?']);
            names.Add(stop < 0 ? name : name.Substring(0, stop));
            i = end;
        }

        return names;
    }
}
