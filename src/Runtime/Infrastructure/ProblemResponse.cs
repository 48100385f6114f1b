using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace SessionAuth.Infrastructure;

/// <summary>Writes RFC 9457 <c>application/problem+json</c> answers without reflection.</summary>
internal static class ProblemResponse
{
    public const string ContentType = "application/problem+json";

    public static async Task WriteAsync(HttpResponse response, int statusCode, string title, string detail, string? extensionName = null, string? extensionValue = null)
    {
        response.StatusCode = statusCode;
        response.ContentType = ContentType;
        using (var writer = new Utf8JsonWriter(response.BodyWriter))
        {
            WriteStart(writer, statusCode, title, detail);
            if (extensionName is not null)
            {
                writer.WriteString(extensionName, extensionValue);
            }

            writer.WriteEndObject();
        }

        await response.BodyWriter.FlushAsync(response.HttpContext.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>Writes a 4xx in the shape of ASP.NET Core's validation problems: <c>errors</c> maps the parameter to its message.</summary>
    public static async Task WriteInvalidArgumentAsync(HttpResponse response, int statusCode, string parameterName, string message)
    {
        response.StatusCode = statusCode;
        response.ContentType = ContentType;
        using (var writer = new Utf8JsonWriter(response.BodyWriter))
        {
            WriteStart(writer, statusCode, TitleFor(statusCode), message);
            writer.WriteString("parameter", parameterName);
            writer.WriteStartObject("errors");
            writer.WriteStartArray(parameterName);
            writer.WriteStringValue(message);
            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        await response.BodyWriter.FlushAsync(response.HttpContext.RequestAborted).ConfigureAwait(false);
    }

    private static void WriteStart(Utf8JsonWriter writer, int statusCode, string title, string detail)
    {
        writer.WriteStartObject();
        writer.WriteString("type", TypeFor(statusCode));
        writer.WriteString("title", title);
        writer.WriteNumber("status", statusCode);
        writer.WriteString("detail", detail);
    }

    private static string TitleFor(int statusCode) => statusCode switch
    {
        StatusCodes.Status408RequestTimeout => "Request body too slow",
        StatusCodes.Status413PayloadTooLarge => "Request body too large",
        StatusCodes.Status415UnsupportedMediaType => "Unsupported media type",
        _ => "Invalid argument",
    };

    private static string TypeFor(int statusCode) => statusCode switch
    {
        StatusCodes.Status400BadRequest => "https://tools.ietf.org/html/rfc9110#section-15.5.1",
        StatusCodes.Status401Unauthorized => "https://tools.ietf.org/html/rfc9110#section-15.5.2",
        StatusCodes.Status403Forbidden => "https://tools.ietf.org/html/rfc9110#section-15.5.4",
        StatusCodes.Status408RequestTimeout => "https://tools.ietf.org/html/rfc9110#section-15.5.9",
        StatusCodes.Status413PayloadTooLarge => "https://tools.ietf.org/html/rfc9110#section-15.5.14",
        StatusCodes.Status415UnsupportedMediaType => "https://tools.ietf.org/html/rfc9110#section-15.5.16",
        _ => "about:blank",
    };
}
