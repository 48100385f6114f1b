using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace SessionAuth.Differential.App;

/// <summary>An enum with negative members, which a query may give by name or by number.</summary>
public enum Temperature
{
    Cold = -10,
    Mild = 0,
    Hot = 10,
}

/// <summary>
/// Review 22b's probes: route defaults (<c>{p=7}</c>) with and without a C# default of another value, complex segments
/// (<c>{a}-{b}</c>), optional route values bound to a non-nullable parameter with a default, a constrained route value
/// with a default, a catch-all bound to a number, enums with negative members, and nullable parameters with non-null
/// defaults. Each is a server function at <c>/sf-r22b/...</c> and, through <see cref="Review22bProbeTwins"/>, the same
/// method as a minimal API at <c>/twin-r22b/...</c>. Parameter names are unique so that no two twins share an interceptor.
/// </summary>
[AllowAnonymous]
public static class Review22bProbeFunctions
{
    [ServerFunction("/sf-r22b/route-default/{given=7}", Method = "GET")]
    public static Echo RouteDefault(int given) => Echo.Of(given);

    [ServerFunction("/sf-r22b/route-default-override/{over=7}", Method = "GET")]
    public static Echo RouteDefaultOverride(int over = 9) => Echo.Of(over);

    [ServerFunction("/sf-r22b/route-complex/{left}-{right}", Method = "GET")]
    public static Echo RouteComplex(int left, string right) => Echo.Of(left, right);

    [ServerFunction("/sf-r22b/route-optional-default/{opt?}", Method = "GET")]
    public static Echo RouteOptionalDefault(int opt = 4) => Echo.Of(opt);

    [ServerFunction("/sf-r22b/route-range/{ranged:int:range(1,9)=3}", Method = "GET")]
    public static Echo RouteRange(int ranged) => Echo.Of(ranged);

    [ServerFunction("/sf-r22b/catch-all-int/{**rest}", Method = "GET")]
    public static Echo CatchAllInt(int rest) => Echo.Of(rest);

    [ServerFunction("/sf-r22b/negative-enum", Method = "GET")]
    public static Echo NegativeEnum(Temperature temp) => Echo.Of(temp);

    [ServerFunction("/sf-r22b/nullable-negative-enum", Method = "GET")]
    public static Echo NullableNegativeEnum(Temperature? chill = Temperature.Hot) => Echo.Of(chill);

    [ServerFunction("/sf-r22b/nullable-double-nan", Method = "GET")]
    public static Echo NullableDoubleNaN(double? level = double.NaN) => Echo.Of(level);

#nullable disable
    // Oblivious reference types (issue 22, section 2): minimal APIs treat them as optional.
    [ServerFunction("/sf-r22b/oblivious-string", Method = "GET")]
    public static Echo ObliviousString(string word) => Echo.Of(word);

    [ServerFunction("/sf-r22b/oblivious-version", Method = "GET")]
    public static Echo ObliviousVersion(Version ver) => Echo.Of(ver);

    [ServerFunction("/sf-r22b/oblivious-strings", Method = "GET")]
    public static Echo ObliviousStrings(string[] many) => Echo.Of(many);

    [ServerFunction("/sf-r22b/oblivious-header", Method = "GET")]
    public static Echo ObliviousHeader([FromHeader(Name = "X-Oblivious")] string hw) => Echo.Of(hw);

    [ServerFunction("/sf-r22b/oblivious-form", Method = "POST")]
    public static Echo ObliviousForm([FromForm] string fw) => Echo.Of(fw);

    [ServerFunction("/sf-r22b/oblivious-body", Method = "POST")]
    public static Echo ObliviousBody([FromBody] Order ord) => Echo.Of(ord?.Id, ord?.Name);

    [ServerFunction("/sf-r22b/oblivious-as-parameters", Method = "GET")]
    public static Echo ObliviousAsParameters([AsParameters] ObliviousArguments oa) => Echo.Of(oa.Term, oa.Level);
#nullable restore

    [ServerFunction("/sf-r22b/own-result", Method = "GET")]
    public static Teapot OwnResult() => new();

    [ServerFunction("/sf-r22b/own-result-task", Method = "GET")]
    public static Task<Teapot> OwnResultTask() => Task.FromResult(new Teapot());

    [ServerFunction("/sf-r22b/nullable-bool-default", Method = "GET")]
    public static Echo NullableBoolDefault(bool? enabled = true) => Echo.Of(enabled);
}

/// <summary>An <see cref="IResult"/> of the app's own, which minimal APIs execute rather than serialize.</summary>
public sealed class Teapot : IResult
{
    public Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.StatusCode = StatusCodes.Status418ImATeapot;
        return httpContext.Response.WriteAsync("teapot");
    }
}

#nullable disable
/// <summary>An [AsParameters] type whose members are oblivious reference types.</summary>
public sealed class ObliviousArguments
{
    public string Term { get; set; }

    public Version Level { get; set; }
}
#nullable restore

/// <summary>The minimal API twins of <see cref="Review22bProbeFunctions"/>, at <c>/twin-r22b/...</c>.</summary>
public static class Review22bProbeTwins
{
    public static void Map(WebApplication app)
    {
        var twins = app.MapGroup("/twin-r22b").AllowAnonymous();
        twins.MapGet("/route-default/{given=7}", Review22bProbeFunctions.RouteDefault);
        twins.MapGet("/route-default-override/{over=7}", Review22bProbeFunctions.RouteDefaultOverride);
        twins.MapGet("/route-complex/{left}-{right}", Review22bProbeFunctions.RouteComplex);
        twins.MapGet("/route-optional-default/{opt?}", Review22bProbeFunctions.RouteOptionalDefault);
        twins.MapGet("/route-range/{ranged:int:range(1,9)=3}", Review22bProbeFunctions.RouteRange);
        twins.MapGet("/catch-all-int/{**rest}", Review22bProbeFunctions.CatchAllInt);
        twins.MapGet("/negative-enum", Review22bProbeFunctions.NegativeEnum);
        twins.MapGet("/nullable-negative-enum", Review22bProbeFunctions.NullableNegativeEnum);
        twins.MapGet("/nullable-double-nan", Review22bProbeFunctions.NullableDoubleNaN);
        twins.MapGet("/nullable-bool-default", Review22bProbeFunctions.NullableBoolDefault);
        twins.MapGet("/oblivious-string", Review22bProbeFunctions.ObliviousString);
        twins.MapGet("/oblivious-version", Review22bProbeFunctions.ObliviousVersion);
        twins.MapGet("/oblivious-strings", Review22bProbeFunctions.ObliviousStrings);
        twins.MapGet("/oblivious-header", Review22bProbeFunctions.ObliviousHeader);
        twins.MapPost("/oblivious-form", Review22bProbeFunctions.ObliviousForm).DisableAntiforgery();
        twins.MapPost("/oblivious-body", Review22bProbeFunctions.ObliviousBody);
        twins.MapGet("/own-result", Review22bProbeFunctions.OwnResult);
        twins.MapGet("/own-result-task", Review22bProbeFunctions.OwnResultTask);
        twins.MapGet("/oblivious-as-parameters", Review22bProbeFunctions.ObliviousAsParameters);
    }
}
