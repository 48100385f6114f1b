using Xunit.Abstractions;

namespace SessionAuth.Corpus.Tests;

/// <summary>
/// Review 22: shapes the corpus does not have, through the corpus's own check (<see cref="ShapeCompiler.Check"/>): no
/// CS8785, no diagnostic in generated code, no error elsewhere caused by generated code, every server function mapped
/// or refused by a SAUTH error that names it.
/// </summary>
public sealed class Review22CorpusTests(ITestOutputHelper output)
{
    private const string Fn = "public static class Functions { [ServerFunction, AllowAnonymous] public static int Call(int id) => id; }";

    public static TheoryData<string, string> Shapes() => new()
    {
        // contextual keywords generated code relies on, declared as user types in scope of every namespace
        { "global type named var", "public sealed class var { } " + Fn },
        { "global type named dynamic", "public sealed class dynamic { } " + Fn },
        { "global type named nameof", "public sealed class nameof { } " + Fn },
        { "global type named notnull", "public interface notnull { } " + Fn },
        { "global type named unmanaged", "public interface unmanaged { } " + Fn },
        { "global type named value", "public sealed class value { } " + Fn },
        { "global type named async", "public sealed class async { } " + Fn },
        { "global type named _", "public sealed class _ { } " + Fn },
        { "type named var in SessionAuth", "namespace SessionAuth { public sealed class var { } } " + Fn },
        { "type named var in SessionAuth.Generated", "namespace SessionAuth.Generated { public sealed class var { } } " + Fn },
        { "type named var, guarded function", "public sealed class var { } public static class Functions { [ServerFunction, RequireSession] public static int Call(UserSession user, int take = 3) => take; }" },
        { "type named var, form and body", "public sealed class var { } public static class Functions { [ServerFunction, AllowAnonymous] public static int Call([FromForm] int a, IFormFile f) => a; [ServerFunction(\"/b\"), AllowAnonymous] public static int Body([FromBody] Order o) => o.Id; }" },
        { "type named var, AsParameters", "public sealed class var { } public static class Functions { [ServerFunction(Method = \"GET\"), AllowAnonymous] public static int Call([AsParameters] Filter f, Cart c, Tenant t) => 0; }" },

        // global using aliases named like what generated code writes
        { "global using alias SessionAuth", "global using Generated = System.String; " + Fn },
        { "global using alias ServerFunctionEndpoints", "global using ServerFunctionEndpoints = System.String; " + Fn },
        { "global using alias Infrastructure", "global using Infrastructure = System.String; " + Fn },
        { "using static of a type with a method named like a generated call", "global using static Helpers; public static class Helpers { public static int Map(object a, object b, object c, object d, object e, object f) => 0; public static bool TryBind(object a) => false; } " + Fn },

        // extension methods that look like what generated code calls on the framework's types
        { "extension TryBind on ServerFunctionArguments", "public static class Ext { public static bool TryBind<T>(this SessionAuth.Infrastructure.ServerFunctionArguments a, SessionAuth.Infrastructure.ParameterBinding<T> b, out T v) { v = default!; return false; } } " + Fn },
        { "extension WriteFailureAsync", "public static class Ext { public static Task WriteFailureAsync(this SessionAuth.Infrastructure.ServerFunctionArguments a) => Task.CompletedTask; } " + Fn },
        { "extension ConfigureAwait", "public static class Ext { public static int ConfigureAwait(this Task t, bool b) => 0; } public static class Functions { [ServerFunction, AllowAnonymous] public static async Task<int> Call(int id) { await Task.Yield(); return id; } }" },

        // private and protected functions and types
        { "private method", "public static class Functions { [ServerFunction, AllowAnonymous] private static int Call(int id) => id; }" },
        { "private parameter type", "public static class Functions { private sealed record Secret(int A); [ServerFunction, AllowAnonymous] private static int Call(Secret s) => s.A; }" },
        { "private return type", "public static class Functions { private sealed record Secret(int A); [ServerFunction, AllowAnonymous] private static Secret Call() => new(1); }" },
        { "protected internal method", "public class Functions { [ServerFunction, AllowAnonymous] protected internal static int Call(int id) => id; }" },
        { "private protected method", "public class Functions { [ServerFunction, AllowAnonymous] private protected static int Call(int id) => id; }" },
        { "private session rule argument type", "public static class Functions { private enum Mode { A, B } [ServerFunction(Method = \"GET\"), AllowAnonymous] private static int Call(Mode m = Mode.B) => (int)m; }" },

        // nested generic types as parameters and results
        { "nested type of a generic as a body", "public class Box<T> { public sealed record Inner(T Value); } public static class Functions { [ServerFunction, AllowAnonymous] public static int Call(Box<int>.Inner p) => p.Value; }" },
        { "nested enum of a generic as text", "public class Box<T> { public enum Kind { A, B } } public static class Functions { [ServerFunction(Method = \"GET\"), AllowAnonymous] public static int Call(Box<string>.Kind p = Box<string>.Kind.B) => (int)p; }" },
        { "nested generic result", "public class Box<T> { public sealed record Inner(T Value); } public static class Functions { [ServerFunction, AllowAnonymous] public static Box<int>.Inner Call() => new(1); }" },
        { "tuple with nullable names", "public static class Functions { [ServerFunction, AllowAnonymous] public static (int? A, string? B)? Call((int? A, string? B)? p) => p; }" },

        // defaults not in the corpus
        { "float epsilon", Fn.Replace("int id", "float id = float.Epsilon", StringComparison.Ordinal).Replace("=> id", "=> 0", StringComparison.Ordinal) },
        { "float 0.1", Fn.Replace("int id", "float id = 0.1f", StringComparison.Ordinal).Replace("=> id", "=> 0", StringComparison.Ordinal) },
        { "double 5e-324", Fn.Replace("int id", "double id = 5e-324", StringComparison.Ordinal).Replace("=> id", "=> 0", StringComparison.Ordinal) },
        { "double max", Fn.Replace("int id", "double id = double.MaxValue", StringComparison.Ordinal).Replace("=> id", "=> 0", StringComparison.Ordinal) },
        { "int min", Fn.Replace("int id", "int id = int.MinValue", StringComparison.Ordinal) },
        { "long min nullable", Fn.Replace("int id", "long? id = long.MinValue", StringComparison.Ordinal).Replace("=> id", "=> 0", StringComparison.Ordinal) },
        { "uint max", Fn.Replace("int id", "uint id = uint.MaxValue", StringComparison.Ordinal).Replace("=> id", "=> 0", StringComparison.Ordinal) },
        { "sbyte min", Fn.Replace("int id", "sbyte id = sbyte.MinValue", StringComparison.Ordinal) },
        { "short min", Fn.Replace("int id", "short id = short.MinValue", StringComparison.Ordinal) },
        { "nint negative", Fn.Replace("int id", "nint id = -1", StringComparison.Ordinal).Replace("=> id", "=> 0", StringComparison.Ordinal) },
        { "nuint max", Fn.Replace("int id", "nuint id = uint.MaxValue", StringComparison.Ordinal).Replace("=> id", "=> 0", StringComparison.Ordinal) },
        { "decimal max nullable", Fn.Replace("int id", "decimal? id = decimal.MinValue", StringComparison.Ordinal).Replace("=> id", "=> 0", StringComparison.Ordinal) },
        { "decimal many digits", Fn.Replace("int id", "decimal id = 0.0000000000000000000000000001m", StringComparison.Ordinal).Replace("=> id", "=> 0", StringComparison.Ordinal) },
        { "decimal trailing zeros", Fn.Replace("int id", "decimal id = 1.500m", StringComparison.Ordinal).Replace("=> id", "=> 0", StringComparison.Ordinal) },
        { "char NEL", Fn.Replace("int id", "char id = '\\u0085'", StringComparison.Ordinal).Replace("=> id", "=> 0", StringComparison.Ordinal) },
        { "char FFFF", Fn.Replace("int id", "char id = '\\uFFFF'", StringComparison.Ordinal).Replace("=> id", "=> 0", StringComparison.Ordinal) },
        { "string NEL", Fn.Replace("int id", "string id = \"a\\u0085b\"", StringComparison.Ordinal).Replace("=> id", "=> 0", StringComparison.Ordinal) },
        { "string raw literal", Fn.Replace("int id", "string id = \"\"\"\n    a \"quoted\" {x}\n    \"\"\"", StringComparison.Ordinal).Replace("=> id", "=> 0", StringComparison.Ordinal) },
        { "very long string", Fn.Replace("int id", "string id = \"" + new string('x', 20000) + "\"", StringComparison.Ordinal).Replace("=> id", "=> 0", StringComparison.Ordinal) },
        { "string const expression", "public static class Functions { public const string D = \"a\" + \"\\u2028\"; [ServerFunction, AllowAnonymous] public static int Call(string id = D) => 0; }" },
        { "enum long underlying min", "public enum Wide : long { Min = long.MinValue, Zero = 0 } public static class Functions { [ServerFunction(Method = \"GET\"), AllowAnonymous] public static int Call(Wide w = Wide.Min) => 0; }" },
        { "enum ulong underlying max not a member", "public enum Big : ulong { A = 1 } public static class Functions { [ServerFunction(Method = \"GET\"), AllowAnonymous] public static int Call(Big w = (Big)ulong.MaxValue) => 0; }" },
        { "enum byte negative via cast", "public enum Small : sbyte { A = -1, B = 1 } public static class Functions { [ServerFunction(Method = \"GET\"), AllowAnonymous] public static int Call(Small w = (Small)(-128)) => 0; }" },
        { "flags enum combination without member", "[Flags] public enum F { A = 1, B = 2, C = 4 } public static class Functions { [ServerFunction(Method = \"GET\"), AllowAnonymous] public static int Call(F w = F.A | F.C) => 0; }" },
        { "enum members with the same value", "public enum Dup { A = 1, B = 1, C = 2 } public static class Functions { [ServerFunction(Method = \"GET\"), AllowAnonymous] public static int Call(Dup w = Dup.B) => 0; }" },
        { "nested enum named like its member", "public static class Functions { public enum Kind { Kind, Functions } [ServerFunction(Method = \"GET\"), AllowAnonymous] public static int Call(Kind w = Kind.Functions) => 0; }" },
        { "nullable enum default member", "public static class Functions { [ServerFunction(Method = \"GET\"), AllowAnonymous] public static int Call(Color? w = (Color)7) => 0; }" },
        { "Optional DefaultParameterValue null string", "public static class Functions { [ServerFunction(Method = \"GET\"), AllowAnonymous] public static int Call([System.Runtime.InteropServices.Optional, System.Runtime.InteropServices.DefaultParameterValue(null)] string? w) => 0; }" },
        { "Optional DefaultParameterValue enum", "public static class Functions { [ServerFunction(Method = \"GET\"), AllowAnonymous] public static int Call([System.Runtime.InteropServices.Optional, System.Runtime.InteropServices.DefaultParameterValue(Color.Blue)] Color w) => 0; }" },
        { "Optional string", "public static class Functions { [ServerFunction(Method = \"GET\"), AllowAnonymous] public static int Call([System.Runtime.InteropServices.Optional] string w) => 0; }" },
        { "Optional body", "public static class Functions { [ServerFunction, AllowAnonymous] public static int Call([System.Runtime.InteropServices.Optional] Order w) => 0; }" },
        { "Optional nullable int", "public static class Functions { [ServerFunction(Method = \"GET\"), AllowAnonymous] public static int Call([System.Runtime.InteropServices.Optional] int? w) => 0; }" },
        { "DateTimeConstant nullable", "public static class Functions { [ServerFunction(Method = \"GET\"), AllowAnonymous] public static int Call([System.Runtime.InteropServices.Optional, System.Runtime.CompilerServices.DateTimeConstant(0)] DateTime? w) => 0; }" },
        { "Guid default new", "public static class Functions { [ServerFunction(Method = \"GET\"), AllowAnonymous] public static int Call(Guid w = new()) => 0; }" },
        { "DateOnly default", "public static class Functions { [ServerFunction(Method = \"GET\"), AllowAnonymous] public static int Call(DateOnly w = default, TimeOnly t = default, DateTimeOffset o = default) => 0; }" },
        { "params string array on GET", "public static class Functions { [ServerFunction(Method = \"GET\"), AllowAnonymous] public static int Call(params string[] tags) => tags.Length; }" },
        { "params int array with FromQuery", "public static class Functions { [ServerFunction(Method = \"GET\"), AllowAnonymous] public static int Call([FromQuery] params int[] ids) => ids.Length; }" },
        { "params List", "public static class Functions { [ServerFunction, AllowAnonymous] public static int Call(params List<int> ids) => ids.Count; }" },

        // names
        { "identifier written with unicode escapes", "public static class Functions { [ServerFunction, AllowAnonymous] public static int \\u0043all(int \\u0069d) => id; }" },
        { "identifier with combining mark", "public static class Functions { [ServerFunction, AllowAnonymous] public static int Cafe\u0301(int id) => id; }" },
        { "identifier with format char", "public static class Functions { [ServerFunction, AllowAnonymous] public static int Ca\u200Dll(int id) => id; }" },
        { "parameter names differing by unicode normalisation", "public static class Functions { [ServerFunction, AllowAnonymous] public static int Call(int caf\u00e9, int cafe\u0301) => 0; }" },
        { "parameter named like generated locals", "public static class Functions { [ServerFunction, AllowAnonymous] public static int Call(int file, int arg1x, int endpoint1, int binding, int resultTypeInfo1, int services1, int group1, int function1, int attributes, int steps1, int metadata1) => 0; }" },
        { "parameter named var and dynamic", "public static class Functions { [ServerFunction, AllowAnonymous] public static int Call(int var, int dynamic, int nameof, int value, int @this, int @base) => 0; }" },
        { "type parameter names in a generic outer", "public static class Outer<TResult, T1> { public static class Functions { [ServerFunction, AllowAnonymous] public static int Call(int id) => id; } }" },
        { "class named TResult", "public sealed record TResult(int A); public sealed record T1(int B); public static class Functions { [ServerFunction, AllowAnonymous] public static TResult Call(T1 p) => new(p.B); }" },
        { "namespace named TResult", "namespace T1 { public sealed record TResult(int A); public static class Functions { [ServerFunction, AllowAnonymous] public static TResult Call(TResult p) => p; } }" },
        { "record with primary constructor as instance function host", "public sealed record Functions(IClock Clock) { [ServerFunction, AllowAnonymous] public int Call(int id) => id; }" },
        { "init and required members in AsParameters", "public sealed class Args { public required int Take { get; init; } public string? Term { get; init; } } public static class Functions { [ServerFunction(Method = \"GET\"), AllowAnonymous] public static int Call([AsParameters] Args a) => a.Take; }" },
        { "init and required members in FromForm", "public sealed class Args { public required int Take { get; init; } public string? Term { get; init; } } public static class Functions { [ServerFunction, AllowAnonymous] public static int Call([FromForm] Args a) => a.Take; }" },
        { "record primary ctor with property attribute target", "public sealed record Args([property: FromHeader(Name = \"X-T\")] string? T, int Take = 2); public static class Functions { [ServerFunction(Method = \"GET\"), AllowAnonymous] public static int Call([AsParameters] Args a) => a.Take; }" },
        { "AsParameters with SetsRequiredMembers ctor", "public sealed class Args { [System.Diagnostics.CodeAnalysis.SetsRequiredMembers] public Args(int take) { Take = take; } public required int Take { get; init; } } public static class Functions { [ServerFunction(Method = \"GET\"), AllowAnonymous] public static int Call([AsParameters] Args a) => a.Take; }" },
        { "AsParameters property with nullable generic", "public sealed class Args<T> where T : struct { public T? Value { get; set; } } public static class Functions { [ServerFunction(Method = \"GET\"), AllowAnonymous] public static int Call([AsParameters] Args<int> a) => 0; }" },
        { "AsParameters nested generic type", "public class Box<T> { public sealed class Args { public T? Value { get; set; } } } public static class Functions { [ServerFunction(Method = \"GET\"), AllowAnonymous] public static int Call([AsParameters] Box<int>.Args a) => 0; }" },
        { "AsParameters private setter", "public sealed class Args { public int Take { get; private set; } public int Skip { get; set; } } public static class Functions { [ServerFunction(Method = \"GET\"), AllowAnonymous] public static int Call([AsParameters] Args a) => a.Skip; }" },
        { "AsParameters keyword member names", "public sealed class Args { public int @class { get; set; } public string? @event { get; set; } } public static class Functions { [ServerFunction(Method = \"GET\"), AllowAnonymous] public static int Call([AsParameters] Args a) => a.@class; }" },
        { "AsParameters ctor with keyword parameter names", "public sealed record Args(int @class, string @event = \"e\"); public static class Functions { [ServerFunction(Method = \"GET\"), AllowAnonymous] public static int Call([AsParameters] Args a) => a.@class; }" },
        { "FromForm record with defaults", "public sealed record Args(int Id, string Label = \"none\", Color Shade = Color.Blue); public static class Functions { [ServerFunction, AllowAnonymous] public static int Call([FromForm] Args a) => a.Id; }" },
        { "AsParameters record struct with explicit ctor", "public readonly record struct Args(int Take) { public Args() : this(5) { } } public static class Functions { [ServerFunction(Method = \"GET\"), AllowAnonymous] public static int Call([AsParameters] Args a) => a.Take; }" },
        { "AsParameters struct with ctor", "public struct Args { public Args(int take) { Take = take; } public int Take { get; set; } } public static class Functions { [ServerFunction(Method = \"GET\"), AllowAnonymous] public static int Call([AsParameters] Args a) => a.Take; }" },
        { "AsParameters inherited ctor property", "public class Base { public int Take { get; set; } } public sealed class Args : Base { public Args(int take) { Take = take; } } public static class Functions { [ServerFunction(Method = \"GET\"), AllowAnonymous] public static int Call([AsParameters] Args a) => a.Take; }" },
        { "AsParameters property of a file type", "file sealed class Hidden { } public sealed class Args { public int Take { get; set; } } public static class Functions { [ServerFunction(Method = \"GET\"), AllowAnonymous] public static int Call([AsParameters] Args a) => a.Take; }" },
        { "scoped ref struct parameter", "public ref struct Rs { public int A; } public static class Functions { [ServerFunction, AllowAnonymous] public static int Call(scoped Rs p) => p.A; }" },
        { "ref readonly return", "public static class Functions { private static int v; [ServerFunction, AllowAnonymous] public static ref readonly int Call() => ref v; }" },
        { "ReadOnlySpan parameter", "public static class Functions { [ServerFunction, AllowAnonymous] public static int Call(ReadOnlySpan<char> p) => p.Length; }" },
        { "function pointer return", "public static unsafe class Functions { [ServerFunction, AllowAnonymous] public static delegate*<int> Call() => null; }" },
        { "TypedReference parameter", "public static class Functions { [ServerFunction, AllowAnonymous] public static int Call(TypedReference p) => 0; }" },
        { "ArgIterator-free __arglist", "public static class Functions { [ServerFunction, AllowAnonymous] public static int Call(int a, __arglist) => a; }" },
        { "nullable value tuple in form", "public static class Functions { [ServerFunction, AllowAnonymous] public static int Call([FromForm] (int A, int B) p) => 0; }" },
        { "static local named like function", "public static class Functions { [ServerFunction, AllowAnonymous] public static int Call(int id) { return Call(); static int Call() => 1; } }" },
        { "generic method in generic class instance", "public class Functions<T> where T : class { [ServerFunction, AllowAnonymous] public int Call(int id) => id; }" },
        { "ServerFunction on a delegate's Invoke via return target", "public static class Functions { public delegate int D(); }" },
        { "ServerFunction on a local function in a lambda", "public static class Functions { public static Func<int> Outer() => () => { return Call(); [ServerFunction, AllowAnonymous] static int Call() => 0; }; }" },
        { "ServerFunction on a local function in a property", "public static class Functions { public static int P { get { return Call(); [ServerFunction, AllowAnonymous] static int Call() => 0; } } }" },
        { "ServerFunction on an anonymous method", "public static class Functions { public static Func<int> Outer() => delegate { return 0; }; }" },
        { "ServerFunction on an init accessor", "public class Functions { public int V { get; [ServerFunction, AllowAnonymous] init { } } }" },
        { "ServerFunction on a partial property accessor", "public partial class Functions { public partial int V { get; } public partial int V { [ServerFunction, AllowAnonymous] get => 0; } }" },
        { "ServerFunction on a user-defined checked operator", "public readonly record struct Functions(int V) { [ServerFunction, AllowAnonymous] public static Functions operator checked +(Functions a, Functions b) => a; public static Functions operator +(Functions a, Functions b) => a; }" },
        { "ServerFunction on a C# 14 compound assignment operator", "public class Functions { public int V; [ServerFunction, AllowAnonymous] public void operator +=(int x) { V += x; } }" },
        { "ServerFunction in an extension block property", "public static class Functions { extension(int value) { public int Twice { [ServerFunction, AllowAnonymous] get => value * 2; } } }" },
        { "ServerFunction in a generic extension block", "public static class Functions { extension<T>(List<T> list) { [ServerFunction, AllowAnonymous] public static int Count() => 0; } }" },
        { "ServerFunction on an explicit interface static implementation", "public interface IF { static abstract int Call(); } public class Functions : IF { [ServerFunction, AllowAnonymous] static int IF.Call() => 0; }" },
        { "ServerFunction on an interface default method", "public interface IFunctions { [ServerFunction, AllowAnonymous] int Call() => 0; }" },
        { "ServerFunction on an interface private static", "public interface IFunctions { [ServerFunction, AllowAnonymous] private static int Call() => 0; }" },
        { "ServerFunction on an interface public static with body", "public interface IFunctions { [ServerFunction, AllowAnonymous] public static int Call(int id) => id; }" },
        { "ServerFunction on a method of a nested type in an interface", "public interface IFunctions { public static class Functions { [ServerFunction, AllowAnonymous] public static int Call(int id) => id; } }" },
        { "ServerFunction in an enum-nested... struct in record struct", "public record struct Outer { public static class Functions { [ServerFunction, AllowAnonymous] public static int Call(int id) => id; } }" },
        { "ServerFunction on a generic local function", "public static class Functions { public static int Outer() { return Call<int>(); [ServerFunction, AllowAnonymous] static int Call<T>() => 0; } }" },
        { "ServerFunction in a partial class split across namespaces' nested", "public static partial class Outer { public static partial class Functions { [ServerFunction, AllowAnonymous] public static int A() => 0; } } public static partial class Outer { public static partial class Functions { [ServerFunction(\"/b\"), AllowAnonymous] public static int B() => 0; } }" },
        { "two functions with the same name in differently-cased nested types", "public static class Outer { public static class Inner { [ServerFunction(\"/x\"), AllowAnonymous] public static int Call() => 0; } public static class inner { [ServerFunction(\"/y\"), AllowAnonymous] public static int Call() => 0; } }" },
        { "functions differing by generic arity of the outer type", "public static class Outer { [ServerFunction(\"/x\"), AllowAnonymous] public static int Call() => 0; } public static class Outer<T> { [ServerFunction(\"/y\"), AllowAnonymous] public static int Call() => 0; }" },
        { "type names joined with underscores", "public static class A_ { public static class B { [ServerFunction(\"/x\"), AllowAnonymous] public static int C() => 0; } } public static class A { public static class _B { [ServerFunction(\"/y\"), AllowAnonymous] public static int C() => 0; } }" },
        { "nested type named like outer's method", "public static class A { [ServerFunction(\"/x\"), AllowAnonymous] public static int B_C() => 0; public static class B { [ServerFunction(\"/y\"), AllowAnonymous] public static int C() => 0; } }" },
        { "unicode types that fold together", "public static class Straße { [ServerFunction(\"/x\"), AllowAnonymous] public static int Call() => 0; } public static class STRASSE { [ServerFunction(\"/y\"), AllowAnonymous] public static int Call() => 0; }" },
        { "dotless i types", "public static class Iİ { [ServerFunction(\"/x\"), AllowAnonymous] public static int Call() => 0; } public static class iı { [ServerFunction(\"/y\"), AllowAnonymous] public static int Call() => 0; }" },
        { "very long names", "public static class " + new string('N', 500) + " { [ServerFunction, AllowAnonymous] public static int " + new string('M', 500) + "(int " + new string('p', 500) + ") => 0; }" },
        { "Obsolete parameter type", "[Obsolete(\"x\")] public sealed record Old(int A); public static class Functions {\n#pragma warning disable CS0618\n [ServerFunction, AllowAnonymous] public static int Call(Old o) => o.A;\n#pragma warning restore CS0618\n }" },
        { "Obsolete return type", "[Obsolete(\"x\")] public sealed record Old(int A); public static class Functions {\n#pragma warning disable CS0618\n [ServerFunction, AllowAnonymous] public static Old Call() => new(1);\n#pragma warning restore CS0618\n }" },
        { "Obsolete declaring type error", "[Obsolete(\"x\", error: true)] public static class Functions { [ServerFunction, AllowAnonymous] public static int Call(int id) => id; }" },
        { "Experimental parameter type", "[System.Diagnostics.CodeAnalysis.Experimental(\"X22\")] public sealed record New(int A); public static class Functions {\n#pragma warning disable X22\n [ServerFunction, AllowAnonymous] public static int Call(New n) => n.A;\n#pragma warning restore X22\n }" },
        { "Experimental declaring type", "[System.Diagnostics.CodeAnalysis.Experimental(\"X23\")] public static class Functions { [ServerFunction, AllowAnonymous] public static int Call(int id) => id; }" },
        { "Obsolete enum member default", "public enum Old { A, [Obsolete(\"x\")] B } public static class Functions {\n#pragma warning disable CS0618\n [ServerFunction(Method = \"GET\"), AllowAnonymous] public static int Call(Old o = Old.B) => 0;\n#pragma warning restore CS0618\n }" },
        { "Obsolete session data type", "[SessionData, Obsolete(\"x\")] public sealed record Second(int Id);" },
        { "Obsolete BindAsync type", "[Obsolete(\"x\")] public sealed class B { public static ValueTask<B?> BindAsync(HttpContext c) => default; } public static class Functions {\n#pragma warning disable CS0618\n [ServerFunction(Method = \"GET\"), AllowAnonymous] public static int Call(B b) => 0;\n#pragma warning restore CS0618\n }" },
        { "Obsolete TryParse type", "[Obsolete(\"x\")] public readonly record struct S(int A) { public static bool TryParse(string s, out S v) { v = default; return true; } } public static class Functions {\n#pragma warning disable CS0618\n [ServerFunction(Method = \"GET\"), AllowAnonymous] public static int Call(S s) => 0;\n#pragma warning restore CS0618\n }" },
        { "Obsolete AsParameters type", "[Obsolete(\"x\")] public sealed class Args { public int Take { get; set; } } public static class Functions {\n#pragma warning disable CS0618\n [ServerFunction(Method = \"GET\"), AllowAnonymous] public static int Call([AsParameters] Args a) => a.Take;\n#pragma warning restore CS0618\n }" },
        { "Obsolete enum type as text", "[Obsolete(\"x\")] public enum E { A } public static class Functions {\n#pragma warning disable CS0618\n [ServerFunction(Method = \"GET\"), AllowAnonymous] public static int Call(E e = E.A) => 0;\n#pragma warning restore CS0618\n }" },
        { "Obsolete keyed service key const", "public static class Keys { [Obsolete(\"x\")] public const string K = \"k\"; } public static class Functions {\n#pragma warning disable CS0618\n [ServerFunction(Method = \"GET\"), AllowAnonymous] public static int Call([FromKeyedServices(Keys.K)] IClock c) => 0;\n#pragma warning restore CS0618\n }" },
        { "keyed service with enum key", "public static class Functions { [ServerFunction(Method = \"GET\"), AllowAnonymous] public static int Call([FromKeyedServices(Color.Blue)] IClock c) => 0; }" },
        { "keyed service with type key", "public static class Functions { [ServerFunction(Method = \"GET\"), AllowAnonymous] public static int Call([FromKeyedServices(typeof(List<int>))] IClock c) => 0; }" },
        { "keyed service with null key", "public static class Functions { [ServerFunction(Method = \"GET\"), AllowAnonymous] public static int Call([FromKeyedServices(null!)] IClock c) => 0; }" },
        { "keyed service with array key", "public static class Functions { [ServerFunction(Method = \"GET\"), AllowAnonymous] public static int Call([FromKeyedServices(new[] { 1, 2 })] IClock c) => 0; }" },
        { "keyed service with char and double keys", "public static class Functions { [ServerFunction(Method = \"GET\"), AllowAnonymous] public static int Call([FromKeyedServices('\\u2028')] IClock c, [FromKeyedServices(double.NaN)] Catalog d, [FromKeyedServices(\"a\\u0085b\")] Repository r) => 0; }" },
        { "keyed service with a nested generic enum key", "public class Box<T> { public enum K { A } } public static class Functions { [ServerFunction(Method = \"GET\"), AllowAnonymous] public static int Call([FromKeyedServices(Box<int>.K.A)] IClock c) => 0; }" },
        { "keyed service with a protected enum key", "public class Functions { protected enum K { A } [ServerFunction(Method = \"GET\"), AllowAnonymous] public static int Call([FromKeyedServices(K.A)] IClock c) => 0; }" },
        { "keyed service with an enum key of a private nested class", "public static class Functions { private static class Keys { public enum K { A } } [ServerFunction(Method = \"GET\"), AllowAnonymous] public static int Call([FromKeyedServices(Keys.K.A)] IClock c) => 0; }" },
        { "keyed service with a file-local enum key", "file enum K { A } public static class Functions { [ServerFunction(Method = \"GET\"), AllowAnonymous] public static int Call([FromKeyedServices(K.A)] IClock c) => 0; }" },
        { "keyed service with an enum key that is obsolete", "[Obsolete(\"x\")] public enum K { A } public static class Functions {\n#pragma warning disable CS0618\n [ServerFunction(Method = \"GET\"), AllowAnonymous] public static int Call([FromKeyedServices(K.A)] IClock c) => 0;\n#pragma warning restore CS0618\n }" },
        { "keyed service with an obsolete enum member key", "public enum K { A, [Obsolete(\"x\")] B } public static class Functions {\n#pragma warning disable CS0618\n [ServerFunction(Method = \"GET\"), AllowAnonymous] public static int Call([FromKeyedServices(K.B)] IClock c) => 0;\n#pragma warning restore CS0618\n }" },
        { "AsParameters member keyed by a private enum", "public static class Functions { private enum K { A } public sealed class Args { public Args([FromKeyedServices(K.A)] IClock clock) { Clock = clock; } public IClock Clock { get; } } [ServerFunction(Method = \"GET\"), AllowAnonymous] public static int Call([AsParameters] Args a) => 0; }" },
        { "experimental session data type", "[SessionData, System.Diagnostics.CodeAnalysis.Experimental(\"X24\")] public sealed record Second(int Id);" },
        { "obsolete session data used by a function", "namespace Shop {\n#pragma warning disable CS0618\n [SessionAuth.SessionData, System.Obsolete(\"x\")] public sealed record Data(int Id); public static class Functions { [SessionAuth.ServerFunction, SessionAuth.RequireSession] public static int Call(Data d) => d.Id; }\n#pragma warning restore CS0618\n }" },
        { "AsParameters value tuple", "public static class Functions { [ServerFunction(Method = \"GET\"), AllowAnonymous] public static int Call([AsParameters] (int A, int B) p) => 0; }" },
        { "FromForm KeyValuePair", "public static class Functions { [ServerFunction, AllowAnonymous] public static int Call([FromForm] KeyValuePair<string, int> p) => 0; }" },
        { "FromForm anonymous-free Tuple class", "public static class Functions { [ServerFunction, AllowAnonymous] public static int Call([FromForm] Tuple<int, string> p) => 0; }" },
        { "FromForm record with a private ctor and a public one", "public sealed record Args(int A) { private Args() : this(0) { } } public static class Functions { [ServerFunction, AllowAnonymous] public static int Call([FromForm] Args p) => 0; }" },
        { "FromForm class with an internal ctor", "public sealed class Args { internal Args() { } public int A { get; set; } } public static class Functions { [ServerFunction, AllowAnonymous] public static int Call([FromForm] Args p) => 0; }" },
        { "AsParameters class with a protected internal setter", "public sealed class Args { public int A { get; protected internal set; } } public static class Functions { [ServerFunction(Method = \"GET\"), AllowAnonymous] public static int Call([AsParameters] Args p) => 0; }" },
        { "AsParameters class with an internal setter", "public sealed class Args { public int A { get; internal set; } public int B { get; set; } } public static class Functions { [ServerFunction(Method = \"GET\"), AllowAnonymous] public static int Call([AsParameters] Args p) => 0; }" },
        { "AsParameters internal property", "public sealed class Args { internal int A { get; set; } public int B { get; set; } } public static class Functions { [ServerFunction(Method = \"GET\"), AllowAnonymous] public static int Call([AsParameters] Args p) => 0; }" },
        { "AsParameters static property", "public sealed class Args { public static int A { get; set; } public int B { get; set; } } public static class Functions { [ServerFunction(Method = \"GET\"), AllowAnonymous] public static int Call([AsParameters] Args p) => 0; }" },
        { "AsParameters indexer", "public sealed class Args { public int this[int i] { get => 0; set { } } public int B { get; set; } } public static class Functions { [ServerFunction(Method = \"GET\"), AllowAnonymous] public static int Call([AsParameters] Args p) => 0; }" },
        { "AsParameters explicit interface property", "public interface IA { int A { get; set; } } public sealed class Args : IA { int IA.A { get; set; } public int B { get; set; } } public static class Functions { [ServerFunction(Method = \"GET\"), AllowAnonymous] public static int Call([AsParameters] Args p) => 0; }" },
        { "AsParameters ref-returning property", "public sealed class Args { private int a; public ref int A => ref a; public int B { get; set; } } public static class Functions { [ServerFunction(Method = \"GET\"), AllowAnonymous] public static int Call([AsParameters] Args p) => 0; }" },
        { "AsParameters hiding property", "public class Base { public int A { get; set; } } public sealed class Args : Base { public new string? A { get; set; } } public static class Functions { [ServerFunction(Method = \"GET\"), AllowAnonymous] public static int Call([AsParameters] Args p) => 0; }" },
        { "AsParameters ctor parameter differing in case only from two properties", "public sealed class Args { public Args(int a) { A = a; } public int A { get; } public int a2 { get; set; } } public static class Functions { [ServerFunction(Method = \"GET\"), AllowAnonymous] public static int Call([AsParameters] Args p) => 0; }" },
        { "keyed service with a private enum key", "public static class Functions { private enum K { A } [ServerFunction(Method = \"GET\"), AllowAnonymous] public static int Call([FromKeyedServices(K.A)] IClock c) => 0; }" },
        { "FromForm Name with hostile text", "public static class Functions { [ServerFunction, AllowAnonymous] public static int Call([FromForm(Name = \"a\\\"b\\u2028\\u0085*/\")] int p) => p; }" },
        { "FromHeader Name empty", "public static class Functions { [ServerFunction(Method = \"GET\"), AllowAnonymous] public static int Call([FromHeader(Name = \"\")] int p) => p; }" },
        { "FromQuery Name null", "public static class Functions { [ServerFunction(Method = \"GET\"), AllowAnonymous] public static int Call([FromQuery(Name = null)] int p) => p; }" },
        { "FromRoute Name with case", "public static class Functions { [ServerFunction(\"/x/{ID}\", Method = \"GET\"), AllowAnonymous] public static int Call([FromRoute(Name = \"id\")] int p) => p; }" },
        { "two parameters with the same FromQuery Name", "public static class Functions { [ServerFunction(Method = \"GET\"), AllowAnonymous] public static int Call([FromQuery(Name = \"q\")] int a, [FromQuery(Name = \"q\")] int b) => a; }" },
        { "FromBody twice", "public static class Functions { [ServerFunction, AllowAnonymous] public static int Call([FromBody] Order a, [FromBody] Order b) => 0; }" },
        { "FromBody and FromForm", "public static class Functions { [ServerFunction, AllowAnonymous] public static int Call([FromBody] Order a, [FromForm] int b) => 0; }" },
        { "attribute applied twice via subclass", "public sealed class MyQuery : FromQueryAttribute { } public static class Functions { [ServerFunction(Method = \"GET\"), AllowAnonymous] public static int Call([MyQuery] int p) => p; }" },
        { "custom IFromHeaderMetadata attribute", "public sealed class HdrAttribute : Attribute, Microsoft.AspNetCore.Http.Metadata.IFromHeaderMetadata { public string? Name => \"X-H\"; } public static class Functions { [ServerFunction(Method = \"GET\"), AllowAnonymous] public static int Call([Hdr] int p) => p; }" },
        { "custom IFromServiceMetadata attribute", "public sealed class SvcAttribute : Attribute, Microsoft.AspNetCore.Http.Metadata.IFromServiceMetadata { } public static class Functions { [ServerFunction(Method = \"GET\"), AllowAnonymous] public static int Call([Svc] IClock p) => 0; }" },
        { "custom IFromBodyMetadata attribute", "public sealed class BodyAttribute : Attribute, Microsoft.AspNetCore.Http.Metadata.IFromBodyMetadata { public bool AllowEmpty => true; } public static class Functions { [ServerFunction, AllowAnonymous] public static int Call([Body] Order? p) => 0; }" },
        { "custom IFromFormMetadata attribute", "public sealed class FormAttribute : Attribute, Microsoft.AspNetCore.Http.Metadata.IFromFormMetadata { public string? Name => \"f\"; } public static class Functions { [ServerFunction, AllowAnonymous] public static int Call([Form] int p) => p; }" },
        { "custom IFromRouteMetadata attribute", "public sealed class RtAttribute : Attribute, Microsoft.AspNetCore.Http.Metadata.IFromRouteMetadata { public string? Name => \"id\"; } public static class Functions { [ServerFunction(\"/x/{id}\", Method = \"GET\"), AllowAnonymous] public static int Call([Rt] int p) => p; }" },
        { "custom IFromQueryMetadata attribute", "public sealed class QAttribute : Attribute, Microsoft.AspNetCore.Http.Metadata.IFromQueryMetadata { public string? Name => \"q\"; } public static class Functions { [ServerFunction(Method = \"GET\"), AllowAnonymous] public static int Call([Q] int p) => p; }" },
        { "FromServices on text", "public static class Functions { [ServerFunction(Method = \"GET\"), AllowAnonymous] public static int Call([FromServices] int p) => p; }" },
        { "FromKeyedServices on HttpContext", "public static class Functions { [ServerFunction(Method = \"GET\"), AllowAnonymous] public static int Call([FromKeyedServices(\"k\")] HttpContext p) => 0; }" },
        { "FromQuery on HttpContext", "public static class Functions { [ServerFunction(Method = \"GET\"), AllowAnonymous] public static int Call([FromQuery] CancellationToken p) => 0; }" },
        { "FromBody on Stream", "public static class Functions { [ServerFunction, AllowAnonymous] public static int Call([FromBody] Stream p, [FromQuery] int q) => q; }" },
        { "FromForm on IFormFile with Name", "public static class Functions { [ServerFunction, AllowAnonymous] public static int Call([FromForm(Name = \"doc\")] IFormFile p) => 0; }" },
        { "FromForm on IFormFileCollection", "public static class Functions { [ServerFunction, AllowAnonymous] public static int Call([FromForm] IFormFileCollection p) => 0; }" },
        { "FromQuery Uri", "public static class Functions { [ServerFunction(Method = \"GET\"), AllowAnonymous] public static int Call([FromQuery] Uri p) => 0; }" },
        { "FromHeader Uri", "public static class Functions { [ServerFunction(Method = \"GET\"), AllowAnonymous] public static int Call([FromHeader] Uri? p) => 0; }" },
        { "route parameter naming a body class", "public static class Functions { [ServerFunction(\"/o/{order}\"), AllowAnonymous] public static int Call(Order order) => 0; }" },
        { "route parameter naming a service", "public static class Functions { [ServerFunction(\"/o/{clock}\", Method = \"GET\"), AllowAnonymous] public static int Call(IClock clock) => 0; }" },
        { "route parameter naming a Uri", "public static class Functions { [ServerFunction(\"/o/{target}\", Method = \"GET\"), AllowAnonymous] public static int Call(Uri target) => 0; }" },
        { "route parameter naming an HttpContext", "public static class Functions { [ServerFunction(\"/o/{context}\", Method = \"GET\"), AllowAnonymous] public static int Call(HttpContext context) => 0; }" },
        { "route parameter naming a BindAsync type", "public static class Functions { [ServerFunction(\"/o/{cart}\", Method = \"GET\"), AllowAnonymous] public static int Call(Cart cart) => 0; }" },
        { "route parameter naming an array", "public static class Functions { [ServerFunction(\"/o/{ids}\", Method = \"GET\"), AllowAnonymous] public static int Call(int[] ids) => 0; }" },
        { "route parameter naming a FromQuery parameter", "public static class Functions { [ServerFunction(\"/o/{id}\", Method = \"GET\"), AllowAnonymous] public static int Call([FromQuery] int id) => 0; }" },
        { "route parameter naming the session", "public static class Functions { [ServerFunction(\"/o/{user}\", Method = \"GET\"), RequireSession] public static int Call(UserSession user) => 0; }" },
        { "route parameter naming an AsParameters member", "public sealed class Args { public int Id { get; set; } } public static class Functions { [ServerFunction(\"/o/{id}\", Method = \"GET\"), AllowAnonymous] public static int Call([AsParameters] Args a) => a.Id; }" },
        { "route parameter naming nothing", "public static class Functions { [ServerFunction(\"/o/{nothing}\", Method = \"GET\"), AllowAnonymous] public static int Call(int id) => id; }" },
        { "route with a default naming a body class", "public static class Functions { [ServerFunction(\"/o/{order=x}\"), AllowAnonymous] public static int Call(Order order) => 0; }" },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Review22_shape_is_mapped_or_refused_by_name_and_generated_code_is_clean(string id, string source)
    {
        var verdict = ShapeCompiler.Check(source);
        foreach (var (name, mapped) in verdict.Functions)
        {
            output.WriteLine($"{name}: {(mapped ? "mapped" : "refused")}");
        }

        Assert.True(verdict.Problems.Count == 0, $"{id}:\n  - " + string.Join("\n  - ", verdict.Problems));
    }

    /// <summary>Shapes a minimal API binds (Uri is text to minimal APIs: Uri.TryCreate(text, RelativeOrAbsolute)); they must be mapped.</summary>
    public static TheoryData<string, string> ShapesMinimalApisBind() => new()
    {
        { "Uri array from the query on GET", "public static class Functions { [ServerFunction(Method = \"GET\"), AllowAnonymous] public static int Call(Uri[] links) => links.Length; }" },
        { "FromQuery Uri", "public static class Functions { [ServerFunction(Method = \"GET\"), AllowAnonymous] public static int Call([FromQuery] Uri link) => 0; }" },
        { "FromHeader Uri", "public static class Functions { [ServerFunction(Method = \"GET\"), AllowAnonymous] public static int Call([FromHeader(Name = \"X-Link\")] Uri? link) => 0; }" },
        { "FromRoute Uri", "public static class Functions { [ServerFunction(\"/go/{link}\", Method = \"GET\"), AllowAnonymous] public static int Call([FromRoute] Uri link) => 0; }" },
        { "FromForm Uri", "public static class Functions { [ServerFunction, AllowAnonymous] public static int Call([FromForm] Uri link) => 0; }" },
    };

    [Theory]
    [MemberData(nameof(ShapesMinimalApisBind))]
    public void Review22_shape_a_minimal_api_binds_is_mapped(string id, string source)
    {
        var verdict = ShapeCompiler.Check(source);
        Assert.True(verdict.Problems.Count == 0, $"{id}:\n  - " + string.Join("\n  - ", verdict.Problems));
        Assert.True(verdict.Functions.All(f => f.Mapped), $"{id}: refused, though a minimal API binds it: " + string.Join(", ", verdict.Functions.Where(f => !f.Mapped).Select(f => f.Name)));
    }
}
