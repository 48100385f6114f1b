using System.Globalization;

namespace SessionAuth.Generators.Parsing;

/// <summary>
/// Whether two sets of inline route constraints can both accept one value, the question routing's matcher faces when
/// two endpoints of equal precedence compete for a request. The framework's built-in constraints (<c>int</c>,
/// <c>long</c>, <c>alpha</c>, <c>range(1,10)</c> and the rest of its default constraint map) are evaluated as the
/// framework evaluates them, on sample values drawn from both sides' arguments; a constraint it cannot evaluate (a
/// <c>regex</c>, or one the app registers itself) overlaps only a set of the same constraints.
/// </summary>
internal static class RouteConstraints
{
    private static readonly string[] Samples =
    [
        "0", "1", "-1", "7", "42", "2147483648", "-2147483649", "9223372036854775808", "1.5", "-1.5", "1e3", "1,000",
        "true", "false", "a", "ab", "abc", "Z", "a1", "abcdefghijklmnopqrstuvwxyz", "00000000-0000-0000-0000-000000000000",
        "2020-01-01", "2020-01-01T10:00:00", "x.txt", "-", "NaN",
    ];

    /// <summary>Whether both lists hold the same constraints, in any order; names compare without case, as the constraint map does.</summary>
    public static bool Same(IReadOnlyList<string> a, IReadOnlyList<string> b) =>
        new HashSet<string>(a, StringComparer.OrdinalIgnoreCase).SetEquals(new HashSet<string>(b, StringComparer.OrdinalIgnoreCase));

    /// <summary>Whether some value satisfies every constraint of <paramref name="a"/> and of <paramref name="b"/>.</summary>
    public static bool Overlap(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        if (Same(a, b))
        {
            return true;
        }

        var all = a.Concat(b).Select(Constraint.Parse).ToList();
        if (all.Any(static c => c is null))
        {
            return false;
        }

        return SamplesFor(all!).Any(value => all.All(c => c!.Accepts(value)));
    }

    private static IEnumerable<string> SamplesFor(List<Constraint?> constraints)
    {
        foreach (var sample in Samples)
        {
            yield return sample;
        }

        // Values at and around every bound, as numbers and as lengths.
        foreach (var bound in constraints.SelectMany(static c => c!.Arguments))
        {
            foreach (var near in new[] { bound - 1, bound, bound + 1 })
            {
                yield return near.ToString(CultureInfo.InvariantCulture);
                if (near is > 0 and <= 256)
                {
                    yield return new string('a', (int)near);
                    yield return new string('1', (int)near);
                }
            }
        }
    }

    private sealed class Constraint(string name, long[] arguments)
    {
        public long[] Arguments { get; } = arguments;

        /// <summary>A built-in constraint with its arguments, or <see langword="null"/> for one this cannot evaluate.</summary>
        public static Constraint? Parse(string text)
        {
            var open = text.IndexOf('(');
            var name = (open < 0 ? text : text.Substring(0, open)).ToLowerInvariant();
            var arguments = new List<long>();
            if (open >= 0)
            {
                if (!text.EndsWith(")", StringComparison.Ordinal))
                {
                    return null;
                }

                foreach (var argument in text.Substring(open + 1, text.Length - open - 2).Split(','))
                {
                    if (!long.TryParse(argument, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number))
                    {
                        return null;
                    }

                    arguments.Add(number);
                }
            }

            var arity = name switch
            {
                "int" or "long" or "bool" or "datetime" or "decimal" or "double" or "float" or "guid" or "alpha" or "required" or "file" or "nonfile" => new[] { 0 },
                "min" or "max" or "minlength" or "maxlength" => [1],
                "range" => [2],
                "length" => [1, 2],
                _ => [],
            };
            return arity.Contains(arguments.Count) ? new Constraint(name, arguments.ToArray()) : null;
        }

        public bool Accepts(string value)
        {
            var invariant = CultureInfo.InvariantCulture;
            var isLong = long.TryParse(value, NumberStyles.Integer, invariant, out var number);
            return name switch
            {
                "int" => int.TryParse(value, NumberStyles.Integer, invariant, out _),
                "long" => isLong,
                "bool" => bool.TryParse(value, out _),
                "datetime" => DateTime.TryParse(value, invariant, DateTimeStyles.None, out _),
                "decimal" => decimal.TryParse(value, NumberStyles.Number, invariant, out _),
                "double" => double.TryParse(value, NumberStyles.Float | NumberStyles.AllowThousands, invariant, out _),
                "float" => float.TryParse(value, NumberStyles.Float | NumberStyles.AllowThousands, invariant, out _),
                "guid" => Guid.TryParse(value, out _),
                "alpha" => value.All(static c => c is >= 'a' and <= 'z' or >= 'A' and <= 'Z'),
                "required" => value.Length > 0,
                "file" => IsFileName(value),
                "nonfile" => !IsFileName(value),
                "min" => isLong && number >= Arguments[0],
                "max" => isLong && number <= Arguments[0],
                "range" => isLong && number >= Arguments[0] && number <= Arguments[1],
                "minlength" => value.Length >= Arguments[0],
                "maxlength" => value.Length <= Arguments[0],
                _ => Arguments.Length == 1 ? value.Length == Arguments[0] : value.Length >= Arguments[0] && value.Length <= Arguments[1],
            };
        }

        /// <summary>FileNameRouteConstraint: the last path segment has a '.' with something after it.</summary>
        private static bool IsFileName(string value)
        {
            var lastSegment = value.Substring(value.LastIndexOf('/') + 1);
            var dot = lastSegment.LastIndexOf('.');
            return dot >= 0 && dot < lastSegment.Length - 1;
        }
    }
}
