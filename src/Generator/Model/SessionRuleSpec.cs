namespace SessionAuth.Generators.Model;

/// <summary>
/// One <c>[RequireSession&lt;TRule&gt;]</c> that applies to a server function, as the generated endpoint calls it:
/// <c>TRule.Allows(session)</c>, or <c>TRule.Allows(session, argument)</c> with the bound value of one parameter.
/// </summary>
/// <param name="Type">The rule type, <c>global::</c>-qualified.</param>
/// <param name="Name">The rule's short name, which a refused request's answer names.</param>
/// <param name="Argument">For a two-argument rule, the parameter it reads; <see langword="null"/> for a one-argument rule.</param>
/// <param name="ArgumentIndex">The position of <see cref="Argument"/> among the function's bound values (<see cref="ServerFunctionSpec.Parameters"/>, where an <c>[AsParameters]</c> parameter's members take its place), or -1.</param>
/// <param name="ArgumentType">The type of <see cref="Argument"/>, <c>global::</c>-qualified, or <see langword="null"/>.</param>
/// <param name="RuleSessionType">The session type of the rule's interface, <c>global::</c>-qualified.</param>
/// <param name="RuleArgumentType">The argument type of the rule's interface (with its nullable annotation), or <see langword="null"/>.</param>
internal sealed record SessionRuleSpec(string Type, string Name, string? Argument, int ArgumentIndex, string? ArgumentType, string RuleSessionType, string? RuleArgumentType)
{
    public bool TakesArgument => Argument is not null;
}

/// <summary>
/// A rule type the project declares or names in <c>[RequireSession&lt;TRule&gt;]</c>, registered at start-up so that
/// <c>UseSessionAuth()</c> can evaluate it on endpoints guarded through metadata.
/// </summary>
/// <param name="Type">The rule type, <c>global::</c>-qualified.</param>
/// <param name="SessionType">The session data type the rule reads, <c>global::</c>-qualified.</param>
/// <param name="ArgumentType">For a two-argument rule, the argument type (with its nullable annotation); otherwise <see langword="null"/>.</param>
/// <param name="ArgumentBinding">
/// For a two-argument rule, the <c>ParameterBinding</c> factory call that reads the argument from text, written over the
/// lambda parameters <c>name</c> and <c>source</c>; <see langword="null"/> when the type cannot be read from text.
/// </param>
/// <param name="DisabledWarnings">The warnings naming the rule raises ([Obsolete], [Experimental] ids), which its registration disables.</param>
internal sealed record SessionRuleRegistrationSpec(string Type, string SessionType, string? ArgumentType, string? ArgumentBinding, EquatableArray<string> DisabledWarnings);

/// <summary>
/// A rule type the project names in <c>[RequireSession&lt;TRule&gt;]</c> but generated code cannot name, so it is never
/// registered: the registrations file records why, which the start-up check of an endpoint guarded by it says.
/// </summary>
/// <param name="RuntimeName">The rule type's <c>Type.FullName</c>.</param>
/// <param name="Reason">Why it is not registered ("its registration, generated code in a file of its own, cannot name it: ...").</param>
internal sealed record SessionRuleRefusalSpec(string RuntimeName, string Reason);

/// <summary>The rules named by the <c>[RequireSession&lt;TRule&gt;]</c> attributes of one symbol or one Razor file.</summary>
/// <param name="Registered">The rules registered.</param>
/// <param name="Refused">The rules that cannot be registered, and why.</param>
internal sealed record NamedSessionRulesSpec(EquatableArray<SessionRuleRegistrationSpec> Registered, EquatableArray<SessionRuleRefusalSpec> Refused);

/// <summary>What the registrations file holds: the rules registered and the rules named that cannot be.</summary>
/// <param name="Registered">The rules registered, ordered by type.</param>
/// <param name="Refused">The rules refused, ordered by name.</param>
internal sealed record SessionRuleRegistrationsSpec(EquatableArray<SessionRuleRegistrationSpec> Registered, EquatableArray<SessionRuleRefusalSpec> Refused);
