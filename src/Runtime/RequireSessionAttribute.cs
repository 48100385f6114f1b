namespace SessionAuth;

/// <summary>
/// Requires a valid session before a server function runs. Applies to a method, to every server function of a class,
/// or, with <c>[assembly: RequireSession]</c>, to every server function of an assembly.
/// <see cref="Microsoft.AspNetCore.Authorization.AllowAnonymousAttribute"/> on a method opts it out of a class- or
/// assembly-level guard.
/// </summary>
/// <remarks>
/// Without a session, a browser navigation or form post is redirected to the login path (302, or 303 after a POST)
/// with the original path in the return-URL parameter; a script or API call gets 401 with an
/// <c>application/problem+json</c> body and an <c>X-Session-Redirect</c> header carrying the login URL.
/// </remarks>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class | AttributeTargets.Assembly, AllowMultiple = false, Inherited = true)]
public class RequireSessionAttribute : Attribute
{
    /// <summary>
    /// The local path to send anonymous users to, such as <c>/admin/login</c>; when <see langword="null"/>,
    /// <see cref="SessionAuthOptions.LoginPath"/>. A value that is not a local path fails at startup.
    /// </summary>
    public string? RedirectTo { get; set; }

    /// <summary>The rule a <see cref="RequireSessionAttribute{TRule}"/> names; <see langword="null"/> for a plain <c>[RequireSession]</c>.</summary>
    internal virtual Type? Rule => null;

    /// <summary>The rule's name as answers give it: its type's name without a generic arity (<c>Own</c>, not <c>Own`1</c>), as the generator writes it.</summary>
    internal virtual string? RuleName => null;

    /// <summary>How <c>UseSessionAuth()</c> evaluates <see cref="Rule"/>; <see langword="null"/> until the rule is registered.</summary>
    internal virtual SessionRuleEvaluator? RuleEvaluator => null;

    /// <summary>The name of the parameter a rule over an argument reads.</summary>
    internal virtual string? RuleArgument => null;
}
