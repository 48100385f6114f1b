using SessionAuth.Corpus.Tests.Differential;

namespace SessionAuth.Corpus.Tests;

/// <summary>
/// THE list of corpus shapes the generator fails today, each with what goes wrong. The corpus test fails on a failure
/// not listed here, and also on a listed shape that now holds: remove its line when the fix lands.
/// </summary>
internal static class KnownFailures
{
    public static readonly IReadOnlyDictionary<string, string> Shapes = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["declaration: public static class Functions { extension(int value) { [ServerFunction, AllowAnonymous] public int Call() => value; } }"] =
            "a C# 14 extension block member: hint name 'ServerFunctions.Functions..g.cs' and syntax errors in generated code (Names, Reachability)",
        ["declaration: public static class Functions { extension(int) { [ServerFunction, AllowAnonymous] public static int Call() => 0; } }"] =
            "a C# 14 static extension block member: 'Functions.extension(int).Call' written into code, CS1525/CS0117 (Names, Reachability)",
        ["file: type named like the generated class"] =
            "a user type SessionAuth.Generated.ServerFunctionEndpoints (not partial) collides with the generated class: CS0260/CS0262 in the user's file (Names)",
    };

    /// <summary>
    /// Requests on which a server function binds or answers otherwise than its minimal API twin, and should not
    /// (issue 22, section 2). The differential test fails on a disagreement not excused here or in
    /// <see cref="ExpectedDifferences"/>, and on an entry here that no request needed any more.
    /// </summary>
    public static readonly Difference[] Bindings =
    [
        new("*", "empty:", "An empty value (p=) for a non-string parameter: minimal APIs bind default(T) (0, false, '\\0', Guid.Empty, 0001-01-01, the first enum member, null for Version; [0] for an int[]) with 200; we answer 400 ('required'; for an array element 'not a valid Int32')."),
        new("*", "blank:", "A whitespace-only value (' ', U+2028, a tab): we take it as missing (the default, null, or 400 'required'); minimal APIs parse it as given (a char binds it; numbers, enums, bools, dates answer 400)."),
        new("Enum, NullableEnum, Flags, RouteEnum", "numeric:p", "An integer naming no member (-1, 42, 8, +5): minimal APIs bind it (Enum.TryParse), we answer 400."),
        new("EnumDefault", "numeric:fallback", "An integer naming no member: minimal APIs bind it (Enum.TryParse), we answer 400."),
        new("Multi, FormMulti", "numeric:c", "An integer naming no member: minimal APIs bind it (Enum.TryParse), we answer 400."),
        new("Enum, NullableEnum, Flags, RouteEnum", "value:p", "Enum names: we ignore case ('red', 'GREEN', 'read,write' bind) and refuse a padded number (' 5 '); minimal APIs are case-sensitive (400) and bind ' 5 '."),
        new("EnumDefault", "value:fallback", "Enum names: we ignore case and refuse ' 5 '; minimal APIs are case-sensitive and bind ' 5 '."),
        new("Multi, FormMulti", "value:c", "Enum names: we ignore case and refuse ' 5 '; minimal APIs are case-sensitive and bind ' 5 '."),
        new("AsParameters", "numeric:X-Shade", "An integer naming no member, in an [AsParameters] member: minimal APIs bind it (Enum.TryParse), we answer 400."),
        new("AsParameters", "value:X-Shade", "Enum names in an [AsParameters] member: we ignore case and refuse ' 5 '; minimal APIs are case-sensitive and bind ' 5 '."),
        new("FormRecord", "numeric:Shade", "An integer naming no member, in a [FromForm] record's field: minimal APIs' form mapper binds it, we answer 400."),
        new("FormRecord", "value:Shade", "Enum names in a [FromForm] record's field: we ignore case and refuse ' 5 '; minimal APIs' form mapper is case-sensitive and binds ' 5 '."),
        new("Version", "*", "Version, which minimal APIs bind from the query through its static TryParse: we take it as a JSON body member, so every GET answers 400."),
    ];
}
