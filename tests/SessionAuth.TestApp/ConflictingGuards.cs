using Microsoft.AspNetCore.Authorization;

namespace SessionAuth.TestApp;

/// <summary>
/// What a server function does with <c>[RequireSession]</c> and <c>[AllowAnonymous]</c> on its class and method or on a
/// class and its base, which SAUTH0005 is built on (over HTTP in SessionAuth.Tests' <c>ConflictingGuardHttpTests</c>).
/// </summary>
[AllowAnonymous]
public static class OpenShelf
{
    /// <summary>The nearest decision wins: the method's [RequireSession] guards it in an [AllowAnonymous] class. No SAUTH0005.</summary>
    [ServerFunction("/conflicts/functions/restricted", Method = "GET"), RequireSession]
    public static string Restricted(UserSession user) => $"restricted shelf for {user.Name}";

    [ServerFunction("/conflicts/functions/open", Method = "GET")]
    public static string Open() => "open shelf";
}

[AllowAnonymous]
public abstract class PublicWing;

/// <summary>
/// The class's own [RequireSession] beside the [AllowAnonymous] its base class passes on: one class saying both, as
/// reflection reads it, so [AllowAnonymous] wins and the function is open.
/// </summary>
#pragma warning disable SAUTH0005 // The contradiction under test.
[RequireSession]
#pragma warning restore SAUTH0005
public sealed class OpenedWing : PublicWing
{
    [ServerFunction("/conflicts/functions/opened", Method = "GET")]
    public static string Enter(UserSession? user) => $"opened wing for {user?.Name ?? "anyone"}";
}
