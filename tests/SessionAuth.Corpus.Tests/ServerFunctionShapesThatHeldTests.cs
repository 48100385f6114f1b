namespace SessionAuth.Corpus.Tests;

/// <summary>
/// Shapes tried against the corpus's rules (mapped or refused by name, clean generated code) that held: params
/// collections, in/ref readonly/scoped parameters, struct, interface and abstract declaring types, unusual verbs, route
/// parameters bound elsewhere, catch-alls, complex segments, defaults written as default or new(), void/Task/object/IResult
/// results, delegate, Type and feature parameters, arrays of every element kind from query, header and form, [FromBody]
/// on text and streams, optional and enumerable services, [AsParameters] records, structs, fields, init and required
/// members, hidden and case-folded members, empty binding names, two raw bodies, bodies on GET and DELETE, Obsolete,
/// Experimental, Requires* and platform attributes, partial and extern methods, routes that differ by case, slash,
/// constraint or catch-all, and routes over the client's own files.
/// </summary>
public sealed class ServerFunctionShapesThatHeldTests
{
    private static readonly string[] Sources =
    [
        "public static class Functions { [ServerFunction(Method = \"GET\"), AllowAnonymous] public static int Call(params int[] ids) => ids.Length; }",
        "public static class Functions { [ServerFunction, AllowAnonymous] public static int Call(params List<int> ids) => ids.Count; }",
        "public static class Functions { [ServerFunction(Method = \"GET\"), AllowAnonymous] public static int Call(params IEnumerable<string> ids) => 0; }",
        "public static class Functions { [ServerFunction(Method = \"GET\"), AllowAnonymous] public static int Call(in int id) => id; }",
        "public static class Functions { [ServerFunction(Method = \"GET\"), AllowAnonymous] public static int Call(ref readonly int id) => id; }",
        "public static class Functions { [ServerFunction(Method = \"GET\"), AllowAnonymous] public static int Call(scoped in Point p) => 0; }",
        "public struct Functions { [ServerFunction, AllowAnonymous] public int Call(int id) => id; }",
        "public interface IFunctions { [ServerFunction, AllowAnonymous] int Call(int id) => id; }",
        "public interface IFunctions { [ServerFunction, AllowAnonymous] static int Call(int id) => id; }",
        "public interface IFunctions { [ServerFunction, AllowAnonymous] static virtual int Call(int id) => id; }",
        "public abstract class Functions { [ServerFunction, AllowAnonymous] public abstract int Call(int id); }",
        "public abstract class Functions { [ServerFunction, AllowAnonymous] public virtual int Call(int id) => id; } public sealed class Derived : Functions { public override int Call(int id) => 2; }",
        "public class Functions { [ServerFunction, AllowAnonymous] public virtual int Call(int id) => id; } public sealed class Derived : Functions { [ServerFunction(\"/derived\"), AllowAnonymous] public override int Call(int id) => 2; }",
        "public sealed class Functions { [ServerFunction, AllowAnonymous] public int Call(int id) => id; public Functions(IClock clock) { } }",
        "public static class Functions { [ServerFunction(Method = \"PURGE\"), AllowAnonymous] public static int Call(int id) => id; }",
        "public static class Functions { [ServerFunction(Method = \"CONNECT\"), AllowAnonymous] public static int Call(int id) => id; }",
        "public static class Functions { [ServerFunction(Method = \"TRACE\"), AllowAnonymous] public static int Call(int id) => id; }",
        "public static class Functions { [ServerFunction(Method = \"GET \"), AllowAnonymous] public static int Call(int id) => id; }",
        "public static class Functions { [ServerFunction(Method = \"G\\u00C9T\"), AllowAnonymous] public static int Call(int id) => id; }",
        "public static class Functions { [ServerFunction(\"/x/{id}\", Method = \"GET\"), AllowAnonymous] public static int Call([FromQuery] int id) => id; }",
        "public static class Functions { [ServerFunction(\"/x\", Method = \"GET\"), AllowAnonymous] public static int Call([FromRoute] int id) => id; }",
        "public static class Functions { [ServerFunction(\"/x/{id}\", Method = \"GET\"), AllowAnonymous] public static int Call([FromRoute(Name = \"id\")] int key, int id) => id; }",
        "public static class Functions { [ServerFunction(\"/x/{**rest}\", Method = \"GET\"), AllowAnonymous] public static int Call(int rest) => rest; }",
        "public static class Functions { [ServerFunction(\"/x/{a}-{b}\", Method = \"GET\"), AllowAnonymous] public static int Call(int a, int b) => a; }",
        "public static class Functions { [ServerFunction(\"/x/{id:int}\", Method = \"GET\"), AllowAnonymous] public static int Call(string id) => 0; }",
        "public static class Functions { [ServerFunction(\"/x/{id?}\", Method = \"GET\"), AllowAnonymous] public static int Call(int id) => id; }",
        "public static class Functions { [ServerFunction(\"/x/{id=5}\", Method = \"GET\"), AllowAnonymous] public static int Call(int id) => id; }",
        "public static class Functions { [ServerFunction(\"x/{id}\", Method = \"GET\"), AllowAnonymous] public static int Call(int id) => id; }",
        "public static class Functions { [ServerFunction(\"~/x/{id}\", Method = \"GET\"), AllowAnonymous] public static int Call(int id) => id; }",
        "public static class Functions { [ServerFunction(\"/x/{ID}\", Method = \"GET\"), AllowAnonymous] public static int Call(int id, [FromRoute(Name = \"Id\")] int other) => id; }",
        "public static class Functions { [ServerFunction(Method = \"GET\"), AllowAnonymous] public static int Call(int? p = default, Point? q = default, Color? r = default) => 0; }",
        "public static class Functions { [ServerFunction, AllowAnonymous] public static int Call(Point p = new(), CancellationToken t = new()) => 0; }",
        "public static class Functions { [ServerFunction, AllowAnonymous] public static void Call(int id) { } [ServerFunction(\"/b\"), AllowAnonymous] public static async void Bad(int id) { } }",
        "public static class Functions { [ServerFunction, AllowAnonymous] public static Task Call(int id) => Task.CompletedTask; [ServerFunction(\"/b\"), AllowAnonymous] public static ValueTask B(int id) => default; [ServerFunction(\"/c\"), AllowAnonymous] public static Task<object?> C(int id) => Task.FromResult<object?>(null); }",
        "public static class Functions { [ServerFunction, AllowAnonymous] public static IResult? Call(int id) => null; [ServerFunction(\"/b\"), AllowAnonymous] public static Task<IResult?> B(int id) => Task.FromResult<IResult?>(null); }",
        "public static class Functions { [ServerFunction, AllowAnonymous] public static dynamic Call(int id) => id; }",
        "public static class Functions { [ServerFunction, AllowAnonymous] public static int Call(dynamic p) => 0; }",
        "public static class Functions { [ServerFunction, AllowAnonymous] public static int Call(Func<int> p) => 0; }",
        "public static class Functions { [ServerFunction, AllowAnonymous] public static int Call(Action p) => 0; }",
        "public static class Functions { [ServerFunction, AllowAnonymous] public static Func<int> Call(int id) => () => id; }",
        "public static class Functions { [ServerFunction, AllowAnonymous] public static Type Call(int id) => typeof(int); }",
        "public static class Functions { [ServerFunction, AllowAnonymous] public static int Call(System.Type p) => 0; }",
        "public static class Functions { [ServerFunction, AllowAnonymous] public static int Call(IServiceProvider p) => 0; }",
        "public static class Functions { [ServerFunction, AllowAnonymous] public static int Call(Microsoft.Extensions.Logging.ILogger<Order> p) => 0; }",
        "public static class Functions { [ServerFunction, AllowAnonymous] public static int Call(System.IO.Pipelines.PipeWriter p) => 0; }",
        "public static class Functions { [ServerFunction, AllowAnonymous] public static int Call(Microsoft.AspNetCore.Http.Features.IHttpResponseBodyFeature p) => 0; }",
        "public static class Functions { [ServerFunction, AllowAnonymous] public static int Call(System.Threading.Tasks.Task<int> p) => 0; }",
        "public static class Functions { [ServerFunction, AllowAnonymous] public static int Call(ReadOnlyMemory<byte> p) => 0; }",
        "public static class Functions { [ServerFunction, AllowAnonymous] public static int Call(byte[] p) => 0; }",
        "public static class Functions { [ServerFunction(Method = \"GET\"), AllowAnonymous] public static int Call(byte[] p) => 0; }",
        "public static class Functions { [ServerFunction(Method = \"GET\"), AllowAnonymous] public static int Call(char[] p) => 0; }",
        "public static class Functions { [ServerFunction(Method = \"GET\"), AllowAnonymous] public static int Call(Microsoft.Extensions.Primitives.StringValues p) => 0; }",
        "public static class Functions { [ServerFunction(Method = \"GET\"), AllowAnonymous] public static int Call(string[]? p = null) => 0; }",
        "public static class Functions { [ServerFunction(Method = \"GET\"), AllowAnonymous] public static int Call(int[] p = null!) => 0; }",
        "public static class Functions { [ServerFunction(Method = \"GET\"), AllowAnonymous] public static int Call(System.Collections.Immutable.ImmutableArray<int> p) => 0; }",
        "public static class Functions { [ServerFunction(Method = \"GET\"), AllowAnonymous] public static int Call(HashSet<int> p) => 0; }",
        "public static class Functions { [ServerFunction(Method = \"GET\"), AllowAnonymous] public static int Call(Point[] p) => 0; }",
        "public static class Functions { [ServerFunction(Method = \"GET\"), AllowAnonymous] public static int Call(Sku[] p, Sku? q) => 0; }",
        "public static class Functions { [ServerFunction(Method = \"GET\"), AllowAnonymous] public static int Call(Cart[] p) => 0; }",
        "public static class Functions { [ServerFunction(Method = \"GET\"), AllowAnonymous] public static int Call(Uri[] p, Version?[] q) => 0; }",
        "public static class Functions { [ServerFunction, AllowAnonymous] public static int Call([FromHeader] int[] p, [FromHeader(Name = \"X-A\")] string[] q) => 0; }",
        "public static class Functions { [ServerFunction, AllowAnonymous] public static int Call([FromForm] int[] p, [FromForm] string?[] q, [FromForm] Color[] r) => 0; }",
        "public static class Functions { [ServerFunction, AllowAnonymous] public static int Call([FromForm] Order o, [FromForm] Point pt) => 0; }",
        "public static class Functions { [ServerFunction, AllowAnonymous] public static int Call([FromForm] Dictionary<string, string> d) => 0; }",
        "public static class Functions { [ServerFunction, AllowAnonymous] public static int Call([FromForm] List<Order> d) => 0; }",
        "public static class Functions { [ServerFunction, AllowAnonymous] public static int Call([FromBody] int p) => 0; }",
        "public static class Functions { [ServerFunction, AllowAnonymous] public static int Call([FromBody] string? p) => 0; }",
        "public static class Functions { [ServerFunction, AllowAnonymous] public static int Call([FromBody] Stream p) => 0; }",
        "public static class Functions { [ServerFunction, AllowAnonymous] public static int Call([FromBody(EmptyBodyBehavior = Microsoft.AspNetCore.Mvc.ModelBinding.EmptyBodyBehavior.Allow)] Order p) => 0; }",
        "public static class Functions { [ServerFunction, AllowAnonymous] public static int Call([FromServices] IClock? c = null) => 0; }",
        "public static class Functions { [ServerFunction, AllowAnonymous] public static int Call([FromServices] IEnumerable<IClock> c) => 0; }",
        "public static class Functions { [ServerFunction, AllowAnonymous] public static int Call([FromServices] Func<IClock> c) => 0; }",
        "public static class Functions { [ServerFunction, AllowAnonymous] public static int Call([FromKeyedServices(\"k\")] IClock? c = null) => 0; }",
        "public static class Functions { [ServerFunction, AllowAnonymous] public static int Call([FromKeyedServices(\"k\")] IEnumerable<IClock> c) => 0; }",
        "public static class Functions { [ServerFunction, AllowAnonymous] public static int Call([ServiceKey] string k) => 0; }",
        "public static class Functions { [ServerFunction(Method = \"GET\"), AllowAnonymous] public static int Call([AsParameters] Point p) => 0; }",
        "public static class Functions { [ServerFunction(Method = \"GET\"), AllowAnonymous] public static int Call([AsParameters] Point? p) => 0; }",
        "public static class Functions { [ServerFunction(Method = \"GET\"), AllowAnonymous] public static int Call([AsParameters] Filter p, [AsParameters] Filter q) => 0; }",
        "public static class Functions { [ServerFunction(Method = \"GET\"), AllowAnonymous] public static int Call([AsParameters] Order p) => 0; }",
        "public sealed record Query(int Take, [property: FromQuery(Name = \"q\")] string? Term); public static class Functions { [ServerFunction(Method = \"GET\"), AllowAnonymous] public static int Call([AsParameters] Query p) => 0; }",
        "public sealed record Query([FromQuery(Name = \"q\")] string? Term, int Take = 10); public static class Functions { [ServerFunction(Method = \"GET\"), AllowAnonymous] public static int Call([AsParameters] Query p) => 0; }",
        "public sealed class Query { public int Take { get; init; } public required string Term { get; init; } } public static class Functions { [ServerFunction(Method = \"GET\"), AllowAnonymous] public static int Call([AsParameters] Query p) => 0; }",
        "public sealed class Query { public int Take; public string? Term; } public static class Functions { [ServerFunction(Method = \"GET\"), AllowAnonymous] public static int Call([AsParameters] Query p) => 0; }",
        "public sealed class Query { public int Take { get; private set; } public string? Term { get; set; } } public static class Functions { [ServerFunction(Method = \"GET\"), AllowAnonymous] public static int Call([AsParameters] Query p) => 0; }",
        "public sealed class Query { public int this[int i] { get => i; set { } } public string? Term { get; set; } } public static class Functions { [ServerFunction(Method = \"GET\"), AllowAnonymous] public static int Call([AsParameters] Query p) => 0; }",
        "public sealed class Query { public static int Shared { get; set; } public string? Term { get; set; } } public static class Functions { [ServerFunction(Method = \"GET\"), AllowAnonymous] public static int Call([AsParameters] Query p) => 0; }",
        "public abstract class QueryBase { public string? Term { get; set; } } public sealed class Query : QueryBase { public new int Term { get; set; } } public static class Functions { [ServerFunction(Method = \"GET\"), AllowAnonymous] public static int Call([AsParameters] Query p) => 0; }",
        "public sealed class Query { public string? Term { get; set; } public string? term { get; set; } } public static class Functions { [ServerFunction(Method = \"GET\"), AllowAnonymous] public static int Call([AsParameters] Query p) => 0; }",
        "public sealed class Query { [FromQuery(Name = \"t\")] public string? A { get; set; } [FromQuery(Name = \"t\")] public string? B { get; set; } } public static class Functions { [ServerFunction(Method = \"GET\"), AllowAnonymous] public static int Call([AsParameters] Query p) => 0; }",
        "public static class Functions { [ServerFunction(Method = \"GET\"), AllowAnonymous] public static int Call(int p, [FromQuery(Name = \"p\")] int q) => 0; }",
        "public static class Functions { [ServerFunction(Method = \"GET\"), AllowAnonymous] public static int Call([FromQuery(Name = \"\")] int p) => 0; }",
        "public static class Functions { [ServerFunction(Method = \"GET\"), AllowAnonymous] public static int Call([FromHeader(Name = \"\")] string? p) => 0; }",
        "public static class Functions { [ServerFunction, AllowAnonymous] public static int Call([FromForm(Name = \"\")] string? p) => 0; }",
        "public static class Functions { [ServerFunction(Method = \"GET\"), AllowAnonymous] public static int Call([FromQuery, FromHeader] string? p) => 0; }",
        "public static class Functions { [ServerFunction(Method = \"GET\"), AllowAnonymous] public static int Call([FromQuery, FromServices] IClock p) => 0; }",
        "public static class Functions { [ServerFunction, AllowAnonymous] public static int Call([FromBody] Order a, IFormFile f) => 0; }",
        "public static class Functions { [ServerFunction, AllowAnonymous] public static int Call(Order a, [FromForm] string f) => 0; }",
        "public static class Functions { [ServerFunction, AllowAnonymous] public static int Call(Stream a, IFormFile f) => 0; }",
        "public static class Functions { [ServerFunction, AllowAnonymous] public static int Call(Stream a, Stream b) => 0; }",
        "public static class Functions { [ServerFunction, AllowAnonymous] public static int Call(Stream a, System.IO.Pipelines.PipeReader b) => 0; }",
        "public static class Functions { [ServerFunction(Method = \"GET\"), AllowAnonymous] public static int Call(IFormFile f) => 0; }",
        "public static class Functions { [ServerFunction(Method = \"GET\"), AllowAnonymous] public static int Call(Order o) => 0; }",
        "public static class Functions { [ServerFunction(Method = \"DELETE\"), AllowAnonymous] public static int Call(Order o) => 0; }",
        "public static class Functions { [ServerFunction(Method = \"GET\"), AllowAnonymous] public static int Call(Stream s) => 0; }",
        "[System.Diagnostics.CodeAnalysis.Experimental(\"EX1\")] public static class Functions { [ServerFunction, AllowAnonymous] public static int Call(int id) => id; }",
        "[System.Obsolete(\"old\")] public static class Functions { [ServerFunction, AllowAnonymous] public static int Call(int id) => id; }",
        "[System.Obsolete(\"old\", DiagnosticId = \"OLD1\")] public static class Functions { [ServerFunction, AllowAnonymous] public static int Call(int id) => id; }",
        "public static class Functions { [ServerFunction, AllowAnonymous] [System.Diagnostics.CodeAnalysis.Experimental(\"EX1\", UrlFormat = \"https://x/{0}\")] public static int Call(int id) => id; }",
        "public static class Functions { [ServerFunction, AllowAnonymous] [System.Diagnostics.CodeAnalysis.RequiresUnreferencedCode(\"x\")] public static int Call(int id) => id; }",
        "public static class Functions { [ServerFunction, AllowAnonymous] [System.Diagnostics.CodeAnalysis.RequiresDynamicCode(\"x\")] public static int Call(int id) => id; }",
        "public static class Functions { [ServerFunction, AllowAnonymous] [System.Runtime.Versioning.SupportedOSPlatform(\"windows\")] public static int Call(int id) => id; }",
        "public static class Functions { [ServerFunction, AllowAnonymous] [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)] public static extern int Call(int id); }",
        "public static partial class Functions { [ServerFunction, AllowAnonymous] public static partial int Call(int id); public static partial int Call(int id) => id; }",
        "public static partial class Functions { [ServerFunction, AllowAnonymous] static partial void Call(int id); }",
        "public static class Functions { [ServerFunction, AllowAnonymous] public static unsafe int Call(int id) => id; }",
        "public static class Functions { [ServerFunction, AllowAnonymous] public static int Call(int id) => id; [ServerFunction(\"/_server/Functions/Call\", Method = \"PUT\"), AllowAnonymous] public static int Put(int id) => id; }",
        "public static class Functions { [ServerFunction(\"/a\"), AllowAnonymous] public static int Call(int id) => id; [ServerFunction(\"/A\"), AllowAnonymous] public static int Other(int id) => id; }",
        "public static class Functions { [ServerFunction(\"/a/\"), AllowAnonymous] public static int Call(int id) => id; [ServerFunction(\"/a\"), AllowAnonymous] public static int Other(int id) => id; }",
        "public static class Functions { [ServerFunction(\"/a/{id:int}\"), AllowAnonymous] public static int Call(int id) => id; [ServerFunction(\"/a/{id:long}\"), AllowAnonymous] public static int Other(long id) => 0; }",
        "public static class Functions { [ServerFunction(\"/a/{x}\"), AllowAnonymous] public static int Call(string x) => 0; [ServerFunction(\"/a/{**y}\"), AllowAnonymous] public static int Other(string y) => 0; }",
        "public static class Functions { [ServerFunction(\"/a/{x}\"), AllowAnonymous] public static int Call(string x) => 0; [ServerFunction(\"/a/{x}.{y?}\"), AllowAnonymous] public static int Other(string x, string? y) => 0; }",
        "public static class Functions { [ServerFunction(\"/a/{x}/b\"), AllowAnonymous] public static int Call(string x) => 0; [ServerFunction(\"/a/{y}/b\"), AllowAnonymous] public static int Other(string y) => 0; }",
        "public static class Functions { [ServerFunction(\"/a/%7Bx%7D\"), AllowAnonymous] public static int Call(int id) => 0; }",
        "public static class Functions { [ServerFunction(\"/a?b=1\"), AllowAnonymous] public static int Call(int id) => 0; }",
        "public static class Functions { [ServerFunction(\"/a#b\"), AllowAnonymous] public static int Call(int id) => 0; }",
        "public static class Functions { [ServerFunction(\"/a b\"), AllowAnonymous] public static int Call(int id) => 0; }",
        "public static class Functions { [ServerFunction(\"/a\\\\b\"), AllowAnonymous] public static int Call(int id) => 0; }",
        "public static class Functions { [ServerFunction(\"//a\"), AllowAnonymous] public static int Call(int id) => 0; }",
        "public static class Functions { [ServerFunction(\"/_server/client.js\", Method = \"GET\"), AllowAnonymous] public static int Call(int id) => 0; }",
        "public static class Functions { [ServerFunction(\"/_server/client.d.ts\", Method = \"GET\"), AllowAnonymous] public static int Call(int id) => 0; }",
        "public static class client { [ServerFunction(Method = \"GET\"), AllowAnonymous] public static int js(int id) => 0; }",
        "public static class Functions { [ServerFunction(\"/{**all}\", Method = \"GET\"), AllowAnonymous] public static int Call(string all) => 0; }",
    ];

    /// <summary>
    /// Each is mapped or refused by name with clean generated code. Shapes of one static class <c>Functions</c> on
    /// default routes share compilations (renamed apart, as the corpus's are); the rest are compiled alone.
    /// </summary>
    [Fact]
    public void Each_shape_is_mapped_or_refused_by_name_with_clean_generated_code()
    {
        var shapes = Sources.Select(static (source, i) => SharesACompilation(source)
            ? new Shape($"held: {i}", source, Template: source.Replace("class Functions", $"class {Shape.TypeToken}", StringComparison.Ordinal))
            : new Shape($"held: {i}", source)).ToList();

        var verdicts = CorpusTests.CheckAll(shapes, out _);

        var failing = shapes.Where(s => verdicts[s.Id].Count > 0).Select(s => $"{s.Source}\n  - {string.Join("\n  - ", verdicts[s.Id])}").ToList();
        Assert.True(failing.Count == 0, $"{failing.Count} shapes fail:\n" + string.Join("\n", failing));
    }

    /// <summary>One type, <c>Functions</c>, and no route of its own: renamed, it cannot clash with the shapes beside it.</summary>
    private static bool SharesACompilation(string source) =>
        source.StartsWith("public static class Functions {", StringComparison.Ordinal)
        && !source.Contains("ServerFunction(\"", StringComparison.Ordinal)
        && System.Text.RegularExpressions.Regex.Count(source, @"\b(class|struct|record|interface|enum|delegate)\b") == 1;
}
