using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace SessionAuth;

/// <summary>
/// Makes the session data type a scoped service, so a minimal API handler can take it as a parameter:
/// <c>app.MapGet("/me", [RequireSession] (UserSession user) =&gt; ...)</c>. ASP.NET Core binds a parameter whose type is
/// a registered service from DI, both in the reflection-based request delegate factory and in the Request Delegate
/// Generator that AOT apps use; a generated <c>BindAsync</c> would be invisible to the latter, since source generators
/// do not see each other's output.
/// </summary>
internal static class SessionDataService
{
    /// <summary>The request's session data, or <see langword="null"/> outside a request or when nobody is logged in.</summary>
    /// <remarks>
    /// DI factories are synchronous. On a guarded or preloaded endpoint the session is already open, and a cookie opens
    /// synchronously anyway, so the value is ready; only a store that must wait would block here.
    /// </remarks>
    public static T? Resolve<T>(IServiceProvider services)
        where T : class
    {
        if (services.GetRequiredService<IHttpContextAccessor>().HttpContext is not { } httpContext)
        {
            return null;
        }

        var pending = services.GetRequiredService<SessionManager<T>>().GetSessionAsync(httpContext);
        var session = pending.IsCompletedSuccessfully ? pending.Result : pending.AsTask().GetAwaiter().GetResult();
        return session.Data;
    }
}
