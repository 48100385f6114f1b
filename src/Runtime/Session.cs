using Microsoft.AspNetCore.Http;

namespace SessionAuth;

/// <summary>The session of one request, whatever the type of its data.</summary>
/// <remarks>
/// A request has one session object: every read in a request, typed or not, returns the same instance, and the
/// cookie behind it is opened at most once.
/// </remarks>
public abstract class Session
{
    private protected Session()
    {
    }

    /// <summary><see langword="true"/> when the request carries a valid session with data.</summary>
    public abstract bool IsAuthenticated { get; }

    /// <summary>The session id: 128 random bits, base64url-encoded; empty when there is no session.</summary>
    public abstract string Id { get; }

    /// <summary>When the session was created (at login); <see cref="DateTimeOffset.MinValue"/> when there is none.</summary>
    public abstract DateTimeOffset CreatedAt { get; }

    /// <summary>When the session stops being accepted; <see cref="DateTimeOffset.MinValue"/> when there is none.</summary>
    public abstract DateTimeOffset ExpiresAt { get; }

    /// <summary>The session data, whatever its type; <see langword="null"/> when there is none.</summary>
    internal abstract object? UntypedData { get; }

    /// <summary>The session id as the store and the cookie hold it; empty when there is no session.</summary>
    internal abstract SessionId RawId { get; }

    /// <summary>
    /// <see langword="true"/> when the server-side session store could not be read: the request is anonymous, and a
    /// guarded endpoint answers 503 instead of sending the user to log in again.
    /// </summary>
    public bool IsStoreUnavailable { get; internal init; }

    /// <summary>
    /// Gives the session a new id and creation time and keeps its data, for a change of privilege that is not a change
    /// of user, such as a password check before a sensitive page: an id seen before the change no longer names this
    /// session. With the server store the old entry is removed.
    /// </summary>
    /// <returns>A task that completes when the new cookie is queued in the response headers.</returns>
    /// <exception cref="InvalidOperationException">The request has no session, or the response has already started.</exception>
    public abstract Task RenewAsync();

    /// <summary>Ends the session: the cookie is deleted in the response and the data is cleared for the rest of the request.</summary>
    /// <returns>A task that completes when the change is queued in the response headers.</returns>
    /// <exception cref="InvalidOperationException">The response has already started.</exception>
    public abstract Task ClearAsync();
}

/// <summary>The session of one request, with data of type <typeparamref name="T"/>.</summary>
/// <typeparam name="T">The application's session data type, marked with <see cref="SessionDataAttribute"/>.</typeparam>
/// <remarks>Get it with <c>HttpContext.GetSessionAsync&lt;T&gt;()</c>, or as a server function parameter.</remarks>
public sealed class Session<T> : Session
    where T : class
{
    private readonly SessionManager<T> _manager;
    private readonly HttpContext _httpContext;
    private SessionId _id;
    private string? _idText;
    private DateTimeOffset _createdAt = DateTimeOffset.MinValue;
    private DateTimeOffset _expiresAt = DateTimeOffset.MinValue;

    internal Session(SessionManager<T> manager, HttpContext httpContext)
    {
        _manager = manager;
        _httpContext = httpContext;
    }

    internal Session(SessionManager<T> manager, HttpContext httpContext, T data, SessionId id, DateTimeOffset createdAt, DateTimeOffset expiresAt)
        : this(manager, httpContext)
    {
        Data = data;
        _id = id;
        _createdAt = createdAt;
        _expiresAt = expiresAt;
    }

    /// <summary>The session data, or <see langword="null"/> when nobody is logged in.</summary>
    public T? Data { get; private set; }

    /// <inheritdoc/>
    public override bool IsAuthenticated => Data is not null;

    internal override object? UntypedData => Data;

    /// <inheritdoc/>
    public override string Id => _id.IsEmpty ? string.Empty : _idText ??= _id.ToString();

    /// <inheritdoc/>
    public override DateTimeOffset CreatedAt => _createdAt;

    /// <inheritdoc/>
    public override DateTimeOffset ExpiresAt => _expiresAt;

    internal override SessionId RawId => _id;

    /// <summary>
    /// Stores <paramref name="data"/> in the session and sends the sealed cookie with the response. The session keeps its
    /// <see cref="Session.Id"/> and <see cref="Session.CreatedAt"/> only while it stays with the same user, as
    /// <c>SessionAuthOptions.IdentifyUser</c> tells them apart; a login, a session that comes to belong to another
    /// user, and every write when <c>IdentifyUser</c> is not set start a new session id.
    /// </summary>
    /// <param name="data">The new session data.</param>
    /// <returns>A task that completes when the cookie is queued in the response headers.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="data"/> is <see langword="null"/>; use <see cref="ClearAsync"/> to log out.</exception>
    /// <exception cref="InvalidOperationException">The response has already started, or the sealed session is too large for a cookie.</exception>
    public Task UpdateAsync(T data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return _manager.WriteAsync(this, _httpContext, data, renew: false);
    }

    /// <inheritdoc/>
    public override Task RenewAsync()
    {
        if (Data is not { } data)
        {
            throw new InvalidOperationException("The request has no session to renew. Call UpdateAsync to start one.");
        }

        return _manager.WriteAsync(this, _httpContext, data, renew: true);
    }

    /// <inheritdoc/>
    public override async Task ClearAsync()
    {
        await _manager.DeleteAsync(this, _httpContext).ConfigureAwait(false);
        Data = null;
        _id = default;
        _idText = null;
        _createdAt = DateTimeOffset.MinValue;
        _expiresAt = DateTimeOffset.MinValue;
    }

    internal void Replace(T data, SessionId id, DateTimeOffset createdAt, DateTimeOffset expiresAt)
    {
        Data = data;
        if (_id != id)
        {
            _id = id;
            _idText = null;
        }

        _createdAt = createdAt;
        _expiresAt = expiresAt;
    }
}
