using System.ComponentModel;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace SessionAuth.Infrastructure;

/// <summary>
/// The raw arguments of one server function call: route values, query string and body (a JSON object, or form fields),
/// read once; parameter bindings take their values from it. The first argument that fails to bind is answered with a
/// 400 problem+json that names the parameter.
/// </summary>
/// <remarks>Used by generated server functions; not meant to be called directly.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class ServerFunctionArguments
{
    private readonly HttpContext _httpContext;
    private JsonElement _json;
    private IFormCollection? _form;
    private string? _failedParameter;
    private string? _failure;
    private int _failureStatusCode;

    private ServerFunctionArguments(HttpContext httpContext)
    {
        _httpContext = httpContext;
    }

    /// <summary>Stands in for the arguments of a function that binds no parameter, so such a call reads nothing.</summary>
    internal static ServerFunctionArguments None { get; } = new(null!);

    internal HttpContext HttpContext => _httpContext;

    /// <summary><see langword="true"/> once an argument failed to bind; later bindings do not run.</summary>
    public bool HasFailed => _failedParameter is not null;

    /// <summary>Reads the request's arguments; the body only when <paramref name="readBody"/> is set.</summary>
    /// <param name="httpContext">The current request.</param>
    /// <param name="readBody">Whether any parameter binds from the body.</param>
    /// <returns>The arguments; <see cref="HasFailed"/> when the body could not be read.</returns>
    public static async ValueTask<ServerFunctionArguments> ReadAsync(HttpContext httpContext, bool readBody)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var arguments = new ServerFunctionArguments(httpContext);
        if (readBody)
        {
            await arguments.ReadBodyAsync().ConfigureAwait(false);
        }

        return arguments;
    }

    /// <summary>Binds one parameter; <see langword="false"/> when it, or an earlier one, failed.</summary>
    /// <typeparam name="T">The parameter type.</typeparam>
    /// <param name="binding">The parameter's binding, built at startup.</param>
    /// <param name="value">The bound value.</param>
    /// <returns><see langword="true"/> when the value is bound.</returns>
    public bool TryBind<T>(ParameterBinding<T> binding, out T value)
    {
        ArgumentNullException.ThrowIfNull(binding);
        if (_httpContext is null)
        {
            throw new InvalidOperationException($"Parameter '{binding.Name}' cannot bind: this endpoint was built to read no arguments (ServerFunctionSteps.ReadArguments was not set).");
        }

        if (HasFailed)
        {
            value = default!;
            return false;
        }

        return binding.TryBind(this, out value);
    }

    /// <summary>Answers the request with the binding failure: 400 (or 415 for a body it cannot read) naming the parameter.</summary>
    /// <returns>A task that completes when the answer is written.</returns>
    public Task WriteFailureAsync() =>
        ProblemResponse.WriteInvalidArgumentAsync(_httpContext.Response, _failureStatusCode, _failedParameter ?? "body", _failure ?? "The arguments are not valid.");

    internal bool Fail(string parameterName, string message, int statusCode = StatusCodes.Status400BadRequest)
    {
        if (!HasFailed)
        {
            _failedParameter = parameterName;
            _failure = message;
            _failureStatusCode = statusCode;
        }

        return false;
    }

    internal BodyKind Body { get; private set; }

    /// <summary>Looks up the text of an argument. A JSON body member that is an object or array has no text.</summary>
    internal ArgumentLookup TryGetText(string name, ArgumentSource source, out string? text)
    {
        text = null;
        switch (source)
        {
            case ArgumentSource.Route:
                if (_httpContext.Request.RouteValues.TryGetValue(name, out var routeValue) && routeValue is not null)
                {
                    text = routeValue as string ?? Convert.ToString(routeValue, System.Globalization.CultureInfo.InvariantCulture);
                    return ArgumentLookup.Found;
                }

                return ArgumentLookup.Missing;

            case ArgumentSource.Query:
                return FromValues(_httpContext.Request.Query.TryGetValue(name, out var queryValues) ? queryValues : StringValues.Empty, out text);

            case ArgumentSource.Body when Body == BodyKind.Form:
                return FromValues(_form!.TryGetValue(name, out var formValues) ? formValues : StringValues.Empty, out text);

            case ArgumentSource.Body when Body == BodyKind.Json:
                if (!TryGetJsonMember(name, out var member) || member.ValueKind == JsonValueKind.Null)
                {
                    return ArgumentLookup.Missing;
                }

                switch (member.ValueKind)
                {
                    case JsonValueKind.String:
                        text = member.GetString();
                        return ArgumentLookup.Found;
                    case JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False:
                        text = member.GetRawText();
                        return ArgumentLookup.Found;
                    default:
                        return ArgumentLookup.NotText;
                }

            default:
                return ArgumentLookup.Missing;
        }

        static ArgumentLookup FromValues(StringValues values, out string? text)
        {
            text = values.Count > 0 ? values[0] : null;
            return text is null ? ArgumentLookup.Missing : ArgumentLookup.Found;
        }
    }

    /// <summary>Finds a member of the JSON object body by parameter name, ignoring case.</summary>
    internal bool TryGetJsonMember(string name, out JsonElement member)
    {
        if (Body == BodyKind.Json)
        {
            if (_json.TryGetProperty(name, out member))
            {
                return true;
            }

            foreach (var property in _json.EnumerateObject())
            {
                if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
                {
                    member = property.Value;
                    return true;
                }
            }
        }

        member = default;
        return false;
    }

    private async Task ReadBodyAsync()
    {
        var request = _httpContext.Request;
        var cancellationToken = _httpContext.RequestAborted;
        if (request.HasJsonContentType())
        {
            JsonDocument document;
            try
            {
                document = await JsonDocument.ParseAsync(request.Body, default, cancellationToken).ConfigureAwait(false);
            }
            catch (JsonException exception)
            {
                Fail("body", $"The request body is not valid JSON: {exception.Message}");
                return;
            }

            _httpContext.Response.RegisterForDispose(document);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                Fail("body", "The request body must be a JSON object whose members are named like the function's parameters.");
                return;
            }

            _json = document.RootElement;
            Body = BodyKind.Json;
        }
        else if (request.HasFormContentType)
        {
            try
            {
                _form = await request.ReadFormAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (InvalidDataException exception)
            {
                Fail("body", $"The form body could not be read: {exception.Message}");
                return;
            }

            Body = BodyKind.Form;
        }
        else if (request.ContentLength > 0 || (request.ContentLength is null && request.Headers.TransferEncoding.Count > 0))
        {
            Fail("body", "Send the arguments as a JSON object (application/json) or as form fields (application/x-www-form-urlencoded).", StatusCodes.Status415UnsupportedMediaType);
        }
    }
}

internal enum BodyKind
{
    None,
    Json,
    Form,
}

internal enum ArgumentLookup
{
    Missing,
    Found,
    NotText,
}
