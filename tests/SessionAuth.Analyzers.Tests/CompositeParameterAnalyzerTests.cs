namespace SessionAuth.Analyzers.Tests;

/// <summary>SAUTH0003 for the <c>[AsParameters]</c> and complex <c>[FromForm]</c> parameters the generator cannot bind, and silence for those it binds.</summary>
public sealed partial class ServerFunctionAnalyzerTests
{
    [Fact]
    public Task AsParameters_types_minimal_APIs_refuse_are_explained() => VerifyAsync(
        """
        [AllowAnonymous]
        public static class Refused
        {
            [ServerFunction] public static int {|#0:Abstract|}([AsParameters] Shape shape) => 1;
            [ServerFunction] public static int {|#1:Interface|}([AsParameters] IShape shape) => 1;
            [ServerFunction] public static int {|#2:Nested|}([AsParameters] Outer outer) => 1;
            [ServerFunction] public static int {|#3:TwoConstructors|}([AsParameters] Twice twice) => 1;
            [ServerFunction] public static int {|#4:NoConstructor|}([AsParameters] Hidden hidden) => 1;
            [ServerFunction] public static int {|#5:Unmatched|}([AsParameters] Mismatch mismatch) => 1;
            [ServerFunction] public static int {|#6:Defaulted|}([AsParameters] Point point = default) => 1;
            [ServerFunction] public static int {|#7:Session|}([AsParameters] WithSession args) => 1;
            [ServerFunction] public static int {|#8:Required|}([AsParameters] Demanding args) => 1;
            [ServerFunction(Method = "GET")] public static int {|#9:BadMember|}([AsParameters] BadMember args) => 1;
            [ServerFunction] public static int {|#10:TooMany|}([AsParameters] Wide wide, int extra) => 1;
            [ServerFunction] public static int {|#11:SessionItself|}([AsParameters] UserSession user) => 1;
            [ServerFunction] public static int {|#12:Retired|}([AsParameters] Retiring args) => 1;
            [ServerFunction] public static int Fine([AsParameters] Point point, [AsParameters] Outer.Inner inner) => 1;

            // A [FromBody] member takes the body, so the other members' text comes from the query, as beside a [FromBody] parameter.
            [ServerFunction] public static int BodyBesideText([AsParameters] Placed placed, string note) => 1;
        }

        public sealed class Retiring { [System.Obsolete("old")] public int Take { get; set; } }
        public sealed record Placed([FromBody] Point Where, int Priority);

        public abstract class Shape { public int Size { get; set; } }
        public interface IShape { int Size { get; set; } }
        public sealed record Outer([AsParameters] Outer.Inner Nested) { public sealed class Inner { public int Depth { get; set; } } }
        public sealed class Twice { public Twice() { } public Twice(int size) { Size = size; } public int Size { get; set; } }
        public sealed class Hidden { private Hidden() { } public int Size { get; set; } }
        public sealed class Mismatch(int size) { public long Size { get; } = size; }
        public readonly record struct Point(int X, int Y);
        public sealed class WithSession { public UserSession? User { get; set; } }
        public sealed class Demanding(int size) { public int Size { get; } = size; public required string Name { get; init; } }
        public sealed class BadMember { [FromQuery] public Point Where { get; set; } }
        public sealed record Wide(int A1, int A2, int A3, int A4, int A5, int A6, int A7, int A8, int A9, int A10, int A11, int A12, int A13, int A14, int A15, int A16);
        """,
        CannotBuild(0, "Refused.Abstract", "parameter 'shape' ([AsParameters] Shape) cannot be bound: it is abstract, which nothing can construct (minimal APIs refuse it too)"),
        CannotBuild(1, "Refused.Interface", "parameter 'shape' ([AsParameters] IShape) cannot be bound: it is an interface, which nothing can construct (minimal APIs refuse it too)"),
        CannotBuild(2, "Refused.Nested", "parameter 'outer' ([AsParameters] Outer) cannot be bound: member 'Nested' is [AsParameters] inside an [AsParameters] type, which minimal APIs refuse too; declare its members in the outer type"),
        CannotBuild(3, "Refused.TwoConstructors", "parameter 'twice' ([AsParameters] Twice) cannot be bound: it has several public constructors; minimal APIs need a single one (or a struct)"),
        CannotBuild(4, "Refused.NoConstructor", "parameter 'hidden' ([AsParameters] Hidden) cannot be bound: it has no public constructor"),
        CannotBuild(5, "Refused.Unmatched", "parameter 'mismatch' ([AsParameters] Mismatch) cannot be bound: its constructor parameter 'size' matches no public property of the same name and type, which minimal APIs require"),
        CannotBuild(6, "Refused.Defaulted", "parameter 'point' ([AsParameters] Point) cannot be bound: it is optional (nullable or with a default), which minimal APIs refuse for [AsParameters]; make it non-nullable"),
        CannotBuild(7, "Refused.Session", "parameter 'args' ([AsParameters] WithSession) cannot be bound: its member 'User' is the session, which only a parameter of the function can take"),
        CannotBuild(8, "Refused.Required", "parameter 'args' ([AsParameters] Demanding) cannot be bound: its required member 'Name' is not a parameter of its constructor, so no binding sets it"),
        CannotBuild(9, "Refused.BadMember", "parameter 'args' ([AsParameters] BadMember) cannot be bound: parameter 'Where' cannot be bound as [FromQuery]: Point is not text: [FromQuery] binds strings, enums, IParsable types and arrays of them"),
        CannotBuild(10, "Refused.TooMany", "its parameters and the members of its [AsParameters] and [FromForm] types are 17 values to bind, more than the 16 a static server function can take"),
        CannotBuild(11, "Refused.SessionItself", "parameter 'user' ([AsParameters] UserSession) cannot be bound: it is the session, which comes from the session cookie, never from the request's values"),
        CannotBuild(12, "Refused.Retired", "parameter 'args' ([AsParameters] Retiring) cannot be bound: its member 'Take' is [Obsolete] or [Experimental], and generated code would warn where it uses it; take the member as a parameter of its own"));

    [Fact]
    public Task FromForm_complex_types_it_cannot_bind_are_explained() => VerifyAsync(
        """
        [AllowAnonymous]
        public static class Forms
        {
            [ServerFunction] public static int {|#0:Nullable|}([FromForm] Contact? contact) => 1;
            [ServerFunction] public static int {|#1:Deep|}([FromForm] Deep deep) => 1;
            [ServerFunction] public static int {|#2:Listed|}([FromForm] Listed listed) => 1;
            [ServerFunction] public static int {|#3:Abstract|}([FromForm] Shape shape) => 1;
            [ServerFunction] public static int Fine([FromForm] Contact contact, [FromForm] Settings settings) => 1;
        }

        public sealed record Contact(int Id, string? Name);
        public sealed class Settings { public int Count { get; set; } public string? Note { get; set; } }
        public sealed class Deep { public Contact? Owner { get; set; } }
        public sealed class Listed { public string[] Tags { get; set; } = []; }
        public abstract class Shape { public int Size { get; set; } }
        """,
        CannotBuild(0, "Forms.Nullable", "parameter 'contact' ([FromForm] Contact?) cannot be bound: it is optional (nullable or with a default); a [FromForm] type is bound non-nullable, member by member"),
        CannotBuild(1, "Forms.Deep", "parameter 'deep' ([FromForm] Deep) cannot be bound: its member 'Owner' is Contact?, which is not text: the members of a [FromForm] type bind strings, enums and IParsable types, one form field each"),
        CannotBuild(2, "Forms.Listed", "parameter 'listed' ([FromForm] Listed) cannot be bound: its member 'Tags' is string[], which is not text: the members of a [FromForm] type bind strings, enums and IParsable types, one form field each"),
        CannotBuild(3, "Forms.Abstract", "parameter 'shape' ([FromForm] Shape) cannot be bound: it is abstract, which nothing can construct (minimal APIs refuse it too)"));

    [Fact]
    public Task AsParameters_members_generated_code_cannot_pass_are_explained() => VerifyAsync(
        """
        [AllowAnonymous]
        public static class Unpassable
        {
            [ServerFunction] public static int {|#0:Inherited|}([AsParameters] Derived args) => 1;
            [ServerFunction] public static int {|#1:InheritedForm|}([FromForm] Derived args) => 1;
            [ServerFunction] public static int {|#2:ByRef|}([AsParameters] ByRef args) => 1;
            [ServerFunction] public static int {|#3:ByOut|}([AsParameters] ByOut args) => 1;
            [ServerFunction] public static int {|#4:Spanned|}([AsParameters] Spanned args) => 1;
            [ServerFunction] public static int Fine([AsParameters] ByIn args) => 1;
        }

        public class Demanding { public required int Size { get; set; } }
        public sealed class Derived : Demanding { public int Take { get; set; } }
        public sealed class ByRef { public ByRef(ref int size) { Size = size; } public int Size { get; } }
        public sealed class ByOut { public ByOut(out int size) { size = 1; Size = size; } public int Size { get; } }
        public sealed class ByIn { public ByIn(in int size) { Size = size; } public int Size { get; } }
        public sealed class Spanned { public Spanned(System.ReadOnlySpan<char> text) { } public System.ReadOnlySpan<char> Text => default; }
        """,
        CannotBuild(0, "Unpassable.Inherited", "parameter 'args' ([AsParameters] Derived) cannot be bound: its required member 'Size' is not a public settable property of its own, so no binding sets it"),
        CannotBuild(1, "Unpassable.InheritedForm", "parameter 'args' ([FromForm] Derived) cannot be bound: its required member 'Size' is not a public settable property of its own, so no binding sets it"),
        CannotBuild(2, "Unpassable.ByRef", "parameter 'args' ([AsParameters] ByRef) cannot be bound: its constructor takes 'size' by ref, which a bound value cannot be passed as"),
        CannotBuild(3, "Unpassable.ByOut", "parameter 'args' ([AsParameters] ByOut) cannot be bound: its constructor takes 'size' by out, which a bound value cannot be passed as"),
        CannotBuild(4, "Unpassable.Spanned", "parameter 'args' ([AsParameters] Spanned) cannot be bound: its member 'Text' is a ref struct (System.ReadOnlySpan<char>), which cannot be a type argument of the binding"));
}
