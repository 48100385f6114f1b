using System.Globalization;
using System.IO.Pipelines;
using System.Reflection;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Primitives;

namespace SessionAuth.TestApp;

[Flags]
public enum Tags
{
    None = 0,
    New = 1,
    Sale = 2,
    Last = 4,
}

public sealed record Order(string Item, int Quantity);

/// <summary>A class that parses itself, to bind as a nullable IParsable class.</summary>
public sealed class Money : IParsable<Money>
{
    public decimal Amount { get; init; }

    public static Money Parse(string s, IFormatProvider? provider) =>
        TryParse(s, provider, out var money) ? money : throw new FormatException($"'{s}' is not an amount.");

    public static bool TryParse(string? s, IFormatProvider? provider, out Money result)
    {
        var parsed = decimal.TryParse(s, NumberStyles.Number, provider, out var amount);
        result = new Money { Amount = amount };
        return parsed;
    }

    public override string ToString() => Amount.ToString(CultureInfo.InvariantCulture);
}

/// <summary>A struct parsed only by its own <c>TryParse</c> (digits); a text it refuses still gives <c>refused:text</c>.</summary>
public readonly struct Isbn
{
    public Isbn(string digits) => Digits = digits;

    public string Digits { get; }

    public override string ToString() => Digits;

    public static bool TryParse(string? text, out Isbn isbn)
    {
        isbn = new Isbn("refused:" + text);
        if (string.IsNullOrEmpty(text) || !text.All(char.IsAsciiDigit))
        {
            return false;
        }

        isbn = new Isbn(text);
        return true;
    }
}

/// <summary>
/// Binds itself with the function's own <see cref="ParameterInfo"/>, from the query key <c>ticket</c>: the echo says which
/// parameter of which method it was handed. No key is no ticket.
/// </summary>
public sealed class Ticket
{
    private Ticket(string text) => Text = text;

    public string Text { get; }

    public override string ToString() => Text;

    public static ValueTask<Ticket?> BindAsync(HttpContext context, ParameterInfo parameter)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(parameter);
        return ValueTask.FromResult(context.Request.Query.TryGetValue("ticket", out var value)
            ? new Ticket($"{value}@{parameter.Member.DeclaringType!.Name}.{parameter.Member.Name}#{parameter.Position}:{parameter.ParameterType.Name}")
            : null);
    }
}

public interface IPricing
{
    string Region { get; }
}

public sealed class Pricing(string region) : IPricing
{
    public string Region { get; } = region;
}

/// <summary>Never registered: binding it must not stop the app from starting.</summary>
public interface INotRegistered
{
}

/// <summary>
/// Server functions that echo what they were given, one per binding rule shared with minimal APIs. Most are also
/// mapped as minimal APIs (under <c>/minimal</c>, through the Request Delegate Generator) so tests can send both the
/// same request and compare the answers.
/// </summary>
[AllowAnonymous]
public static class Binding
{
    [ServerFunction("/binding/attributes/{id}", Method = "GET")]
    public static string Attributes([FromRoute(Name = "id")] int productId, [FromQuery(Name = "q")] string? text, [FromHeader(Name = "X-Tenant")] string tenant, [FromQuery] int page = 1) =>
        $"{productId}|{text}|{tenant}|{page}";

    /// <summary>Route constraints: they decide which requests reach the function, and OpenAPI puts them in the parameters' schemas.</summary>
    [ServerFunction("/binding/constrained/{id:int:min(1)}/{code:length(3)}/{ratio:range(0,10)}", Method = "GET")]
    public static string Constrained(int id, string code, int ratio) => $"{id}|{code}|{ratio}";

    [ServerFunction("/binding/arrays", Method = "GET")]
    public static string Arrays(int[] ids, string[] names, Tags[] tags, StringValues raw) =>
        $"{string.Join(',', ids)}|{string.Join(',', names)}|{string.Join(',', tags)}|{raw.Count}:{raw}";

    [ServerFunction("/binding/defaults", Method = "GET")]
    public static string Defaults(int? take = 20, Tags? filter = Tags.Sale, Money? budget = null, string? name = null) =>
        $"{Show(take)}|{Show(filter)}|{Show(budget)}|{name ?? "null"}";

    [ServerFunction("/binding/dates", Method = "GET")]
    public static string Dates(DateTime at, DateTimeOffset when, DateOnly day, TimeOnly time) =>
        $"{at.ToString("O", CultureInfo.InvariantCulture)} {at.Kind}|{when.ToString("O", CultureInfo.InvariantCulture)}|{day.ToString("O", CultureInfo.InvariantCulture)}|{time.ToString("O", CultureInfo.InvariantCulture)}";

    [ServerFunction("/binding/nullable-dates", Method = "GET")]
    public static string NullableDates(DateTime? at, DateTimeOffset? when) =>
        $"{at?.ToString("O", CultureInfo.InvariantCulture) ?? "null"} {at?.Kind}|{when?.ToString("O", CultureInfo.InvariantCulture) ?? "null"}";

    [ServerFunction("/binding/flags", Method = "GET")]
    public static string Flags(Tags tags) => tags.ToString();

    [ServerFunction("/binding/upload")]
    public static async Task<string> Upload(IFormFile file, IFormFile? thumbnail, IFormFileCollection all, [FromForm(Name = "title")] string caption, [FromForm] int[] sizes)
    {
        using var reader = new StreamReader(file.OpenReadStream(), Encoding.UTF8);
        var content = await reader.ReadToEndAsync();
        return $"{file.FileName}:{content}|{thumbnail?.FileName ?? "null"}|{all.Count}|{caption}|{string.Join(',', sizes)}";
    }

    [ServerFunction("/binding/form")]
    public static string Form(IFormCollection form) => string.Join(',', form.Keys.Order(StringComparer.Ordinal).Select(key => $"{key}={form[key]}"));

    [ServerFunction("/binding/body")]
    public static string Body([FromBody] Order order, int priority) => $"{order.Item} x{order.Quantity}|{priority}";

    [ServerFunction("/binding/optional-body")]
    public static string OptionalBody([FromBody] Order? order) => order is null ? "null" : order.Item;

    [ServerFunction("/binding/stream")]
    public static async Task<string> Raw(Stream body, Greeter greeter, string? tag)
    {
        using var reader = new StreamReader(body, Encoding.UTF8);
        return $"{greeter.Greeting}:{tag}:{await reader.ReadToEndAsync()}";
    }

    [ServerFunction("/binding/pipe")]
    public static async Task<string> Pipe(PipeReader reader)
    {
        var text = new StringBuilder();
        while (true)
        {
            var read = await reader.ReadAsync();
            foreach (var segment in read.Buffer)
            {
                text.Append(Encoding.UTF8.GetString(segment.Span));
            }

            reader.AdvanceTo(read.Buffer.End);
            if (read.IsCompleted)
            {
                return text.ToString();
            }
        }
    }

    [ServerFunction("/binding/collections")]
    public static string Collections(IEnumerable<int> values, IReadOnlyList<string>? labels) => $"{values.Sum()}|{(labels is null ? "null" : string.Join(',', labels))}";

    [ServerFunction("/binding/total")]
    public static int Total(IEnumerable<int> values) => values.Sum();

    [ServerFunction("/binding/services")]
    public static string Services([FromServices] Greeter greeter, [FromServices] INotRegistered? missing, [FromKeyedServices("eu")] IPricing eu, [FromKeyedServices("none")] IPricing? none) =>
        $"{greeter.Greeting}|{(missing is null ? "null" : "found")}|{eu.Region}|{(none is null ? "null" : none.Region)}";

    /// <summary>An interface nobody registers, without an attribute: a JSON member (none here), never a refused start.</summary>
    [ServerFunction("/binding/unregistered")]
    public static string Unregistered(INotRegistered? thing) => thing is null ? "null" : "found";

    [ServerFunction("/binding/required-service")]
    public static string RequiredService([FromServices] INotRegistered missing) => missing.ToString()!;

    [ServerFunction("/binding/either", Method = "GET")]
    public static object Either(bool fail) => fail ? TypedResults.NotFound("no such thing") : new Order("owl", 1);

    [ServerFunction("/binding/price")]
    public static string Price(decimal price, double ratio) => $"{price.ToString(CultureInfo.InvariantCulture)}|{ratio.ToString(CultureInfo.InvariantCulture)}";

#nullable disable
    /// <summary>An oblivious string: required, as the Request Delegate Generator reads it.</summary>
    [ServerFunction("/binding/oblivious", Method = "GET")]
    public static string Oblivious(string name) => name;
#nullable restore

    private static string Show<T>(T? value) => value?.ToString() ?? "null";
}
