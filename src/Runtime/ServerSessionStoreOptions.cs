namespace SessionAuth;

/// <summary>
/// How server-side sessions are kept in <c>IDistributedCache</c>; set through
/// <see cref="SessionAuthOptions.UseServerStore()"/>.
/// </summary>
public sealed class ServerSessionStoreOptions
{
    /// <summary>
    /// The prefix of every key SessionAuth writes, so sessions share a Redis database with other data safely.
    /// Defaults to <c>sessionauth:</c>.
    /// </summary>
    public string KeyPrefix { get; set; } = "sessionauth:";

    /// <summary>
    /// When set, a session ends after this long without a request (but never later than
    /// <see cref="SessionAuthOptions.MaxAge"/> after login); when <see langword="null"/> (the default), a session lasts
    /// <see cref="SessionAuthOptions.MaxAge"/> from login whatever its use.
    /// </summary>
    public TimeSpan? SlidingExpiration { get; set; }

    /// <summary>
    /// With <see cref="SlidingExpiration"/>, the shortest time between two renewals of one session, so a busy session
    /// costs one store write per interval rather than one per request. Defaults to one minute.
    /// </summary>
    public TimeSpan RenewalInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How long one store operation may take before the store counts as unavailable: guarded endpoints then answer
    /// 503 rather than wait. Defaults to two seconds.
    /// </summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(2);
}
