using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace SessionAuth.Differential.App;

/// <summary>
/// Each function echoes what it bound. It is a server function at <c>/sf/...</c>, and <see cref="Twins"/> maps the same
/// method as a minimal API at <c>/twin/...</c>, same verb, same pattern.
/// </summary>
[AllowAnonymous]
public static class Functions
{
    // The Request Delegate Generator writes one interceptor for handlers whose parameters agree in name and type, and
    // binds them all as the first one. So a handler differing from another only in a default value (its delegate is cast
    // to the first one's type at start-up: InvalidCastException), or only in a binding attribute or its Name ([FromForm]
    // beside [FromQuery], [FromHeader(Name = "X-Value")] beside none: the twin would read the other one's source and
    // key), names its parameter apart from the others (p).

    [ServerFunction("/sf/int", Method = "GET")]
    public static Echo Int(int p) => Echo.Of(p);

    [ServerFunction("/sf/nullable-int", Method = "GET")]
    public static Echo NullableInt(int? p) => Echo.Of(p);

    [ServerFunction("/sf/int-default", Method = "GET")]
    public static Echo IntDefault(int fallback = 5) => Echo.Of(fallback);

    [ServerFunction("/sf/long", Method = "GET")]
    public static Echo Long(long p) => Echo.Of(p);

    [ServerFunction("/sf/short", Method = "GET")]
    public static Echo Short(short p) => Echo.Of(p);

    [ServerFunction("/sf/byte", Method = "GET")]
    public static Echo Byte(byte p) => Echo.Of(p);

    [ServerFunction("/sf/uint", Method = "GET")]
    public static Echo UInt(uint p) => Echo.Of(p);

    [ServerFunction("/sf/double", Method = "GET")]
    public static Echo Double(double p) => Echo.Of(p);

    [ServerFunction("/sf/double-default-nan", Method = "GET")]
    public static Echo DoubleDefaultNaN(double fallback = double.NaN) => Echo.Of(fallback);

    [ServerFunction("/sf/float", Method = "GET")]
    public static Echo Float(float p) => Echo.Of(p);

    [ServerFunction("/sf/decimal", Method = "GET")]
    public static Echo Decimal(decimal p) => Echo.Of(p);

    [ServerFunction("/sf/decimal-default", Method = "GET")]
    public static Echo DecimalDefault(decimal fallback = 1.5m) => Echo.Of(fallback);

    [ServerFunction("/sf/bool", Method = "GET")]
    public static Echo Bool(bool p) => Echo.Of(p);

    [ServerFunction("/sf/nullable-bool", Method = "GET")]
    public static Echo NullableBool(bool? p) => Echo.Of(p);

    [ServerFunction("/sf/char", Method = "GET")]
    public static Echo Char(char p) => Echo.Of(p);

    [ServerFunction("/sf/char-default", Method = "GET")]
    public static Echo CharDefault(char fallback = '\u2028') => Echo.Of(fallback);

    [ServerFunction("/sf/guid", Method = "GET")]
    public static Echo Guid(Guid p) => Echo.Of(p);

    [ServerFunction("/sf/nullable-guid", Method = "GET")]
    public static Echo NullableGuid(Guid? p) => Echo.Of(p);

    [ServerFunction("/sf/date-time", Method = "GET")]
    public static Echo DateTime(DateTime p) => Echo.Of(p);

    [ServerFunction("/sf/nullable-date-time", Method = "GET")]
    public static Echo NullableDateTime(DateTime? p) => Echo.Of(p);

    [ServerFunction("/sf/date-time-offset", Method = "GET")]
    public static Echo DateTimeOffset(DateTimeOffset p) => Echo.Of(p);

    [ServerFunction("/sf/date-only", Method = "GET")]
    public static Echo DateOnly(DateOnly p) => Echo.Of(p);

    [ServerFunction("/sf/time-only", Method = "GET")]
    public static Echo TimeOnly(TimeOnly p) => Echo.Of(p);

    [ServerFunction("/sf/time-span", Method = "GET")]
    public static Echo TimeSpan(TimeSpan p) => Echo.Of(p);

    [ServerFunction("/sf/int128", Method = "GET")]
    public static Echo Int128(Int128 p) => Echo.Of(p);

    [ServerFunction("/sf/half", Method = "GET")]
    public static Echo Half(Half p) => Echo.Of(p);

    [ServerFunction("/sf/string", Method = "GET")]
    public static Echo String(string p) => Echo.Of(p);

    [ServerFunction("/sf/nullable-string", Method = "GET")]
    public static Echo NullableString(string? p) => Echo.Of(p);

    [ServerFunction("/sf/string-default", Method = "GET")]
    public static Echo StringDefault(string fallback = "a\"b\u2028") => Echo.Of(fallback);

    [ServerFunction("/sf/enum", Method = "GET")]
    public static Echo Enum(Color p) => Echo.Of(p);

    [ServerFunction("/sf/nullable-enum", Method = "GET")]
    public static Echo NullableEnum(Color? p) => Echo.Of(p);

    [ServerFunction("/sf/enum-default", Method = "GET")]
    public static Echo EnumDefault(Color fallback = Color.Green) => Echo.Of(fallback);

    [ServerFunction("/sf/flags", Method = "GET")]
    public static Echo Flags(Access p) => Echo.Of(p);

    [ServerFunction("/sf/version", Method = "GET")]
    public static Echo Version(Version p) => Echo.Of(p);

    [ServerFunction("/sf/nullable-version", Method = "GET")]
    public static Echo NullableVersion(Version? p) => Echo.Of(p);

    [ServerFunction("/sf/sku", Method = "GET")]
    public static Echo Sku(Sku p) => Echo.Of(p);

    [ServerFunction("/sf/nullable-sku", Method = "GET")]
    public static Echo NullableSku(Sku? p) => Echo.Of(p);

    [ServerFunction("/sf/sku-default", Method = "GET")]
    public static Echo SkuDefault(Sku fallback = default) => Echo.Of(fallback);

    [ServerFunction("/sf/delete-nullable-sku", Method = "DELETE")]
    public static Echo DeleteNullableSku(Sku? maybe) => Echo.Of(maybe);

    [ServerFunction("/sf/route-nullable-sku/{p?}", Method = "GET")]
    public static Echo RouteNullableSku(Sku? p) => Echo.Of(p);

    [ServerFunction("/sf/from-query-nullable-sku", Method = "POST")]
    public static Echo FromQueryNullableSku([FromQuery] Sku? queried) => Echo.Of(queried);

    [ServerFunction("/sf/lenient", Method = "GET")]
    public static Echo Lenient(Lenient? p) => Echo.Of(p);

    [ServerFunction("/sf/sku-array", Method = "GET")]
    public static Echo SkuArray(Sku[] p) => Echo.Of(p);

    [ServerFunction("/sf/nullable-sku-array", Method = "GET")]
    public static Echo NullableSkuArray(Sku?[] p) => Echo.Of(p);

    [ServerFunction("/sf/header-skus", Method = "GET")]
    public static Echo HeaderSkus([FromHeader(Name = "X-Skus")] Sku[] skus) => Echo.Of(skus);

    [ServerFunction("/sf/nullable-int-array", Method = "GET")]
    public static Echo NullableIntArray(int?[] p) => Echo.Of(p);

    [ServerFunction("/sf/nullable-color-array", Method = "GET")]
    public static Echo NullableColorArray([FromQuery] Color?[] p) => Echo.Of(p);

    [ServerFunction("/sf/nullable-version-array", Method = "GET")]
    public static Echo NullableVersionArray(Version?[] p) => Echo.Of(p);

    [ServerFunction("/sf/version-array", Method = "GET")]
    public static Echo VersionArray(Version[] p) => Echo.Of(p);

    [ServerFunction("/sf/form-nullable-ints", Method = "POST")]
    public static Echo FormNullableInts([FromForm] int?[] counts) => Echo.Of(counts);

    [ServerFunction("/sf/cart", Method = "GET")]
    public static Echo Cart(Cart cart) => Echo.Of(cart);

    [ServerFunction("/sf/nullable-cart", Method = "GET")]
    public static Echo NullableCart(Cart? cart) => Echo.Of(cart);

    [ServerFunction("/sf/post-cart", Method = "POST")]
    public static Echo PostCart(Cart cart, [FromQuery] int? count) => Echo.Of(cart, count);

    [ServerFunction("/sf/tagged", Method = "GET")]
    public static Echo Tagged(int p, Tagged tagged) => Echo.Of(p, tagged);

    [ServerFunction("/sf/nullable-tagged", Method = "GET")]
    public static Echo NullableTagged(Tagged? maybe, string? q = null) => Echo.Of(maybe, q);

    [ServerFunction("/sf/caller", Method = "GET")]
    public static Echo Caller(Caller caller) => Echo.Of(caller);

    [ServerFunction("/sf/nullable-caller", Method = "GET")]
    public static Echo NullableCaller(Caller? caller) => Echo.Of(caller);

    [ServerFunction("/sf/region", Method = "GET")]
    public static Echo Region(Region region, Region? other) => Echo.Of(region, other);

    [ServerFunction("/sf/zone", Method = "GET")]
    public static Echo Zone(Zone zone) => Echo.Of(zone);

    [ServerFunction("/sf/nullable-zone", Method = "GET")]
    public static Echo NullableZone(Zone? zone) => Echo.Of(zone);

    [ServerFunction("/sf/both", Method = "GET")]
    public static Echo Both(Both both) => Echo.Of(both);

    [ServerFunction("/sf/multi", Method = "GET")]
    public static Echo Multi(int a, string? b, Color c = Color.Red, bool d = false) => Echo.Of(a, b, c, d);

    [ServerFunction("/sf/delete", Method = "DELETE")]
    public static Echo Delete(int p, string? q) => Echo.Of(p, q);

    [ServerFunction("/sf/from-query-array", Method = "GET")]
    public static Echo FromQueryArray([FromQuery] int[] p) => Echo.Of(p);

    [ServerFunction("/sf/from-header", Method = "GET")]
    public static Echo FromHeader([FromHeader(Name = "X-Value")] string? header) => Echo.Of(header);

    [ServerFunction("/sf/from-header-ints", Method = "GET")]
    public static Echo FromHeaderInts([FromHeader(Name = "X-Numbers")] int[] numbers) => Echo.Of(numbers);

    [ServerFunction("/sf/from-header-strings", Method = "GET")]
    public static Echo FromHeaderStrings([FromHeader(Name = "X-Words")] string[] words) => Echo.Of(words);

    [ServerFunction("/sf/keyed-service", Method = "GET")]
    public static Echo KeyedService([FromKeyedServices(Palette.Key)] Palette palette, int p) => Echo.Of(palette.Name, p);

    [ServerFunction("/sf/optional-keyed-service", Method = "GET")]
    public static Echo OptionalKeyedService([FromKeyedServices("nobody registers this key")] Palette? unregistered) => Echo.Of(unregistered?.Name);

    [ServerFunction("/sf/number-keyed-service", Method = "POST")]
    public static Echo NumberKeyedService([FromKeyedServices(7)] Palette numbered, [FromForm] string? note) => Echo.Of(numbered.Name, note);

    [ServerFunction("/sf/route-int/{p}", Method = "GET")]
    public static Echo RouteInt(int p) => Echo.Of(p);

    [ServerFunction("/sf/route-guid/{p}", Method = "GET")]
    public static Echo RouteGuid(Guid p) => Echo.Of(p);

    [ServerFunction("/sf/route-string/{p}", Method = "GET")]
    public static Echo RouteString(string p) => Echo.Of(p);

    [ServerFunction("/sf/route-enum/{p}", Method = "GET")]
    public static Echo RouteEnum(Color p) => Echo.Of(p);

    [ServerFunction("/sf/route-mixed/{id}", Method = "GET")]
    public static Echo RouteMixed(int id, string? q, int take = 10) => Echo.Of(id, q, take);

    [ServerFunction("/sf/route-optional/{p?}", Method = "GET")]
    public static Echo RouteOptional(int? p) => Echo.Of(p);

    [ServerFunction("/sf/route-constraint/{p:int}", Method = "GET")]
    public static Echo RouteConstraint(int p) => Echo.Of(p);

    [ServerFunction("/sf/route-catch-all/{**p}", Method = "GET")]
    public static Echo RouteCatchAll(string? p) => Echo.Of(p);

    [ServerFunction("/sf/form-int", Method = "POST")]
    public static Echo FormInt([FromForm] int p) => Echo.Of(p);

    [ServerFunction("/sf/form-string", Method = "POST")]
    public static Echo FormString([FromForm] string p) => Echo.Of(p);

    [ServerFunction("/sf/form-nullable", Method = "POST")]
    public static Echo FormNullable([FromForm] int? p, [FromForm] string? q) => Echo.Of(p, q);

    [ServerFunction("/sf/form-multi", Method = "POST")]
    public static Echo FormMulti([FromForm] int a, [FromForm] Color c = Color.Red, [FromForm] DateTime? d = null) => Echo.Of(a, c, d);

    [ServerFunction("/sf/form-named", Method = "POST")]
    public static Echo FormNamed([FromForm(Name = "f")] int field) => Echo.Of(field);

    [ServerFunction("/sf/body-record", Method = "POST")]
    public static Echo BodyRecord([FromBody] Order p) => Echo.Of(p);

    [ServerFunction("/sf/body-inferred", Method = "POST")]
    public static Echo BodyInferred(Order order) => Echo.Of(order);

    [ServerFunction("/sf/post-simple", Method = "POST")]
    public static Echo PostSimple(int a, string? b) => Echo.Of(a, b);

    [ServerFunction("/sf/post-from-query", Method = "POST")]
    public static Echo PostFromQuery([FromQuery] int query) => Echo.Of(query);

    [ServerFunction("/sf/as-parameters", Method = "GET")]
    public static Echo AsParameters([AsParameters] SearchArgs search) => Echo.Of(search.Take, search.Shade, search.Term, search.Page);

    [ServerFunction("/sf/as-parameters-struct", Method = "GET")]
    public static Echo AsParametersStruct([AsParameters] PagingArgs paging) => Echo.Of(paging.Skip, paging.Size);

    [ServerFunction("/sf/form-record", Method = "POST")]
    public static Echo FormRecord([FromForm] FormContact contact) => Echo.Of(contact.Id, contact.Name, contact.Shade);

    [ServerFunction("/sf/form-class", Method = "POST")]
    public static Echo FormClass([FromForm] FormSettings settings) => Echo.Of(settings.Count, settings.Note, settings.Day);

    [ServerFunction("/sf/returns/string", Method = "GET")]
    public static string ReturnsString() => "text \u2028";

    [ServerFunction("/sf/returns/nullable-int", Method = "GET")]
    public static int? ReturnsNullableInt() => null;

    [ServerFunction("/sf/returns/result", Method = "GET")]
    public static IResult ReturnsResult() => Results.Ok(Echo.Of("result"));

    [ServerFunction("/sf/returns/object-holding-result", Method = "GET")]
    public static object ReturnsObjectHoldingResult() => Results.Ok(Echo.Of("result"));

    [ServerFunction("/sf/returns/object", Method = "GET")]
    public static object ReturnsObject() => Echo.Of("plain");

    [ServerFunction("/sf/returns/typed-results", Method = "GET")]
    public static Results<Ok<Echo>, NotFound> ReturnsTypedResults() => TypedResults.Ok(Echo.Of("typed"));

    [ServerFunction("/sf/returns/task-of-int", Method = "GET")]
    public static Task<int> ReturnsTaskOfInt() => Task.FromResult(42);

    [ServerFunction("/sf/returns/value-task-of-echo", Method = "GET")]
    public static ValueTask<Echo> ReturnsValueTaskOfEcho() => ValueTask.FromResult(Echo.Of("value task"));

    [ServerFunction("/sf/returns/created", Method = "GET")]
    public static IResult ReturnsCreated() => Results.Created("/somewhere", Echo.Of("created"));

    [ServerFunction("/sf/returns/problem", Method = "GET")]
    public static IResult ReturnsProblem() => Results.Problem("no", statusCode: 409);

    [ServerFunction("/sf/returns/void", Method = "POST")]
    public static void ReturnsVoid() { }

    [ServerFunction("/sf/returns/task", Method = "POST")]
    public static Task ReturnsTask() => Task.CompletedTask;
}
