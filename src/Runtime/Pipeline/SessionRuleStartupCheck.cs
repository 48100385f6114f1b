using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using SessionAuth.Infrastructure;

namespace SessionAuth;

/// <summary>
/// Refuses to start an app with an endpoint whose <see cref="RequireSessionAttribute{TRule}"/> could not be evaluated, or
/// would judge another value than the endpoint acts on: the rule was never registered (its project does not run the
/// SessionAuth generator), it reads another session data type than the app's, its <c>Argument</c> does not fit it, or the
/// endpoint binds the argument from somewhere the rule does not read it (a minimal API's body, form, header, services or
/// own binder; a controller property; a controller action MVC runs without <see cref="SessionRuleActionFilter"/>). Such
/// an endpoint would otherwise refuse every request, or worse, be taken for guarded when it is not.
/// </summary>
/// <remarks>
/// A server function's own rules are called in generated code and not checked here; the rules a route group adds to it
/// are, and one over an argument the function binds is judged on the bound value, as is one over a controller action's
/// argument. Every other rule over an argument reads it from the route values or the query string.
/// </remarks>
internal sealed class SessionRuleStartupCheck(ISessionManager sessions, EndpointDataSource? endpoints, MvcOptions? mvc) : StartedCheck
{
    public override Task StartedAsync(CancellationToken cancellationToken)
    {
        if (endpoints is null)
        {
            return Task.CompletedTask;
        }

        var problems = new List<string>();
        foreach (var endpoint in endpoints.Endpoints)
        {
            foreach (var (requirement, judgedOnBoundValue) in RulesOf(endpoint))
            {
                if (requirement.Rule is { } rule && Problem(endpoint, requirement, rule, judgedOnBoundValue) is { } problem)
                {
                    problems.Add($"'{SessionMiddlewareGate.Describe(endpoint)}': {problem}");
                }
            }
        }

        if (problems.Count > 0)
        {
            throw new InvalidOperationException(
                $"These endpoints carry session rules that cannot judge the value they guard: {string.Join("; ", problems)}.");
        }

        return Task.CompletedTask;
    }

    /// <summary>The endpoint's rules that run outside generated code, each with whether it is judged on a value the endpoint bound.</summary>
    private static IEnumerable<(RequireSessionAttribute Requirement, bool JudgedOnBoundValue)> RulesOf(Endpoint endpoint)
    {
        var action = endpoint.Metadata.GetMetadata<ControllerActionDescriptor>();
        foreach (var requirement in SessionEndpointMetadata.Read(endpoint).Rules ?? [])
        {
            yield return (requirement, action is not null && requirement.RuleArgument is { } name && SessionRuleActionFilter.BoundParameter(action, name) is not null);
        }

        if (endpoint.Metadata.GetMetadata<ServerFunctionMetadata>() is { } function && function.GroupRules(endpoint.Metadata).Bound is { } bound)
        {
            foreach (var requirement in bound)
            {
                yield return (requirement, true);
            }
        }
    }

    private string? Problem(Endpoint endpoint, RequireSessionAttribute requirement, Type rule, bool judgedOnBoundValue)
    {
        var name = SessionRuleNames.Of(rule);
        if (requirement.RuleEvaluator is not { } evaluator)
        {
            return SessionRules.WhyNotRegistered(rule) is { } why
                ? $"the rule {name} was not registered: {why}"
                : $"the rule {name} was never registered. The SessionAuth source generator registers every rule a project declares or names in [RequireSession<TRule>] (in C#, or in a .razor file's @attribute); " +
                    $"reference the SessionAuth package (which carries the generator) from the project that names {name}, or from the app, not the SessionAuth assembly alone";
        }

        if (evaluator.SessionType != sessions.SessionDataType)
        {
            return $"the rule {name} reads sessions of type {evaluator.SessionType.FullName}, but the app's session data type is {sessions.SessionDataType.FullName} (AddSessionAuth<{sessions.SessionDataType.Name}>())";
        }

        if (requirement.RuleArgument is { } renamed && endpoint.Metadata.GetMetadata<ServerFunctionMetadata>() is { } function
            && Array.Exists(function.RenamedParameters, p => string.Equals(p, renamed, StringComparison.OrdinalIgnoreCase)))
        {
            return $"the rule {name} reads '{renamed}', a parameter the server function {function.Name} binds from the request under another name, so the rule would judge another value than the function binds; " +
                "give Argument the name the function binds it by, or drop the parameter's Name";
        }

        return (evaluator.TakesArgument, requirement.RuleArgument) switch
        {
            (true, null) => $"the rule {name} reads an argument; name the parameter it reads with Argument = nameof(parameter)",
            (false, { } argument) => $"the rule {name} reads the session alone, but Argument names '{argument}'; remove Argument",
            (true, { } argument) when judgedOnBoundValue => BoundValueProblem(endpoint, rule.Name, argument, evaluator.ArgumentType!),
            (true, { } argument) when !evaluator.ReadsArgumentFromText =>
                $"the rule {name} reads '{argument}' as a type that cannot be read from a route value or the query string; only a server function can bind it",
            (true, { } argument) => ControllerPropertyProblem(endpoint, rule.Name, argument) ?? PageProblem(endpoint, rule.Name, argument) ?? MinimalApiProblem(endpoint, rule.Name, argument),
            _ => null,
        };
    }

    /// <summary>A controller action's argument is judged by <see cref="SessionRuleActionFilter"/>: MVC must run it, and the types must meet.</summary>
    private static string? BoundValueProblem(Endpoint endpoint, string rule, string argument, Type argumentType)
    {
        if (endpoint.Metadata.GetMetadata<ControllerActionDescriptor>() is not { } action || SessionRuleActionFilter.BoundParameter(action, argument) is not { } parameter)
        {
            return null;
        }

        if (!SessionRuleActionFilter.RunsFor(action))
        {
            return $"the rule {rule} reads the action's argument '{argument}', which SessionAuth's MVC filter judges once MVC has bound it, but that filter is not among the action's filters " +
                "(AddSessionAuth adds it to MvcOptions.Filters; something removed it); keep it in MvcOptions.Filters";
        }

        return Meets(parameter.ParameterType, argumentType) ? null
            : $"the rule {rule} reads '{argument}' as {argumentType.Name}, but the action binds it as {parameter.ParameterType.Name}; make the parameter a {argumentType.Name}";
    }

    private static bool Meets(Type bound, Type argument) =>
        argument.IsAssignableFrom(bound) || Nullable.GetUnderlyingType(argument) == bound || Nullable.GetUnderlyingType(bound) == argument;

    /// <summary>A controller's bound property is set by MVC after UseSessionAuth() ran, from any value provider.</summary>
    private static string? ControllerPropertyProblem(Endpoint endpoint, string rule, string argument)
    {
        if (endpoint.Metadata.GetMetadata<ControllerActionDescriptor>() is not { } action)
        {
            return null;
        }

        foreach (var property in action.BoundProperties)
        {
            if (string.Equals(property.Name, argument, StringComparison.OrdinalIgnoreCase) || string.Equals(property.BindingInfo?.BinderModelName, argument, StringComparison.OrdinalIgnoreCase))
            {
                return $"the rule {rule} reads '{argument}', which the controller binds into its property {property.Name}, a value the rule does not judge; bind it as a parameter of the action instead";
            }
        }

        return null;
    }

    /// <summary>A Razor page's handler arguments and bound properties are judged by <see cref="SessionRuleActionFilter"/>, which MVC must run.</summary>
    private string? PageProblem(Endpoint endpoint, string rule, string argument) =>
        endpoint.Metadata.GetMetadata<PageActionDescriptor>() is null || mvc is null || mvc.Filters.Any(static filter => filter is SessionRuleActionFilter) ? null
            : $"the rule {rule} reads '{argument}', which the page may bind from any value MVC reads, and SessionAuth's MVC filter that judges the bound value " +
                "is not in MvcOptions.Filters (AddSessionAuth adds it; something removed it); keep it in MvcOptions.Filters";

    /// <summary>
    /// A minimal API handler (RequestDelegateFactory or the Request Delegate Generator describe its parameters in
    /// <see cref="IParameterBindingMetadata"/>): the rule reads the route value or else the query string of its name, so the
    /// handler must bind that name from there, under that name, as text.
    /// </summary>
    private static string? MinimalApiProblem(Endpoint endpoint, string rule, string argument)
    {
        foreach (var parameter in endpoint.Metadata.GetOrderedMetadata<IParameterBindingMetadata>())
        {
            var (source, key) = SourceOf(parameter);
            if (!string.Equals(parameter.Name, argument, StringComparison.OrdinalIgnoreCase) && !string.Equals(key, argument, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var fix = $"bind it from the route or the query string, or, if it is not the value the rule is about, give it another name";
            if (source is null or "the query string" or "the route")
            {
                if (!string.Equals(key, argument, StringComparison.OrdinalIgnoreCase))
                {
                    return $"the rule {rule} reads the value '{argument}', but the handler binds its parameter '{parameter.Name}' from the value '{key}'; set Argument = \"{key}\"";
                }

                if (source is null && (parameter.HasBindAsync || !parameter.HasTryParse))
                {
                    source = parameter.HasBindAsync ? "its type's own BindAsync" : "the request body or services (a type that does not parse from text)";
                }
                else if (source == "the query string" && parameter.IsOptional && endpoint is RouteEndpoint route && route.RoutePattern.GetParameter(argument) is not null)
                {
                    return $"the rule {rule} reads the route value '{argument}', but the handler binds '{parameter.Name}' from the query string, and goes on without it; bind it from the route";
                }
                else
                {
                    continue;
                }
            }

            return $"the rule {rule} reads '{argument}' from the route values or the query string, but the handler binds its parameter '{parameter.Name}' from {source}, a value the rule would not judge; {fix}";
        }

        return null;
    }

    /// <summary>Where a minimal API parameter's binding attribute says it binds from, and under which name; no source when it infers one.</summary>
    private static (string? Source, string Key) SourceOf(IParameterBindingMetadata parameter)
    {
        foreach (var attribute in parameter.ParameterInfo.GetCustomAttributes(inherit: true))
        {
            switch (attribute)
            {
                case IFromRouteMetadata route:
                    return ("the route", route.Name ?? parameter.Name);
                case IFromQueryMetadata query:
                    return ("the query string", query.Name ?? parameter.Name);
                case IFromHeaderMetadata header:
                    return ("a header", header.Name ?? parameter.Name);
                case IFromFormMetadata form:
                    return ("the form", form.Name ?? parameter.Name);
                case IFromBodyMetadata:
                    return ("the request body", parameter.Name);
                case IFromServiceMetadata or FromKeyedServicesAttribute:
                    return ("services", parameter.Name);
                case AsParametersAttribute:
                    return ("the members of an [AsParameters] type", parameter.Name);
            }
        }

        return (null, parameter.Name);
    }
}
