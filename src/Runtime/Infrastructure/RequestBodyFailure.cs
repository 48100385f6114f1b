using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace SessionAuth.Infrastructure;

/// <summary>
/// The one place that decides which exceptions, thrown while a server function's body is read, are the client's
/// fault, and what they are answered: 400 for a malformed body, 413 for one over a limit, 415 for a charset no reader
/// decodes. Anything else is a bug in the app or in this library and stays a 500.
/// </summary>
internal static class RequestBodyFailure
{
    private const string JsonInputErrorSource = "System.Text.Json.Rethrowable";

    /// <summary>Describes a refused body, or returns <see langword="false"/> for an exception that is not about the body.</summary>
    /// <param name="exception">What a body reader threw.</param>
    /// <param name="kind">What the body was read as.</param>
    /// <param name="statusCode">The answer's status.</param>
    /// <param name="detail">What is wrong, for the problem's <c>detail</c>.</param>
    public static bool TryDescribe(Exception exception, BodyKind kind, out int statusCode, out string detail)
    {
        statusCode = exception switch
        {
            // Kestrel's own verdicts: 413 over MaxRequestBodySize, 400 for a body that ended before its
            // Content-Length or bad chunking, 408 for a body sent slower than MinRequestBodyDataRate.
            BadHttpRequestException badRequest => badRequest.StatusCode,
            JsonException => StatusCodes.Status400BadRequest,

            // System.Text.Json marks the InvalidOperationExceptions that mean bad input (a member name that is invalid
            // UTF-8 or escapes a lone surrogate, met while checking for duplicate members) with this Source, and its
            // own serializer rethrows exactly those as JsonException; any other InvalidOperationException is a bug.
            InvalidOperationException { Source: JsonInputErrorSource } => StatusCodes.Status400BadRequest,

            // A byte sequence that is not text in the declared charset (the JSON transcoder decodes strictly).
            DecoderFallbackException => StatusCodes.Status400BadRequest,

            // FormFeature, FormPipeReader and MultipartReader throw it both for a malformed form and for one over
            // a FormOptions limit; the type does not tell them apart, only the message does ("... limit N exceeded.").
            InvalidDataException invalidData => IsOverLimit(invalidData) ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest,

            // MultipartReader's "Unexpected end of Stream": a multipart body that ends before its closing boundary.
            IOException => StatusCodes.Status400BadRequest,

            // Encoding.GetEncoding refuses UTF-7, which a multipart section may declare in its own Content-Type;
            // the section is inside the body, so it cannot be refused before the form reader meets it.
            NotSupportedException => StatusCodes.Status415UnsupportedMediaType,
            _ => 0,
        };

        detail = statusCode switch
        {
            0 => string.Empty,
            StatusCodes.Status413PayloadTooLarge => $"The request body is larger than this server function accepts: {exception.Message}",
            StatusCodes.Status415UnsupportedMediaType => $"The request body uses an encoding the server does not read: {exception.Message}",
            _ when kind == BodyKind.Json => $"The request body is not valid JSON: {exception.Message}",
            _ when kind == BodyKind.Form => $"The form body could not be read: {exception.Message}",
            _ => $"The request body could not be read: {exception.Message}",
        };

        return statusCode != 0;
    }

    private static bool IsOverLimit(InvalidDataException exception) =>
        exception.Message.Contains(" limit ", StringComparison.Ordinal) && exception.Message.EndsWith(" exceeded.", StringComparison.Ordinal);
}
