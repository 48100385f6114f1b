using System.ComponentModel;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

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
    /// <param name="requestDelegate">The generated endpoint.</param>
    /// <returns>A builder for the endpoint's conventions.</returns>
    public static IEndpointConventionBuilder Map(RouteGroupBuilder group, string httpMethod, string pattern, ServerFunctionMetadata metadata, RequestDelegate requestDelegate)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(metadata);
        var endpoint = group.MapMethods(pattern, [httpMethod], requestDelegate)
            .WithMetadata(metadata)
            .WithDisplayName(metadata.ToString());
        return metadata.PreloadsSession ? endpoint.WithMetadata(new PreloadSessionAttribute()) : endpoint;
    }
}
