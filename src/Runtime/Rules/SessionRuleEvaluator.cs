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

    /// <summary>The argument the rule reads is missing or not valid: the failure is answered (400).</summary>
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

    /// <summary>The type of the argument the rule reads; <see langword="null"/> for a rule over the session alone.</summary>
    public abstract Type? ArgumentType { get; }

    /// <summary>
    /// Asks the rule about <paramref name="data"/> and a value the endpoint itself bound for the argument (a server
    /// function's parameter, an MVC action's argument): the very value the endpoint acts on, whatever it was read from.
    /// </summary>
    /// <typeparam name="TValue">The type the endpoint bound the value as.</typeparam>
    /// <param name="data">The session data of an authenticated session.</param>
    /// <param name="value">The bound value.</param>
    /// <param name="name">The argument's name, for the failure.</param>
    /// <param name="failure">When the outcome is <see cref="SessionRuleOutcome.InvalidArgument"/>, why the value cannot be judged.</param>
    public abstract SessionRuleOutcome Judge<TValue>(object data, TValue value, string name, out ArgumentFailure failure);

    /// <summary>
    /// Asks <paramref name="requirement"/>'s rule about a value the endpoint bound, with the request's session, which the
    /// guard that admitted the request opened; without one, or with a rule never registered, nothing is allowed.
    /// </summary>
    public static SessionRuleOutcome JudgeBound<TValue>(RequireSessionAttribute requirement, HttpContext httpContext, TValue value, string name, out ArgumentFailure failure)
    {
        failure = default;
        return httpContext.Features.Get<Session>() is { IsAuthenticated: true, UntypedData: { } data } && requirement.RuleEvaluator is { } evaluator
            ? evaluator.Judge(data, value, name, out failure)
            : SessionRuleOutcome.Refused;
    }

    /// <summary>
    /// Asks the rule about <paramref name="data"/> (and, for a rule over an argument, the value of
    /// <paramref name="attribute"/>'s <c>Argument</c>, from the route values or else the query string).
    /// </summary>
    /// <param name="attribute">The attribute that names the rule; it keeps the argument's bindings.</param>
    /// <param name="data">The session data of an authenticated session.</param>
    /// <param name="httpContext">The current request.</param>
    /// <param name="failure">When the outcome is <see cref="SessionRuleOutcome.InvalidArgument"/>, why the argument did not bind.</param>
    public abstract SessionRuleOutcome Evaluate(RequireSessionAttribute attribute, object data, HttpContext httpContext, out ArgumentFailure failure);
}

internal sealed class SessionRuleEvaluator<TRule, TSession> : SessionRuleEvaluator
    where TRule : ISessionRule<TSession>
    where TSession : class
{
    public override Type SessionType => typeof(TSession);

    public override bool TakesArgument => false;

    public override bool ReadsArgumentFromText => false;

    public override Type? ArgumentType => null;

    // The start-up check refuses an Argument given to a rule over the session alone; should one be judged, it allows nothing.
    public override SessionRuleOutcome Judge<TValue>(object data, TValue value, string name, out ArgumentFailure failure)
    {
        failure = default;
        return SessionRuleOutcome.Refused;
    }

    // Data of another type never reaches here (the start is refused); should it, the rule cannot allow it.
    public override SessionRuleOutcome Evaluate(RequireSessionAttribute attribute, object data, HttpContext httpContext, out ArgumentFailure failure)
    {
        failure = default;
        return data is TSession session && TRule.Allows(session) ? SessionRuleOutcome.Allowed : SessionRuleOutcome.Refused;
    }
}

internal sealed class SessionRuleEvaluator<TRule, TSession, TArgument>(Func<string, ArgumentSource, ParameterBinding<TArgument>>? binding) : SessionRuleEvaluator
    where TRule : ISessionRule<TSession, TArgument>
    where TSession : class
{
    public override Type SessionType => typeof(TSession);

    public override bool TakesArgument => true;

    public override bool ReadsArgumentFromText => binding is not null;

    public override Type? ArgumentType => typeof(TArgument);

    public override SessionRuleOutcome Judge<TValue>(object data, TValue value, string name, out ArgumentFailure failure)
    {
        failure = default;
        if (data is not TSession session)
        {
            return SessionRuleOutcome.Refused;
        }

        // The bound value as the rule's type: the same type, a nullable of it or the value under a nullable, a derived
        // class. Nothing bound is null, which only a rule over a nullable or reference type can judge.
        if (value is TArgument argument)
        {
            return TRule.Allows(session, argument) ? SessionRuleOutcome.Allowed : SessionRuleOutcome.Refused;
        }

        if (value is null && default(TArgument) is null)
        {
            return TRule.Allows(session, default!) ? SessionRuleOutcome.Allowed : SessionRuleOutcome.Refused;
        }

        failure = value is null
            ? new ArgumentFailure(name, $"The argument '{name}' is required.")
            : new ArgumentFailure(name, $"The argument '{name}' is bound as {typeof(TValue).Name}, which the rule {typeof(TRule).Name.Split('`')[0]} over {typeof(TArgument).Name} cannot judge.");
        return SessionRuleOutcome.InvalidArgument;
    }

    public override SessionRuleOutcome Evaluate(RequireSessionAttribute attribute, object data, HttpContext httpContext, out ArgumentFailure failure)
    {
        failure = default;

        // The start-up check refuses an endpoint whose rule has no argument name or cannot read its argument from text.
        if (binding is null || attribute is not RequireSessionAttribute<TRule> { Argument: { } name } rule || data is not TSession session)
        {
            return SessionRuleOutcome.Refused;
        }

        // The value the endpoint acts on, and nothing else: a route value when the endpoint's route declares one by that
        // name (present or not: an optional one left out is no licence to read the query), else the query string. The
        // same name given a second way (the query beside a route parameter, a form field, which MVC reads first) is a
        // value the rule might not have judged, so it is refused rather than guessed at.
        var request = httpContext.Request;
        var inRoute = httpContext.GetEndpoint() is Microsoft.AspNetCore.Routing.RouteEndpoint endpoint && endpoint.RoutePattern.GetParameter(name) is not null;
        var inQuery = request.Query.ContainsKey(name);
        var inForm = request.HasFormContentType && FormCarries(request.Form, name);
        if ((inRoute && inQuery) || inForm)
        {
            failure = new ArgumentFailure(name, $"The argument '{name}' was given {(inForm ? "in the form body" : "both in the route and in the query string")}, where a rule over it would not read it; send it once, {(inRoute ? "in the route" : "in the query string")}.");
            return SessionRuleOutcome.InvalidArgument;
        }

        // Read from the request itself, as the endpoint's own binding of the same name reads it: no arguments object
        // is made for it. The generated registration's bindings all read text (a route value or the query string is
        // text); should another ever be registered, it can read no argument here, and the rule allows nothing.
        var source = inRoute ? ArgumentSource.Route : ArgumentSource.Query;
        var bindings = rule.ArgumentBindings;
        var index = source == ArgumentSource.Route ? 0 : 1;
        if (bindings[index] is not ParameterBinding.TextBinding<TArgument> argumentBinding)
        {
            if (binding(name, source) is not ParameterBinding.TextBinding<TArgument> created)
            {
                return SessionRuleOutcome.Refused;
            }

            bindings[index] = argumentBinding = created;
        }

        if (!argumentBinding.TryBindFromRequest(request, out var value, out failure))
        {
            return SessionRuleOutcome.InvalidArgument;
        }

        return TRule.Allows(session, value) ? SessionRuleOutcome.Allowed : SessionRuleOutcome.Refused;
    }

    /// <summary>
    /// Whether a form field can bind <paramref name="name"/> for some endpoint: the name itself, or a key MVC's jQuery form
    /// value provider reads as it or under it (<c>house[]</c>, <c>house[0]</c>, <c>house[x]</c>, <c>house.x</c>).
    /// </summary>
    private static bool FormCarries(IFormCollection form, string name)
    {
        foreach (var key in form.Keys)
        {
            if (key.StartsWith(name, StringComparison.OrdinalIgnoreCase) && (key.Length == name.Length || key[name.Length] is '[' or '.'))
            {
                return true;
            }
        }

        return false;
    }
}
