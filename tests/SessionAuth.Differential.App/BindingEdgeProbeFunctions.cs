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
/// Probes at the edges of binding: route defaults (<c>{p=7}</c>) with and without a C# default of another value, complex segments
/// (<c>{a}-{b}</c>), optional route values bound to a non-nullable parameter with a default, a constrained route value
/// with a default, a catch-all bound to a number, enums with negative members, and nullable parameters with non-null
/// defaults. Each is a server function at <c>/sf-r22b/...</c> and, through <see cref="BindingEdgeProbeTwins"/>, the same
/// method as a minimal API at <c>/twin-r22b/...</c>. Parameter names are unique so that no two twins share an interceptor.
/// </summary>
[AllowAnonymous]
public static class BindingEdgeProbeFunctions
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

/// <summary>The minimal API twins of <see cref="BindingEdgeProbeFunctions"/>, at <c>/twin-r22b/...</c>.</summary>
public static class BindingEdgeProbeTwins
{
    public static void Map(WebApplication app)
    {
        var twins = app.MapGroup("/twin-r22b").AllowAnonymous();
        twins.MapGet("/route-default/{given=7}", BindingEdgeProbeFunctions.RouteDefault);
        twins.MapGet("/route-default-override/{over=7}", BindingEdgeProbeFunctions.RouteDefaultOverride);
        twins.MapGet("/route-complex/{left}-{right}", BindingEdgeProbeFunctions.RouteComplex);
        twins.MapGet("/route-optional-default/{opt?}", BindingEdgeProbeFunctions.RouteOptionalDefault);
        twins.MapGet("/route-range/{ranged:int:range(1,9)=3}", BindingEdgeProbeFunctions.RouteRange);
        twins.MapGet("/catch-all-int/{**rest}", BindingEdgeProbeFunctions.CatchAllInt);
        twins.MapGet("/negative-enum", BindingEdgeProbeFunctions.NegativeEnum);
        twins.MapGet("/nullable-negative-enum", BindingEdgeProbeFunctions.NullableNegativeEnum);
        twins.MapGet("/nullable-double-nan", BindingEdgeProbeFunctions.NullableDoubleNaN);
        twins.MapGet("/nullable-bool-default", BindingEdgeProbeFunctions.NullableBoolDefault);
        twins.MapGet("/oblivious-string", BindingEdgeProbeFunctions.ObliviousString);
        twins.MapGet("/oblivious-version", BindingEdgeProbeFunctions.ObliviousVersion);
        twins.MapGet("/oblivious-strings", BindingEdgeProbeFunctions.ObliviousStrings);
        twins.MapGet("/oblivious-header", BindingEdgeProbeFunctions.ObliviousHeader);
        twins.MapPost("/oblivious-form", BindingEdgeProbeFunctions.ObliviousForm).DisableAntiforgery();
        twins.MapPost("/oblivious-body", BindingEdgeProbeFunctions.ObliviousBody);
        twins.MapGet("/own-result", BindingEdgeProbeFunctions.OwnResult);
        twins.MapGet("/own-result-task", BindingEdgeProbeFunctions.OwnResultTask);
        twins.MapGet("/oblivious-as-parameters", BindingEdgeProbeFunctions.ObliviousAsParameters);
    }
}
