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
        ["return: ref int Call() => ref Holder.Value;"] =
            "a ref return is passed as Func<int>: CS8189 in generated code, and no SAUTH0003",
        ["declaration: public ref struct Functions { «inst» }"] =
            "an instance method of a ref struct becomes TTarget: CS9244 in generated code, and no SAUTH0003 (Reachability)",
        ["declaration: file static class Functions { «fn» }"] =
            "a file-local type is named from another file: CS0400 in generated code, and no SAUTH0003 (Reachability)",
        ["declaration: file class Functions { «inst» }"] =
            "a file-local type is named from another file: CS0400 in generated code, and no SAUTH0003 (Reachability)",
        ["declaration: public interface IFunctions { [ServerFunction, AllowAnonymous] static abstract int Call(); }"] =
            "a static abstract interface member is called on the interface: CS8926 in generated code (Reachability)",
        ["declaration: public interface IFunctions { [ServerFunction, AllowAnonymous] static virtual int Call() => 0; }"] =
            "a static virtual interface member is called on the interface: CS8926 in generated code (Reachability)",
        ["declaration: public static class Functions { extension(int value) { [ServerFunction, AllowAnonymous] public int Call() => value; } }"] =
            "a C# 14 extension block member: hint name 'ServerFunctions.Functions..g.cs' and syntax errors in generated code (Names, Reachability)",
        ["declaration: public static class Functions { extension(int) { [ServerFunction, AllowAnonymous] public static int Call() => 0; } }"] =
            "a C# 14 static extension block member: 'Functions.extension(int).Call' written into code, CS1525/CS0117 (Names, Reachability)",
        ["declaration: namespace @class { public static class @event { «fn» } }"] =
            "CS8785: the hint name keeps the '@' of an escaped namespace ('ServerFunctions.@class.event.g.cs'), every function of the project disappears (Names)",
        ["file: session data type with keyword name"] =
            "CS8785: the hint name keeps the '@' of an escaped namespace ('ServerFunctions.@class.Functions.g.cs') (Names)",
        ["declaration: public static class Functions { [ServerFunction, AllowAnonymous, Obsolete(\"old\")] public static int Call() => 0; }"] =
            "an [Obsolete] function: CS0618 warning in generated code (Reachability)",
        ["declaration: public static class Functions { [ServerFunction, AllowAnonymous, Obsolete(\"gone\", error: true)] public static int Call() => 0; }"] =
            "an [Obsolete(error: true)] function: CS0619 error in generated code, no SAUTH0003 (Reachability)",
        ["declaration: public static class Functions { [ServerFunction, AllowAnonymous, System.Diagnostics.CodeAnalysis.Experimental(\"CORPUS001\")] public static int Call() => 0; }"] =
            "an [Experimental] function: its diagnostic id as an error in generated code (Reachability)",
        ["declaration: public static class Functions { [ServerFunction, RequireSession] public static int Call(Other a) => 0; } [SessionData] public sealed record Other(int Id);"] =
            "two [SessionData] types: each SessionData.*.g.cs adds the same [GeneratedCode]-carrying declaration, CS0579 in generated code beside SAUTH0011",
        ["file: two session data types"] =
            "two [SessionData] types: CS0579 duplicate GeneratedCode attribute in SessionData.*.g.cs beside SAUTH0011",
        ["file: global type named like the map file"] =
            "CS8785: a global type Map gets hint name ServerFunctions.Map.g.cs, MapServerFunctions()'s own (Names)",
        ["file: global type named like the endpoints file"] =
            "CS8785: a global type Endpoints gets hint name ServerFunctions.Endpoints.g.cs, the shapes file's own (Names)",
        ["file: global type Map with a nested type"] =
            "CS8785: hint name ServerFunctions.Map.g.cs taken twice (Names)",
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
        new("*", "empty:", "An empty value (p=) for a non-string parameter: minimal APIs bind default(T) (0, false, '\\0', Guid.Empty, 0001-01-01, the first enum member, null for Version) with 200; we answer 400 'required'."),
        new("*", "blank:", "A whitespace-only value (' ', U+2028, a tab): we take it as missing (the default, null, or 400 'required'); minimal APIs parse it as given (a char binds it; numbers, enums, bools, dates answer 400)."),
        new("Enum, NullableEnum, Flags, RouteEnum", "numeric:p", "An integer naming no member (-1, 42, 8, +5): minimal APIs bind it (Enum.TryParse), we answer 400."),
        new("EnumDefault", "numeric:fallback", "An integer naming no member: minimal APIs bind it (Enum.TryParse), we answer 400."),
        new("Multi, FormMulti", "numeric:c", "An integer naming no member: minimal APIs bind it (Enum.TryParse), we answer 400."),
        new("Enum, NullableEnum, Flags, RouteEnum", "value:p", "Enum names: we ignore case ('red', 'GREEN', 'read,write' bind) and refuse a padded number (' 5 '); minimal APIs are case-sensitive (400) and bind ' 5 '."),
        new("EnumDefault", "value:fallback", "Enum names: we ignore case and refuse ' 5 '; minimal APIs are case-sensitive and bind ' 5 '."),
        new("Multi, FormMulti", "value:c", "Enum names: we ignore case and refuse ' 5 '; minimal APIs are case-sensitive and bind ' 5 '."),
        new("DateTime, NullableDateTime", "value:p", "A DateTime given with Z, an offset or as RFC 1123: we bind Kind=Local (converted to local time), minimal APIs Kind=Utc (adjusted to universal time)."),
        new("FormMulti", "value:d", "A DateTime with an offset: we bind Kind=Local, minimal APIs convert it to UTC."),
        new("FormInt, FormString, FormNullable, FormMulti", "via:json", "[FromForm] is not honoured: we bind a JSON body's members; minimal APIs answer 415 to a JSON body for form parameters."),
        new("BodyRecord, BodyInferred", "*", "[FromBody], or a record parameter on POST: minimal APIs read the whole body as the object; we read the member named after the parameter, so the object itself is a 400 and {\"p\":{...}} binds (minimal APIs: default members)."),
        new("FromQueryArray", "*", "[FromQuery] int[] on GET: minimal APIs bind every value of the key (none: an empty array); we look for a JSON body member, so every GET answers 400."),
        new("PostFromQuery", "*", "[FromQuery] on POST is not honoured: we look in the body (400). The minimal API twin answers 500 to every request here (its generated endpoint throws; not investigated)."),
        new("Version", "*", "Version, which minimal APIs bind from the query through its static TryParse: we take it as a JSON body member, so every GET answers 400."),
        new("ReturnsObjectHoldingResult", "*", "An object-typed result holding an IResult: we write the IResult as JSON ({\"value\":...,\"statusCode\":200}); minimal APIs execute it."),
    ];
}
