using Microsoft.AspNetCore.Builder;

namespace SessionAuth.Differential.App;

/// <summary>The minimal API twins of <see cref="ProbeFunctions"/>, at <c>/twin-probe/...</c>.</summary>
public static class ProbeTwins
{
    public static void Map(WebApplication app)
    {
        var twins = app.MapGroup("/twin-probe").AllowAnonymous();
        twins.MapGet("/decimal", ProbeFunctions.Decimal);
        twins.MapGet("/double", ProbeFunctions.Double);
        twins.MapGet("/int", ProbeFunctions.Int);
        twins.MapGet("/big", ProbeFunctions.Big);
        twins.MapGet("/uri", ProbeFunctions.Uri);
        twins.MapGet("/nullable-uri", ProbeFunctions.NullableUri);
        twins.MapGet("/time-span", ProbeFunctions.TimeSpan);
        twins.MapGet("/date-time-offset", ProbeFunctions.DateTimeOffset);
        twins.MapGet("/bool", ProbeFunctions.Bool);
        twins.MapGet("/char", ProbeFunctions.Char);
        twins.MapGet("/guid", ProbeFunctions.Guid);
        twins.MapGet("/enum", ProbeFunctions.Enum);
        twins.MapGet("/flags", ProbeFunctions.Flags);
        twins.MapGet("/string-values", ProbeFunctions.StringValuesQuery);
        twins.MapGet("/header-string-values", ProbeFunctions.HeaderStringValues);
        twins.MapGet("/header-int", ProbeFunctions.HeaderInt);
        twins.MapGet("/header-string", ProbeFunctions.HeaderString);
        twins.MapGet("/header-strings", ProbeFunctions.HeaderStrings);
        twins.MapGet("/query-named", ProbeFunctions.QueryNamed);
        twins.MapGet("/route-named/{k}", ProbeFunctions.RouteNamed);
        twins.MapGet("/nullable-date-only", ProbeFunctions.NullableDateOnly);
        twins.MapGet("/nullable-default", ProbeFunctions.NullableDefault);
        twins.MapGet("/time-only", ProbeFunctions.TimeOnly);
        twins.MapGet("/request", ProbeFunctions.Request);
        twins.MapGet("/missing-service", ProbeFunctions.MissingService);
        twins.MapGet("/optional-service", ProbeFunctions.OptionalService);
        twins.MapPost("/form-file", ProbeFunctions.FormFile).DisableAntiforgery();
        twins.MapPost("/nullable-form-file", ProbeFunctions.NullableFormFile).DisableAntiforgery();
        twins.MapPost("/form-strings", ProbeFunctions.FormStrings).DisableAntiforgery();
        twins.MapPost("/form-double", ProbeFunctions.FormDouble).DisableAntiforgery();
        twins.MapPost("/form-decimal", ProbeFunctions.FormDecimal).DisableAntiforgery();
        twins.MapGet("/as-parameters-record", ProbeFunctions.AsParametersRecord);
#pragma warning disable RDG003
        twins.MapPost("/form-defaults", ProbeFunctions.FormDefaults).DisableAntiforgery();
#pragma warning restore RDG003
        twins.MapGet("/decimal-array", ProbeFunctions.DecimalArray);
        twins.MapGet("/nullable-decimal", ProbeFunctions.NullableDecimal);
        twins.MapPost("/body-order", ProbeFunctions.BodyOrder);
        twins.MapPost("/body-nullable-order", ProbeFunctions.BodyNullableOrder);
        twins.MapPost("/body-ints", ProbeFunctions.BodyInts);
        twins.MapPost("/body-string", ProbeFunctions.BodyString);
        twins.MapPost("/body-map", ProbeFunctions.BodyMap);
        twins.MapGet("/route-date/{stamp}", ProbeFunctions.RouteDate);
        twins.MapGet("/route-optional-int/{slot?}", ProbeFunctions.RouteOptionalInt);
        twins.MapGet("/route-and-query/{spot}", ProbeFunctions.RouteAndQuery);
        twins.MapGet("/text", ProbeFunctions.Text);
        twins.MapGet("/custom-header", ProbeFunctions.CustomHeader);
        twins.MapPost("/custom-query", ProbeFunctions.CustomQuery);
        twins.MapPost("/derived-query", ProbeFunctions.DerivedQuery);
        twins.MapGet("/route-uri/{target}", ProbeFunctions.RouteUri);
        twins.MapGet("/uri-array", ProbeFunctions.UriArray);
        twins.MapGet("/header-uri", ProbeFunctions.HeaderUri);
        twins.MapPost("/form-uri", ProbeFunctions.FormUri).DisableAntiforgery();
        twins.MapGet("/ip", ProbeFunctions.Ip);
        twins.MapGet("/ip-network", ProbeFunctions.IpNetwork);
        twins.MapGet("/header-date", ProbeFunctions.HeaderDate);
        twins.MapGet("/header-bool", ProbeFunctions.HeaderBool);
        twins.MapGet("/as-parameters-class", ProbeFunctions.AsParametersClass);
        twins.MapPost("/form-file-named", ProbeFunctions.FormFileNamed).DisableAntiforgery();
        twins.MapPost("/form-files", ProbeFunctions.FormFiles).DisableAntiforgery();
        twins.MapPost("/form-collection", ProbeFunctions.FormCollection).DisableAntiforgery();
    }
}
