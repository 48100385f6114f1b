using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SessionAuth.Infrastructure;

namespace SessionAuth;

/// <summary>
/// Refuses to start an app with an endpoint whose <see cref="RequireSessionAttribute{TRule}"/> <c>UseSessionAuth()</c>
/// could not evaluate: the rule was never registered (its project does not run the SessionAuth generator), it reads
/// another session data type than the app's, or its <c>Argument</c> does not fit it. Such an endpoint would otherwise
/// refuse every request, or worse, be taken for guarded when it is not.
/// </summary>
/// <remarks>Server functions call their rules in generated code and are not checked here (they are not guarded through metadata).</remarks>
internal sealed class SessionRuleStartupCheck(ISessionManager sessions, EndpointDataSource? endpoints) : StartedCheck
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
            if (SessionEndpointMetadata.Read(endpoint).Rules is not { } requirements)
            {
                continue;
            }

            foreach (var requirement in requirements)
            {
                if (requirement.Rule is { } rule && Problem(requirement, rule) is { } problem)
                {
                    problems.Add($"'{SessionMiddlewareGate.Describe(endpoint)}': {problem}");
                }
            }
        }

        if (problems.Count > 0)
        {
            throw new InvalidOperationException(
                $"These endpoints carry session rules that UseSessionAuth() cannot evaluate: {string.Join("; ", problems)}.");
        }

        return Task.CompletedTask;
    }

    private string? Problem(RequireSessionAttribute requirement, Type rule)
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

        return (evaluator.TakesArgument, requirement.RuleArgument) switch
        {
            (true, null) => $"the rule {name} reads an argument; name the parameter it reads with Argument = nameof(parameter)",
            (false, { } argument) => $"the rule {name} reads the session alone, but Argument names '{argument}'; remove Argument",
            (true, { } argument) when !evaluator.ReadsArgumentFromText =>
                $"the rule {name} reads '{argument}' as a type that cannot be read from a route value or the query string; only a server function can bind it",
            _ => null,
        };
    }
}
