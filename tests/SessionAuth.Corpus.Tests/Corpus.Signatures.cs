namespace SessionAuth.Corpus.Tests;

/// <summary>
/// Signatures at the edges of binding, one line each: nullable parameters with hostile non-null defaults, negative enum values that
/// are not members, types that parse only through an explicitly implemented <c>IParsable&lt;T&gt;</c> or a
/// <c>TryParse</c> with an <c>IFormatProvider</c>, <c>IResult</c> implementations and nested tasks as results, route
/// patterns with complex segments and regular expressions with braces, and params collections on a GET.
/// </summary>
internal static partial class Corpus
{
    /// <summary>A property, not a field: the corpus's other file builds <see cref="All"/> from it while initialising.</summary>
    public static Shape[] Signatures =>
    [
        // nullable parameters whose default is a hostile non-null value
        Whole("nullable double NaN default", "public static class Functions { [ServerFunction(Method = \"GET\"), AllowAnonymous] public static int Call(double? p = double.NaN) => 0; }"),
        Whole("nullable float infinity default", "public static class Functions { [ServerFunction(Method = \"GET\"), AllowAnonymous] public static int Call(float? p = float.NegativeInfinity) => 0; }"),
        Whole("nullable char line separator default", "public static class Functions { [ServerFunction(Method = \"GET\"), AllowAnonymous] public static int Call(char? p = '\\u2028') => 0; }"),
        Whole("nullable decimal max default", "public static class Functions { [ServerFunction(Method = \"GET\"), AllowAnonymous] public static int Call(decimal? p = decimal.MaxValue) => 0; }"),
        Whole("nullable keyword enum default", "public static class Functions { [ServerFunction(Method = \"GET\"), AllowAnonymous] public static int Call(Keywords? p = Keywords.@int) => 0; }"),
        Whole("nullable flags default without member", "public static class Functions { [ServerFunction(Method = \"GET\"), AllowAnonymous] public static int Call(Access? p = (Access)8) => 0; }"),
        Whole("nullable bool false default on POST", "public static class Functions { [ServerFunction, AllowAnonymous] public static int Call(bool? p = false) => 0; }"),
        Whole("nullable Guid default", "public static class Functions { [ServerFunction(Method = \"GET\"), AllowAnonymous] public static int Call(Guid? p = default) => 0; }"),
        Whole("nullable long min default on POST", "public static class Functions { [ServerFunction, AllowAnonymous] public static int Call(long? p = long.MinValue) => 0; }"),

        // enum values that are not members, negative
        Whole("int enum negative non-member default", "public static class Functions { [ServerFunction(Method = \"GET\"), AllowAnonymous] public static int Call(Color p = (Color)(-1)) => 0; }"),
        Whole("nullable int enum negative non-member default", "public static class Functions { [ServerFunction(Method = \"GET\"), AllowAnonymous] public static int Call(Color? p = (Color)(-7)) => 0; }"),
        Whole("enum with negative member default", "public enum Temp { Cold = -10, Hot = 10 } public static class Functions { [ServerFunction(Method = \"GET\"), AllowAnonymous] public static int Call(Temp p = Temp.Cold) => 0; }"),
        Whole("flags enum with negative all-bits member", "[Flags] public enum Bits { None = 0, A = 1, All = ~0 } public static class Functions { [ServerFunction(Method = \"GET\"), AllowAnonymous] public static int Call(Bits p = Bits.All) => 0; }"),
        Whole("enum array with a default of null", "public static class Functions { [ServerFunction(Method = \"GET\"), AllowAnonymous] public static int Call(Color[]? p = null) => 0; }"),

        // types that parse only as IParsable<T> implemented explicitly, or by TryParse with an IFormatProvider
        Whole("IParsable implemented explicitly on GET", "public sealed class Px : IParsable<Px> { static Px IParsable<Px>.Parse(string s, IFormatProvider? f) => new(); static bool IParsable<Px>.TryParse(string? s, IFormatProvider? f, out Px r) { r = new(); return true; } } public static class Functions { [ServerFunction(Method = \"GET\"), AllowAnonymous] public static int Call(Px p) => 0; }"),
        Whole("IParsable struct implemented explicitly, nullable on POST", "public readonly struct Ps : IParsable<Ps> { static Ps IParsable<Ps>.Parse(string s, IFormatProvider? f) => default; static bool IParsable<Ps>.TryParse(string? s, IFormatProvider? f, out Ps r) { r = default; return true; } } public static class Functions { [ServerFunction, AllowAnonymous] public static int Call(Ps? p, Ps[] q) => 0; }"),
        Whole("TryParse with IFormatProvider only on GET", "public sealed class Fmt { public static bool TryParse(string? s, IFormatProvider? provider, out Fmt result) { result = new(); return true; } } public static class Functions { [ServerFunction(Method = \"GET\"), AllowAnonymous] public static int Call(Fmt p, Fmt? q = null) => 0; }"),
        Whole("TryParse with IFormatProvider only from the route", "public readonly struct Fmt { public static bool TryParse(string? s, IFormatProvider? provider, out Fmt result) { result = default; return true; } } public static class Functions { [ServerFunction(\"/f/{p}\", Method = \"GET\"), AllowAnonymous] public static int Call(Fmt p) => 0; }"),
        Whole("TryParse taking ReadOnlySpan only", "public sealed class Spn { public static bool TryParse(ReadOnlySpan<char> s, out Spn result) { result = new(); return true; } } public static class Functions { [ServerFunction, AllowAnonymous] public static int Call(Spn p) => 0; }"),

        // results: IResult implementations and nested tasks
        Whole("IResult implementation result", "public sealed class Teapot : IResult { public Task ExecuteAsync(HttpContext context) { context.Response.StatusCode = 418; return Task.CompletedTask; } } public static class Functions { [ServerFunction, AllowAnonymous] public static Teapot Call() => new(); }"),
        Whole("task of IResult implementation struct", "public readonly struct Teapot : IResult { public Task ExecuteAsync(HttpContext context) => Task.CompletedTask; } public static class Functions { [ServerFunction, AllowAnonymous] public static Task<Teapot> Call() => Task.FromResult(new Teapot()); }"),
        Whole("value task of nullable IResult", "public static class Functions { [ServerFunction, AllowAnonymous] public static ValueTask<IResult?> Call() => ValueTask.FromResult<IResult?>(null); }"),
        Whole("task of async enumerable", "public static class Functions { [ServerFunction, AllowAnonymous] public static Task<IAsyncEnumerable<int>> Call() => Task.FromResult(AsyncEnumerable.Range(0, 2)); }"),
        Whole("value task of tuple", "public static class Functions { [ServerFunction, AllowAnonymous] public static ValueTask<(int A, string B)> Call() => ValueTask.FromResult((1, \"x\")); }"),
        Whole("task of typed results with a generic record", "public sealed record Page<T>(T[] Items); public static class Functions { [ServerFunction, AllowAnonymous] public static Task<Microsoft.AspNetCore.Http.HttpResults.Results<Microsoft.AspNetCore.Http.HttpResults.Ok<Page<Order>>, Microsoft.AspNetCore.Http.HttpResults.NotFound>> Call() => Task.FromResult<Microsoft.AspNetCore.Http.HttpResults.Results<Microsoft.AspNetCore.Http.HttpResults.Ok<Page<Order>>, Microsoft.AspNetCore.Http.HttpResults.NotFound>>(TypedResults.NotFound()); }"),
        Whole("value task of dynamic", "public static class Functions { [ServerFunction, AllowAnonymous] public static ValueTask<dynamic> Call() => ValueTask.FromResult<dynamic>(1); }"),

        // routes: complex segments, regular expressions with braces, catch-alls and constraints on odd types
        Whole("route complex segment", "public static class Functions { [ServerFunction(\"/r/{a}-{b}\", Method = \"GET\"), AllowAnonymous] public static int Call(int a, string b) => a; }"),
        Whole("route file name and extension", "public static class Functions { [ServerFunction(\"/files/{name}.{ext?}\", Method = \"GET\"), AllowAnonymous] public static int Call(string name, string? ext) => 0; }"),
        Whole("route regex with braces", "public static class Functions { [ServerFunction(\"/r/{id:regex(^\\\\d{{3}}$)}\", Method = \"GET\"), AllowAnonymous] public static int Call(int id) => id; }"),
        Whole("route regex with braces and quotes", "public static class Functions { [ServerFunction(\"/r/{code:regex(^[[a-z]]{{2,}}\\\"$)}\", Method = \"GET\"), AllowAnonymous] public static int Call(string code) => 0; }"),
        Whole("route catch-all typed int", "public static class Functions { [ServerFunction(\"/r/{**rest}\", Method = \"GET\"), AllowAnonymous] public static int Call(int rest) => rest; }"),
        Whole("route optional with default and constraint", "public static class Functions { [ServerFunction(\"/r/{id:int:range(1,9)=3}\", Method = \"GET\"), AllowAnonymous] public static int Call(int id) => id; }"),
        Whole("route constraint guid on Guid", "public static class Functions { [ServerFunction(\"/r/{id:guid}\", Method = \"DELETE\"), AllowAnonymous] public static int Call(Guid id) => 0; }"),
        Whole("route optional parameter bound non-nullable", "public static class Functions { [ServerFunction(\"/r/{id?}\", Method = \"GET\"), AllowAnonymous] public static int Call(int id = 4) => id; }"),
        Whole("route parameter name with a dot", "public static class Functions { [ServerFunction(\"/r/{a.b}\", Method = \"GET\"), AllowAnonymous] public static int Call([FromRoute(Name = \"a.b\")] int p) => p; }"),
        Whole("route and a query key differing in case", "public static class Functions { [ServerFunction(\"/r/{id}\", Method = \"GET\"), AllowAnonymous] public static int Call(int id, [FromQuery(Name = \"ID\")] int other) => id; }"),
        Whole("route two functions, complex and plain segment", "public static class Functions { [ServerFunction(\"/c/{a}-{b}\", Method = \"GET\"), AllowAnonymous] public static int One(int a, int b) => a; [ServerFunction(\"/c/{a}\", Method = \"GET\"), AllowAnonymous] public static int Two(string a) => 0; }"),
        Whole("method with two verbs", "public static class Functions { [ServerFunction(Method = \"GET,POST\"), AllowAnonymous] public static int Call(int id) => id; }"),

        // params collections and by-reference parameters on a GET
        Whole("params IEnumerable on GET", "public static class Functions { [ServerFunction(Method = \"GET\"), AllowAnonymous] public static int Call(params IEnumerable<int> ids) => 0; }"),
        Whole("params ReadOnlySpan of string on GET", "public static class Functions { [ServerFunction(Method = \"GET\"), AllowAnonymous] public static int Call(params ReadOnlySpan<string> tags) => tags.Length; }"),
        Whole("params nullable array on GET", "public static class Functions { [ServerFunction(Method = \"GET\"), AllowAnonymous] public static int Call(params int[]? ids) => 0; }"),
        Whole("in parameter on GET", "public static class Functions { [ServerFunction(Method = \"GET\"), AllowAnonymous] public static int Call(in int id, in Guid g) => id; }"),
        Whole("in body parameter", "public static class Functions { [ServerFunction, AllowAnonymous] public static int Call(in Point p) => p.X; }"),
        Whole("ref readonly parameter on GET", "public static class Functions { [ServerFunction(Method = \"GET\"), AllowAnonymous] public static int Call(ref readonly int id) => id; }"),

        // nullable oblivious parameters with null defaults
        Whole("oblivious string and array null defaults", "#nullable disable\npublic static class Functions { [ServerFunction(Method = \"GET\"), AllowAnonymous] public static int Call(string s = null, int[] ids = null, Uri u = null, Version v = null) => 0; }"),
        Whole("oblivious body with null default", "#nullable disable\npublic static class Functions { [ServerFunction, AllowAnonymous] public static int Call(Order o = null, object x = null) => 0; }"),

        // records with primary constructors and required members as bodies and forms
        Whole("required record body", "public sealed record Req { public required int A { get; init; } public required string B { get; init; } } public static class Functions { [ServerFunction, AllowAnonymous] public static int Call(Req r) => r.A; }"),
        Whole("positional record struct in form", "public readonly record struct Pos(int X, int Y = -1); public static class Functions { [ServerFunction, AllowAnonymous] public static int Call([FromForm] Pos p) => p.X; }"),
        Whole("DefaultValue attribute on a parameter", "public static class Functions { [ServerFunction(Method = \"GET\"), AllowAnonymous] public static int Call([System.ComponentModel.DefaultValue(5)] int take = 5) => take; }"),
    ];
}
