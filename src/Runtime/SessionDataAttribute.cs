namespace SessionAuth;

/// <summary>
/// Marks the type that holds an application's session data, for example
/// <c>[SessionData] public sealed record UserSession(int UserId, string Name);</c>.
/// </summary>
/// <remarks>
/// One type per assembly. A parameter of this type on a server function receives the data of the current
/// session; on a function guarded by <see cref="RequireSessionAttribute"/> it is never <see langword="null"/>.
/// </remarks>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class SessionDataAttribute : Attribute
{
}
