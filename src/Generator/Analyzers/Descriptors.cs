using Microsoft.CodeAnalysis;

namespace SessionAuth.Generators.Analyzers;

/// <summary>Every SessionAuth rule. Ids are a contract: users suppress and configure them by id.</summary>
internal static class Descriptors
{
    private const string Security = "Security";
    private const string Usage = "Usage";

    public static readonly DiagnosticDescriptor EndpointWithoutGuardDecision = Create(
        DiagnosticIds.EndpointWithoutGuardDecision,
        "Endpoint has no guard decision",
        "{0} has no guard decision: {1}",
        Security,
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor OpenRedirect = Create(
        DiagnosticIds.OpenRedirect,
        "Redirect target is not a local path",
        "{0} '{1}' {2}",
        Security,
        DiagnosticSeverity.Error);

    // Reported per method as you type; two functions on one route are SAUTH0010, which needs the whole compilation.
    public static readonly DiagnosticDescriptor ServerFunctionCannotBeBuilt = Create(
        DiagnosticIds.ServerFunctionCannotBeBuilt,
        "Server function cannot be generated",
        "Server function {0} cannot be generated: {1}",
        Usage,
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor SessionDataWithoutGuard = Create(
        DiagnosticIds.SessionDataWithoutGuard,
        "Session data parameter on an unguarded endpoint",
        "Parameter '{0}' of {1} is session data but the endpoint is not guarded, so it can be null: add [RequireSession] or declare it as {2}?",
        Usage,
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor ConflictingGuardAttributes = Create(
        DiagnosticIds.ConflictingGuardAttributes,
        "[RequireSession] or [Authorize] contradicted by [AllowAnonymous]",
        "{0} is marked [{1}], but [AllowAnonymous] {2} {3}; remove the one you do not mean",
        Usage,
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor PasswordLiteral = Create(
        DiagnosticIds.PasswordLiteral,
        "Session password written in source",
        "The session password is a string literal: read it from configuration (for example builder.Configuration[\"SessionAuth:Password\"]), with no literal to fall back on",
        Security,
        DiagnosticSeverity.Warning);

    // Reported per type as you type; how many [SessionData] types there are is SAUTH0011, which needs the whole compilation.
    public static readonly DiagnosticDescriptor SessionDataType = Create(
        DiagnosticIds.SessionDataType,
        "Session data type cannot round-trip through JSON",
        "Session data type {0} cannot round-trip through System.Text.Json: {1}",
        Usage,
        DiagnosticSeverity.Error);

    // An error: the attribute asks for something the function will never do. The runtime keeps such answers out of the
    // output cache whatever the attribute says (a stored answer is served before any guard runs), so the attribute is
    // not honoured, and an attribute that is not honoured must not pass in silence.
    public static readonly DiagnosticDescriptor OutputCacheOnPersonalisedFunction = Create(
        DiagnosticIds.OutputCacheOnPersonalisedFunction,
        "[OutputCache] on a server function whose answer depends on the session",
        "Server function {0} {1}, so its answer depends on who asks, and it is never output-cached: a stored answer would be served to the next caller before any guard runs. Remove [OutputCache], or move what can be shared into a function that does not read the session.",
        Usage,
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor SessionChangedOnGet = Create(
        DiagnosticIds.SessionChangedOnGet,
        "GET server function changes the session",
        "Server function {0} answers GET but calls {1}: GET requests cross sites under SameSite=Lax, so session changes belong on POST",
        Security,
        DiagnosticSeverity.Warning);

    // Compilation end: a UseSessionAuth() call anywhere in the project answers for every guard site, so the rule can
    // only decide once every file has been seen. An error, not a warning: the author asked for these endpoints to be
    // guarded, and without the middleware nothing enforces that.
    public static readonly DiagnosticDescriptor MetadataGuardWithoutMiddleware = new(
        DiagnosticIds.MetadataGuardWithoutMiddleware,
        "Endpoints are guarded through metadata but UseSessionAuth() is never called",
        "This project guards endpoints through metadata ({0}), which only app.UseSessionAuth() enforces, and never calls it: add app.UseSessionAuth() after UseRouting() and UseAuthentication()",
        Security,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpLink(DiagnosticIds.MetadataGuardWithoutMiddleware),
        customTags: WellKnownDiagnosticTags.CompilationEnd);

    // Compilation end: two functions on one route are found only once every function has been seen.
    public static readonly DiagnosticDescriptor ServerFunctionsShareRoute = new(
        DiagnosticIds.ServerFunctionsShareRoute,
        "Two server functions answer the same verb and route",
        "Server function {0} cannot be generated: {1} answers the same verb and route ({2})",
        Usage,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpLink(DiagnosticIds.ServerFunctionsShareRoute),
        customTags: WellKnownDiagnosticTags.CompilationEnd);

    // Compilation end: a fact of the references, not of one symbol. A warning: the app builds and runs, but without
    // server functions its MapServerFunctions() would map were the library rebuilt, which must not pass in silence.
    // The message says why (ServerFunctionAnalyzer.ReportReferencedMapsNotCalled): a library built by an earlier
    // generator, two of one name and public key, or one whose client model this version cannot read.
    public static readonly DiagnosticDescriptor ReferencedFunctionsNotMapped = new(
        DiagnosticIds.ReferencedFunctionsNotMapped,
        "A referenced assembly's server functions are not mapped or not in the client",
        "{0}",
        Usage,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        helpLinkUri: HelpLink(DiagnosticIds.ReferencedFunctionsNotMapped),
        customTags: WellKnownDiagnosticTags.CompilationEnd);

    // Compilation end: "none" and "more than one" are known only once every type has been seen.
    public static readonly DiagnosticDescriptor SessionDataTypeCount = new(
        DiagnosticIds.SessionDataTypeCount,
        "Session data type is missing or repeated",
        "{0}",
        Usage,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpLink(DiagnosticIds.SessionDataTypeCount),
        customTags: WellKnownDiagnosticTags.CompilationEnd);

    // Its own id, so each id has one severity: a short literal is refused at startup, so the app cannot run at all.
    public static readonly DiagnosticDescriptor PasswordTooShort = Create(
        DiagnosticIds.PasswordTooShort,
        "Session password literal is too short for the app to start",
        "The session password is a string literal of {0} characters, fewer than the {1} the app needs to start: read it from configuration (for example builder.Configuration[\"SessionAuth:Password\"])",
        Security,
        DiagnosticSeverity.Error);

    // The rule type itself: no Allows, two of them, a session type the app does not have, or out of the endpoint's reach.
    public static readonly DiagnosticDescriptor SessionRuleCannotBeChecked = Create(
        DiagnosticIds.SessionRuleCannotBeChecked,
        "Session rule cannot be checked",
        "Rule {0} on {1} cannot be checked: {2}",
        Usage,
        DiagnosticSeverity.Error);

    // Its own id, apart from SAUTH0015, because both of its cases have one obvious fix (add Argument, remove it).
    public static readonly DiagnosticDescriptor SessionRuleArgumentMissingOrUnwanted = Create(
        DiagnosticIds.SessionRuleArgumentMissingOrUnwanted,
        "Session rule's Argument is missing or not wanted",
        "Rule {0} on {1} {2}",
        Usage,
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor SessionRuleArgumentUnreadable = Create(
        DiagnosticIds.SessionRuleArgumentUnreadable,
        "Session rule's Argument names no value the rule can read",
        "Rule {0} on {1}: Argument '{2}' {3}",
        Usage,
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor SessionRuleNeverChecked = Create(
        DiagnosticIds.SessionRuleNeverChecked,
        "Session rule on a member no endpoint reads",
        "Rule {0} on {1} is never checked: {2}",
        Security,
        DiagnosticSeverity.Error);

    /// <summary>SAUTH0005's outcome when the <c>[AllowAnonymous]</c> wins.</summary>
    public const string AllowAnonymousWins = "opens it ([AllowAnonymous] wins)";

    /// <summary>SAUTH0005's outcome when a server function's nearer <c>[Authorize]</c> overrides an <c>[AllowAnonymous]</c> around it.</summary>
    public const string NearestDecisionWins = "does not open it, since a server function's nearest decision wins (on a controller the [AllowAnonymous] would win, ASP0026)";

    public const string FriendFunctionAdvice = "its attributes decide nothing, and a guard on {0}'s own MapServerFunctions() does not reach this one, whose endpoints answer anyone: call RequireSession(), RequireAuthorization() or AllowAnonymous() on this MapServerFunctions(), or mark the function in {0} [RequireSession] or [AllowAnonymous]";
    public const string UnknownFriendFunctionsAdvice = "{0} was built by an earlier SessionAuth.Generators, which does not record which of its functions decide, and a guard on {0}'s own MapServerFunctions() does not reach this one: call RequireSession(), RequireAuthorization() or AllowAnonymous() on this MapServerFunctions(), or rebuild {0}";
    public const string ServerFunctionAdvice = "mark it, its class or the assembly [RequireSession] or [AllowAnonymous], or it or its class [Authorize]";
    public const string MinimalApiAdvice = "mark the handler [RequireSession], [Authorize] or [AllowAnonymous], or call RequireSession(), RequireAuthorization() or AllowAnonymous() on the endpoint or its route group";
    public const string ConditionalGuardAdvice = "its guard convention is applied on some paths only (under an if, through a local that may hold another builder there, or by some of the callers it is returned to), and the endpoint is open on the others: apply RequireSession(), RequireAuthorization() or AllowAnonymous() on every path";
    public const string TooDeepAdvice = "the helper chain it is mapped through (or guarded through) is too deep to follow, so its guard cannot be seen: guard the endpoint or its route group nearer to where it is mapped, with RequireSession(), RequireAuthorization() or AllowAnonymous()";
    public const string HubOrHealthCheckAdvice = "call RequireSession(), RequireAuthorization() or AllowAnonymous() on it or its route group (a hub may instead carry the attribute on its class)";
    public const string ActionAdvice = "mark the action or its controller [RequireSession], [Authorize] or [AllowAnonymous], or call RequireAuthorization() on MapControllers()";

    /// <summary>For a page some mappings leave open; <paramref name="mappings"/> names those calls as written (<c>MapRazorComponents&lt;App&gt;()</c>).</summary>
    public static string RazorComponentAdvice(string mappings) =>
        "mark the component [RequireSession], [Authorize] or [AllowAnonymous] (in a .razor file: @attribute [RequireSession]), or call RequireSession(), RequireAuthorization() or AllowAnonymous() on " + mappings;

    /// <summary>For a mapping whose root component is a type parameter (<paramref name="root"/>, of <paramref name="owner"/>) some of whose types cannot be seen.</summary>
    public static string UnknownRootAdvice(string root, string owner) =>
        $"its root component {root} is a type parameter of {owner}, and not every type it stands for can be seen in this compilation (a caller in another assembly, a call through an interface, a base class or reflection, or no call at all), so the pages it routes are not known: call RequireSession(), RequireAuthorization() or AllowAnonymous() on it";

    private static DiagnosticDescriptor Create(string id, string title, string messageFormat, string category, DiagnosticSeverity severity) =>
        new(id, title, messageFormat, category, severity, isEnabledByDefault: true, helpLinkUri: HelpLink(id));

    public static string HelpLink(string id) => $"https://github.com/sessionauth/sessionauth/blob/main/docs/rules/{id}.md";
}
