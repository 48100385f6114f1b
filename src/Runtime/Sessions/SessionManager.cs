using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SessionAuth.Infrastructure;

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

/// <summary>Says whether sessions live in the server store, for the parts that answer differently when it is down.</summary>
internal interface IServerSessionMode
{
    bool UsesServerStore { get; }

    /// <summary>Opens the store's connection at startup, so the first request does not pay for it (or time out on it).</summary>
    Task WarmUpAsync();

    /// <summary>
    /// Whether the session an identity was made from still stands, asked long after the request that opened it (a Blazor
    /// circuit revalidating): in the server store, not ended by logout, <c>EndAllAsync</c> or expiry, and the store
    /// reachable (an unreachable store fails closed); a sealed cookie cannot be ended on the server, so only its expiry counts.
    /// </summary>
    Task<bool> StillStandsAsync(object data, SessionId id, DateTimeOffset expiresAt);
}

/// <summary>
/// Opens, writes and clears the sessions of data of type <typeparamref name="T"/>: in the sealed cookie itself, or, with
/// <see cref="SessionAuthOptions.UseServerStore()"/>, in the server store with a sealed id in the cookie.
/// </summary>
/// <typeparam name="T">The application's session data type.</typeparam>
/// <remarks>Registered as a singleton by <c>AddSessionAuth&lt;T&gt;</c>.</remarks>
public sealed class SessionManager<T> : ISessionManager, IUserSessions, IServerSessionMode
    where T : class
{
    // Cookie values up to this size are opened in a stack buffer; larger ones rent from the shared pool.
    private const int StackPlaintextLimit = 1024;

    private readonly SessionSealer _sealer;
    private readonly JsonTypeInfo<T> _dataTypeInfo;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly SessionAuthMetrics _metrics;
    private readonly string _cookieName;
    private readonly SessionAuthOptions _options;

    // Server mode only: where the data lives (the cookie then seals just the id and the user id), and who the user is.
    private readonly ServerSessionStore? _store;
    private readonly OpenedCookieCache _openedCookies = new();
    private readonly Func<object, string?>? _userIdSelector;

    internal SessionManager(SessionAuthOptions options, JsonTypeInfo<T> dataTypeInfo, TimeProvider timeProvider, ILogger logger, SessionAuthMetrics metrics, ServerSessionStore? store = null)
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
        _store = store;
        _userIdSelector = options.UserIdSelector;
    }

    internal static SessionManager<T> Create(IServiceProvider services, IOptions<SessionAuthOptions> options, ILoggerFactory loggerFactory, SessionAuthMetrics metrics, TimeProvider timeProvider)
    {
        var value = options.Value;
        // Each option that names the session data type is checked here, at startup, where T is known.
        if (value.UserIdSessionType is { } userIdType && userIdType != typeof(T))
        {
            throw new InvalidOperationException($"IdentifyUser<{userIdType.Name}>(...) names {userIdType.Name}, but the session data type is {typeof(T).Name}. Call IdentifyUser<{typeof(T).Name}>(data => ...) (or UseServerStore<{typeof(T).Name}>(data => ...)).");
        }

        if (value.Claims is { SessionType: var claimsType } && claimsType != typeof(T))
        {
            throw new InvalidOperationException($"UseClaims<{claimsType.Name}>(...) names {claimsType.Name}, but the session data type is {typeof(T).Name}. Call UseClaims<{typeof(T).Name}>(data => ...).");
        }

        var logger = loggerFactory.CreateLogger("SessionAuth.Sessions");
        ServerSessionStore? store = null;
        if (value.UsesServerStore)
        {
            // The app's IDistributedCache (Redis after AddStackExchangeRedisCache), or one in this process's memory.
            var cache = services.GetService<IDistributedCache>()
                ?? new MemoryDistributedCache(Options.Create(new MemoryDistributedCacheOptions()));
            store = new ServerSessionStore(cache, value, timeProvider, logger, metrics);
        }

        return new(value, ServerFunctionJson.GetTypeInfo<T>(services, "session data type"), timeProvider, logger, metrics, store);
    }

    /// <inheritdoc/>
    bool IServerSessionMode.UsesServerStore => _store is not null;

    /// <inheritdoc/>
    Task IServerSessionMode.WarmUpAsync() => _store?.WarmUpAsync() ?? Task.CompletedTask;

    /// <inheritdoc/>
    async Task<bool> IServerSessionMode.StillStandsAsync(object data, SessionId id, DateTimeOffset expiresAt)
    {
        var now = _timeProvider.GetUtcNow();
        if (_store is null)
        {
            return expiresAt > now;
        }

        var userId = _userIdSelector?.Invoke(data);
        var read = await _store.ReadAsync(id, userId).ConfigureAwait(false);
        return read.Available && StoreRejection(read, userId, now, hasData: true) == SessionRejection.None;
    }

    // Why a stored session does not stand, read against the cookie's user id: the one definition for requests and circuits.
    private static SessionRejection StoreRejection(StoreRead read, string? userId, DateTimeOffset now, bool hasData) =>
        read.Session is not { } stored ? SessionRejection.NotInStore
            : stored.UserId != userId ? SessionRejection.Malformed
            : stored.CreatedAtMs <= read.UserRevokedAtMs ? SessionRejection.Revoked
            : stored.ExpiresAt <= now.ToUnixTimeSeconds() ? SessionRejection.Expired
            : !hasData ? SessionRejection.InvalidData
            : SessionRejection.None;

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

        if (_store is not null)
        {
            return OpenFromStoreAsync(httpContext);
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
        var rejection = OpenCookie(httpContext, out var present, out var header, out var data, out _);
        if (!present || rejection != SessionRejection.None)
        {
            return new Session<T>(this, httpContext);
        }

        return new Session<T>(this, httpContext, data!, header.Id, DateTimeOffset.FromUnixTimeSeconds(header.IssuedAt), DateTimeOffset.FromUnixTimeSeconds(header.ExpiresAt));
    }

    /// <summary>
    /// Reads and opens the session cookie once. In cookie mode the sealed payload is the session data, read into
    /// <paramref name="data"/>; in server mode it is the user id, read into <paramref name="userId"/>. Every rejection
    /// is logged and counted here.
    /// </summary>
    private SessionRejection OpenCookie(HttpContext httpContext, out bool present, out SealedSessionHeader header, out T? data, out string? userId)
    {
        header = default;
        data = null;
        userId = null;
        // A missing chunk leaves "chunks-N" as the value, which does not open: an anonymous request, never an exception.
        var value = SessionCookies.Read(httpContext.Request.Headers.Cookie, _cookieName, _options.MaxSessionSize);
        present = !value.IsEmpty;
        if (!present)
        {
            return SessionRejection.None;
        }

        var now = _timeProvider.GetUtcNow().ToUnixTimeSeconds();
        SessionRejection rejection;
        if (_openedCookies.TryGet(value, out var opened))
        {
            header = opened.Header;
            rejection = ReadPayload(opened, now, out data, out userId);
        }
        else
        {
            rejection = OpenAndRemember(value, now, out header, out data, out userId);
        }

        if (rejection != SessionRejection.None)
        {
            Reject(rejection);
        }

        return rejection;
    }

    private SessionRejection OpenAndRemember(ReadOnlySpan<char> value, long now, out SealedSessionHeader header, out T? data, out string? userId)
    {
        data = null;
        userId = null;
        var maxPlaintextLength = SessionSealer.GetMaxPlaintextLength(Math.Min(value.Length, _options.MaxSessionSize));
        byte[]? rented = null;
        var plaintext = maxPlaintextLength <= StackPlaintextLimit
            ? stackalloc byte[StackPlaintextLimit]
            : (rented = ArrayPool<byte>.Shared.Rent(maxPlaintextLength));
        try
        {
            var rejection = _sealer.Open(value, now, plaintext, out header, out var dataLength);
            if (rejection != SessionRejection.None)
            {
                return rejection;
            }

            var opened = _openedCookies.Add(value, header, plaintext.Slice(SessionSealer.HeaderSize, dataLength));
            return ReadPayload(opened, now, out data, out userId);
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

    /// <summary>
    /// Cookie mode with a type the generator found immutable: requests with the same cookie share one data object.
    /// Read on each use, not once: the generated declaration runs when the type's assembly is first used, which for a
    /// type in a library can be after this manager is built.
    /// </summary>
    private bool SharesData => _store is null && ImmutableSessionData.IsDeclared<T>();

    /// <summary>The sealed payload is the session data in cookie mode, the user id in server mode.</summary>
    private SessionRejection ReadPayload(OpenedCookie opened, long now, out T? data, out string? userId)
    {
        data = null;
        userId = null;
        var lifetime = SessionSealer.CheckLifetime(opened.Header, now);
        if (lifetime != SessionRejection.None)
        {
            return lifetime;
        }

        var payload = opened.Payload;
        if (_store is not null)
        {
            userId = payload.Length == 0 ? null : Encoding.UTF8.GetString(payload);
            return SessionRejection.None;
        }

        var sharesData = SharesData;
        if (sharesData && opened.SharedData is T shared)
        {
            data = shared;
            return SessionRejection.None;
        }

        data = Deserialize(payload);
        if (data is null)
        {
            return SessionRejection.InvalidData;
        }

        if (sharesData)
        {
            opened.SharedData = data;
        }

        return SessionRejection.None;
    }

    private async ValueTask<Session<T>> OpenFromStoreAsync(HttpContext httpContext)
    {
        var session = await ReadFromStoreAsync(httpContext).ConfigureAwait(false);
        httpContext.Features.Set<Session>(session);
        return session;
    }

    private async Task<Session<T>> ReadFromStoreAsync(HttpContext httpContext)
    {
        var rejection = OpenCookie(httpContext, out var present, out var header, out _, out var userId);
        if (!present || rejection != SessionRejection.None)
        {
            return new Session<T>(this, httpContext);
        }

        var read = await _store!.ReadAsync(header.Id, userId).ConfigureAwait(false);
        if (!read.Available)
        {
            return new Session<T>(this, httpContext) { IsStoreUnavailable = true };
        }

        var stored = read.Session;
        var now = _timeProvider.GetUtcNow();
        var data = stored is null ? null : Deserialize(stored.Data.Span);
        rejection = StoreRejection(read, userId, now, hasData: data is not null);
        if (rejection != SessionRejection.None)
        {
            Reject(rejection);
            return new Session<T>(this, httpContext);
        }

        stored = await RenewIfDueAsync(header.Id, stored!, now).ConfigureAwait(false);
        return new Session<T>(this, httpContext, data!, header.Id, DateTimeOffset.FromUnixTimeMilliseconds(stored.CreatedAtMs), DateTimeOffset.FromUnixTimeSeconds(stored.ExpiresAt));
    }

    /// <summary>Pushes a sliding expiry forward, at most once per <see cref="ServerSessionStoreOptions.RenewalInterval"/>.</summary>
    private async Task<StoredSession> RenewIfDueAsync(SessionId id, StoredSession stored, DateTimeOffset now)
    {
        var nowSeconds = now.ToUnixTimeSeconds();
        if (_options.ServerStore.SlidingExpiration is null
            || nowSeconds - stored.RenewedAt < (long)_options.ServerStore.RenewalInterval.TotalSeconds
            || stored.ExpiresAt >= stored.AbsoluteExpiresAt)
        {
            return stored;
        }

        var renewed = stored with { ExpiresAt = ExpiresAt(nowSeconds, stored.AbsoluteExpiresAt), RenewedAt = nowSeconds };
        try
        {
            await _store!.WriteAsync(id, renewed).ConfigureAwait(false);
            return renewed;
        }
        catch (SessionStoreUnavailableException)
        {
            // The session read fine and is still valid until its current expiry; the next request renews it.
            return stored;
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

    /// <summary>
    /// Writes <paramref name="data"/> into the session. The session keeps its id and creation time only when
    /// <paramref name="renew"/> is <see langword="false"/> and it stays with the same user; a login, a session that comes
    /// to belong to another user (one planted before the login, or left behind), and every write when no user id is
    /// configured start a new id, so an id someone else may hold never comes to carry this user's data.
    /// </summary>
    internal Task WriteAsync(Session<T> session, HttpContext httpContext, T data, bool renew)
    {
        EnsureResponseNotStarted(httpContext);
        var userId = _userIdSelector?.Invoke(data);
        var isNewSession = renew || !session.IsAuthenticated || userId is null
            || !string.Equals(userId, _userIdSelector!(session.Data!), StringComparison.Ordinal);
        if (_store is not null)
        {
            return WriteToStoreAsync(session, httpContext, data, userId, isNewSession);
        }

        var now = _timeProvider.GetUtcNow();
        var nowSeconds = now.ToUnixTimeSeconds();
        var expiresAt = nowSeconds + (long)_options.MaxAge.TotalSeconds;
        var id = isNewSession ? SessionId.NewId() : session.RawId;
        var createdAt = isNewSession ? nowSeconds : session.CreatedAt.ToUnixTimeSeconds();

        var json = JsonSerializer.SerializeToUtf8Bytes(data, _dataTypeInfo);
        AppendSealedCookie(httpContext, new SealedSessionHeader(id, createdAt, expiresAt), json);
        session.Replace(data, id, DateTimeOffset.FromUnixTimeSeconds(createdAt), DateTimeOffset.FromUnixTimeSeconds(expiresAt));
        return Task.CompletedTask;
    }

    private async Task WriteToStoreAsync(Session<T> session, HttpContext httpContext, T data, string? userId, bool isNewSession)
    {
        var now = _timeProvider.GetUtcNow();
        var nowSeconds = now.ToUnixTimeSeconds();
        var id = isNewSession ? SessionId.NewId() : session.RawId;
        var createdAtMs = isNewSession ? now.ToUnixTimeMilliseconds() : session.CreatedAt.ToUnixTimeMilliseconds();
        var absoluteExpiresAt = (createdAtMs / 1000) + (long)_options.MaxAge.TotalSeconds;
        var expiresAt = ExpiresAt(nowSeconds, absoluteExpiresAt);

        var json = JsonSerializer.SerializeToUtf8Bytes(data, _dataTypeInfo);
        await _store!.WriteAsync(id, new StoredSession(createdAtMs, expiresAt, absoluteExpiresAt, nowSeconds, userId, json)).ConfigureAwait(false);
        if (isNewSession)
        {
            if (session.IsAuthenticated)
            {
                await _store.RemoveAsync(session.RawId).ConfigureAwait(false);
            }

            var userIdBytes = userId is null ? [] : Encoding.UTF8.GetBytes(userId);
            AppendSealedCookie(httpContext, new SealedSessionHeader(id, createdAtMs / 1000, absoluteExpiresAt), userIdBytes);
        }

        session.Replace(data, id, DateTimeOffset.FromUnixTimeMilliseconds(createdAtMs), DateTimeOffset.FromUnixTimeSeconds(expiresAt));
    }

    /// <summary>When a stored session written at <paramref name="nowSeconds"/> ends: the sliding window, never past the absolute expiry.</summary>
    private long ExpiresAt(long nowSeconds, long absoluteExpiresAt) =>
        _options.ServerStore.SlidingExpiration is { } sliding
            ? Math.Min(nowSeconds + (long)sliding.TotalSeconds, absoluteExpiresAt)
            : absoluteExpiresAt;

    private void AppendSealedCookie(HttpContext httpContext, SealedSessionHeader header, ReadOnlySpan<byte> payload)
    {
        var value = _sealer.Seal(header, payload);
        if (value.Length > _options.MaxSessionSize)
        {
            throw new InvalidOperationException(
                $"The sealed session is {value.Length} bytes, over SessionAuthOptions.MaxSessionSize ({_options.MaxSessionSize} bytes). Keep less in the session data (an id, not the records it points to), raise the limit within your servers' request header limits, or keep sessions on the server (UseServerStore).");
        }

        SessionCookies.Append(httpContext, _cookieName, value, CreateCookieOptions(httpContext, _options.MaxAge - TimeSpan.FromMinutes(1)));

        // A cache that kept this response would hand the session cookie itself to whoever asked next.
        PersonalisedResponse.MarkCarriesSessionData(httpContext);
    }

    internal async Task DeleteAsync(Session<T> session, HttpContext httpContext)
    {
        EnsureResponseNotStarted(httpContext);
        if (_store is not null && session.IsAuthenticated)
        {
            // Removed from the store first: the id is dead on every instance even if this response never arrives.
            await _store.RemoveAsync(session.RawId).ConfigureAwait(false);
        }

        SessionCookies.Delete(httpContext, _cookieName, _options.MaxSessionSize, CreateCookieOptions(httpContext, maxAge: null));
        PersonalisedResponse.MarkCarriesSessionData(httpContext);
    }

    /// <inheritdoc/>
    public Task EndAllAsync(string userId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        if (_store is null || _userIdSelector is null)
        {
            throw new InvalidOperationException(
                "Ending every session of a user needs server-side sessions with a user id: call options.UseServerStore<" + typeof(T).Name + ">(data => data.UserId) in AddSessionAuth. Sealed cookies hold their sessions themselves, so there is nothing on the server to end.");
        }

        return _store.RevokeUserAsync(userId);
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
