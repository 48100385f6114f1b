using Microsoft.Extensions.Logging;

namespace SessionAuth;

internal static partial class SessionAuthLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "Session cookie '{CookieName}' was rejected ({Reason}); the request continues without a session.")]
    public static partial void SessionRejected(ILogger logger, string cookieName, SessionRejection reason);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "SessionAuthOptions.Password is not set, so a random password was generated for Development. Sessions end whenever the app restarts, and any other environment refuses to start without a password. Set SessionAuth:Password (at least 32 characters) in user secrets or an environment variable.")]
    public static partial void GeneratedDevelopmentPassword(ILogger logger);

    [LoggerMessage(EventId = 3, Level = LogLevel.Debug, Message = "Request to {Path} has no session; answered {StatusCode}.")]
    public static partial void SessionRequired(ILogger logger, string path, int statusCode);

    [LoggerMessage(EventId = 4, Level = LogLevel.Information, Message = "Cross-site request to server function {Path} refused with 403.")]
    public static partial void CrossSiteRefused(ILogger logger, string path);

    [LoggerMessage(EventId = 5, Level = LogLevel.Warning, Message = "The session store failed a {Operation}; guarded requests answer 503 until it is back.")]
    public static partial void StoreUnavailable(ILogger logger, string operation, Exception exception);

    [LoggerMessage(EventId = 6, Level = LogLevel.Information, Message = "Request to {Path} needs a session, but the session store is unavailable; answered 503.")]
    public static partial void StoreUnavailableForGuard(ILogger logger, string path);

    [LoggerMessage(EventId = 7, Level = LogLevel.Debug, Message = "Request to {Path} has a body the server function cannot read; answered {StatusCode}: {Detail}")]
    public static partial void RequestBodyRefused(ILogger logger, string path, int statusCode, string detail, Exception? exception);

    [LoggerMessage(EventId = 8, Level = LogLevel.Debug, Message = "The client aborted the request to {Path} while its body was read; nothing was answered.")]
    public static partial void RequestBodyAborted(ILogger logger, string path, Exception exception);

    [LoggerMessage(EventId = 9, Level = LogLevel.Information, Message = "Request to {Path} has a session that {RefusedBy} refused; answered {StatusCode}.")]
    public static partial void Forbidden(ILogger logger, string path, string refusedBy, int statusCode);

    [LoggerMessage(EventId = 10, Level = LogLevel.Error, Message = "Revalidating a circuit's session failed; the circuit is signed out.")]
    public static partial void CircuitRevalidationFailed(ILogger logger, Exception exception);
}
