using System.Globalization;
using System.Text;

namespace SessionAuth.Generators.Parsing;

/// <summary>
/// An ASP.NET Core route pattern, parsed by the rules of the framework's <c>RoutePatternParser</c> and
/// <c>RouteParameterParser</c> (which the generator cannot reference: it targets netstandard2.0). A pattern the framework
/// would refuse when the app maps it is refused here with the framework's reason, so it is a compile-time error instead
/// of an app that does not start; <see cref="IsAmbiguousWith"/> decides, as the framework's matcher does, whether two
/// patterns answer one request with the same precedence.
/// </summary>
internal sealed class RouteTemplate
{
    /// <summary>The most segments routing can rank: its precedence has one decimal digit per segment (RoutePrecedence).</summary>
    public const int MaxSegments = 28;

    private RouteTemplate(List<RouteSegment> segments)
    {
        Segments = segments;
        ParameterNames = new HashSet<string>(
            segments.SelectMany(static s => s.Parts).OfType<RouteParameter>().Select(static p => p.Name),
            StringComparer.OrdinalIgnoreCase);
        Precedence = string.Concat(segments.Select(static s => s.PrecedenceDigit.ToString(CultureInfo.InvariantCulture)));
    }

    public IReadOnlyList<RouteSegment> Segments { get; }

    /// <summary>The route parameters' names; routing compares them without case.</summary>
    public HashSet<string> ParameterNames { get; }

    /// <summary>
    /// The inbound precedence routing ranks the pattern by, one digit per segment: 1 literal, 2 constrained parameter or
    /// complex segment, 3 parameter, 4 constrained catch-all, 5 catch-all. Two endpoints are ambiguous only with equal
    /// precedence: otherwise the lower one wins.
    /// </summary>
    public string Precedence { get; }

    /// <summary>Parses <paramref name="pattern"/>, or says in <paramref name="error"/> why routing would refuse it.</summary>
    public static RouteTemplate? Parse(string pattern, out string? error)
    {
        var parser = new Parser(pattern);
        var segments = parser.Parse();
        error = parser.Error;
        if (segments is not null && segments.Count > MaxSegments)
        {
            error = $"it has {segments.Count} segments, more than the {MaxSegments} routing can rank";
            return null;
        }

        return segments is null ? null : new RouteTemplate(segments);
    }

    /// <summary>
    /// Whether some request path matches both patterns with the same precedence, so that routing could not choose
    /// between two endpoints of one verb (AmbiguousMatchException). Literals compare without case; parameter names,
    /// defaults and optionality do not matter; parameters with constraints overlap when some value satisfies both sides'
    /// constraints (<see cref="RouteConstraints.Overlap"/>).
    /// </summary>
    public bool IsAmbiguousWith(RouteTemplate other)
    {
        if (Precedence != other.Precedence)
        {
            return false;
        }

        for (var i = 0; i < Segments.Count; i++)
        {
            if (!Segments[i].Overlaps(other.Segments[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The pattern as routing sees it, for messages: literals in lower case, parameters without names.</summary>
    public override string ToString() => "/" + string.Join("/", Segments);

    /// <summary>A port of RoutePatternParser: the same states, checks and order of checks, so the same first error.</summary>
    private sealed class Parser(string pattern)
    {
        private readonly HashSet<string> _parameterNames = new(StringComparer.OrdinalIgnoreCase);
        private string _template = pattern;
        private int _index = -1;
        private int _mark;

        public string? Error { get; private set; }

        private char Current => _index >= 0 && _index < _template.Length ? _template[_index] : '\0';

        private bool AtEnd => _index >= _template.Length;

        public List<RouteSegment>? Parse()
        {
            if (_template.StartsWith("~/", StringComparison.Ordinal))
            {
                _template = _template.Substring(2);
            }
            else if (_template.StartsWith("/", StringComparison.Ordinal))
            {
                _template = _template.Substring(1);
            }
            else if (_template.StartsWith("~", StringComparison.Ordinal))
            {
                return Fail("a route cannot start with '~' unless '/' follows it");
            }

            var segments = new List<RouteSegment>();
            while (MoveNext())
            {
                if (Current == '/')
                {
                    return Fail("'/' cannot appear twice in a row: a parameter or a literal must separate them");
                }

                if (!ParseSegment(segments))
                {
                    return null;
                }
            }

            for (var i = 0; i < segments.Count; i++)
            {
                var parts = segments[i].Parts;
                for (var j = 0; j < parts.Count; j++)
                {
                    if (parts[j] is RouteParameter { Kind: RouteParameterKind.CatchAll } && (i != segments.Count - 1 || j != parts.Count - 1))
                    {
                        return Fail("a catch-all parameter can only be the last segment");
                    }
                }
            }

            return segments;
        }

        private List<RouteSegment>? Fail(string error)
        {
            Error = error;
            return null;
        }

        private bool MoveNext() => ++_index < _template.Length;

        private void Back() => _index--;

        private string Capture() => _template.Substring(_mark, _index - _mark);

        private bool ParseSegment(List<RouteSegment> segments)
        {
            var parts = new List<RoutePart>();
            while (true)
            {
                bool parsed;
                if (Current == '{')
                {
                    if (!MoveNext())
                    {
                        return Invalid(MismatchedBrace);
                    }

                    var escaped = Current == '{';
                    Back();
                    parsed = escaped ? ParseLiteral(parts) : ParseParameter(parts);
                }
                else
                {
                    parsed = ParseLiteral(parts);
                }

                if (!parsed)
                {
                    return false;
                }

                if (Current == '/' || AtEnd)
                {
                    break;
                }
            }

            if (!IsSegmentValid(parts))
            {
                return false;
            }

            segments.Add(new RouteSegment(parts));
            return true;
        }

        private bool ParseParameter(List<RoutePart> parts)
        {
            _mark = _index;
            MoveNext();
            while (true)
            {
                if (Current == '{')
                {
                    if (!MoveNext())
                    {
                        return Invalid(MismatchedBrace);
                    }

                    if (Current != '{')
                    {
                        return Invalid("inside a parameter, '{' and '}' must be escaped as '{{' and '}}'");
                    }
                }
                else if (Current == '}')
                {
                    if (!MoveNext() || Current != '}')
                    {
                        break;
                    }
                }

                if (!MoveNext())
                {
                    return Invalid(MismatchedBrace);
                }
            }

            var text = Capture();
            if (text == "{}")
            {
                return Invalid(InvalidName(string.Empty));
            }

            var decoded = text.Substring(1, text.Length - 2).Replace("}}", "}").Replace("{{", "{");
            var parameter = RouteParameter.Parse(decoded);
            if (decoded.StartsWith("*", StringComparison.Ordinal) && decoded.EndsWith("?", StringComparison.Ordinal))
            {
                return Invalid("a catch-all parameter cannot be optional");
            }

            if (parameter.Kind == RouteParameterKind.Optional && parameter.Default is not null)
            {
                return Invalid("an optional parameter cannot have a default value");
            }

            if (parameter.Name.Length == 0 || parameter.Name.IndexOfAny(['/', '{', '}', '?', '*']) >= 0)
            {
                return Invalid(InvalidName(parameter.Name));
            }

            if (!_parameterNames.Add(parameter.Name))
            {
                return Invalid($"the parameter name '{parameter.Name}' appears more than once (names compare without case)");
            }

            parts.Add(parameter);
            return true;
        }

        private bool ParseLiteral(List<RoutePart> parts)
        {
            _mark = _index;
            while (Current != '/')
            {
                if (Current == '{')
                {
                    if (!MoveNext())
                    {
                        return Invalid(MismatchedBrace);
                    }

                    if (Current != '{')
                    {
                        Back();
                        break;
                    }
                }
                else if (Current == '}')
                {
                    if (!MoveNext() || Current != '}')
                    {
                        return Invalid(MismatchedBrace);
                    }
                }

                if (!MoveNext())
                {
                    break;
                }
            }

            var decoded = Capture().Replace("}}", "}").Replace("{{", "{");
            if (decoded.IndexOf('?') >= 0)
            {
                return Invalid($"the literal '{decoded}' contains '?', which a path cannot");
            }

            parts.Add(new RouteLiteral(decoded));
            return true;
        }

        private bool IsSegmentValid(List<RoutePart> parts)
        {
            if (parts.Count > 1 && parts.Any(static p => p is RouteParameter { Kind: RouteParameterKind.CatchAll }))
            {
                return Invalid("a segment with more than one part cannot hold a catch-all parameter");
            }

            for (var i = 0; i < parts.Count; i++)
            {
                if (parts[i] is RouteParameter { Kind: RouteParameterKind.Optional } optional && parts.Count > 1)
                {
                    if (i != parts.Count - 1)
                    {
                        return Invalid($"the optional parameter '{optional.Name}' must end its segment");
                    }

                    if (parts[i - 1] is not RouteLiteral { Content: "." })
                    {
                        return Invalid($"the optional parameter '{optional.Name}' can only follow a period (.) in its segment");
                    }
                }
            }

            for (var i = 1; i < parts.Count; i++)
            {
                if (parts[i] is RouteParameter && parts[i - 1] is RouteParameter)
                {
                    return Invalid("a segment cannot hold two parameters in a row: a '/' or a literal must separate them");
                }
            }

            return true;
        }

        private bool Invalid(string error)
        {
            Error = error;
            return false;
        }

        private const string MismatchedBrace = "a '{' or '}' has no partner; write a literal brace as '{{' or '}}'";

        private static string InvalidName(string name) =>
            $"the parameter name '{name}' is invalid: it must be non-empty and hold none of '{{', '}}', '/', '?' or '*' ('?' may only end it, '*' only start it)";
    }
}

/// <summary>One segment of a route pattern: the text between two '/'.</summary>
internal sealed class RouteSegment(IReadOnlyList<RoutePart> parts)
{
    public IReadOnlyList<RoutePart> Parts { get; } = parts;

    /// <summary>The segment's digit of the route's inbound precedence (see <see cref="RouteTemplate.Precedence"/>).</summary>
    public int PrecedenceDigit => Parts.Count == 1 && Parts[0] is RouteLiteral ? 1
        : Parts.Count > 1 ? 2
        : Parts[0] is RouteParameter parameter ? (parameter.Kind == RouteParameterKind.CatchAll ? 5 : 3) - (parameter.Constraints.Count > 0 ? 1 : 0)
        : 2;

    /// <summary>
    /// Whether some path segment matches both (<paramref name="other"/> has the same precedence digit). A segment of
    /// several parts overlaps only one of the same parts, a conservative answer: two different complex segments can
    /// still match one value, which this does not report.
    /// </summary>
    public bool Overlaps(RouteSegment other)
    {
        if (Parts.Count != other.Parts.Count)
        {
            return false;
        }

        for (var i = 0; i < Parts.Count; i++)
        {
            var overlaps = (Parts[i], other.Parts[i]) switch
            {
                (RouteLiteral a, RouteLiteral b) => string.Equals(a.Content, b.Content, StringComparison.OrdinalIgnoreCase),
                (RouteParameter a, RouteParameter b) => a.Kind == RouteParameterKind.CatchAll == (b.Kind == RouteParameterKind.CatchAll)
                    && (Parts.Count == 1 ? RouteConstraints.Overlap(a.Constraints, b.Constraints) : RouteConstraints.Same(a.Constraints, b.Constraints)),
                _ => false,
            };
            if (!overlaps)
            {
                return false;
            }
        }

        return true;
    }

    public override string ToString() => string.Concat(Parts);
}

internal abstract class RoutePart;

internal sealed class RouteLiteral(string content) : RoutePart
{
    public string Content { get; } = content;

    public override string ToString() => Content.ToLowerInvariant();
}

internal enum RouteParameterKind
{
    Standard,
    Optional,
    CatchAll,
}

/// <summary>A route parameter: <c>{name:constraint(argument)=default}</c>, <c>{name?}</c> or <c>{*name}</c>.</summary>
internal sealed class RouteParameter(string name, RouteParameterKind kind, IReadOnlyList<string> constraints, string? @default) : RoutePart
{
    public string Name { get; } = name;

    public RouteParameterKind Kind { get; } = kind;

    /// <summary>The inline constraints as written: <c>int</c>, <c>range(1,10)</c>.</summary>
    public IReadOnlyList<string> Constraints { get; } = constraints;

    public string? Default { get; } = @default;

    public override string ToString()
    {
        var text = new StringBuilder("{");
        if (Kind == RouteParameterKind.CatchAll)
        {
            text.Append('*');
        }

        foreach (var constraint in Constraints)
        {
            text.Append(':').Append(constraint);
        }

        return text.Append(Kind == RouteParameterKind.Optional || Default is not null ? "?}" : "}").ToString();
    }

    /// <summary>A port of RouteParameterParser.ParseRouteParameter: name, kind, constraints and default of the text inside the braces.</summary>
    public static RouteParameter Parse(string parameter)
    {
        if (parameter.Length == 0)
        {
            return new RouteParameter(string.Empty, RouteParameterKind.Standard, [], null);
        }

        var start = 0;
        var end = parameter.Length - 1;
        var kind = RouteParameterKind.Standard;
        if (parameter.StartsWith("**", StringComparison.Ordinal))
        {
            kind = RouteParameterKind.CatchAll;
            start += 2;
        }
        else if (parameter[0] == '*')
        {
            kind = RouteParameterKind.CatchAll;
            start++;
        }

        if (parameter[end] == '?')
        {
            kind = RouteParameterKind.Optional;
            end--;
        }

        var current = start;
        var name = string.Empty;
        while (current <= end)
        {
            var character = parameter[current];
            if (character is ':' or '=' && current != start)
            {
                // A name may start with ':' or '='; after its first character they start a constraint or default.
                name = parameter.Substring(start, current - start);
                current--;
                break;
            }

            if (current == end)
            {
                name = parameter.Substring(start, current - start + 1);
            }

            current++;
        }

        var constraints = new List<string>();
        current = ParseConstraints(parameter, current, end, constraints);
        var defaultValue = current <= end && parameter[current] == '=' ? parameter.Substring(current + 1, end - current) : null;
        return new RouteParameter(name, kind, constraints, defaultValue);
    }

    private enum State
    {
        Start,
        ParsingName,
        InsideParenthesis,
        End,
    }

    private static int ParseConstraints(string text, int current, int end, List<string> constraints)
    {
        var state = State.Start;
        var start = current;
        do
        {
            char? character = current > end ? null : text[current];
            switch (state)
            {
                case State.Start:
                    switch (character)
                    {
                        case null:
                            state = State.End;
                            break;
                        case ':':
                            state = State.ParsingName;
                            start = current + 1;
                            break;
                        case '(':
                            state = State.InsideParenthesis;
                            break;
                        case '=':
                            state = State.End;
                            current--;
                            break;
                    }

                    break;
                case State.InsideParenthesis:
                    switch (character)
                    {
                        case null:
                            state = State.End;
                            constraints.Add(text.Substring(start, current - start));
                            break;
                        case ')':
                            // A ')' closes the constraint only at the end, or before ':' or '='.
                            char? next = current + 1 > end ? null : text[current + 1];
                            if (next is null or ':' or '=')
                            {
                                constraints.Add(text.Substring(start, current - start + 1));
                                state = next == ':' ? State.Start : State.End;
                                start = current + 1;
                            }

                            break;
                        case ':':
                        case '=':
                            var closing = text.IndexOf(')', current + 1);
                            if (closing == -1)
                            {
                                constraints.Add(text.Substring(start, current - start));
                                if (character == ':')
                                {
                                    state = State.ParsingName;
                                    start = current + 1;
                                }
                                else
                                {
                                    state = State.End;
                                    current--;
                                }
                            }
                            else
                            {
                                current = closing;
                            }

                            break;
                    }

                    break;
                case State.ParsingName:
                    switch (character)
                    {
                        case null:
                        case ':':
                        case '=':
                            if (current - start > 0)
                            {
                                constraints.Add(text.Substring(start, current - start));
                            }

                            if (character is null)
                            {
                                state = State.End;
                            }
                            else if (character == ':')
                            {
                                start = current + 1;
                            }
                            else
                            {
                                state = State.End;
                                current--;
                            }

                            break;
                        case '(':
                            state = State.InsideParenthesis;
                            break;
                    }

                    break;
            }

            current++;
        }
        while (state != State.End);

        return current;
    }
}
