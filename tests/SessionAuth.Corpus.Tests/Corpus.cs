namespace SessionAuth.Corpus.Tests;

/// <summary>One corpus entry: an id that names it in failures and in <see cref="KnownFailures"/>, and a complete C# file.</summary>
/// <param name="Id">Unique; <c>table: entry</c>.</param>
/// <param name="Source">The shape's file, compiled beside <see cref="ShapeCompiler.Prelude"/> unless <paramref name="Prelude"/> is false.</param>
/// <param name="Prelude">Whether the shape sees the prelude's usings, session data type and helper types.</param>
/// <param name="Executable">Whether the shape is a program (top-level statements) rather than a library.</param>
/// <param name="Template">
/// For a shape that declares one type, <c>Functions</c>, which may be renamed: its file with <c>«type»</c> for that
/// name, so that many such shapes can share one compilation.
/// </param>
internal sealed record Shape(string Id, string Source, bool Prelude = true, bool Executable = false, string? Template = null)
{
    public const string TypeToken = "«type»";

    public override string ToString() => Id;
}

/// <summary>
/// The server-function shapes real code contains, as tables of one line each. Add a line to try a shape: it must
/// compile on its own, and then the generator must either map each of its server functions or refuse it with a SAUTH
/// error that names it. Parameters are tried on GET and POST; the other tables are whole declarations.
/// </summary>
internal static partial class Corpus
{
    /// <summary>Parameter declarations, each named <c>p</c> (the random signatures rename it).</summary>
    public static readonly string[] Parameters =
    [
        // text: string, numbers, enums, IParsable types; required, nullable, with defaults
        "string p", "string? p", "string p = \"x\"", "string? p = null", "string? p = \"x\"",
        "int p", "int? p", "int p = 5", "int? p = null", "int? p = 20", "int p = default",
        "long p", "long p = long.MinValue", "short p", "byte p", "sbyte p", "uint p", "ulong p = ulong.MaxValue", "ushort p",
        "float p", "float p = float.NaN", "float p = float.MinValue", "double p", "double p = double.NaN",
        "double p = double.PositiveInfinity", "double p = double.NegativeInfinity", "double p = -0.0", "double p = 1e300",
        "decimal p", "decimal p = 1.5m", "decimal p = decimal.MaxValue", "decimal p = -0.0001m", "decimal? p = null",
        "bool p", "bool p = true", "bool? p",
        "char p", "char p = '\\''", "char p = '\\\\'", "char p = '\\u2028'", "char p = '\\0'", "char p = '\"'", "char p = '\\uD800'",
        "string p = \"quote\\\"s\"", "string p = \"line\\nbreak\\r\"", "string p = \"\\u2028sep\\u2029\"", "string p = \"*/ /* // \"",
        "string p = \"{0}{{}}\"", "string p = \"\\\\\"", "string p = \"\\0\"", "string p = @\"verbatim \"\"quoted\"\"\"", "string p = \"\"",
        "string p = \"\\uD83D\\uDE00 \\uD800\"",
        "Guid p", "Guid? p", "Guid p = default", "DateTime p", "DateTime? p", "DateTimeOffset p", "DateOnly p", "TimeOnly p", "TimeSpan p",
        "TimeSpan p = default", "Half p", "Int128 p", "UInt128 p", "System.Numerics.BigInteger p", "nint p", "nuint p", "Version p",
        "Version? p", "System.Net.IPAddress p", "Uri p", "Uri? p",
        "Color p", "Color? p", "Color p = Color.Green", "Color p = (Color)42", "Color? p = null", "Color? p = Color.Red",
        "Access p", "Access p = Access.Read | Access.Write", "Access p = (Access)8", "Keywords p", "Keywords p = Keywords.@class",
        "Keywords p = Keywords.@default",
        "[System.Runtime.InteropServices.Optional, System.Runtime.InteropServices.DefaultParameterValue(5)] int p",
        "[System.Runtime.InteropServices.Optional] int p",
        "[System.Runtime.InteropServices.Optional, System.Runtime.CompilerServices.DateTimeConstant(630822816000000000)] DateTime p",
        "[System.Runtime.InteropServices.Optional, System.Runtime.CompilerServices.DecimalConstant(2, 0, 0u, 0u, 12345u)] decimal p",

        // from the request and the session
        "HttpContext p", "HttpRequest p", "HttpResponse p", "CancellationToken p", "System.Security.Claims.ClaimsPrincipal p",
        "Session<UserSession> p", "Session p", "UserSession? p", "UserSession p", "CancellationToken p = default",

        // bodies, services, collections and the rest
        "Order p", "Order? p", "Order? p = null", "Basket p", "Point p", "Point? p", "Point p = default", "object p", "object? p",
        "int[] p", "int[]? p", "string[] p", "string?[] p", "List<int> p", "IEnumerable<int> p", "IReadOnlyList<string> p",
        "Dictionary<string, int> p", "(int A, string B) p", "IClock p", "IClock? p", "Repository p", "Catalog p", "Catalog? p",
        "IFormFile p", "IFormFile? p", "IFormFileCollection p", "IFormCollection p", "Stream p", "System.IO.Pipelines.PipeReader p",
        "byte[] p", "IServiceProvider p", "ILogger<Order> p", "dynamic p",

        // ASP.NET Core's binding attributes
        "[FromQuery] int p", "[FromQuery(Name = \"q\")] int p", "[FromQuery] int[] p", "[FromQuery] string[]? p", "[FromHeader] string p",
        "[FromHeader(Name = \"X-Value\")] string? p", "[FromBody] Order p", "[FromBody] Order? p", "[FromBody] int p", "[FromForm] string p",
        "[FromForm(Name = \"f\")] int p", "[FromForm] Order p", "[FromServices] IClock p", "[FromServices] IClock? p",
        "[FromServices] Catalog p", "[FromKeyedServices(\"k\")] IClock p", "[AsParameters] Point p", "[FromRoute] int p",

        // [AsParameters] and complex [FromForm]: members bound one by one, or refused as minimal APIs refuse them
        "[AsParameters] Order p", "[AsParameters] Filter p", "[AsParameters] Contact p", "[AsParameters] Basket p", "[AsParameters] Point? p",
        "[AsParameters] Repository p", "[AsParameters] IClock p", "[AsParameters] Nested p", "[AsParameters] WithSession p",
        "[AsParameters] Ambiguous p", "[AsParameters] Catalog p", "[AsParameters] UserSession p", "[AsParameters] int p",
        "[FromForm] Contact p", "[FromForm] Point p", "[FromForm] Basket p", "[FromForm] Order? p", "[FromForm] Filter p",
        "[FromForm(Name = \"c\")] Contact p", "[FromForm] Repository p", "[FromForm] Ambiguous p", "[AsParameters] Retiring p",
        "[FromForm] Retiring p",

        // types parsed only by their own TryParse (Sku, Version), nullable, and arrays of nullable or TryParse elements
        "Sku p", "Sku? p", "Sku p = default", "Sku? p = null", "Sku[] p", "Sku?[] p", "[FromQuery] Sku? p", "[FromHeader] Sku[] p",
        "[FromForm] Sku?[] p", "[FromRoute] Sku? p", "[FromForm] Sku? p", "int?[] p", "Color?[] p", "Guid?[] p", "DateTime?[] p",
        "[FromQuery] int?[] p", "[FromHeader] int?[] p", "[FromForm] int?[] p", "Version[] p", "Version?[] p", "Uri?[] p",

        // types that bind themselves: BindAsync(HttpContext), BindAsync(HttpContext, ParameterInfo), IBindableFromHttpContext<T>
        "Cart p", "Cart? p", "Cart? p = null", "Plain p", "Plain? p", "Tenant p", "Tenant? p", "Caller p", "Caller? p",
        "Region p", "Region? p", "Region p = default", "Zone p", "Zone? p", "[FromServices] Cart p", "[FromQuery] Cart p",
        "[FromBody] Cart p", "Cart[] p", "[AsParameters] WithCart p", "[AsParameters] WithTenant p",
    ];

    /// <summary>Return shapes: the method after its return type's position, <c>Call()</c> with a body.</summary>
    public static readonly string[] Returns =
    [
        "void Call() { }", "Task Call() => Task.CompletedTask;", "ValueTask Call() => ValueTask.CompletedTask;",
        "async Task Call() => await Task.Yield();", "async ValueTask Call() => await Task.Yield();", "async void Call() { await Task.Yield(); }",
        "int Call() => 1;", "int? Call() => null;", "string Call() => \"x\";", "string? Call() => null;", "Task<int> Call() => Task.FromResult(1);",
        "ValueTask<string> Call() => ValueTask.FromResult(\"x\");", "Task<string?> Call() => Task.FromResult<string?>(null);",
        "async Task<int> Call() { await Task.Yield(); return 1; }", "IResult Call() => Results.Ok();", "Task<IResult> Call() => Task.FromResult(Results.NoContent());",
        "ValueTask<IResult> Call() => ValueTask.FromResult(Results.Ok(1));",
        "Microsoft.AspNetCore.Http.HttpResults.Results<Microsoft.AspNetCore.Http.HttpResults.Ok<int>, Microsoft.AspNetCore.Http.HttpResults.NotFound> Call() => TypedResults.NotFound();",
        "Task<Microsoft.AspNetCore.Http.HttpResults.Results<Microsoft.AspNetCore.Http.HttpResults.Ok, Microsoft.AspNetCore.Http.HttpResults.BadRequest>> Call() => Task.FromResult<Microsoft.AspNetCore.Http.HttpResults.Results<Microsoft.AspNetCore.Http.HttpResults.Ok, Microsoft.AspNetCore.Http.HttpResults.BadRequest>>(TypedResults.Ok());",
        "Microsoft.AspNetCore.Http.HttpResults.Ok<Order> Call() => TypedResults.Ok(new Order(1, \"x\"));", "object Call() => Results.Ok();", "object? Call() => null;",
        "Order Call() => new(1, \"x\");", "Order? Call() => null;", "Point Call() => new(1, 2);", "Point? Call() => null;", "dynamic Call() => 1;",
        "IAsyncEnumerable<int> Call() => AsyncEnumerable.Range(0, 3);", "IEnumerable<int> Call() { yield return 1; }", "int[] Call() => [1];",
        "byte[] Call() => [1];", "Stream? Call() => null;", "Task<Task> Call() => Task.FromResult(Task.CompletedTask);",
        "Color Call() => Color.Red;", "(int A, string B) Call() => (1, \"x\");", "Span<int> Call() => default;", "unsafe int* Call() => null;",
        "ref int Call() => ref Holder.Value;", "Task<Order?> Call() => Task.FromResult<Order?>(null);", "Func<int> Call() => () => 1;",
        "IResult? Call() => null;", "Task<object> Call() => Task.FromResult<object>(Results.Ok());",
    ];

    /// <summary>
    /// Declaring types and what the attribute can sit on. <c>«fn»</c> is a static server function, <c>«inst»</c> an
    /// instance one.
    /// </summary>
    public static readonly string[] Declarations =
    [
        "public static class Functions { «fn» }",
        "internal static class Functions { «fn» }",
        "public class Functions { «inst» }",
        "public sealed class Functions(Catalog catalog) { «inst» public Catalog Catalog => catalog; }",
        "public record Functions { «inst» }",
        "public record Functions(int X) { «fn» }",
        "public record struct Functions { «inst» }",
        "public readonly record struct Functions { «inst» }",
        "public struct Functions { «inst» }",
        "public struct Functions { «fn» }",
        "public ref struct Functions { «fn» }",
        "public ref struct Functions { «inst» }",
        "public abstract class Functions { «fn» }",
        "public abstract class Functions { «inst» }",
        "public class Functions { «fn» «inst2» }",
        "public static class Outer { public static class Functions { «fn» } }",
        "public static class Outer { public static class Middle { public static class Functions { «fn» } } }",
        "public class Outer { public class Functions { «inst» } }",
        "public static class Outer { private static class Functions { «fn» } }",
        "public class Outer { protected class Functions { «fn» } }",
        "public static class Outer { internal static class Functions { «fn» } }",
        "public static class Outer<T> { public static class Functions { «fn» } }",
        "public class Functions<T> { «fn» }",
        "public class Functions<T> where T : struct { «inst» }",
        "public static partial class Functions { «fn» } public static partial class Functions { public static int Other() => 0; }",
        "public static partial class Functions { «fn» } public static partial class Functions { «fn2» }",
        "file static class Functions { «fn» }",
        "file class Functions { «inst» }",
        "public interface IFunctions { «fn» }",
        "public interface IFunctions { «inst» }",
        "public interface IFunctions { [ServerFunction, AllowAnonymous] static abstract int Call(); }",
        "public interface IFunctions { [ServerFunction, AllowAnonymous] static virtual int Call() => 0; }",
        "public static class Functions { extension(int value) { [ServerFunction, AllowAnonymous] public int Call() => value; } }",
        "public static class Functions { extension(int) { [ServerFunction, AllowAnonymous] public static int Call() => 0; } }",
        "namespace A.B.C { public static class Functions { «fn» } }",
        "namespace Shop; public static class Functions { «fn» }",
        "namespace @class { public static class @event { «fn» } }",
        "public static class Ünïcödé { «fn» }",
        "public static class Functions { [ServerFunction, AllowAnonymous] public static int @class() => 0; }",
        "public static class Functions { «fn» [ServerFunction, AllowAnonymous] public static int Call() => 0; }",
        "public static class Functions { [ServerFunction, AllowAnonymous] public static int Call() => 0; [ServerFunction(\"/other\"), AllowAnonymous] public static int Call(int id) => id; }",
        "public static partial class Functions { [ServerFunction, AllowAnonymous] public static partial int Call(); public static partial int Call() => 0; }",
        "public static partial class Functions { public static partial int Call(); [ServerFunction, AllowAnonymous] public static partial int Call() => 0; }",
        "public partial class Functions { [ServerFunction, AllowAnonymous] public partial int Call(); public partial int Call() => 0; }",
        "public static class Functions { public static int Outer() { return Call(); [ServerFunction, AllowAnonymous] static int Call() => 0; } }",
        "public static class Functions { public static Delegate Outer() => [ServerFunction, AllowAnonymous] () => 0; }",
        "public static class Functions { public static Delegate Outer() => [ServerFunction, AllowAnonymous] static (int id) => id; }",
        "public static class Functions { public static int Outer() { return Call(); [ServerFunction, AllowAnonymous] int Call() { return 1; } } }",
        "public class Functions { public int Value { [ServerFunction, AllowAnonymous] get => 0; } }",
        "public class Functions { public int this[int i] { [ServerFunction, AllowAnonymous] get => i; } }",
        "public class Functions { public event Action? Changed { [ServerFunction, AllowAnonymous] add { } remove { } } }",
        "public class Functions { [ServerFunction, AllowAnonymous] public static Functions operator +(Functions a, Functions b) => a; }",
        "public class Functions { [ServerFunction, AllowAnonymous] public static implicit operator int(Functions f) => 0; }",
        "public class Functions { [ServerFunction, AllowAnonymous] ~Functions() { } }",
        "public class Functions : IComparable { [ServerFunction, AllowAnonymous] int IComparable.CompareTo(object? other) => 0; }",
        "public class Functions : IComparable { [ServerFunction, AllowAnonymous] public int CompareTo(object? other) => 0; }",
        "public abstract class Base { [ServerFunction, AllowAnonymous] public abstract int Call(); } public class Functions : Base { public override int Call() => 0; }",
        "public class Base { [ServerFunction, AllowAnonymous] public virtual int Call() => 0; } public class Functions : Base { [ServerFunction(\"/derived\"), AllowAnonymous] public override int Call() => 1; }",
        "public class Base { [ServerFunction, AllowAnonymous] public int Call() => 0; } public class Functions : Base { [ServerFunction, AllowAnonymous] public new int Call() => 1; }",
        "public static class Functions { [ServerFunction, AllowAnonymous] public static extern int Call(); }",
        "public static class Functions { [ServerFunction, AllowAnonymous, Obsolete(\"old\")] public static int Call() => 0; }",
        "public static class Functions { [ServerFunction, AllowAnonymous, Obsolete(\"gone\", error: true)] public static int Call() => 0; }",
        "[Obsolete(\"old\")] public static class Functions { «fn» }",
        "public static class Functions { [ServerFunction, AllowAnonymous, System.Diagnostics.CodeAnalysis.Experimental(\"CORPUS001\")] public static int Call() => 0; }",
        "public static class Functions { [ServerFunction, AllowAnonymous] public static int Call(Order order) => order.Id; } public static class Other { [ServerFunction, AllowAnonymous] public static int Call(Order order) => order.Id; }",
        "public static class Functions { [ServerFunction, AllowAnonymous] public static int Call<T>() => 0; }",
        "public static class Functions { [ServerFunction, AllowAnonymous] public static int Call(params int[] p) => p.Length; }",
        "public static class Functions { [ServerFunction, AllowAnonymous] public static int Call(params ReadOnlySpan<int> p) => p.Length; }",
        "public static class Functions { [ServerFunction, AllowAnonymous] public static int Call(out int p) { p = 1; return 1; } }",
        "public static class Functions { [ServerFunction, AllowAnonymous] public static int Call(ref int p) => p; }",
        "public static class Functions { [ServerFunction, AllowAnonymous] public static int Call(in int p) => p; }",
        "public static class Functions { [ServerFunction, AllowAnonymous] public static int Call(ref readonly int p) => p; }",
        "public static class Functions { [ServerFunction, AllowAnonymous] public static int Call(scoped ReadOnlySpan<char> p) => p.Length; }",
        "public static unsafe class Functions { [ServerFunction, AllowAnonymous] public static int Call(int* p) => 0; }",
        "public static unsafe class Functions { [ServerFunction, AllowAnonymous] public static int Call(delegate*<int> p) => 0; }",
        "public static class Functions { [ServerFunction, AllowAnonymous] public static int Call(int a, int b, int c, int d, int e, int f, int g, int h, int i, int j, int k, int l, int m, int n, int o, int p) => 0; }",
        "public static class Functions { [ServerFunction, AllowAnonymous] public static int Call(int a, int b, int c, int d, int e, int f, int g, int h, int i, int j, int k, int l, int m, int n, int o, int p, int q) => 0; }",
        "public class Functions { [ServerFunction, AllowAnonymous] public int Call(int a, int b, int c, int d, int e, int f, int g, int h, int i, int j, int k, int l, int m, int n, int o, int p) => 0; }",
        "public static class Functions { [ServerFunction, AllowAnonymous] public static IEnumerable<int> Call() { yield return 1; } }",
        "public static class Functions { [ServerFunction, AllowAnonymous] public static async IAsyncEnumerable<int> Call() { await Task.Yield(); yield return 1; } }",
        "#nullable disable\npublic static class Functions { [ServerFunction, AllowAnonymous] public static string Call(string p, Order o) => p; }",
        "#nullable disable\npublic static class Functions { [ServerFunction(Method = \"GET\"), AllowAnonymous] public static string Call(string p, Version v) => p; }",
        "#nullable disable annotations\npublic class Functions { [ServerFunction, AllowAnonymous] public Order Call(Order o, string s = null) => o; }",
        "public static class Functions { [ServerFunction, AllowAnonymous] public static int Call(int target, int group, int services, int httpContext, int arguments, int session, int sessionData, int result, int endpoint) => 0; }",
        "public class Functions { [ServerFunction, AllowAnonymous] public int Call(int target, int function, int binding1, int arg1, int resultTypeInfo, int metadata, int steps, int pattern, int httpMethod) => 0; }",
        "public static class Functions { [ServerFunction, AllowAnonymous] public static int Call(int @class, string @event, bool @int) => 0; }",
        "public static class Functions { [ServerFunction, AllowAnonymous] public static int Call(int name1, int T1, int TResult, int TSession, int TTarget, int default1, int source1) => 0; }",
        "public static class Functions { [ServerFunction, AllowAnonymous] public static int Call(int Value, int value) => 0; }",
        "public static class Functions { [ServerFunction(Method = \"GET\"), AllowAnonymous] public static int Call(int Value, int value) => 0; }",
        "public static class Functions { [ServerFunction, AllowAnonymous] public static int Call(UserSession? a, Session<UserSession> b, Session c) => 0; }",
        "public static class Functions { [ServerFunction, RequireSession] public static int Call(UserSession a, UserSession b) => 0; }",
        "public static class Functions { [ServerFunction, RequireSession] public static int Call(Other a) => 0; } [SessionData] public sealed record Other(int Id);",
    ];

    /// <summary>Guard attributes and <c>[ServerFunction]</c>'s route and method, on <c>Call(int id = 0, string? rest = null)</c>.</summary>
    public static readonly string[] Attributes =
    [
        "[ServerFunction]", "[ServerFunction, RequireSession]", "[ServerFunction, RequireSession(RedirectTo = \"/login\")]",
        "[ServerFunction, RequireSession(RedirectTo = \"/log\\\"in\\u2028\")]", "[ServerFunction, AllowAnonymous]", "[ServerFunction, Authorize]",
        "[ServerFunction, Authorize(Roles = \"admin\", Policy = \"p\")]", "[ServerFunction, Authorize, AllowAnonymous]",
        "[ServerFunction, RequireSession, AllowAnonymous]", "[ServerFunction, PreloadSession]", "[ServerFunction, PreloadSession, RequireSession]",
        "[ServerFunction, PreloadSession, AllowAnonymous]", "[ServerFunction, RequireSession, Authorize]",
        "[ServerFunction(\"/custom\"), AllowAnonymous]", "[ServerFunction(\"/items/{id}\"), AllowAnonymous]",
        "[ServerFunction(\"/items/{id:int}\"), AllowAnonymous]", "[ServerFunction(\"/items/{id:int:min(1)}\"), AllowAnonymous]",
        "[ServerFunction(\"/items/{id?}\"), AllowAnonymous]", "[ServerFunction(\"/items/{id=7}\"), AllowAnonymous]",
        "[ServerFunction(\"/items/{**rest}\"), AllowAnonymous]", "[ServerFunction(\"/items/{*rest}\"), AllowAnonymous]",
        "[ServerFunction(\"/items/{ID}\"), AllowAnonymous]", "[ServerFunction(\"/items/{missing}\"), AllowAnonymous]",
        "[ServerFunction(\"/items/{id}/{rest}\", Method = \"GET\"), AllowAnonymous]", "[ServerFunction(\"items\"), AllowAnonymous]",
        "[ServerFunction(\"~/items\"), AllowAnonymous]", "[ServerFunction(\"\"), AllowAnonymous]", "[ServerFunction(\"/\"), AllowAnonymous]",
        "[ServerFunction(\"/a\\\"b\"), AllowAnonymous]", "[ServerFunction(\"/é/ü\"), AllowAnonymous]", "[ServerFunction(\"/a\\u2028b\"), AllowAnonymous]",
        "[ServerFunction(\"/a\\nb\"), AllowAnonymous]", "[ServerFunction(\"/a */ b\"), AllowAnonymous]", "[ServerFunction(\"/{\"), AllowAnonymous]",
        "[ServerFunction(\"/{id}/{id}\"), AllowAnonymous]", "[ServerFunction(\"/a?b=c\"), AllowAnonymous]", "[ServerFunction(\"/a{{b\"), AllowAnonymous]",
        "[ServerFunction(\"/items/{id:unknown}\"), AllowAnonymous]", "[ServerFunction(\"/items/{id:regex(^\\\\d+$)}\"), AllowAnonymous]",
        "[ServerFunction(null!), AllowAnonymous]",
        "[ServerFunction(Method = \"GET\"), AllowAnonymous]", "[ServerFunction(Method = \"get\"), AllowAnonymous]", "[ServerFunction(Method = \"PUT\"), AllowAnonymous]",
        "[ServerFunction(Method = \"DELETE\"), AllowAnonymous]", "[ServerFunction(Method = \"PATCH\"), AllowAnonymous]", "[ServerFunction(Method = \"HEAD\"), AllowAnonymous]",
        "[ServerFunction(Method = \"OPTIONS\"), AllowAnonymous]", "[ServerFunction(Method = \"\"), AllowAnonymous]", "[ServerFunction(Method = \"G ET\"), AllowAnonymous]",
        "[ServerFunction(Method = \"PROPFIND\"), AllowAnonymous]", "[ServerFunction(Method = \"GET\\n\"), AllowAnonymous]", "[ServerFunction(Method = null!), AllowAnonymous]",
        "[ServerFunction(Method = \"GET\"), RequireSession]", "[ServerFunction(\"/items/{id}\", Method = \"DELETE\"), RequireSession]",
        "[SessionAuth.ServerFunction(Method = \"Get\"), AllowAnonymous]", "[global::SessionAuth.ServerFunctionAttribute(), AllowAnonymous]",
    ];

    /// <summary>Whole files: names that collide with the generator's own, assembly-wide attributes, route clashes.</summary>
    public static readonly Shape[] Files =
    [
        Whole("global type named like the map file", "public static class Map { «fn» }"),
        Whole("global type named like the endpoints file", "public static class Endpoints { «fn» }"),
        Whole("global type Map with a nested type", "public static class Map { «fn» public static class Inner { «fn2» } }"),
        Whole("namespace named like the map file", "namespace Map { public static class Functions { «fn» } }"),
        Whole("global type ServerFunctions", "public static class ServerFunctions { «fn» public static class Map { «fn2» } }"),
        Whole("namespaces differing only in case", "namespace Shop { public static class Functions { [ServerFunction(\"/one\"), AllowAnonymous] public static int Call() => 0; } } namespace shop { public static class Functions { [ServerFunction(\"/two\"), AllowAnonymous] public static int Call() => 0; } }"),
        Whole("types differing only in case", "public static class Functions { «fn» } public static class functions { [ServerFunction(\"/lower\"), AllowAnonymous] public static int Call() => 0; }"),
        Whole("map method names join alike", "namespace A_B { public static class C { [ServerFunction(\"/1\"), AllowAnonymous] public static int Call() => 0; } } namespace A { public static class B_C { [ServerFunction(\"/2\"), AllowAnonymous] public static int Call() => 0; } }"),
        Whole("type named like the generated class", "namespace SessionAuth.Generated { public static class ServerFunctionEndpoints { } } public static class Functions { «fn» }"),
        Whole("partial of the generated class", "namespace SessionAuth.Generated { internal static partial class ServerFunctionEndpoints { public static void MapFunctions() { } } } public static class Functions { «fn» }"),
        Whole("user MapServerFunctions extension", "public static class MyExtensions { public static void MapServerFunctions(this IEndpointRouteBuilder app) { } } public static class Functions { «fn» }"),
        Whole("type named SessionAuth", "namespace Shop { public static class SessionAuth { «fn» } }"),
        Whole("namespace SessionAuth.Shop", "namespace SessionAuth.Shop { public static class Functions { «fn» } }"),
        Whole("type named Task", "namespace Shop { public class Task { } public static class Functions { [ServerFunction, AllowAnonymous] public static System.Threading.Tasks.Task Call(Task t) => System.Threading.Tasks.Task.CompletedTask; } }"),
        Whole("types named like framework types", "namespace Shop { public class Func<T> { } public class Action { } public class IServiceProvider { } public class RouteGroupBuilder { } public class HttpContext { } public static class Functions { «fn» } }"),
        Whole("types named like runtime infrastructure", "namespace Shop { public class ArgumentSource { } public class ParameterBinding { } public class ServerFunctionEndpoint { } public class ServerFunctionResults { } public class ServerFunctionRoutes { } public class ServerFunctionSteps { } public class ServerFunctionMetadata { } public static class Functions { «fn» } }"),
        Whole("types named System and Microsoft", "namespace Shop { public class System { } public class Microsoft { } public static class Functions { «fn» } }"),
        Whole("method named Map", "public static class Functions { [ServerFunction, AllowAnonymous] public static int Map() => 0; }"),
        Whole("method named MapServerFunctions", "public static class Functions { [ServerFunction, AllowAnonymous] public static int MapServerFunctions() => 0; }"),
        Whole("method named like its map method", "public static class Functions { [ServerFunction, AllowAnonymous] public static int MapFunctions() => 0; }"),
        Whole("type named like a shape method", "public static class MapAllowAnonymous_ReturnsJson { «fn» }"),
        Whole("assembly RequireSession", "[assembly: RequireSession] public static class Functions { «fn» [ServerFunction] public static int Guarded(UserSession user) => user.UserId; }"),
        Whole("assembly PreloadSession", "[assembly: PreloadSession] public static class Functions { [ServerFunction] public static int Call() => 0; }"),
        Whole("class RequireSession, method AllowAnonymous", "[RequireSession] public static class Functions { «fn» [ServerFunction] public static int Guarded(UserSession user) => user.UserId; }"),
        Whole("class AllowAnonymous, nested RequireSession", "[AllowAnonymous] public static class Outer { [RequireSession(RedirectTo = \"/in\")] public static class Functions { [ServerFunction] public static int Call(UserSession user) => 0; } }"),
        Whole("same route twice", "public static class Functions { [ServerFunction(\"/same\"), AllowAnonymous] public static int One() => 0; [ServerFunction(\"/same\"), AllowAnonymous] public static int Two() => 0; }"),
        Whole("same route, different case", "public static class Functions { [ServerFunction(\"/Same\"), AllowAnonymous] public static int One() => 0; [ServerFunction(\"/same\"), AllowAnonymous] public static int Two() => 0; }"),
        Whole("optional route parameter clash", "public static class Functions { [ServerFunction(\"/a/{id}\"), AllowAnonymous] public static int One(int id) => id; [ServerFunction(\"/a/{id?}\"), AllowAnonymous] public static int Two(int? id) => 0; }"),
        Whole("constraint-only route clash", "public static class Functions { [ServerFunction(\"/b/{id:int}\"), AllowAnonymous] public static int One(int id) => id; [ServerFunction(\"/b/{id:long}\"), AllowAnonymous] public static int Two(long id) => 0; }"),
        Whole("parameter-name-only route clash", "public static class Functions { [ServerFunction(\"/c/{id}\"), AllowAnonymous] public static int One(int id) => id; [ServerFunction(\"/c/{key}\"), AllowAnonymous] public static int Two(int key) => key; }"),
        Whole("same default route from two namespaces", "namespace One { public static class Functions { «fn» } } namespace Two { public static class Functions { «fn» } }"),
        Whole("no session data type with a guard", "namespace Shop { public static class Functions { [SessionAuth.ServerFunction, SessionAuth.RequireSession] public static int Call() => 0; } }", prelude: false),
        Whole("no prelude, no usings", "namespace Shop { public static class Functions { [SessionAuth.ServerFunction, Microsoft.AspNetCore.Authorization.AllowAnonymous] public static int Call(int id) => id; } }", prelude: false),
        Whole("global namespace, no prelude", "[SessionAuth.ServerFunction, Microsoft.AspNetCore.Authorization.AllowAnonymous] static int Call() => 0; public static class Functions { }", prelude: false, executable: true),
        Whole("top-level statements with a local function", "System.Console.WriteLine(Call()); [SessionAuth.ServerFunction] static int Call() => 0;", prelude: false, executable: true),
        Whole("top-level statements beside a type", "System.Console.WriteLine(1); public static class Functions { [SessionAuth.ServerFunction, Microsoft.AspNetCore.Authorization.AllowAnonymous] public static int Call(int id) => id; }", prelude: false, executable: true),
        Whole("two session data types", "[SessionData] public sealed record Second(int Id); public static class Functions { [ServerFunction, RequireSession] public static int Call(UserSession user) => 0; }"),
        Whole("immutable session data named like our files", "namespace Shop { [SessionAuth.SessionData] public sealed record Map(int Id); public static class Functions { [SessionAuth.ServerFunction, SessionAuth.RequireSession] public static int Call(Map user) => 0; } }", prelude: false),
        Whole("session data type with keyword name", "namespace @class { [SessionAuth.SessionData] public sealed record @record(int Id); public static class Functions { [SessionAuth.ServerFunction, SessionAuth.RequireSession] public static int Call(@record user) => user.Id; } }", prelude: false),
        Whole("TryParse generic method", "public sealed class Code { public static bool TryParse<T>(string s, out Code c) { c = new(); return true; } } public static class Functions { [ServerFunction(Method = \"GET\"), AllowAnonymous] public static int Call(Code p) => 0; }"),
        Whole("TryParse generic method POST", "public sealed class Code { public static bool TryParse<T>(string s, out Code c) { c = new(); return true; } } public static class Functions { [ServerFunction, AllowAnonymous] public static int Call(Code p) => 0; }"),
        Whole("TryParse obsolete", "public sealed class Code { [Obsolete(\"x\")] public static bool TryParse(string s, out Code c) { c = new(); return true; } } public static class Functions { [ServerFunction(Method = \"GET\"), AllowAnonymous] public static int Call(Code p) => 0; }"),
        Whole("TryParse experimental", "public sealed class Code { [System.Diagnostics.CodeAnalysis.Experimental(\"X1\")] public static bool TryParse(string s, out Code c) { c = new(); return true; } } public static class Functions { [ServerFunction(Method = \"GET\"), AllowAnonymous] public static int Call(Code p) => 0; }"),
        Whole("required inherited", "public class RqBase { public required int A { get; set; } } public sealed class Rq : RqBase { public int B { get; set; } } public static class Functions { [ServerFunction, AllowAnonymous] public static int Call([AsParameters] Rq p) => 0; }"),
        Whole("required inherited form", "public class RqBase { public required int A { get; set; } } public sealed class Rq : RqBase { public int B { get; set; } } public static class Functions { [ServerFunction, AllowAnonymous] public static int Call([FromForm] Rq p) => 0; }"),
        Whole("required ctor inherited", "public class RqBase { public required int A { get; set; } } public sealed class Rq : RqBase { public Rq(int b) { B = b; } public int B { get; } } public static class Functions { [ServerFunction, AllowAnonymous] public static int Call([AsParameters] Rq p) => 0; }"),
        Whole("AsParameters ctor in param", "public sealed class Ip { public Ip(in int a) { A = a; } public int A { get; } } public static class Functions { [ServerFunction, AllowAnonymous] public static int Call([AsParameters] Ip p) => 0; }"),
        Whole("AsParameters ctor ref param", "public sealed class Ip { public Ip(ref int a) { A = a; } public int A { get; } } public static class Functions { [ServerFunction, AllowAnonymous] public static int Call([AsParameters] Ip p) => 0; }"),
        Whole("AsParameters ctor out param", "public sealed class Ip { public Ip(out int a) { a = 1; A = a; } public int A { get; } } public static class Functions { [ServerFunction, AllowAnonymous] public static int Call([AsParameters] Ip p) => 0; }"),
        Whole("AsParameters pointer member", "public unsafe sealed class Pt { public int* P { get; set; } } public static class Functions { [ServerFunction, AllowAnonymous] public static int Call([AsParameters] Pt p) => 0; }"),
        Whole("AsParameters ctor Span param", "public sealed class Spm { public Spm(ReadOnlySpan<char> s) { } public ReadOnlySpan<char> S => default; } public static class Functions { [ServerFunction, AllowAnonymous] public static int Call([AsParameters] Spm p) => 0; }"),
        Whole("AsParameters Span member", "public sealed class Spm { public Span<int> S => default; public int A { get; set; } } public static class Functions { [ServerFunction, AllowAnonymous] public static int Call([AsParameters] Spm p) => 0; }"),
        Whole("AsParameters ref struct", "public ref struct Rs { public int A { get; set; } } public static class Functions { [ServerFunction, AllowAnonymous] public static int Call([AsParameters] Rs p) => 0; }"),
        Whole("user type SessionAuth.Generated.ImmutableSessionDataDeclarations", "namespace SessionAuth.Generated { public static class ImmutableSessionDataDeclarations { } } public static class Functions { [ServerFunction, RequireSession] public static int Call(UserSession u) => 0; }"),
        Whole("user type SessionAuth.Generated.SessionRuleRegistrations", "namespace SessionAuth.Generated { public static class SessionRuleRegistrations { } } public sealed class Staff : ISessionRule<UserSession> { public static bool Allows(UserSession s) => true; } public static class Functions { [ServerFunction, RequireSession<Staff>] public static int Call(UserSession u) => 0; }"),
        Whole("user type SessionAuth.ServerFunctionEndpointRouteBuilderExtensions", "namespace SessionAuth { public static class ServerFunctionEndpointRouteBuilderExtensions { } } public static class Functions { [ServerFunction, AllowAnonymous] public static int Call() => 0; }"),
        Whole("user type SessionAuth.Generated", "namespace SessionAuth { public static class Generated { } } public static class Functions { «fn» }"),
        Whole("user type SessionAuth.Generated declaring a server function", "namespace SessionAuth { public static class Generated { «fn» } }"),
        Whole("user type SessionAuth.Generated, rules and immutable session data", "namespace SessionAuth { public static class Generated { } } public sealed class Staff : ISessionRule<UserSession> { public static bool Allows(UserSession s) => true; } public static class Functions { [ServerFunction, RequireSession<Staff>] public static int Call(UserSession u) => 0; }"),
        Whole("user type SessionAuth.Generated2", "namespace SessionAuth { public static class Generated { } public static class Generated2 { } } public static class Functions { «fn» }"),
        Whole("user generic type SessionAuth.Generated<T>", "namespace SessionAuth { public static class Generated<T> { } } public static class Functions { «fn» }"),
        Whole("user global generic type System<T>", "public static class System<T> { } namespace Shop { public static class Functions { [SessionAuth.ServerFunction] public static int Call(int id) => id; } }", prelude: false),
        Whole("user type System.Func<TResult>", "namespace System { public delegate TResult Func<TResult>(); } public static class Functions { «fn» }"),
        Whole("user polyfill ModuleInitializerAttribute", "namespace System.Runtime.CompilerServices { [AttributeUsage(AttributeTargets.Method)] public sealed class ModuleInitializerAttribute : Attribute { } } public static class Functions { [ServerFunction, RequireSession] public static int Call(UserSession u) => 0; }"),
        Whole("user types named System and Microsoft in SessionAuth.Generated", "namespace SessionAuth.Generated { public static class System { } public static class Microsoft { } public static class SessionAuth { } } public static class Functions { «fn» }"),
        Whole("user types named System and Microsoft in SessionAuth", "namespace SessionAuth { public static class System { } public static class Microsoft { } public static class Generated2 { } } public static class Functions { «fn» }"),
        Whole("BindAsync a static abstract member implemented explicitly", "public interface IBinds<T> where T : IBinds<T> { static abstract ValueTask<T?> BindAsync(HttpContext context); } public sealed class Bound : IBinds<Bound> { static ValueTask<Bound?> IBinds<Bound>.BindAsync(HttpContext context) => default; } public static class Functions { [ServerFunction(Method = \"GET\"), AllowAnonymous] public static int Call(Bound p) => 0; }"),
        Whole("BindAsync generic", "public sealed class Bound { public static ValueTask<Bound?> BindAsync<T>(HttpContext context) => default; } public static class Functions { [ServerFunction(Method = \"GET\"), AllowAnonymous] public static int Call(Bound p) => 0; }"),
        Whole("BindAsync obsolete", "public sealed class Bound { [Obsolete(\"x\")] public static ValueTask<Bound?> BindAsync(HttpContext context) => default; } public static class Functions { [ServerFunction(Method = \"GET\"), AllowAnonymous] public static int Call(Bound p) => 0; }"),
        Whole("BindAsync returning Task", "public sealed class Bound { public static Task<Bound?> BindAsync(HttpContext context) => Task.FromResult<Bound?>(null); } public static class Functions { [ServerFunction, AllowAnonymous] public static int Call(Bound p) => 0; }"),
        Whole("BindAsync inherited from a base class", "public class BoundBase { public static ValueTask<Bound?> BindAsync(HttpContext context) => default; } public sealed class Bound : BoundBase { } public static class Functions { [ServerFunction(Method = \"GET\"), AllowAnonymous] public static int Call(Bound p) => 0; }"),
        Whole("BindAsync on an interface's static member", "public interface IBinds { static ValueTask<Bound?> BindAsync(HttpContext context) => default; } public sealed class Bound : IBinds { } public static class Functions { [ServerFunction(Method = \"GET\"), AllowAnonymous] public static int Call(Bound p) => 0; }"),
        Whole("BindAsync ParameterInfo on an instance function with overloads", "public class Functions { [ServerFunction(\"/a/{id}\", Method = \"GET\"), AllowAnonymous] public int Call(int id, Tenant tenant) => id; [ServerFunction(\"/b/{id}\", Method = \"GET\"), AllowAnonymous] public int Call(string id, Tenant tenant) => 0; }"),
        Whole("BindAsync ParameterInfo beside dynamic, tuple and params parameters", "public static class Functions { [ServerFunction, AllowAnonymous] public static int Call(dynamic d, (int A, string B)? pair, Tenant tenant, params int[] rest) => 0; }"),
        Whole("BindAsync ParameterInfo beside [AsParameters] and a rule", "public sealed class Own : ISessionRule<UserSession, Tenant> { public static bool Allows(UserSession s, Tenant t) => true; } public static class Functions { [ServerFunction(Method = \"GET\"), RequireSession<Own>(Argument = \"tenant\")] public static int Call([AsParameters] WithCart args, Tenant tenant, Caller caller) => 0; }"),
        Whole("BindAsync ParameterInfo on a method named with a keyword", "public static class Functions { [ServerFunction(Method = \"GET\"), AllowAnonymous] public static int @class(Tenant @event, Zone? @int) => 0; }"),
        Whole("many functions in one type", "public static class Functions { " + string.Concat(Enumerable.Range(0, 40).Select(i => $"[ServerFunction, AllowAnonymous] public static int Call{i}(int p{i}) => p{i}; ")) + "}"),
    ];

    /// <summary>
    /// The names generated code writes with <c>global::</c> that are not the user's own (the runtime's and the
    /// framework's types, the class that holds <c>MapServerFunctions()</c>), typed out here rather than read from the
    /// generator so that its list is checked. Each, and each namespace on the way to one, becomes a shape that declares a
    /// type of that name beside a server function: the function must be mapped or refused by name, never a build that
    /// breaks in generated code.
    /// </summary>
    public static readonly string[] NamesGeneratedCodeWrites =
    [
        "SessionAuth.ServerFunctionEndpointRouteBuilderExtensions", "SessionAuth.ServerFunctionMetadata", "SessionAuth.Session",
        "SessionAuth.Infrastructure.ArgumentSource", "SessionAuth.Infrastructure.ImmutableSessionData", "SessionAuth.Infrastructure.ParameterBinding",
        "SessionAuth.Infrastructure.ServerFunctionEndpoint", "SessionAuth.Infrastructure.ServerFunctionResults", "SessionAuth.Infrastructure.ServerFunctionRoutes",
        "SessionAuth.Infrastructure.ServerFunctionServices", "SessionAuth.Infrastructure.ServerFunctionSteps", "SessionAuth.Infrastructure.SessionRules",
        "SessionAuth.Infrastructure.TryParseText", "SessionAuth.Infrastructure.AsyncParameterBinding",
        "System.Action", "System.Array", "System.CodeDom.Compiler.GeneratedCodeAttribute", "System.CodeDom.Compiler.GeneratedCode", "System.DateTime",
        "System.DateTimeKind", "System.Double", "System.Enum", "System.Func", "System.IO.Pipelines.PipeReader", "System.IO.Stream", "System.IParsable",
        "System.IServiceProvider", "System.Int64", "System.Runtime.CompilerServices.ModuleInitializerAttribute",
        "System.Runtime.CompilerServices.ModuleInitializer", "System.Security.Claims.ClaimsPrincipal", "System.Single",
        "System.Threading.CancellationToken", "System.Threading.Tasks.Task", "System.Threading.Tasks.ValueTask",
        "System.Reflection.ParameterInfo", "System.Text.Json.Serialization.Metadata.JsonTypeInfo", "Microsoft.AspNetCore.Http.RequestDelegate",
        "Microsoft.AspNetCore.Builder.IEndpointConventionBuilder", "Microsoft.AspNetCore.Http.HttpContext", "Microsoft.AspNetCore.Http.HttpRequest",
        "Microsoft.AspNetCore.Http.HttpResponse", "Microsoft.AspNetCore.Http.IFormCollection", "Microsoft.AspNetCore.Http.IFormFile",
        "Microsoft.AspNetCore.Http.IFormFileCollection", "Microsoft.AspNetCore.Http.IResult", "Microsoft.AspNetCore.Routing.IEndpointRouteBuilder",
        "Microsoft.AspNetCore.Routing.RouteGroupBuilder", "Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions",
        "Microsoft.Extensions.Primitives.StringValues",
    ];

    /// <summary>Every shape of every table, with its id.</summary>
    public static IReadOnlyList<Shape> All { get; } = Build();

    /// <summary>A static server function with the given attributes, return and parameters, in a plain static class.</summary>
    public static string Function(string attributes, string returnAndBody, params string[] parameters)
    {
        var open = returnAndBody.IndexOf("Call()", StringComparison.Ordinal);
        return $"public static class {Shape.TypeToken} {{ {attributes} public static {returnAndBody[..open]}Call({string.Join(", ", parameters)}){returnAndBody[(open + "Call()".Length)..]} }}";
    }

    public static string Fill(string declaration) => declaration
        .Replace("«fn»", "[ServerFunction, AllowAnonymous] public static int Call(int id) => id;", StringComparison.Ordinal)
        .Replace("«fn2»", "[ServerFunction, AllowAnonymous] public static int Call2(int id) => id;", StringComparison.Ordinal)
        .Replace("«inst»", "[ServerFunction, AllowAnonymous] public int Call(int id) => id;", StringComparison.Ordinal)
        .Replace("«inst2»", "[ServerFunction(\"/instance\"), AllowAnonymous] public int Instance(int id) => id;", StringComparison.Ordinal);

    private static Shape Whole(string id, string source, bool prelude = true, bool executable = false) => new("file: " + id, Fill(source), prelude, executable);

    /// <summary>A shape of one renamable type, from <see cref="Function"/>.</summary>
    private static Shape Renamable(string id, string template) =>
        new(id, template.Replace(Shape.TypeToken, "Functions", StringComparison.Ordinal), Template: template);

    private static List<Shape> Build()
    {
        var shapes = new List<Shape>();
        foreach (var parameter in Parameters)
        {
            foreach (var verb in new[] { "GET", "POST" })
            {
                shapes.Add(Renamable($"parameter {verb}: {parameter}", Function($"[ServerFunction(Method = \"{verb}\"), AllowAnonymous]", "int Call() => 0;", parameter)));
            }
        }

        shapes.AddRange(Returns.Select(r => Renamable("return: " + r, Function("[ServerFunction, AllowAnonymous]", r))));
        shapes.AddRange(Declarations.Select(d => new Shape("declaration: " + d, Fill(d))));
        shapes.AddRange(Attributes.Select(a => new Shape("attributes: " + a, Function(a, "int Call() => id;", "int id = 0", "string? rest = null").Replace(Shape.TypeToken, "Functions", StringComparison.Ordinal))));
        shapes.AddRange(Files);
        shapes.AddRange(Hostile);
        shapes.AddRange(Signatures);
        shapes.AddRange(NamesGeneratedCodeWrites
            .SelectMany(static name => name.Split('.').Select((_, i) => string.Join(".", name.Split('.').Take(i + 1))))
            .Distinct(StringComparer.Ordinal)
            .Select(TakesName));
        return shapes;
    }

    /// <summary>
    /// A type of the assembly named <paramref name="fullName"/>, beside a server function that names nothing through it
    /// (no usings, the attribute by its full name; none beside a global type <c>SessionAuth</c>, which hides the attribute).
    /// </summary>
    private static Shape TakesName(string fullName)
    {
        var dot = fullName.LastIndexOf('.');
        var type = $"public static class {fullName[(dot + 1)..]} {{ }}";
        var declaration = dot < 0 ? type : $"namespace {fullName[..dot]} {{ {type} }}";
        var function = fullName == "SessionAuth" ? string.Empty
            : " namespace Shop { public static class Functions { [SessionAuth.ServerFunction] public static int Call(int id) => id; } }";
        return new Shape("type named like a name generated code writes: " + fullName, declaration + function, Prelude: false);
    }
}
