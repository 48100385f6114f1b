namespace SessionAuth;

/// <summary>Why a session cookie was not accepted; each reason is logged at Debug and counted.</summary>
internal enum SessionRejection
{
    None,
    Malformed,
    TooLarge,
    UnknownKey,
    Tampered,
    UnsupportedVersion,
    Expired,
    IssuedInFuture,
    InvalidData,
    NotInStore,
    Revoked,
}

internal static class SessionRejectionNames
{
    // Constant strings, so that logging and counting a rejection allocates nothing for the reason.
    public static string ToName(this SessionRejection rejection) => rejection switch
    {
        SessionRejection.Malformed => "malformed",
        SessionRejection.TooLarge => "too-large",
        SessionRejection.UnknownKey => "unknown-key",
        SessionRejection.Tampered => "tampered",
        SessionRejection.UnsupportedVersion => "unsupported-version",
        SessionRejection.Expired => "expired",
        SessionRejection.IssuedInFuture => "issued-in-future",
        SessionRejection.InvalidData => "invalid-data",
        SessionRejection.NotInStore => "not-in-store",
        SessionRejection.Revoked => "revoked",
        _ => "none",
    };
}
