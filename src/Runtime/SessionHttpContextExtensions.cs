using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace SessionAuth;

/// <summary>Reads the session of a request.</summary>
public static class SessionHttpContextExtensions
{
    /// <summary>
    /// Returns the session of the request. The cookie is opened at most once per request: later calls, the guard and
    /// server function parameters all share the first result.
    /// </summary>
    /// <typeparam name="T">The session data type registered with <c>AddSessionAuth&lt;T&gt;</c>.</typeparam>
    /// <param name="httpContext">The current request.</param>
    /// <returns>The session; <see cref="Session{T}.Data"/> is <see langword="null"/> when nobody is logged in.</returns>
    /// <exception cref="InvalidOperationException"><c>AddSessionAuth&lt;T&gt;</c> was not called for <typeparamref name="T"/>.</exception>
    public static ValueTask<Session<T>> GetSessionAsync<T>(this HttpContext httpContext)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (httpContext.Features.Get<Session>() is Session<T> cached)
        {
            return new ValueTask<Session<T>>(cached);
        }

        var manager = httpContext.RequestServices.GetService<SessionManager<T>>()
            ?? throw new InvalidOperationException($"No session of type {typeof(T).Name} is registered. Call builder.Services.AddSessionAuth<{typeof(T).Name}>(options => ...) at startup.");
        return manager.GetSessionAsync(httpContext);
    }

    /// <summary>
    /// Renders the browser's view of the session (<see cref="SessionAuthOptions.ExposeToClient"/>) as
    /// <c>&lt;script type="application/json" id="session"&gt;...&lt;/script&gt;</c>, so the page's script has it without a
    /// round trip: <c>JSON.parse(document.getElementById("session").textContent)</c>. Anonymous requests, and apps that
    /// expose nothing, render <c>null</c>. The response is marked <c>Cache-Control: private, no-store</c> (a Cache-Control
    /// that already says <c>no-store</c> is kept; any other is replaced, also if the handler sets it later), so no
    /// shared cache can serve one user's view to another.
    /// </summary>
    /// <param name="httpContext">The current request.</param>
    /// <param name="elementId">The script element's id; <c>session</c> unless set.</param>
    /// <returns>The script element, safe to embed as HTML.</returns>
    /// <exception cref="InvalidOperationException">The response has already started without <c>Cache-Control: no-store</c>.</exception>
    public static ValueTask<string> RenderSessionScriptAsync(this HttpContext httpContext, string elementId = "session")
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        ArgumentException.ThrowIfNullOrEmpty(elementId);
        return SessionClientView.Get(httpContext.RequestServices).ToScriptElementAsync(httpContext, elementId);
    }
}
