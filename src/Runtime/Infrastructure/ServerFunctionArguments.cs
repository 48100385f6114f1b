using System.ComponentModel;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
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
    // Two members with one name are read differently by different parsers (first wins, last wins); refusing them
    // leaves no room for a proxy or validator in front of the app to have read another value than the function gets.
    private static readonly JsonDocumentOptions JsonBodyOptions = new() { AllowDuplicateProperties = false };

    private readonly HttpContext _httpContext;
    private JsonElement _json;
    private IFormCollection? _form;
    private ArgumentFailure? _failure;
    private bool _isAborted;
    private bool _bodyIsValue;

    // Rules a route group adds over arguments this function binds: each is judged on the value as it is bound.
    private RequireSessionAttribute[]? _boundRules;
    private string? _refusedBy;

    private ServerFunctionArguments(HttpContext httpContext)
    {
        _httpContext = httpContext;
    }

    /// <summary>Stands in for the arguments of a function that binds no parameter, so such a call reads nothing.</summary>
    internal static ServerFunctionArguments None { get; } = new(null!);

    internal HttpContext HttpContext => _httpContext;

    /// <summary><see langword="true"/> once an argument failed to bind, or a rule refused it; later bindings do not run.</summary>
    public bool HasFailed => _failure is not null || _refusedBy is not null;

    /// <summary><see langword="true"/> when the client went away while the body was read: there is no one to answer.</summary>
    internal bool IsAborted => _isAborted;

    /// <summary>Reads the request's arguments; the body only when <paramref name="readBody"/> is set.</summary>
    /// <param name="httpContext">The current request.</param>
    /// <param name="readBody">Whether any parameter binds from the body.</param>
    /// <returns>The arguments; <see cref="HasFailed"/> when the body could not be read.</returns>
    /// <param name="bodyIsValue">Whether the whole JSON body is one parameter (<c>[FromBody]</c>) rather than an object of arguments.</param>
    internal static async ValueTask<ServerFunctionArguments> ReadAsync(HttpContext httpContext, bool readBody, bool bodyIsValue = false)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var arguments = new ServerFunctionArguments(httpContext) { _bodyIsValue = bodyIsValue };
        if (httpContext.GetEndpoint()?.Metadata is { } metadata && metadata.GetMetadata<ServerFunctionMetadata>() is { } function)
        {
            arguments._boundRules = function.GroupRules(metadata).Bound;
        }

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

        return binding.TryBind(this, out value) && (_boundRules is null || Judge(binding.Name, value));
    }

    /// <summary>
    /// Binds one parameter whose type binds itself from the request (its <c>BindAsync</c>); a failure is recorded, and
    /// <see cref="HasFailed"/> tells it.
    /// </summary>
    /// <typeparam name="T">The parameter type.</typeparam>
    /// <param name="binding">The parameter's binding, built at startup.</param>
    /// <returns>The bound value; the type's default when it, or an earlier argument, failed.</returns>
    public ValueTask<T> BindAsync<T>(AsyncParameterBinding<T> binding)
    {
        ArgumentNullException.ThrowIfNull(binding);
        if (_httpContext is null)
        {
            throw new InvalidOperationException($"Parameter '{binding.Name}' cannot bind: this endpoint was built to read no arguments (ServerFunctionSteps.ReadArguments was not set).");
        }

        if (HasFailed)
        {
            return default;
        }

        var bound = binding.BindAsync(this);
        return _boundRules is null ? bound : JudgeAsync(bound, binding.Name);
    }

    private async ValueTask<T> JudgeAsync<T>(ValueTask<T> binding, string name)
    {
        var value = await binding.ConfigureAwait(false);
        if (!HasFailed)
        {
            Judge(name, value);
        }

        return value;
    }

    /// <summary>
    /// Asks the group's rules over <paramref name="name"/> about the value just bound for it: a refusal is answered as the
    /// guard forbids (<see cref="WriteFailureAsync"/>), a value the rule cannot judge with 400 naming it.
    /// </summary>
    private bool Judge<T>(string name, T value)
    {
        foreach (var rule in _boundRules!)
        {
            if (!string.Equals(rule.RuleArgument, name, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            // The session was opened by the guard that let the request in (the function's own, or UseSessionAuth()'s).
            var outcome = SessionRuleEvaluator.JudgeBound(rule, _httpContext, value, name, out var failure);
            if (outcome == SessionRuleOutcome.Refused)
            {
                _refusedBy = rule.RuleName ?? rule.Rule!.Name;
                return false;
            }

            if (outcome == SessionRuleOutcome.InvalidArgument)
            {
                return Fail(failure);
            }
        }

        return true;
    }

    /// <summary>
    /// Answers the request with the binding failure: 400 naming the parameter, or for a body that cannot be read 400
    /// (malformed), 413 (over a size limit) or 415 (a media type or charset no reader decodes), naming <c>body</c>.
    /// </summary>
    /// <returns>A task that completes when the answer is written.</returns>
    public Task WriteFailureAsync() =>
        _refusedBy is { } refusedBy && _failure is null
            ? ServerFunctionEndpoint.RefuseAsync(_httpContext, refusedBy)
            : (_failure ?? new ArgumentFailure("body", "The arguments are not valid.")).WriteAsync(_httpContext.Response);

    /// <summary>Keeps the first failure, the one answered; <see langword="false"/>, for a binding to return.</summary>
    internal bool Fail(ArgumentFailure failure)
    {
        _failure ??= failure;
        return false;
    }

    internal bool Fail(string parameterName, string message, int statusCode = StatusCodes.Status400BadRequest) =>
        Fail(new ArgumentFailure(parameterName, message, statusCode));

    internal BodyKind Body { get; private set; }

    /// <summary>The form body, when the body is a form.</summary>
    internal IFormCollection? Form => _form;

    /// <summary>The whole JSON body, when a <c>[FromBody]</c> parameter takes it; <see langword="false"/> when there is none.</summary>
    internal bool TryGetJsonBody(out JsonElement body)
    {
        body = _json;
        return Body == BodyKind.Json && _bodyIsValue;
    }

    /// <summary>Looks up the text of an argument. A JSON body member that is an object or array has no text.</summary>
    internal ArgumentLookup TryGetText(string name, ArgumentSource source, out string? text)
    {
        text = null;
        switch (source)
        {
            case ArgumentSource.Route or ArgumentSource.Query or ArgumentSource.FromQuery or ArgumentSource.Header:
                return TryGetRequestText(_httpContext.Request, name, source, out text);

            case ArgumentSource.Body or ArgumentSource.Form or ArgumentSource.FormMember when Body == BodyKind.Form:
                return FromValues(_form!.TryGetValue(name, out var formValues) ? formValues : StringValues.Empty, out text);

            case ArgumentSource.Form or ArgumentSource.FormMember when Body == BodyKind.Json:
                return ArgumentLookup.NotForm;

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
                    case JsonValueKind.Number:
                        text = member.GetRawText();
                        return ArgumentLookup.FoundJsonNumber;
                    case JsonValueKind.True or JsonValueKind.False:
                        text = member.GetRawText();
                        return ArgumentLookup.Found;
                    default:
                        return ArgumentLookup.NotText;
                }

            default:
                return ArgumentLookup.Missing;
        }
    }

    /// <summary>
    /// Looks up the text of an argument the request itself carries, in its route values, query string or headers: what
    /// <see cref="TryGetText"/> finds there, with no arguments read (a rule's argument, which <c>UseSessionAuth()</c> reads).
    /// </summary>
    internal static ArgumentLookup TryGetRequestText(HttpRequest request, string name, ArgumentSource source, out string? text)
    {
        text = null;
        switch (source)
        {
            case ArgumentSource.Route:
                if (request.RouteValues.TryGetValue(name, out var routeValue) && routeValue is not null)
                {
                    text = routeValue as string ?? Convert.ToString(routeValue, System.Globalization.CultureInfo.InvariantCulture);
                    return ArgumentLookup.Found;
                }

                return ArgumentLookup.Missing;

            case ArgumentSource.Query or ArgumentSource.FromQuery:
                return FromValues(request.Query.TryGetValue(name, out var queryValues) ? queryValues : StringValues.Empty, out text);

            case ArgumentSource.Header:
                return FromValues(request.Headers.TryGetValue(name, out var headerValues) ? headerValues : StringValues.Empty, out text);

            default:
                return ArgumentLookup.Missing;
        }
    }

    private static ArgumentLookup FromValues(StringValues values, out string? text)
    {
        text = values.Count > 0 ? values[0] : null;
        return values.Count > 1 ? ArgumentLookup.Repeated
            : text is null ? ArgumentLookup.Missing
            : ArgumentLookup.Found;
    }

    /// <summary>
    /// Looks up every value of an argument that may be given more than once (an array or <see cref="StringValues"/>
    /// parameter): the query string, a header or the form. A route value is one value.
    /// </summary>
    internal ArgumentLookup TryGetValues(string name, ArgumentSource source, out StringValues values)
    {
        values = StringValues.Empty;
        switch (source)
        {
            case ArgumentSource.Query or ArgumentSource.FromQuery:
                values = _httpContext.Request.Query.TryGetValue(name, out var queryValues) ? queryValues : StringValues.Empty;
                break;
            case ArgumentSource.Header:
                values = _httpContext.Request.Headers.TryGetValue(name, out var headerValues) ? headerValues : StringValues.Empty;
                break;
            case ArgumentSource.Body or ArgumentSource.Form or ArgumentSource.FormMember when Body == BodyKind.Form:
                values = _form!.TryGetValue(name, out var formValues) ? formValues : StringValues.Empty;
                break;
            case ArgumentSource.Form or ArgumentSource.FormMember when Body == BodyKind.Json:
                return ArgumentLookup.NotForm;
            case ArgumentSource.Route:
                var lookup = TryGetText(name, source, out var text);
                values = text;
                return lookup;
            default:
                return ArgumentLookup.Missing;
        }

        return values.Count == 0 ? ArgumentLookup.Missing : ArgumentLookup.Found;
    }

    /// <summary>Finds a member of the JSON object body by parameter name, ignoring case.</summary>
    internal bool TryGetJsonMember(string name, out JsonElement member)
    {
        if (Body == BodyKind.Json && !_bodyIsValue)
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
        if (request.ContentLength == 0)
        {
            return;
        }

        var format = RequestBodyFormat.From(request.ContentType);
        if (format.Kind == BodyKind.None)
        {
            if (request.ContentLength > 0 || (request.ContentLength is null && request.Headers.TransferEncoding.Count > 0))
            {
                RefuseBody(StatusCodes.Status415UnsupportedMediaType, "Send the arguments as a JSON object (application/json) or as form fields (application/x-www-form-urlencoded or multipart/form-data).");
            }

            return;
        }

        if (format.UnsupportedCharset is { } charset)
        {
            RefuseBody(
                StatusCodes.Status415UnsupportedMediaType,
                format.Kind == BodyKind.Json
                    ? $"The charset '{charset}' is not one JSON is read in; send UTF-8 (or UTF-16, UTF-32)."
                    : $"The charset '{charset}' is not one forms are read in; send UTF-8.");
            return;
        }

        try
        {
            if (format.Kind == BodyKind.Json)
            {
                await ReadJsonAsync(request, format.JsonEncoding).ConfigureAwait(false);
            }
            else
            {
                _form = await request.ReadFormAsync(_httpContext.RequestAborted).ConfigureAwait(false);
                Body = BodyKind.Form;
            }
        }
        catch (Exception exception) when (_httpContext.RequestAborted.IsCancellationRequested)
        {
            // The client went away mid-body (a reset, or a cancelled upload): nobody is left to answer, and it is no
            // fault of the server's, so nothing is written and nothing is logged as an error.
            _isAborted = true;
            Fail("body", "The client aborted the request.", StatusCodes.Status400BadRequest);
            if (Logger is { } logger)
            {
                SessionAuthLog.RequestBodyAborted(logger, request.Path.Value ?? "/", exception);
            }
        }
        catch (Exception exception) when (RequestBodyFailure.TryDescribe(exception, format.Kind, out var statusCode, out var detail))
        {
            RefuseBody(statusCode, detail, exception);
        }
    }

    private async Task ReadJsonAsync(HttpRequest request, Encoding? encoding)
    {
        var stream = encoding is null ? request.Body : Encoding.CreateTranscodingStream(request.Body, encoding, Encoding.UTF8, leaveOpen: true);
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(stream, JsonBodyOptions, _httpContext.RequestAborted).ConfigureAwait(false);
        }
        finally
        {
            if (encoding is not null)
            {
                await stream.DisposeAsync().ConfigureAwait(false);
            }
        }

        _httpContext.Response.RegisterForDispose(document);
        if (JsonBodyText.FindInvalidText(JsonMarshal.GetRawUtf8Value(document.RootElement)) is { } invalidText)
        {
            RefuseBody(StatusCodes.Status400BadRequest, invalidText);
            return;
        }

        if (_bodyIsValue)
        {
            // A [FromBody] parameter takes the whole body, whatever JSON value it is.
            _json = document.RootElement;
            Body = BodyKind.Json;
            return;
        }

        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            RefuseBody(StatusCodes.Status400BadRequest, "The request body must be a JSON object whose members are named like the function's parameters.");
            return;
        }

        if (FindMemberNamedTwice(document.RootElement) is { } repeated)
        {
            RefuseBody(StatusCodes.Status400BadRequest, $"The member '{repeated}' appears more than once (member names are matched to parameters ignoring case); send it once.");
            return;
        }

        _json = document.RootElement;
        Body = BodyKind.Json;
    }

    /// <summary>
    /// A member whose name another member repeats, case aside: parameters bind ignoring case, so <c>{"name":1,"Name":2}</c>
    /// names one argument twice, and a proxy or validator in front could have read the other value.
    /// </summary>
    private static string? FindMemberNamedTwice(JsonElement body)
    {
        HashSet<string>? seen = null;
        foreach (var member in body.EnumerateObject())
        {
            seen ??= new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            if (!seen.Add(member.Name))
            {
                return member.Name;
            }
        }

        return null;
    }

    private void RefuseBody(int statusCode, string detail, Exception? exception = null)
    {
        Fail("body", detail, statusCode);
        if (Logger is { } logger)
        {
            SessionAuthLog.RequestBodyRefused(logger, _httpContext.Request.Path.Value ?? "/", statusCode, detail, exception);
        }
    }

    // Only a refused body logs, so the logger is looked up then rather than on every call.
    private ILogger? Logger => _httpContext.RequestServices?.GetService<ILoggerFactory>()?.CreateLogger("SessionAuth.Arguments");
}

/// <summary>Why an argument did not bind, as its answer says it: 400 (or 413, 415) problem+json naming the parameter.</summary>
/// <param name="Parameter">The parameter's name, or <c>body</c> for a body that could not be read.</param>
/// <param name="Message">The answer's detail.</param>
/// <param name="StatusCode">The answer's status.</param>
internal readonly record struct ArgumentFailure(string Parameter, string Message, int StatusCode = StatusCodes.Status400BadRequest)
{
    public Task WriteAsync(HttpResponse response) => ProblemResponse.WriteInvalidArgumentAsync(response, StatusCode, Parameter, Message);
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

    /// <summary>Found as a JSON number: read as JSON reads numbers (a <c>decimal</c> may carry an exponent).</summary>
    FoundJsonNumber,
    NotText,

    /// <summary>A <c>[FromForm]</c> argument, but the body is JSON.</summary>
    NotForm,

    /// <summary>The query or form gave the name more than once: which value counts is for no parser to guess.</summary>
    Repeated,
}
