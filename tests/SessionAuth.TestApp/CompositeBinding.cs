using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace SessionAuth.TestApp;

/// <summary>An [AsParameters] record: each constructor parameter binds with its own attribute and default.</summary>
public sealed record SearchArgs([FromRoute] int Shelf, [FromQuery(Name = "q")] string Text, [FromHeader(Name = "X-Tenant")] string Tenant, Tags Tags = Tags.New, int Take = 20);

/// <summary>An [AsParameters] class: its settable properties, a request value among them.</summary>
public sealed class PagingArgs
{
    public int Page { get; set; }

    public int? Size { get; set; }

    public CancellationToken Aborted { get; set; }
}

/// <summary>An [AsParameters] record that takes the whole body beside a query value.</summary>
public sealed record PlacedArgs([FromBody] Order Order, [FromQuery] int Priority);

/// <summary>A [FromForm] record: every constructor parameter a required form field.</summary>
public sealed record ContactForm(int Id, string? Name, Tags Tags);

/// <summary>A [FromForm] class: every settable property an optional form field, set to its type's default when missing.</summary>
public sealed class SettingsForm
{
    public int Count { get; set; } = 3;

    public string? Note { get; set; }

    public DateOnly? Day { get; set; }
}

/// <summary>
/// Server functions whose parameters bind member by member, mapped as minimal APIs under <c>/minimal</c> too except
/// <see cref="Placed"/>: for a [FromBody] member the Request Delegate Generator writes code that does not compile
/// (CS8604, a possibly null body passed to the constructor).
/// </summary>
[AllowAnonymous]
public static class CompositeBinding
{
    [ServerFunction("/composite/search/{shelf}", Method = "GET")]
    public static string Search([AsParameters] SearchArgs search, [AsParameters] PagingArgs paging) =>
        $"{search.Shelf}|{search.Text}|{search.Tenant}|{search.Tags}|{search.Take}|{paging.Page}|{paging.Size?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "null"}|{paging.Aborted.CanBeCanceled}";

    [ServerFunction("/composite/placed")]
    public static string Placed([AsParameters] PlacedArgs placed) => $"{placed.Order.Item} x{placed.Order.Quantity}|{placed.Priority}";

    [ServerFunction("/composite/contact")]
    public static string Contact([FromForm] ContactForm contact, [FromForm] SettingsForm settings) =>
        $"{contact.Id}|{contact.Name ?? "null"}|{contact.Tags}|{settings.Count}|{settings.Note ?? "null"}|{settings.Day?.ToString("O", System.Globalization.CultureInfo.InvariantCulture) ?? "null"}";
}
