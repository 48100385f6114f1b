using Microsoft.AspNetCore.Http;

namespace SessionAuth;

/// <summary>
/// The rules a route group adds to a server function (<c>WithMetadata(new RequireSessionAttribute&lt;TRule&gt; { ... })</c>
/// on <c>MapServerFunctions()</c> or a group around it), split by who judges them. A rule over an argument the function
/// binds is judged on the value the function bound (<see cref="Infrastructure.ServerFunctionArguments"/>), wherever that
/// value came from (its JSON body, a form field, a header, a route value); <c>UseSessionAuth()</c> judges every other one,
/// an argument from the route values or the query string. The function's own rules it calls itself, in generated code.
/// </summary>
internal sealed class ServerFunctionGroupRules
{
    private ServerFunctionGroupRules(IReadOnlyList<RequireSessionAttribute>? middleware, RequireSessionAttribute[]? bound)
    {
        Middleware = middleware;
        Bound = bound;
    }

    /// <summary>The rules <c>UseSessionAuth()</c> judges; <see langword="null"/> when there are none.</summary>
    public IReadOnlyList<RequireSessionAttribute>? Middleware { get; }

    /// <summary>The rules over an argument the function binds, judged as it binds it; <see langword="null"/> when there are none.</summary>
    public RequireSessionAttribute[]? Bound { get; }

    public static ServerFunctionGroupRules Of(EndpointMetadataCollection metadata, ServerFunctionMetadata function)
    {
        // [AllowAnonymous] opens the function to its group's rules as to its group's [RequireSession].
        if (metadata.GetMetadata<Microsoft.AspNetCore.Authorization.IAllowAnonymous>() is not null)
        {
            return new ServerFunctionGroupRules(middleware: null, bound: null);
        }

        List<RequireSessionAttribute>? middleware = null;
        List<RequireSessionAttribute>? bound = null;
        foreach (var requirement in metadata.GetOrderedMetadata<RequireSessionAttribute>())
        {
            if (requirement.Rule is null || Array.IndexOf(function.Attributes, requirement) >= 0)
            {
                continue;
            }

            if (requirement.RuleArgument is { } argument && Binds(function.BoundNames, argument))
            {
                (bound ??= []).Add(requirement);
            }
            else
            {
                (middleware ??= []).Add(requirement);
            }
        }

        return new ServerFunctionGroupRules(middleware, bound?.ToArray());
    }

    /// <summary>Whether <paramref name="name"/> is among the bound names; arguments are matched without case, as they bind.</summary>
    public static bool Binds(string[] boundNames, string name)
    {
        foreach (var boundName in boundNames)
        {
            if (string.Equals(boundName, name, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
