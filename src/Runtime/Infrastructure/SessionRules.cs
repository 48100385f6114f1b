using System.Collections.Concurrent;
using System.ComponentModel;

namespace SessionAuth.Infrastructure;

/// <summary>
/// Registers session rules so that <c>UseSessionAuth()</c> can evaluate a <see cref="RequireSessionAttribute{TRule}"/>
/// found in an endpoint's metadata (a minimal API handler, a controller action, a Razor component) without reflection:
/// each registration stores, in a static slot of the rule type, an evaluator whose generic code calls the rule's static
/// <c>Allows</c>.
/// </summary>
/// <remarks>
/// Called by generated code, from a module initializer, for every rule type a project declares or names in a
/// <c>[RequireSession&lt;TRule&gt;]</c>. Not meant to be called directly. An app whose endpoints carry a rule that was
/// never registered (its project does not run the SessionAuth generator) does not start.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class SessionRules
{
    /// <summary>Why each rule a project names but generated code cannot name is not registered, by <c>Type.FullName</c>.</summary>
    private static readonly ConcurrentDictionary<string, string> NotRegisteredReasons = new(StringComparer.Ordinal);

    /// <summary>
    /// Asks a rule over the session alone, through its interface: generated endpoints call this rather than the rule type's
    /// own <c>Allows</c>, so a rule that implements it explicitly is asked, and asked the same way as by <c>UseSessionAuth()</c>.
    /// </summary>
    /// <typeparam name="TRule">The rule type.</typeparam>
    /// <typeparam name="TSession">The session data type the rule reads.</typeparam>
    /// <param name="session">The request's session data.</param>
    /// <returns>Whether the rule allows the session.</returns>
    public static bool Allows<TRule, TSession>(TSession session)
        where TRule : ISessionRule<TSession> =>
        TRule.Allows(session);

    /// <summary>Asks a rule over the session and one argument, through its interface (see <see cref="Allows{TRule, TSession}"/>).</summary>
    /// <typeparam name="TRule">The rule type.</typeparam>
    /// <typeparam name="TSession">The session data type the rule reads.</typeparam>
    /// <typeparam name="TArgument">The type of the argument the rule reads.</typeparam>
    /// <param name="session">The request's session data.</param>
    /// <param name="argument">The bound argument.</param>
    /// <returns>Whether the rule allows the session with this argument.</returns>
    public static bool Allows<TRule, TSession, TArgument>(TSession session, TArgument argument)
        where TRule : ISessionRule<TSession, TArgument> =>
        TRule.Allows(session, argument);

    /// <summary>Registers a rule over the session alone.</summary>
    /// <typeparam name="TRule">The rule type.</typeparam>
    /// <typeparam name="TSession">The session data type the rule reads.</typeparam>
    public static void Register<TRule, TSession>()
        where TRule : ISessionRule<TSession>
        where TSession : class =>
        SessionRuleSlot<TRule>.Evaluator ??= new SessionRuleEvaluator<TRule, TSession>();

    /// <summary>Registers a rule over the session and one argument, read from the route values or the query string.</summary>
    /// <typeparam name="TRule">The rule type.</typeparam>
    /// <typeparam name="TSession">The session data type the rule reads.</typeparam>
    /// <typeparam name="TArgument">The type of the argument the rule reads.</typeparam>
    /// <param name="binding">
    /// Creates the binding that reads the argument by name from a source, parsed as a server function parameter of that type
    /// is; <see langword="null"/> when the type cannot be read from text, and then the rule works on server functions only.
    /// </param>
    public static void Register<TRule, TSession, TArgument>(Func<string, ArgumentSource, ParameterBinding<TArgument>>? binding)
        where TRule : ISessionRule<TSession, TArgument>
        where TSession : class =>
        SessionRuleSlot<TRule>.Evaluator ??= new SessionRuleEvaluator<TRule, TSession, TArgument>(binding);

    /// <summary>
    /// Records that a rule the project names in <c>[RequireSession&lt;TRule&gt;]</c> cannot be registered, because generated
    /// code cannot name it; an endpoint guarded by it refuses the start with this reason.
    /// </summary>
    /// <param name="ruleType">The rule type's <see cref="Type.FullName"/>.</param>
    /// <param name="reason">Why it is not registered, which the start-up refusal says after the rule's name.</param>
    public static void NotRegistered(string ruleType, string reason)
    {
        ArgumentNullException.ThrowIfNull(ruleType);
        ArgumentNullException.ThrowIfNull(reason);
        NotRegisteredReasons[ruleType] = reason;
    }

    /// <summary>Why <paramref name="rule"/> is not registered, when a project that names it said so; otherwise <see langword="null"/>.</summary>
    internal static string? WhyNotRegistered(Type rule) =>
        rule.FullName is { } name && NotRegisteredReasons.TryGetValue(name, out var reason) ? reason : null;
}
