using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SessionAuth.Infrastructure;

namespace SessionAuth;

/// <summary>The projection set with <see cref="SessionAuthOptions.ExposeToClient"/>.</summary>
internal sealed record ClientViewProjection(Type SessionType, Type ViewType, Func<object, object?> Project);

/// <summary>Writes what the browser may see of the session, as JSON: the configured view, or <c>null</c>.</summary>
internal sealed class SessionClientView
{
    private readonly ISessionManager _sessions;
    private readonly ClientViewProjection? _projection;
    private readonly JsonTypeInfo? _typeInfo;

    private SessionClientView(ISessionManager sessions, ClientViewProjection? projection, JsonTypeInfo? typeInfo)
    {
        _sessions = sessions;
        _projection = projection;
        _typeInfo = typeInfo;
    }

    /// <summary>The app's view; fails when SessionAuth is not registered, or the projection fits neither the session type nor JSON.</summary>
    public static SessionClientView Get(IServiceProvider services) =>
        SessionAuthServices.GetRequired<SessionClientViewHolder>(services, "The session's client view").View;

    internal static SessionClientView Create(IServiceProvider services)
    {
        var sessions = services.GetRequiredService<ISessionManager>();
        var projection = services.GetRequiredService<IOptions<SessionAuthOptions>>().Value.ClientView;
        if (projection is null)
        {
            return new SessionClientView(sessions, null, null);
        }

        var sessionType = sessions.SessionDataType;
        if (projection.SessionType != sessionType)
        {
            throw new InvalidOperationException($"ExposeToClient<{projection.SessionType.Name}, ...> does not match the session data type {sessionType.Name}. Use ExposeToClient<{sessionType.Name}, TView>.");
        }

        return new SessionClientView(sessions, projection, ServerFunctionJson.GetTypeInfo(services, projection.ViewType, "client view"));
    }

    /// <summary>
    /// The view of the request's session as JSON: <c>null</c> when anonymous or when nothing is exposed. Whatever it
    /// is, the response it goes into depends on the cookie, so no cache may keep it.
    /// </summary>
    /// <exception cref="InvalidOperationException">The response has started without <c>Cache-Control: no-store</c>.</exception>
    public async ValueTask<string> ToJsonAsync(HttpContext httpContext)
    {
        var session = await _sessions.GetSessionAsync(httpContext).ConfigureAwait(false);
        PersonalisedResponse.MarkCarriesSessionData(httpContext);
        if (_projection is null || _typeInfo is null || session.UntypedData is not { } data)
        {
            return "null";
        }

        return JsonSerializer.Serialize(_projection.Project(data), _typeInfo);
    }

    /// <summary>
    /// The view inside <c>&lt;script type="application/json"&gt;</c>. '&lt;', '&gt;' and '&amp;' become \u escapes, which
    /// JSON reads back as the same characters, so no value can close the element or open another.
    /// </summary>
    public async ValueTask<string> ToScriptElementAsync(HttpContext httpContext, string elementId)
    {
        var json = await ToJsonAsync(httpContext).ConfigureAwait(false);
        var builder = new StringBuilder(json.Length + elementId.Length + 48);
        builder.Append("<script type=\"application/json\" id=\"").Append(System.Net.WebUtility.HtmlEncode(elementId)).Append("\">");
        foreach (var c in json)
        {
            _ = c switch
            {
                '<' => builder.Append("\\u003c"),
                '>' => builder.Append("\\u003e"),
                '&' => builder.Append("\\u0026"),
                _ => builder.Append(c),
            };
        }

        return builder.Append("</script>").ToString();
    }
}

/// <summary>Builds the app's <see cref="SessionClientView"/> once, on first use.</summary>
internal sealed class SessionClientViewHolder(IServiceProvider services)
{
    private readonly Lazy<SessionClientView> _view = new(() => SessionClientView.Create(services));

    public SessionClientView View => _view.Value;
}
