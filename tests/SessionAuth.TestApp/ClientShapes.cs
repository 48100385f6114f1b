using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace SessionAuth.TestApp;

/// <summary>An enum JSON writes by name, one member under a name of its own.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Broom>))]
public enum Broom
{
    Nimbus,
    Firebolt,
    [JsonStringEnumMemberName("clean-sweep")]
    CleanSweep,
}

/// <summary>A record that reaches others: a nested record, a list, a dictionary, itself (a cycle), and names JSON chooses.</summary>
public sealed record Wizard(
    string Name,
    House House,
    Broom? Broom,
    Wand Wand,
    IReadOnlyList<string> Spells,
    Dictionary<string, int> Marks,
    Wizard? Mentor,
    [property: JsonPropertyName("born_on")] DateOnly BornOn,
    [property: JsonIgnore] string Secret,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Nickname);

public sealed record Wand(string Wood, double Length, Core Core);

public sealed record Core(string Name, Owl[] Owls);

/// <summary>The arguments of <see cref="ClientShapes.Find"/>, flattened into the client function's own.</summary>
public sealed record WizardQuery([FromRoute] int Year, [FromQuery(Name = "q")] string Text, int Take = 10);

/// <summary>Server functions whose signatures cover what the generated TypeScript client describes; the client tests type-check calls to them.</summary>
[AllowAnonymous]
public static class ClientShapes
{
    [ServerFunction("/client/wizards/{house}", Method = "GET")]
    public static Wizard[] ByHouse(House house, [FromQuery] Broom? broom, int? take, [FromHeader(Name = "X-School")] string school, string[] tags) =>
        [Sample(house, broom)];

    [ServerFunction("/client/wizards/year/{year}", Method = "GET")]
    public static List<Wizard> Find([AsParameters] WizardQuery query) => [Sample(House.Ravenclaw, null)];

    [ServerFunction]
    public static Wizard Create(string name, House house, Wand wand, Broom broom = Broom.Nimbus, string? nickname = null) =>
        Sample(house, broom) with { Name = name, Wand = wand, Nickname = nickname };

    [ServerFunction]
    public static Task<Results<Ok<Wand>, NotFound>> Inspect([FromBody] Wand wand) =>
        Task.FromResult<Results<Ok<Wand>, NotFound>>(TypedResults.Ok(wand));

    [ServerFunction]
    public static Results<Ok<Wand>, NoContent> Lend(string wood) =>
        wood.Length == 0 ? TypedResults.NoContent() : TypedResults.Ok(new Wand(wood, 10, new Core("unicorn", [])));

    // Two values under two statuses: Results<Ok<Wand>, Ok<Core>> types the same way (the generator's snapshots show it),
    // but ASP.NET Core's OpenAPI document, which the test app serves, cannot describe two 200 answers.
    [ServerFunction]
    public static Results<Ok<Wand>, Created<Core>, NotFound> Either(bool whole) =>
        whole ? TypedResults.Ok(new Wand("yew", 13.5, new Core("phoenix", []))) : TypedResults.Created("/client/cores/phoenix", new Core("phoenix", []));

    [ServerFunction]
    public static Results<Created<Core>, Accepted, NotFound> Register(string core) =>
        core.Length == 0 ? TypedResults.NotFound() : core == "later" ? TypedResults.Accepted("/client/queue") : TypedResults.Created("/client/cores/" + core, new Core(core, []));

    [ServerFunction]
    public static Ok Acknowledge(string name) => TypedResults.Ok();

    [ServerFunction]
    public static Ok<Dictionary<string, Core>> Cores(IEnumerable<string> names) =>
        TypedResults.Ok(names.ToDictionary(static n => n, static n => new Core(n, [])));

    [ServerFunction]
    public static IResult Anything(int id) => Results.Ok(id);

    [ServerFunction]
    public static void Forget(string name)
    {
    }

    [ServerFunction]
    public static Task ForgetLater(string name) => Task.CompletedTask;

    [ServerFunction]
    public static ValueTask<int> Upload(IFormFile portrait, IFormFileCollection letters, string caption) =>
        ValueTask.FromResult(letters.Count + (portrait.Length > 0 ? 1 : 0) + caption.Length);

    [ServerFunction]
    public static async ValueTask<string?> Motto(UserSession? user, CancellationToken cancellationToken)
    {
        await Task.Yield();
        return user?.Name;
    }

    private static Wizard Sample(House house, Broom? broom) =>
        new("Luna", house, broom, new Wand("elm", 11.5, new Core("phoenix", [])), ["lumos"], new() { ["charms"] = 9 }, null, new DateOnly(1981, 2, 13), "hidden", null);
}
