using Microsoft.AspNetCore.Http;
using SessionAuth.Infrastructure;

namespace SessionAuth;

/// <summary>
/// Where a rule type's evaluator lives once <see cref="SessionRules"/> registered it: one static field per rule type, read
/// by <see cref="RequireSessionAttribute{TRule}"/>, so finding a rule's code needs neither reflection nor a dictionary.
/// </summary>
/// <typeparam name="TRule">The rule type.</typeparam>
internal static class SessionRuleSlot<TRule>
{
    public static SessionRuleEvaluator? Evaluator;
}

/// <summary>What a rule answered a request.</summary>
internal enum SessionRuleOutcome
{
    Allowed,
    Refused,

    /// <summary>The argument the rule reads is missing or not valid; the arguments hold the failure to answer (400).</summary>
    InvalidArgument,
}

/// <summary>
/// Evaluates one rule type for <c>UseSessionAuth()</c>: its generic subclasses call <c>TRule.Allows</c> directly.
/// </summary>
internal abstract class SessionRuleEvaluator
{
    /// <summary>The session data type the rule reads; the app's must be the same.</summary>
    public abstract Type SessionType { get; }

    /// <summary>Whether the rule reads an argument besides the session.</summary>
    public abstract bool TakesArgument { get; }

    /// <summary>Whether the argument can be read from a route value or the query string (a text the binding parses).</summary>
    public abstract bool ReadsArgumentFromText { get; }

    /// <summary>
    /// Asks the rule about <paramref name="data"/> (and, for a rule over an argument, the value of
    /// <paramref name="attribute"/>'s <c>Argument</c>, from the route values or else the query string).
    /// </summary>
    /// <param name="attribute">The attribute that names the rule; it keeps the argument's bindings.</param>
    /// <param name="data">The session data of an authenticated session.</param>
    /// <param name="arguments">The request's arguments, read on first need and shared by the endpoint's rules.</param>
    /// <param name="httpContext">The current request.</param>
    public abstract SessionRuleOutcome Evaluate(RequireSessionAttribute attribute, object data, ref ServerFunctionArguments? arguments, HttpContext httpContext);
}

internal sealed class SessionRuleEvaluator<TRule, TSession> : SessionRuleEvaluator
    where TRule : ISessionRule<TSession>
    where TSession : class
{
    public override Type SessionType => typeof(TSession);

    public override bool TakesArgument => false;

    public override bool ReadsArgumentFromText => false;

    // Data of another type never reaches here (the start is refused); should it, the rule cannot allow it.
    public override SessionRuleOutcome Evaluate(RequireSessionAttribute attribute, object data, ref ServerFunctionArguments? arguments, HttpContext httpContext) =>
        data is TSession session && TRule.Allows(session) ? SessionRuleOutcome.Allowed : SessionRuleOutcome.Refused;
}

internal sealed class SessionRuleEvaluator<TRule, TSession, TArgument>(Func<string, ArgumentSource, ParameterBinding<TArgument>>? binding) : SessionRuleEvaluator
    where TRule : ISessionRule<TSession, TArgument>
    where TSession : class
{
    public override Type SessionType => typeof(TSession);

    public override bool TakesArgument => true;

    public override bool ReadsArgumentFromText => binding is not null;

    public override SessionRuleOutcome Evaluate(RequireSessionAttribute attribute, object data, ref ServerFunctionArguments? arguments, HttpContext httpContext)
    {
        // The start-up check refuses an endpoint whose rule has no argument name or cannot read its argument from text.
        if (binding is null || attribute is not RequireSessionAttribute<TRule> { Argument: { } name } rule || data is not TSession session)
        {
            return SessionRuleOutcome.Refused;
        }

        // As the endpoint itself binds it: a route value when the route has one by that name, else the query string.
        var source = httpContext.Request.RouteValues.ContainsKey(name) ? ArgumentSource.Route : ArgumentSource.Query;
        var bindings = rule.ArgumentBindings;
        var index = source == ArgumentSource.Route ? 0 : 1;
        var argumentBinding = bindings[index] as ParameterBinding<TArgument>;
        if (argumentBinding is null)
        {
            argumentBinding = binding(name, source);
            bindings[index] = argumentBinding;
        }

        arguments ??= ServerFunctionArguments.ForRouteAndQuery(httpContext);
        if (!arguments.TryBind(argumentBinding, out var value))
        {
            return SessionRuleOutcome.InvalidArgument;
        }

        return TRule.Allows(session, value) ? SessionRuleOutcome.Allowed : SessionRuleOutcome.Refused;
    }
}
