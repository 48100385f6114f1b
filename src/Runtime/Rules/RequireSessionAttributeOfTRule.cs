namespace SessionAuth;

/// <summary>
/// Requires a session for which the rule <typeparamref name="TRule"/> holds. It implies
/// <see cref="RequireSessionAttribute">[RequireSession]</see> (an anonymous request is sent to log in, and
/// <see cref="RequireSessionAttribute.RedirectTo"/> works here too); a signed-in request the rule refuses is forbidden:
/// a script gets 403 problem+json naming the rule, a navigation is redirected to
/// <see cref="SessionAuthOptions.AccessDeniedPath"/> when it is set, else answered 403.
/// </summary>
/// <remarks>
/// Several rules on one member, or on the member and its classes, must all hold. On a server function the generated
/// endpoint calls <c>TRule.Allows</c> directly; on a minimal API handler or a Razor component <c>UseSessionAuth()</c>
/// evaluates it. Either way no reflection runs: the rule is checked against the session type at compile time.
/// </remarks>
/// <typeparam name="TRule">An <see cref="ISessionRule{TSession}"/> or <see cref="ISessionRule{TSession, TArgument}"/>.</typeparam>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class, AllowMultiple = true, Inherited = true)]
public sealed class RequireSessionAttribute<TRule> : RequireSessionAttribute
    where TRule : ISessionRule
{
    /// <summary>
    /// For an <see cref="ISessionRule{TSession, TArgument}"/>, the name of the endpoint parameter whose bound value the
    /// rule reads (<c>nameof(house)</c>); must be <see langword="null"/> for a one-argument rule.
    /// </summary>
    public string? Argument { get; set; }

    /// <summary>The rule type, for diagnostics and answers that name it.</summary>
    public Type RuleType => typeof(TRule);

    internal override Type? Rule => typeof(TRule);

    internal override string? RuleName => RuleNames.Name;

    internal override SessionRuleEvaluator? RuleEvaluator => SessionRuleSlot<TRule>.Evaluator;

    internal override string? RuleArgument => Argument;

    /// <summary>The argument's bindings, from the route values and from the query string, built on first use.</summary>
    internal object?[] ArgumentBindings { get; } = new object?[2];

    // Computed once per rule type, so a refusal allocates no name.
    private static class RuleNames
    {
        public static readonly string Name = typeof(TRule).Name.Split('`')[0];
    }
}
