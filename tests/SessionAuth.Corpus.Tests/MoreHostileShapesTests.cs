namespace SessionAuth.Corpus.Tests;

/// <summary>
/// Shapes the corpus does not hold: attribute arguments of every constant kind (file-local, generic, open generic, pointer
/// and function-pointer types; NaN, infinities, line separators; enums of every underlying type), enum defaults at the
/// edges of byte, long, ulong and sbyte, keyed services of every key kind, JSON values as parameters and results, names
/// JavaScript treats specially, raw-string routes: each compiles with the generator cleanly, and every function is
/// mapped or refused by name, with nullable annotations enabled and disabled.
/// </summary>
public sealed class MoreHostileShapesTests
{
    public static TheoryData<string> Shapes() => new()
    {
        "public sealed class MyAttribute : System.Attribute { public MyAttribute(System.Type t) { } } file sealed class Local { } public static class Functions { [ServerFunction, AllowAnonymous, My(typeof(Local))] public static int Call(int id) => id; }",
        "public sealed class MyAttribute : System.Attribute { public MyAttribute(object o) { } } public static class Functions { [ServerFunction, AllowAnonymous, My(new object[] { 1, null!, typeof(List<>), Color.Red })] public static int Call(int id) => id; }",
        "public sealed class MyAttribute<T> : System.Attribute { } public static class Functions { private sealed class Hidden { } [ServerFunction, AllowAnonymous, My<int[]>] public static int Call(int id) => id; }",
        "public sealed class MyAttribute : System.Attribute { public MyAttribute(params System.Type[] t) { } } public static class Functions { [ServerFunction, AllowAnonymous, My(typeof((int a, string b)), typeof(int*[]), typeof(delegate*<int>[]))] public static int Call(int id) => id; }",
        "public sealed class MyAttribute : System.Attribute { public MyAttribute(System.Type t) { } } public static class Functions { [ServerFunction, AllowAnonymous, My(typeof(dynamic[]))] public static int Call(int id) => id; }",
        "public sealed class MyAttribute : System.Attribute { public MyAttribute(System.Type t) { } } public static class Functions { [ServerFunction, AllowAnonymous, My(typeof(System.Collections.Generic.Dictionary<,>.KeyCollection))] public static int Call(int id) => id; }",
        "public sealed class MyAttribute : System.Attribute { public MyAttribute(float f, double d, char c, string s) { } } public static class Functions { [ServerFunction, AllowAnonymous, My(float.NaN, double.NegativeInfinity, '\\u2028', \"\\u2029*/\")] public static int Call(int id) => id; }",
        "public enum Small : byte { Max = 255 } public static class Functions { [ServerFunction, AllowAnonymous] public static int Call(Small p = Small.Max) => 0; }",
        "public enum Big : long { Min = long.MinValue } public static class Functions { [ServerFunction, AllowAnonymous] public static int Call(Big p = Big.Min) => 0; }",
        "public enum Huge : ulong { Max = ulong.MaxValue } public static class Functions { [ServerFunction(Method = \"GET\"), AllowAnonymous] public static int Call(Huge? p = Huge.Max) => 0; }",
        "public enum Neg : sbyte { A = -128 } public static class Functions { [ServerFunction(Method = \"GET\"), AllowAnonymous] public static int Call(Neg p = (Neg)(-5)) => 0; }",
        "public static class Functions { [ServerFunction(Method = \"GET\"), AllowAnonymous] public static int Call([System.Runtime.CompilerServices.CallerMemberName] string p = \"\") => 0; }",
        "public static class Functions { [ServerFunction, AllowAnonymous] public static int Call(System.Text.Json.JsonElement p) => 0; }",
        "public static class Functions { [ServerFunction(Method = \"GET\"), AllowAnonymous] public static int Call(System.Text.Json.JsonElement? p) => 0; }",
        "public static class Functions { [ServerFunction, AllowAnonymous] public static int Call(System.Text.Json.Nodes.JsonNode? p) => 0; }",
        "public static class Functions { [ServerFunction(\"\"\"/raw/{id}\"\"\"), AllowAnonymous] public static int Call(int id) => id; }",
        "public static class Functions { [ServerFunction, AllowAnonymous, EndpointName(\"n\\u2028\"), Tags(\"a\", \"b\"), ProducesResponseType(typeof(Order), 200), EndpointSummary(\"*/\")] public static int Call(int id) => id; }",
        "public static class Functions { [ServerFunction(\"/a\"), AllowAnonymous, System.Runtime.CompilerServices.OverloadResolutionPriority(1)] public static int Call(int id) => id; [ServerFunction(\"/b\"), AllowAnonymous] public static int Call(long id) => 0; }",
        "public static class Functions { [ServerFunction, AllowAnonymous] public static int Call(decimal p = 79228162514264337593543950335m, double q = double.Epsilon, float r = float.Epsilon, double s = 5e-324) => 0; }",
        "public static class Functions { [ServerFunction(Method = \"GET\"), AllowAnonymous] public static int Call(DateTime? p = null, nint q = -1, nuint r = 0, Half h = default) => 0; }",
        "[System.Obsolete(\"old\")] public sealed class OldAttribute : System.Attribute { } public static class Functions { [ServerFunction, AllowAnonymous, Old] public static int Call(int id) => id; }",
        "public sealed class MyAttribute : System.Attribute { [System.Obsolete(\"x\")] public MyAttribute() { } [System.Obsolete(\"y\")] public int N { get; set; } } public static class Functions { [ServerFunction, AllowAnonymous, My(N = 3)] public static int Call(int id) => id; }",
        "public sealed class MyAttribute : System.Attribute { public MyAttribute(int[] a) { } public string[]? S { get; set; } } public static class Functions { [ServerFunction, AllowAnonymous, My(new int[0], S = null)] public static int Call(int id) => id; }",
        "public sealed class MyAttribute : System.Attribute { public MyAttribute(object a) { } } public static class Functions { [ServerFunction, AllowAnonymous, My(new string[] { null!, \"x\" })] public static int Call(int id) => id; }",
        "public sealed class MyAttribute : System.Attribute { public MyAttribute(object a) { } } public static class Functions { [ServerFunction, AllowAnonymous, My((byte)1)] public static int Call(int id) => id; [ServerFunction(\"/c\"), AllowAnonymous, My('c')] public static int C(int id) => id; [ServerFunction(\"/u\"), AllowAnonymous, My(ulong.MaxValue)] public static int U(int id) => id; [ServerFunction(\"/f\"), AllowAnonymous, My(float.MinValue)] public static int F(int id) => id; }",
        "public sealed class MyAttribute : System.Attribute { public MyAttribute(Small s) { } } public enum Small : byte { A = 1 } public static class Functions { [ServerFunction, AllowAnonymous, My((Small)7)] public static int Call(int id) => id; }",
        "public static class Functions { [ServerFunction, AllowAnonymous] public static int Call(int @params, string @this, int @__arglist = 0) => 0; }",
        "public static class Functions { [ServerFunction(Method = \"GET\"), AllowAnonymous] public static int Call(int ɑ, string 名前, int \\u0061b = 1) => 0; }",
        "public static class Functions { [ServerFunction(\"/x/{名前}\", Method = \"GET\"), AllowAnonymous] public static int Call(string 名前) => 0; }",
        "public static class Functions { [ServerFunction(\"/x/{Id}\", Method = \"GET\"), AllowAnonymous] public static int Call(int id, [FromQuery(Name = \"ID\")] int other) => 0; }",
        "public static class Functions { [ServerFunction(Method = \"GET\"), AllowAnonymous] public static int Call([FromQuery(Name = \"a\\\"b\\u2028\")] int p, [FromHeader(Name = \"*/x\")] string? h) => 0; }",
        "public static class Functions { [ServerFunction, AllowAnonymous] public static int Call([FromForm(Name = \"a\\\"b\")] int p, [FromKeyedServices(\"k\\u2028\\\"\")] IClock c) => 0; }",
        "public static class Functions { [ServerFunction, AllowAnonymous] public static int Call([FromKeyedServices(Color.Red)] IClock c, [FromKeyedServices(3.5)] IClock d, [FromKeyedServices('x')] IClock e, [FromKeyedServices(typeof(Order))] IClock f) => 0; }",
        "public static class Functions { [ServerFunction, AllowAnonymous] public static int Call([FromKeyedServices(null!)] IClock c) => 0; }",
        "public static class Functions { [ServerFunction, AllowAnonymous] public static int Call([FromKeyedServices(Small.Max)] IClock c) => 0; } public enum Small : byte { Max = 255 }",
        "public static class Functions { [ServerFunction, AllowAnonymous] public static int Call([FromKeyedServices(long.MinValue)] IClock c, [FromKeyedServices(float.NaN)] IClock d) => 0; }",
        "public record class Functions(int X) { [ServerFunction, AllowAnonymous] public static int Call(int id) => id; }",
        "public static class Functions { [ServerFunction, AllowAnonymous] public static Task<Microsoft.AspNetCore.Http.HttpResults.Results<Microsoft.AspNetCore.Http.HttpResults.Ok<Order>, Microsoft.AspNetCore.Http.HttpResults.NotFound>> Call(int id) => Task.FromResult<Microsoft.AspNetCore.Http.HttpResults.Results<Microsoft.AspNetCore.Http.HttpResults.Ok<Order>, Microsoft.AspNetCore.Http.HttpResults.NotFound>>(TypedResults.NotFound()); }",
        "public static class Functions { [ServerFunction, AllowAnonymous] public static IAsyncEnumerable<Order> Call(int id) => throw null!; }",
        "public static class Functions { [ServerFunction, AllowAnonymous] public static ValueTask<Order?> Call(int id) => default; }",
        "public static class Functions { [ServerFunction, AllowAnonymous] public static Task<(int A, string B)> Call(int id) => default!; }",
        "public static class Functions { [ServerFunction, AllowAnonymous] public static Dictionary<Color, Order> Call(int id) => default!; }",
        "public static class Functions { [ServerFunction, AllowAnonymous] public static Dictionary<Guid, int> Call(int id) => default!; }",
        "public static class Functions { [ServerFunction, AllowAnonymous] public static System.Text.Json.JsonElement Call(int id) => default; }",
        "public static class Functions { [ServerFunction, AllowAnonymous] public static Order[][] Call(int id) => default!; }",
        "public static class Functions { [ServerFunction, AllowAnonymous] public static KeyValuePair<string, int> Call(int id) => default; }",
        "public sealed record Tree(string Name, Tree? Left, List<Tree> Kids); public static class Functions { [ServerFunction, AllowAnonymous] public static Tree Call(Tree t) => t; }",
        "public sealed record Gen<T>(T Value); public static class Functions { [ServerFunction, AllowAnonymous] public static Gen<Gen<int>> Call(Gen<string> t) => default!; }",
        "public sealed record WithKeyword(int @class, string @event, [property: System.Text.Json.Serialization.JsonPropertyName(\"a\\\"b\\u2028*/\")] int Odd); public static class Functions { [ServerFunction, AllowAnonymous] public static WithKeyword Call(WithKeyword t) => t; }",
        "public enum Weird { [System.Text.Json.Serialization.JsonStringEnumMemberName(\"a\\\"b\\u2028*/\")] A, B } public static class Functions { [ServerFunction, AllowAnonymous] public static Weird Call(Weird w) => w; }",
        "[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<Shade>))] public enum Shade { constructor, prototype, __proto__, @default } public static class Functions { [ServerFunction, AllowAnonymous] public static Shade Call(Shade w) => w; }",
        "public sealed record Proto(int __proto__, int constructor, int toString); public static class Functions { [ServerFunction, AllowAnonymous] public static Proto Call(Proto p) => p; }",
        "public static class constructor { [ServerFunction(\"/c1\"), AllowAnonymous] public static int __proto__(int id) => id; } public static class prototype { [ServerFunction(\"/c2\"), AllowAnonymous] public static int toString(int id) => id; }",
        "public static class Functions { [ServerFunction, AllowAnonymous] public static int Call(int id, int __proto__, int constructor) => id; }",
        "public static class configure { [ServerFunction(\"/c1\"), AllowAnonymous] public static int Call(int id) => id; }",
        "public static class await { [ServerFunction(\"/c1\"), AllowAnonymous] public static int yield(int let) => let; } public static class Function { [ServerFunction(\"/c2\"), AllowAnonymous] public static int Object(int arguments, int eval) => 0; }",
        "public static class Functions { [ServerFunction(\"/a\"), AllowAnonymous] public static int Call(int id) => id; } public static class functions { [ServerFunction(\"/b\"), AllowAnonymous] public static int call(int id) => id; }",
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Each_shape_is_mapped_or_refused_by_name_and_generated_code_is_clean(string shape)
    {
        var verdict = ShapeCompiler.Check(shape);
        Assert.True(verdict.Problems.Count == 0, string.Join("\n", verdict.Problems));
        verdict = ShapeCompiler.Check("#nullable disable\n" + shape.Replace("!", "", StringComparison.Ordinal), nullable: Microsoft.CodeAnalysis.NullableContextOptions.Disable);
        Assert.True(verdict.Problems.Count == 0, string.Join("\n", verdict.Problems));
    }
}
