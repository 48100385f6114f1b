using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Http;

namespace SessionAuth;

/// <summary>
/// Refuses to start an app whose endpoints or options depend on <c>UseSessionAuth()</c> when the middleware was never
/// added, or was added only before <c>UseRouting()</c>. It runs once every hosted service has started, the web server
/// included, so the pipeline is built and every endpoint data source is registered.
/// </summary>
/// <remarks>
/// It cannot see endpoints that appear after the start (a data source that changes), a call made in a branch that is
/// placed before routing in a way the builder's properties do not show, or a request re-executed for another endpoint;
/// <see cref="SessionMiddlewareGate"/> fails those requests instead.
/// </remarks>
internal sealed class SessionMiddlewareStartupCheck(
    SessionMiddlewareCalls calls,
    SessionAuthOptions options,
    EndpointDataSource? endpoints) : StartedCheck
{
    public override Task StartedAsync(CancellationToken cancellationToken)
    {
        var needingMiddleware = FindEndpointsNeedingMiddleware();
        if (!calls.AnyCall)
        {
            if (needingMiddleware.Count > 0)
            {
                throw new InvalidOperationException(
                    $"app.UseSessionAuth() was never called, and these endpoints need it for their session guard or preloading: {Name(needingMiddleware)}. " +
                    "Without it they would never run; call app.UseSessionAuth() after UseRouting() (when the app calls it) and before the endpoints.");
            }

            if (options.PreloadAllRequests || options.PreloadPaths.Count > 0)
            {
                var option = options.PreloadAllRequests ? "SessionAuthOptions.PreloadAllRequests" : "SessionAuthOptions.PreloadPaths";
                throw new InvalidOperationException(
                    $"{option} is set, but app.UseSessionAuth() was never called, and it is the middleware that preloads. " +
                    "Call app.UseSessionAuth() after UseRouting() (when the app calls it) and before the endpoints.");
            }
        }
        else if (needingMiddleware.Count > 0 && calls.EveryCallPrecedesRouting)
        {
            throw new InvalidOperationException(
                $"app.UseSessionAuth() was called before app.UseRouting(), where no endpoint is chosen yet, so it guards nothing, and these endpoints need it: {Name(needingMiddleware)}. " +
                "Call app.UseSessionAuth() after UseRouting() and before the endpoints.");
        }

        return Task.CompletedTask;
    }

    private List<Endpoint> FindEndpointsNeedingMiddleware()
    {
        var found = new List<Endpoint>();
        if (endpoints is null)
        {
            return found;
        }

        foreach (var endpoint in endpoints.Endpoints)
        {
            if (SessionEndpointMetadata.Read(endpoint).NeedsMiddleware)
            {
                found.Add(endpoint);
            }
        }

        return found;
    }

    private static string Name(List<Endpoint> endpoints) =>
        EndpointNames.Join(endpoints, static endpoint => $"'{SessionMiddlewareGate.Describe(endpoint)}'");
}
