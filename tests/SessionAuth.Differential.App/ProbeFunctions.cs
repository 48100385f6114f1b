using System.Numerics;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Primitives;

namespace SessionAuth.Differential.App;

/// <summary>
/// Shapes the generated differential plan does not reach, for hand-written requests (DifferentialTests' probes). Each is a server function at <c>/sf-probe/...</c> and,
/// through <see cref="ProbeTwins"/>, the same method as a minimal API at <c>/twin-probe/...</c>. Parameter names are
/// unique per function so that no two twins share a Request Delegate Generator interceptor.
/// </summary>
[AllowAnonymous]
public static class ProbeFunctions
{
    [ServerFunction("/sf-probe/decimal", Method = "GET")]
    public static Echo Decimal(decimal dec) => Echo.Of(dec);

    [ServerFunction("/sf-probe/double", Method = "GET")]
    public static Echo Double(double dbl) => Echo.Of(dbl);

    [ServerFunction("/sf-probe/int", Method = "GET")]
    public static Echo Int(int num) => Echo.Of(num);

    [ServerFunction("/sf-probe/big", Method = "GET")]
    public static Echo Big(BigInteger big) => Echo.Of(big);

    [ServerFunction("/sf-probe/uri", Method = "GET")]
    public static Echo Uri(Uri link) => Echo.Of(link?.OriginalString);

    [ServerFunction("/sf-probe/nullable-uri", Method = "GET")]
    public static Echo NullableUri(Uri? maybeLink) => Echo.Of(maybeLink?.OriginalString);

    [ServerFunction("/sf-probe/time-span", Method = "GET")]
    public static Echo TimeSpan(TimeSpan span) => Echo.Of(span);

    [ServerFunction("/sf-probe/date-time-offset", Method = "GET")]
    public static Echo DateTimeOffset(DateTimeOffset moment) => Echo.Of(moment);

    [ServerFunction("/sf-probe/bool", Method = "GET")]
    public static Echo Bool(bool flag) => Echo.Of(flag);

    [ServerFunction("/sf-probe/char", Method = "GET")]
    public static Echo Char(char letter) => Echo.Of(letter);

    [ServerFunction("/sf-probe/guid", Method = "GET")]
    public static Echo Guid(Guid id) => Echo.Of(id);

    [ServerFunction("/sf-probe/enum", Method = "GET")]
    public static Echo Enum(Color hue) => Echo.Of(hue);

    [ServerFunction("/sf-probe/flags", Method = "GET")]
    public static Echo Flags(Access rights) => Echo.Of(rights);

    [ServerFunction("/sf-probe/string-values", Method = "GET")]
    public static Echo StringValuesQuery(StringValues values) => Echo.Of(values.ToArray());

    // ASP.NET Core's analyzer calls StringValues from a header unsupported (ASP0020), though both sides bind it.
#pragma warning disable ASP0020
    [ServerFunction("/sf-probe/header-string-values", Method = "GET")]
    public static Echo HeaderStringValues([FromHeader(Name = "X-Lines")] StringValues lines) => Echo.Of(lines.ToArray());
#pragma warning restore ASP0020

    [ServerFunction("/sf-probe/header-int", Method = "GET")]
    public static Echo HeaderInt([FromHeader(Name = "X-Count")] int count) => Echo.Of(count);

    [ServerFunction("/sf-probe/header-string", Method = "GET")]
    public static Echo HeaderString([FromHeader(Name = "X-Word")] string word) => Echo.Of(word);

    [ServerFunction("/sf-probe/header-strings", Method = "GET")]
    public static Echo HeaderStrings([FromHeader(Name = "X-Tags")] string[] tags) => Echo.Of(tags);

    [ServerFunction("/sf-probe/query-named", Method = "GET")]
    public static Echo QueryNamed([FromQuery(Name = "q")] string[] terms) => Echo.Of(terms);

    [ServerFunction("/sf-probe/route-named/{k}", Method = "GET")]
    public static Echo RouteNamed([FromRoute(Name = "k")] int key) => Echo.Of(key);

    [ServerFunction("/sf-probe/nullable-date-only", Method = "GET")]
    public static Echo NullableDateOnly(DateOnly? day = null) => Echo.Of(day);

    [ServerFunction("/sf-probe/nullable-default", Method = "GET")]
    public static Echo NullableDefault(int? take = 20) => Echo.Of(take);

    [ServerFunction("/sf-probe/time-only", Method = "GET")]
    public static Echo TimeOnly(TimeOnly clock) => Echo.Of(clock);

    [ServerFunction("/sf-probe/request", Method = "GET")]
    public static Echo Request(HttpRequest request, ClaimsPrincipal user, HttpContext context, CancellationToken cancel)
        => Echo.Of(request.Query["x"].ToString(), cancel.CanBeCanceled, user.Identity?.IsAuthenticated, context.Request.Method);

    [ServerFunction("/sf-probe/missing-service", Method = "GET")]
    public static Echo MissingService([FromServices] Unregistered service) => Echo.Of(service is null);

    [ServerFunction("/sf-probe/optional-service", Method = "GET")]
    public static Echo OptionalService([FromServices] Unregistered? maybeService) => Echo.Of(maybeService is null);

    [ServerFunction("/sf-probe/form-file", Method = "POST")]
    public static Echo FormFile(IFormFile upload) => Echo.Of(upload.FileName);

    [ServerFunction("/sf-probe/nullable-form-file", Method = "POST")]
    public static Echo NullableFormFile(IFormFile? attachment) => Echo.Of(attachment?.FileName);

    [ServerFunction("/sf-probe/form-strings", Method = "POST")]
    public static Echo FormStrings([FromForm] string[] labels) => Echo.Of(labels);

    [ServerFunction("/sf-probe/form-double", Method = "POST")]
    public static Echo FormDouble([FromForm] double amount) => Echo.Of(amount);

    [ServerFunction("/sf-probe/form-decimal", Method = "POST")]
    public static Echo FormDecimal([FromForm] decimal price) => Echo.Of(price);

    [ServerFunction("/sf-probe/as-parameters-record", Method = "GET")]
    public static Echo AsParametersRecord([AsParameters] ProbeArgs args) => Echo.Of(args.Limit, args.Word, args.Day);

    [ServerFunction("/sf-probe/form-defaults", Method = "POST")]
    public static Echo FormDefaults([FromForm] ProbeFormArgs form) => Echo.Of(form.Id, form.Label);

    [ServerFunction("/sf-probe/decimal-array", Method = "GET")]
    public static Echo DecimalArray(decimal[] prices) => Echo.Of(prices);

    [ServerFunction("/sf-probe/route-uri/{target}", Method = "GET")]
    public static Echo RouteUri(Uri target) => Echo.Of(target?.OriginalString);

    [ServerFunction("/sf-probe/uri-array", Method = "GET")]
    public static Echo UriArray(Uri[] links) => Echo.Of(links.Select(l => l.OriginalString).ToArray());

    [ServerFunction("/sf-probe/header-uri", Method = "GET")]
    public static Echo HeaderUri([FromHeader(Name = "X-Link")] Uri? headerLink) => Echo.Of(headerLink?.OriginalString);

    [ServerFunction("/sf-probe/form-uri", Method = "POST")]
    public static Echo FormUri([FromForm(Name = "target")] Uri formLink) => Echo.Of(formLink?.OriginalString);

    [ServerFunction("/sf-probe/ip", Method = "GET")]
    public static Echo Ip(System.Net.IPAddress address) => Echo.Of(address?.ToString());

    [ServerFunction("/sf-probe/ip-network", Method = "GET")]
    public static Echo IpNetwork(System.Net.IPNetwork network) => Echo.Of(network.ToString());

    [ServerFunction("/sf-probe/header-date", Method = "GET")]
    public static Echo HeaderDate([FromHeader(Name = "X-When")] DateTime when) => Echo.Of(when);

    [ServerFunction("/sf-probe/header-bool", Method = "GET")]
    public static Echo HeaderBool([FromHeader(Name = "X-On")] bool? on) => Echo.Of(on);

    [ServerFunction("/sf-probe/as-parameters-class", Method = "GET")]
    public static Echo AsParametersClass([AsParameters] ProbeBag bag) => Echo.Of(bag.Context is null, bag.Token.CanBeCanceled, bag.Alpha, bag.Values.ToArray(), bag.Number);

    [ServerFunction("/sf-probe/form-file-named", Method = "POST")]
    public static Echo FormFileNamed([FromForm(Name = "doc")] IFormFile document) => Echo.Of(document.FileName);

    [ServerFunction("/sf-probe/form-files", Method = "POST")]
    public static Echo FormFiles(IFormFileCollection files) => Echo.Of(files.Count);

    [ServerFunction("/sf-probe/form-collection", Method = "POST")]
    public static Echo FormCollection(IFormCollection formData) => Echo.Of(formData.Count);

    [ServerFunction("/sf-probe/body-order", Method = "POST")]
    public static Echo BodyOrder([FromBody] Order body) => Echo.Of(body.Id, body.Name);

    [ServerFunction("/sf-probe/body-nullable-order", Method = "POST")]
    public static Echo BodyNullableOrder([FromBody] Order? maybeOrder) => Echo.Of(maybeOrder?.Id, maybeOrder?.Name);

    [ServerFunction("/sf-probe/body-ints", Method = "POST")]
    public static Echo BodyInts([FromBody] int[] nums) => Echo.Of(nums);

    [ServerFunction("/sf-probe/body-string", Method = "POST")]
    public static Echo BodyString([FromBody] string text) => Echo.Of(text);

    [ServerFunction("/sf-probe/body-map", Method = "POST")]
    public static Echo BodyMap([FromBody] Dictionary<string, int> map) => Echo.Of(string.Join(";", map.Select(kv => kv.Key + "=" + kv.Value)));

    [ServerFunction("/sf-probe/route-date/{stamp}", Method = "GET")]
    public static Echo RouteDate(DateTime stamp) => Echo.Of(stamp);

    // ASP.NET Core's analyzer asks for an optional parameter behind an optional route parameter (ASP0007); SessionAuth's does not.
#pragma warning disable ASP0007
    [ServerFunction("/sf-probe/route-optional-int/{slot?}", Method = "GET")]
    public static Echo RouteOptionalInt(int slot) => Echo.Of(slot);
#pragma warning restore ASP0007

    [ServerFunction("/sf-probe/route-and-query/{spot}", Method = "GET")]
    public static Echo RouteAndQuery(int spot) => Echo.Of(spot);

    [ServerFunction("/sf-probe/text", Method = "GET")]
    public static Echo Text(string words) => Echo.Of(words);

    [ServerFunction("/sf-probe/custom-header", Method = "GET")]
    public static Echo CustomHeader([ProbeHeader] int? hdr) => Echo.Of(hdr);

    [ServerFunction("/sf-probe/custom-query", Method = "POST")]
    public static Echo CustomQuery([ProbeQuery] int? qry) => Echo.Of(qry);

    [ServerFunction("/sf-probe/derived-query", Method = "POST")]
    public static Echo DerivedQuery([ProbeDerivedQuery] int? dq) => Echo.Of(dq);

    [ServerFunction("/sf-probe/nullable-decimal", Method = "GET")]
    public static Echo NullableDecimal(decimal? cost) => Echo.Of(cost);
}

/// <summary>A binding attribute of the app's own: the header <c>X-H</c>, through ASP.NET Core's metadata interface.</summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class ProbeHeaderAttribute : Attribute, Microsoft.AspNetCore.Http.Metadata.IFromHeaderMetadata
{
    public string? Name => "X-H";
}

/// <summary>A binding attribute of the app's own: the query key <c>q</c>, through ASP.NET Core's metadata interface.</summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class ProbeQueryAttribute : Attribute, Microsoft.AspNetCore.Http.Metadata.IFromQueryMetadata
{
    public string? Name => "q";
}

/// <summary>[FromQuery] under another name: a class derived from it.</summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class ProbeDerivedQueryAttribute : FromQueryAttribute;

/// <summary>A service nobody registers.</summary>
public sealed class Unregistered;

/// <summary>An [AsParameters] record with defaults on its constructor parameters.</summary>
public sealed record ProbeArgs(int Limit = 7, string Word = "w", DateOnly? Day = null);

/// <summary>An [AsParameters] class of settable properties of every kind.</summary>
public sealed class ProbeBag
{
    public HttpContext? Context { get; set; }

    public CancellationToken Token { get; set; }

    [FromHeader(Name = "X-Alpha")]
    public string? Alpha { get; set; }

    public StringValues Values { get; set; }

    public int? Number { get; set; } = 9;
}

/// <summary>A [FromForm] record whose second constructor parameter has a default.</summary>
public sealed record ProbeFormArgs(int Id, string Label = "none");
