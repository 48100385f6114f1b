using System.Buffers.Binary;
using System.Text;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Logging;

namespace SessionAuth;

/// <summary>One session as the server store keeps it.</summary>
/// <param name="CreatedAtMs">Login time, Unix milliseconds: compared with the user's revocation time.</param>
/// <param name="ExpiresAt">When the entry ends (Unix seconds): the absolute expiry, or the sliding one when sooner.</param>
/// <param name="AbsoluteExpiresAt">Login plus <see cref="SessionAuthOptions.MaxAge"/>, which sliding never passes.</param>
/// <param name="RenewedAt">When the sliding expiry was last pushed forward (Unix seconds).</param>
/// <param name="UserId">The user the session belongs to, when the app configured a user id.</param>
/// <param name="Data">The session data as UTF-8 JSON.</param>
internal sealed record StoredSession(long CreatedAtMs, long ExpiresAt, long AbsoluteExpiresAt, long RenewedAt, string? UserId, ReadOnlyMemory<byte> Data)
{
    private const byte FormatVersion = 1;
    private const int FixedSize = 1 + (4 * sizeof(long)) + sizeof(ushort);

    public byte[] ToBytes()
    {
        var userIdLength = UserId is null ? 0 : Encoding.UTF8.GetByteCount(UserId);
        var bytes = new byte[FixedSize + userIdLength + Data.Length];
        var span = bytes.AsSpan();
        span[0] = FormatVersion;
        BinaryPrimitives.WriteInt64BigEndian(span[1..], CreatedAtMs);
        BinaryPrimitives.WriteInt64BigEndian(span[9..], ExpiresAt);
        BinaryPrimitives.WriteInt64BigEndian(span[17..], AbsoluteExpiresAt);
        BinaryPrimitives.WriteInt64BigEndian(span[25..], RenewedAt);
        BinaryPrimitives.WriteUInt16BigEndian(span[33..], checked((ushort)userIdLength));
        if (UserId is not null)
        {
            Encoding.UTF8.GetBytes(UserId, span[FixedSize..]);
        }

        Data.Span.CopyTo(span[(FixedSize + userIdLength)..]);
        return bytes;
    }

    /// <summary>Reads an entry; anything that is not one we wrote is <see langword="null"/>, never an exception.</summary>
    public static StoredSession? FromBytes(byte[] bytes)
    {
        if (bytes.Length < FixedSize || bytes[0] != FormatVersion)
        {
            return null;
        }

        var span = bytes.AsSpan();
        var userIdLength = BinaryPrimitives.ReadUInt16BigEndian(span[33..]);
        if (bytes.Length < FixedSize + userIdLength)
        {
            return null;
        }

        return new StoredSession(
            BinaryPrimitives.ReadInt64BigEndian(span[1..]),
            BinaryPrimitives.ReadInt64BigEndian(span[9..]),
            BinaryPrimitives.ReadInt64BigEndian(span[17..]),
            BinaryPrimitives.ReadInt64BigEndian(span[25..]),
            userIdLength == 0 ? null : Encoding.UTF8.GetString(span.Slice(FixedSize, userIdLength)),
            bytes.AsMemory(FixedSize + userIdLength));
    }
}

/// <summary>What one read of the store found.</summary>
internal readonly record struct StoreRead(bool Available, StoredSession? Session, long UserRevokedAtMs);

/// <summary>
/// Keeps sessions in <see cref="IDistributedCache"/>: <c>{prefix}s:{id}</c> holds a session, <c>{prefix}u:{user}</c>
/// the time at which every earlier session of that user was ended (the user's session generation).
/// </summary>
/// <remarks>
/// <see cref="IDistributedCache"/> can neither list keys nor compare-and-swap, so "end every session of a user" cannot
/// find and delete them. It records a revocation time instead; a session created at or before it no longer counts.
/// That time outlives every session it ends (it expires <see cref="SessionAuthOptions.MaxAge"/> after it was written),
/// and session writes never touch it, so no concurrent login or renewal can undo it.
/// Every operation is bounded by <see cref="ServerSessionStoreOptions.Timeout"/>; any failure of the cache client is
/// the store being unavailable, and callers fail closed.
/// </remarks>
internal sealed class ServerSessionStore
{
    private readonly IDistributedCache _cache;
    private readonly ServerSessionStoreOptions _options;
    private readonly TimeSpan _maxAge;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly SessionAuthMetrics _metrics;
    private readonly string _sessionKeyPrefix;
    private readonly string _userKeyPrefix;

    public ServerSessionStore(IDistributedCache cache, SessionAuthOptions options, TimeProvider timeProvider, ILogger logger, SessionAuthMetrics metrics)
    {
        _cache = cache;
        _options = options.ServerStore;
        _maxAge = options.MaxAge;
        _timeProvider = timeProvider;
        _logger = logger;
        _metrics = metrics;
        _sessionKeyPrefix = _options.KeyPrefix + "s:";
        _userKeyPrefix = _options.KeyPrefix + "u:";
    }

    /// <summary>Reads a session and, when it has a user, that user's revocation time: both requests go out at once.</summary>
    public async Task<StoreRead> ReadAsync(SessionId id, string? userId)
    {
        // Started inside the try: a cache client may throw before it returns a task, and that is the store being down too.
        Task<byte[]?>? session = null;
        Task<byte[]?>? revokedAt = null;
        try
        {
            session = _cache.GetAsync(SessionKey(id));
            revokedAt = userId is null ? null : _cache.GetAsync(UserKey(userId));
            var sessionBytes = await session.WaitAsync(_options.Timeout, _timeProvider).ConfigureAwait(false);
            var revokedAtBytes = revokedAt is null ? null : await revokedAt.WaitAsync(_options.Timeout, _timeProvider).ConfigureAwait(false);
            return new StoreRead(
                Available: true,
                Session: sessionBytes is null ? null : StoredSession.FromBytes(sessionBytes),
                UserRevokedAtMs: revokedAtBytes is { Length: sizeof(long) } ? BinaryPrimitives.ReadInt64BigEndian(revokedAtBytes) : long.MinValue);
        }
#pragma warning disable CA1031 // Whatever the cache client throws, the store is unavailable: fail closed.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            Failed("read", exception, session, revokedAt);
            return new StoreRead(Available: false, Session: null, UserRevokedAtMs: long.MinValue);
        }
    }

    public Task WriteAsync(SessionId id, StoredSession session) =>
        RunAsync("write", () => _cache.SetAsync(SessionKey(id), session.ToBytes(), new DistributedCacheEntryOptions { AbsoluteExpiration = DateTimeOffset.FromUnixTimeSeconds(session.ExpiresAt) }));

    public Task RemoveAsync(SessionId id) => RunAsync("remove", () => _cache.RemoveAsync(SessionKey(id)));

    /// <summary>Ends every session of <paramref name="userId"/> created up to now.</summary>
    public Task RevokeUserAsync(string userId)
    {
        var revokedAt = new byte[sizeof(long)];
        BinaryPrimitives.WriteInt64BigEndian(revokedAt, _timeProvider.GetUtcNow().ToUnixTimeMilliseconds());
        return RunAsync("revoke", () => _cache.SetAsync(UserKey(userId), revokedAt, new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = _maxAge }));
    }

    /// <summary>One read of a key nobody writes: it makes the cache client connect. A failure is logged and counted, not thrown.</summary>
    public async Task WarmUpAsync()
    {
        try
        {
            await RunAsync("read", () => _cache.GetAsync(_options.KeyPrefix + "warm-up")).ConfigureAwait(false);
        }
        catch (SessionStoreUnavailableException)
        {
            // The app starts anyway: guarded requests answer 503 until the store is reachable.
        }
    }

    private async Task RunAsync(string operation, Func<Task> start)
    {
        Task? pending = null;
        try
        {
            pending = start();
            await pending.WaitAsync(_options.Timeout, _timeProvider).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Whatever the cache client throws, the store is unavailable: fail closed.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            Failed(operation, exception, pending, null);
            throw new SessionStoreUnavailableException($"The session store did not complete a {operation} within {_options.Timeout.TotalSeconds:0.###} s (SessionAuthOptions.ServerStore.Timeout).", exception);
        }
    }

    private void Failed(string operation, Exception exception, Task? first, Task? second)
    {
        // A timed-out call may still fail later; observe it so it does not surface as an unobserved task exception.
        _ = first?.ContinueWith(static task => _ = task.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        _ = second?.ContinueWith(static task => _ = task.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        _metrics.StoreFailed(operation);
        SessionAuthLog.StoreUnavailable(_logger, operation, exception);
    }

    private string SessionKey(SessionId id) => string.Concat(_sessionKeyPrefix, id.ToString());

    private string UserKey(string userId) => string.Concat(_userKeyPrefix, userId);
}
