using System.Numerics;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Primitives;

namespace SessionAuth.Differential.App;

/// <summary>
/// Review 22's probes: shapes the differential table does not send. Each is a server function at <c>/sf22/...</c> and,
/// through <see cref="Review22Twins"/>, the same method as a minimal API at <c>/twin22/...</c>. Parameter names are
/// unique per function so that no two twins share a Request Delegate Generator interceptor.
/// </summary>
[AllowAnonymous]
public static class Review22Functions
{
    [ServerFunction("/sf22/decimal", Method = "GET")]
    public static Echo Decimal(decimal dec) => Echo.Of(dec);

    [ServerFunction("/sf22/double", Method = "GET")]
    public static Echo Double(double dbl) => Echo.Of(dbl);

    [ServerFunction("/sf22/int", Method = "GET")]
    public static Echo Int(int num) => Echo.Of(num);

    [ServerFunction("/sf22/big", Method = "GET")]
    public static Echo Big(BigInteger big) => Echo.Of(big);

    [ServerFunction("/sf22/uri", Method = "GET")]
    public static Echo Uri(Uri link) => Echo.Of(link?.OriginalString);

    [ServerFunction("/sf22/nullable-uri", Method = "GET")]
    public static Echo NullableUri(Uri? maybeLink) => Echo.Of(maybeLink?.OriginalString);

    [ServerFunction("/sf22/time-span", Method = "GET")]
    public static Echo TimeSpan(TimeSpan span) => Echo.Of(span);

    [ServerFunction("/sf22/date-time-offset", Method = "GET")]
    public static Echo DateTimeOffset(DateTimeOffset moment) => Echo.Of(moment);

    [ServerFunction("/sf22/bool", Method = "GET")]
    public static Echo Bool(bool flag) => Echo.Of(flag);

    [ServerFunction("/sf22/char", Method = "GET")]
    public static Echo Char(char letter) => Echo.Of(letter);

    [ServerFunction("/sf22/guid", Method = "GET")]
    public static Echo Guid(Guid id) => Echo.Of(id);

    [ServerFunction("/sf22/enum", Method = "GET")]
    public static Echo Enum(Color hue) => Echo.Of(hue);

    [ServerFunction("/sf22/flags", Method = "GET")]
    public static Echo Flags(Access rights) => Echo.Of(rights);

    [ServerFunction("/sf22/string-values", Method = "GET")]
    public static Echo StringValuesQuery(StringValues values) => Echo.Of(values.ToArray());

    // ASP.NET Core's analyzer calls StringValues from a header unsupported (ASP0020), though both sides bind it.
#pragma warning disable ASP0020
    [ServerFunction("/sf22/header-string-values", Method = "GET")]
    public static Echo HeaderStringValues([FromHeader(Name = "X-Lines")] StringValues lines) => Echo.Of(lines.ToArray());
#pragma warning restore ASP0020

    [ServerFunction("/sf22/header-int", Method = "GET")]
    public static Echo HeaderInt([FromHeader(Name = "X-Count")] int count) => Echo.Of(count);

    [ServerFunction("/sf22/header-string", Method = "GET")]
    public static Echo HeaderString([FromHeader(Name = "X-Word")] string word) => Echo.Of(word);

    [ServerFunction("/sf22/header-strings", Method = "GET")]
    public static Echo HeaderStrings([FromHeader(Name = "X-Tags")] string[] tags) => Echo.Of(tags);

    [ServerFunction("/sf22/query-named", Method = "GET")]
    public static Echo QueryNamed([FromQuery(Name = "q")] string[] terms) => Echo.Of(terms);

    [ServerFunction("/sf22/route-named/{k}", Method = "GET")]
    public static Echo RouteNamed([FromRoute(Name = "k")] int key) => Echo.Of(key);

    [ServerFunction("/sf22/nullable-date-only", Method = "GET")]
    public static Echo NullableDateOnly(DateOnly? day = null) => Echo.Of(day);

    [ServerFunction("/sf22/nullable-default", Method = "GET")]
    public static Echo NullableDefault(int? take = 20) => Echo.Of(take);

    [ServerFunction("/sf22/time-only", Method = "GET")]
    public static Echo TimeOnly(TimeOnly clock) => Echo.Of(clock);

    [ServerFunction("/sf22/request", Method = "GET")]
    public static Echo Request(HttpRequest request, ClaimsPrincipal user, HttpContext context, CancellationToken cancel)
        => Echo.Of(request.Query["x"].ToString(), cancel.CanBeCanceled, user.Identity?.IsAuthenticated, context.Request.Method);

    [ServerFunction("/sf22/missing-service", Method = "GET")]
    public static Echo MissingService([FromServices] Unregistered service) => Echo.Of(service is null);

    [ServerFunction("/sf22/optional-service", Method = "GET")]
    public static Echo OptionalService([FromServices] Unregistered? maybeService) => Echo.Of(maybeService is null);

    [ServerFunction("/sf22/form-file", Method = "POST")]
    public static Echo FormFile(IFormFile upload) => Echo.Of(upload.FileName);

    [ServerFunction("/sf22/nullable-form-file", Method = "POST")]
    public static Echo NullableFormFile(IFormFile? attachment) => Echo.Of(attachment?.FileName);

    [ServerFunction("/sf22/form-strings", Method = "POST")]
    public static Echo FormStrings([FromForm] string[] labels) => Echo.Of(labels);

    [ServerFunction("/sf22/form-double", Method = "POST")]
    public static Echo FormDouble([FromForm] double amount) => Echo.Of(amount);

    [ServerFunction("/sf22/form-decimal", Method = "POST")]
    public static Echo FormDecimal([FromForm] decimal price) => Echo.Of(price);

    [ServerFunction("/sf22/as-parameters-record", Method = "GET")]
    public static Echo AsParametersRecord([AsParameters] Review22Args args) => Echo.Of(args.Limit, args.Word, args.Day);

    [ServerFunction("/sf22/form-defaults", Method = "POST")]
    public static Echo FormDefaults([FromForm] Review22FormArgs form) => Echo.Of(form.Id, form.Label);

    [ServerFunction("/sf22/decimal-array", Method = "GET")]
    public static Echo DecimalArray(decimal[] prices) => Echo.Of(prices);

    [ServerFunction("/sf22/route-uri/{target}", Method = "GET")]
    public static Echo RouteUri(Uri target) => Echo.Of(target?.OriginalString);

    [ServerFunction("/sf22/ip", Method = "GET")]
    public static Echo Ip(System.Net.IPAddress address) => Echo.Of(address?.ToString());

    [ServerFunction("/sf22/ip-network", Method = "GET")]
    public static Echo IpNetwork(System.Net.IPNetwork network) => Echo.Of(network.ToString());

    [ServerFunction("/sf22/header-date", Method = "GET")]
    public static Echo HeaderDate([FromHeader(Name = "X-When")] DateTime when) => Echo.Of(when);

    [ServerFunction("/sf22/header-bool", Method = "GET")]
    public static Echo HeaderBool([FromHeader(Name = "X-On")] bool? on) => Echo.Of(on);

    [ServerFunction("/sf22/as-parameters-class", Method = "GET")]
    public static Echo AsParametersClass([AsParameters] Review22Bag bag) => Echo.Of(bag.Context is null, bag.Token.CanBeCanceled, bag.Alpha, bag.Values.ToArray(), bag.Number);

    [ServerFunction("/sf22/form-file-named", Method = "POST")]
    public static Echo FormFileNamed([FromForm(Name = "doc")] IFormFile document) => Echo.Of(document.FileName);

    [ServerFunction("/sf22/form-files", Method = "POST")]
    public static Echo FormFiles(IFormFileCollection files) => Echo.Of(files.Count);

    [ServerFunction("/sf22/form-collection", Method = "POST")]
    public static Echo FormCollection(IFormCollection formData) => Echo.Of(formData.Count);

    [ServerFunction("/sf22/body-order", Method = "POST")]
    public static Echo BodyOrder([FromBody] Order body) => Echo.Of(body.Id, body.Name);

    [ServerFunction("/sf22/body-nullable-order", Method = "POST")]
    public static Echo BodyNullableOrder([FromBody] Order? maybeOrder) => Echo.Of(maybeOrder?.Id, maybeOrder?.Name);

    [ServerFunction("/sf22/body-ints", Method = "POST")]
    public static Echo BodyInts([FromBody] int[] nums) => Echo.Of(nums);

    [ServerFunction("/sf22/body-string", Method = "POST")]
    public static Echo BodyString([FromBody] string text) => Echo.Of(text);

    [ServerFunction("/sf22/body-map", Method = "POST")]
    public static Echo BodyMap([FromBody] Dictionary<string, int> map) => Echo.Of(string.Join(";", map.Select(kv => kv.Key + "=" + kv.Value)));

    [ServerFunction("/sf22/route-date/{stamp}", Method = "GET")]
    public static Echo RouteDate(DateTime stamp) => Echo.Of(stamp);

    // ASP.NET Core's analyzer asks for an optional parameter behind an optional route parameter (ASP0007); SessionAuth's does not.
#pragma warning disable ASP0007
    [ServerFunction("/sf22/route-optional-int/{slot?}", Method = "GET")]
    public static Echo RouteOptionalInt(int slot) => Echo.Of(slot);
#pragma warning restore ASP0007

    [ServerFunction("/sf22/route-and-query/{spot}", Method = "GET")]
    public static Echo RouteAndQuery(int spot) => Echo.Of(spot);

    [ServerFunction("/sf22/text", Method = "GET")]
    public static Echo Text(string words) => Echo.Of(words);

    [ServerFunction("/sf22/custom-header", Method = "GET")]
    public static Echo CustomHeader([Review22Header] int? hdr) => Echo.Of(hdr);

    [ServerFunction("/sf22/custom-query", Method = "POST")]
    public static Echo CustomQuery([Review22Query] int? qry) => Echo.Of(qry);

    [ServerFunction("/sf22/derived-query", Method = "POST")]
    public static Echo DerivedQuery([Review22DerivedQuery] int? dq) => Echo.Of(dq);

    [ServerFunction("/sf22/nullable-decimal", Method = "GET")]
    public static Echo NullableDecimal(decimal? cost) => Echo.Of(cost);
}

/// <summary>A binding attribute of the app's own: the header <c>X-H</c>, through ASP.NET Core's metadata interface.</summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class Review22HeaderAttribute : Attribute, Microsoft.AspNetCore.Http.Metadata.IFromHeaderMetadata
{
    public string? Name => "X-H";
}

/// <summary>A binding attribute of the app's own: the query key <c>q</c>, through ASP.NET Core's metadata interface.</summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class Review22QueryAttribute : Attribute, Microsoft.AspNetCore.Http.Metadata.IFromQueryMetadata
{
    public string? Name => "q";
}

/// <summary>[FromQuery] under another name: a class derived from it.</summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class Review22DerivedQueryAttribute : FromQueryAttribute;

/// <summary>A service nobody registers.</summary>
public sealed class Unregistered;

/// <summary>An [AsParameters] record with defaults on its constructor parameters.</summary>
public sealed record Review22Args(int Limit = 7, string Word = "w", DateOnly? Day = null);

/// <summary>An [AsParameters] class of settable properties of every kind.</summary>
public sealed class Review22Bag
{
    public HttpContext? Context { get; set; }

    public CancellationToken Token { get; set; }

    [FromHeader(Name = "X-Alpha")]
    public string? Alpha { get; set; }

    public StringValues Values { get; set; }

    public int? Number { get; set; } = 9;
}

/// <summary>A [FromForm] record whose second constructor parameter has a default.</summary>
public sealed record Review22FormArgs(int Id, string Label = "none");
