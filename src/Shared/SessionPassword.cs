namespace SessionAuth;

/// <summary>
/// What a session password must be. Compiled into the runtime (which refuses a shorter password at startup) and the
/// analyzers (which flag a shorter literal as you type), so both hold the same number.
/// </summary>
internal static class SessionPassword
{
    /// <summary>The minimum length of a password, in characters.</summary>
    public const int MinimumLength = 32;
}
