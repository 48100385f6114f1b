using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace SessionAuth.Differential.App;

/// <summary>
/// Review 22c: oblivious (<c>#nullable disable</c>) parameters of the kinds review 22b did not try — arrays of parsable
/// classes, <c>Uri</c>, a class with its own <c>TryParse</c>, a parsable class from a header and a form, a class that
/// binds itself, form files, a record from a [FromBody] — each a server function at <c>/sf-r22c/...</c> and, through
/// <see cref="ObliviousProbeTwins"/>, the same method as a minimal API at <c>/twin-r22c/...</c>.
/// </summary>
[AllowAnonymous]
public static class ObliviousProbeFunctions
{
#nullable disable
    [ServerFunction("/sf-r22c/oblivious-versions", Method = "GET")]
    public static Echo ObliviousVersions(Version[] vers) => Echo.Of(vers);

    [ServerFunction("/sf-r22c/oblivious-uri", Method = "GET")]
    public static Echo ObliviousUri(Uri link) => Echo.Of(link?.ToString());

    [ServerFunction("/sf-r22c/oblivious-code", Method = "GET")]
    public static Echo ObliviousCode(Code code) => Echo.Of(code?.Text);

    [ServerFunction("/sf-r22c/oblivious-codes", Method = "GET")]
    public static Echo ObliviousCodes(Code[] codes) => Echo.Of(codes?.Select(static c => c?.Text).ToArray());

    [ServerFunction("/sf-r22c/oblivious-header-version", Method = "GET")]
    public static Echo ObliviousHeaderVersion([FromHeader(Name = "X-Version")] Version hver) => Echo.Of(hver);

    [ServerFunction("/sf-r22c/oblivious-form-version", Method = "POST")]
    public static Echo ObliviousFormVersion([FromForm] Version fver) => Echo.Of(fver);

    [ServerFunction("/sf-r22c/oblivious-form-versions", Method = "POST")]
    public static Echo ObliviousFormVersions([FromForm] Version[] fvers) => Echo.Of(fvers);

    [ServerFunction("/sf-r22c/oblivious-bound", Method = "GET")]
    public static Echo ObliviousBound(Ticket ticket) => Echo.Of(ticket?.Number);

    [ServerFunction("/sf-r22c/oblivious-file", Method = "POST")]
    public static Echo ObliviousFile(IFormFile upload) => Echo.Of(upload?.FileName);

    [ServerFunction("/sf-r22c/oblivious-record", Method = "POST")]
    public static Echo ObliviousRecord([FromBody] Parcel parcel) => Echo.Of(parcel?.Label, parcel?.Weight);

    [ServerFunction("/sf-r22c/oblivious-query-strings", Method = "GET")]
    public static Echo ObliviousQueryStrings([FromQuery(Name = "qs")] string[] queryStrings) => Echo.Of(queryStrings);

    [ServerFunction("/sf-r22c/oblivious-header-string", Method = "GET")]
    public static Echo ObliviousHeaderString([FromHeader(Name = "X-Word")] string hword) => Echo.Of(hword);
#nullable restore

    [ServerFunction("/sf-r22c/header-string", Method = "GET")]
    public static Echo HeaderString([FromHeader(Name = "X-Word")] string hwordEnabled) => Echo.Of(hwordEnabled);

    [ServerFunction("/sf-r22c/header-version", Method = "GET")]
    public static Echo HeaderVersion([FromHeader(Name = "X-Version")] Version hverEnabled) => Echo.Of(hverEnabled);
}

/// <summary>A class that parses itself by a static <c>TryParse</c> (not <see cref="IParsable{TSelf}"/>); any non-empty text but "bad" parses.</summary>
public sealed class Code
{
    public string Text { get; private init; } = string.Empty;

    public static bool TryParse(string? text, [NotNullWhen(true)] out Code? code)
    {
        code = string.IsNullOrEmpty(text) || text == "bad" ? null : new Code { Text = text };
        return code is not null;
    }
}

/// <summary>A class that binds itself from the query value <c>ticket</c>: <see langword="null"/> when there is none.</summary>
public sealed class Ticket
{
    public int Number { get; private init; }

    public static ValueTask<Ticket?> BindAsync(HttpContext context) =>
        ValueTask.FromResult(int.TryParse(context.Request.Query["ticket"], out var number) ? new Ticket { Number = number } : null);
}

#nullable disable
/// <summary>A record from the JSON body, declared where nullability is oblivious.</summary>
public sealed record Parcel(string Label, int Weight);
#nullable restore

/// <summary>The minimal API twins of <see cref="ObliviousProbeFunctions"/>, at <c>/twin-r22c/...</c>.</summary>
public static class ObliviousProbeTwins
{
    public static void Map(WebApplication app)
    {
        var twins = app.MapGroup("/twin-r22c").AllowAnonymous();
        twins.MapGet("/oblivious-versions", ObliviousProbeFunctions.ObliviousVersions);
        twins.MapGet("/oblivious-uri", ObliviousProbeFunctions.ObliviousUri);
        twins.MapGet("/oblivious-code", ObliviousProbeFunctions.ObliviousCode);
        twins.MapGet("/oblivious-codes", ObliviousProbeFunctions.ObliviousCodes);
        twins.MapGet("/oblivious-header-version", ObliviousProbeFunctions.ObliviousHeaderVersion);
        twins.MapPost("/oblivious-form-version", ObliviousProbeFunctions.ObliviousFormVersion).DisableAntiforgery();
        twins.MapPost("/oblivious-form-versions", ObliviousProbeFunctions.ObliviousFormVersions).DisableAntiforgery();
        twins.MapGet("/oblivious-bound", ObliviousProbeFunctions.ObliviousBound);
        twins.MapPost("/oblivious-file", ObliviousProbeFunctions.ObliviousFile).DisableAntiforgery();
        twins.MapPost("/oblivious-record", ObliviousProbeFunctions.ObliviousRecord);
        twins.MapGet("/oblivious-query-strings", ObliviousProbeFunctions.ObliviousQueryStrings);
        twins.MapGet("/oblivious-header-string", ObliviousProbeFunctions.ObliviousHeaderString);
        twins.MapGet("/header-string", ObliviousProbeFunctions.HeaderString);
        twins.MapGet("/header-version", ObliviousProbeFunctions.HeaderVersion);
    }
}
