using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SessionAuth.Infrastructure;

namespace SessionAuth;

/// <summary>
/// Judges the rules over an argument an MVC action or a Razor Pages handler binds on the value MVC bound for it, once
/// model binding is done: whichever value provider supplied it (a form field, <c>name[]</c> read by the jQuery form
/// provider, the route, the query, a header, the body, a custom binder), the rule sees exactly what the action gets.
/// <c>AddSessionAuth</c> adds it to <see cref="MvcOptions.Filters"/>; an app whose actions or pages need it while it is
/// missing does not start (<see cref="SessionRuleStartupCheck"/>). Rules over the session alone, and over a value a
/// controller action does not bind, <c>UseSessionAuth()</c> judges before MVC runs; for a page it judges the route or
/// query value as well (a page's handler is chosen only once MVC runs), and both must hold.
/// </summary>
internal sealed class SessionRuleActionFilter : IAsyncActionFilter, IAsyncPageFilter, IOrderedFilter
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

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var httpContext = context.HttpContext;
        if (SessionEndpointMetadata.Read(httpContext.GetEndpoint()).Rules is { } requirements
            && Check(httpContext, requirements, name => PageValue(context, name)) is { } refusal)
        {
            await refusal.ConfigureAwait(false);
            context.Result = new EmptyResult();
            return;
        }

        await next().ConfigureAwait(false);
    }

    private static Task? Check(HttpContext httpContext, ActionDescriptor action, IDictionary<string, object?> arguments, IReadOnlyList<RequireSessionAttribute> requirements) =>
        Check(httpContext, requirements, name => BoundParameter(action, name) is { } parameter ? new BoundValue(arguments.TryGetValue(parameter.Name, out var value) ? value : null) : null);

    /// <summary>What a page binds under <paramref name="name"/>: its handler's parameter, or a bound property of its model.</summary>
    private static BoundValue? PageValue(PageHandlerExecutingContext context, string name)
    {
        foreach (var parameter in context.HandlerMethod?.Parameters ?? [])
        {
            if (Names(parameter, name))
            {
                return new BoundValue(context.HandlerArguments.TryGetValue(parameter.Name, out var value) ? value : null);
            }
        }

        foreach (var property in context.ActionDescriptor.BoundProperties)
        {
            if (Names(property, name) && property is Microsoft.AspNetCore.Mvc.Infrastructure.IPropertyInfoParameterDescriptor { PropertyInfo: { } info })
            {
                return new BoundValue(info.GetValue(context.HandlerInstance));
            }
        }

        return null;
    }

    private static bool Names(ParameterDescriptor parameter, string name) =>
        string.Equals(parameter.Name, name, StringComparison.OrdinalIgnoreCase)
        || string.Equals(parameter.BindingInfo?.BinderModelName, name, StringComparison.OrdinalIgnoreCase);

    /// <summary>A value the endpoint bound (<see langword="null"/> when it bound none).</summary>
    private sealed record BoundValue(object? Value);

    private static Task? Check(HttpContext httpContext, IReadOnlyList<RequireSessionAttribute> requirements, Func<string, BoundValue?> boundValue)
    {
        for (var i = 0; i < requirements.Count; i++)
        {
            var requirement = requirements[i];
            if (requirement.RuleArgument is not { } name || boundValue(name) is not { Value: var value })
            {
                continue;
            }

            // UseSessionAuth() admitted the request with an open, authenticated session.
            var outcome = SessionRuleEvaluator.JudgeBound(requirement, httpContext, value, name, out var failure);
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
            if (Names(parameter, name))
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
