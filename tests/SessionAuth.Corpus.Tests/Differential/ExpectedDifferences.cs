namespace SessionAuth.Corpus.Tests.Differential;

/// <summary>
/// A difference between a server function and its minimal API twin that a run excuses: requests to
/// <paramref name="Function"/> (<c>*</c>: any; several separated by <c>, </c>) that carry <paramref name="Tag"/> (a request tag such as
/// <c>repeated:p</c>, <c>via:json</c>, <c>missing:p</c>, <c>empty:p</c>, <c>blank:p</c>, <c>numeric:p</c>, <c>value:p</c>, <c>body:wrapped</c>; a tag ending in <c>:</c> matches any parameter; <c>*</c>: any request).
/// </summary>
internal sealed record Difference(string Function, string Tag, string Reason)
{
    public bool Excuses(DifferentialRequest request) =>
        (Function == "*" || Function.Split(", ").Contains(request.Function.Name))
        && (Tag == "*" || request.Tags.Any(t => Tag.EndsWith(':') ? t.StartsWith(Tag, StringComparison.Ordinal) : t == Tag));

    public override string ToString() => $"{Function} [{Tag}]: {Reason}";
}

/// <summary>
/// The differences from minimal APIs that SessionAuth keeps on purpose, each documented in the README's "Binding"
/// section. Every entry must still be seen in a run (a difference that went away is a README line to revise).
/// Differences that are bugs live in <see cref="KnownFailures.Bindings"/>.
/// </summary>
internal static class ExpectedDifferences
{
    public static readonly Difference[] Documented =
    [
        new("*", "repeated:", "An argument given twice is a 400 naming it; minimal APIs join repeated values with a comma (README, Binding)."),
        new("PostSimple", "*", "On verbs with a body, a parameter without an attribute is a JSON member or form field; minimal APIs read it from the query string (README, Binding)."),
        new("BodyInferred", "*", "A record parameter without [FromBody] on a verb with a body is the JSON member named like it ({\"order\":{...}}); a minimal API infers [FromBody] and reads the whole body as the object (README, Binding)."),
        new("FormClass", "missing:Count", "A form with none of a [FromForm] class's fields binds each member's default; minimal APIs answer 400 for an empty form, or bind null to the non-nullable parameter (README, Binding)."),
        new("Version, VersionArray", "empty:p", "An empty value (p=) for a required parameter, or an element of an array, of a class type (Version, an IParsable class) is a 400; a minimal API passes null to a parameter or element declared non-nullable (README, Binding)."),
        new("Lenient", "missing:p", "A missing optional value takes its default without asking the type's parser; the Request Delegate Generator calls TryParse(null), and binds what a TryParse that accepts null gives (README, Binding)."),
        new("ReturnsString", "*", "A string result is written as JSON; minimal APIs write it as text/plain (README, What a guarded endpoint answers)."),
    ];
}
