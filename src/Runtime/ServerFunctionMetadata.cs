using Microsoft.AspNetCore.Http;

namespace SessionAuth;

/// <summary>Endpoint metadata on every generated server function: which method it calls and whether it guards itself.</summary>
/// <param name="name">The function's name, <c>{TypeName}.{MethodName}</c>.</param>
/// <param name="requiresSession">Whether the endpoint runs the session guard.</param>
/// <param name="preloadsSession">Whether <c>UseSessionAuth()</c> opens the session before the endpoint runs.</param>
/// <param name="allowsAnonymous">Whether the function is marked <c>[AllowAnonymous]</c>, which keeps it open under a guard on its group.</param>
/// <param name="renamedParameters">
/// The parameters the function binds from the request under another name than their own (<c>[FromQuery(Name = "h")] House house</c>
/// is <c>house</c>), so that a rule its group adds with <c>Argument = "house"</c>, which would judge another value than the
/// function binds, refuses the start.
/// </param>
public sealed class ServerFunctionMetadata(string name, bool requiresSession, bool preloadsSession = false, bool allowsAnonymous = false, string[]? renamedParameters = null)
{
    /// <summary>The function's name, <c>{TypeName}.{MethodName}</c>.</summary>
    public string Name { get; } = name;

    /// <summary>Whether the endpoint runs the session guard before the call.</summary>
    public bool RequiresSession { get; } = requiresSession;

    /// <summary>Whether <c>UseSessionAuth()</c> opens the session before the endpoint runs (<see cref="PreloadSessionAttribute"/>).</summary>
    public bool PreloadsSession { get; } = preloadsSession;

    /// <summary>
    /// Whether the function is marked <c>[AllowAnonymous]</c>: its endpoint then carries <c>IAllowAnonymous</c> metadata,
    /// so a guard convention on <c>MapServerFunctions()</c> (<c>RequireSession()</c>, <c>RequireAuthorization()</c>) leaves it open.
    /// </summary>
    public bool AllowsAnonymous { get; } = allowsAnonymous;

    /// <summary>
    /// The attributes the function's own classes and method put on its endpoint (set when it is mapped), so that the
    /// rules among them, which the generated endpoint checks itself, are told apart from rules its group adds.
    /// </summary>
    internal object[] Attributes { get; set; } = [];

    /// <summary>The parameters bound under another name than their own.</summary>
    internal string[] RenamedParameters { get; } = renamedParameters ?? [];

    /// <summary>What the function reads and answers, for API descriptions (set when it is mapped).</summary>
    internal Infrastructure.ServerFunctionApi? Api { get; set; }

    /// <summary>The names the function's parameters bind from the request (set when it is mapped).</summary>
    internal string[] BoundNames { get; set; } = [];

    private ServerFunctionGroupRules? _groupRules;

    /// <summary>
    /// The rules the function's group adds (not its own), split by who judges them; found once, from its endpoint's
    /// metadata (one instance of this class serves one endpoint).
    /// </summary>
    internal ServerFunctionGroupRules GroupRules(EndpointMetadataCollection metadata) =>
        _groupRules ??= ServerFunctionGroupRules.Of(metadata, this);

    /// <inheritdoc/>
    public override string ToString() => RequiresSession ? $"Server function {Name} (session required)" : $"Server function {Name}";
}
