using Microsoft.AspNetCore.Http;
using SessionAuth.Infrastructure;

namespace SessionAuth;

/// <summary>
/// Evaluates the rules of an endpoint guarded through metadata (<see cref="SessionEndpointMetadata.Rules"/>) once its
/// session is open: every rule must hold. Nothing is allocated when they do; a refusal is an answer, never an exception.
/// </summary>
internal static class SessionEndpointRules
{
    /// <summary>
    /// <see langword="null"/> when every rule holds; otherwise the task that writes the answer: the guard's forbidden
    /// answer naming the first rule that refused, or 400 naming the argument a rule could not read.
    /// </summary>
    public static Task? Check(HttpContext httpContext, IReadOnlyList<RequireSessionAttribute> requirements, Session session, SessionGuard guard)
    {
        var data = session.UntypedData!;
        ServerFunctionArguments? arguments = null;
        for (var i = 0; i < requirements.Count; i++)
        {
            var requirement = requirements[i];
            if (requirement.Rule is not { } rule)
            {
                continue;
            }

            // An unregistered rule refuses the start (SessionRuleStartupCheck); should one be met anyway, it allows nothing.
            var outcome = requirement.RuleEvaluator is { } evaluator
                ? evaluator.Evaluate(requirement, data, ref arguments, httpContext)
                : SessionRuleOutcome.Refused;
            if (outcome == SessionRuleOutcome.Refused)
            {
                return guard.ForbidAsync(httpContext, rule.Name);
            }

            if (outcome == SessionRuleOutcome.InvalidArgument)
            {
                httpContext.Response.Headers.CacheControl = "no-store";
                return arguments!.WriteFailureAsync();
            }
        }

        return null;
    }
}
