using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace SessionAuth;

/// <summary>
/// Refuses to start an app where an <see cref="IAllowAnonymous"/> the server function does not declare itself (its route
/// group's <c>.AllowAnonymous()</c>, one on <c>MapServerFunctions()</c>, <c>WithMetadata(new AllowAnonymousAttribute())</c>,
/// a convention or a <c>Finally</c> convention that adds one, at any depth of nested groups) reaches the endpoint of a
/// function whose own <c>[Authorize]</c> decides. The function's nearest decision is its <c>[Authorize]</c> (the generator
/// does not carry an <c>[AllowAnonymous]</c> farther out), but <c>UseAuthorization()</c> lets an
/// <see cref="IAllowAnonymous"/> anywhere in the metadata win, so the role or policy would silently not be checked.
/// </summary>
/// <remarks>
/// The start is refused rather than the foreign <see cref="IAllowAnonymous"/> taken off the endpoint: metadata can be
/// added after any convention of ours has run (a group's <c>Finally</c> convention runs after the endpoint's), and an app
/// that opens a group and also asks a function in it for a role has said two things; only its author can say which is
/// meant. The function's own <c>[RequireSession]</c> and rules are not concerned: its generated endpoint checks them
/// itself, whatever the metadata says. Runs once the app has started, when every endpoint data source is registered; an
/// endpoint that appears later (a data source that changes) is not seen.
/// </remarks>
internal sealed class GroupAllowAnonymousStartupCheck(EndpointDataSource? endpoints) : StartedCheck
{
    public override Task StartedAsync(CancellationToken cancellationToken)
    {
        if (endpoints is null)
        {
            return Task.CompletedTask;
        }

        var opened = new List<(Endpoint Endpoint, string Problem)>();
        foreach (var endpoint in endpoints.Endpoints)
        {
            if (endpoint.Metadata.GetMetadata<ServerFunctionMetadata>() is { } function && Problem(endpoint.Metadata, function) is { } problem)
            {
                opened.Add((endpoint, problem));
            }
        }

        if (opened.Count > 0)
        {
            throw new InvalidOperationException(
                "These server functions decide with an [Authorize] of their own, but their endpoint also carries an IAllowAnonymous they do not declare, " +
                "added by their route group or a convention on MapServerFunctions() (.AllowAnonymous(), WithMetadata(new AllowAnonymousAttribute()), or a convention that adds one); " +
                $"UseAuthorization() lets any IAllowAnonymous win, so their [Authorize] would never be checked: {EndpointNames.Join(opened, Named)}. " +
                "Take the AllowAnonymous off the group and mark the functions meant to be open [AllowAnonymous] themselves, map these functions outside that group, " +
                "or remove their [Authorize] if they are meant to be open.");
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// What opens the function's own authorization: its <see cref="IAuthorizeData"/> or <see cref="IAuthorizationRequirementData"/>
    /// attributes and the foreign <see cref="IAllowAnonymous"/>; <see langword="null"/> when nothing does.
    /// </summary>
    internal static string? Problem(EndpointMetadataCollection metadata, ServerFunctionMetadata function)
    {
        // Open by its own decision: the group's IAllowAnonymous changes nothing.
        if (function.AllowsAnonymous || Array.Exists(function.Attributes, static attribute => attribute is IAllowAnonymous))
        {
            return null;
        }

        List<string>? own = null;
        foreach (var attribute in function.Attributes)
        {
            if (attribute is IAuthorizeData or IAuthorizationRequirementData)
            {
                (own ??= []).Add(AsWritten(attribute));
            }
        }

        if (own is null || metadata.GetMetadata<IAllowAnonymous>() is not { } foreign)
        {
            return null;
        }

        return $"{string.Join(", ", own)} opened by {foreign.GetType().Name}";
    }

    private static string Named((Endpoint Endpoint, string Problem) entry)
    {
        var route = (entry.Endpoint as RouteEndpoint)?.RoutePattern.RawText;
        return route is null
            ? $"'{SessionMiddlewareGate.Describe(entry.Endpoint)}' ({entry.Problem})"
            : $"'{SessionMiddlewareGate.Describe(entry.Endpoint)}' at {route} ({entry.Problem})";
    }

    /// <summary>The attribute as it is written: <c>[Authorize(Roles = "Admin")]</c>.</summary>
    private static string AsWritten(object attribute)
    {
        var name = attribute.GetType().Name;
        var written = new StringBuilder("[").Append(name.EndsWith("Attribute", StringComparison.Ordinal) ? name[..^"Attribute".Length] : name);
        if (attribute is IAuthorizeData data)
        {
            var named = new List<string>(3);
            if (data.Policy is { } policy)
            {
                named.Add($"Policy = \"{policy}\"");
            }

            if (data.Roles is { } roles)
            {
                named.Add($"Roles = \"{roles}\"");
            }

            if (data.AuthenticationSchemes is { } schemes)
            {
                named.Add($"AuthenticationSchemes = \"{schemes}\"");
            }

            if (named.Count > 0)
            {
                written.Append('(').Append(string.Join(", ", named)).Append(')');
            }
        }

        return written.Append(']').ToString();
    }
}
