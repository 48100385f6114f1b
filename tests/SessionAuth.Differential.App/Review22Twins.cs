using Microsoft.AspNetCore.Builder;

namespace SessionAuth.Differential.App;

/// <summary>The minimal API twins of <see cref="Review22Functions"/>, at <c>/twin22/...</c>.</summary>
public static class Review22Twins
{
    public static void Map(WebApplication app)
    {
        var twins = app.MapGroup("/twin22").AllowAnonymous();
        twins.MapGet("/decimal", Review22Functions.Decimal);
        twins.MapGet("/double", Review22Functions.Double);
        twins.MapGet("/int", Review22Functions.Int);
        twins.MapGet("/big", Review22Functions.Big);
        twins.MapGet("/uri", Review22Functions.Uri);
        twins.MapGet("/nullable-uri", Review22Functions.NullableUri);
        twins.MapGet("/time-span", Review22Functions.TimeSpan);
        twins.MapGet("/date-time-offset", Review22Functions.DateTimeOffset);
        twins.MapGet("/bool", Review22Functions.Bool);
        twins.MapGet("/char", Review22Functions.Char);
        twins.MapGet("/guid", Review22Functions.Guid);
        twins.MapGet("/enum", Review22Functions.Enum);
        twins.MapGet("/flags", Review22Functions.Flags);
        twins.MapGet("/string-values", Review22Functions.StringValuesQuery);
        twins.MapGet("/header-string-values", Review22Functions.HeaderStringValues);
        twins.MapGet("/header-int", Review22Functions.HeaderInt);
        twins.MapGet("/header-string", Review22Functions.HeaderString);
        twins.MapGet("/header-strings", Review22Functions.HeaderStrings);
        twins.MapGet("/query-named", Review22Functions.QueryNamed);
        twins.MapGet("/route-named/{k}", Review22Functions.RouteNamed);
        twins.MapGet("/nullable-date-only", Review22Functions.NullableDateOnly);
        twins.MapGet("/nullable-default", Review22Functions.NullableDefault);
        twins.MapGet("/time-only", Review22Functions.TimeOnly);
        twins.MapGet("/request", Review22Functions.Request);
        twins.MapGet("/missing-service", Review22Functions.MissingService);
        twins.MapGet("/optional-service", Review22Functions.OptionalService);
        twins.MapPost("/form-file", Review22Functions.FormFile).DisableAntiforgery();
        twins.MapPost("/nullable-form-file", Review22Functions.NullableFormFile).DisableAntiforgery();
        twins.MapPost("/form-strings", Review22Functions.FormStrings).DisableAntiforgery();
        twins.MapPost("/form-double", Review22Functions.FormDouble).DisableAntiforgery();
        twins.MapPost("/form-decimal", Review22Functions.FormDecimal).DisableAntiforgery();
        twins.MapGet("/as-parameters-record", Review22Functions.AsParametersRecord);
#pragma warning disable RDG003
        twins.MapPost("/form-defaults", Review22Functions.FormDefaults).DisableAntiforgery();
#pragma warning restore RDG003
        twins.MapGet("/decimal-array", Review22Functions.DecimalArray);
        twins.MapGet("/nullable-decimal", Review22Functions.NullableDecimal);
        twins.MapPost("/body-order", Review22Functions.BodyOrder);
        twins.MapPost("/body-nullable-order", Review22Functions.BodyNullableOrder);
        twins.MapPost("/body-ints", Review22Functions.BodyInts);
        twins.MapPost("/body-string", Review22Functions.BodyString);
        twins.MapPost("/body-map", Review22Functions.BodyMap);
        twins.MapGet("/route-date/{stamp}", Review22Functions.RouteDate);
        twins.MapGet("/route-optional-int/{slot?}", Review22Functions.RouteOptionalInt);
        twins.MapGet("/route-and-query/{spot}", Review22Functions.RouteAndQuery);
        twins.MapGet("/text", Review22Functions.Text);
        twins.MapGet("/custom-header", Review22Functions.CustomHeader);
        twins.MapPost("/custom-query", Review22Functions.CustomQuery);
        twins.MapPost("/derived-query", Review22Functions.DerivedQuery);
        twins.MapGet("/route-uri/{target}", Review22Functions.RouteUri);
        twins.MapGet("/ip", Review22Functions.Ip);
        twins.MapGet("/ip-network", Review22Functions.IpNetwork);
        twins.MapGet("/header-date", Review22Functions.HeaderDate);
        twins.MapGet("/header-bool", Review22Functions.HeaderBool);
        twins.MapGet("/as-parameters-class", Review22Functions.AsParametersClass);
        twins.MapPost("/form-file-named", Review22Functions.FormFileNamed).DisableAntiforgery();
        twins.MapPost("/form-files", Review22Functions.FormFiles).DisableAntiforgery();
        twins.MapPost("/form-collection", Review22Functions.FormCollection).DisableAntiforgery();
    }
}
