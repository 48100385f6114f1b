namespace SessionAuth;

/// <summary>
/// Opens the session before the endpoint runs, in <c>UseSessionAuth()</c>, so that the page and every later read in the
/// request have it at once, and marks the response <c>Cache-Control: private, no-store</c> because it is personalised.
/// Applies to a server function, a class of them, the assembly, a minimal API handler or a Razor component
/// (<c>@attribute [PreloadSession]</c>). Paths can also be listed in <see cref="SessionAuthOptions.PreloadPaths"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class | AttributeTargets.Assembly, AllowMultiple = false, Inherited = true)]
public sealed class PreloadSessionAttribute : Attribute
{
}
