using Microsoft.CodeAnalysis.CSharp;

namespace SessionAuth.Generators.Tests;

/// <summary>
/// The generated client over shapes of programs. The emitted client is a function of the program, not of the order the compiler is handed its files: a build on another machine (or after a file is
/// renamed) serves the same <c>client.js</c>, whose ETag relies on it. Two declaring types of one name and two DTOs of
/// one name in two namespaces, in two files, are the case where an order could leak: which of them keeps the plain name.
/// And what the server writes for a signature type-checks as what the client declares (<see cref="ClientWireTypeCheck"/>).
/// </summary>
public sealed class ClientWireShapesTests
{
    private const string Orders = """
        namespace Shop.Orders
        {
            public sealed record Item(string Sku, int Quantity);

            [Microsoft.AspNetCore.Authorization.AllowAnonymous]
            public static class Catalog
            {
                [SessionAuth.ServerFunction("/orders/item")] public static Item Get(string sku) => new(sku, 1);
            }
        }
        """;

    private const string Stock = """
        namespace Shop.Stock
        {
            public sealed record Item(string Shelf, decimal Price);

            public enum Item2 { Low, High }

            [Microsoft.AspNetCore.Authorization.AllowAnonymous]
            public static class Catalog
            {
                [SessionAuth.ServerFunction("/stock/item")] public static Item Get(Item2 level) => new("a", 1m);
            }
        }
        """;

    [Fact]
    public void The_client_is_the_same_whichever_order_the_files_come_in()
    {
        var forward = ClientOf(("Orders.cs", Orders), ("Stock.cs", Stock));
        var backward = ClientOf(("Stock.cs", Stock), ("Orders.cs", Orders));

        Assert.Equal(forward.Declarations, backward.Declarations);
        Assert.Equal(forward.Script, backward.Script);
    }

    /// <summary>Two runs of the generator on the same program write the same client.</summary>
    [Fact]
    public void The_client_is_the_same_on_every_run()
    {
        var first = ClientOf(("Orders.cs", Orders), ("Stock.cs", Stock));
        var second = ClientOf(("Orders.cs", Orders), ("Stock.cs", Stock));

        Assert.Equal(first, second);
    }

    /// <summary>
    /// Two functions of one partial class, in two files, whose names camelCase alike (two overloads on their own routes):
    /// which of them <c>Catalog.find</c> calls, and which is <c>find2</c>, must not depend on the order of the files,
    /// or a renamed file silently points the page's call at the other function.
    /// </summary>
    [Fact]
    public void Functions_of_one_name_in_two_files_of_a_partial_class_keep_their_names_whichever_order_the_files_come_in()
    {
        const string first = """
            namespace Shop;

            [Microsoft.AspNetCore.Authorization.AllowAnonymous]
            public static partial class Catalog
            {
                [SessionAuth.ServerFunction("/catalog/by-sku", Method = "GET")] public static string Find(string sku) => sku;
            }
            """;
        const string second = """
            namespace Shop;

            public static partial class Catalog
            {
                [SessionAuth.ServerFunction("/catalog/by-name", Method = "GET")] public static string Find(string name, int take = 1) => name;
            }
            """;

        var forward = ClientOf(("Catalog.Sku.cs", first), ("Catalog.Name.cs", second));
        var backward = ClientOf(("Catalog.Name.cs", second), ("Catalog.Sku.cs", first));

        Assert.Equal(forward.Script, backward.Script);
        Assert.Equal(forward.Declarations, backward.Declarations);
    }

    /// <summary>
    /// Signatures whose JSON the client declares right: what the function's value serializes to (web defaults) type-checks
    /// under <c>tsc --strict</c> as the type its call is declared to resolve to. One <c>tsc</c> run checks them all
    /// (<see cref="ClientWireTypeCheck.CheckAllAsync"/>); each row reads its own errors.
    /// </summary>
    [Theory]
    [MemberData(nameof(ShapeNames))]
    public Task What_the_server_writes_type_checks_as_what_the_client_declares(string shape) =>
        Shapes.AssertDeclaredAsync(shape);

    public static TheoryData<string> ShapeNames => Shapes.Names;

    private static readonly ClientWireShapeTable Shapes = new(
    [
        ("framework values", "public sealed record Values(System.TimeSpan Span, System.DateOnly Day, System.TimeOnly Time, System.Guid Id, System.Uri Link, byte[] Bytes, char Letter, decimal Price, long Big, System.Int128 Huge, System.Half Small, System.Version Release, System.DateTimeOffset At, System.DateTime? When);", "Values", "new(System.TimeSpan.FromSeconds(90), new(2026, 12, 3), new(13, 45), System.Guid.Empty, new System.Uri(\"https://a.example/b\"), new byte[] { 1, 2 }, 'x', 12.5m, 42L, 7, (System.Half)1.5, new(1, 2), default, null)"),
        ("dictionaries with enum, int and Guid keys", "public enum House { Gryffindor, Slytherin } public sealed record Keys(System.Collections.Generic.Dictionary<House, int> ByHouse, System.Collections.Generic.Dictionary<int, string> ById, System.Collections.Generic.SortedDictionary<System.Guid, bool> ByGuid);", "Keys", "new(new() { [House.Slytherin] = 1 }, new() { [7] = \"seven\" }, new() { [System.Guid.Empty] = true })"),
        ("nullable value types in collections", "public sealed record Maybe(System.Collections.Generic.List<int?> Numbers, System.DateOnly?[] Days, System.Collections.Generic.Dictionary<string, System.Guid?> Links);", "Maybe", "new(new() { 1, null }, new System.DateOnly?[] { null, new(2026, 1, 1) }, new() { [\"none\"] = null })"),
        ("nested generics", "public sealed record Page<T>(System.Collections.Generic.IReadOnlyList<T> Items, int Total); public sealed record Pair<A, B>(A First, B Second);", "Page<Pair<Page<int?>, string?>>", "new(new[] { new Pair<Page<int?>, string?>(new(new int?[] { 1, null }, 2), null) }, 1)"),
        ("required and init-only members", "public sealed class Student { public required string Name { get; init; } public int Year { get; init; } public string? Nickname { get; set; } }", "Student", "new() { Name = \"Luna\", Year = 4 }"),
        ("inheritance, an abstract base", "public abstract class Entity { public int Id { get; set; } } public class Person : Entity { public string Name { get; set; } = \"\"; } public sealed class Teacher : Person { public string Subject { get; set; } = \"\"; }", "Teacher", "new() { Id = 1, Name = \"Snape\", Subject = \"Potions\" }"),
        ("a string enum with a member name, in a list and nullable", "[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<Broom>))] public enum Broom { Nimbus, [System.Text.Json.Serialization.JsonStringEnumMemberName(\"clean-sweep\")] CleanSweep } public sealed record Shed(Broom[] Brooms, Broom? Spare);", "Shed", "new(new[] { Broom.CleanSweep, Broom.Nimbus }, null)"),
        ("a numeric enum and a [Flags] enum", "public enum House { Gryffindor, Slytherin } [System.Flags] public enum Marks { None = 0, A = 1, B = 2 } public sealed record Crest(House House, Marks Marks);", "Crest", "new(House.Slytherin, Marks.A | Marks.B)"),
        ("JSON attributes", "public sealed class Tagged { [System.Text.Json.Serialization.JsonPropertyName(\"full name\")] public string Name { get; set; } = \"n\"; [System.Text.Json.Serialization.JsonIgnore] public string Hidden { get; set; } = \"h\"; [System.Text.Json.Serialization.JsonRequired] public int Count { get; set; } [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] public string? Note { get; set; } [System.Text.Json.Serialization.JsonNumberHandling(System.Text.Json.Serialization.JsonNumberHandling.WriteAsString)] public long Id { get; set; } = 5; [System.Text.Json.Serialization.JsonNumberHandling(System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals)] public double Ratio { get; set; } = double.NaN; }", "Tagged", "new()"),
        ("a struct with public fields, not written without IncludeFields", "public struct Point { public int X; public int Y; public int Z { get; set; } }", "Point", "new Point { X = 1, Y = 2, Z = 3 }"),
        ("a list of bytes and signed bytes as numbers, a byte array as base64", "public sealed record Raw(System.Collections.Generic.List<byte> List, sbyte[] Signed, byte[] Packed, System.Collections.Immutable.ImmutableArray<byte> Fixed);", "Raw", "new(new() { 1 }, new sbyte[] { -1 }, new byte[] { 1 }, System.Collections.Immutable.ImmutableArray.Create<byte>(1))"),
        ("a nullable struct record", "public readonly record struct Point(int X, int Y); public sealed record Line(Point? From, Point To);", "Line", "new(null, new(1, 2))"),
        ("a recursive record", "public sealed record Node(string Name, System.Collections.Generic.List<Node> Children, Node? Parent);", "Node", "new(\"root\", new() { new(\"leaf\", new(), null) }, null)"),
        ("a class that is a collection", "public sealed class Bag : System.Collections.Generic.List<int> { public string Label { get; set; } = \"\"; }", "Bag", "new Bag { 1, 2 }"),
        ("a type only JSON values reach: object, JsonElement, a tuple, a key-value pair", "public sealed record Loose(object? Anything, System.Text.Json.JsonElement Element, (int A, string B) Tuple, System.Collections.Generic.KeyValuePair<string, int> Pair);", "Loose", "new(1, System.Text.Json.JsonDocument.Parse(\"[1]\").RootElement, (1, \"b\"), new(\"k\", 1))"),
        ("generic arguments that are arrays, two of one plain name", "public sealed record Page<T>(T Items, int Total); public sealed record Pair<A, B>(A First, B Second);", "Pair<Page<int[]>, Page<string[]>>", "new(new(new[] { 1 }, 1), new(new[] { \"a\" }, 1))"),
        ("JSON names an identifier cannot be", "public sealed class Odd { [System.Text.Json.Serialization.JsonPropertyName(\"\")] public int Empty { get; set; } [System.Text.Json.Serialization.JsonPropertyName(\"__proto__\")] public string Proto { get; set; } = \"p\"; [System.Text.Json.Serialization.JsonPropertyName(\"constructor\")] public int Ctor { get; set; } [System.Text.Json.Serialization.JsonPropertyName(\"1st\")] public bool First { get; set; } }", "Odd", "new()"),
        ("a derived type of a polymorphic base, returned as itself", "[System.Text.Json.Serialization.JsonPolymorphic] [System.Text.Json.Serialization.JsonDerivedType(typeof(Cat), \"cat\")] public abstract record Pet(string Name); public sealed record Cat(string Name, int Lives) : Pet(Name);", "Cat", "new(\"Tom\", 9)"),
        ("a polymorphic base, declared unknown", "[System.Text.Json.Serialization.JsonPolymorphic] [System.Text.Json.Serialization.JsonDerivedType(typeof(Cat), \"cat\")] public abstract record Pet(string Name); public sealed record Cat(string Name, int Lives) : Pet(Name); public sealed record Home(Pet[] Pets);", "Home", "new(new Pet[] { new Cat(\"Tom\", 9) })"),
        ("an array segment of bytes", "public sealed record Chunk(System.ArraySegment<byte> Data, System.Memory<byte> Memory, System.ReadOnlyMemory<int> Numbers);", "Chunk", "new(new System.ArraySegment<byte>(new byte[] { 1, 2 }), new byte[] { 3 }, new[] { 4 })"),
        ("the framework's other collections", "public sealed record Bins(System.Collections.Generic.LinkedList<int> Linked, System.Collections.Generic.Stack<int> Stack, System.Collections.Generic.SortedSet<string> Sorted, System.Collections.Concurrent.ConcurrentDictionary<int, string> Concurrent, System.Collections.ObjectModel.ReadOnlyCollection<int> ReadOnly, System.Collections.Immutable.ImmutableDictionary<string, int> Immutable, System.Collections.Generic.IReadOnlySet<int> Set, System.Collections.ObjectModel.ObservableCollection<int> Observed);", "Bins", "new(new(new[] { 1 }), new(new[] { 2 }), new() { \"a\" }, new(new System.Collections.Generic.Dictionary<int, string> { [1] = \"a\" }), new(new[] { 3 }), System.Collections.Immutable.ImmutableDictionary<string, int>.Empty.Add(\"k\", 1), new System.Collections.Generic.HashSet<int> { 4 }, new() { 5 })"),
        ("computed, private-set and init members; static and const left out", "public sealed class Mixed { public const int Limit = 3; public static int Shared { get; set; } = 1; public int A { get; init; } = 2; public int Twice => A * 2; public string Secret { private get; set; } = \"s\"; public string Set { get; private set; } = \"p\"; }", "Mixed", "new()"),
        ("an indexer and a write-only property left out", "public sealed class Indexed { public int this[int i] => i; public string Only { set { } } public int Kept { get; set; } = 1; }", "Indexed", "new()"),
        ("number handling on the type, reaching a list, a dictionary and a nullable", "[System.Text.Json.Serialization.JsonNumberHandling(System.Text.Json.Serialization.JsonNumberHandling.WriteAsString)] public sealed class Totals { public System.Collections.Generic.List<int> Counts { get; set; } = new() { 1 }; public System.Collections.Generic.Dictionary<string, decimal> Sums { get; set; } = new() { [\"a\"] = 1.5m }; public int? Maybe { get; set; } = 3; public Totals? Next { get; set; } }", "Totals", "new() { Next = new() }"),
        ("a nullable enum with a string converter on the property", "public enum House { Gryffindor, Slytherin } public sealed class Crest { [System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter))] public House? House { get; set; } = global::Shop.House.Slytherin; [System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter))] public House? None { get; set; } }", "Crest", "new()"),
        ("enums with negative and large unsigned values", "public enum Level : long { Low = -5, High = 4000000000 } public enum Big : ulong { Max = 9007199254740991 } public sealed record Levels(Level Level, Big Big);", "Levels", "new(Level.Low, Big.Max)"),
        ("a property hidden with new under another type", "public class Pet { public int Age { get; set; } = 3; } public sealed class Old : Pet { public new string Age { get; set; } = \"old\"; }", "Old", "new()"),
        ("an ignored base property an override writes again", "public class Pet { [System.Text.Json.Serialization.JsonIgnore] public virtual string Name { get; set; } = \"p\"; } public sealed class Cat : Pet { public override string Name { get; set; } = \"c\"; }", "Cat", "new()"),
        ("dictionaries keyed by char and enum, of dictionaries", "public enum House { Gryffindor, Slytherin } public sealed record Grid(System.Collections.Generic.Dictionary<char, System.Collections.Generic.Dictionary<House, int?>> Cells);", "Grid", "new(new() { ['a'] = new() { [House.Slytherin] = null } })"),
        ("an interface-typed and an object-typed member", "public interface IShape { int Sides { get; } } public sealed class Square : IShape { public int Sides => 4; public int Size => 2; } public sealed record Drawing(IShape Shape, object Anything);", "Drawing", "new(new Square(), new Square())"),
        ("a tuple class", "public sealed record Paired(System.Tuple<int, string> Pair);", "Paired", "new(System.Tuple.Create(1, \"a\"))"),
        ("a class that is a collection only through the non-generic IEnumerable", "public sealed class Bag : System.Collections.IEnumerable { public int Count { get; set; } = 2; public System.Collections.IEnumerator GetEnumerator() { yield return 1; yield return 2; } }", "Bag", "new()"),
        ("a class derived from Hashtable", "public sealed class Settings : System.Collections.Hashtable { public string Label { get; set; } = \"s\"; }", "Settings", "new() { [\"a\"] = 1 }"),
    ]);

    private static (string Script, string Declarations) ClientOf(params (string Path, string Source)[] files) =>
        ClientNamesTests.Client(GeneratorHarness.CreateCompilation("")
            .RemoveAllSyntaxTrees()
            .AddSyntaxTrees(files.Select(static f => CSharpSyntaxTree.ParseText(f.Source, GeneratorHarness.ParseOptions, path: f.Path))));
}
