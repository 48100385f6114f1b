using System.ComponentModel;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SessionAuth.OpenApi;

namespace SessionAuth.Infrastructure;

/// <summary>Maps generated server function endpoints.</summary>
/// <remarks>Used by the generated <c>MapServerFunctions()</c>; not meant to be called directly.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ServerFunctionRoutes
{
    /// <summary>The group every server function of an assembly is mapped in, so that conventions reach them all.</summary>
    /// <param name="endpoints">The application's endpoint route builder.</param>
    /// <returns>The group.</returns>
    public static RouteGroupBuilder MapGroup(IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        return endpoints.MapGroup(string.Empty);
    }

    /// <summary>Maps one server function.</summary>
    /// <param name="group">The server functions' group.</param>
    /// <param name="httpMethod">The HTTP verb.</param>
    /// <param name="pattern">The route pattern.</param>
    /// <param name="metadata">What the endpoint is.</param>
    /// <param name="attributes">
    /// The attributes of the function's classes (outermost first) and of the function, which the endpoint carries as
    /// metadata where a minimal API carries its handler's: after the group's conventions, before its own metadata.
    /// </param>
    /// <param name="requestDelegate">The generated endpoint.</param>
    /// <param name="boundNames">
    /// The names the function's parameters bind from the request (route, query, body, form, header): a rule a group adds
    /// over one of them is judged on the value the function binds, not on the route or query value of that name.
    /// </param>
    /// <param name="api">
    /// What the function reads and answers, for API descriptions: its success and problem responses become the endpoint's
    /// <see cref="Microsoft.AspNetCore.Http.Metadata.IProducesResponseTypeMetadata"/>, and its parameters are described
    /// when a document is asked for.
    /// </param>
    /// <returns>A builder for the endpoint's conventions.</returns>
    public static IEndpointConventionBuilder Map(RouteGroupBuilder group, string httpMethod, string pattern, ServerFunctionMetadata metadata, object[] attributes, RequestDelegate requestDelegate, string[] boundNames, ServerFunctionApi api)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(httpMethod);
        ArgumentNullException.ThrowIfNull(metadata);
        ArgumentNullException.ThrowIfNull(attributes);
        ArgumentNullException.ThrowIfNull(boundNames);
        ArgumentNullException.ThrowIfNull(api);
        metadata.BoundNames = boundNames;
        metadata.Api = api;
        if (metadata.PreloadsSession)
        {
            requestDelegate = Preloaded(((IEndpointRouteBuilder)group).ServiceProvider, requestDelegate);
        }

        metadata.Attributes = attributes;

        // The responses come after the function's attributes: a [ProducesResponseType] of its own is read beside them.
        var endpointMetadata = new List<object>(attributes.Length + 8);
        endpointMetadata.AddRange(attributes);
        endpointMetadata.Add(metadata);
        var responsesStart = endpointMetadata.Count;
        ServerFunctionResponses.AddTo(
            endpointMetadata,
            api,
            bindsArguments: boundNames.Length > 0,
            guarded: metadata.RequiresSession && !metadata.AllowsAnonymous);
        var responses = endpointMetadata.GetRange(responsesStart, endpointMetadata.Count - responsesStart).ToArray();
        var endpoint = group.MapMethods(pattern, [httpMethod], requestDelegate)
            .WithMetadata([.. endpointMetadata])
            .WithDisplayName(metadata.ToString());
        if (api is { PopulateResultMetadata: { } populate, Method: { } method })
        {
            endpoint.Add(builder => populate(method, builder));
        }

        // Last, once the result type (Results<Ok<T>, BadRequest>), the function's attributes and every convention have
        // said what they answer: a status declared there is theirs to describe.
        endpoint.Finally(builder => ServerFunctionResponses.YieldToDeclared(builder.Metadata, responses));

        // [AllowAnonymous] on the function is its decision: a guard convention on the group (RequireSession(),
        // RequireAuthorization()) must not close it, and both UseSessionAuth() and UseAuthorization() honour IAllowAnonymous.
        // Both are usually among the function's attributes already; [assembly: PreloadSession] is not.
        if (metadata.AllowsAnonymous && !Array.Exists(attributes, static a => a is IAllowAnonymous))
        {
            endpoint.WithMetadata(new AllowAnonymousAttribute());
        }

        return metadata.PreloadsSession && !Array.Exists(attributes, static a => a is PreloadSessionAttribute)
            ? endpoint.WithMetadata(new PreloadSessionAttribute())
            : endpoint;
    }

    /// <summary>
    /// A server function honours <c>[PreloadSession]</c> itself, as it does its guard, whether or not
    /// <c>UseSessionAuth()</c> runs: the session is open before the function, and the response is kept out of shared
    /// caches.
    /// </summary>
    private static RequestDelegate Preloaded(IServiceProvider services, RequestDelegate function)
    {
        var sessions = ServerFunctionServices.GetSessionManager(services);
        return httpContext =>
        {
            var opening = sessions.GetSessionAsync(httpContext);
            if (!opening.IsCompletedSuccessfully)
            {
                return AfterOpeningAsync(opening, httpContext, function);
            }

            PersonalisedResponse.Mark(httpContext);
            return function(httpContext);
        };

        static async Task AfterOpeningAsync(ValueTask<Session> opening, HttpContext httpContext, RequestDelegate function)
        {
            await opening.ConfigureAwait(false);
            PersonalisedResponse.Mark(httpContext);
            await function(httpContext).ConfigureAwait(false);
        }
    }
}
