using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace SessionAuth.Differential.App;

/// <summary>
/// The minimal API twin of every server function of <see cref="Functions"/>: the same method group at the same pattern
/// under <c>/twin</c>, written out call by call so that the Request Delegate Generator compiles each one.
/// </summary>
public static class Twins
{
    public static void Map(WebApplication app)
    {
        // Open, as the server functions are ([AllowAnonymous] on their class); the analyzers want a decision.
        var twins = app.MapGroup("/twin").AllowAnonymous();
        twins.MapGet("/int", Functions.Int);
        twins.MapGet("/nullable-int", Functions.NullableInt);
        twins.MapGet("/int-default", Functions.IntDefault);
        twins.MapGet("/long", Functions.Long);
        twins.MapGet("/short", Functions.Short);
        twins.MapGet("/byte", Functions.Byte);
        twins.MapGet("/uint", Functions.UInt);
        twins.MapGet("/double", Functions.Double);
        twins.MapGet("/double-default-nan", Functions.DoubleDefaultNaN);
        twins.MapGet("/float", Functions.Float);
        twins.MapGet("/decimal", Functions.Decimal);
        twins.MapGet("/decimal-default", Functions.DecimalDefault);
        twins.MapGet("/bool", Functions.Bool);
        twins.MapGet("/nullable-bool", Functions.NullableBool);
        twins.MapGet("/char", Functions.Char);
        twins.MapGet("/char-default", Functions.CharDefault);
        twins.MapGet("/guid", Functions.Guid);
        twins.MapGet("/nullable-guid", Functions.NullableGuid);
        twins.MapGet("/date-time", Functions.DateTime);
        twins.MapGet("/nullable-date-time", Functions.NullableDateTime);
        twins.MapGet("/date-time-offset", Functions.DateTimeOffset);
        twins.MapGet("/date-only", Functions.DateOnly);
        twins.MapGet("/time-only", Functions.TimeOnly);
        twins.MapGet("/time-span", Functions.TimeSpan);
        twins.MapGet("/int128", Functions.Int128);
        twins.MapGet("/half", Functions.Half);
        twins.MapGet("/string", Functions.String);
        twins.MapGet("/nullable-string", Functions.NullableString);
        twins.MapGet("/string-default", Functions.StringDefault);
        twins.MapGet("/enum", Functions.Enum);
        twins.MapGet("/nullable-enum", Functions.NullableEnum);
        twins.MapGet("/enum-default", Functions.EnumDefault);
        twins.MapGet("/flags", Functions.Flags);
        twins.MapGet("/version", Functions.Version);
        twins.MapGet("/nullable-version", Functions.NullableVersion);
        twins.MapGet("/sku", Functions.Sku);
        twins.MapGet("/nullable-sku", Functions.NullableSku);
        twins.MapGet("/sku-default", Functions.SkuDefault);
        twins.MapDelete("/delete-nullable-sku", Functions.DeleteNullableSku);
        twins.MapGet("/route-nullable-sku/{p?}", Functions.RouteNullableSku);
        twins.MapPost("/from-query-nullable-sku", Functions.FromQueryNullableSku);
        twins.MapGet("/lenient", Functions.Lenient);
        twins.MapGet("/sku-array", Functions.SkuArray);
        twins.MapGet("/nullable-sku-array", Functions.NullableSkuArray);
        twins.MapGet("/header-skus", Functions.HeaderSkus);
        twins.MapGet("/nullable-int-array", Functions.NullableIntArray);
        twins.MapGet("/nullable-color-array", Functions.NullableColorArray);
        twins.MapGet("/nullable-version-array", Functions.NullableVersionArray);
        twins.MapGet("/version-array", Functions.VersionArray);
        twins.MapPost("/form-nullable-ints", Functions.FormNullableInts).DisableAntiforgery();
        twins.MapGet("/cart", Functions.Cart);
        twins.MapGet("/nullable-cart", Functions.NullableCart);
        twins.MapPost("/post-cart", Functions.PostCart);
        twins.MapGet("/tagged", Functions.Tagged);
        twins.MapGet("/nullable-tagged", Functions.NullableTagged);
        twins.MapGet("/caller", Functions.Caller);
        twins.MapGet("/nullable-caller", Functions.NullableCaller);
        twins.MapGet("/region", Functions.Region);
        twins.MapGet("/zone", Functions.Zone);
        twins.MapGet("/nullable-zone", Functions.NullableZone);
        twins.MapGet("/both", Functions.Both);
        twins.MapGet("/multi", Functions.Multi);
        twins.MapDelete("/delete", Functions.Delete);
        twins.MapGet("/from-query-array", Functions.FromQueryArray);
        twins.MapGet("/from-header", Functions.FromHeader);
        twins.MapGet("/from-header-ints", Functions.FromHeaderInts);
        twins.MapGet("/from-header-strings", Functions.FromHeaderStrings);
        twins.MapGet("/keyed-service", Functions.KeyedService);
        twins.MapGet("/optional-keyed-service", Functions.OptionalKeyedService);
        twins.MapPost("/number-keyed-service", Functions.NumberKeyedService).DisableAntiforgery();
        twins.MapGet("/route-int/{p}", Functions.RouteInt);
        twins.MapGet("/route-guid/{p}", Functions.RouteGuid);
        twins.MapGet("/route-string/{p}", Functions.RouteString);
        twins.MapGet("/route-enum/{p}", Functions.RouteEnum);
        twins.MapGet("/route-mixed/{id}", Functions.RouteMixed);
        twins.MapGet("/route-optional/{p?}", Functions.RouteOptional);
        twins.MapGet("/route-constraint/{p:int}", Functions.RouteConstraint);
        twins.MapGet("/route-catch-all/{**p}", Functions.RouteCatchAll);
        twins.MapPost("/form-int", Functions.FormInt).DisableAntiforgery();
        twins.MapPost("/form-string", Functions.FormString).DisableAntiforgery();
        twins.MapPost("/form-nullable", Functions.FormNullable).DisableAntiforgery();
        twins.MapPost("/form-multi", Functions.FormMulti).DisableAntiforgery();
        twins.MapPost("/form-named", Functions.FormNamed).DisableAntiforgery();
        twins.MapPost("/body-record", Functions.BodyRecord);
        twins.MapPost("/body-inferred", Functions.BodyInferred);
        twins.MapPost("/post-simple", Functions.PostSimple);
        twins.MapPost("/post-from-query", Functions.PostFromQuery);
        twins.MapGet("/as-parameters", Functions.AsParameters);
        twins.MapGet("/as-parameters-struct", Functions.AsParametersStruct);

        // The Request Delegate Generator leaves a complex [FromForm] type to minimal APIs' runtime form mapper (RDG003).
#pragma warning disable RDG003
        twins.MapPost("/form-record", Functions.FormRecord).DisableAntiforgery();
        twins.MapPost("/form-class", Functions.FormClass).DisableAntiforgery();
#pragma warning restore RDG003
        twins.MapGet("/returns/string", Functions.ReturnsString);
        twins.MapGet("/returns/nullable-int", Functions.ReturnsNullableInt);
        twins.MapGet("/returns/result", Functions.ReturnsResult);
        twins.MapGet("/returns/object-holding-result", Functions.ReturnsObjectHoldingResult);
        twins.MapGet("/returns/object", Functions.ReturnsObject);
        twins.MapGet("/returns/typed-results", Functions.ReturnsTypedResults);
        twins.MapGet("/returns/task-of-int", Functions.ReturnsTaskOfInt);
        twins.MapGet("/returns/value-task-of-echo", Functions.ReturnsValueTaskOfEcho);
        twins.MapGet("/returns/created", Functions.ReturnsCreated);
        twins.MapGet("/returns/problem", Functions.ReturnsProblem);
        twins.MapPost("/returns/void", Functions.ReturnsVoid);
        twins.MapPost("/returns/task", Functions.ReturnsTask);
    }
}
