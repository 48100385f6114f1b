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
}
