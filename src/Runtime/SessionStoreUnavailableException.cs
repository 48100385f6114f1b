namespace SessionAuth;

/// <summary>
/// The server-side session store could not be reached in time. <c>UseSessionAuth()</c> answers requests that fail with
/// it with 503 problem+json; guarded endpoints answer 503 without running when the session cannot be read.
/// </summary>
public sealed class SessionStoreUnavailableException : Exception
{
    /// <summary>Creates the exception with a default message.</summary>
    public SessionStoreUnavailableException()
        : this("The session store could not be reached.")
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    /// <param name="message">What failed.</param>
    public SessionStoreUnavailableException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/> and the store's own error.</summary>
    /// <param name="message">What failed.</param>
    /// <param name="innerException">The store client's exception.</param>
    public SessionStoreUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
