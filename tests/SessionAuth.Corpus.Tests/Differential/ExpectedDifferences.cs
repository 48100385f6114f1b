namespace SessionAuth.Corpus.Tests.Differential;

/// <summary>
/// A difference between a server function and its minimal API twin that a run excuses: requests to
/// <paramref name="Function"/> (<c>*</c>: any; several separated by <c>, </c>) that carry <paramref name="Tag"/> (a request tag such as
/// <c>repeated:p</c>, <c>via:json</c>, <c>missing:p</c>, <c>empty:p</c>, <c>blank:p</c>, <c>numeric:p</c>, <c>value:p</c>, <c>body:wrapped</c>; a tag ending in <c>:</c> matches any parameter; <c>*</c>: any request).
/// <paramref name="Readme"/> is how the README's bullet for it begins, in its list of differences.
/// </summary>
internal sealed record Difference(string Function, string Tag, string Readme, string Reason)
{
    public bool Excuses(DifferentialRequest request) =>
        (Function == "*" || Function.Split(", ").Contains(request.Function.Name))
        && (Tag == "*" || request.Tags.Any(t => Tag.EndsWith(':') ? t.StartsWith(Tag, StringComparison.Ordinal) : t == Tag));

    public override string ToString() => $"{Function} [{Tag}]: {Reason}";
}

/// <summary>
/// The differences from minimal APIs that SessionAuth keeps on purpose: together, <see cref="Documented"/>,
/// <see cref="Probed"/> and <see cref="NotSent"/> are the README's list ("Where server functions differ from minimal
/// APIs, on purpose"), bullet for bullet. Every <see cref="Documented"/> entry must still be seen in a run, and every
/// probe a <see cref="Probed"/> entry excuses must still disagree (a difference that went away is a README line to
/// revise). Differences that are bugs live in <see cref="KnownFailures.Bindings"/>.
/// </summary>
internal static class ExpectedDifferences
{
    public static readonly Difference[] Documented =
    [
        new("*", "repeated:", "An argument given twice", "An argument given twice is a 400 naming it; minimal APIs join repeated values with a comma."),
        new("PostSimple", "*", "On verbs with a body, text parameters come from one JSON object", "On verbs with a body, a parameter without an attribute is a JSON member or form field; minimal APIs read it from the query string."),
        new("BodyInferred", "*", "On verbs with a body, text parameters come from one JSON object", "A record parameter without [FromBody] on a verb with a body is the JSON member named like it ({\"order\":{...}}); a minimal API infers [FromBody] and reads the whole body as the object."),
        new("FormClass", "missing:Count", "A `[FromForm]` type binds member by member", "A form with none of a [FromForm] class's fields binds each member's default; minimal APIs answer 400 for an empty form, or bind null to the non-nullable parameter."),
        new("Version, VersionArray", "empty:p", "An empty value (`v=`) for a required parameter whose type is a class", "An empty value (p=) for a required parameter, or an element of an array, of a class type (Version, an IParsable class) is a 400; a minimal API passes null to a parameter or element declared non-nullable."),
        new("Lenient", "missing:p", "A missing optional value takes its default", "A missing optional value takes its default without asking the type's parser; the Request Delegate Generator calls TryParse(null), and binds what a TryParse that accepts null gives."),
        new("ReturnsString", "*", "A value is written as JSON, a `string` too", "A string result is written as JSON; minimal APIs write it as text/plain."),
    ];

    /// <summary>Differences shown by hand-written probes (<see cref="DifferentialTests.Probes"/>): each probe names the entry that excuses it.</summary>
    public static class Probed
    {
        public static readonly Difference DuplicateMember = new("BodyOrder", "*", "A JSON body with a duplicate member", "A duplicate JSON member is a 400, [FromBody] too; a minimal API lets the last one win.");

        public static readonly Difference Charset = new("BodyOrder", "*", "A body whose charset is neither UTF-8", "A charset no reader decodes is a 415, [FromBody] too; a minimal API reads the bytes as UTF-8.");

        public static readonly Difference FormFiles = new("NullableFormFile, FormFiles, FormCollection", "*", "A nullable `IFormFile?` given a URL-encoded form", "An optional file, files or form given a URL-encoded form or no body binds null or empty; a minimal API answers 415, or 500 with no body.");

        public static readonly Difference[] All = [DuplicateMember, Charset, FormFiles];
    }

    /// <summary>
    /// The README's differences no request of the differential test shows, by how their bullets begin, each with why:
    /// refused at compile time (the corpus tests hold those), or a side the twins do not reproduce.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> NotSent = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["`IEnumerable<T>` is the client's list"] = "no differential function takes an IEnumerable<T>: its twin would bind DI's empty list, whatever the request sends",
        ["A form parameter needs no antiforgery token"] = "the twins are mapped with DisableAntiforgery(), so that their binding can be compared at all",
        ["On GET, HEAD, DELETE and OPTIONS, a parameter that is not text"] = "a concrete class is SAUTH0003 at compile time; a twin of an unregistered one would keep the app from starting",
        ["A type that is not `IParsable<T>` and parses only through"] = "bound as any other class: refused on GET (SAUTH0003) or a JSON member, never the same function as its twin's",
        ["An `[AsParameters]` or `[FromForm]` type binds the members its own type declares"] = "inherited members, and [Obsolete] or [Experimental] ones, are SAUTH0003 at compile time",
        ["A member of an `[AsParameters]` type whose type binds itself with a `ParameterInfo`"] = "SAUTH0003 at compile time",
        ["The parameters whose types bind themselves are bound first"] = "only a BindAsync with side effects tells the order apart; both answer 400 for a failure of any",
        ["A `BindAsync` that is `[Obsolete]` or `[Experimental]`"] = "SAUTH0003 at compile time",
        ["An array of a type that binds itself"] = "SAUTH0003 at compile time on GET; a JSON member on other verbs, where the twin's RDG code does not compile",
    };
}
