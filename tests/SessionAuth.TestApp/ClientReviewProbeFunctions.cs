using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace SessionAuth.TestApp;

/// <summary>A base class whose property a derived class overrides and ignores; a function declared to return the base writes the derived value as what it is.</summary>
public class ReviewAnimal
{
    public virtual string Name { get; init; } = "animal";
}

public sealed class ReviewQuietDog : ReviewAnimal
{
    [JsonIgnore]
    public override string Name { get; init; } = "dog";
}

/// <summary>A record with members whose JSON the other probes do not reach: an init-only nullable, a nullable enum, a WhenWritingDefault member.</summary>
public sealed record ReviewCard(string Title, House? House, char? Initial)
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public int Points { get; init; }

    public required IReadOnlyDictionary<House, IReadOnlyList<int?>> ByHouse { get; init; }
}

/// <summary>Server functions for the client's review: signatures and requests the other client probes do not use. Left out of the OpenAPI snapshot.</summary>
[AllowAnonymous]
public static class ClientReviewProbes
{
    /// <summary>A typed result that may be null: the server answers 204 for null.</summary>
    [ServerFunction("/client-review/null-ok", Method = "GET"), ExcludeFromDescription]
    public static Ok<Wand>? NullOk() => null;

    /// <summary>A union of results that may be null, awaited: the server answers 204 for null.</summary>
    [ServerFunction("/client-review/null-union", Method = "GET"), ExcludeFromDescription]
    public static Task<Results<Ok<Wand>, NotFound>?> NullUnion() => Task.FromResult<Results<Ok<Wand>, NotFound>?>(null);

    /// <summary>A nullable string returned as null.</summary>
    [ServerFunction("/client-review/null-text", Method = "GET"), ExcludeFromDescription]
    public static string? NullText() => null;

    /// <summary>A nullable char returned as null.</summary>
    [ServerFunction("/client-review/null-letter", Method = "GET"), ExcludeFromDescription]
    public static char? NullLetter() => null;

    /// <summary>A typed result awaited through a ValueTask.</summary>
    [ServerFunction("/client-review/value-task-ok", Method = "GET"), ExcludeFromDescription]
    public static ValueTask<Ok<int>> ValueTaskOk() => ValueTask.FromResult(TypedResults.Ok(7));

    /// <summary>Declared as the base, returns a derived value whose override is [JsonIgnore]d.</summary>
    [ServerFunction("/client-review/animal", Method = "GET"), ExcludeFromDescription]
    public static ReviewAnimal Animal() => new ReviewQuietDog();

    /// <summary>A record with a nullable enum, a nullable char, a WhenWritingDefault member left at its default and a required dictionary by enum of nullable numbers.</summary>
    [ServerFunction("/client-review/card", Method = "GET"), ExcludeFromDescription]
    public static ReviewCard Card() => new("card", null, null) { ByHouse = new Dictionary<House, IReadOnlyList<int?>> { [House.Slytherin] = [null, 2] } };

    /// <summary>Echoes the two values of one complex route segment, <c>{name}.{ext}</c>.</summary>
    [ServerFunction("/client-review/files/{name}.{ext}", Method = "GET"), ExcludeFromDescription]
    public static string FileName(string name, string ext) => $"{name}|{ext}";

    /// <summary>Echoes the two values of one complex route segment with a dash, <c>{from}-{to}</c>.</summary>
    [ServerFunction("/client-review/range/{from}-{to}", Method = "GET"), ExcludeFromDescription]
    public static string Range(string from, string to) => $"{from}|{to}";

    /// <summary>Echoes a single header value.</summary>
    [ServerFunction("/client-review/header-one", Method = "GET"), ExcludeFromDescription]
    public static string HeaderOne([Microsoft.AspNetCore.Mvc.FromHeader(Name = "X-One")] string one) => one;

    /// <summary>Echoes a query bool, a query Guid and a query DateOnly as the server read them.</summary>
    [ServerFunction("/client-review/texts", Method = "GET"), ExcludeFromDescription]
    public static string Texts(bool flag, Guid id, DateOnly day, TimeSpan span) =>
        $"{flag}|{id}|{day:O}|{span}";

    /// <summary>Echoes a PUT's JSON members, a nullable one sent null.</summary>
    [ServerFunction("/client-review/put", Method = "PUT"), ExcludeFromDescription]
    public static string Put(string name, int? count, House house) => $"{name}|{count?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "null"}|{house}";

    /// <summary>A HEAD function: the server sends the headers of its JSON answer and no body.</summary>
    [ServerFunction("/client-review/head", Method = "HEAD"), ExcludeFromDescription]
    public static string Head() => "headers only";

    /// <summary>Echoes a DELETE's query value.</summary>
    [ServerFunction("/client-review/delete/{id}", Method = "DELETE"), ExcludeFromDescription]
    public static string Delete(int id, string? reason) => $"{id}|{reason ?? "null"}";
}
