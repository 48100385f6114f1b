using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SessionAuth;

/// <summary>Reads the session of a request without knowing the type of its data; the guard uses it.</summary>
public interface ISessionManager
{
    /// <summary>The session data type given to <c>AddSessionAuth&lt;T&gt;</c>.</summary>
    Type SessionDataType { get; }

    /// <summary>Returns the request's session, opening the cookie on the first call of the request only.</summary>
    /// <param name="httpContext">The current request.</param>
    /// <returns>The session; <see cref="Session.IsAuthenticated"/> is <see langword="false"/> when there is none.</returns>
    ValueTask<Session> GetSessionAsync(HttpContext httpContext);
}

/// <summary>Opens, writes and clears the sealed session cookie for data of type <typeparamref name="T"/>.</summary>
/// <typeparam name="T">The application's session data type.</typeparam>
/// <remarks>Registered as a singleton by <c>AddSessionAuth&lt;T&gt;</c>.</remarks>
public sealed class SessionManager<T> : ISessionManager
    where T : class
{
    // Cookie values up to this size are opened in a stack buffer; larger ones rent from the shared pool.
    private const int StackPlaintextLimit = 1024;

    // A cookie holds about 4,096 bytes in browsers: longer sessions go into numbered chunk cookies, with ASP.NET Core's
    // own cookie manager and naming ("session" = "chunks-2", then "sessionC1", "sessionC2"). A missing chunk leaves
    // "chunks-N" as the value, which does not open: an anonymous request, never an exception.
    private readonly ChunkingCookieManager _cookies = new() { ChunkSize = 4050, ThrowForPartialCookies = false };
    private readonly SessionSealer _sealer;
    private readonly JsonTypeInfo<T> _dataTypeInfo;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly SessionAuthMetrics _metrics;
    private readonly string _cookieName;
    private readonly SessionAuthOptions _options;

    internal SessionManager(SessionAuthOptions options, JsonTypeInfo<T> dataTypeInfo, TimeProvider timeProvider, ILogger logger, SessionAuthMetrics metrics)
    {
        _options = options;
        var passwords = new List<string>(1 + options.PreviousPasswords.Count) { options.Password! };
        passwords.AddRange(options.PreviousPasswords);
        _sealer = new SessionSealer(passwords, options.MaxSessionSize);
        _dataTypeInfo = dataTypeInfo;
        _timeProvider = timeProvider;
        _logger = logger;
        _metrics = metrics;
        _cookieName = options.CookieName;
    }

    internal static SessionManager<T> Create(IServiceProvider services, IOptions<SessionAuthOptions> options, ILoggerFactory loggerFactory, SessionAuthMetrics metrics, TimeProvider timeProvider) =>
        new(options.Value, ServerFunctionJson.GetTypeInfo<T>(services, "session data type"), timeProvider, loggerFactory.CreateLogger("SessionAuth.Sessions"), metrics);

    /// <summary>Returns the request's session, opening the cookie on the first call of the request only.</summary>
    /// <param name="httpContext">The current request.</param>
    /// <returns>The session; <see cref="Session{T}.Data"/> is <see langword="null"/> when there is none.</returns>
    public ValueTask<Session<T>> GetSessionAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (httpContext.Features.Get<Session>() is Session<T> cached)
        {
            return new ValueTask<Session<T>>(cached);
        }

        var session = Open(httpContext);
        httpContext.Features.Set<Session>(session);
        return new ValueTask<Session<T>>(session);
    }

    /// <inheritdoc/>
    public Type SessionDataType => typeof(T);

    async ValueTask<Session> ISessionManager.GetSessionAsync(HttpContext httpContext) => await GetSessionAsync(httpContext).ConfigureAwait(false);

    private Session<T> Open(HttpContext httpContext)
    {
        var value = SessionCookieReader.Find(httpContext.Request, _cookieName, out var plainValue) == SessionCookieShape.Other
            ? _cookies.GetRequestCookie(httpContext, _cookieName)
            : plainValue;
        if (value.IsEmpty)
        {
            return new Session<T>(this, httpContext);
        }

        var maxPlaintextLength = SessionSealer.GetMaxPlaintextLength(Math.Min(value.Length, _options.MaxSessionSize));
        byte[]? rented = null;
        var plaintext = maxPlaintextLength <= StackPlaintextLimit
            ? stackalloc byte[StackPlaintextLimit]
            : (rented = ArrayPool<byte>.Shared.Rent(maxPlaintextLength));
        try
        {
            var now = _timeProvider.GetUtcNow().ToUnixTimeSeconds();
            var rejection = _sealer.Open(value, now, plaintext, out var header, out var dataLength);
            T? data = null;
            if (rejection == SessionRejection.None)
            {
                data = Deserialize(plaintext.Slice(SessionSealer.HeaderSize, dataLength));
                rejection = data is null ? SessionRejection.InvalidData : SessionRejection.None;
            }

            if (rejection != SessionRejection.None)
            {
                Reject(rejection);
                return new Session<T>(this, httpContext);
            }

            return new Session<T>(this, httpContext, data!, header.Id, DateTimeOffset.FromUnixTimeSeconds(header.IssuedAt), DateTimeOffset.FromUnixTimeSeconds(header.ExpiresAt));
        }
        finally
        {
            plaintext.Clear();
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    private T? Deserialize(ReadOnlySpan<byte> json)
    {
        try
        {
            return JsonSerializer.Deserialize(json, _dataTypeInfo);
        }
        catch (JsonException)
        {
            // Sealed by us, but no longer fits the session type (the type changed in a deploy): a clean anonymous request.
            return null;
        }
    }

    private void Reject(SessionRejection rejection)
    {
        _metrics.CookieRejected(rejection);
        SessionAuthLog.SessionRejected(_logger, _cookieName, rejection);
    }

    internal void Write(Session<T> session, HttpContext httpContext, T data)
    {
        EnsureResponseNotStarted(httpContext);

        var now = _timeProvider.GetUtcNow();
        var nowSeconds = now.ToUnixTimeSeconds();
        var expiresAt = nowSeconds + (long)_options.MaxAge.TotalSeconds;

        // A write on a request without a session is a login: it always starts a new id, so no earlier id survives it.
        var id = session.IsAuthenticated ? session.RawId : SessionId.NewId();
        var createdAt = session.IsAuthenticated ? session.CreatedAt.ToUnixTimeSeconds() : nowSeconds;

        var json = JsonSerializer.SerializeToUtf8Bytes(data, _dataTypeInfo);
        var value = _sealer.Seal(new SealedSessionHeader(id, createdAt, expiresAt), json);
        if (value.Length > _options.MaxSessionSize)
        {
            throw new InvalidOperationException(
                $"The sealed session is {value.Length} bytes, over SessionAuthOptions.MaxSessionSize ({_options.MaxSessionSize} bytes). Keep less in the session data (an id, not the records it points to), or raise the limit within your servers' request header limits.");
        }

        _cookies.AppendResponseCookie(httpContext, _cookieName, value, CreateCookieOptions(httpContext, _options.MaxAge - TimeSpan.FromMinutes(1)));
        session.Replace(data, id, DateTimeOffset.FromUnixTimeSeconds(createdAt), DateTimeOffset.FromUnixTimeSeconds(expiresAt));
    }

    internal void Delete(HttpContext httpContext)
    {
        EnsureResponseNotStarted(httpContext);
        _cookies.DeleteCookie(httpContext, _cookieName, CreateCookieOptions(httpContext, maxAge: null));
    }

    private CookieOptions CreateCookieOptions(HttpContext httpContext, TimeSpan? maxAge) => new()
    {
        HttpOnly = true,
        SameSite = _options.CookieSameSite,
        Secure = _options.CookieSecurePolicy switch
        {
            CookieSecurePolicy.Always => true,
            CookieSecurePolicy.None => false,
            _ => httpContext.Request.IsHttps,
        },
        Domain = _options.CookieDomain,
        Path = _options.CookiePath,
        MaxAge = maxAge,
    };

    private static void EnsureResponseNotStarted(HttpContext httpContext)
    {
        if (httpContext.Response.HasStarted)
        {
            throw new InvalidOperationException("The session travels in a cookie header, so it must change before the response starts. Update or clear the session before writing to the response body.");
        }
    }
}
