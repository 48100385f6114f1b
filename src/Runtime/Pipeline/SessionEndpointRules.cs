using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using SessionAuth.Infrastructure;

namespace SessionAuth;

/// <summary>
/// Evaluates the rules of an endpoint guarded through metadata (<see cref="SessionEndpointMetadata.Rules"/>) once its
/// session is open: every rule must hold. Asking them allocates nothing, a rule over an argument included (it reads the
/// request's route values or query string itself); a refusal is an answer, never an exception.
/// </summary>
internal static class SessionEndpointRules
{
    /// <summary>
    /// Whether a rule reads an argument while the request carries a form that is not read yet: the form must be read
    /// (<see cref="ReadFormAsync"/>) before <see cref="Check"/>, which looks for the argument's name among its fields.
    /// </summary>
    public static bool NeedsForm(HttpContext httpContext, IReadOnlyList<RequireSessionAttribute> requirements)
    {
        if (!httpContext.Request.HasFormContentType || httpContext.Features.Get<IFormFeature>() is { Form: not null })
        {
            return false;
        }

        for (var i = 0; i < requirements.Count; i++)
        {
            if (requirements[i].RuleEvaluator is { TakesArgument: true })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Reads the form (the endpoint reads the cached one); a form that cannot be read is answered 400, and <see langword="false"/> returned.</summary>
    public static async Task<bool> ReadFormAsync(HttpContext httpContext)
    {
        try
        {
            await httpContext.Request.ReadFormAsync(httpContext.RequestAborted).ConfigureAwait(false);
            return true;
        }
        catch (Exception exception) when (exception is InvalidDataException or IOException or BadHttpRequestException)
        {
            httpContext.Response.StatusCode = StatusCodes.Status400BadRequest;
            httpContext.Response.Headers.CacheControl = "no-store";
            return false;
        }
    }

    /// <summary>
    /// <see langword="null"/> when every rule holds; otherwise the task that writes the answer: the guard's forbidden
    /// answer naming the first rule that refused, or 400 naming the argument a rule could not read.
    /// </summary>
    public static Task? Check(HttpContext httpContext, IReadOnlyList<RequireSessionAttribute> requirements, Session session, SessionGuard guard)
    {
        var data = session.UntypedData!;
        var action = httpContext.GetEndpoint()?.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.Abstractions.ActionDescriptor>();
        for (var i = 0; i < requirements.Count; i++)
        {
            var requirement = requirements[i];
            if (requirement.Rule is not { } rule)
            {
                continue;
            }

            // A controller action's own argument is judged once MVC has bound it, on the bound value (SessionRuleActionFilter).
            if (action is not null && requirement.RuleArgument is { } name && SessionRuleActionFilter.BoundParameter(action, name) is not null)
            {
                continue;
            }

            // An unregistered rule refuses the start (SessionRuleStartupCheck); should one be met anyway, it allows nothing.
            var failure = default(ArgumentFailure);
            var outcome = requirement.RuleEvaluator?.Evaluate(requirement, data, httpContext, out failure) ?? SessionRuleOutcome.Refused;
            if (outcome == SessionRuleOutcome.Refused)
            {
                return guard.ForbidAsync(httpContext, requirement.RuleName ?? rule.Name);
            }

            if (outcome == SessionRuleOutcome.InvalidArgument)
            {
                httpContext.Response.Headers.CacheControl = "no-store";
                return failure.WriteAsync(httpContext.Response);
            }
        }

        return null;
    }
}
