using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace SessionAuth.TestApp;

/// <summary>A base class whose property a derived class overrides and ignores; a function declared to return the base writes the derived value as what it is.</summary>
public class ProbeAnimal
{
    public virtual string Name { get; init; } = "animal";
}

public sealed class ProbeQuietDog : ProbeAnimal
{
    [JsonIgnore]
    public override string Name { get; init; } = "dog";
}

/// <summary>A record with members whose JSON the other probes do not reach: an init-only nullable, a nullable enum, a WhenWritingDefault member.</summary>
public sealed record ProbeCard(string Title, House? House, char? Initial)
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public int Points { get; init; }

    public required IReadOnlyDictionary<House, IReadOnlyList<int?>> ByHouse { get; init; }
}

/// <summary>A class that is a collection only through the non-generic IEnumerable: JSON writes its items, never its Count.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1010", Justification = "A collection only through the non-generic interface is the shape the client is tested on.")]
public sealed class ProbeItemCollection : System.Collections.IEnumerable
{
    public int Count { get; } = 2;

    public System.Collections.IEnumerator GetEnumerator()
    {
        yield return 1;
        yield return "two";
    }
}

/// <summary>A Hashtable's subclass: JSON writes its entries as an object, never its Label.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1010", Justification = "A collection only through the non-generic interface is the shape the client is tested on.")]
public sealed class ProbeSettings : System.Collections.Hashtable
{
    public string Label { get; set; } = "settings";
}

/// <summary>Server functions the client call tests use (ClientEdgeCallTests): signatures and requests the other client probes do not use. Left out of the OpenAPI snapshot.</summary>
[AllowAnonymous]
public static class ClientCallProbes
{
    /// <summary>A typed result that may be null: the server answers 204 for null.</summary>
    [ServerFunction("/client-calls/null-ok", Method = "GET"), ExcludeFromDescription]
    public static Ok<Wand>? NullOk() => null;

    /// <summary>A union of results that may be null, awaited: the server answers 204 for null.</summary>
    [ServerFunction("/client-calls/null-union", Method = "GET"), ExcludeFromDescription]
    public static Task<Results<Ok<Wand>, NotFound>?> NullUnion() => Task.FromResult<Results<Ok<Wand>, NotFound>?>(null);

    /// <summary>A nullable string returned as null.</summary>
    [ServerFunction("/client-calls/null-text", Method = "GET"), ExcludeFromDescription]
    public static string? NullText() => null;

    /// <summary>A nullable char returned as null.</summary>
    [ServerFunction("/client-calls/null-letter", Method = "GET"), ExcludeFromDescription]
    public static char? NullLetter() => null;

    /// <summary>A typed result awaited through a ValueTask.</summary>
    [ServerFunction("/client-calls/value-task-ok", Method = "GET"), ExcludeFromDescription]
    public static ValueTask<Ok<int>> ValueTaskOk() => ValueTask.FromResult(TypedResults.Ok(7));

    /// <summary>Declared as the base, returns a derived value whose override is [JsonIgnore]d.</summary>
    [ServerFunction("/client-calls/animal", Method = "GET"), ExcludeFromDescription]
    public static ProbeAnimal Animal() => new ProbeQuietDog();

    /// <summary>A record with a nullable enum, a nullable char, a WhenWritingDefault member left at its default and a required dictionary by enum of nullable numbers.</summary>
    [ServerFunction("/client-calls/card", Method = "GET"), ExcludeFromDescription]
    public static ProbeCard Card() => new("card", null, null) { ByHouse = new Dictionary<House, IReadOnlyList<int?>> { [House.Slytherin] = [null, 2] } };

    /// <summary>Echoes the two values of one complex route segment, <c>{name}.{ext}</c>.</summary>
    [ServerFunction("/client-calls/files/{name}.{ext}", Method = "GET"), ExcludeFromDescription]
    public static string FileName(string name, string ext) => $"{name}|{ext}";

    /// <summary>Echoes the two values of one complex route segment with a dash, <c>{from}-{to}</c>.</summary>
    [ServerFunction("/client-calls/range/{from}-{to}", Method = "GET"), ExcludeFromDescription]
    public static string Range(string from, string to) => $"{from}|{to}";

    /// <summary>Echoes a single header value.</summary>
    [ServerFunction("/client-calls/header-one", Method = "GET"), ExcludeFromDescription]
    public static string HeaderOne([Microsoft.AspNetCore.Mvc.FromHeader(Name = "X-One")] string one) => one;

    /// <summary>Echoes a query bool, a query Guid and a query DateOnly as the server read them.</summary>
    [ServerFunction("/client-calls/texts", Method = "GET"), ExcludeFromDescription]
    public static string Texts(bool flag, Guid id, DateOnly day, TimeSpan span) =>
        $"{flag}|{id}|{day:O}|{span}";

    /// <summary>Echoes a PUT's JSON members, a nullable one sent null.</summary>
    [ServerFunction("/client-calls/put", Method = "PUT"), ExcludeFromDescription]
    public static string Put(string name, int? count, House house) => $"{name}|{count?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "null"}|{house}";

    /// <summary>A collection only through the non-generic IEnumerable, declared <c>unknown[]</c>: the app starts, and its items arrive.</summary>
    [ServerFunction("/client-calls/items", Method = "GET"), ExcludeFromDescription]
    public static ProbeItemCollection Items() => new();

    /// <summary>A Hashtable's subclass, declared <c>Record&lt;string, unknown&gt;</c>: the app starts, and its entries arrive.</summary>
    [ServerFunction("/client-calls/settings", Method = "GET"), ExcludeFromDescription]
    public static ProbeSettings Settings() => new() { ["a"] = 1 };

    /// <summary>A HEAD function: the server sends the headers of its JSON answer and no body.</summary>
    [ServerFunction("/client-calls/head", Method = "HEAD"), ExcludeFromDescription]
    public static string Head() => "headers only";

    /// <summary>Echoes a DELETE's query value.</summary>
    [ServerFunction("/client-calls/delete/{id}", Method = "DELETE"), ExcludeFromDescription]
    public static string Delete(int id, string? reason) => $"{id}|{reason ?? "null"}";
}
