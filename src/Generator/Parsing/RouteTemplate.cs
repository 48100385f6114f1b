namespace SessionAuth.Generators.Parsing;

/// <summary>Reads the parameter names of an ASP.NET Core route pattern, enough to decide which arguments bind from the route.</summary>
internal static class RouteTemplate
{
    /// <summary>
    /// The pattern as routing compares it: literal segments ignore case and a trailing '/', parameter names do not matter
    /// (<c>/api/{id:int}</c> and <c>/API/{key:int}/</c> match the same requests).
    /// </summary>
    public static string Normalize(string pattern)
    {
        var builder = new System.Text.StringBuilder(pattern.Length);
        for (var i = 0; i < pattern.Length; i++)
        {
            if (pattern[i] == '{' && pattern.IndexOf('}', i + 1) is var end and > 0)
            {
                var parameter = pattern.Substring(i + 1, end - i - 1);
                var constraint = parameter.IndexOfAny([':', '=', '?']);
                builder.Append('{').Append(constraint < 0 ? string.Empty : parameter.Substring(constraint)).Append('}');
                i = end;
            }
            else
            {
                builder.Append(char.ToLowerInvariant(pattern[i]));
            }
        }

        var normalized = builder.ToString().TrimEnd('/');
        return normalized.StartsWith("/", StringComparison.Ordinal) ? normalized : "/" + normalized;
    }

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
