using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace SessionAuth.TestApp;

/// <summary>Framework value types and collections JSON writes in ways of their own, and a required init-only member.</summary>
public sealed record ProbeValues(
    TimeSpan Span,
    DateOnly Day,
    TimeOnly Time,
    Guid Id,
    Uri Link,
    byte[] Bytes,
    char Letter,
    decimal Price,
    long Big,
    Int128 Huge,
    Half Small,
    DateTimeOffset At,
    Version Release,
    Dictionary<House, int> ByHouse,
    Dictionary<int, string> ById,
    List<int?> Maybe,
    IReadOnlyDictionary<string, Guid?> Links,
    ImmutableArray<string> Fixed,
    Queue<int> Waiting,
    HashSet<string> Set,
    DateTime? When)
{
    public required string Label { get; init; }
}

/// <summary>A base record returned as itself while holding a derived one: without polymorphism STJ writes the base's members only.</summary>
public record ProbeBase(string Kind);

public sealed record ProbeDerived(string Kind, int Extra) : ProbeBase(Kind);

/// <summary>A generic record, used nested in itself with a nullable value type argument.</summary>
public sealed record ProbePage<T>(IReadOnlyList<T> Items, int Total);

/// <summary>Members under JSON attributes: renamed, ignored, required, extension data, numbers as text.</summary>
public sealed class ProbeAttributes
{
    [JsonPropertyName("full-name")]
    public string Name { get; init; } = "";

    [JsonIgnore]
    public string Hidden { get; init; } = "";

    [JsonRequired]
    public int Count { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }

    [JsonNumberHandling(JsonNumberHandling.WriteAsString)]
    public int AsText { get; init; }
}

/// <summary>Server functions whose signatures the client reviews probe: shapes the other client tests do not use. Left out of the OpenAPI snapshot.</summary>
[AllowAnonymous]
public static class ClientProbes
{
    [ServerFunction("/client-probes/values", Method = "GET"), ExcludeFromDescription]
    public static ProbeValues Values() => new(
        TimeSpan.FromSeconds(90), new DateOnly(2026, 12, 3), new TimeOnly(13, 45), Guid.Empty, new Uri("/relative", UriKind.Relative), [1, 2, 3], 'x',
        12.5m, 9007199254740993, Int128.One, (Half)1.5, new DateTimeOffset(2026, 12, 3, 0, 0, 0, TimeSpan.Zero), new Version(1, 2, 3),
        new() { [House.Ravenclaw] = 1 }, new() { [7] = "seven" }, [1, null], new Dictionary<string, Guid?> { ["none"] = null },
        ["a"], new Queue<int>([1, 2]), ["s"], null)
    {
        Label = "values",
    };

    [ServerFunction("/client-probes/derived", Method = "GET"), ExcludeFromDescription]
    public static ProbeBase Derived() => new ProbeDerived("derived", 5);

    [ServerFunction("/client-probes/pages", Method = "GET"), ExcludeFromDescription]
    public static ProbePage<ProbePage<int?>> Pages() => new([new ProbePage<int?>([1, null], 2)], 1);

    [ServerFunction("/client-probes/attributes", Method = "GET"), ExcludeFromDescription]
    public static ProbeAttributes Attributes() => new()
    {
        Name = "n",
        Hidden = "h",
        Count = 2,
        Extra = new() { ["more"] = JsonDocument.Parse("1").RootElement },
        AsText = 3,
    };

    [ServerFunction("/client-probes/stream", Method = "GET"), ExcludeFromDescription]
    public static async IAsyncEnumerable<Student> Stream([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.Yield();
        yield return new Student("Luna Lovegood", House.Ravenclaw, 1);
    }

    /// <summary>A JSON result that carries serializer options of its own: PascalCase names, not the app's camelCase.</summary>
    [ServerFunction("/client-probes/own-options", Method = "GET"), ExcludeFromDescription]
    public static JsonHttpResult<Wand> OwnOptions() => TypedResults.Json(new Wand("yew", 13.5, new Core("phoenix", [])), new JsonSerializerOptions());

    /// <summary>Echoes a decimal from the query.</summary>
    [ServerFunction("/client-probes/amount", Method = "GET"), ExcludeFromDescription]
    public static string Amount(decimal amount) => amount.ToString(CultureInfo.InvariantCulture);

    /// <summary>Echoes a decimal from the route.</summary>
    [ServerFunction("/client-probes/amount/{amount}", Method = "GET"), ExcludeFromDescription]
    public static string AmountInRoute(decimal amount) => amount.ToString(CultureInfo.InvariantCulture);

    /// <summary>Echoes a decimal from the JSON body.</summary>
    [ServerFunction("/client-probes/amount-body"), ExcludeFromDescription]
    public static string AmountInBody(decimal amount) => amount.ToString(CultureInfo.InvariantCulture);

    /// <summary>Echoes a double from the query.</summary>
    [ServerFunction("/client-probes/ratio", Method = "GET"), ExcludeFromDescription]
    public static string Ratio(double ratio) => ratio.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>
    /// Returns a redirect result to the URL it is given, as an app does with a return URL it forgot to check: a navigation
    /// that follows it as a 302 never runs a <c>javascript:</c> URL.
    /// </summary>
    [ServerFunction("/client-probes/redirect-to", Method = "GET"), ExcludeFromDescription]
    public static IResult RedirectTo(string to) => Results.Redirect(to);

    /// <summary>Returns a redirect result to a relative URL, which a browser following the 302 resolves against this endpoint's URL.</summary>
    [ServerFunction("/client-probes/relative/redirect", Method = "GET"), ExcludeFromDescription]
    public static IResult RelativeRedirect() => Results.Redirect("next?from=relative");

    /// <summary>Answers with a 204 and nothing else.</summary>
    [ServerFunction("/client-probes/nothing", Method = "GET"), ExcludeFromDescription]
    public static NoContent Nothing() => TypedResults.NoContent();

    /// <summary>Answers 429 with a Retry-After, and a problem naming no parameter.</summary>
    [ServerFunction("/client-probes/busy", Method = "GET"), ExcludeFromDescription]
    public static IResult Busy(HttpContext context)
    {
        context.Response.Headers.RetryAfter = "7";
        return Results.Problem(title: "Slow down", statusCode: StatusCodes.Status429TooManyRequests);
    }

    /// <summary>A function taking a query array of strings, echoed joined by '|'.</summary>
    [ServerFunction("/client-probes/tags", Method = "GET"), ExcludeFromDescription]
    public static string Tags(string[] tag) => string.Join("|", tag);

    /// <summary>Echoes a header array, its items joined by '|', after how many there are.</summary>
    [ServerFunction("/client-probes/header-ids", Method = "GET"), ExcludeFromDescription]
    public static string HeaderIds([FromHeader(Name = "X-Ids")] string[] ids) => $"{ids.Length}:{string.Join("|", ids)}";

    /// <summary>Echoes a query array of nullable numbers, a null as "null", each in its place.</summary>
    [ServerFunction("/client-probes/maybe-ids", Method = "GET"), ExcludeFromDescription]
    public static string MaybeIds(int?[] ids) => string.Join(",", ids.Select(static id => id?.ToString(CultureInfo.InvariantCulture) ?? "null"));

    /// <summary>Echoes a query array of nullable strings, joined by '|', an empty or null item as "(empty)" or "(null)".</summary>
    [ServerFunction("/client-probes/maybe-labels", Method = "GET"), ExcludeFromDescription]
    public static string MaybeLabels(string?[] label) => string.Join("|", label.Select(static item => item switch { null => "(null)", "" => "(empty)", _ => item }));

    /// <summary>Echoes two optional JSON members; the client sends no body when both are left out.</summary>
    [ServerFunction("/client-probes/optional-members"), ExcludeFromDescription]
    public static string OptionalMembers(string? note = null, int count = 3) => $"{note ?? "(none)"}|{count}";

    /// <summary>A byte array returned: JSON writes it as one base64 string.</summary>
    [ServerFunction("/client-probes/bytes", Method = "GET"), ExcludeFromDescription]
    public static byte[] Bytes() => [1, 2, 3];

    /// <summary>A char returned: JSON writes it as a string of one character.</summary>
    [ServerFunction("/client-probes/letter", Method = "GET"), ExcludeFromDescription]
    public static char Letter() => 'x';

    /// <summary>Text that looks like JSON, returned as a string: it arrives as text/plain, the string itself.</summary>
    [ServerFunction("/client-probes/json-looking", Method = "GET"), ExcludeFromDescription]
    public static string JsonLooking() => "{\"a\":1}";

    /// <summary>JSON text as a text result that names a JSON content type: declared string, it resolves to the text.</summary>
    [ServerFunction("/client-probes/json-text", Method = "GET"), ExcludeFromDescription]
    public static ContentHttpResult JsonText() => TypedResults.Text("{\"a\":1}", "application/json");

    /// <summary>JSON text as content with a vendor JSON content type.</summary>
    [ServerFunction("/client-probes/json-content", Method = "GET"), ExcludeFromDescription]
    public static ContentHttpResult JsonContent() => TypedResults.Content("[1,2]", "application/vnd.school+json");

    /// <summary>UTF-8 JSON text of a string as a text result that names a JSON content type.</summary>
    [ServerFunction("/client-probes/json-utf8-text", Method = "GET"), ExcludeFromDescription]
    public static Utf8ContentHttpResult JsonUtf8Text() => TypedResults.Text("\"quoted\""u8, "application/json");

    /// <summary>A text result naming a JSON content type, or a 404: the call resolves to the text or rejects.</summary>
    [ServerFunction("/client-probes/json-text-or-missing", Method = "GET"), ExcludeFromDescription]
    public static Results<ContentHttpResult, NotFound> JsonTextOrMissing() => TypedResults.Text("true", "application/json");

    /// <summary>A JSON value or a text result: nothing in the answer tells JSON text from a JSON value.</summary>
    [ServerFunction("/client-probes/wand-or-text", Method = "GET"), ExcludeFromDescription]
    public static Results<Ok<Wand>, ContentHttpResult> WandOrText() => TypedResults.Text("{\"wood\":1}", "application/json");

    /// <summary>
    /// Waits until its request is aborted, and records that it started and that it saw the abort under <paramref name="id"/>
    /// (<see cref="Started"/>, <see cref="Aborted"/>, <see cref="WasStarted"/>).
    /// </summary>
    [ServerFunction("/client-probes/until-aborted/{id}", Method = "GET"), ExcludeFromDescription]
    public static async Task<string> UntilAborted(string id, HttpContext context)
    {
        var call = Calls.GetOrAdd(id, static _ => new());
        call.Started.TrySetResult();
        try
        {
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
        }
        catch (OperationCanceledException)
        {
            call.Aborted.TrySetResult();
        }

        return "not aborted";
    }

    /// <summary>Answers once the call <paramref name="id"/> of <see cref="UntilAborted"/> has started.</summary>
    [ServerFunction("/client-probes/started/{id}", Method = "GET"), ExcludeFromDescription]
    public static async Task<string> Started(string id, HttpContext context)
    {
        await Calls.GetOrAdd(id, static _ => new()).Started.Task.WaitAsync(context.RequestAborted);
        return "started";
    }

    /// <summary>Answers once the call <paramref name="id"/> of <see cref="UntilAborted"/> has seen its request aborted.</summary>
    [ServerFunction("/client-probes/aborted/{id}", Method = "GET"), ExcludeFromDescription]
    public static async Task<string> Aborted(string id, HttpContext context)
    {
        await Calls.GetOrAdd(id, static _ => new()).Aborted.Task.WaitAsync(context.RequestAborted);
        return "aborted";
    }

    /// <summary>Whether the call <paramref name="id"/> of <see cref="UntilAborted"/> reached the function.</summary>
    [ServerFunction("/client-probes/was-started/{id}", Method = "GET"), ExcludeFromDescription]
    public static bool WasStarted(string id) => Calls.TryGetValue(id, out var call) && call.Started.Task.IsCompleted;

    /// <summary>Echoes its header argument, a header it does not take, and the Accept header the call sent.</summary>
    [ServerFunction("/client-probes/headers", Method = "GET"), ExcludeFromDescription]
    public static string Headers([FromHeader(Name = "X-Tenant")] string? tenant, HttpContext context) =>
        $"{tenant ?? "(none)"}|{context.Request.Headers["X-Trace"]}|{context.Request.Headers.Accept}";

    private static readonly ConcurrentDictionary<string, AbortableCall> Calls = new(StringComparer.Ordinal);

    private sealed class AbortableCall
    {
        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Aborted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>Echoes a route value whose constraint holds a regex quantifier in escaped braces (<c>{{5}}</c>).</summary>
    [ServerFunction("/client-probes/zip/{zip:regex(^\\d{{5}}$)}", Method = "GET"), ExcludeFromDescription]
    public static string Zip(string zip) => zip;

    /// <summary>
    /// Declared to return a Wand, but its response is a 302 to another endpoint set on the response directly, as a
    /// component outside the function would set it (an authentication handler's challenge, an HTTPS or rewrite redirect).
    /// </summary>
    [ServerFunction("/client-probes/moved", Method = "GET"), ExcludeFromDescription]
    public static Wand? Moved(HttpContext context)
    {
        context.Response.Redirect("/client-probes/letter");
        return null;
    }
}
