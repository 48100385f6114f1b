namespace SessionAuth;

/// <summary>Ends sessions by user rather than by request: "log out everywhere", or after a password change.</summary>
/// <remarks>
/// Works with the server store and a user id
/// (<see cref="SessionAuthOptions.UseServerStore{TSession}(Func{TSession, string})"/>).
/// A sealed cookie holds its session itself, so in cookie mode there is nothing on the server to end.
/// </remarks>
public interface IUserSessions
{
    /// <summary>
    /// Ends every session of <paramref name="userId"/> that exists now, on every app instance sharing the store; the
    /// next request with any of them is anonymous. Sessions that start afterwards are not affected.
    /// </summary>
    /// <param name="userId">The user's id, as the selector given to <c>UseServerStore</c> returns it.</param>
    /// <param name="cancellationToken">Cancels the store write.</param>
    /// <returns>A task that completes when the store has recorded the change.</returns>
    /// <exception cref="InvalidOperationException">The app keeps sessions in cookies, or no user id was configured.</exception>
    /// <exception cref="SessionStoreUnavailableException">The store could not be reached in time.</exception>
    Task EndAllAsync(string userId, CancellationToken cancellationToken = default);
}
