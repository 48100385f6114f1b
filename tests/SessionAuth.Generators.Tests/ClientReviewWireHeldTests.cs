namespace SessionAuth.Generators.Tests;

/// <summary>
/// Signatures a review of the client tried whose declaration admits what System.Text.Json writes for them (web defaults),
/// beyond those of <see cref="ClientWireShapesTests"/>: regression rows for the parser's reading of members and collections.
/// </summary>
public sealed class ClientReviewWireHeldTests
{
    [Theory]
    [MemberData(nameof(ShapeNames))]
    public Task What_the_server_writes_type_checks_as_what_the_client_declares(string shape) =>
        Shapes.AssertDeclaredAsync(shape);

    public static TheoryData<string> ShapeNames => Shapes.Names;

    private static readonly ClientWireShapeTable Shapes = new(
    [
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
    ]);
}
