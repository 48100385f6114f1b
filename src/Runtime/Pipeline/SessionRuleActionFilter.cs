using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using SessionAuth.Infrastructure;

namespace SessionAuth;

/// <summary>
/// Judges the rules over an argument an MVC action binds on the value MVC bound for it (<c>ActionArguments</c>), once
/// model binding is done: whichever value provider supplied it (a form field, <c>name[]</c> read by the jQuery form
/// provider, the route, the query, a header, the body, a custom binder), the rule sees exactly what the action gets.
/// <c>AddSessionAuth</c> adds it to <see cref="MvcOptions.Filters"/>; an app whose actions need it while it is missing
/// does not start (<see cref="SessionRuleStartupCheck"/>). Rules over the session alone, and over a value the action does
/// not bind, <c>UseSessionAuth()</c> judges before MVC runs.
/// </summary>
internal sealed class SessionRuleActionFilter : IAsyncActionFilter, IOrderedFilter
{
    /// <summary>First among action filters: the action's own filters never see an argument the rule refused.</summary>
    public int Order => int.MinValue;

    public async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        var httpContext = context.HttpContext;
        if (SessionEndpointMetadata.Read(httpContext.GetEndpoint()).Rules is { } requirements
            && Check(httpContext, context.ActionDescriptor, context.ActionArguments, requirements) is { } refusal)
        {
            await refusal.ConfigureAwait(false);
            context.Result = new EmptyResult();
            return;
        }

        await next().ConfigureAwait(false);
    }

    private static Task? Check(HttpContext httpContext, ActionDescriptor action, IDictionary<string, object?> arguments, IReadOnlyList<RequireSessionAttribute> requirements)
    {
        for (var i = 0; i < requirements.Count; i++)
        {
            var requirement = requirements[i];
            if (requirement.RuleArgument is not { } name || BoundParameter(action, name) is not { } parameter)
            {
                continue;
            }

            // UseSessionAuth() admitted the request with an open, authenticated session; should there be none, nothing is allowed.
            var failure = default(ArgumentFailure);
            arguments.TryGetValue(parameter.Name, out var value);
            var outcome = httpContext.Features.Get<Session>() is { IsAuthenticated: true, UntypedData: { } data } && requirement.RuleEvaluator is { } evaluator
                ? evaluator.Judge(data, value, name, out failure)
                : SessionRuleOutcome.Refused;
            if (outcome == SessionRuleOutcome.Refused)
            {
                return ServerFunctionEndpoint.RefuseAsync(httpContext, requirement.RuleName ?? requirement.Rule!.Name);
            }

            if (outcome == SessionRuleOutcome.InvalidArgument)
            {
                httpContext.Response.Headers.CacheControl = "no-store";
                return failure.WriteAsync(httpContext.Response);
            }
        }

        return null;
    }

    /// <summary>
    /// The controller action's parameter that binds <paramref name="name"/>: named so, or bound under that name
    /// (<c>[FromQuery(Name = "house")]</c>); <see langword="null"/> when the endpoint is no controller action or binds no such parameter.
    /// </summary>
    public static ParameterDescriptor? BoundParameter(ActionDescriptor? action, string name)
    {
        if (action is not ControllerActionDescriptor)
        {
            return null;
        }

        foreach (var parameter in action.Parameters)
        {
            if (string.Equals(parameter.Name, name, StringComparison.OrdinalIgnoreCase)
                || string.Equals(parameter.BindingInfo?.BinderModelName, name, StringComparison.OrdinalIgnoreCase))
            {
                return parameter;
            }
        }

        return null;
    }

    /// <summary>Whether MVC runs this filter for <paramref name="action"/> (it is among the action's filters).</summary>
    public static bool RunsFor(ActionDescriptor action)
    {
        foreach (var filter in action.FilterDescriptors)
        {
            if (filter.Filter is SessionRuleActionFilter)
            {
                return true;
            }
        }

        return false;
    }
}
