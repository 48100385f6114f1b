using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;
using SessionAuth.Infrastructure;

namespace SessionAuth;

/// <summary>Serves the generated browser client of the app's server functions.</summary>
public static class ServerFunctionClientEndpointRouteBuilderExtensions
{
    /// <summary>The path of the ES module.</summary>
    public const string ScriptPath = "/_server/client.js";

    /// <summary>The path of its TypeScript declarations.</summary>
    public const string DeclarationsPath = "/_server/client.d.ts";

    /// <summary>
    /// Maps <c>GET /_server/client.js</c>, the ES module the generator writes for the app's server functions (one object
    /// per declaring type, one async function per server function: <c>import { Students } from "/_server/client.js"</c>),
    /// and <c>GET /_server/client.d.ts</c>, its TypeScript declarations. Both are static code holding no data, so they are
    /// open to anonymous callers and left out of API descriptions (OpenAPI). Each answer carries a strong <c>ETag</c> of
    /// its content and <c>Cache-Control: no-cache</c>: the browser keeps its copy and asks again on each use, a matching
    /// <c>If-None-Match</c> gets <c>304</c> with no body, and a new deployment is picked up at once under the same URL.
    /// </summary>
    /// <remarks>
    /// The generated <c>MapServerFunctions()</c> hands the client to the runtime; call it too (before or after this). A
    /// request that comes while it has not been called fails with an <see cref="InvalidOperationException"/> saying so.
    /// Once both are called, the declarations are checked against the app's JSON options (the property names each record
    /// is written with, each enum's values): the client describes System.Text.Json's web defaults and the attributes on
    /// the types, and an app whose options write otherwise fails to start, told each difference.
    /// </remarks>
    /// <exception cref="InvalidOperationException">The app's JSON options write a type the client declares otherwise.</exception>
    /// <param name="endpoints">The application's endpoint route builder.</param>
    /// <returns>A builder for the two endpoints' conventions.</returns>
    public static IEndpointConventionBuilder MapServerFunctionClient(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var holder = ServerFunctionClientFiles.For(endpoints.ServiceProvider);
        ServerFunctionClientFiles.Serve(endpoints.ServiceProvider, holder);
        var group = endpoints.MapGroup(string.Empty);
        group.MapMethods(ScriptPath, [HttpMethods.Get], httpContext => WriteAsync(httpContext, Files(holder).Script, "text/javascript; charset=utf-8"))
            .WithDisplayName("SessionAuth server function client");
        group.MapMethods(DeclarationsPath, [HttpMethods.Get], httpContext => WriteAsync(httpContext, Files(holder).Declarations, "application/typescript; charset=utf-8"))
            .WithDisplayName("SessionAuth server function client declarations");
        group.WithMetadata(new AllowAnonymousAttribute()).ExcludeFromDescription();
        return group;
    }

    private static ClientFiles Files(ServerFunctionClientFiles.Holder holder) =>
        holder.Files ?? throw new InvalidOperationException(
            "The server function client is not registered: call app.MapServerFunctions(), whose generated code hands it to MapServerFunctionClient().");

    private static Task WriteAsync(HttpContext httpContext, ClientFile file, string contentType)
    {
        var response = httpContext.Response;
        response.Headers.ETag = file.ETag;
        response.Headers.CacheControl = "no-cache";
        if (Matches(httpContext.Request, file.ETag))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return Task.CompletedTask;
        }

        response.ContentType = contentType;
        response.ContentLength = file.Content.Length;
        return response.Body.WriteAsync(file.Content, httpContext.RequestAborted).AsTask();
    }

    /// <summary>Whether the request's <c>If-None-Match</c> names the file's ETag (weakly, as RFC 9110 compares it there) or <c>*</c>.</summary>
    private static bool Matches(HttpRequest request, string etag)
    {
        var ifNoneMatch = request.GetTypedHeaders().IfNoneMatch;
        if (ifNoneMatch is null)
        {
            return false;
        }

        var current = new EntityTagHeaderValue(etag);
        foreach (var candidate in ifNoneMatch)
        {
            if (candidate.Equals(EntityTagHeaderValue.Any) || candidate.Compare(current, useStrongComparison: false))
            {
                return true;
            }
        }

        return false;
    }
}
